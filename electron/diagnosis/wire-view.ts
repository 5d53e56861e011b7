// What one request puts on the wire, read the same way from each side of a comparison: the user's
// PreparedRequest, a browser's "Copy as cURL", a HAR entry, or a history entry. Per-hop headers
// (Host, Connection, Content-Length) are the transport's and left out; what a client adds without
// being asked (curl's User-Agent and Accept, the engine's Content-Type for a body) is in, marked.
import { parseCurl } from '../../shared/curl';
import type { HistoryEntry } from '../../shared/contract/history';
import type { Body, HttpVersion } from '../../shared/model';
import { buildUrl } from '../engine';
import type { PreparedRequest } from '../pipeline/prepared';
import { REDACTED } from '../secrets/redact';
import { encodeComponent } from '../../shared/util/well-formed';

export interface ViewHeader {
  name: string;
  value: string;
  /** who added it without being asked: `curl`, `engine` */
  implicit?: string;
}

export type WorkingFrom = 'request' | 'curl' | 'har' | 'history';

export interface WireView {
  from: WorkingFrom;
  method: string;
  /** `scheme://host[:port]`, default ports left out (URL.origin) */
  origin: string;
  path: string;
  query: Array<[string, string]>;
  /** in wire order, casing as sent; the Cookie header is in `cookies` */
  headers: ViewHeader[];
  /** the Cookie header's own name (`Cookie`, or `cookie` from an HTTP/2 capture) */
  cookieName: string;
  cookies: Array<[string, string]>;
  /** the body as text (for the diff) and as a Body (to send); null: none */
  body: { text: string; value: Body | null } | null;
  /** the version setting (curl, the request) or the version used (HAR); null: not recorded */
  httpVersion: HttpVersion | '3' | null;
  /** the full URL as captured, for display */
  url: string;
  /** the outcome the capture recorded (HAR, history) */
  status?: number | null;
  /** HAR entry number (1 = the first) */
  entry?: number;
  /** curl's warnings, HAR notes */
  notes: string[];
}

const PER_HOP = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);
/** curl's own User-Agent is curl/<version>; a rule on it matches the prefix, not the version. */
export const CURL_USER_AGENT = 'curl/8';

export const isUnknown = (v: string): boolean => v.includes(REDACTED);

export function splitCookies(value: string): Array<[string, string]> {
  return value.split(';').map((p) => p.trim()).filter(Boolean).map((p) => {
    const i = p.indexOf('=');
    return i < 0 ? [p, ''] : [p.slice(0, i).trim(), p.slice(i + 1).trim()];
  });
}

/** Headers without per-hop and pseudo ones, the Cookie header split into pairs. */
function sortHeaders(list: ViewHeader[]): Pick<WireView, 'headers' | 'cookies' | 'cookieName'> {
  const headers: ViewHeader[] = [];
  const cookies: Array<[string, string]> = [];
  let cookieName = 'Cookie';
  for (const h of list) {
    const lower = h.name.toLowerCase();
    if (h.name.startsWith(':') || PER_HOP.has(lower)) continue;
    if (lower === 'cookie') {
      cookieName = h.name;
      // A redacted Cookie header (history) is one unknown pair: its names are gone too.
      cookies.push(...(isUnknown(h.value) && !h.value.includes('=') ? [[REDACTED, h.value] as [string, string]] : splitCookies(h.value)));
    } else headers.push(h);
  }
  return { headers, cookies, cookieName };
}

export function bodyText(b: Body): string | null {
  switch (b.kind) {
    case 'none': return null;
    case 'json': case 'text': return b.text;
    case 'form': return b.fields.filter((f) => f.enabled !== false).map((f) => `${encodeComponent(f.name)}=${encodeComponent(f.value)}`).join('&');
    case 'multipart': return `(multipart: ${b.parts.filter((p) => p.enabled !== false).map((p) => (p.file !== undefined ? `${p.name}=@${p.file}` : p.name)).join(', ')})`;
    case 'binary': return `(file ${b.file})`;
  }
}

/** The Content-Type a client sends for a body it was given no type for. */
function impliedType(b: Body, curl: boolean): string | undefined {
  switch (b.kind) {
    case 'json': return 'application/json';
    case 'text': return b.contentType ?? (curl ? 'application/x-www-form-urlencoded' : 'text/plain; charset=utf-8');
    case 'form': return 'application/x-www-form-urlencoded';
    case 'multipart': return 'multipart/form-data';
    case 'binary': return b.contentType ?? (curl ? 'application/x-www-form-urlencoded' : 'application/octet-stream');
    default: return undefined;
  }
}

function urlParts(full: string): Pick<WireView, 'origin' | 'path' | 'query' | 'url'> {
  const u = new URL(full);
  return { origin: u.origin, path: u.pathname, query: [...u.searchParams.entries()], url: u.href };
}

/** The user's side: what the one path will send. */
export function viewOfPrepared(p: PreparedRequest): WireView {
  const full = buildUrl(p.url, p.params).href;
  const list: ViewHeader[] = p.headers.map((h) => ({ name: h.name, value: h.value, ...(h.origin === 'default' ? { implicit: 'engine' } : {}) }));
  const implied = p.userContentType ? undefined : impliedType(p.body, false);
  if (implied) list.push({ name: 'Content-Type', value: implied, implicit: 'engine' });
  const text = bodyText(p.body);
  return {
    from: 'request', method: p.method, ...urlParts(full), ...sortHeaders(list),
    body: text === null ? null : { text, value: p.body }, httpVersion: p.options.httpVersion ?? 'auto', notes: [],
  };
}

/** A curl command (a browser's "Copy as cURL"): with what curl adds on its own. */
export function viewOfCurl(command: string): WireView {
  const { request, options, warnings } = parseCurl(command);
  const list: ViewHeader[] = request.headers.filter((h) => h.enabled !== false).map((h) => ({ name: h.name, value: h.value }));
  const has = (n: string): boolean => list.some((h) => h.name.toLowerCase() === n);
  // curl writes User-Agent and Accept first when the command does not.
  const own: ViewHeader[] = [];
  if (!has('user-agent')) own.push({ name: 'User-Agent', value: CURL_USER_AGENT, implicit: 'curl' });
  if (!has('accept')) own.push({ name: 'Accept', value: '*/*', implicit: 'curl' });
  const implied = has('content-type') ? undefined : impliedType(request.body, true);
  if (implied) list.push({ name: 'Content-Type', value: implied, implicit: 'curl' });
  const text = bodyText(request.body);
  const full = buildUrl(request.url, request.params.filter((q) => q.enabled !== false)).href;
  return {
    from: 'curl', method: request.method, ...urlParts(full), ...sortHeaders([...own, ...list]),
    body: text === null ? null : { text, value: request.body }, httpVersion: options.httpVersion ?? 'auto', notes: warnings,
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function harVersion(v: string | undefined): WireView['httpVersion'] {
  const s = (v ?? '').toLowerCase();
  if (/^(h3|http\/3)/.test(s)) return '3';
  if (/^(h2|http\/2)/.test(s)) return '2';
  if (/^http\/1/.test(s)) return '1.1';
  return null;
}

function harBody(post: unknown): WireView['body'] {
  if (!isObj(post)) return null;
  const mime = str(post.mimeType) ?? '';
  const params = (Array.isArray(post.params) ? post.params : []).filter(isObj);
  const text = str(post.text) ?? params.map((p) => `${encodeComponent(str(p.name) ?? '')}=${encodeComponent(str(p.value) ?? '')}`).join('&');
  if (text === '') return null;
  // Multipart captures lose their files and base64 ones their bytes: shown, never sent.
  if (/^multipart\//i.test(mime) || post.encoding === 'base64') return { text, value: null };
  return { text, value: /[/+]json\b/i.test(mime) ? { kind: 'json', text } : { kind: 'text', text, ...(mime ? { contentType: mime } : {}) } };
}

export interface HarPick {
  /** 1 = the first entry; default: a 2xx entry to the same origin and path as `near`, else the first 2xx, else the first */
  entry?: number;
  near?: { origin: string; path: string };
}

/** One entry of a HAR log (its request as captured, its recorded status). */
export function viewOfHar(json: string, pick: HarPick = {}): WireView {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new Error(`not a HAR file: ${(err as Error).message}`);
  }
  const entries = isObj(doc) && isObj(doc.log) && Array.isArray(doc.log.entries) ? doc.log.entries.filter(isObj) : null;
  if (!entries) throw new Error('not a HAR file: no log.entries');
  if (!entries.length) throw new Error('the HAR has no entries');
  const statusOf = (e: Obj): number | null => (isObj(e.response) && typeof e.response.status === 'number' ? e.response.status : null);
  const urlOf = (e: Obj): URL | null => {
    const raw = isObj(e.request) ? str(e.request.url) : undefined;
    return raw && URL.canParse(raw) ? new URL(raw) : null;
  };
  const ok = (e: Obj): boolean => { const s = statusOf(e); return s !== null && s >= 200 && s < 300; };
  let index: number;
  if (pick.entry !== undefined) {
    if (!Number.isInteger(pick.entry) || pick.entry < 1 || pick.entry > entries.length) throw new Error(`entry ${pick.entry}: the HAR has entries 1 to ${entries.length}`);
    index = pick.entry - 1;
  } else {
    const near = pick.near;
    const same = near ? entries.findIndex((e) => ok(e) && urlOf(e)?.origin === near.origin && urlOf(e)?.pathname === near.path) : -1;
    index = same >= 0 ? same : Math.max(0, entries.findIndex(ok));
  }
  const entry = entries[index]!;
  const r = entry.request;
  if (!isObj(r) || !urlOf(entry)) throw new Error(`entry ${index + 1} has no request with an absolute URL`);
  const list: ViewHeader[] = (Array.isArray(r.headers) ? r.headers : []).filter(isObj).map((h) => ({ name: str(h.name) ?? '', value: str(h.value) ?? '' })).filter((h) => h.name);
  const notes: string[] = [];
  const cookies = (Array.isArray(r.cookies) ? r.cookies : []).filter(isObj);
  if (cookies.length && !list.some((h) => h.name.toLowerCase() === 'cookie')) {
    list.push({ name: 'Cookie', value: cookies.map((c) => `${str(c.name) ?? ''}=${str(c.value) ?? ''}`).join('; ') });
  }
  const body = harBody(r.postData);
  if (body && !body.value) notes.push('its body (multipart or binary) is shown, not sent: the capture does not hold its bytes');
  return {
    from: 'har', method: (str(r.method) ?? 'GET').toUpperCase(), ...urlParts(urlOf(entry)!.href), ...sortHeaders(list), body,
    httpVersion: harVersion(str(r.httpVersion)), status: statusOf(entry), entry: index + 1, notes,
  };
}

/** A history entry: its secrets were redacted when it was recorded, so those values are unknown. */
export function viewOfHistory(e: HistoryEntry): WireView {
  const list: ViewHeader[] = e.requestHeaders.map((h) => ({ name: h.name, value: h.value }));
  const text = e.requestBody;
  const unknown = list.some((h) => isUnknown(h.value)) || isUnknown(e.url) || (text !== undefined && isUnknown(text));
  return {
    from: 'history', method: e.method, ...urlParts(e.url), ...sortHeaders(list),
    body: text === undefined ? null : { text, value: isUnknown(text) || text.startsWith('(') ? null : { kind: 'text', text } },
    // History keeps the response's version only in the timeline it does not store.
    httpVersion: null, status: e.status, notes: unknown ? ['history keeps secrets redacted (•••): those values are unknown, so they are compared but never sent'] : [],
  };
}
