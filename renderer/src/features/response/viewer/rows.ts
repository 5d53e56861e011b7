// Visual rows of a text for the virtual viewer: each line is cut into rows of at most `cols`
// characters (soft wrap), so a 20 MB single-line body is many short rows, never one huge node.

export interface RowIndex {
  /** UTF-16 offset where each row starts */
  starts: Int32Array;
  /** 1-based line number on a line's first row, 0 on its continuation rows */
  lines: Int32Array;
  count: number;
  textLength: number;
}

/** Rows of `text` wrapped at `cols` characters (bounded work: one pass over the text). */
export function buildRows(text: string, cols: number): RowIndex {
  const width = Math.max(1, Math.floor(cols));
  let cap = Math.max(16, Math.ceil(text.length / width) + 16);
  let starts = new Int32Array(cap);
  let lines = new Int32Array(cap);
  let count = 0;
  const push = (start: number, line: number): void => {
    if (count === cap) {
      cap *= 2;
      const s = new Int32Array(cap);
      s.set(starts);
      starts = s;
      const l = new Int32Array(cap);
      l.set(lines);
      lines = l;
    }
    starts[count] = start;
    lines[count] = line;
    count++;
  };
  let lineNo = 1;
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    push(at, lineNo);
    for (let s = at + width; s < end; s += width) push(s, 0);
    if (nl < 0) break;
    at = nl + 1;
    lineNo++;
    // A text ending in a newline has no empty last row.
    if (at === text.length) break;
  }
  return { starts, lines, count, textLength: text.length };
}

/** [start, end) of row `i`, without its newline. */
export function rowRange(index: RowIndex, text: string, i: number): [number, number] {
  const start = index.starts[i]!;
  let end = i + 1 < index.count ? index.starts[i + 1]! : index.textLength;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  return [start, end];
}

/** The row holding UTF-16 offset `offset` (binary search). */
export function rowOf(index: RowIndex, offset: number): number {
  let lo = 0;
  let hi = index.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Number of lines (newline count + 1), without splitting the text. */
export function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
