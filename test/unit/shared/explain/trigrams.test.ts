// The body's trigrams answer "can this literal be in the text?": never "no" for a literal that is
// there, whichever way the set is asked (every literal, or the short text's own trigrams).
import { describe, expect, it } from 'vitest';
import { Grams, literalGrams, literalSet } from '../../../../shared/explain/trigrams';

const LITERALS = ['forbidden', 'access denied', 'x-amzn', 'rate limit', 'ok', 'quota', 'not authorized', 'csrf token'];

function heldBy(text: string, literals: string[]): string[] {
  const set = literalSet(literals.map(literalGrams));
  const held = new Uint8Array(literals.length);
  new Grams([text]).markHeld(set, Int32Array.from(literals.keys()), held);
  return literals.filter((_, i) => held[i] === 1);
}

describe('Grams.markHeld', () => {
  it('finds every literal a short text holds (read by its own trigrams), and a literal too short to have one', () => {
    const many = [...LITERALS, ...Array.from({ length: 200 }, (_, i) => `filler literal ${i} zq`)];
    const got = heldBy('{"message":"Forbidden","reason":"Rate limit reached; Not Authorized"}', many);
    for (const l of ['forbidden', 'rate limit', 'not authorized', 'ok']) expect(got).toContain(l);
    expect(got).not.toContain('csrf token');
  });

  it('answers the same for a long text (past its kept trigrams, every literal is asked)', () => {
    const long = `${'lorem ipsum dolor sit amet '.repeat(200)} access denied by policy; quota exceeded`;
    const got = heldBy(long, LITERALS);
    for (const l of ['access denied', 'quota', 'ok']) expect(got).toContain(l);
    expect(got).not.toContain('x-amzn');
  });
});
