import { describe, expect, it } from 'vitest';
import { ExplanationSchema, PRODUCERS } from '../../../../shared/explain/index';
import { confidenceBuckets, evidenceOccurs, loadCorpus, scoreCorpus } from './corpus';

const corpus = loadCorpus();
const scored = scoreCorpus(corpus);

describe('explain: response corpus', () => {
  it('has a corpus of 150+ responses with 30+ non-refusals, each with a source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((f) => !f.expect.blocked).length).toBeGreaterThanOrEqual(30);
    for (const f of corpus) expect(f.source, f.file).toMatch(/^https:\/\//);
  });

  it.each(scored.map((s) => [s.fx.file, s] as const))('%s', (_file, s) => {
    const { fx, got } = s;
    expect(ExplanationSchema.parse(got)).toEqual(got);
    expect(got.blocked).toBe(fx.expect.blocked);
    expect(got.producer?.id ?? null).toBe(fx.expect.producer);
    expect(got.cause).toBe(fx.expect.cause);
    expect(got.candidates[0]?.cause).toBe(got.cause);
    expect(got.candidates[0]?.confidence).toBe(got.confidence);
    for (const e of got.evidence) expect(evidenceOccurs(fx, e), `${e.where} ${e.name ?? ''}: ${e.text}`).toBe(true);
    if (got.producer) expect(PRODUCERS.find((p) => p.id === got.producer?.id)?.kind).toBe(got.producer.kind);
    expect(got.checklist).toHaveLength(4);
    expect(got.why.length).toBeGreaterThan(10);
  });

  it('is calibrated: high-confidence answers are right at least as often as low-confidence ones', () => {
    const [low, , high] = confidenceBuckets(scored);
    expect(high && high.n).toBeGreaterThan(0);
    const rate = (b: { n: number; right: number } | undefined): number => (b && b.n ? b.right / b.n : 1);
    expect(rate(high)).toBeGreaterThanOrEqual(rate(low));
  });
});
