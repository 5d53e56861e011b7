// `clearance send` prints what went on the wire (-v) and the whole record (--json) to a terminal or a
// CI log, where a credential must not appear: the send's own secret values (the ones history redacts)
// and any header whose name says it carries one are masked. The app's reply keeps the values, since
// its wire view masks them until the user asks to reveal one; a terminal has no such reveal.
import type { SendOutcome } from '../../workspace/history/entry';
import { HistoryStore } from '../../workspace/history';
import { createRedactor, maskHeaderValue, type Redactor } from '../../secrets/redact';
import type { ResponseRecord, TimelineEvent } from '../../../shared/model';

/** A history store that also remembers the secret values of the send it records. */
export class SecretsSeenHistory extends HistoryStore {
  seen: string[] = [];

  override async record(outcome: SendOutcome): ReturnType<HistoryStore['record']> {
    this.seen.push(...(outcome.secrets ?? []));
    return super.record(outcome);
  }

  redactor(): Redactor {
    return createRedactor(this.seen);
  }
}

/**
 * The record with every secret value masked in what was sent (wire view, URL, redirect hops, timeline) and in the
 * response headers. The body stays as the server sent it: it is the answer the user asked for, and
 * `--output` writes it untouched anyway.
 */
export function redactRecord(rec: ResponseRecord, r: Redactor): ResponseRecord {
  const wire = { ...rec.wire, url: r.text(rec.wire.url), requestLine: r.text(rec.wire.requestLine), headers: r.headers(rec.wire.headers) };
  return { ...rec, wire, url: r.text(rec.url), headers: r.tuples(rec.headers), redirects: r.json(rec.redirects), timeline: rec.timeline.map((ev) => redactEvent(ev, r)) };
}

/** A timeline header event is masked by its name too (a Basic pair or a fresh OAuth token is no known secret value). */
function redactEvent(ev: TimelineEvent, r: Redactor): TimelineEvent {
  if (ev.type === 'header.out' || ev.type === 'header.in') return { ...ev, value: r.text(maskHeaderValue(ev.name, ev.value)) };
  return r.json(ev);
}
