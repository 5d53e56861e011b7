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

  constructor(texts: readonly string[]) {
    let n = 0;
    for (const t of texts) n += t.length;
    let log = MIN_LOG;
    while (log < MAX_LOG && 1 << log < n * 16) log += 1;
    this.bits = new Int32Array(1 << (log - 5));
    this.shift = 32 - log;
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
        this.bits[h >>> 5]! |= 1 << (h & 31);
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
export interface LiteralSet { keys: Int32Array; ends: Int32Array; }

export function literalSet(literals: readonly Int32Array[]): LiteralSet {
  const ends = new Int32Array(literals.length);
  let n = 0;
  literals.forEach((l, i) => { n += l.length; ends[i] = n; });
  const keys = new Int32Array(n);
  literals.forEach((l, i) => keys.set(l, ends[i]! - l.length));
  return { keys, ends };
}
