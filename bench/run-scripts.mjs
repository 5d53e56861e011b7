// What Postman scripts cost `clearance run`: the same Postman collection of N GETs with and without a
// test script on each request (and one request of each), whole processes, rounds interleaved;
// newman on the scripted one when it is installed (NEWMAN=path/to/newman, optional).
//   npx electron-vite build && node bench/run-scripts.mjs        # N=200, RUNS=5
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, median } from './lib.mjs';

const N = Number(process.env.N ?? 200);
const RUNS = Number(process.env.RUNS ?? 5);
const newman = process.env.NEWMAN ?? '/tmp/clearance-bench/tools/newman/node_modules/.bin/newman';

// spawnSync blocks this process, so the target server runs in a child of its own.
const child = fork(new URL('./target-process.mjs', import.meta.url), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const base = await new Promise((r) => child.once('message', r));
const dir = mkdtempSync(join(tmpdir(), 'clearance-bench-scripts-'));

const TEST = [
  "pm.test('status', function () { pm.response.to.have.status(200); });",
  "pm.test('body', function () { pm.expect(pm.response.json().items).to.have.lengthOf(3); });",
];
function collection(n, scripted) {
  const item = Array.from({ length: n }, (_, i) => ({ name: `r${i}`, request: { method: 'GET', url: `${base}/ok?i=${i}` },
    ...(scripted ? { event: [{ listen: 'test', script: { exec: TEST } }] } : {}) }));
  const file = join(dir, `${scripted ? 'scripted' : 'plain'}-${n}.json`);
  writeFileSync(file, JSON.stringify({ info: { name: 'bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item }));
  return file;
}

const files = { plain1: collection(1, false), scripted1: collection(1, true), plain: collection(N, false), scripted: collection(N, true) };
const cmds = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, [process.execPath, ['bin/clearance.mjs', 'run', f, '--no-history', '--reporter', 'json', '--out', dir]]]));
if (existsSync(newman)) cmds.newman = [newman, ['run', files.scripted, '--reporters', 'json', '--reporter-json-export', join(dir, 'newman.json')]];

function time([cmd, args]) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

try {
  for (const c of Object.values(cmds)) time(c); // warm the file cache
  const t = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, c] of Object.entries(cmds)) t[k].push(time(c));
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
  console.log(`clearance run, Postman collection, median of ${RUNS} interleaved runs (ms):`);
  for (const [k, v] of Object.entries(m)) console.log(`  ${k.padEnd(10)} ${fmt(v, 0)}`);
  console.log(`  loading the isolate (1 request, scripted − plain): ${fmt(m.scripted1 - m.plain1, 0)} ms`);
  console.log(`  per scripted request (${N} requests, scripted − plain) / ${N}: ${fmt((m.scripted - m.plain) / N, 2)} ms`);
  if (m.newman) console.log(`  newman on the scripted collection: ${fmt(m.newman / m.scripted, 2)} × clearance`);
} finally {
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
