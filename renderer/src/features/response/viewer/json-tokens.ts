// Colours for one line of JSON (pretty-printed lines are short and self-contained): keys,
// strings, numbers, literals and punctuation. A line it cannot read stays plain.
import type { Span } from './segments';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;
/** Longer lines (a minified body in raw view) are not coloured: the cost would be per scroll. */
const MAX_LINE = 20_000;

/** Token spans of `line`, offsets shifted by `offset` (the line's start in the whole text). */
export function jsonLineTokens(line: string, offset: number): Span[] {
  if (line.length > MAX_LINE) return [];
  const out: Span[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m !== null; m = TOKEN.exec(line)) {
    const at = offset + m.index;
    if (m[1] !== undefined) {
      out.push({ start: at, end: at + m[1].length, cls: m[2] !== undefined ? 'tok-key' : 'tok-string' });
      if (m[2] !== undefined) out.push({ start: at + m[0].length - 1, end: at + m[0].length, cls: 'tok-punct' });
    } else if (m[3] !== undefined) out.push({ start: at, end: at + m[3].length, cls: 'tok-number' });
    else if (m[4] !== undefined) out.push({ start: at, end: at + m[4].length, cls: 'tok-literal' });
    else out.push({ start: at, end: at + m[0].length, cls: 'tok-punct' });
  }
  return out;
}
