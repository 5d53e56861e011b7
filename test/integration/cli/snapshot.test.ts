// The CLI's startup snapshot (scripts/build-cli-snapshot.ts, bin/clearance, README issue 12): a run
// started from it reports exactly what the plain CLI reports, on a sample of the response corpus;
// a blob that is missing, stale or cut short falls back to the plain CLI with one debug line; and the
// blob holds nothing of the environment it was built in, while the run sees the environment it runs in.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp, type TestServer } from '../../support/servers';

const ROOT = process.cwd();
const LAUNCHER = join(ROOT, 'bin/clearance');
const PLAIN = join(ROOT, 'bin/clearance.mjs');
const MARKER = `clearance-build-env-${randomBytes(8).toString('hex')}`;
const DROP = new Set(['content-length', 'transfer-encoding', 'content-encoding', 'connection', 'keep-alive']);

interface Fixture { status: number; headers: [string, string][]; body: string }

let snapDir: string;
let work: string;
let server: TestServer;
const fixtures: Fixture[] = [];

/** Every 12th fixture of the corpus (~160 responses of every kind of layer), served as captured. */
async function corpusSample(): Promise<Fixture[]> {
  const base = join(ROOT, 'test/fixtures/responses');
  const files: string[] = [];
  // the held-out sets (frozen*/) stay out: they are read only by their own tests
  for (const d of (await readdir(base, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('frozen')).map((e) => e.name).sort()) {
    for (const f of (await readdir(join(base, d))).filter((n) => n.endsWith('.json')).sort()) files.push(join(base, d, f));
  }
  const out: Fixture[] = [];
  for (const file of files.filter((_, i) => i % 12 === 0)) {
    const r = (JSON.parse(await readFile(file, 'utf8')) as { response?: { status?: number; headers?: unknown; body?: unknown } }).response;
    if (!r || !Number.isInteger(r.status) || r.status! < 200 || r.status! > 599) continue;
    const pairs = (Array.isArray(r.headers) ? r.headers : Object.entries((r.headers ?? {}) as Record<string, unknown>)) as [string, unknown][];
    const headers = pairs.flatMap(([n, v]) => (Array.isArray(v) ? v.map((x) => [n, String(x)] as [string, string]) : [[n, String(v)] as [string, string]]))
      .filter(([n]) => !DROP.has(n.toLowerCase()) && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(n));
    out.push({ status: r.status!, headers, body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '') });
  }
  return out;
}

function exec(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: work, env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', CLEARANCE_SNAPSHOT_DIR: snapDir, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

/** run.json without what differs between any two runs (clock, timings, where it was written). */
async function report(dir: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'), (k, v: unknown) => (['startedAt', 'timeMs', 'durationMs'].includes(k) ? 0 : v));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'clearance-snapshot-'));
  // inside out/ so that the bundle's packages resolve from this checkout's node_modules
  snapDir = join(ROOT, 'out', `snapshot-test-${process.pid}-${randomBytes(3).toString('hex')}`);
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-cli-snapshot.ts'), snapDir],
    { cwd: ROOT, env: { ...process.env, CLEARANCE_TEST_SECRET: MARKER, CLEARANCE_SNAPSHOT_REQUIRED: '1' }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`snapshot build failed: ${built.stderr}`);
  fixtures.push(...(await corpusSample()));
  server = await startHttp((req, res) => {
    const f = fixtures[Number(req.url?.split('/')[2])];
    if (!f) return void res.writeHead(404).end();
    try {
      res.writeHead(f.status, f.headers.flat());
    } catch {
      res.writeHead(f.status);
    }
    res.end(f.body);
  });
  const item = fixtures.map((_, i) => ({ name: `fx ${i}`, request: { method: 'GET', header: [], url: { raw: `${server.url}/fx/${i}` } } }));
  await writeFile(join(work, 'corpus.json'), JSON.stringify({ info: { name: 'corpus sample', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item }));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
  await rm(snapDir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('clearance run from the startup snapshot', () => {
  it('reports exactly what the plain CLI reports on a sample of the corpus, exit code included', async () => {
    expect(fixtures.length).toBeGreaterThan(100);
    const plain = await exec(process.execPath, [PLAIN, 'run', '--no-history', '--max-wait', '0', '--reporter', 'cli,json', '--out', join(work, 'plain'), 'corpus.json']);
    const snap = await exec(LAUNCHER, ['run', '--no-history', '--max-wait', '0', '--reporter', 'cli,json', '--out', join(work, 'snap'), 'corpus.json'], { CLEARANCE_SNAPSHOT_DEBUG: '1' });
    expect(snap.stderr).toContain(`clearance: startup snapshot ${snapDir}`);
    expect(snap.code).toBe(plain.code);
    const explained = ((await report(join(work, 'plain'))) as { results: { explanation?: unknown }[] }).results.filter((r) => r.explanation);
    expect(explained.length).toBeGreaterThan(50);
    expect(await report(join(work, 'snap'))).toEqual(await report(join(work, 'plain')));
    const lines = (s: string) => s.replace(/\d+(\.\d+)? ?m?s\b/g, 'T').split('\n');
    expect(lines(snap.stdout)).toEqual(lines(plain.stdout));
  });

  it('falls back to the plain CLI, with one debug line, when the key is stale or the blob is cut short', async () => {
    const key = join(snapDir, 'cli-snapshot.key');
    const good = await readFile(key, 'utf8');
    try {
      await writeFile(key, `1 2\n${good.split('\n')[1]}\n`);
      const stale = await exec(LAUNCHER, ['run', '--no-history', '--max-wait', '0', '--version'], { CLEARANCE_SNAPSHOT_DEBUG: '1' });
      expect(stale.stderr).toMatch(/^clearance: startup snapshot not used: built by another node binary/);
      expect(stale.code).toBe(0);
      await writeFile(key, good);
      const blob = join(snapDir, 'cli-snapshot.blob');
      await truncate(blob, 4096);
      const cut = await exec(LAUNCHER, ['run', '--no-history', '--max-wait', '0', '--reporter', 'json', '--out', join(work, 'cut'), 'corpus.json'], { CLEARANCE_SNAPSHOT_DEBUG: '1' });
      expect(cut.stderr.split('\n')[0]).toBe("clearance: startup snapshot not used: the blob's size does not match its key");
      expect(await report(join(work, 'cut'))).toEqual(await report(join(work, 'plain')));
      const other = await exec(LAUNCHER, ['--version'], { CLEARANCE_SNAPSHOT_DEBUG: '1' });
      expect(other.stderr).toContain("startup snapshot not used: only 'run' starts from it");
      expect(other.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      // rebuilt for the next test
      const again = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-cli-snapshot.ts'), snapDir],
        { cwd: ROOT, env: { ...process.env, CLEARANCE_TEST_SECRET: MARKER, CLEARANCE_SNAPSHOT_REQUIRED: '1' }, encoding: 'utf8' });
      expect(again.status).toBe(0);
    }
  }, 60_000);

  it('holds nothing of the environment it was built in, and the run reads the one it runs in', async () => {
    const blob = await readFile(join(snapDir, 'cli-snapshot.blob'));
    expect(blob.includes(Buffer.from(MARKER))).toBe(false);
    expect(blob.includes(Buffer.from(MARKER, 'utf16le'))).toBe(false);
    // the same run coloured or not by the environment of the process, not of the build
    const coloured = await exec(LAUNCHER, ['run', '--no-history', '--max-wait', '0', 'corpus.json'], { NO_COLOR: undefined, FORCE_COLOR: '1', CLEARANCE_SNAPSHOT_DEBUG: '1' });
    expect(coloured.stderr).toContain('clearance: startup snapshot');
    expect(coloured.stdout).toContain('\u001b[');
    const plainText = await exec(LAUNCHER, ['run', '--no-history', '--max-wait', '0', 'corpus.json']);
    expect(plainText.stdout).not.toContain('\u001b[');
  });
});
