import { describe, expect, it } from 'vitest';
import { foldRanges, visibleIndexOf, visibleRows } from '../../../renderer/src/features/response/viewer/folds';
import { buildRows } from '../../../renderer/src/features/response/viewer/rows';

const TEXT = JSON.stringify({ user: { name: 'ada', roles: ['admin', 'dev'], none: {} }, items: [1, 2], tail: 'end' }, null, 2);
// 1 {, 2 "user": {, 3 name, 4 "roles": [, 5 admin, 6 dev, 7 ], 8 "none": {}, 9 }, 10 "items": [, 11 1, 12 2, 13 ], 14 tail, 15 }

describe('folding pretty-printed JSON', () => {
  it('pairs each multi-line object and array with its closing line; {} on one line is no range', () => {
    expect([...foldRanges(TEXT)].sort((a, b) => a[0] - b[0])).toEqual([[1, 15], [2, 9], [4, 7], [10, 13]]);
  });

  it('hides the lines between a folded pair, keeps an inner fold when the outer one opens, and maps rows back', () => {
    const rows = buildRows(TEXT, 200);
    const ends = foldRanges(TEXT);
    const lines = (v: Int32Array | null) => [...(v ?? [])].map((r) => rows.lines[r]);
    expect(visibleRows(rows, ends, new Set())).toBeNull();
    expect(lines(visibleRows(rows, ends, new Set([4])))).toEqual([1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(lines(visibleRows(rows, ends, new Set([2, 4])))).toEqual([1, 2, 9, 10, 11, 12, 13, 14, 15]);
    const v = visibleRows(rows, ends, new Set([2]))!;
    expect(visibleIndexOf(v, 4)).toBe(-1); // row 4 is line 5, hidden
    expect(v[visibleIndexOf(v, 8)]).toBe(8); // row 8 is line 9, the closing line
  });

  it('a wrapped opening line keeps its continuation rows when folded', () => {
    const long = `{\n  "k${'x'.repeat(50)}": {\n    "a": 1\n  }\n}`;
    const rows = buildRows(long, 20);
    const shown = visibleRows(rows, foldRanges(long), new Set([2]))!;
    expect([...shown].map((r) => rows.lines[r])).toEqual([1, 2, 0, 0, 4, 5]);
  });
});
