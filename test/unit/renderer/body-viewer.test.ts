// The response body viewer's pure parts: rows (soft wrap), search, and row pieces.
import { describe, expect, it } from 'vitest';
import { buildRows, rowOf, rowRange } from '../../../renderer/src/features/response/viewer/rows';
import { findAll, matchAtOrAfter, matchesIn } from '../../../renderer/src/features/response/viewer/search';
import { rowPieces } from '../../../renderer/src/features/response/viewer/segments';
import { jsonLineTokens } from '../../../renderer/src/features/response/viewer/json-tokens';

const rowsOf = (text: string, cols: number) => {
  const idx = buildRows(text, cols);
  return Array.from({ length: idx.count }, (_, i) => {
    const [s, e] = rowRange(idx, text, i);
    return [idx.lines[i], text.slice(s, e)];
  });
};

describe('buildRows', () => {
  it('wraps long lines into rows of cols characters, numbering only first rows', () => {
    expect(rowsOf('abcdefgh\nxy\n', 3)).toEqual([[1, 'abc'], [0, 'def'], [0, 'gh'], [2, 'xy']]);
  });
  it('keeps empty lines and a last line without newline', () => {
    expect(rowsOf('a\n\nb', 10)).toEqual([[1, 'a'], [2, ''], [3, 'b']]);
    expect(rowsOf('', 10)).toEqual([[1, '']]);
  });
  it('covers every character of a big single-line text exactly once', () => {
    const text = 'x'.repeat(1_000_003);
    const idx = buildRows(text, 120);
    expect(idx.count).toBe(Math.ceil(1_000_003 / 120));
    expect(rowOf(idx, 1_000_002)).toBe(idx.count - 1);
    expect(rowOf(idx, 240)).toBe(2);
    expect(rowOf(idx, 239)).toBe(1);
  });
});

describe('findAll', () => {
  it('finds every match case-insensitively, or with case when asked', () => {
    expect(findAll('Abc abc ABC', 'abc').starts).toEqual([0, 4, 8]);
    expect(findAll('Abc abc ABC', 'abc', { caseSensitive: true }).starts).toEqual([4]);
    expect(findAll('a.c abc', '.').starts).toEqual([1]);
  });
  it('caps the count and says so', () => {
    const m = findAll('aaaaa', 'a', { max: 3 });
    expect(m.starts).toEqual([0, 1, 2]);
    expect(m.capped).toBe(true);
  });
  it('finds the match at or after an offset, and those overlapping a range', () => {
    const m = findAll('ab ab ab ab', 'ab');
    expect(matchAtOrAfter(m, 4)).toBe(2);
    expect(matchAtOrAfter(m, 100)).toBe(0);
    expect(matchesIn(m, 4, 7)).toEqual([1, 2]);
  });
});

describe('rowPieces', () => {
  it('splits a row at overlapping spans and merges equal neighbours', () => {
    const pieces = rowPieces(10, 20, [{ start: 5, end: 14, cls: 'tok-string' }, { start: 12, end: 16, cls: 'hit' }]);
    expect(pieces).toEqual([
      { start: 10, end: 12, classes: ['tok-string'] },
      { start: 12, end: 14, classes: ['tok-string', 'hit'] },
      { start: 14, end: 16, classes: ['hit'] },
      { start: 16, end: 20, classes: [] },
    ]);
  });
});

describe('jsonLineTokens', () => {
  it('tells keys from string values', () => {
    const line = '  "id": "a\\"b", "n": -1.5e3, "ok": true';
    const toks = jsonLineTokens(line, 100).map((t) => [line.slice(t.start - 100, t.end - 100), t.cls]);
    expect(toks).toEqual([['"id"', 'tok-key'], [':', 'tok-punct'], ['"a\\"b"', 'tok-string'], [',', 'tok-punct'],
      ['"n"', 'tok-key'], [':', 'tok-punct'], ['-1.5e3', 'tok-number'], [',', 'tok-punct'], ['"ok"', 'tok-key'], [':', 'tok-punct'], ['true', 'tok-literal']]);
  });
});

describe('extendRows', () => {
  it('gives the same rows as building the grown text anew, however the text was cut', async () => {
    const { extendRows, lineCount } = await import('../../../renderer/src/features/response/viewer/rows');
    const full = 'alpha\nbeta gamma delta\n\nepsilon zeta eta theta iota\nkappa';
    for (let cut = 0; cut <= full.length; cut++) {
      const grown = extendRows(buildRows(full.slice(0, cut), 7), full, 7);
      const fresh = buildRows(full, 7);
      expect(Array.from(grown.starts.subarray(0, grown.count))).toEqual(Array.from(fresh.starts.subarray(0, fresh.count)));
      expect(Array.from(grown.lines.subarray(0, grown.count))).toEqual(Array.from(fresh.lines.subarray(0, fresh.count)));
    }
    expect(lineCount(buildRows(full, 7))).toBe(5);
  });
});
