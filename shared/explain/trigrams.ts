// Which three-letter sequences a text holds, as a bit set sized to the text: the explainer's index
// asks it whether a literal can be in the body (every trigram of the literal present) in a few
// bit tests instead of a scan per literal. "No" is certain; "yes" may be wrong, which only means
// the matcher runs and decides itself. Letters are compared lower-cased; literals are ASCII.

const GOLDEN = 0x9e3779b1;
/** at least 4 Ki bits, about 16 per character, at most 1 Mi bits (128 KiB) */
const MIN_LOG = 12;
const MAX_LOG = 20;

/** Lower-cased code of an ASCII character, or -1 for any other (no literal holds one). */
function lowerAscii(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  return c > 127 ? -1 : c;
}

/** The exact 21-bit keys of a literal's trigrams (it is lower-case ASCII, at least 3 characters). */
export function literalGrams(text: string): Int32Array {
  const keys = new Int32Array(Math.max(0, text.length - 2));
  for (let i = 0; i < keys.length; i++) {
    keys[i] = (lowerAscii(text.charCodeAt(i)) << 14) | (lowerAscii(text.charCodeAt(i + 1)) << 7) | lowerAscii(text.charCodeAt(i + 2));
  }
  return keys;
}

export class Grams {
  private readonly bits: Int32Array;
  private readonly shift: number;
  private readonly log: number;
  /** every bit set, once each: a short body sets a few hundred of a set's thousands of literals' bits */
  private readonly set: number[] = [];

  constructor(texts: readonly string[]) {
    let n = 0;
    for (const t of texts) n += t.length;
    let log = MIN_LOG;
    while (log < MAX_LOG && 1 << log < n * 16) log += 1;
    this.bits = new Int32Array(1 << (log - 5));
    this.shift = 32 - log;
    this.log = log;
    for (const t of texts) this.add(t);
  }

  private add(text: string): void {
    let a = -1;
    let b = -1;
    for (let i = 0; i < text.length; i++) {
      const c = lowerAscii(text.charCodeAt(i));
      if (c < 0) {
        a = -1;
        b = -1;
        continue;
      }
      if (a >= 0) {
        const h = Math.imul((a << 14) | (b << 7) | c, GOLDEN) >>> this.shift;
        const w = this.bits[h >>> 5]!;
        const m = 1 << (h & 31);
        if ((w & m) === 0) {
          this.bits[h >>> 5] = w | m;
          this.set.push(h);
        }
      }
      a = b;
      b = c;
    }
  }

  /** Whether every trigram of literal i of the set may be in the text. */
  private holdsAll(set: LiteralSet, i: number): boolean {
    const end = set.ends[i]!;
    for (let j = i === 0 ? 0 : set.ends[i - 1]!; j < end; j++) {
      const h = Math.imul(set.keys[j]!, GOLDEN) >>> this.shift;
      if ((this.bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }

  /**
   * Whether to read the set by this text's own bits (the literals filed under each bit it sets)
   * rather than literal by literal: the answer is the same, the work is what each costs.
   */
  private byOwnBits(set: LiteralSet): boolean {
    return this.set.length < set.ends.length * 2;
  }

  /** Whether some literal of the set may be in the text (for a gate asked on every response). */
  mayHoldAny(set: LiteralSet): boolean {
    if (this.byOwnBits(set)) {
      const f = filed(set);
      if (f.bare.length > 0) return true;
      const down = MAX_LOG - this.log;
      const up = this.log - MIN_LOG;
      for (const h of this.set) {
        for (let k = f.starts[h >>> up]!, e = f.starts[(h >>> up) + 1]!; k < e; k++) {
          if (f.tops[k]! >>> down === h && this.holdsAll(set, f.lits[k]!)) return true;
        }
      }
      return false;
    }
    let start = 0;
    for (let i = 0; i < set.ends.length; i++) {
      const end = set.ends[i]!;
      let all = true;
      for (let j = start; j < end && all; j++) {
        const h = Math.imul(set.keys[j]!, GOLDEN) >>> this.shift;
        all = (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
      }
      if (all) return true;
      start = end;
    }
    return false;
  }

  /**
   * Marks `held[owners[i]]` for each literal i of the set the text may hold, skipping owners
   * already marked: many literals asked in one loop over flat arrays.
   */
  markHeld(set: LiteralSet, owners: Int32Array, held: Uint8Array): void {
    if (this.byOwnBits(set)) {
      const f = filed(set);
      for (const i of f.bare) held[owners[i]!] = 1;
      const down = MAX_LOG - this.log;
      const up = this.log - MIN_LOG;
      for (const h of this.set) {
        for (let k = f.starts[h >>> up]!, e = f.starts[(h >>> up) + 1]!; k < e; k++) {
          const i = f.lits[k]!;
          if (held[owners[i]!] === 0 && f.tops[k]! >>> down === h && this.holdsAll(set, i)) held[owners[i]!] = 1;
        }
      }
      return;
    }
    let start = 0;
    for (let i = 0; i < set.ends.length; i++) {
      const end = set.ends[i]!;
      if (held[owners[i]!] === 0) {
        let all = true;
        for (let j = start; j < end && all; j++) {
          const h = Math.imul(set.keys[j]!, GOLDEN) >>> this.shift;
          all = (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
        }
        if (all) held[owners[i]!] = 1;
      }
      start = end;
    }
  }

  /** False when some trigram of the literal is surely absent. */
  mayHold(keys: Int32Array): boolean {
    for (let i = 0; i < keys.length; i++) {
      const h = Math.imul(keys[i]!, GOLDEN) >>> this.shift;
      if ((this.bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }
}

/** Literals' trigrams laid end to end, to be asked about all at once. */
export interface LiteralSet { keys: Int32Array; ends: Int32Array; filed: Filed | undefined; }

export function literalSet(literals: readonly Int32Array[]): LiteralSet {
  const ends = new Int32Array(literals.length);
  let n = 0;
  literals.forEach((l, i) => { n += l.length; ends[i] = n; });
  const keys = new Int32Array(n);
  literals.forEach((l, i) => keys.set(l, ends[i]! - l.length));
  return { keys, ends, filed: undefined };
}

/**
 * A set's literals filed by one trigram each, under the top MAX_LOG bits of its hash: a literal can
 * be held only where that trigram's bit is set, whatever the text's bit-set size (its bit is the top
 * `log` bits of the same hash), so a short text asks only the literals filed under the bits it sets,
 * and gets the answer the literal-by-literal loop gives. Made once per set, on first use (a counting
 * sort: no map, so cheap even in a short process; README, issue 12).
 */
interface Filed {
  /** per MIN_LOG-bit bucket, where its literals start in `lits` (and the next bucket's start) */
  starts: Int32Array;
  /** literal indices, by bucket */
  lits: Int32Array;
  /** the top MAX_LOG bits of each filed literal's trigram hash */
  tops: Int32Array;
  /** literals with no trigram (shorter than 3): every text may hold them */
  bare: number[];
}

/** How uncommon a character is in text (letters by English frequency; spaces and punctuation least): a literal is filed under its least common-looking trigram. */
const RARITY = (() => {
  const r = new Uint8Array(128).fill(8);
  for (const c of ' "\':,.-_/<>={}[]()\n\t') r[c.charCodeAt(0)] = 0;
  const letters = 'etaoinsrhldcumfpgwybvkxjqz';
  for (let i = 0; i < letters.length; i++) r[letters.charCodeAt(i)] = 1 + i;
  for (let c = 48; c <= 57; c++) r[c] = 10;
  return r;
})();

function filed(set: LiteralSet): Filed {
  if (set.filed) return set.filed;
  const n = set.ends.length;
  const top = new Int32Array(n);
  const bucketOf = new Int32Array(n).fill(-1);
  const starts = new Int32Array((1 << MIN_LOG) + 1);
  const bare: number[] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = set.ends[i]!;
    if (end === start) {
      bare.push(i);
      continue;
    }
    // the literal's least common-looking trigram: fewer texts set its bit
    let best = set.keys[start]!;
    let score = -1;
    for (let j = start; j < end; j++) {
      const k = set.keys[j]!;
      const s = RARITY[k >>> 14]! + RARITY[(k >>> 7) & 127]! + RARITY[k & 127]!;
      if (s > score) {
        best = k;
        score = s;
      }
    }
    top[i] = Math.imul(best, GOLDEN) >>> (32 - MAX_LOG);
    bucketOf[i] = top[i]! >>> (MAX_LOG - MIN_LOG);
    starts[bucketOf[i]! + 1]! += 1;
    start = end;
  }
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const next = starts.slice(0, -1);
  const lits = new Int32Array(n - bare.length);
  const tops = new Int32Array(n - bare.length);
  for (let i = 0; i < n; i++) {
    if (bucketOf[i]! < 0) continue;
    const k = next[bucketOf[i]!]!++;
    lits[k] = i;
    tops[k] = top[i]!;
  }
  set.filed = { starts, lits, tops, bare };
  return set.filed;
}
