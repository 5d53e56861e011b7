// Folding of pretty-printed JSON in the virtual viewer: a line that ends with { or [ opens a range
// its matching } or ] line closes (JSON.stringify's layout: one value per line, an empty object or
// array on one line). Folded, the lines between the two are left out of the rows the list shows.
import type { RowIndex } from './rows';

/** Opening line → closing line (1-based) of every object or array spanning more than one line. */
export function foldRanges(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  let line = 1;
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    let first = at;
    while (first < end && text.charCodeAt(first) === 32) first++;
    const head = text[first];
    if ((head === '}' || head === ']') && open.length > 0) ends.set(open.pop()!, line);
    const tail = text[end - 1];
    if (end > first && (tail === '{' || tail === '[')) open.push(line);
    if (nl < 0) break;
    at = nl + 1;
    line++;
  }
  return ends;
}

/**
 * The row indices left to show with `folded` lines closed (their inner lines hidden, the opening
 * and closing lines kept); null when nothing is folded (every row shows).
 */
export function visibleRows(rows: RowIndex, ends: ReadonlyMap<number, number>, folded: ReadonlySet<number>): Int32Array | null {
  if (folded.size === 0) return null;
  const out = new Int32Array(rows.count);
  let n = 0;
  let line = 0;
  // Lines strictly between hideFrom and hideTo are hidden; an inner fold inside them changes nothing.
  let hideFrom = 0;
  let hideTo = 0;
  for (let i = 0; i < rows.count; i++) {
    if (rows.lines[i] !== 0) line = rows.lines[i]!;
    if (line > hideFrom && line < hideTo) continue;
    out[n++] = i;
    if (rows.lines[i] !== 0 && line >= hideTo && folded.has(line)) {
      const end = ends.get(line);
      if (end !== undefined) [hideFrom, hideTo] = [line, end];
    }
  }
  return out.subarray(0, n);
}

/** Where row `row` sits among the visible rows (binary search); -1 when it is hidden. */
export function visibleIndexOf(visible: Int32Array, row: number): number {
  let lo = 0;
  let hi = visible.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = visible[mid]!;
    if (v === row) return mid;
    if (v < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
