// Where a request carries its credential — a key profile's header or query parameter, or a header
// or parameter the user wrote whose name gateways read keys from — and the value itself, so probes
// can move it (placement) or leave it out (no credentials) without knowing how it was configured.
import type { PreparedRequest } from '../pipeline/prepared';

/** Header names API gateways and SaaS APIs read keys from (AWS API Gateway, Kong, Azure APIM, Google, Azure Functions…). */
export const KEY_HEADERS = ['x-api-key', 'apikey', 'api-key', 'x-apikey', 'ocp-apim-subscription-key', 'x-goog-api-key', 'x-functions-key', 'x-auth-token'];
/** Query parameter names for keys. */
export const KEY_PARAMS = ['api_key', 'apikey', 'key', 'api-key', 'access_token', 'subscription-key', 'code', 'token'];

export type Placement = { in: 'header'; name: string; prefix?: string } | { in: 'query'; name: string };

export interface Credential {
  /** the bare secret (a Bearer token without its scheme word) */
  value: string;
  /** where it is now */
  at: Placement;
  /** it came from a key profile (else a header or parameter the user wrote) */
  fromProfile: boolean;
}

const BEARER = /^bearer\s+(\S+)$/i;

/** The request's credential, or null when it carries none a probe could move. */
export function findCredential(p: PreparedRequest): Credential | null {
  const key = p.key;
  if (key && (key.kind === 'api-key' || key.kind === 'bearer')) {
    const value = key.kind === 'api-key' ? key.secrets.key : key.secrets.token;
    if (value) {
      const profile = key.profile;
      const at: Placement = profile.kind === 'api-key'
        ? profile.in === 'query' ? { in: 'query', name: profile.param } : { in: 'header', name: profile.param, prefix: profile.prefix }
        : { in: 'header', name: 'Authorization', prefix: `${profile.kind === 'bearer' ? profile.scheme : 'Bearer'} ` };
      return { value, at, fromProfile: true };
    }
  }
  for (const h of p.headers) {
    const lower = h.name.toLowerCase();
    if (lower === 'authorization') {
      const m = BEARER.exec(h.value);
      if (m) return { value: m[1]!, at: { in: 'header', name: h.name, prefix: h.value.slice(0, h.value.length - m[1]!.length) }, fromProfile: h.origin === 'auth' };
    } else if (KEY_HEADERS.includes(lower) && h.value) {
      return { value: h.value, at: { in: 'header', name: h.name }, fromProfile: h.origin === 'auth' };
    }
  }
  const q = p.params.find((x) => KEY_PARAMS.includes(x.name.toLowerCase()) && x.value);
  if (q) return { value: q.value, at: { in: 'query', name: q.name }, fromProfile: (p.key?.queryParams ?? []).includes(q.name) };
  // A key written into the URL itself (`?api_key=…` in a pasted curl command).
  for (const [name, value] of new URL(p.url).searchParams) {
    if (KEY_PARAMS.includes(name.toLowerCase()) && value) return { value, at: { in: 'query', name }, fromProfile: false };
  }
  return null;
}

/** The URL without the query parameter `name` (the rest of the query as it was written). */
function urlWithout(url: string, name: string): string {
  const u = new URL(url);
  if (!u.searchParams.has(name)) return url;
  const kept = u.search.slice(1).split('&').filter((pair) => decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' ')) !== name);
  u.search = kept.length ? `?${kept.join('&')}` : '';
  return u.href;
}

/** The request with the credential removed from wherever it is. */
export function stripCredential(p: PreparedRequest, c: Credential): PreparedRequest {
  const params = new Set(p.key?.queryParams ?? []);
  const out: PreparedRequest = {
    ...p,
    headers: p.headers.filter((h) => h.origin !== 'auth' && !(c.at.in === 'header' && h.name.toLowerCase() === c.at.name.toLowerCase())),
    params: p.params.filter((q) => !params.has(q.name) && !(c.at.in === 'query' && q.name === c.at.name)),
    url: c.at.in === 'query' ? urlWithout(p.url, c.at.name) : p.url,
    notes: [...p.notes],
  };
  delete out.key;
  return out;
}

export function describePlacement(at: Placement): string {
  return at.in === 'query' ? `query parameter ${at.name}` : `header ${at.name}${at.prefix ? ` (${at.prefix.trim()} …)` : ''}`;
}
