// Bulk edit round-trips exactly: rows → text → rows is the identity for every row it accepts.
import { describe, expect, it } from 'vitest';
import { bulkBlocker, rowsToText, textToRows } from '../../../renderer/src/features/request-editor/bulk-edit';

const row = (name: string, value: string, enabled = true) => ({ name, value, enabled });

describe('bulk edit', () => {
  it('writes `Name: value` lines and `//` for disabled rows', () => {
    expect(rowsToText([row('Accept', 'application/json'), row('X-Off', '1', false), row('', '')])).toBe('Accept: application/json\n//X-Off: 1');
  });

  it('reads lines back: first colon splits, one space is the separator, blank lines skipped', () => {
    expect(textToRows('Authorization: Bearer a:b\n\n//X-Off:1\nflag\n  Spaced  :  two spaces')).toEqual([
      row('Authorization', 'Bearer a:b'), row('X-Off', '1', false), row('flag', ''), row('Spaced', ' two spaces'),
    ]);
  });

  it('round-trips values with colons, leading and trailing spaces, empty values, {{variables}} and unicode', () => {
    const rows = [row('url', 'http://x:8080/a?b=c'), row('pad', '  both  '), row('empty', ''), row('tpl', '{{base}}/{{id}}'),
      row('名前', 'wörld ✓', false), row('', 'value without a name'), row('dup', '1'), row('dup', '2')];
    expect(bulkBlocker(rows)).toBeNull();
    expect(textToRows(rowsToText(rows))).toEqual(rows);
    expect(rowsToText(textToRows(rowsToText(rows)))).toBe(rowsToText(rows));
  });

  it('names the rows it cannot write as lines', () => {
    expect(bulkBlocker([row('a:b', '1')])).toMatch(/colon/);
    expect(bulkBlocker([row('a', 'x\ny')])).toMatch(/line break/);
    expect(bulkBlocker([row(' a', '1')])).toMatch(/space/);
    expect(bulkBlocker([row('//a', '1')])).toMatch(/starts with \/\//);
  });
});
