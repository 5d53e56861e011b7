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

// The frozen held-out set (test/fixtures/responses/frozen/, issue 11): accuracy on responses the rules were never tuned on.
const frozen: Array<{ expect: { blocked: boolean; producer: string | null; cause: string }; response: ExplainInput }> = [];
for (const f of files('test/fixtures/responses/frozen')) frozen.push(JSON.parse(readFileSync(f, 'utf8')) as (typeof frozen)[number]);
const refusals = frozen.filter((fx) => fx.expect.blocked);
const ordinary = frozen.filter((fx) => !fx.expect.blocked);
const share = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
let prod = 0;
let cause = 0;
let top3 = 0;
for (const fx of refusals) {
  const got = explain(fx.response);
  if ((got.producer?.id ?? null) === fx.expect.producer) prod++;
  if (got.cause === fx.expect.cause) cause++;
  if (got.candidates.slice(0, 3).some((c) => c.cause === fx.expect.cause)) top3++;
}
const alarms = ordinary.filter((fx) => explain(fx.response).blocked).length;
console.log(`\nfrozen held-out set: ${refusals.length} refusals, ${ordinary.length} ordinary responses`);
console.log('| producer | cause | cause in top 3 | false alarms |');
console.log('|---|---|---|---|');
console.log(`| ${share(prod, refusals.length)} | ${share(cause, refusals.length)} | ${share(top3, refusals.length)} | ${alarms} of ${ordinary.length} |`);
