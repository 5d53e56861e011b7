import { SendFailure } from './send-failure';
import type { KeyValue, RequestSpec, RequestSpecInput, WireHeader } from '../../shared/model';
import { encodeComponent } from '../../shared/util/well-formed';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Control bytes other than HTAB, DEL, and anything outside Latin-1 cannot go on the wire safely.
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]/;

const NO_ROWS: KeyValue[] = [];

function enabled(rows: KeyValue[] | undefined): KeyValue[] {
  if (!rows || rows.length === 0) return NO_ROWS;
  return rows.filter((r) => r.enabled !== false);
}

const NONE: RequestSpec['body'] = { kind: 'none' };

/** Fills the schema defaults without a zod parse or copies: this runs on every send (rows with no `enabled` count as enabled). */
export function normalizeRequest(input: RequestSpec | RequestSpecInput): RequestSpec {
  return {
    method: input.method, url: input.url,
    params: (input.params ?? NO_ROWS) as KeyValue[],
    headers: (input.headers ?? NO_ROWS) as KeyValue[],
    body: (input.body ?? NONE) as RequestSpec['body'],
  };
}

export function checkHeader(name: string, value: string): void {
  if (!TOKEN.test(name)) {
    throw new SendFailure('invalid-header', `Header name ${JSON.stringify(name)} has characters HTTP forbids`);
  }
  if (BAD_VALUE.test(value)) {
    throw new SendFailure('invalid-header', `Header ${name} has a forbidden character (CR, LF, NUL, control or non-Latin-1) in its value`);
  }
}

export function checkHeaders(headers: ReadonlyArray<Pick<WireHeader, 'name' | 'value'>>): void {
  for (const h of headers) checkHeader(h.name, h.value);
}

const METHOD = /^[A-Za-z]+$/;

/** Parses the URL and appends the enabled params, encoded; throws invalid-url. */
export function buildUrl(rawUrl: string, params: KeyValue[] | undefined): URL {
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    throw new SendFailure('invalid-url', `${JSON.stringify(rawUrl)} is not a valid URL`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new SendFailure('invalid-url', `${JSON.stringify(rawUrl)} is not an http(s) URL`);
  }
  const rows = enabled(params);
  if (rows.length > 0) {
    // Append by hand: URLSearchParams would re-encode the query the user wrote.
    let q = url.search;
    for (const p of rows) q += `${q ? '&' : '?'}${encodeComponent(p.name)}=${encodeComponent(p.value)}`;
    url.search = q;
  }
  return url;
}

/** Everything checkable without I/O: URL, method, header names and values. */
export function validateRequest(request: RequestSpec | RequestSpecInput): void {
  buildUrl(request.url, request.params as KeyValue[] | undefined);
  checkRequest(request);
}

/** Method and header checks (the URL is checked by buildUrl). */
export function checkRequest(request: RequestSpec | RequestSpecInput): void {
  if (!METHOD.test(request.method)) {
    throw new SendFailure('invalid-method', `Method ${JSON.stringify(request.method)} is not a valid HTTP method`);
  }
  for (const h of enabled(request.headers as KeyValue[] | undefined)) checkHeader(h.name, h.value);
}
