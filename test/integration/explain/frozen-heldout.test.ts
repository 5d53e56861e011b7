// The frozen held-out set (issue 11): real refusals and ordinary responses collected from public sources the
// corpus never used, scored blind. It reports producer accuracy, cause accuracy, cause in the top three and
// false alarms; it fails only on a crash, an invalid explanation or a false alarm (an ordinary response marked
// blocked), never on accuracy. Do not tune rules on these files or edit their expectations to match explain().
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, ExplanationSchema, PRODUCERS } from '../../../shared/explain/index';
import { loadFrozen, scoreCorpus, type Scored } from '../../unit/shared/explain/corpus';

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

export function frozenReport(scored: Scored[]): string {
  const refusals = scored.filter((s) => s.fx.expect.blocked);
  const ordinary = scored.filter((s) => !s.fx.expect.blocked);
  const falseAlarms = ordinary.filter((s) => s.got.blocked);
  const n = refusals.length;
  const lines = [
    `frozen held-out set: ${scored.length} responses (${refusals.length} refusals, ${ordinary.length} ordinary)`,
    `  producer ${pct(refusals.filter((s) => s.producerOk).length, n)} (${refusals.filter((s) => s.producerOk).length}/${n})`,
    `  cause ${pct(refusals.filter((s) => s.causeOk).length, n)} (${refusals.filter((s) => s.causeOk).length}/${n})`,
    `  cause in top three ${pct(refusals.filter((s) => s.top3Ok).length, n)} (${refusals.filter((s) => s.top3Ok).length}/${n})`,
    `  refusals not marked blocked ${refusals.filter((s) => !s.got.blocked).length} of ${n}`,
    `  false alarms ${falseAlarms.length} of ${ordinary.length}`,
    '  by expected producer (refusals: producer right / cause right / n):',
  ];
  const groups = new Map<string, Scored[]>();
  for (const s of refusals) {
    const key = s.fx.expect.producer ?? '(none)';
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${key}: ${g.filter((s) => s.producerOk).length} / ${g.filter((s) => s.causeOk).length} / ${g.length}`);
  }
  const misses = scored.filter((s) => !s.producerOk || !s.causeOk);
  if (misses.length) {
    lines.push('  misses (expected -> got):');
    for (const s of misses) lines.push(`    ${s.fx.file}: ${s.fx.expect.producer ?? '-'} / ${s.fx.expect.cause} -> ${s.got.producer?.id ?? '-'} / ${s.got.cause} (${s.got.confidence})`);
  }
  return lines.join('\n');
}

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
    console.log(frozenReport(scored));
    const falseAlarms = scored.filter((s) => !s.fx.expect.blocked && s.got.blocked).map((s) => s.fx.file);
    expect(falseAlarms).toEqual([]);
  });
});
