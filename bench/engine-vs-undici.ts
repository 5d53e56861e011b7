// Per-request cost of Clearance's engine (the one send path) against raw undici Pool.request,
// in the same process, on N sequential GETs to a loopback server (every 4th is a 403).
// Rounds interleave the two so drift hits both; medians and the median of per-round ratios are reported.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { closePools, send } from '../electron/engine';
import { fmt, median, startTarget } from './lib.mjs';

const N = Number(process.env.N ?? 500);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const target = await startTarget();
const urls = Array.from({ length: N }, (_, i) => `${target.base}${i % 4 === 3 ? '/forbidden' : '/ok'}`);

async function rawUndici(): Promise<number> {
  const pool = new Pool(target.base, { connections: 1 });
  const t0 = performance.now();
  for (const url of urls) {
    const res = await pool.request({ path: new URL(url).pathname, method: 'GET' });
    await res.body.text();
  }
  const ms = performance.now() - t0;
  await pool.close();
  return ms;
}

async function engine(): Promise<number> {
  const t0 = performance.now();
  for (const url of urls) {
    const rec = await send({ method: 'GET', url, params: [], headers: [], body: { kind: 'none' } });
    if (rec.status !== 200 && rec.status !== 403) throw new Error(`unexpected ${rec.status}`);
  }
  return performance.now() - t0;
}

await rawUndici();
await engine(); // warm-up: JIT and connections
const raw: number[] = [];
const eng: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const a = await rawUndici();
  const b = await engine();
  raw.push(a);
  eng.push(b);
  ratios.push(b / a);
}
await closePools();
await target.close();

console.log(`engine vs raw undici, ${N} sequential GETs, ${ROUNDS} rounds (median)`);
console.log(`| runner | total ms | ms/request |`);
console.log(`|---|---|---|`);
console.log(`| raw undici Pool.request | ${fmt(median(raw), 1)} | ${fmt(median(raw) / N)} |`);
console.log(`| clearance engine send() | ${fmt(median(eng), 1)} | ${fmt(median(eng) / N)} |`);
console.log(`ratio (median of per-round ratios): ${fmt(median(ratios), 2)} x  (goal <= 1.10)`);
