// Which three-letter sequences a text holds, as a bit set sized to the text: the explainer's index
// asks it whether a literal can be in the body (every trigram of the literal present) in a few
// bit tests instead of a scan per literal. "No" is certain; "yes" may be wrong, which only means
// the matcher runs and decides itself. Letters are compared lower-cased; literals are ASCII.

const GOLDEN = 0x9e3779b1;
/** at least 4 Ki bits, about 16 per character, at most 1 Mi bits (128 KiB) */
const MIN_LOG = 12;
const MAX_LOG = 20;
/** a text's own keys are kept up to this many (8 KiB): past it, every literal is asked (markHeld) */
const KEY_CAP = 2048;

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
  /** the text's exact trigram keys in order (repeats kept): a short text is read key by key (markHeld) */
  private readonly keys: Int32Array;
  private count = 0;
  private overflow = false;

  constructor(texts: readonly string[]) {
    let n = 0;
    for (const t of texts) n += t.length;
    let log = MIN_LOG;
    while (log < MAX_LOG && 1 << log < n * 16) log += 1;
    this.bits = new Int32Array(1 << (log - 5));
    this.shift = 32 - log;
    this.keys = new Int32Array(Math.min(n, KEY_CAP));
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
        const key = (a << 14) | (b << 7) | c;
        const h = Math.imul(key, GOLDEN) >>> this.shift;
        this.bits[h >>> 5]! |= 1 << (h & 31);
        if (this.count < this.keys.length) this.keys[this.count++] = key;
        else this.overflow = true;
      }
      a = b;
      b = c;
    }
  }

  /** Whether some literal of the set may be in the text (one loop, for a gate asked on every response). */
  mayHoldAny(set: LiteralSet): boolean {
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
    // a short text (most refusals) holds fewer trigrams than the set has literals: look up the
    // literals whose rarest trigram the text holds instead of asking every literal
    if (!this.overflow && this.count * 2 < set.ends.length) return this.markHeldByKey(set, owners, held);
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

  /**
   * markHeld() from the text's side: only literals whose rarest trigram occurs in the text can be in
   * it, and each of those is asked as markHeld() asks it. A literal the text really holds is always
   * found (its every trigram occurs, the rarest too); fewer false "yes" than the bit test alone.
   */
  private markHeldByKey(set: LiteralSet, owners: Int32Array, held: Uint8Array): void {
    const byKey = literalsByRarestKey(set);
    for (const i of byKey.get(-1) ?? []) held[owners[i]!] = 1;
    const seen = new Set<number>();
    for (let k = 0; k < this.count; k++) {
      const key = this.keys[k]!;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byKey.get(key);
      if (!list) continue;
      for (let n = 0; n < list.length; n++) {
        const i = list[n]!;
        if (held[owners[i]!] === 1) continue;
        let all = true;
        for (let j = i === 0 ? 0 : set.ends[i - 1]!, end = set.ends[i]!; j < end && all; j++) {
          const h = Math.imul(set.keys[j]!, GOLDEN) >>> this.shift;
          all = (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
        }
        if (all) held[owners[i]!] = 1;
      }
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
export interface LiteralSet { keys: Int32Array; ends: Int32Array; }

// Per literal set, made on first use: each literal filed under its trigram fewest literals share.
const rarest = new WeakMap<LiteralSet, Map<number, number[]>>();

function literalsByRarestKey(set: LiteralSet): Map<number, number[]> {
  let byKey = rarest.get(set);
  if (byKey) return byKey;
  const freq = new Map<number, number>();
  for (let j = 0; j < set.keys.length; j++) freq.set(set.keys[j]!, (freq.get(set.keys[j]!) ?? 0) + 1);
  byKey = new Map();
  let start = 0;
  for (let i = 0; i < set.ends.length; i++) {
    const end = set.ends[i]!;
    let best = -1;
    for (let j = start; j < end; j++) if (best < 0 || freq.get(set.keys[j]!)! < freq.get(best)!) best = set.keys[j]!;
    // a literal of no trigram (shorter than three) holds everywhere, as markHeld's bit test says: key -1
    (byKey.get(best) ?? byKey.set(best, []).get(best)!).push(i);
    start = end;
  }
  rarest.set(set, byKey);
  return byKey;
}

export function literalSet(literals: readonly Int32Array[]): LiteralSet {
  const ends = new Int32Array(literals.length);
  let n = 0;
  literals.forEach((l, i) => { n += l.length; ends[i] = n; });
  const keys = new Int32Array(n);
  literals.forEach((l, i) => keys.set(l, ends[i]! - l.length));
  return { keys, ends };
}
