// Edits of a PreparedRequest for probes: each returns a copy, the baseline is never touched. Header
// edits keep the wire order and the origins; what a probe adds is marked `user` (the change is the
// user's to keep), what it removes is gone from every layer.
import type { HeaderOrigin, KeyValue, WireHeader } from '../../shared/model';
import type { PreparedRequest } from '../pipeline/prepared';

export function clone(p: PreparedRequest): PreparedRequest {
  return { ...p, params: p.params.map((x) => ({ ...x })), headers: p.headers.map((h) => ({ ...h })), notes: [...p.notes] };
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Sets a header (replacing any of the same name, wherever it came from). */
export function withHeader(p: PreparedRequest, name: string, value: string, origin: HeaderOrigin = 'user'): PreparedRequest {
  const out = clone(p);
  const at = out.headers.findIndex((h) => same(h.name, name));
  const header: WireHeader = { name, value, origin };
  if (at >= 0) out.headers[at] = header;
  else out.headers.push(header);
  if (same(name, 'content-type')) out.userContentType = true;
  return out;
}

export function withoutHeaders(p: PreparedRequest, drop: (h: WireHeader) => boolean): PreparedRequest {
  const out = clone(p);
  out.headers = out.headers.filter((h) => !drop(h));
  return out;
}

export function withParam(p: PreparedRequest, name: string, value: string): PreparedRequest {
  const out = clone(p);
  out.params = [...out.params.filter((q) => q.name !== name), { name, value, enabled: true }];
  return out;
}

export function withoutParams(p: PreparedRequest, drop: (q: KeyValue) => boolean): PreparedRequest {
  const out = clone(p);
  out.params = out.params.filter((q) => !drop(q));
  return out;
}

export function withMethod(p: PreparedRequest, method: string): PreparedRequest {
  const out = clone(p);
  out.method = method;
  // A GET/HEAD/OPTIONS probe of a POST carries no body.
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') out.body = { kind: 'none' };
  return out;
}

/** The same request to another path of the same origin (the query is kept only when asked). */
export function withPath(p: PreparedRequest, path: string, keepQuery = true): PreparedRequest {
  const out = clone(p);
  const u = new URL(p.url);
  u.pathname = path;
  if (!keepQuery) {
    u.search = '';
    out.params = out.params.filter((q) => (p.key?.queryParams ?? []).includes(q.name));
  }
  out.url = u.href;
  return out;
}

/** The request with nothing the key profile added (its headers and query parameters). */
export function withoutKey(p: PreparedRequest): PreparedRequest {
  const params = new Set(p.key?.queryParams ?? []);
  const out = withoutParams(withoutHeaders(p, (h) => h.origin === 'auth'), (q) => params.has(q.name));
  delete out.key;
  return out;
}

/** A short label for a header value in a change line: credentials are never spelled out. */
export function shown(value: string): string {
  return value.length > 12 ? `${value.slice(0, 4)}…` : '…';
}
