// `clearance run` against raw undici in the shared runner harness (../shared/bench/run-anchors.sh):
// the one, seq and big workloads, whole processes, rounds interleaved. Repeats the harness REPEAT
// times (the machine is shared: one run is noisy), prints each run's goal ratios and their medians,
// and writes them to $BENCH_DIR/results/runner-STAMP.json.
//   npx electron-vite build && node bench/runner.mjs            # REPEAT=3, RUNS=5 per harness run
// Environment: REPEAT, RUNS, WORKLOADS, BENCH_DIR, SHARED_BENCH (default ../shared/bench),
// CANDIDATE_CMD (default: this checkout's bin, `run --no-history`), SKIP_INSTALL (default 1 once installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const harness = resolve(env.SHARED_BENCH ?? join(root, '..', 'shared', 'bench'), 'run-anchors.sh');
const benchDir = env.BENCH_DIR ?? join(env.TMPDIR ?? tmpdir(), 'clearance-bench');
const repeat = Math.max(1, Math.min(20, Number(env.REPEAT ?? 3)));
const workloads = env.WORKLOADS ?? 'one,seq,big';
const candidate = env.CANDIDATE_CMD ?? `node ${join(root, 'bin', 'clearance.mjs')} run --no-history`;

if (!existsSync(harness)) {
  console.error(`runner bench: the shared harness is not at ${harness} (set SHARED_BENCH)`);
  process.exit(2);
}
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
  console.error('runner bench: build first (npx electron-vite build)');
  process.exit(2);
}

const GOALS = {
  seqRatio: { label: '500 GETs wall × undici', max: 1.2 },
  seqRss: { label: '500 GETs max RSS × undici', max: 1.2 },
  marginalOver: { label: 'per-request cost over undici, ms', max: 0.1 },
  oneRatio: { label: '1 request wall × undici', max: 1.3 },
  bigRatio: { label: '50 MiB body wall × undici', max: 1.1 },
  bigRss: { label: '50 MiB body max RSS, MiB', max: 130 },
};

/** The goal numbers of one harness run, from its results.json. */
function metrics(results) {
  const counted = (wl, id) => (results.results[wl]?.[id]?.samples ?? []).filter((s) => !s.warmup && s.complete && !s.timedOut);
  const paired = (wl) => {
    const ref = counted(wl, 'undici');
    const ratios = counted(wl, 'candidate').map((s) => s.wall / (ref.find((r) => r.round === s.round)?.wall ?? NaN)).filter(Number.isFinite);
    return ratios.length ? median(ratios) : NaN;
  };
  const med = (wl, id, key) => {
    const xs = counted(wl, id).map((s) => s[key]);
    return xs.length ? median(xs) : NaN;
  };
  const n = results.cfg.n;
  const marginal = (id) => ((med('seq', id, 'wall') - med('one', id, 'wall')) / (n - 1)) * 1000;
  return {
    seqRatio: paired('seq'),
    seqRss: med('seq', 'candidate', 'maxRssMiB') / med('seq', 'undici', 'maxRssMiB'),
    marginalOver: marginal('candidate') - marginal('undici'),
    oneRatio: paired('one'),
    bigRatio: paired('big'),
    bigRss: med('big', 'candidate', 'maxRssMiB'),
    // CPU (user + sys, GNU time) is steadier than wall on a shared machine: shown, not a goal.
    seqCpu: med('seq', 'candidate', 'cpu') / med('seq', 'undici', 'cpu'),
    oneCpu: med('one', 'candidate', 'cpu') / med('one', 'undici', 'cpu'),
    bigCpu: med('big', 'candidate', 'cpu') / med('big', 'undici', 'cpu'),
    raw: {
      seq: { undici: med('seq', 'undici', 'wall'), clearance: med('seq', 'candidate', 'wall') },
      one: { undici: med('one', 'undici', 'wall'), clearance: med('one', 'candidate', 'wall') },
      big: { undici: med('big', 'undici', 'wall'), clearance: med('big', 'candidate', 'wall'), undiciRss: med('big', 'undici', 'maxRssMiB') },
      marginalMs: { undici: marginal('undici'), clearance: marginal('candidate') },
    },
  };
}

const runs = [];
for (let i = 0; i < repeat; i++) {
  const r = spawnSync('bash', [harness], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // Bounded: the harness times out each run itself; this caps the whole harness run.
    timeout: 60 * 60 * 1000,
    env: {
      ...env, BENCH_DIR: benchDir, ONLY: 'undici,candidate', WORKLOADS: workloads, CANDIDATE_CMD: candidate, CANDIDATE_NAME: 'clearance',
      SKIP_INSTALL: env.SKIP_INSTALL ?? (existsSync(join(benchDir, 'tools', 'refs')) ? '1' : '0'),
    },
  });
  // The harness names its results folder on stderr, after its progress lines.
  const dir = /^results: (.+)$/m.exec(r.stderr ?? '')?.[1];
  if (r.status !== 0 || !dir) {
    console.error(`runner bench: harness run ${i + 1} failed (exit ${r.status})\n${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.exit(1);
  }
  const m = metrics(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')));
  runs.push({ dir, ...m });
  console.log(`run ${i + 1}/${repeat} (${dir}): ${[...Object.keys(GOALS), 'seqCpu', 'oneCpu', 'bigCpu'].map((k) => `${k} ${fmt(m[k], 2)}`).join(', ')}`);
}

console.log(`\n| goal | ${runs.map((_, i) => `run ${i + 1}`).join(' | ')} | median | goal | met |`);
console.log(`|---|${runs.map(() => '---|').join('')}---|---|---|`);
const medians = {};
for (const [k, g] of Object.entries(GOALS)) {
  medians[k] = median(runs.map((r) => r[k]));
  console.log(`| ${g.label} | ${runs.map((r) => fmt(r[k], 2)).join(' | ')} | **${fmt(medians[k], 2)}** | ≤ ${g.max} | ${medians[k] <= g.max ? 'yes' : 'no'} |`);
}
for (const [k, label] of [['seqCpu', '500 GETs CPU × undici'], ['oneCpu', '1 request CPU × undici'], ['bigCpu', '50 MiB body CPU × undici']]) {
  medians[k] = median(runs.map((r) => r[k]));
  console.log(`| ${label} | ${runs.map((r) => fmt(r[k], 2)).join(' | ')} | ${fmt(medians[k], 2)} | – | – |`);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync(join(benchDir, 'results'), { recursive: true });
const file = join(benchDir, 'results', `runner-${stamp}.json`);
writeFileSync(file, `${JSON.stringify({ candidate, repeat, workloads, medians, runs }, null, 1)}\n`);
console.log(`\nwritten: ${file}`);
