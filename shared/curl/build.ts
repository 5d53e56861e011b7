// Builds the RequestSpec and SendOptionsInput from the collected curl state.
import type { Body, KeyValue, RequestSpec } from '../model/request';
import { OMITTABLE_HEADERS } from '../model/constants';
import type { SendOptionsInput } from '../model/send-options';
import { CurlParseError } from './errors';
import type { CurlState } from './state';
import { formPairs } from './values';

const FORM_URLENCODED = 'application/x-www-form-urlencoded';
const ACCEPT_ENCODING = 'gzip, deflate, br';

function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || /^application\/[^/]+\+json$/.test(media);
}

function looksLikeJson(text: string): boolean {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false; // the answer, not a failure: the text is not JSON
  }
}

function buildUrl(urls: readonly string[]): string {
  if (urls.length === 0) throw new CurlParseError('no URL in the curl command');
  if (urls.length > 1) {
    const more = urls.length > 3 ? ` and ${urls.length - 3} more` : '';
    const shown = urls.slice(0, 3).map((u) => (u.length > 100 ? `${u.slice(0, 100)}…` : u));
    throw new CurlParseError(`more than one URL: ${shown.join(', ')}${more}`);
  }
  const url = urls[0]!.trim();
  if (url === '') throw new CurlParseError('empty URL in the curl command');
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) ? url : `http://${url}`;
}

function buildHeaders(state: CurlState): KeyValue[] {
  const userNames = new Set(state.headers.filter((h) => !h.generated).map((h) => h.name.toLowerCase()));
  const taken = (name: string): boolean => userNames.has(name.toLowerCase()) || state.removed.has(name.toLowerCase());
  const headers: KeyValue[] = state.headers
    .filter((h) => !h.generated || !taken(h.name))
    .map((h) => ({ name: h.name, value: h.value, enabled: true }));
  if (state.data.some((p) => p.json) && !state.get && !taken('Accept')) {
    headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  }
  if (state.compressed && !taken('Accept-Encoding')) {
    headers.push({ name: 'Accept-Encoding', value: ACCEPT_ENCODING, enabled: true });
  }
  return headers;
}

function userContentType(headers: readonly KeyValue[]): string | undefined {
  return headers.filter((h) => h.name.toLowerCase() === 'content-type').pop()?.value;
}

/** Data pieces joined as curl does: `&` between -d values, nothing before a --json value. */
function joinedData(state: CurlState): { text: string; file?: string } {
  const files = state.data.filter((p) => 'file' in p);
  if (state.data.length === 1 && files.length === 1) return { text: '', file: (files[0] as { file: string }).file };
  for (const f of files) {
    state.warnings.push(`data from file @${(f as { file: string }).file} can't be combined with other data; skipped`);
  }
  let text = '';
  let first = true;
  for (const p of state.data) {
    if (!('text' in p)) continue;
    text += (first || p.json ? '' : '&') + p.text;
    first = false;
  }
  return { text };
}

function buildBody(state: CurlState, headers: readonly KeyValue[]): Body {
  const ct = userContentType(headers);
  const json = state.data.some((p) => p.json);
  if (state.upload !== undefined) {
    if (state.data.length > 0 || state.form.length > 0) state.warnings.push('-T uploads the file; -d/-F data ignored');
    return ct === undefined ? { kind: 'binary', file: state.upload } : { kind: 'binary', file: state.upload, contentType: ct };
  }
  if (state.form.length > 0) return { kind: 'multipart', parts: state.form };
  if (state.data.length === 0 || state.get) return { kind: 'none' };
  const data = joinedData(state);
  const contentType = ct ?? (json ? 'application/json' : FORM_URLENCODED);
  if (data.file !== undefined) return { kind: 'binary', file: data.file, contentType };
  if (json || (isJsonType(ct) && looksLikeJson(data.text))) return { kind: 'json', text: data.text };
  return { kind: 'text', text: data.text, contentType };
}

function buildMethod(state: CurlState): string {
  if (state.method !== undefined) return state.method;
  if (state.form.length > 0 || (state.data.length > 0 && !state.get)) return 'POST';
  if (state.head) return 'HEAD';
  if (state.upload !== undefined) return 'PUT';
  return 'GET';
}

export function buildRequest(state: CurlState): RequestSpec {
  if (state.form.length > 0 && state.data.length > 0) {
    throw new CurlParseError('cannot mix -F/--form with -d/--data in one curl command');
  }
  const url = buildUrl(state.urls);
  const headers = buildHeaders(state);
  let params: KeyValue[] = [];
  if (state.get && state.data.length > 0) {
    if (state.data.some((p) => 'file' in p)) state.warnings.push('-G with data from a file: the file is not read');
    params = formPairs(joinedData(state).text);
  }
  if (state.get && state.form.length > 0) state.warnings.push('-G has no effect with -F/--form');
  if (state.head && (state.data.length > 0 || state.form.length > 0) && !state.get) {
    state.warnings.push('-I with data: curl refuses this combination; the data is sent');
  }
  return { method: buildMethod(state), url, params, headers, body: buildBody(state, headers) };
}

function buildTls(state: CurlState): SendOptionsInput['tls'] {
  const tls: NonNullable<SendOptionsInput['tls']> = {};
  if (state.insecure) tls.verify = false;
  if (state.cacert !== undefined) tls.ca = state.cacert;
  if (state.cert !== undefined) {
    if (state.certType === 'P12' || /\.(p12|pfx)$/i.test(state.cert)) tls.pfx = state.cert;
    else tls.cert = state.cert;
  }
  if (state.key !== undefined) tls.key = state.key;
  if (state.passphrase !== undefined) tls.passphrase = state.passphrase;
  return Object.keys(tls).length > 0 ? tls : undefined;
}

function buildProxy(state: CurlState): SendOptionsInput['proxy'] {
  if (state.proxy === undefined) {
    if (state.proxyUser !== undefined) state.warnings.push('-U without -x: no proxy to authenticate to; ignored');
    if (state.noProxy !== undefined) state.warnings.push('--noproxy without -x: ignored');
    return undefined;
  }
  const proxy: NonNullable<SendOptionsInput['proxy']> = { url: state.proxy };
  if (state.proxyUser !== undefined) {
    const i = state.proxyUser.indexOf(':');
    proxy.username = i < 0 ? state.proxyUser : state.proxyUser.slice(0, i);
    if (i >= 0) proxy.password = state.proxyUser.slice(i + 1);
  }
  if (state.noProxy !== undefined) proxy.noProxy = state.noProxy;
  return proxy;
}

export function buildOptions(state: CurlState): SendOptionsInput {
  const options: SendOptionsInput = {
    redirects: state.maxRedirs === undefined ? { follow: state.follow } : { follow: state.follow, max: state.maxRedirs },
  };
  if (state.totalMs !== undefined || state.connectMs !== undefined) {
    options.timeouts = {};
    if (state.totalMs !== undefined) options.timeouts.totalMs = state.totalMs;
    if (state.connectMs !== undefined) options.timeouts.connectMs = state.connectMs;
  }
  if (state.compressed) options.decompression = { enabled: true };
  const tls = buildTls(state);
  if (tls) options.tls = tls;
  const proxy = buildProxy(state);
  if (proxy) options.proxy = proxy;
  if (state.connectTo.length > 0) options.connectTo = state.connectTo;
  if (state.httpVersion !== undefined) options.httpVersion = state.httpVersion;
  const omit = OMITTABLE_HEADERS.filter((n) => state.removed.has(n));
  if (omit.length > 0) options.omitDefaultHeaders = omit;
  return options;
}
