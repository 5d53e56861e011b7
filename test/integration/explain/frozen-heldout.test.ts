// The frozen held-out set (issue 11): real refusals and ordinary responses collected from public sources the
// corpus never used, scored blind. It reports producer accuracy, cause accuracy, cause in the top three and
// false alarms; it fails only on a crash, an invalid explanation or a false alarm (an ordinary response marked
// blocked), never on accuracy. Do not tune rules on these files or edit their expectations to match explain().
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, ExplanationSchema, PRODUCERS } from '../../../shared/explain/index';
import { heldOutReport, loadFrozen, scoreCorpus } from '../../unit/shared/explain/corpus';

const frozen = loadFrozen();

describe('explain: frozen held-out set (reports accuracy, never requires it)', () => {
  it('holds at least 80 real refusals and 10 ordinary responses, each with its source and a valid expectation', () => {
    expect(frozen.filter((f) => f.expect.blocked).length).toBeGreaterThanOrEqual(80);
    expect(frozen.filter((f) => !f.expect.blocked).length).toBeGreaterThanOrEqual(10);
    const ids = new Set(PRODUCERS.map((p) => p.id));
    for (const f of frozen) {
      expect(f.source, f.file).toMatch(/^https:\/\//);
      expect(CAUSE_IDS, f.file).toContain(f.expect.cause);
      if (f.expect.producer !== null) expect(ids.has(f.expect.producer), `${f.file}: producer ${f.expect.producer}`).toBe(true);
    }
  });

  it('explains every response without crashing, and raises no false alarm on the ordinary ones', () => {
    const scored = scoreCorpus(frozen);
    for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
    console.log(heldOutReport('frozen held-out set', scored));
    const falseAlarms = scored.filter((s) => !s.fx.expect.blocked && s.got.blocked).map((s) => s.fx.file);
    expect(falseAlarms).toEqual([]);
  });
});
