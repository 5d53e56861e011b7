// The third held-out set (issue 11, test/fixtures/responses/frozen-3/): real refusals and ordinary responses
// from public sources that neither the corpus nor the first two frozen sets cite, collected and scored blind
// once the second set was no longer blind. Expected producers may be ids the registry lacks; they count as
// producer misses and the report lists them. It reports accuracy and fails only on a crash, an invalid
// explanation, a false alarm on an ordinary response, or a set smaller than 85 refusals / 15 ordinary.
// Never tune rules on these files or edit their expectations to match explain().
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, ExplanationSchema, PRODUCERS } from '../../../shared/explain/index';
import { heldOutReport, loadCorpus, loadFrozen, loadFrozen2, loadFrozen3, scoreCorpus } from '../../unit/shared/explain/corpus';

const set = loadFrozen3();
const registered = new Set(PRODUCERS.map((p) => p.id));

/** What is wrong with one held-out file's own record (its source, its expectation), empty when nothing is. */
function recordProblems(f: (typeof set)[number]): string[] {
  const { producer, cause, blocked } = f.expect;
  return [
    /^https:\/\//.test(f.source) ? '' : 'source is not an https address',
    CAUSE_IDS.includes(cause) ? '' : `unknown cause ${cause}`,
    (cause === 'none') === !blocked ? '' : 'an ordinary response must have cause none, a refusal another cause',
    producer === null || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(producer) ? '' : `producer ${producer} is not kebab-case`,
  ].filter(Boolean).map((p) => `${f.file}: ${p}`);
}

describe('explain: third frozen held-out set (reports accuracy, never requires it)', () => {
  it('holds at least 85 real refusals and 15 ordinary responses, each with its own source and a well-formed expectation', () => {
    const refusals = set.filter((f) => f.expect.blocked).length;
    expect({ refusals: refusals >= 85, ordinary: set.length - refusals >= 15 }).toEqual({ refusals: true, ordinary: true });
    expect(set.flatMap(recordProblems)).toEqual([]);
    expect(new Set(set.map((f) => f.source)).size, 'one response per source').toBe(set.length);
  });

  it('keeps every held-out folder out of the tuning corpus', () => {
    const corpusFiles = new Set(loadCorpus().map((f) => `${f.source} ${JSON.stringify(f.response)}`));
    for (const f of set) expect(corpusFiles.has(`${f.source} ${JSON.stringify(f.response)}`), f.file).toBe(false);
  });

  it('explains every response without crashing, and raises no false alarm on the ordinary ones', () => {
    const scored = scoreCorpus(set);
    for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
    const elsewhere = new Set([...loadCorpus(), ...loadFrozen(), ...loadFrozen2()].map((f) => f.source));
    const reused = set.filter((f) => elsewhere.has(f.source)).length;
    console.log(`${heldOutReport('third frozen held-out set (frozen-3)', scored, registered)}\n  sources also cited by the corpus, frozen/ or frozen-2/: ${reused}`);
    const falseAlarms = scored.filter((s) => !s.fx.expect.blocked && s.got.blocked).map((s) => s.fx.file);
    expect(falseAlarms).toEqual([]);
  });
});
