// p50/p95 of explain() over the whole corpus (a sanity bar, not a benchmark).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/explain/index';
import { loadCorpus } from '../../unit/shared/explain/corpus';

describe('explain speed', () => {
  it('explains a corpus response in well under a millisecond at p50', () => {
    const inputs = loadCorpus().map((f) => f.response);
    for (let i = 0; i < 3; i++) for (const x of inputs) explain(x);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const x of inputs) {
        const t = performance.now();
        explain(x);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)] ?? 0;
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    console.log(`explain p50 ${p50.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${inputs.length} responses`);
    expect(p50).toBeLessThan(0.5);
  });
});
