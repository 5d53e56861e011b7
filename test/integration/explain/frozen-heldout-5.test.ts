// The fifth held-out set (issue 11, test/fixtures/responses/frozen-5/): real refusals and ordinary responses
// from public sources that neither the corpus nor frozen/ to frozen-4/ cite, collected and scored blind once the
// fourth set had been tuned past. About one refusal in six names a layer the registry lacked; those count as
// producer misses and the report lists them. The test reports accuracy and fails only on a crash, an invalid
// explanation, a false alarm, a set under 85 refusals / 15 ordinary, a source cited twice (here or by another
// fixture) or a file of this folder reaching the tuning corpus. Never tune rules on these files or edit their
// expectations to match explain().
import { describe, expect, it } from 'vitest';
import { ExplanationSchema, PRODUCERS } from '../../../shared/explain/index';
import {
  heldOutRecordProblem, heldOutReport, loadCorpus, loadFrozen, loadFrozen2, loadFrozen3, loadFrozen4, loadFrozen5, scoreCorpus,
} from '../../unit/shared/explain/corpus';

const heldOut = loadFrozen5();
const registered = new Set(PRODUCERS.map((p) => p.id));

/** Sources this set shares with the tuning corpus or an earlier held-out set: each would make the set less blind. */
function sharedSources(): string[] {
  const cited = new Set([...loadCorpus(), ...loadFrozen(), ...loadFrozen2(), ...loadFrozen3(), ...loadFrozen4()].map((f) => f.source));
  return heldOut.filter((f) => cited.has(f.source)).map((f) => f.file);
}

describe('explain: fifth frozen held-out set (reports accuracy, never requires it)', () => {
  it('has at least 85 refusals and 15 ordinary responses, one per source, each record well formed', () => {
    const blocked = heldOut.filter((f) => f.expect.blocked).length;
    expect([blocked >= 85, heldOut.length - blocked >= 15]).toEqual([true, true]);
    expect(heldOut.map((f) => [f.file, heldOutRecordProblem(f)]).filter(([, why]) => why)).toEqual([]);
    expect(new Set(heldOut.map((f) => f.source)).size).toBe(heldOut.length);
  });

  it('stays out of the tuning corpus and shares no source with it or an earlier held-out set', () => {
    const tuning = new Set(loadCorpus().map((f) => JSON.stringify([f.source, f.response])));
    expect(heldOut.filter((f) => tuning.has(JSON.stringify([f.source, f.response]))).map((f) => f.file)).toEqual([]);
    expect(sharedSources()).toEqual([]);
  });

  it('explains every response without crashing and raises no false alarm', () => {
    const scored = scoreCorpus(heldOut);
    for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
    console.log(heldOutReport('fifth frozen held-out set (frozen-5)', scored, registered));
    expect(scored.filter((s) => s.got.blocked && !s.fx.expect.blocked).map((s) => s.fx.file)).toEqual([]);
  });
});
