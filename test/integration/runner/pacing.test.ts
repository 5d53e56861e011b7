// Pacing by the server's own headers, proved at the server: its clock (performance.now at each
// arrival) shows the next request to it came no sooner than it asked — Retry-After on a 429 (sent
// once more), X-RateLimit-Remaining: 0 with a reset, the IETF draft's RateLimit field — and a wait
// longer than --max-wait is cut to the cap, said so, and a capped 429 is not sent again.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let out: string;
let server: TestServer;
let other: TestServer;
const arrivals: Array<{ url: string; at: number }> = [];
const hits = new Map<string, number>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-pacing-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-pacing-out-'));
  server = await startHttp((req, res) => {
    const url = req.url ?? '';
    arrivals.push({ url, at: performance.now() });
    const n = (hits.get(url) ?? 0) + 1;
    hits.set(url, n);
    const json = { 'content-type': 'application/json' };
    if (url === '/limited' && n === 1) res.writeHead(429, { ...json, 'retry-after': '1' }).end('{"error":"slow down"}');
    else if (url === '/quota') res.writeHead(200, { ...json, 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }).end('{}');
    else if (url === '/ietf') res.writeHead(200, { ...json, ratelimit: '"default";r=0;t=1', 'ratelimit-policy': '"default";q=5;w=60' }).end('{}');
    else if (url === '/plenty') res.writeHead(200, { ...json, 'x-ratelimit-remaining': '99', 'x-ratelimit-reset': '30' }).end('{}');
    else if (url === '/hour') res.writeHead(429, { ...json, 'retry-after': '3600' }).end('{"error":"come back later"}');
    else res.writeHead(200, json).end('{"ok":true}');
  });
  // Another host: a wait asked by the first server does not hold it back.
  other = await startHttp((req, res) => {
    arrivals.push({ url: `other${req.url ?? ''}`, at: performance.now() });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Paced\nid: ws-pacing-01\norder: [retry, quota, ietf, plenty, cap]\n');
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: ${server.url}\n  other: ${other.url}\n`);
  const folders: Record<string, string[]> = {
    retry: ['limited', 'next'],
    quota: ['quota', '@other/elsewhere', 'after-quota'],
    ietf: ['ietf', 'after-ietf'],
    plenty: ['plenty', 'after-plenty'],
    cap: ['hour', 'after-hour'],
  };
  for (const [folder, paths] of Object.entries(folders)) {
    await mkdir(join(dir, folder));
    const names = paths.map((p) => p.replace(/^@other\//, ''));
    await writeFile(join(dir, folder, 'folder.yaml'), `order: [${names.join(', ')}]\n`);
    for (const p of paths) {
      const name = p.replace(/^@other\//, '');
      const url = p.startsWith('@other/') ? `{{other}}/${name}` : `{{base}}/${name}`;
      await writeFile(join(dir, folder, `${name}.yaml`), `name: ${name}\nmethod: GET\nurl: "${url}"\n`);
    }
  }
});

afterAll(async () => {
  await server.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

interface Result { name: string; status: number; passed: boolean; pacedMs?: number; pacedWhy?: string; retried?: { status: number; afterMs: number } }
interface Report { results: Result[]; summary: { paced: { requests: number; totalMs: number }; retried: number } }

async function runFolder(folder: string, ...flags: string[]): Promise<{ code: number; stdout: string; report: Report }> {
  arrivals.length = 0;
  hits.clear();
  const r = await runCli(['run', join(dir, folder), '--env', 'local', '--reporter', 'cli,json', '--out', out, '--no-history', ...flags], { env });
  return { code: r.code, stdout: r.stdout, report: JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as Report };
}

/** ms between the server's arrivals of two URLs (the first arrival of each). */
function gap(from: string, to: string): number {
  const a = arrivals.find((x) => x.url === from)!;
  const b = arrivals.find((x, i) => x.url === to && i > arrivals.indexOf(a))!;
  return b.at - a.at;
}

// A timer may fire a few ms before its nominal time (the event loop's clock is read once per turn).
const SLACK = 20;

describe('clearance run: pacing by the server', () => {
  it('a 429 with Retry-After: 1 is sent once more after a second, and passes', async () => {
    const { code, stdout, report } = await runFolder('retry');
    expect(code, stdout).toBe(0);
    expect(arrivals.map((a) => a.url)).toEqual(['/limited', '/limited', '/next']);
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(1000 - SLACK);
    const limited = report.results[0]!;
    expect(limited).toMatchObject({ status: 200, passed: true, pacedWhy: 'retry-after: 1', retried: { status: 429, afterMs: 1000 } });
    expect(limited.pacedMs).toBeGreaterThanOrEqual(1000 - SLACK);
    expect(report.summary).toMatchObject({ paced: { requests: 1 }, retried: 1 });
    expect(stdout).toMatch(/waited 1\.\d\d s as the server asked: retry-after: 1/);
    expect(stdout).toMatch(/sent again after a 429/);
    expect(stdout).toMatch(/paced by the servers: 1 request waited .* in all; 1 sent again after a 429/);
  });

  it('X-RateLimit-Remaining: 0 with a reset holds the next request to that host, not to another', async () => {
    const { code, report } = await runFolder('quota');
    expect(code).toBe(0);
    expect(arrivals.map((a) => a.url)).toEqual(['/quota', 'other/elsewhere', '/after-quota']);
    expect(gap('/quota', '/after-quota')).toBeGreaterThanOrEqual(1000 - SLACK);
    const [quota, elsewhere, after] = report.results;
    expect(quota!.pacedMs).toBeUndefined();
    expect(elsewhere!.pacedMs).toBeUndefined();
    expect(after).toMatchObject({ pacedWhy: 'x-ratelimit-remaining: 0, x-ratelimit-reset: 1' });
    expect(after!.pacedMs).toBeGreaterThan(0);
  });

  it('the IETF draft\'s RateLimit field (r=0, t=1) is honoured; a remaining count above 0 asks no wait', async () => {
    const ietf = await runFolder('ietf');
    expect(gap('/ietf', '/after-ietf')).toBeGreaterThanOrEqual(1000 - SLACK);
    expect(ietf.report.results[1]!.pacedWhy).toBe('ratelimit: "default";r=0;t=1');
    const plenty = await runFolder('plenty');
    expect(plenty.report.results.map((r) => r.pacedMs)).toEqual([undefined, undefined]);
    expect(plenty.report.summary.paced).toEqual({ requests: 0, totalMs: 0 });
  });

  it('a wait longer than --max-wait is cut to the cap and said so; that 429 is not sent again', async () => {
    const { code, stdout, report } = await runFolder('cap', '--max-wait', '300');
    expect(code).toBe(1);
    expect(arrivals.map((a) => a.url)).toEqual(['/hour', '/after-hour']);
    expect(gap('/hour', '/after-hour')).toBeGreaterThanOrEqual(300 - SLACK);
    expect(report.results[0]).toMatchObject({ status: 429, passed: false });
    expect(report.results[0]!.retried).toBeUndefined();
    expect(report.results[1]!.pacedWhy).toBe('retry-after: 3600 (asked 3600 s; waited the --max-wait cap of 300 ms)');
    expect(stdout).toMatch(/waited the --max-wait cap of 300 ms/);
  });
});
