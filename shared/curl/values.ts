// Parsers for the values of individual curl options (headers, host maps, certs, form parts, encodings).
import type { MultipartPart } from '../model/request';
import type { SendOptionsInput } from '../model/send-options';
import { utf8Bytes } from '../util/base64';
import { CurlParseError } from './errors';

export type ConnectTo = NonNullable<SendOptionsInput['connectTo']>[number];

export type HeaderLine =
  | { kind: 'set'; name: string; value: string }
  | { kind: 'remove'; name: string }
  | { kind: 'invalid' }
  | { kind: 'file'; path: string };

/** `-H` value: `Name: value`, `Name;` (empty value), `Name:` (remove), `@file`. */
export function parseHeaderLine(raw: string): HeaderLine {
  if (raw.startsWith('@')) return { kind: 'file', path: raw.slice(1) };
  const colon = raw.indexOf(':');
  if (colon > 0) {
    const name = raw.slice(0, colon).trim();
    const value = raw.slice(colon + 1).trim();
    return value === '' ? { kind: 'remove', name } : { kind: 'set', name, value };
  }
  const trimmed = raw.trim();
  if (trimmed.endsWith(';') && trimmed.length > 1 && !trimmed.slice(0, -1).includes(';')) {
    return { kind: 'set', name: trimmed.slice(0, -1).trim(), value: '' };
  }
  return { kind: 'invalid' };
}

/** `a:b` → ['a', 'b']; without a colon → [s, undefined]. */
export function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** Splits on `:` outside `[…]` (IPv6 literals). */
function splitHostParts(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  for (const c of s) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ':' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function port(text: string, min: number, what: string): number | undefined {
  if (text === '') return undefined;
  const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= 65535)) throw new CurlParseError(`invalid port "${text}" in ${what}`);
  return n;
}

/** `--connect-to HOST1:PORT1:HOST2:PORT2` (any part may be empty; IPv6 in brackets). */
export function parseConnectTo(value: string): ConnectTo {
  const parts = splitHostParts(value);
  if (parts.length !== 4) {
    throw new CurlParseError(`invalid --connect-to "${value}": expected HOST1:PORT1:HOST2:PORT2`);
  }
  const [host, p1, toHost, p2] = parts as [string, string, string, string];
  const out: ConnectTo = { host: unbracket(host), toHost: unbracket(toHost) };
  const from = port(p1, 0, `--connect-to "${value}"`);
  const to = port(p2, 1, `--connect-to "${value}"`);
  if (from !== undefined) out.port = from;
  if (to !== undefined) out.toPort = to;
  return out;
}

/** `--resolve HOST:PORT:ADDR[,ADDR…]`; only the first address is kept. */
export function parseResolve(value: string, warnings: string[]): ConnectTo {
  const parts = splitHostParts(value.replace(/^\+/, ''));
  if (parts.length < 3 || parts[0] === '' || parts[1] === '' || value.startsWith('-')) {
    throw new CurlParseError(`invalid --resolve "${value}": expected HOST:PORT:ADDRESS`);
  }
  const addresses = parts.slice(2).join(':').split(',');
  if (addresses.length > 1) warnings.push(`--resolve ${value}: only the first address is used`);
  const out: ConnectTo = { host: unbracket(parts[0]!), toHost: unbracket(addresses[0]!) };
  const p = port(parts[1]!, 0, `--resolve "${value}"`);
  if (p !== undefined) out.port = p;
  return out;
}

/** `--cert file[:passphrase]`: `\:` escapes a colon; `C:\…` drive letters are not separators. */
export function parseCert(value: string): { path: string; passphrase?: string } {
  const start = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  let path = value.slice(0, start);
  for (let i = start; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && value[i + 1] === ':') {
      path += ':';
      i++;
    } else if (c === ':') {
      return { path, passphrase: value.slice(i + 1) };
    } else path += c;
  }
  return { path };
}

const FORM_PARAM = /;(?=\s*(?:type|filename|headers|encoder)=)/i;

/** Reads a `"…"` word with `\"` and `\\` escapes, as curl's -F parser does. */
function readQuoted(s: string): [string, string] | undefined {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) out += s[++i];
    else if (c === '"') return [out, s.slice(i + 1)];
    else out += c;
  }
  return undefined;
}

function unquoteParam(v: string): string {
  const q = v.startsWith('"') ? readQuoted(v) : undefined;
  return q ? q[0] : v;
}

/** `-F name=value`, `name=@file;type=…;filename=…`, `name=<file`; `--form-string name=value`. */
export function parseFormPart(raw: string, literal: boolean, warnings: string[]): MultipartPart {
  const eq = raw.indexOf('=');
  if (eq < 0) throw new CurlParseError(`invalid form field "${raw}": expected name=content`);
  const name = raw.slice(0, eq);
  let rest = raw.slice(eq + 1);
  if (literal) return { name, value: rest, enabled: true };
  const prefix = rest.startsWith('@') ? '@' : rest.startsWith('<') ? '<' : '';
  rest = rest.slice(prefix.length);
  let content: string;
  let params: string[];
  const quoted = rest.startsWith('"') ? readQuoted(rest) : undefined;
  if (quoted) {
    content = quoted[0];
    params = quoted[1].split(FORM_PARAM).filter((p) => p !== '');
  } else {
    [content = '', ...params] = rest.split(FORM_PARAM);
  }
  const part: MultipartPart = { name, enabled: true };
  if (prefix === '') part.value = content;
  else part.file = content;
  if (prefix === '<') {
    warnings.push(`-F ${name}=<${content} sends the file's text as a field; imported as a file part`);
  }
  for (const p of params) {
    const [key, v = ''] = splitOnce(p.replace(/^;?\s*/, ''), '=');
    const k = key.toLowerCase();
    if (k === 'type') part.contentType = unquoteParam(v);
    else if (k === 'filename') part.filename = unquoteParam(v);
    else warnings.push(`-F ${name}: ${k}= is not supported; ignored`);
  }
  return part;
}

const HEX = '0123456789ABCDEF';

/** Percent-encodes everything but RFC 3986 unreserved characters (curl_easy_escape). */
export function urlEncode(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

function formDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** `a=1&b=x%20y` → key/value rows (form decoding: `+` is a space). */
export function formPairs(s: string): Array<{ name: string; value: string; enabled: boolean }> {
  return s
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const [name, value = ''] = splitOnce(p, '=');
      return { name: formDecode(name), value: formDecode(value), enabled: true };
    });
}

/** curl's seconds (fractional allowed) → whole milliseconds; 0 means "no limit" → undefined. */
export function parseSeconds(value: string, option: string): number | undefined {
  const n = /^(\d+\.?\d*|\.\d+)$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new CurlParseError(`option ${option} needs a number of seconds, got "${value}"`);
  const ms = Math.round(n * 1000);
  return ms > 0 ? ms : undefined;
}
