// `clearance send` start-up: one request, whole process, against a bare undici script.
// Interleaved runs; medians and the median of per-pair ratios.
import { fork, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fmt, median } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
// spawnSync blocks this process, so the target server runs in a child of its own.
const child = fork(new URL('./target-process.mjs', import.meta.url), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const base = await new Promise((r) => child.once('message', r));
const url = `${base}/ok`;
const cmds = {
  bare: [process.execPath, ['bench/bare-undici.mjs', url]],
  send: [process.execPath, ['bin/clearance.mjs', 'send', '--curl', `curl ${url}`]],
  help: [process.execPath, ['bin/clearance.mjs', '--help']],
};

function time([cmd, args]) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

for (const c of Object.values(cmds)) time(c); // warm the file cache
const t = { bare: [], send: [], help: [] };
const ratios = [];
for (let i = 0; i < RUNS; i++) {
  const a = time(cmds.bare);
  const b = time(cmds.send);
  t.bare.push(a);
  t.send.push(b);
  t.help.push(time(cmds.help));
  ratios.push(b / a);
}
child.kill();
console.log(`clearance send start-up, ${RUNS} interleaved runs (median wall ms)`);
console.log('| command | median ms |');
console.log('|---|---|');
console.log(`| node bare-undici.mjs (1 GET) | ${fmt(median(t.bare), 1)} |`);
console.log(`| clearance send --curl (1 GET) | ${fmt(median(t.send), 1)} |`);
console.log(`| clearance --help | ${fmt(median(t.help), 1)} |`);
console.log(`ratio send/bare (median of per-run ratios): ${fmt(median(ratios), 2)} x  (goal <= 1.30)`);
