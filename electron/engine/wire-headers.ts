import pkg from '../../package.json';
import { clearanceUserAgent, DEFAULT_ACCEPT, DEFAULT_ACCEPT_ENCODING } from '../../shared/http/default-headers';
import type { KeyValue, WireHeader } from '../../shared/model';

const USER_AGENT = clearanceUserAgent((pkg as { version: string }).version);
/** undici writes these itself (or refuses them); the engine computes them. */
const MANAGED = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect']);
const EXPECTS_PAYLOAD = new Set(['POST', 'PUT', 'PATCH']);
export const PROXY_AUTH_SHOWN = 'Basic ***';

export interface BaseHeaders {
  /** user, default and injected headers, in wire order */
  list: WireHeader[];
  /** value of a user Host header, if any */
  host?: string;
  userContentType: boolean;
  /** user headers the engine manages itself, reported as info */
  ignored: string[];
}

/** The headers a request carries on every hop, before the per-hop computed ones; `omit` lists defaults switched off. */
export function baseHeaders(rows: KeyValue[], injected: WireHeader[] | undefined, decompress: boolean,
  omit: readonly string[] = []): BaseHeaders {
  const user: WireHeader[] = [];
  const ignored: string[] = [];
  let host: string | undefined;
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.enabled === false) continue;
    const lower = r.name.toLowerCase();
    if (lower === 'host') host = r.value;
    else if (MANAGED.has(lower)) ignored.push(r.name);
    else {
      user.push({ name: r.name, value: r.value, origin: 'user' });
      seen.add(lower);
    }
  }
  const list: WireHeader[] = [];
  // A switched-off default counts as set: nothing of that name is added.
  for (const name of omit) seen.add(name);
  if (!seen.has('user-agent')) list.push({ name: 'User-Agent', value: USER_AGENT, origin: 'default' });
  if (!seen.has('accept')) list.push({ name: 'Accept', value: DEFAULT_ACCEPT, origin: 'default' });
  if (decompress && !seen.has('accept-encoding')) list.push({ name: 'Accept-Encoding', value: DEFAULT_ACCEPT_ENCODING, origin: 'default' });
  for (const h of user) list.push(h);
  const userContentType = user.some((h) => h.name.toLowerCase() === 'content-type');
  if (injected && injected.length > 0) {
    // A later layer (auth, gateway) wins over a same-named user header.
    const names = new Set(injected.map((h) => h.name.toLowerCase()));
    const kept = list.filter((h) => !names.has(h.name.toLowerCase()));
    return { list: [...kept, ...injected], host, userContentType: userContentType || names.has('content-type'), ignored };
  }
  return { list, host, userContentType, ignored };
}

export interface HopHeaders {
  wire: WireHeader[];
  /** flat name/value array for undici (no connection header: undici writes it) */
  flat: string[];
}

/** The complete header block of one hop, in the order undici writes it. */
export function hopHeaders(base: BaseHeaders, url: URL, method: string, body: { length: number | null; contentType?: string } | null,
  proxyAuth: string | undefined): HopHeaders {
  const wire: WireHeader[] = [
    base.host !== undefined ? { name: 'host', value: base.host, origin: 'user' } : { name: 'host', value: url.host, origin: 'computed' },
    { name: 'connection', value: method === 'HEAD' ? 'close' : 'keep-alive', origin: 'computed' },
  ];
  const flat: string[] = ['host', wire[0]!.value];
  for (const h of base.list) {
    wire.push(h);
    flat.push(h.name, h.value);
  }
  if (body && body.contentType && !base.userContentType) {
    wire.push({ name: 'Content-Type', value: body.contentType, origin: 'computed' });
    flat.push('Content-Type', body.contentType);
  }
  if (proxyAuth) {
    wire.push({ name: 'Proxy-Authorization', value: PROXY_AUTH_SHOWN, origin: 'gateway' });
    flat.push('Proxy-Authorization', proxyAuth);
  }
  const length = body?.length ?? (EXPECTS_PAYLOAD.has(method) ? 0 : null);
  if (length !== null && (length > 0 || EXPECTS_PAYLOAD.has(method))) {
    wire.push({ name: 'content-length', value: String(length), origin: 'computed' });
    flat.push('content-length', String(length));
  }
  return { wire, flat };
}

const CROSS_ORIGIN_DROP = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** Headers not carried to another origin; returns the kept base and the dropped names. */
export function dropCredentials(base: BaseHeaders): { base: BaseHeaders; dropped: string[] } {
  const dropped: string[] = [];
  const list = base.list.filter((h) => {
    const drop = h.origin === 'auth' || h.sensitive === true || CROSS_ORIGIN_DROP.has(h.name.toLowerCase());
    if (drop) dropped.push(h.name);
    return !drop;
  });
  // A Host the user wrote for the first origin would misroute the next one.
  if (base.host !== undefined) dropped.push('Host');
  return { base: { ...base, list, host: undefined }, dropped };
}

/** Removes body headers (POST turned GET) and reports which were present. */
export function dropBodyHeaders(base: BaseHeaders): { base: BaseHeaders; dropped: string[] } {
  const dropped: string[] = [];
  const list = base.list.filter((h) => {
    const drop = h.name.toLowerCase() === 'content-type';
    if (drop) dropped.push(h.name);
    return !drop;
  });
  return { base: { ...base, list, userContentType: false }, dropped };
}
