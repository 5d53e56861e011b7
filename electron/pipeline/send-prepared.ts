// The second half of the one path: a PreparedRequest goes to the engine. What cannot be decided
// before sending happens here — a signature over the final request, an OAuth token fetched through
// the same engine, one more try on a 401 challenge — then the outcome is recorded in history.
import { ContractError } from '../../shared/contract/result';
import { unresolvedMessage } from '../../shared/variables/resolve-request';
import { applyKey, bodyDirectory, send, type AuthEdits, type BaseHeaders, type FinalRequest, type SendContext, buildUrl } from '../engine';
import type { SendOutcome } from '../workspace/history/entry';
import type { RequestSpec, ResponseRecord, TimelineEvent, WireHeader } from '../../shared/model';
import { track } from './in-flight';
import type { PreparedRequest, SendHooks } from './prepared';

/** The error a send with `{{unresolved}}` placeholders gets instead of going out. */
export function unresolvedError(p: Pick<PreparedRequest, 'unresolved'>): ContractError {
  return new ContractError({ code: 'unresolved-variable', message: unresolvedMessage(p.unresolved),
    remedy: 'Define the variable (request, folder, collection, environment or globals), or pick the environment that has it.' });
}

/** The prepared headers with `extra` laid over them (same name: the extra one wins, as on the wire). */
function layered(p: PreparedRequest, extra: readonly WireHeader[]): BaseHeaders {
  if (extra.length === 0) return { list: p.headers, host: p.host, userContentType: p.userContentType, ignored: p.ignored };
  const names = new Set(extra.map((h) => h.name.toLowerCase()));
  const list = [...p.headers.filter((h) => !names.has(h.name.toLowerCase())), ...extra];
  return { list, host: p.host, userContentType: p.userContentType || names.has('content-type'), ignored: p.ignored };
}

/** The request spec the engine sends: headers travel as the prepared base, not as rows. */
export function specOf(p: PreparedRequest): RequestSpec {
  return { method: p.method, url: p.url, params: p.params, headers: [], body: p.body };
}

function contentTypeFor(p: PreparedRequest): string | undefined {
  switch (p.body.kind) {
    case 'json': return 'application/json';
    case 'text': return p.body.contentType ?? 'text/plain; charset=utf-8';
    case 'form': return 'application/x-www-form-urlencoded';
    case 'binary': return p.body.contentType ?? 'application/octet-stream';
    default: return undefined;
  }
}

/** What a signer sees: the final URL and every header but the engine's defaults. */
function finalOf(p: PreparedRequest, extra: readonly WireHeader[]): FinalRequest {
  const headers = layered(p, extra).list.filter((h) => h.origin !== 'default').map((h) => ({ name: h.name, value: h.value }));
  const ct = contentTypeFor(p);
  return { method: p.method, url: buildUrl(p.url, p.params), headers, ...(ct ? { contentType: ct } : {}), body: p.body };
}

/**
 * Sends a PreparedRequest: cancellable by `hooks.signal` or `requests.cancel({sendId})`, streaming
 * every timeline event to `hooks.onEvent`, recorded in `hooks.history` (response or failure).
 */
export async function sendPrepared(p: PreparedRequest, hooks: SendHooks = {}): Promise<ResponseRecord> {
  if (p.placeholders) throw new ContractError({ code: 'internal', message: 'a request prepared for export (secrets as {{name}}) cannot be sent' });
  if (p.unresolved.length) throw unresolvedError(p);
  const startedAt = Date.now();
  const flight = track(hooks.sendId, hooks.signal);
  const spec = specOf(p);
  // Objects of one shape, optional fields assigned when present: conditional spreads cost a clone
  // each on the hot path (a run sends hundreds of requests through here).
  const ctx: SendContext = { signal: flight.signal, bodyDir: hooks.bodyDir ?? bodyDirectory(), onEvent: hooks.onEvent, previewOnly: hooks.previewOnly === true };
  const notes: TimelineEvent[] = p.notes.length ? p.notes.map((message) => ({ type: 'info', t: 0, message })) : [];
  const outcome: Omit<SendOutcome, 'response' | 'error'> = { request: spec, injectedHeaders: p.headers, secrets: p.secrets, startedAt };
  if (p.source) outcome.source = p.source;
  try {
    for (const e of notes) hooks.onEvent?.(e);
    let edits: AuthEdits = { headers: [], query: [] };
    if (p.key?.deferred) {
      edits = await applyKey(p.key.profile, p.key.secrets, { send, options: p.options, ctx, now: hooks.now ?? Date.now });
    }
    const extra: WireHeader[] = edits.headers.length ? [...edits.headers] : [];
    if (edits.sign) extra.push(...(await edits.sign(finalOf(p, extra))));
    const run = (headers: WireHeader[]): Promise<ResponseRecord> =>
      send(spec, p.options, { signal: ctx.signal, bodyDir: ctx.bodyDir, onEvent: ctx.onEvent, previewOnly: ctx.previewOnly, base: layered(p, headers) });
    let record = await run(extra);
    if (record.status === 401 && edits.retryOn401) {
      const more = await edits.retryOn401(record, finalOf(p, extra));
      if (more) {
        const retry: TimelineEvent = { type: 'info', t: record.timings.total,
          message: `Key "${p.key!.name}": answered the 401 challenge, sent again with ${more.map((h) => h.name).join(', ')}` };
        hooks.onEvent?.(retry);
        notes.push(retry);
        const names = new Set(more.map((h) => h.name.toLowerCase()));
        record = await run([...extra.filter((h) => !names.has(h.name.toLowerCase())), ...more]);
      }
    }
    // The key's own work (an OAuth token exchange, marked as such) comes before the request it served.
    const before = [...notes, ...(edits.timeline ?? [])];
    const response = before.length ? { ...record, timeline: [...before, ...record.timeline] } : record;
    if (p.secrets.length) markSecretHeaders(response, p.secrets);
    await hooks.history?.record({ ...outcome, response });
    return response;
  } catch (err) {
    const info = (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };
    await hooks.history?.record({ ...outcome, error: info });
    throw err;
  } finally {
    flight.done();
  }
}

/**
 * A header that carries a secret value (an environment secret in a user header, a folder's secret
 * header) is marked sensitive, in the wire view and in the timeline's header events, so the app
 * masks it like a key's header until revealed. New lists replace the old: their entries may be the
 * prepared request's shared header objects.
 */
function markSecretHeaders(rec: ResponseRecord, secrets: readonly string[]): void {
  const values = secrets.filter((v) => v.length >= 4);
  if (!values.length) return;
  const holds = (h: { value: string; sensitive?: boolean }): boolean => !h.sensitive && values.some((v) => h.value.includes(v));
  if (rec.wire.headers.some(holds)) {
    rec.wire = { ...rec.wire, headers: rec.wire.headers.map((h): WireHeader => (holds(h) ? { ...h, sensitive: true } : h)) };
  }
  if (rec.timeline.some((e) => e.type === 'header.out' && holds(e))) {
    rec.timeline = rec.timeline.map((e) => (e.type === 'header.out' && holds(e) ? { ...e, sensitive: true } : e));
  }
  // A key or secret in the query (`in: query`, `?sig={{secret}}`): named so the URL is masked too.
  const names = secretParams(rec.wire.url, values);
  if (names.length) rec.wire = { ...rec.wire, sensitiveParams: names };
}

/** Names (as written) of the query parameters of `url` whose value, raw or decoded, holds one of `values`. */
function secretParams(url: string, values: readonly string[]): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const names = new Set<string>();
  for (const pair of url.slice(q + 1).split('#')[0]!.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const raw = pair.slice(eq + 1);
    let decoded = raw;
    try { decoded = decodeURIComponent(raw.replace(/\+/g, ' ')); } catch { /* not valid percent-encoding: compare as written */ }
    if (values.some((v) => raw.includes(v) || decoded.includes(v))) names.add(pair.slice(0, eq));
  }
  return [...names];
}
