// The fourth held-out set (issue 11, test/fixtures/responses/frozen-4/): real refusals and ordinary responses
// from public sources that neither the corpus nor frozen/, frozen-2/ and frozen-3/ cite, collected and scored
// blind once the third set had been tuned past. About one refusal in six names a layer the registry lacks; those
// count as producer misses and the report lists them. The test reports accuracy and fails only on a crash, an
// invalid explanation, a false alarm, a set under 85 refusals / 15 ordinary, a source cited twice or a file of
// this folder reaching the tuning corpus. Never tune rules on these files or edit their expectations to match explain().
import { describe, expect, it } from 'vitest';
import { ExplanationSchema, PRODUCERS } from '../../../shared/explain/index';
import { heldOutRecordProblem, heldOutReport, loadCorpus, loadFrozen, loadFrozen2, loadFrozen3, loadFrozen4, scoreCorpus } from '../../unit/shared/explain/corpus';

const heldOut = loadFrozen4();
const known = new Set(PRODUCERS.map((p) => p.id));

describe('explain: fourth frozen held-out set (reports accuracy, never requires it)', () => {
  it('has at least 85 refusals and 15 ordinary responses, one per source, each record well formed', () => {
    const blocked = heldOut.filter((f) => f.expect.blocked).length;
    expect([blocked >= 85, heldOut.length - blocked >= 15]).toEqual([true, true]);
    expect(heldOut.map((f) => [f.file, heldOutRecordProblem(f)]).filter(([, why]) => why)).toEqual([]);
    expect(new Set(heldOut.map((f) => f.source)).size).toBe(heldOut.length);
  });

  it('stays out of the tuning corpus', () => {
    const tuning = new Set(loadCorpus().map((f) => JSON.stringify([f.source, f.response])));
    expect(heldOut.filter((f) => tuning.has(JSON.stringify([f.source, f.response]))).map((f) => f.file)).toEqual([]);
  });

  it('explains every response without crashing and raises no false alarm', () => {
    const scored = scoreCorpus(heldOut);
    for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
    const cited = new Set([...loadCorpus(), ...loadFrozen(), ...loadFrozen2(), ...loadFrozen3()].map((f) => f.source));
    const shared = heldOut.filter((f) => cited.has(f.source)).length;
    console.log(`${heldOutReport('fourth frozen held-out set (frozen-4)', scored, known)}\n  sources also cited by the corpus or frozen/, frozen-2/, frozen-3/: ${shared}`);
    expect(scored.filter((s) => s.got.blocked && !s.fx.expect.blocked).map((s) => s.fx.file)).toEqual([]);
  });
});
