// The second held-out set (issue 11, test/fixtures/responses/frozen-2/): real refusals and ordinary responses
// from public sources neither the corpus nor the first frozen set cites, collected and scored blind once the
// first set was no longer blind. Its producers may be ids the registry lacks (real users meet those layers);
// they count as producer misses and the report lists them. It reports accuracy and fails only on a crash, an
// invalid explanation, a false alarm on an ordinary response, or a set smaller than 80 refusals / 10 ordinary.
// Never tune rules on these files or edit their expectations to match explain().
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, ExplanationSchema, PRODUCERS } from '../../../shared/explain/index';
import { heldOutReport, loadCorpus, loadFrozen, loadFrozen2, scoreCorpus } from '../../unit/shared/explain/corpus';

const set = loadFrozen2();
const registered = new Set(PRODUCERS.map((p) => p.id));

describe('explain: second frozen held-out set (reports accuracy, never requires it)', () => {
  it('holds at least 80 real refusals and 10 ordinary responses, each with its source and a well-formed expectation', () => {
    expect(set.filter((f) => f.expect.blocked).length).toBeGreaterThanOrEqual(80);
    expect(set.filter((f) => !f.expect.blocked).length).toBeGreaterThanOrEqual(10);
    for (const f of set) {
      expect(f.source, f.file).toMatch(/^https:\/\//);
      expect(CAUSE_IDS, f.file).toContain(f.expect.cause);
      expect(f.expect.cause === 'none', `${f.file}: an ordinary response has cause none`).toBe(!f.expect.blocked);
      if (f.expect.producer !== null) expect(f.expect.producer, f.file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('explains every response without crashing, and raises no false alarm on the ordinary ones', () => {
    const scored = scoreCorpus(set);
    for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
    const elsewhere = new Set([...loadCorpus(), ...loadFrozen()].map((f) => f.source));
    const reused = set.filter((f) => elsewhere.has(f.source)).length;
    console.log(`${heldOutReport('second frozen held-out set (frozen-2)', scored, registered)}\n  sources also cited by the corpus or frozen/: ${reused}`);
    const falseAlarms = scored.filter((s) => !s.fx.expect.blocked && s.got.blocked).map((s) => s.fx.file);
    expect(falseAlarms).toEqual([]);
  });
});
