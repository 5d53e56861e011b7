// The regex texts the anchor index reads at build time (shared/explain/regex-texts.generated.ts)
// must be the ones the reader gives today: a stale table is only slower for a source it lacks, but
// an entry whose reading changed would be wrong, so the committed file must match the registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGEX_TEXTS_FILE, anchorRegexes, renderRegexTexts } from '../../scripts/gen-regex-texts';
import { readRegexText, regexText } from '../../shared/explain/regex-literals';

describe('the generated regex texts', () => {
  it('are current (else run: npm run gen:regex-texts)', () => {
    const stale = readFileSync(REGEX_TEXTS_FILE, 'utf8') !== renderRegexTexts();
    expect(stale, 'shared/explain/regex-texts.generated.ts is stale: run npm run gen:regex-texts').toBe(false);
  });

  it('give what reading the source gives, for every anchor regex and for one the table lacks', () => {
    const regexes = anchorRegexes();
    expect(regexes.length).toBeGreaterThan(500);
    for (const re of regexes) expect(regexText(re), re.source).toEqual(readRegexText(re));
    const fresh = /not in any producer: quota exhausted/i;
    expect(regexText(fresh)).toEqual({ lit: 'not in any producer: quota exhausted' });
  });
});
