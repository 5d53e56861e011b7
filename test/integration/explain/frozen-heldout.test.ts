// The frozen held-out set (issue 11): real refusals and ordinary responses collected from public sources the
// corpus never used, scored blind. It reports producer accuracy, cause accuracy, cause in the top three and
// false alarms; it fails only on a crash, an invalid explanation or a false alarm (an ordinary response marked
// blocked), never on accuracy. Do not tune rules on these files or edit their expectations to match explain().
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, ExplanationSchema, PRODUCERS, explain } from '../../../shared/explain/index';
import type { CauseId, ExplainInput, Explanation } from '../../../shared/explain/index';

const DIR = fileURLToPath(new URL('../../fixtures/responses/frozen', import.meta.url));

interface FrozenFixture {
  file: string;
  source: string;
  note?: string;
  expect: { blocked: boolean; producer: string | null; cause: CauseId };
  response: ExplainInput;
}

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* jsonFiles(p);
    else if (name.endsWith('.json')) yield p;
  }
}

export function loadFrozen(): FrozenFixture[] {
  return [...jsonFiles(DIR)].map((p) => ({ file: relative(DIR, p), ...(JSON.parse(readFileSync(p, 'utf8')) as Omit<FrozenFixture, 'file'>) }));
}

interface Scored { fx: FrozenFixture; got: Explanation; producerOk: boolean; causeOk: boolean; top3Ok: boolean; }

export function scoreFrozen(set: FrozenFixture[]): Scored[] {
  return set.map((fx) => {
    const got = explain(fx.response);
    return {
      fx,
      got,
      producerOk: (got.producer?.id ?? null) === fx.expect.producer,
      causeOk: got.cause === fx.expect.cause,
      top3Ok: got.candidates.slice(0, 3).some((c) => c.cause === fx.expect.cause),
    };
  });
}

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
    const scored = scoreFrozen(frozen);
    for (const s of scored) expect(ExplanationSchema.parse(s.got), s.fx.file).toEqual(s.got);
    console.log(frozenReport(scored));
    const falseAlarms = scored.filter((s) => !s.fx.expect.blocked && s.got.blocked).map((s) => s.fx.file);
    expect(falseAlarms).toEqual([]);
  });
});
