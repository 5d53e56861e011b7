// explain() with its anchor index against every producer and rule run (explainUnindexed), on every
// corpus response, interleaved in one process: p50/p99 per response, warm, and the first pass cold.
//   npx tsx bench/explain-index.ts          # ROUNDS=30
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { explainWithIndex } from '../shared/explain/explain';
import type { ExplainInput } from '../shared/explain/types';

const ROOT = 'test/fixtures/responses';
const inputs = (readdirSync(ROOT, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as { response?: ExplainInput }).response)
  .filter((r): r is ExplainInput => r !== undefined);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const ways = { indexed: (i: ExplainInput) => explainWithIndex(i, true), unindexed: (i: ExplainInput) => explainWithIndex(i, false) };
const times: Record<keyof typeof ways, number[]> = { indexed: [], unindexed: [] };
const first: Record<keyof typeof ways, number> = { indexed: 0, unindexed: 0 };
const order = (process.env.FIRST ?? 'indexed') === 'indexed' ? (['indexed', 'unindexed'] as const) : (['unindexed', 'indexed'] as const);
for (let r = 0; r <= ROUNDS; r++) {
  for (const way of r % 2 ? [...order].reverse() : order) {
    const fn = ways[way];
    const t0 = performance.now();
    for (const i of inputs) {
      const a = performance.now();
      fn(i);
      if (r > 0) times[way].push(performance.now() - a);
    }
    if (r === 0) first[way] = performance.now() - t0;
  }
}
const q = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`${inputs.length} corpus responses x ${ROUNDS} rounds (first pass: cold, ${order[0]} first)`);
console.log('| | p50 ms | p90 ms | p99 ms | mean ms | first pass ms |');
console.log('|---|---|---|---|---|---|');
for (const way of Object.keys(ways) as Array<keyof typeof ways>) {
  const xs = times[way].sort((a, b) => a - b);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(`| ${way} | ${q(xs, 0.5).toFixed(3)} | ${q(xs, 0.9).toFixed(3)} | ${q(xs, 0.99).toFixed(3)} | ${mean.toFixed(3)} | ${first[way].toFixed(0)} |`);
}
