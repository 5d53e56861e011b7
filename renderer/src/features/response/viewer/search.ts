// Search inside a response body: every match of a literal text, case-insensitive unless asked,
// capped so a one-letter search in a 50 MB body stays quick.
import { escapeRegex } from '../../../../../shared/util/escape-regex';

export interface Matches {
  /** UTF-16 start offsets, ascending */
  starts: number[];
  /** UTF-16 length of each match (case folding can change it) */
  lengths: number[];
  /** more matches exist than were collected */
  capped: boolean;
}

export const NO_MATCHES: Matches = { starts: [], lengths: [], capped: false };

export function findAll(text: string, query: string, opts: { caseSensitive?: boolean; max?: number } = {}): Matches {
  if (query === '' || text === '') return NO_MATCHES;
  const max = opts.max ?? 100_000;
  const re = new RegExp(escapeRegex(query), opts.caseSensitive ? 'g' : 'gi');
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (starts.length === max) return { starts, lengths, capped: true };
    starts.push(m.index);
    lengths.push(m[0].length);
  }
  return { starts, lengths, capped: false };
}

/** The first match at or after `offset` (wrapping to the first), for "search from here". */
export function matchAtOrAfter(m: Matches, offset: number): number {
  let lo = 0;
  let hi = m.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < m.starts.length ? lo : 0;
}

/** Indexes of the matches overlapping [start, end). */
export function matchesIn(m: Matches, start: number, end: number): number[] {
  let lo = 0;
  let hi = m.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.starts[mid]! + m.lengths[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < m.starts.length && m.starts[i]! < end; i++) out.push(i);
  return out;
}
