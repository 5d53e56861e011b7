// The passive explainer's speed on the corpus: explanations per second, p50/p99 per response.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { explain, type ExplainInput } from '../shared/explain';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (name.endsWith('.json')) yield p;
  }
}

const inputs: ExplainInput[] = [];
for (const f of files('test/fixtures/responses')) {
  const fx = JSON.parse(readFileSync(f, 'utf8')) as { response?: ExplainInput };
  if (fx.response) inputs.push(fx.response);
}
const ROUNDS = Number(process.env.ROUNDS ?? 50);
for (const i of inputs) explain(i); // warm-up

const per: number[] = [];
const t0 = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  for (const i of inputs) {
    const a = performance.now();
    explain(i);
    per.push(performance.now() - a);
  }
}
const total = performance.now() - t0;
per.sort((a, b) => a - b);
const q = (p: number) => per[Math.min(per.length - 1, Math.floor(p * per.length))]!;
console.log(`explain() over ${inputs.length} corpus responses x ${ROUNDS} rounds`);
console.log('| explanations/s | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|');
console.log(`| ${Math.round(per.length / (total / 1000))} | ${q(0.5).toFixed(3)} | ${q(0.99).toFixed(3)} | ${per.at(-1)!.toFixed(3)} |`);
