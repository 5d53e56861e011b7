// A second reading of a body as users paste it: a Python dict repr ('code': 'x', None, True), JSON
// escaped inside another string (\"type\":\"error\"), a PHP print_r dump ([code] => 403), all
// rewritten into JSON's own spelling so a vendor's envelope rules fire on them too. Every character
// of the view remembers where it came from, so evidence is always a slice of the body as given.

/** The rewritten text and, for each of its characters, the index of the body character it stands for. */
export interface BodyView { text: string; map: number[]; }

class Builder {
  text = '';
  map: number[] = [];
  /** copy body[from, to) unchanged */
  copy(src: string, from: number, to: number): void {
    this.text += src.slice(from, to);
    for (let i = from; i < to; i++) this.map.push(i);
  }
  /** emit `s`, as long as the body text it replaces, character for character */
  swap(s: string, at: number): void {
    this.text += s;
    for (let i = 0; i < s.length; i++) this.map.push(at + i);
  }
  /** emit `s` in place of the body character at `at` */
  put(s: string, at: number): void {
    this.text += s;
    for (let i = 0; i < s.length; i++) this.map.push(at);
  }
}

/** Compose: a view of a view still points into the original body. */
function compose(outer: BodyView, inner: BodyView): BodyView {
  return { text: outer.text, map: outer.map.map((i) => inner.map[i] ?? i) };
}

const ESCAPED_KEY = /\\+"[\w$@-]+\\+"\s*:/;

/** JSON escaped once or more inside a string: every run of backslashes before a quote, n or t goes. */
function unescapeView(src: string): BodyView | null {
  if (!ESCAPED_KEY.test(src)) return null;
  const b = new Builder();
  let i = 0;
  while (i < src.length) {
    if (src[i] !== '\\') {
      const next = src.indexOf('\\', i);
      const end = next < 0 ? src.length : next;
      b.copy(src, i, end);
      i = end;
      continue;
    }
    let j = i;
    while (src[j] === '\\') j++;
    const c = src[j];
    if (c === '"' || c === "'" || c === '/') { b.put(c, j); i = j + 1; }
    else if (c === 'n' || c === 't' || c === 'r') { b.put(c === 't' ? ' ' : '\n', j); i = j + 1; }
    else { b.copy(src, i, j); i = j; }
  }
  return b;
}

// a Python dict ({'code': …}) or Node's util.inspect of an object ({ code: 'x' }, errors: [ { … } ])
const PY_DICT = /[{,]\s*'[\w$@.-]+'\s*:|[{,]\s*[A-Za-z_$][\w$]*:\s*['[{]/;
const BARE_KEY = /^[A-Za-z_$][\w$]*(?=\s*:)/;
const STRUCTURAL_BEFORE = new Set(['{', '[', ',', ':', '(']);
const STRUCTURAL_AFTER = new Set([':', ',', '}', ']', ')']);

function prevSignificant(src: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && /\s/.test(src.charAt(k))) k--;
  return k >= 0 ? src.charAt(k) : '';
}

function nextSignificant(src: string, i: number): string {
  let k = i;
  while (k < src.length && /\s/.test(src.charAt(k))) k++;
  return k < src.length ? src.charAt(k) : '';
}

const PY_WORDS: Record<string, string> = { True: 'true', False: 'false', None: 'null' };

/** Python's repr of a dict (or Node's inspect of an object): single-quoted strings and bare keys become double-quoted, True/False/None JSON's words. */
function pythonView(src: string): BodyView | null {
  if (!PY_DICT.test(src)) return null;
  const b = new Builder();
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    const structural = (c === "'" || c === '"' || 'TFN'.includes(c)) && STRUCTURAL_BEFORE.has(prevSignificant(src, i));
    // a printed repr inside a double-quoted message ("[{'reason': …}]"): read into it, not over it
    if (c === '"' && /^"\s*[[{]\s*[[{]?\s*'/.test(src.slice(i, i + 8))) {
      b.copy(src, i, i + 1);
      i++;
      continue;
    }
    if ((c === "'" || c === '"') && structural) {
      i = quoted(src, i, c, b);
      continue;
    }
    const word = structural && c !== "'" && c !== '"' ? /^(True|False|None)\b/.exec(src.slice(i, i + 6))?.[1] : undefined;
    if (word) {
      b.swap(PY_WORDS[word] as string, i);
      i += word.length;
      continue;
    }
    const key = /[A-Za-z_$]/.test(c) && ['{', ','].includes(prevSignificant(src, i)) ? BARE_KEY.exec(src.slice(i, i + 80))?.[0] : undefined;
    if (key) {
      b.put('"', i);
      b.copy(src, i, i + key.length);
      b.put('"', i + key.length - 1);
      i += key.length;
      continue;
    }
    b.copy(src, i, i + 1);
    i++;
  }
  return b;
}

/** A quoted string from `start` (its opening quote `q`): written double-quoted; returns the index after it. */
function quoted(src: string, start: number, q: string, b: Builder): number {
  b.put('"', start);
  let i = start + 1;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '\\' && i + 1 < src.length) {
      const n = src.charAt(i + 1);
      if (n === "'") b.put("'", i + 1);
      else b.copy(src, i, i + 2);
      i += 2;
      continue;
    }
    // a closing quote is followed by structure; an apostrophe inside a word is not the end
    if (c === q && (STRUCTURAL_AFTER.has(nextSignificant(src, i + 1)) || nextSignificant(src, i + 1) === '')) {
      b.put('"', i);
      return i + 1;
    }
    if (c === '"' && q === "'") b.put('\\"', i);
    else if (c === '\n') b.put('\\n', i);
    else b.copy(src, i, i + 1);
    i++;
  }
  return i;
}

const PRINT_R = /(?:Array|stdClass Object|Object)\s*\(\s*\[[\w$@ .-]+\]\s*=>/;
const PR_KEY = /^\[([^\]\n]{1,80})\]\s*=>\s?/;
const PR_OPEN = /^(?:Array|[\w\\]+ Object)\s*\(/;

/** PHP print_r of an array or object: `Array ( [error] => Array ( [code] => 403 ) )` as JSON. */
function printRView(src: string): BodyView | null {
  const m = PRINT_R.exec(src);
  if (!m) return null;
  const b = new Builder();
  b.copy(src, 0, m.index);
  const stack: boolean[] = []; // per open object: has a member been written
  let i = m.index;
  let guard = 0;
  while (i < src.length && guard++ < 20000) {
    const rest = src.slice(i, i + 120);
    const open = PR_OPEN.exec(rest);
    if (open) {
      b.put('{', i);
      stack.push(false);
      i += open[0].length;
      continue;
    }
    const ws = /^\s+/.exec(rest);
    if (ws) { i += ws[0].length; continue; }
    if (src.charAt(i) === ')' && stack.length) {
      b.put('}', i);
      stack.pop();
      i++;
      if (!stack.length) break;
      continue;
    }
    const key = PR_KEY.exec(rest);
    if (key && stack.length) {
      if (stack[stack.length - 1]) b.put(', ', i);
      stack[stack.length - 1] = true;
      b.put('"', i);
      b.copy(src, i + 1, i + 1 + (key[1] as string).length);
      b.put('": ', i + (key[1] as string).length + 1);
      i += key[0].length;
      if (PR_OPEN.test(src.slice(i, i + 40))) continue;
      i = printRScalar(src, i, b);
      continue;
    }
    break;
  }
  b.copy(src, i, src.length);
  return b;
}

/** A print_r scalar runs to the end of its line, or (on a flattened dump) to the next `[key] =>` or `)`. */
function printRScalar(src: string, from: number, b: Builder): number {
  const nl = src.indexOf('\n', from);
  const lineEnd = nl < 0 ? src.length : nl;
  const line = src.slice(from, lineEnd);
  const flat = /\s+(?=\[[^\]\n]{1,80}\]\s*=>)|\s+\)/.exec(line);
  const end = flat ? from + flat.index : lineEnd;
  const value = src.slice(from, end).trimEnd();
  if (/^-?\d+(\.\d+)?$/.test(value)) b.copy(src, from, from + value.length);
  else {
    b.put('"', from);
    for (let k = 0; k < value.length; k++) {
      const ch = value.charAt(k);
      if (ch === '"' || ch === '\\') b.put(`\\${ch}`, from + k);
      else b.copy(src, from + k, from + k + 1);
    }
    b.put('"', Math.max(from, from + value.length - 1));
  }
  return end;
}

/** The view of a body that is not plain JSON or HTML, or null when it reads the same either way. */
export function bodyView(src: string): BodyView | null {
  let view: BodyView | null = null;
  for (const step of [unescapeView, pythonView, printRView]) {
    const text = view ? view.text : src;
    const next = step(text);
    if (next) view = view ? compose(next, view) : next;
  }
  return view && view.text !== src ? view : null;
}

/** The body slice a view span [from, to) stands for (trimmed), or null when it is empty. */
export function viewSlice(src: string, view: BodyView, from: number, to: number): string | null {
  if (to <= from) return null;
  const a = view.map[from] ?? 0;
  const z = (view.map[to - 1] ?? a) + 1;
  const text = src.slice(a, z).trim();
  return text || null;
}

/** The first balanced JSON object or array in `text`, closed where the text was cut, parsed; undefined when none parses. */
export function embeddedJson(text: string): unknown {
  const start = text.search(/[{[]\s*["{[]/);
  if (start < 0) return undefined;
  const closers: string[] = [];
  let inString = false;
  let end = -1;
  for (let i = start; i < text.length && i < start + 65536; i++) {
    const c = text.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') {
      closers.pop();
      if (!closers.length) { end = i + 1; break; }
    }
  }
  let candidate = end > 0 ? text.slice(start, end) : text.slice(start).replace(/(…|\.\.\.)\s*$/, '');
  // cut short: close the open string and brackets so what arrived still parses
  if (end < 0) candidate = candidate.replace(/,\s*$/, '') + (inString ? '"' : '') + closers.reverse().join('');
  try {
    return JSON.parse(candidate);
  } catch {
    // not JSON after all (prose with braces, a cut in the middle of a key): no envelope to read
    return undefined;
  }
}
