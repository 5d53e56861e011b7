// toCurl: a request (and send options) → a runnable bash curl command that parseCurl reads back.
import type { Body, KeyValue, MultipartPart, RequestSpec } from '../model/request';
import type { SendOptionsInput } from '../model/send-options';
import { shellQuote, shellWord } from './shell-quote';
import { urlEncode } from './values';

type Arg = [flag: string, value?: string];

const FORM_URLENCODED = 'application/x-www-form-urlencoded';
const FORM_PARAM = /;\s*(?:type|filename|headers|encoder)=/i;

function isPem(s: string): boolean {
  return s.includes('-----BEGIN');
}

/** Appends enabled params to the URL query (before any #fragment). */
export function urlWithParams(url: string, params: readonly KeyValue[]): string {
  const query = params.filter((p) => p.enabled).map((p) => `${urlEncode(p.name)}=${urlEncode(p.value)}`).join('&');
  if (query === '') return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  // A trailing `?` ends the URL's query only when it starts it (`/a?b?` has the query `b?`).
  const sep = !base.includes('?') ? '?' : base.indexOf('?') === base.length - 1 || base.endsWith('&') ? '' : '&';
  return base + sep + query + fragment;
}

/** A -F content word: quoted (curl's `"…"` syntax) when it would otherwise be misread. */
function formWord(s: string, isFile: boolean): string {
  const risky = isFile ? /[;,"]/.test(s) : /^[@<"]/.test(s) || FORM_PARAM.test(s);
  return risky ? `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"` : s;
}

function formPart(p: MultipartPart): string {
  let spec = `${p.name}=`;
  spec += p.file !== undefined ? `@${formWord(p.file, true)}` : formWord(p.value ?? '', false);
  if (p.contentType !== undefined) spec += `;type=${p.contentType}`;
  if (p.filename !== undefined) spec += `;filename=${formWord(p.filename, true)}`;
  return spec;
}

function bodyArgs(body: Body): Arg[] {
  switch (body.kind) {
    case 'none': return [];
    case 'json': case 'text': return [['--data-raw', body.text]];
    case 'form': {
      const fields = body.fields.filter((f) => f.enabled);
      return [['--data-raw', fields.map((f) => `${urlEncode(f.name)}=${urlEncode(f.value)}`).join('&')]];
    }
    case 'multipart': return body.parts.filter((p) => p.enabled).map((p): Arg => ['-F', formPart(p)]);
    case 'binary': return [['--data-binary', `@${body.file}`]];
  }
}

/** The Content-Type curl would not send on its own for this body. */
function impliedContentType(body: Body): string | undefined {
  if (body.kind === 'json') return 'application/json';
  if (body.kind === 'text' || body.kind === 'binary') {
    return body.contentType === FORM_URLENCODED ? undefined : body.contentType;
  }
  return undefined;
}

/** Defaults switched off, as curl's `-H 'Name:'` (curl would send its own User-Agent, Accept and body type). */
const REMOVE_ARG: Partial<Record<string, string>> = { 'user-agent': 'User-Agent:', accept: 'Accept:', 'content-type': 'Content-Type:' };

function headerArgs(request: RequestSpec, omit: readonly string[]): Arg[] {
  const headers = request.headers.filter((h) => h.enabled);
  const args = headers.map((h): Arg => ['-H', h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`]);
  const has = (name: string) => headers.some((h) => h.name.toLowerCase() === name);
  const ct = impliedContentType(request.body);
  if (ct !== undefined && !has('content-type') && !omit.includes('content-type')) {
    args.push(['-H', `Content-Type: ${ct}`]);
  }
  for (const name of omit) {
    const arg = REMOVE_ARG[name];
    if (arg && !has(name)) args.push(['-H', arg]);
  }
  return args;
}

function certPath(path: string): string {
  const drive = /^[A-Za-z]:[\\/]/.test(path) ? path.slice(0, 2) : '';
  return drive + path.slice(drive.length).replace(/:/g, '\\:');
}

function seconds(ms: number): string {
  return String(ms / 1000);
}

function hostPart(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function optionArgs(request: RequestSpec, o: SendOptionsInput): Arg[] {
  const args: Arg[] = [];
  const tls = o.tls ?? {};
  if (tls.verify === false) args.push(['-k']);
  if (tls.ca !== undefined && !isPem(tls.ca)) args.push(['--cacert', tls.ca]);
  if (tls.cert !== undefined && !isPem(tls.cert)) args.push(['--cert', certPath(tls.cert)]);
  if (tls.pfx !== undefined) {
    args.push(['--cert', certPath(tls.pfx)]);
    if (!/\.(p12|pfx)$/i.test(tls.pfx)) args.push(['--cert-type', 'P12']);
  }
  if (tls.key !== undefined && !isPem(tls.key)) args.push(['--key', tls.key]);
  if (tls.passphrase !== undefined) args.push(['--pass', tls.passphrase]);
  if (o.proxy) {
    args.push(['-x', o.proxy.url]);
    if (o.proxy.username !== undefined) {
      args.push(['-U', o.proxy.password === undefined ? o.proxy.username : `${o.proxy.username}:${o.proxy.password}`]);
    }
    if (o.proxy.noProxy && o.proxy.noProxy.length > 0) args.push(['--noproxy', o.proxy.noProxy.join(',')]);
  }
  if (o.redirects?.follow ?? true) args.push(['-L']);
  if (o.redirects?.max !== undefined) args.push(['--max-redirs', String(o.redirects.max)]);
  if (o.timeouts?.totalMs !== undefined) args.push(['-m', seconds(o.timeouts.totalMs)]);
  if (o.timeouts?.connectMs !== undefined) args.push(['--connect-timeout', seconds(o.timeouts.connectMs)]);
  const decompress = o.decompression?.enabled;
  const hasAcceptEncoding = request.headers.some((h) => h.enabled && h.name.toLowerCase() === 'accept-encoding');
  if (decompress === true || (decompress === undefined && hasAcceptEncoding)) args.push(['--compressed']);
  for (const c of o.connectTo ?? []) {
    args.push(['--connect-to', `${hostPart(c.host)}:${c.port ?? ''}:${hostPart(c.toHost)}:${c.toPort ?? ''}`]);
  }
  // 'auto' is curl's own default over TLS; prior knowledge is curl's only "HTTP/2 or nothing" (h2c on http://).
  if (o.httpVersion === '1.1') args.push(['--http1.1']);
  else if (o.httpVersion === '2') args.push(['--http2-prior-knowledge']);
  return args;
}

/** A complete bash curl command for the request; `multiline` puts each option on its own line. */
export function toCurl(request: RequestSpec, options?: SendOptionsInput, opts?: { multiline?: boolean }): string {
  const body = bodyArgs(request.body);
  const method = request.method;
  const first: string[] = ['curl'];
  if (body.length === 0 && method === 'HEAD') first.push('-I');
  else if (body.length === 0 ? method !== 'GET' : method !== 'POST') first.push('-X', shellWord(method));
  const url = urlWithParams(request.url, request.params);
  // curl reads [] and {} in a URL as a glob (`?filter[name]=a` is exit 3): -g sends them as written.
  if (/[[\]{}]/.test(url)) first.push('-g');
  first.push(shellQuote(url));
  const rest = [...headerArgs(request, options?.omitDefaultHeaders ?? []), ...body, ...optionArgs(request, options ?? {})];
  const lines = [first.join(' '), ...rest.map(([flag, value]) => (value === undefined ? flag : `${flag} ${shellQuote(value)}`))];
  return opts?.multiline ? lines.join(' \\\n  ') : lines.join(' ');
}
