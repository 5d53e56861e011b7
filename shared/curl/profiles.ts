// A parsed curl command → a key profile (its credential) and a gateway profile (its proxy and TLS
// settings), with the credential taken out of the request. Secret values come back separately, by
// field, for the caller to store in the keychain: the profiles only hold `{secret: true}` refs.
// Pure (no URL, Buffer or DOM): used by `clearance import curl` and the app's paste.
import type { KeyValue, RequestSpec } from '../model/request';
import type { SendOptionsInput } from '../model/send-options';
import type { GatewayProfileInput, KeyProfileInput, ProfileHeader } from '../model/profiles';
import { base64UrlBytes, utf8Text } from '../profiles/base64url';
import { splitUrl } from '../profiles/url-parts';
import type { ParsedCurl } from './parse-curl';

export interface CurlProfiles {
  /** the request without the credential that moved into the key profile */
  request: RequestSpec;
  /** the send options without what moved into the gateway profile */
  options: SendOptionsInput;
  key?: KeyProfileInput;
  /** the key's secret values by field (`token`, `password`, `key`, `headers.X`): for the keychain, never files */
  keySecrets: Record<string, string>;
  gateway?: GatewayProfileInput;
  /** `proxy.password`, `tls.passphrase` */
  gatewaySecrets: Record<string, string>;
  /** what was mapped, or left alone and why */
  notes: string[];
}

export interface CurlProfileOptions {
  /** host the key is bound to (default: the URL's host, with its port when one is written) */
  host?: string;
  keyName?: string;
  gatewayName?: string;
}

const SECRET = { secret: true } as const;
/** Header names that carry an API key, as gateways document them. */
const API_KEY_HEADERS = new Set(['x-api-key', 'apikey', 'api-key', 'x-apikey', 'ocp-apim-subscription-key']);
/** Query parameters that carry an API key. */
const API_KEY_PARAMS = new Set(['api_key', 'key', 'apikey', 'api-key']);
const TOKEN_SCHEMES = /^(Bearer|Token|JWT)$/i;

type Credential =
  | { kind: 'bearer'; header: string; scheme: string; token: string }
  | { kind: 'basic'; header: string; username: string; password: string }
  | { kind: 'api-key-header'; header: string; value: string }
  | QueryCredential;
type QueryCredential = { kind: 'api-key-query'; param: string; value: string };

const literal = (v: string) => v !== '' && !v.includes('{{');

function decodeBasic(b64: string): { username: string; password: string } | null {
  const bytes = base64UrlBytes(b64.trim());
  const text = bytes ? utf8Text(bytes) : null;
  if (text === null) return null;
  const i = text.indexOf(':');
  return i < 0 ? { username: text, password: '' } : { username: text.slice(0, i), password: text.slice(i + 1) };
}

function headerCredential(h: KeyValue): Credential | null {
  if (h.enabled === false || !literal(h.value)) return null;
  const lower = h.name.toLowerCase();
  if (lower === 'authorization') {
    const m = /^(\S+)\s+(\S.*)$/.exec(h.value.trim());
    if (!m) return null;
    if (/^basic$/i.test(m[1]!)) {
      const up = decodeBasic(m[2]!);
      return up && literal(up.password) ? { kind: 'basic', header: h.name, ...up } : null;
    }
    return TOKEN_SCHEMES.test(m[1]!) ? { kind: 'bearer', header: h.name, scheme: m[1]!, token: m[2]!.trim() } : null;
  }
  return API_KEY_HEADERS.has(lower) ? { kind: 'api-key-header', header: h.name, value: h.value } : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Splits the URL's query, takes out the first API-key parameter, and rebuilds the rest as written. */
function queryCredential(url: string): { url: string; cred: QueryCredential | null } {
  const q = url.indexOf('?');
  if (q < 0) return { url, cred: null };
  const hashAt = url.indexOf('#', q);
  const query = url.slice(q + 1, hashAt < 0 ? undefined : hashAt);
  const pairs = query.split('&');
  const i = pairs.findIndex((p) => {
    const [n, v = ''] = p.split('=', 2) as [string, string?];
    return API_KEY_PARAMS.has(safeDecode(n).toLowerCase()) && literal(safeDecode(v));
  });
  if (i < 0) return { url, cred: null };
  const [n, v = ''] = pairs[i]!.split(/=(.*)/s, 2) as [string, string?];
  const rest = pairs.filter((_, k) => k !== i).join('&');
  const rebuilt = url.slice(0, q) + (rest ? `?${rest}` : '') + (hashAt < 0 ? '' : url.slice(hashAt));
  return { url: rebuilt, cred: { kind: 'api-key-query', param: safeDecode(n), value: safeDecode(v) } };
}

function profileName(text: string): string {
  const s = text.replace(/[^A-Za-z0-9._ -]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 90);
  return s || 'curl';
}

function keyOf(c: Credential, meta: { name: string; hosts: string[] }): { key: KeyProfileInput; secrets: Record<string, string> } {
  switch (c.kind) {
    case 'bearer': return { key: { ...meta, kind: 'bearer', scheme: c.scheme, token: SECRET }, secrets: { token: c.token } };
    case 'basic': return { key: { ...meta, kind: 'basic', username: c.username, password: SECRET }, secrets: { password: c.password } };
    case 'api-key-header': return { key: { ...meta, kind: 'api-key', in: 'header', param: c.header, key: SECRET }, secrets: { key: c.value } };
    case 'api-key-query': return { key: { ...meta, kind: 'api-key', in: 'query', param: c.param, key: SECRET }, secrets: { key: c.value } };
  }
}

/** Several header credentials together (Authorization and x-api-key...) become one custom-headers profile. */
function customHeaders(creds: Credential[], meta: { name: string; hosts: string[] }, headers: KeyValue[]): { key: KeyProfileInput; secrets: Record<string, string> } {
  const list: ProfileHeader[] = [];
  const secrets: Record<string, string> = {};
  for (const c of creds) {
    if (c.kind === 'api-key-query') continue;
    const value = headers.find((h) => h.name === c.header)!.value;
    list.push({ name: c.header, value: SECRET });
    secrets[`headers.${c.header}`] = value;
  }
  return { key: { ...meta, kind: 'custom-headers', headers: list }, secrets };
}

function gatewayOf(options: SendOptionsInput, name: string, notes: string[]): { gateway?: GatewayProfileInput; secrets: Record<string, string>; options: SendOptionsInput } {
  const rest: SendOptionsInput = { ...options };
  const gateway: GatewayProfileInput = { name };
  const secrets: Record<string, string> = {};
  const p = options.proxy;
  if (p) {
    const m = /^http:\/\/(?:([^@/?#:]*)(?::([^@/?#]*))?@)?([^/?#@]+)\/?$/i.exec(p.url);
    if (m) {
      const username = p.username ?? (m[1] ? safeDecode(m[1]) : undefined);
      const password = p.password ?? (m[2] !== undefined ? safeDecode(m[2]) : undefined);
      gateway.proxy = { url: `http://${m[3]}`, ...(username ? { username } : {}), ...(password ? { password: SECRET } : {}), ...(p.noProxy?.length ? { noProxy: p.noProxy } : {}) };
      if (password) secrets['proxy.password'] = password;
      delete rest.proxy;
      notes.push(`proxy ${m[3]} → gateway profile "${name}"${password ? ' (proxy password to the keychain)' : ''}`);
    } else {
      notes.push(`proxy ${p.url} kept on the request: a gateway profile takes http://host:port proxies only`);
    }
  }
  const t = options.tls;
  if (t && Object.keys(t).length > 0) {
    const { passphrase, ...plain } = t;
    gateway.tls = { ...plain, ...(passphrase ? { passphrase: SECRET } : {}) };
    if (passphrase) secrets['tls.passphrase'] = passphrase;
    delete rest.tls;
    notes.push(`TLS settings (${Object.keys(t).join(', ')}) → gateway profile "${name}"`);
  }
  return { ...(gateway.proxy || gateway.tls ? { gateway } : {}), secrets, options: rest };
}

/**
 * Maps the credential of a parsed curl command to a key profile bound to the URL's host, and its
 * proxy (-x/-U) and TLS settings (--cacert/--cert/--key/-k) to a gateway profile. Credentials written
 * as `{{variables}}` are left in the request as they are.
 */
export function profilesFromCurl(parsed: ParsedCurl, opts: CurlProfileOptions = {}): CurlProfiles {
  const notes: string[] = [];
  const parts = splitUrl(parsed.request.url);
  const host = opts.host ?? (parts ? `${parts.host}${parts.port ? `:${parts.port}` : ''}` : undefined);
  const headerCreds = parsed.request.headers.map(headerCredential).filter((c): c is Credential => c !== null);
  const fromUrl = queryCredential(parsed.request.url);
  let params = parsed.request.params;
  let queryCred: QueryCredential | null = fromUrl.cred;
  let url = parsed.request.url;
  if (queryCred) url = fromUrl.url;
  else {
    const i = params.findIndex((p) => p.enabled !== false && API_KEY_PARAMS.has(p.name.toLowerCase()) && literal(p.value));
    if (i >= 0) {
      queryCred = { kind: 'api-key-query', param: params[i]!.name, value: params[i]!.value };
      params = params.filter((_, k) => k !== i);
    }
  }
  let request: RequestSpec = { ...parsed.request, url, params };
  let key: KeyProfileInput | undefined;
  let keySecrets: Record<string, string> = {};
  const creds = headerCreds.length ? headerCreds : queryCred ? [queryCred] : [];
  if (queryCred && headerCreds.length) {
    request = { ...request, url: parsed.request.url, params: parsed.request.params };
    notes.push(`query parameter ${queryCred.param} kept on the request: the key profile holds the header credential`);
  }
  if (creds.length && host) {
    const first = creds[0]!;
    const kindName = creds.length > 1 ? 'headers' : first.kind === 'api-key-header' || first.kind === 'api-key-query' ? 'api-key' : first.kind;
    const meta = { name: opts.keyName ?? profileName(`${parts?.host ?? host}-${kindName}`), hosts: [host] };
    const made = creds.length > 1 ? customHeaders(creds, meta, parsed.request.headers) : keyOf(first, meta);
    key = made.key;
    keySecrets = made.secrets;
    const moved = new Set(creds.flatMap((c) => (c.kind === 'api-key-query' ? [] : [c.header.toLowerCase()])));
    request = { ...request, headers: request.headers.filter((h) => !moved.has(h.name.toLowerCase())) };
    notes.push(`${creds.map((c) => (c.kind === 'api-key-query' ? `query parameter ${c.param}` : `header ${c.header}`)).join(', ')} → key profile "${meta.name}" (${key.kind}), bound to ${host}`);
  } else if (creds.length) {
    request = { ...request, url: parsed.request.url, params: parsed.request.params };
    notes.push('credential kept on the request: the URL has no host to bind a key profile to');
  }
  const gw = gatewayOf(parsed.options, opts.gatewayName ?? profileName(`${parts?.host ?? 'curl'}-route`), notes);
  return {
    request, options: gw.options, keySecrets, gatewaySecrets: gw.secrets, notes,
    ...(key ? { key } : {}), ...(gw.gateway ? { gateway: gw.gateway } : {}),
  };
}
