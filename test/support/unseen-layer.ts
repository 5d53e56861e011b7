// Leave-one-layer-out scoring (issue 11, "responses it has never seen"): every corpus refusal is
// explained as if its writer were not in the registry — its producer entry, its family and its
// vendor's other services treated as unregistered (explainWithIndex's `unseen`). What is left is the
// explainer's path for a layer it has no entry for: generic signals, status words, envelope shapes.
// The right answer there is no producer (or a relay on the path) and the right cause.
import { explainWithIndex } from '../../shared/explain/explain';
import { PRODUCERS } from '../../shared/explain/producers/index';
import { VENDOR_MARKS } from '../../shared/explain/vendor-marks';
import type { CauseId, Explanation } from '../../shared/explain/index';
import type { Fixture } from '../unit/shared/explain/corpus';

/** The producer ids a layer's absence removes: itself, its family, its vendor's other services. */
export function unseenGroup(id: string): Set<string> {
  const self = PRODUCERS.find((p) => p.id === id);
  const family = self?.family;
  const vendor = VENDOR_MARKS[id]?.vendor;
  const out = new Set<string>([id]);
  for (const p of PRODUCERS) {
    if ((family && p.family === family) || (vendor && VENDOR_MARKS[p.id]?.vendor === vendor)) out.add(p.id);
  }
  return out;
}

export interface UnseenResult {
  fx: Fixture;
  got: Explanation;
  /** what the answer named: nobody, a layer still registered (a wrong writer), or the blocked flag lost */
  named: 'nobody' | 'other';
  cause: boolean;
  top3: boolean;
}

/** The refusals of a corpus, each explained with its writer unregistered. */
export function explainUnseen(corpus: Fixture[]): UnseenResult[] {
  return corpus.filter((fx) => fx.expect.blocked).map((fx) => {
    const unseen = fx.expect.producer ? unseenGroup(fx.expect.producer) : new Set<string>();
    const got = explainWithIndex(fx.response, true, unseen);
    const cause = got.cause === fx.expect.cause;
    const top3 = got.candidates.slice(0, 3).some((c) => c.cause === fx.expect.cause);
    return { fx, got, named: got.producer ? 'other' : 'nobody', cause, top3 };
  });
}

export interface UnseenScore { n: number; cause: number; top3: number; nobody: number; blocked: number; }

export function scoreUnseen(results: UnseenResult[]): UnseenScore {
  return {
    n: results.length,
    cause: results.filter((r) => r.cause).length,
    top3: results.filter((r) => r.top3).length,
    nobody: results.filter((r) => r.named === 'nobody').length,
    blocked: results.filter((r) => r.got.blocked).length,
  };
}

/** Per expected cause: how many, how many right, and what the misses said instead (most often first). */
export function confusion(results: UnseenResult[]): Array<{ cause: CauseId; n: number; right: number; instead: Array<[string, number]> }> {
  const by = new Map<CauseId, UnseenResult[]>();
  for (const r of results) by.set(r.fx.expect.cause, [...(by.get(r.fx.expect.cause) ?? []), r]);
  return [...by.entries()].map(([cause, rs]) => {
    const instead = new Map<string, number>();
    for (const r of rs) if (!r.cause) instead.set(r.got.cause, (instead.get(r.got.cause) ?? 0) + 1);
    return { cause, n: rs.length, right: rs.filter((r) => r.cause).length, instead: [...instead.entries()].sort((a, b) => b[1] - a[1]) };
  }).sort((a, b) => (b.n - b.right) - (a.n - a.right));
}
