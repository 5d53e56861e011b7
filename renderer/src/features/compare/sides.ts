// The two things Compare puts side by side, from a history entry (secrets already redacted by
// history; its body read back with history.body) or from an open tab (its last exchange, with
// credentials masked as the wire view masks them).
import type { HistoryEntry } from '../../../../shared/contract';
import type { RequestSpecInput } from '../../../../shared/model';
import type { CauseId } from '../../../../shared/explain';
import { api } from '../../platform';
import { causePhrase } from '../explain/explanation-view';
import { maskParams } from '../timeline/event-display';
import { draftTitle, useRequestEditorStore } from '../request-editor';
import { isRefusal, useResponseStore } from '../response';

export interface Side {
  /** `history:<id>` or `tab:<id>` */
  key: string;
  /** where it comes from, for the column head: `History · 14:02:11` or `Tab · /orders` */
  title: string;
  method: string;
  url: string;
  requestHeaders: Array<[string, string]>;
  requestBody: string | null;
  /** null: no response arrived */
  status: number | null;
  statusText: string;
  refused: boolean;
  error: string | null;
  responseHeaders: Array<[string, string]>;
  /** null when there is no body to compare (not kept, or binary) */
  responseBody: string | null;
  /** a word on the body (first 256 KiB kept by history, read so far from disk…) */
  bodyNote: string | null;
  durationMs: number | null;
  explained: string | null;
}

const time = (iso: string) => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
/** `Refused by nginx — insufficient permissions`, as the explanation card words it. */
function explainedText(producer: string | undefined, cause: string | undefined): string {
  return `Refused${producer ? ` by ${producer}` : ''}${cause ? ` — ${causePhrase(cause as CauseId)}` : ''}`;
}

const masked = (v: string) => (v.length > 10 ? `${v.slice(0, 4)}…${v.slice(-2)} ••••` : '••••••');

export async function sideFromHistory(e: HistoryEntry): Promise<Side> {
  const body = e.bodyFile ? await api.history.body({ id: e.id }) : { text: null, bytes: null };
  const capped = body.text !== null && body.bytes !== null && body.bytes > body.text.length;
  return {
    key: `history:${e.id}`,
    title: `History · ${time(e.time)}${e.origin === 'run' ? ' · run' : e.origin === 'cli' ? ' · CLI' : ''}`,
    method: e.method, url: e.url,
    requestHeaders: e.requestHeaders.map((h) => [h.name, h.value]),
    requestBody: e.requestBody ?? null,
    status: e.status, statusText: e.statusText ?? '',
    refused: isRefusal(e, { blocked: e.refused === true }),
    error: e.error ? e.error.message : null,
    responseHeaders: e.responseHeaders.map(([n, v]) => [n, v]),
    responseBody: body.text,
    bodyNote: body.text === null ? (e.bodyFile ? 'Body no longer kept (history was pruned)' : 'No body kept') : capped ? 'History keeps the first 256 KiB' : null,
    durationMs: e.durationMs ?? null,
    explained: e.producer || e.cause ? explainedText(e.producer, e.cause) : null,
  };
}

function requestBodyText(req: RequestSpecInput): string | null {
  const b = req.body;
  if (!b || b.kind === 'none') return null;
  if (b.kind === 'json' || b.kind === 'text') return b.text;
  if (b.kind === 'form') return b.fields.filter((f) => f.enabled !== false).map((f) => `${f.name}=${f.value}`).join('&');
  if (b.kind === 'multipart') return `(multipart: ${b.parts.map((p) => p.name).join(', ')})`;
  return `(file ${b.file})`;
}

/** The tab's last exchange; null when it has none to compare. */
export function sideFromTab(tabId: string): Side | null {
  const draft = useRequestEditorStore.getState().tabs.find((d) => d.id === tabId);
  const ex = useResponseStore.getState().byTab[tabId];
  if (!draft || !ex || (ex.state !== 'done' && ex.state !== 'failed')) return null;
  const title = `Tab · ${draftTitle(draft)}`;
  if (ex.state === 'failed') {
    return { key: `tab:${tabId}`, title, method: ex.request.method, url: ex.request.url, requestHeaders: (ex.request.headers ?? []).map((h) => [h.name, h.value]),
      requestBody: requestBodyText(ex.request), status: null, statusText: '', refused: false, error: ex.error.message, responseHeaders: [],
      responseBody: null, bodyNote: null, durationMs: null, explained: null };
  }
  const { record, explanation, pages } = ex;
  const text = record.body.encoding !== 'utf8' ? null : record.body.kind === 'inline' ? record.body.data : (pages?.text ?? record.body.preview);
  const partial = record.body.kind === 'file' && !(pages?.eof);
  return {
    key: `tab:${tabId}`, title,
    method: record.wire.method, url: maskParams(record.wire.url, record.wire.sensitiveParams ?? []),
    requestHeaders: record.wire.headers.map((h) => [h.name, h.sensitive || h.origin === 'auth' ? masked(h.value) : h.value]),
    requestBody: requestBodyText(ex.request),
    status: record.status, statusText: record.statusText,
    refused: isRefusal(record, explanation), error: null,
    responseHeaders: record.headers.map(([n, v]) => [n, v]),
    responseBody: text,
    bodyNote: text === null ? 'Binary body: not compared' : partial ? 'Only the part of the body read so far' : null,
    durationMs: record.timings.total,
    explained: explanation?.blocked ? explainedText(explanation.producer?.name, explanation.cause) : null,
  };
}
