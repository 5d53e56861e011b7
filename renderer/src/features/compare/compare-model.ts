// What differs between two exchanges, as rows to show side by side: headers matched by name
// (case-insensitive, repeats kept in order), bodies as aligned line pairs from jsdiff's line diff.
import { diffLines, diffWordsWithSpace } from 'diff';

export type Change = 'same' | 'added' | 'removed' | 'changed';

export interface HeaderRow {
  /** the name as the left side wrote it (else the right's) */
  name: string;
  left: string[];
  right: string[];
  change: Change;
}

const lower = (s: string) => s.toLowerCase();

/** Headers of both sides by name, in the left's order then the right's new names. */
export function diffHeaders(left: ReadonlyArray<readonly [string, string]>, right: ReadonlyArray<readonly [string, string]>): HeaderRow[] {
  const rows = new Map<string, HeaderRow>();
  const row = (name: string) => {
    let r = rows.get(lower(name));
    if (!r) rows.set(lower(name), (r = { name, left: [], right: [], change: 'same' }));
    return r;
  };
  for (const [n, v] of left) row(n).left.push(v);
  for (const [n, v] of right) row(n).right.push(v);
  for (const r of rows.values()) {
    if (r.left.length === 0) r.change = 'added';
    else if (r.right.length === 0) r.change = 'removed';
    else r.change = r.left.join('\n') === r.right.join('\n') ? 'same' : 'changed';
  }
  return [...rows.values()];
}

export interface LineCell {
  /** 1-based line number on its side */
  no: number;
  text: string;
}

export interface LinePair {
  left: LineCell | null;
  right: LineCell | null;
  change: Change;
}

/** Bodies larger than this are compared on their first part only: the diff's cost grows with both. */
export const BODY_DIFF_MAX = 512 * 1024;
/** Beyond this many edits, or this long on the main thread, jsdiff gives up: the bodies show as wholly different. */
const DIFF_MS = 250;
const MAX_EDITS = 2000;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Side-by-side rows: equal lines on both sides; a removed block paired row by row with the added block after it. */
export function diffBodies(left: string, right: string): { pairs: LinePair[]; truncated: boolean; gaveUp: boolean } {
  const truncated = left.length > BODY_DIFF_MAX || right.length > BODY_DIFF_MAX;
  const a = left.slice(0, BODY_DIFF_MAX);
  const b = right.slice(0, BODY_DIFF_MAX);
  const parts = diffLines(a, b, { maxEditLength: MAX_EDITS, timeout: DIFF_MS });
  const pairs: LinePair[] = [];
  let ln = 1;
  let rn = 1;
  if (!parts) {
    for (const text of splitLines(a)) pairs.push({ left: { no: ln++, text }, right: null, change: 'removed' });
    for (const text of splitLines(b)) pairs.push({ left: null, right: { no: rn++, text }, change: 'added' });
    return { pairs, truncated, gaveUp: true };
  }
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const lines = splitLines(p.value);
    if (!p.added && !p.removed) {
      for (const text of lines) pairs.push({ left: { no: ln++, text }, right: { no: rn++, text }, change: 'same' });
    } else if (p.removed) {
      const next = parts[i + 1];
      const added = next?.added ? splitLines(next.value) : [];
      if (next?.added) i++;
      const n = Math.max(lines.length, added.length);
      for (let k = 0; k < n; k++) {
        const l = lines[k];
        const r = added[k];
        pairs.push({
          left: l === undefined ? null : { no: ln++, text: l },
          right: r === undefined ? null : { no: rn++, text: r },
          change: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
        });
      }
    } else {
      for (const text of lines) pairs.push({ left: null, right: { no: rn++, text }, change: 'added' });
    }
  }
  return { pairs, truncated, gaveUp: false };
}

export interface Piece {
  text: string;
  /** the part differs from the other side's line */
  changed: boolean;
}

/** Within a changed line pair: which words differ, per side. */
export function wordPieces(left: string, right: string): { left: Piece[]; right: Piece[] } {
  const out = { left: [] as Piece[], right: [] as Piece[] };
  // Very long lines (minified JSON) are marked as a whole: a word diff there costs more than it shows.
  if (left.length + right.length > 4000) {
    out.left.push({ text: left, changed: true });
    out.right.push({ text: right, changed: true });
    return out;
  }
  for (const p of diffWordsWithSpace(left, right)) {
    if (!p.added) out.left.push({ text: p.value, changed: p.removed });
    if (!p.removed) out.right.push({ text: p.value, changed: p.added });
  }
  return out;
}

/** A body as it is best compared: JSON pretty-printed with sorted-as-is keys, anything else as is. */
export function comparableBody(text: string): string {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return text;
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    // Not JSON after all: compared as text.
    return text;
  }
}
