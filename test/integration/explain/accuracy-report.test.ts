// The corpus scores as a Markdown report. A test run writes it to test-results/ (tests never rewrite
// tracked files); `UPDATE_ACCURACY=1 npx vitest run test/integration/explain/accuracy-report.test.ts`
// refreshes the committed test/fixtures/responses/ACCURACY.md on purpose.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracyReport, scoreCorpus } from '../../unit/shared/explain/corpus';

describe('explain accuracy report', () => {
  it('reports producer, cause, top-3 and false-alarm rates', () => {
    const scored = scoreCorpus();
    const report = accuracyReport(scored);
    const committed = fileURLToPath(new URL('../../fixtures/responses/ACCURACY.md', import.meta.url));
    mkdirSync('test-results', { recursive: true });
    writeFileSync(process.env.UPDATE_ACCURACY === '1' ? committed : 'test-results/ACCURACY.md', report);
    expect(report).toMatch(/false-alarm rate/);
    const benign = scored.filter((s) => !s.fx.expect.blocked);
    expect(benign.filter((s) => s.got.blocked).length / benign.length).toBeLessThan(0.05);
  });
});
