// Applies one curl option to the collected state.
import { base64Utf8 } from '../util/base64';
import { OMITTABLE_HEADERS } from '../model/constants';
import { CurlParseError } from './errors';
import type { CurlArg } from './read-args';
import type { CurlState, DataFlag, DataPiece } from './state';
import {
  parseCert, parseConnectTo, parseFormPart, parseHeaderLine, parseResolve, parseSeconds, splitOnce, urlEncode,
} from './values';

function addGenerated(state: CurlState, name: string, value: string): void {
  state.headers.push({ name, value, generated: true });
}

function dataPiece(flag: DataFlag, value: string, warnings: string[]): DataPiece | undefined {
  const json = flag === 'json';
  if (flag === 'data-raw') return { json, text: value };
  if (flag === 'data-urlencode') {
    const at = value.search(/[=@]/);
    if (at < 0) return { json, text: urlEncode(value) };
    if (value[at] === '=') {
      const name = value.slice(0, at);
      const content = urlEncode(value.slice(at + 1));
      return { json, text: name === '' ? content : `${name}=${content}` };
    }
    warnings.push(`--data-urlencode ${value}: reading a file is not supported; skipped`);
    return undefined;
  }
  if (!value.startsWith('@')) return { json, text: value };
  const file = value.slice(1);
  if (file === '-') {
    warnings.push(`--${flag} @-: reading stdin is not supported; skipped`);
    return undefined;
  }
  if (flag === 'data' || flag === 'data-ascii') {
    warnings.push(`-d @${file}: curl strips newlines from the file; Clearance sends it unchanged`);
  }
  return { json, file };
}

function setUpload(state: CurlState, value: string): void {
  if (value === '-' || value === '.') {
    state.warnings.push(`-T ${value}: uploading stdin is not supported; skipped`);
    return;
  }
  state.upload = value;
}

function setCertType(state: CurlState, value: string): void {
  const t = value.toUpperCase();
  if (t !== 'PEM' && t !== 'P12') state.warnings.push(`--cert-type ${value} is not supported; PEM assumed`);
  state.certType = t;
}

function setProxy(state: CurlState, value: string): void {
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) ? value : `http://${value}`;
  if (!/^https?:/i.test(url)) state.warnings.push(`proxy ${url}: only http:// and https:// proxies are supported`);
  state.proxy = url;
}

const isOmittable = (name: string): boolean => (OMITTABLE_HEADERS as readonly string[]).includes(name.toLowerCase());

function setHeader(state: CurlState, raw: string): void {
  const h = parseHeaderLine(raw);
  if (h.kind === 'set') state.headers.push({ name: h.name, value: h.value, generated: false });
  else if (h.kind === 'remove') {
    state.removed.add(h.name.toLowerCase());
    // User-Agent, Accept, Accept-Encoding and Content-Type are Clearance defaults it can switch off too.
    if (!isOmittable(h.name)) state.warnings.push(`-H '${h.name}:' removes curl's own ${h.name} header; nothing to import`);
  } else if (h.kind === 'file') state.warnings.push(`-H @${h.path}: headers from a file are not read; skipped`);
  else state.warnings.push(`-H '${raw}' is not a header (no colon); skipped`);
}

function setCookie(state: CurlState, value: string): void {
  if (!value.includes('=')) {
    state.warnings.push(`-b ${value}: cookie files are not read; skipped`);
    return;
  }
  const existing = state.headers.find((h) => h.generated && h.name === 'Cookie');
  if (existing) existing.value += `; ${value}`;
  else addGenerated(state, 'Cookie', value);
}

function setUser(state: CurlState, value: string): void {
  const [user, pass] = splitOnce(value, ':');
  if (pass === undefined) state.warnings.push(`-u ${user}: no password given (curl would prompt); empty password used`);
  addGenerated(state, 'Authorization', `Basic ${base64Utf8(`${user}:${pass ?? ''}`)}`);
}

function setMaxRedirs(state: CurlState, value: string): void {
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (Number.isNaN(n)) throw new CurlParseError(`option --max-redirs needs a whole number, got "${value}"`);
  if (n < 0 || n > 100) state.warnings.push(`--max-redirs ${value}: limited to 100`);
  state.maxRedirs = n < 0 ? 100 : Math.min(n, 100);
}

// curl's --http2 offers h2 and falls back to HTTP/1.1, which is 'auto'; only prior knowledge insists on HTTP/2.
const HTTP_VERSION = { 'http1.0': '1.1', 'http1.1': '1.1', http2: 'auto', 'http2-prior-knowledge': '2' } as const;

function setHttpVersion(state: CurlState, flag: keyof typeof HTTP_VERSION, negated: boolean): void {
  if (negated) {
    if (state.httpVersion === HTTP_VERSION[flag]) delete state.httpVersion;
    return;
  }
  if (flag === 'http1.0') state.warnings.push('--http1.0: Clearance speaks HTTP/1.1 at the oldest; HTTP/1.1 is used');
  state.httpVersion = HTTP_VERSION[flag];
}

/** Records what one option says. Throws CurlParseError for invalid values. */
export function applyArg(state: CurlState, arg: CurlArg): void {
  const { value } = arg;
  const w = state.warnings;
  switch (arg.def.id) {
    case 'request': if (value !== '') state.method = value; break;
    case 'header': setHeader(state, value); break;
    case 'data': case 'data-raw': case 'data-ascii': case 'data-binary': case 'data-urlencode': case 'json': {
      const piece = dataPiece(arg.def.id, value, w);
      if (piece) state.data.push(piece);
      break;
    }
    case 'form': case 'form-string':
      state.form.push(parseFormPart(value, arg.def.id === 'form-string', w));
      break;
    case 'get': state.get = !arg.negated; break;
    case 'head': state.head = !arg.negated; break;
    case 'user': setUser(state, value); break;
    case 'user-agent': addGenerated(state, 'User-Agent', value); break;
    case 'referer': addGenerated(state, 'Referer', value.replace(/;auto$/, '')); break;
    case 'cookie': setCookie(state, value); break;
    case 'oauth2-bearer': addGenerated(state, 'Authorization', `Bearer ${value}`); break;
    case 'insecure': state.insecure = !arg.negated; break;
    case 'proxy': setProxy(state, value); break;
    case 'proxy-user': state.proxyUser = value; break;
    case 'noproxy': state.noProxy = value.split(',').map((s) => s.trim()).filter((s) => s !== ''); break;
    case 'cacert': state.cacert = value; break;
    case 'cert': {
      const c = parseCert(value);
      state.cert = c.path;
      if (c.passphrase !== undefined) state.passphrase = c.passphrase;
      break;
    }
    case 'cert-type': setCertType(state, value); break;
    case 'key': state.key = value; break;
    case 'pass': state.passphrase = value; break;
    case 'compressed': state.compressed = !arg.negated; break;
    case 'location': state.follow = !arg.negated; break;
    case 'max-redirs': setMaxRedirs(state, value); break;
    case 'max-time': state.totalMs = parseSeconds(value, arg.name); break;
    case 'connect-timeout': state.connectMs = parseSeconds(value, arg.name); break;
    case 'connect-to': if (value !== '') state.connectTo.push(parseConnectTo(value)); break;
    case 'resolve': state.connectTo.push(parseResolve(value, w)); break;
    case 'url': state.urls.push(value); break;
    case 'upload-file': setUpload(state, value); break;
    case 'http1.0': case 'http1.1': case 'http2': case 'http2-prior-knowledge': setHttpVersion(state, arg.def.id, arg.negated); break;
    case 'ignore': if (arg.def.warning) w.push(arg.def.warning); break;
  }
}
