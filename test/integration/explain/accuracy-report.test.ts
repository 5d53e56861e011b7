// Writes test/fixtures/responses/ACCURACY.md from the corpus scores (Node side: the unit folder stays free of Node builtins).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracyReport, scoreCorpus } from '../../unit/shared/explain/corpus';

describe('explain accuracy report', () => {
  it('writes ACCURACY.md with producer, cause, top-3 and false-alarm rates', () => {
    const scored = scoreCorpus();
    const report = accuracyReport(scored);
    writeFileSync(fileURLToPath(new URL('../../fixtures/responses/ACCURACY.md', import.meta.url)), report);
    expect(report).toMatch(/false-alarm rate/);
    const benign = scored.filter((s) => !s.fx.expect.blocked);
    expect(benign.filter((s) => s.got.blocked).length / benign.length).toBeLessThan(0.05);
  });
});
