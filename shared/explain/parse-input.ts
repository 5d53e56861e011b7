import type { ExplainInput } from './types';

/** Bad input for `explain`: the message names what is wrong and where. */
export class ExplainInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExplainInputError';
  }
}

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?)\s+(\d{3})(?:\s+(.*))?$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX: Record<string, number> = {};
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charAt(i)] = i;
B64_INDEX['-'] = 62;
B64_INDEX['_'] = 63;

/** Pure base64 -> bytes (standard or URL-safe alphabet, padding optional, whitespace ignored). */
export function base64ToBytes(text: string, where: string): Uint8Array {
  const clean = text.replace(/[\s=]+/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_INDEX[clean.charAt(i)];
    if (v === undefined) throw new ExplainInputError(`${where}: invalid base64 character '${clean.charAt(i)}' at position ${i}`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Pure UTF-8 decoder (invalid sequences become U+FFFD). */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  const flush = (): void => {
    out += String.fromCodePoint(...chunk);
    chunk.length = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    let cp = 0xfffd;
    let len = 1;
    const cont = (k: number): number => {
      const c = bytes[i + k];
      return c !== undefined && (c & 0xc0) === 0x80 ? c & 0x3f : -1;
    };
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && cont(1) >= 0) { cp = ((b & 0x1f) << 6) | cont(1); len = 2; }
    else if (b >= 0xe0 && b < 0xf0 && cont(1) >= 0 && cont(2) >= 0) {
      const v = ((b & 0x0f) << 12) | (cont(1) << 6) | cont(2);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) { cp = v; len = 3; }
    } else if (b >= 0xf0 && b < 0xf5 && cont(1) >= 0 && cont(2) >= 0 && cont(3) >= 0) {
      const v = ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
      if (v >= 0x10000 && v <= 0x10ffff) { cp = v; len = 4; }
    }
    chunk.push(cp);
    if (chunk.length >= 4096) flush();
    i += len;
  }
  flush();
  return out;
}

/** A header value as text; an object or list is the input's problem (String() on one can throw: a non-callable toString). */
function headerText(v: unknown, where: string): string {
  if (v === null || typeof v !== 'object') return String(v);
  throw new ExplainInputError(`${where}: a header value must be text, not ${Array.isArray(v) ? 'a nested list' : 'an object'}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkStatus(v: unknown, where: string): number {
  if (v === undefined || v === null) throw new ExplainInputError(`${where}.status is missing`);
  const n = typeof v === 'string' && /^\d{3}$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 100 || n > 999) {
    throw new ExplainInputError(`${where}.status must be an HTTP status code (100-999), got ${JSON.stringify(v)}`);
  }
  return n;
}

function fromJsonObject(v: unknown, where: string): ExplainInput {
  if (!isRecord(v)) throw new ExplainInputError(`${where}: expected an object {status, headers, body}`);
  const status = checkStatus(v.status, where);
  const h = v.headers ?? {};
  let headers: ExplainInput['headers'];
  if (Array.isArray(h)) {
    headers = h.map((pair, i) => {
      if (Array.isArray(pair) && pair.length >= 2 && typeof pair[0] === 'string') return [pair[0], headerText(pair[1], `${where}.headers[${i}]`)] as [string, string];
      if (isRecord(pair) && typeof pair.name === 'string') return [pair.name, headerText(pair.value ?? '', `${where}.headers[${i}]`)] as [string, string];
      throw new ExplainInputError(`${where}.headers[${i}]: expected [name, value] or {name, value}`);
    });
  } else if (isRecord(h)) {
    const rec: Record<string, string | string[]> = {};
    for (const [k, val] of Object.entries(h)) {
      const at = `${where}.headers.${k.slice(0, 60)}`;
      rec[k] = Array.isArray(val) ? val.map((x) => headerText(x, at)) : headerText(val, at);
    }
    headers = rec;
  } else throw new ExplainInputError(`${where}.headers must be an object or an array of [name, value]`);
  const body = v.body === undefined || v.body === null ? '' : typeof v.body === 'string' ? v.body : JSON.stringify(v.body);
  // the request's URL, when the file has one, names the service of a bare refusal (host-hint.ts)
  const url = typeof v.url === 'string' && v.url ? v.url : undefined;
  return url ? { status, headers, body, url } : { status, headers, body };
}

function fromHar(log: Record<string, unknown>): ExplainInput[] {
  const entries = log.entries;
  if (!Array.isArray(entries)) throw new ExplainInputError('HAR: log.entries is missing or not an array');
  return entries.map((entry, i) => {
    const where = `HAR: log.entries[${i}].response`;
    if (!isRecord(entry) || !isRecord(entry.response)) throw new ExplainInputError(`${where} is missing`);
    const res = entry.response;
    const status = checkStatus(res.status, where);
    const rawHeaders = res.headers ?? [];
    if (!Array.isArray(rawHeaders)) throw new ExplainInputError(`${where}.headers must be an array`);
    const headers = rawHeaders.map((hd, j) => {
      if (!isRecord(hd) || typeof hd.name !== 'string') throw new ExplainInputError(`${where}.headers[${j}]: expected {name, value}`);
      return [hd.name, headerText(hd.value ?? '', `${where}.headers[${j}]`)] as [string, string];
    });
    const content = isRecord(res.content) ? res.content : {};
    let body = typeof content.text === 'string' ? content.text : '';
    if (body && content.encoding === 'base64') body = utf8Decode(base64ToBytes(body, `${where}.content.text`));
    const url = isRecord(entry.request) && typeof entry.request.url === 'string' && entry.request.url ? entry.request.url : undefined;
    return url ? { status, headers, body, url } : { status, headers, body };
  });
}

function fromRawHttp(text: string): ExplainInput[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: ExplainInput[] = [];
  let i = 0;
  while (i < lines.length && lines[i]?.trim() === '') i++;
  if (i >= lines.length) throw new ExplainInputError('input is empty: expected JSON, a HAR log or an HTTP response');
  while (i < lines.length) {
    const statusLine = (lines[i] ?? '').trim();
    const m = STATUS_LINE.exec(statusLine);
    if (!m) throw new ExplainInputError(`line ${i + 1}: expected an HTTP status line like 'HTTP/1.1 403 Forbidden', got '${statusLine.slice(0, 60)}'`);
    const status = Number(m[2]);
    i++;
    const headers: Array<[string, string]> = [];
    while (i < lines.length && (lines[i] ?? '') !== '') {
      const line = lines[i] ?? '';
      if (/^[ \t]/.test(line) && headers.length) {
        const last = headers[headers.length - 1] as [string, string];
        last[1] += ` ${line.trim()}`;
      } else {
        const colon = line.indexOf(':');
        if (colon <= 0) throw new ExplainInputError(`line ${i + 1}: expected a header 'Name: value', got '${line.slice(0, 60)}'`);
        headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
      }
      i++;
    }
    i++; // the blank line
    // the body runs to the next status line that starts another response (curl -iL), or the end
    const start = i;
    while (i < lines.length && !(STATUS_LINE.test((lines[i] ?? '').trim()) && looksLikeResponseStart(lines, i))) i++;
    let bodyLines = lines.slice(start, i);
    while (bodyLines.length && bodyLines[bodyLines.length - 1] === '' && i < lines.length) bodyLines = bodyLines.slice(0, -1);
    if (status >= 200 || status === 101) out.push({ status, headers, body: bodyLines.join('\n') });
  }
  return out;
}

/** A status line followed by a header line (or the end): the start of another response. */
function looksLikeResponseStart(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  return next === undefined || next === '' || /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(next);
}

/**
 * Parse what `clearance explain` reads: JSON {status, headers, body} (or an array of them), a HAR 1.2 log
 * (every entry), or raw HTTP response text as `curl -i` / `curl -iL` prints it.
 */
export function parseExplainInput(text: string): ExplainInput[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new ExplainInputError('input is empty: expected JSON, a HAR log or an HTTP response');
  if (trimmed[0] === '{' || trimmed[0] === '[') {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new ExplainInputError(`JSON: ${(err as Error).message}`);
    }
    if (isRecord(data) && isRecord(data.log)) return fromHar(data.log);
    if (isRecord(data) && 'log' in data) throw new ExplainInputError('HAR: log must be an object');
    if (Array.isArray(data)) {
      if (data.length === 0) throw new ExplainInputError('JSON: the array is empty');
      return data.map((d, i) => fromJsonObject(d, `[${i}]`));
    }
    return [fromJsonObject(data, 'response')];
  }
  return fromRawHttp(text.replace(/^\uFEFF/, ''));
}
