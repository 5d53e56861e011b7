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
  return rowsFrom(text, cols, null);
}

/**
 * The rows of a text that grew at its end (a body paging in): the old rows up to the start of
 * their last line are kept, only the rest is read again.
 */
export function extendRows(prev: RowIndex, text: string, cols: number): RowIndex {
  return rowsFrom(text, cols, prev);
}

function lastLineRow(index: RowIndex): number {
  let i = index.count - 1;
  while (i > 0 && index.lines[i] === 0) i--;
  return Math.max(0, i);
}

/** The line number of the text's last line. */
export function lineCount(index: RowIndex): number {
  return index.count === 0 ? 1 : index.lines[lastLineRow(index)]!;
}

function rowsFrom(text: string, cols: number, prev: RowIndex | null): RowIndex {
  const width = Math.max(1, Math.floor(cols));
  const keep = prev ? lastLineRow(prev) : 0;
  let cap = Math.max(16, keep + Math.ceil((text.length - (prev ? prev.starts[keep]! : 0)) / width) + 16);
  let starts = new Int32Array(cap);
  let lines = new Int32Array(cap);
  if (prev) {
    starts.set(prev.starts.subarray(0, keep));
    lines.set(prev.lines.subarray(0, keep));
  }
  let count = keep;
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
  let lineNo = prev && prev.count > 0 ? prev.lines[keep]! : 1;
  let at = prev && prev.count > 0 ? prev.starts[keep]! : 0;
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
