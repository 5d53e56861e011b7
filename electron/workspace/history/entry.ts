import { randomBytes } from 'node:crypto';
import type { HistoryEntry, HistoryOrigin } from '../../../shared/contract/history';
import type { ErrorInfo } from '../../../shared/contract/result';
import { recordBodyText, type RequestSpec, type ResponseRecord, type WireHeader } from '../../../shared/model';
import { createRedactor } from '../../secrets/redact';
import type { Verdict } from './refused';

/** What a send produced, as the requests/workspace services hand it to history. */
export interface SendOutcome {
  request: RequestSpec;
  injectedHeaders?: WireHeader[];
  response?: ResponseRecord;
  error?: ErrorInfo;
  /** resolved secret values: replaced wherever they appear */
  secrets?: string[];
  source?: HistoryEntry['source'];
  startedAt?: number;
  /** who sent it; the store's own origin when absent */
  origin?: HistoryOrigin;
}

export const BODY_CAP = 256 * 1024;

function bodyOfRequest(req: RequestSpec): string | undefined {
  const b = req.body;
  if (b.kind === 'json' || b.kind === 'text') return b.text.slice(0, BODY_CAP);
  if (b.kind === 'form') return b.fields.filter((f) => f.enabled !== false).map((f) => `${f.name}=${f.value}`).join('&').slice(0, BODY_CAP);
  if (b.kind === 'multipart') return `(multipart: ${b.parts.map((p) => p.name).join(', ')})`;
  if (b.kind === 'binary') return `(file ${b.file})`;
  return undefined;
}

/** Builds the entry and the redacted response body text (kept in a side file); `verdict` is the refusal rule's on the response. */
export function buildEntry(o: SendOutcome, now = Date.now(), verdict?: Verdict): { entry: HistoryEntry; body?: string } {
  const r = createRedactor(o.secrets ?? []);
  const rec = o.response;
  const wire = rec?.wire.headers;
  const sent = wire ?? [...o.request.headers.filter((h) => h.enabled !== false).map((h) => ({ name: h.name, value: h.value, origin: 'user' })), ...(o.injectedHeaders ?? [])];
  let url = o.request.url;
  if (rec?.wire.url) url = rec.wire.url;
  const reqBody = bodyOfRequest(o.request);
  const bodyText = rec ? recordBodyText(rec) : undefined;
  const entry: HistoryEntry = {
    id: `${now.toString(36)}-${randomBytes(4).toString('hex')}`,
    time: new Date(now).toISOString(),
    method: (rec?.wire.method ?? o.request.method).toUpperCase(),
    url: r.text(url),
    status: rec ? rec.status : null,
    ...(rec ? { statusText: rec.statusText } : {}),
    ...(rec && verdict ? { refused: verdict.refused } : {}),
    ...(rec && verdict?.producer ? { producer: verdict.producer } : {}),
    ...(rec && verdict?.cause ? { cause: verdict.cause } : {}),
    ...(o.origin ? { origin: o.origin } : {}),
    ...(o.error ? { error: { code: o.error.code, message: r.text(o.error.message) } } : {}),
    ...(o.startedAt ? { durationMs: Math.max(0, now - o.startedAt) } : rec ? { durationMs: rec.timings.total } : {}),
    requestHeaders: r.headers(sent.map((h) => ({ name: h.name, value: h.value, ...('origin' in h && h.origin ? { origin: String(h.origin) } : {}) }))),
    responseHeaders: rec ? r.tuples(rec.headers.map(([n, v]) => [n, v])) : [],
    ...(reqBody !== undefined ? { requestBody: r.text(reqBody) } : {}),
    ...(o.source ? { source: o.source } : {}),
  };
  if (bodyText === undefined || bodyText === '') return { entry };
  const capped = r.text(bodyText.slice(0, BODY_CAP));
  entry.bodyBytes = rec?.size.bodyDecoded ?? bodyText.length;
  return { entry, body: capped };
}
