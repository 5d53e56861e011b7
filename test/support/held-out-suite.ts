// The checks every frozen held-out set since the sixth runs (test/integration/explain/frozen-heldout-N.test.ts):
// at least 85 refusals and 15 ordinary responses, one per source, well-formed records, none in the tuning corpus,
// no source an earlier set or the corpus cites, every explanation valid, no false alarm; accuracy is reported,
// never required. Never tune rules on a set or edit its expectations to match explain().
import { describe, expect, it } from 'vitest';
import { ExplanationSchema, PRODUCERS } from '../../shared/explain/index';
import { heldOutRecordProblem, heldOutReport, loadCorpus, scoreCorpus, type Fixture } from '../unit/shared/explain/corpus';

export interface HeldOutSuite {
  /** "ninth", as the report names the set */
  ordinal: string;
  /** the set's folder, "frozen-9" */
  folder: string;
  load: () => Fixture[];
  /** loaders of the held-out sets before it, whose sources it must not cite */
  earlier: Array<() => Fixture[]>;
}

export function heldOutSuite({ ordinal, folder, load, earlier }: HeldOutSuite): void {
  const set = load();
  const refusals = set.filter((f) => f.expect.blocked).length;

  /** Each malformed record as "file: why". */
  const malformed = (): string[] => set.flatMap((f) => {
    const why = heldOutRecordProblem(f);
    return why ? [`${f.file}: ${why}`] : [];
  });
  /** Sources cited by more than one file of this set. */
  const citedTwice = (): string[] => [...new Set(set.map((f) => f.source).filter((s, i, all) => all.indexOf(s) !== i))];
  /** Files of this set that also sit, same source and response, in the tuning corpus. */
  const inTuningCorpus = (): string[] => {
    const key = (f: { source: string; response: unknown }): string => JSON.stringify([f.source, f.response]);
    const tuning = new Set(loadCorpus().map(key));
    return set.filter((f) => tuning.has(key(f))).map((f) => f.file);
  };
  /** Files whose source the corpus or an earlier held-out set also cites: each would make the set less blind. */
  const citedElsewhere = (): string[] => {
    const sources = new Set([loadCorpus, ...earlier].flatMap((l) => l()).map((f) => f.source));
    return set.filter((f) => sources.has(f.source)).map((f) => f.file);
  };

  describe(`explain: ${ordinal} frozen held-out set (reports accuracy, never requires it)`, () => {
    it('holds at least 85 refusals and 15 ordinary responses, one per source, each record well formed', () => {
      expect({ refusals: refusals >= 85, ordinary: set.length - refusals >= 15 }).toEqual({ refusals: true, ordinary: true });
      expect(malformed()).toEqual([]);
      expect(citedTwice()).toEqual([]);
    });

    it(`stays out of the tuning corpus and cites no source the corpus or an earlier set cites (${earlier.length} sets)`, () => {
      expect(inTuningCorpus()).toEqual([]);
      expect(citedElsewhere()).toEqual([]);
    });

    it('explains every response without crashing and raises no false alarm', () => {
      const scored = scoreCorpus(set);
      // parse throws on an invalid explanation; toEqual also catches a field the schema would strip or change
      for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
      console.log(heldOutReport(`${ordinal} frozen held-out set (${folder})`, scored, new Set(PRODUCERS.map((p) => p.id))));
      const falseAlarms = scored.filter((s) => !s.fx.expect.blocked && s.got.blocked);
      expect(falseAlarms.map((s) => s.fx.file)).toEqual([]);
    });
  });
}
