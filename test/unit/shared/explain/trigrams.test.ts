// The trigram index read two ways (trigrams.ts): a short text asks only the literals filed under the
// bits it sets, a long one asks every literal; both must give exactly the literal-by-literal answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grams, literalGrams, literalSet } from '../../../../shared/explain/trigrams';

/** The answer asked one literal at a time (Grams.mayHold), as the index's definition. */
function oneByOne(g: Grams, literals: string[]): boolean[] {
  return literals.map((l) => g.mayHold(literalGrams(l)));
}

const WORDS = ['access', 'denied', 'forbidden', 'not authorized', 'api key', 'rate limit', 'x', 'ab', '"code"', 'quota', 'zq', 'request id', 'blocked by', 'captcha'];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 0, maxLength: 12 }), fc.stringMatching(/^[a-z ]{3,20}$/));

describe('Grams', () => {
  it('marks and finds the same literals whether a text is read by its own bits or literal by literal', () => {
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 300 }), fc.array(fc.oneof(word, fc.string({ maxLength: 40 })), { maxLength: 400 }), (literals, parts) => {
      const lower = literals.map((l) => l.toLowerCase());
      const set = literalSet(lower.map(literalGrams));
      for (const texts of [[parts.join(' ')], [parts.slice(0, 3).join(' ')], [parts.join(' '), parts.slice(1).join('\n')], ['']]) {
        const expected = oneByOne(new Grams(texts), lower);
        const owners = Int32Array.from(lower.map((_, i) => i));
        const held = new Uint8Array(lower.length);
        new Grams(texts).markHeld(set, owners, held);
        expect([...held].map(Boolean)).toEqual(expected);
        expect(new Grams(texts).mayHoldAny(set)).toBe(expected.some(Boolean));
        // owners shared by several literals, some already marked
        const shared = Int32Array.from(lower.map((_, i) => i % 7));
        const pre = new Uint8Array(7);
        pre[3] = 1;
        new Grams(texts).markHeld(set, shared, pre);
        const want = Array.from({ length: 7 }, (_, o) => o === 3 || expected.some((e, i) => e && i % 7 === o));
        expect([...pre].map(Boolean)).toEqual(want);
      }
    }), { numRuns: 300 });
  });

  it('reads a big text literal by literal and a short one by its bits, with the same answer', () => {
    const literals = Array.from({ length: 3000 }, (_, i) => `lit${i.toString(36)}word`);
    const set = literalSet(literals.map(literalGrams));
    const long = Array.from({ length: 4000 }, (_, i) => `w${(i * 7919).toString(36)}`).join(' ') + ' lit2sword';
    for (const text of ['nothing here', 'the lit1aword and lit2zword', long]) {
      const g = new Grams([text]);
      const held = new Uint8Array(literals.length);
      g.markHeld(set, Int32Array.from(literals.map((_, i) => i)), held);
      expect([...held].map(Boolean)).toEqual(oneByOne(new Grams([text]), literals));
    }
  });
});
