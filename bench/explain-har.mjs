// `clearance explain` on a HAR of 1,000 entries, whole process (goal < 1 s).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './lib.mjs';

const samples = [
  { status: 403, headers: [['server', 'nginx/1.22.1'], ['content-type', 'text/html']], body: '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx/1.22.1</center></body></html>' },
  { status: 403, headers: [['x-amzn-errortype', 'ForbiddenException'], ['x-amzn-requestid', 'a1'], ['content-type', 'application/json']], body: '{"message":"Forbidden"}' },
  { status: 200, headers: [['content-type', 'application/json']], body: JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}` })) }) },
  { status: 429, headers: [['retry-after', '30'], ['content-type', 'application/json']], body: '{"error":"rate limit exceeded"}' },
  { status: 403, headers: [['server', 'cloudflare'], ['cf-ray', '8a1b2c3d4e5f-AMS'], ['content-type', 'text/html']], body: '<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1><span>Error 1020</span>' },
];
const entries = Array.from({ length: 1000 }, (_, i) => {
  const s = samples[i % samples.length];
  return {
    startedDateTime: '2026-11-25T00:00:00Z', time: 1,
    request: { method: 'GET', url: `https://api.example.com/r/${i}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: s.status, statusText: '', httpVersion: 'HTTP/1.1', headers: s.headers.map(([name, value]) => ({ name, value })), cookies: [],
      content: { size: s.body.length, mimeType: 'text/plain', text: s.body }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  };
});
const file = join(tmpdir(), 'clearance-bench-1000.har');
writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } }));

const RUNS = Number(process.env.RUNS ?? 9);
const times = { human: [], json: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [k, extra] of [['human', []], ['json', ['--json']]]) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['bin/clearance.mjs', 'explain', file, ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times[k].push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`explain exited ${r.status}: ${r.stderr}`);
  }
}
console.log(`clearance explain on a HAR of 1,000 entries, ${RUNS} runs (median wall, whole process)`);
console.log('| output | median ms |');
console.log('|---|---|');
console.log(`| human | ${median(times.human).toFixed(0)} |`);
console.log(`| --json | ${median(times.json).toFixed(0)} |`);
