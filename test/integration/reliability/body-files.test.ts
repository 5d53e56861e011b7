// Issue 14, defect 4: big response bodies (over the 1 MiB inline limit) went to
// $TMPDIR/clearance-bodies/*.body with mode 0644 and were never removed. Now: 0600 files in a 0700
// folder, removed when the CLI exits, at most MAX_KEPT kept by serve, stale ones removed at start.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_KEPT } from '../../../electron/engine/body-files';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';
import { startServeProcess, type ServeProcess } from './serve-process';

const BIG = 2 * 1024 * 1024;
const CANARY = 'echoed-credential-51c2';
let server: TestServer;
let tmp: string;
let bodies: string;

const bodyFiles = async () => (await readdir(bodies).catch(() => [] as string[])).filter((n) => n.endsWith('.body'));

beforeAll(async () => {
  server = await startHttp((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${CANARY}\n${'x'.repeat(BIG)}`);
  });
  tmp = await mkdtemp(join(tmpdir(), 'clearance-rel-tmp-'));
  bodies = join(tmp, 'clearance-bodies');
});

afterAll(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('big body files', () => {
  it('a CLI send leaves no body file behind, removes stale ones, and keeps the folder 0700', async () => {
    await mkdir(bodies, { recursive: true, mode: 0o755 });
    await writeFile(join(bodies, '999999999-stale.body'), CANARY); // a pid that cannot be running
    await writeFile(join(bodies, 'legacy.body'), CANARY); // the old name, without a pid
    const r = await runCli(['send', '--curl', `curl ${server.url}/big`], { env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/body not shown; --output FILE saves it/);
    expect(await bodyFiles()).toEqual([]);
    expect((await stat(bodies)).mode & 0o777).toBe(0o700);
  });

  it('--output keeps the body where the user asked, and only there', async () => {
    const out = join(tmp, 'kept.txt');
    const r = await runCli(['send', '--curl', `curl ${server.url}/big`, '--output', out], { env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(0);
    expect((await readFile(out, 'utf8')).startsWith(CANARY)).toBe(true);
    expect(await bodyFiles()).toEqual([]);
  });
});

describe('serve keeps a bounded number of body files, private to the user', () => {
  let serve: ServeProcess;
  beforeAll(async () => { serve = await startServeProcess({ TMPDIR: tmp }); });
  afterAll(async () => { await serve.stop(); });

  it(`keeps each body 0600 while it may be shown, at most ${MAX_KEPT}, and none after it stops`, async () => {
    const paths: string[] = [];
    for (let i = 0; i < MAX_KEPT + 4; i++) {
      const r = await serve.rpc('requests.send', { request: { method: 'GET', url: `${server.url}/big/${i}` } });
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      const body = (r.value as { body: { kind: string; path: string } }).body;
      expect(body.kind).toBe('file');
      paths.push(body.path);
    }
    const last = paths.at(-1)!;
    expect((await stat(last)).mode & 0o777).toBe(0o600);
    expect((await readFile(last, 'utf8')).startsWith(CANARY)).toBe(true);
    expect((await bodyFiles()).length).toBe(MAX_KEPT);
    await expect(stat(paths[0]!)).rejects.toThrow(/ENOENT/);
    await serve.stop();
    expect(await bodyFiles()).toEqual([]);
  });
});
