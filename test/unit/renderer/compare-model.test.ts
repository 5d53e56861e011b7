// Compare's model: headers matched by name, bodies aligned line by line (jsdiff), words marked.
import { describe, expect, it } from 'vitest';
import { comparableBody, diffBodies, diffHeaders, wordPieces } from '../../../renderer/src/features/compare/compare-model';

describe('diffHeaders', () => {
  it('matches names case-insensitively and says added, removed, changed, same', () => {
    const rows = diffHeaders([['Content-Type', 'a/json'], ['X-Old', '1'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']],
      [['content-type', 'a/json'], ['X-New', '2'], ['set-cookie', 'a=1']]);
    expect(rows.map((r) => [r.name, r.change])).toEqual([['Content-Type', 'same'], ['X-Old', 'removed'], ['Set-Cookie', 'changed'], ['X-New', 'added']]);
    expect(rows.find((r) => r.name === 'Set-Cookie')).toMatchObject({ left: ['a=1', 'b=2'], right: ['a=1'] });
  });
});

describe('diffBodies', () => {
  it('pairs a removed block with the added block after it, numbering each side', () => {
    const { pairs } = diffBodies('a\nb\nc\nd\n', 'a\nB\nc\nd\ne\n');
    expect(pairs.map((p) => [p.left?.no ?? null, p.left?.text ?? null, p.right?.no ?? null, p.right?.text ?? null, p.change])).toEqual([
      [1, 'a', 1, 'a', 'same'], [2, 'b', 2, 'B', 'changed'], [3, 'c', 3, 'c', 'same'], [4, 'd', 4, 'd', 'same'], [null, null, 5, 'e', 'added'],
    ]);
  });
  it('gives up aligning bodies too different, and says so', () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 6000 }, (_, i) => `b${i}`).join('\n');
    const d = diffBodies(a, b);
    expect(d.gaveUp).toBe(true);
    expect(d.pairs).toHaveLength(12000);
  });
});

describe('wordPieces and comparableBody', () => {
  it('marks the words that differ on each side', () => {
    const w = wordPieces('"status": "denied"', '"status": "granted"');
    expect(w.left.filter((p) => p.changed).map((p) => p.text)).toEqual(['denied']);
    expect(w.right.filter((p) => p.changed).map((p) => p.text)).toEqual(['granted']);
  });
  it('pretty-prints JSON so a one-line body diffs by line', () => {
    expect(comparableBody('{"a":1,"b":[2]}')).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}\n');
    expect(comparableBody('{not json')).toBe('{not json');
  });
});
