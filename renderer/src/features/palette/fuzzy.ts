// Fuzzy matching for the command palette: the query's characters in order (case-insensitive),
// scored so that word starts and runs of consecutive characters rank first. Pure, unit-tested.

export interface FuzzyMatch {
  score: number;
  /** indexes into the text of the matched characters, for highlighting */
  positions: number[];
}

const WORD_START = /[\s/_\-.:(]/;

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1]!;
  const cur = text[i]!;
  return WORD_START.test(prev) || (prev === prev.toLowerCase() && cur !== cur.toLowerCase());
}

/** Where each query character lands: greedy from the left, a word start further on preferred when `preferStarts`. */
function locate(q: string, text: string, t: string, preferStarts: boolean): number[] | null {
  const positions: number[] = [];
  let from = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const next = t.indexOf(ch, from);
    if (next < 0) return null;
    let pick = next;
    const extendsRun = positions.length > 0 && positions[positions.length - 1] === next - 1;
    if (preferStarts && !extendsRun) {
      for (let i = next; i >= 0; i = t.indexOf(ch, i + 1)) {
        if (isWordStart(text, i)) { pick = i; break; }
      }
    }
    positions.push(pick);
    from = pick + 1;
  }
  return positions;
}

/**
 * Null when the query's characters are not all in `text` in order. A character prefers a word start
 * further on ("nt" finds New Tab's N and T), unless that leaves the rest of the query unmatched.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '') return { score: 0, positions: [] };
  const t = text.toLowerCase();
  const positions = locate(q, text, t, true) ?? locate(q, text, t, false);
  if (!positions) return null;
  let score = 0;
  positions.forEach((p, k) => {
    score += 1;
    if (isWordStart(text, p)) score += 8;
    if (k > 0 && positions[k - 1] === p - 1) score += 5;
  });
  // Earlier matches first (equal ones keep the list's order); a whole-prefix match outranks everything.
  score -= positions[0]! * 0.2;
  if (t.startsWith(q)) score += 50;
  return { score, positions };
}

/**
 * The items whose text matches, best first; the input order breaks ties (and is kept for an empty
 * query). `more` (a folder, a path) is matched only when `text` alone does not, and ranks lower.
 */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string, more?: (item: T) => string): Array<{ item: T; match: FuzzyMatch }> {
  const out: Array<{ item: T; match: FuzzyMatch; order: number }> = [];
  items.forEach((item, order) => {
    const own = text(item);
    let match = fuzzyMatch(query, own);
    const extra = match ? null : more?.(item);
    if (extra) {
      const wide = fuzzyMatch(query, `${own} ${extra}`);
      if (wide) match = { score: wide.score - 20, positions: wide.positions.filter((p) => p < own.length) };
    }
    if (match) out.push({ item, match, order });
  });
  if (query.trim() !== '') out.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
  return out.map(({ item, match }) => ({ item, match }));
}
