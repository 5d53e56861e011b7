// Splits a shell command line into words the way bash would (no expansion), as browsers'
// "Copy as cURL (bash)" writes it: '…', "…", $'…', backslash escapes and line continuations.
import { CurlParseError } from './errors';
import { decodeUtf8 } from './utf8';

export interface Word {
  value: string;
  /** True when no quoting or escaping was involved: only such words can be shell operators. */
  bare: boolean;
}

export interface Tokenized {
  words: Word[];
  warnings: string[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', '?': '?',
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
};

function position(input: string, index: number): string {
  const before = input.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return input.includes('\n') ? `column ${column} of line ${line}` : `column ${column}`;
}

function unterminated(input: string, index: number): CurlParseError {
  return new CurlParseError(`unterminated quote at ${position(input, index)}`);
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** Reads up to `max` characters matching `test` starting at `from`. */
function readRun(input: string, from: number, max: number, test: (c: string | undefined) => boolean): string {
  let end = from;
  while (end - from < max && test(input[end])) end++;
  return input.slice(from, end);
}

/** `$'…'` starting at the `$`; returns the decoded text and the index after the closing quote. */
function readAnsiC(input: string, start: number): [string, number] {
  let out = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += decodeUtf8(bytes);
    bytes = [];
  };
  let i = start + 2;
  for (;;) {
    const c = input[i];
    if (c === undefined) throw unterminated(input, start);
    if (c === "'") {
      flush();
      return [out, i + 1];
    }
    if (c !== '\\') {
      flush();
      out += c;
      i++;
      continue;
    }
    const e = input[i + 1];
    if (e === undefined) throw unterminated(input, start);
    if (e === 'x') {
      const hex = readRun(input, i + 2, 2, isHex);
      if (hex === '') {
        flush();
        out += '\\x';
      } else bytes.push(parseInt(hex, 16));
      i += 2 + hex.length;
    } else if (e === 'u' || e === 'U') {
      const hex = readRun(input, i + 2, e === 'u' ? 4 : 8, isHex);
      flush();
      const cp = parseInt(hex, 16);
      if (hex === '') out += '\\' + e;
      else out += cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
      i += 2 + hex.length;
    } else if (e >= '0' && e <= '7') {
      const oct = readRun(input, i + 1, 3, (d) => d !== undefined && d >= '0' && d <= '7');
      bytes.push(parseInt(oct, 8) & 255);
      i += 1 + oct.length;
    } else if (e === 'c' && input[i + 2] !== undefined) {
      flush();
      out += String.fromCharCode(input.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      flush();
      out += SIMPLE_ESCAPES[e] ?? '\\' + e;
      i += 2;
    }
  }
}

/** `"…"` starting at the quote; returns the text and the index after the closing quote. */
function readDouble(input: string, start: number, warnings: string[]): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    const c = input[i];
    if (c === undefined) throw unterminated(input, start);
    if (c === '"') return [out, i + 1];
    if (c === '\\') {
      const e = input[i + 1];
      if (e === '\n') i += 2;
      else if (e === '\r' && input[i + 2] === '\n') i += 3;
      else if (e === '"' || e === '\\' || e === '$' || e === '`') {
        out += e;
        i += 2;
      } else {
        out += '\\';
        i++;
      }
      continue;
    }
    if (c === '$' || c === '`') noteExpansion(input, i, warnings);
    out += c;
    i++;
  }
}

function noteExpansion(input: string, i: number, warnings: string[]): void {
  const m = /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\(|`)/.exec(input.slice(i));
  if (m) {
    const msg = `shell expansion ${m[0]} is not performed; kept literally`;
    if (!warnings.includes(msg)) warnings.push(msg);
  }
}

/** Splits `input` into shell words. Throws CurlParseError on an unterminated quote. */
export function tokenize(input: string): Tokenized {
  const words: Word[] = [];
  const warnings: string[] = [];
  let cur = '';
  let inWord = false;
  let bare = true;
  const flush = (): void => {
    if (inWord) words.push({ value: cur, bare });
    cur = '';
    inWord = false;
    bare = true;
  };
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush();
      i++;
    } else if (c === '\\') {
      const e = input[i + 1];
      if (e === '\n') i += 2;
      else if (e === '\r' && input[i + 2] === '\n') i += 3;
      else {
        if (e !== undefined) {
          cur += e;
          inWord = true;
          bare = false;
        }
        i += 2;
      }
    } else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw unterminated(input, i);
      cur += input.slice(i + 1, end);
      inWord = true;
      bare = false;
      i = end + 1;
    } else if (c === '$' && input[i + 1] === "'") {
      const [text, next] = readAnsiC(input, i);
      cur += text;
      inWord = true;
      bare = false;
      i = next;
    } else if (c === '"' || (c === '$' && input[i + 1] === '"')) {
      const [text, next] = readDouble(input, c === '$' ? i + 1 : i, warnings);
      cur += text;
      inWord = true;
      bare = false;
      i = next;
    } else if (c === '#' && !inWord) {
      while (i < input.length && input[i] !== '\n') i++;
    } else {
      if (c === '$' || c === '`') noteExpansion(input, i, warnings);
      cur += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return { words, warnings };
}
