// `clearance diagnose --compare / --compare-har / --report` as a user runs them: a whole process
// against a local server that wants a session cookie and X-Requested-With (what a browser sends):
// the differences and the smallest set are printed, the fix runs in real curl, --json carries
// `compare`, the report is written without the key, bad flags are usage errors sent nowhere.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const run = promisify(execFile);
const SESSION = 'sess-5d7e0a91c3b2';
const KEY = 'cli-key-77f0c2d9e1';
let server: TestServer;
let dir: string;
let hits = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-compare-'));
  server = await startHttp((req, res) => {
    hits++;
    const ok = (req.headers.cookie ?? '').includes(`session=${SESSION}`) && req.headers['x-requested-with'] === 'XMLHttpRequest';
    res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json', 'x-request-id': 'rid-31337' }).end(ok ? '{"items":[]}' : '{"message":"Forbidden"}');
  });
});
afterAll(async () => { await server.close(); await rm(dir, { recursive: true, force: true }); });
beforeEach(() => { hits = 0; });

const mine = (): string => `curl ${server.url}/api/items -H 'x-api-key: ${KEY}'`;
const works = (): string => `curl '${server.url}/api/items' -H 'Accept: application/json' -H 'Accept-Language: en' -b 'session=${SESSION}; lang=en' -H 'Sec-Fetch-Mode: cors' -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0' -H 'X-Requested-With: XMLHttpRequest'`;

describe('clearance diagnose --compare', () => {
  it('prints the differences, the smallest set and a fix that runs in curl; writes the report', async () => {
    const report = join(dir, 'report.md');
    const r = await runCli(['diagnose', '--curl', mine(), '--max-probes', '4', '--compare', works(), '--report', report]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Compared with a request that works (curl)');
    expect(r.stdout).toMatch(/✓ header X-Requested-With/);
    expect(r.stdout).toMatch(/✓ cookie session/);
    expect(r.stdout).toMatch(/Of \d+ differences, 2 are needed/);
    const fix = r.stdout.slice(r.stdout.indexOf('Fix from the comparison')).split('\n').slice(1).map((l) => l.slice(2)).join('\n').trim();
    hits = 0;
    const { stdout } = await run('bash', ['-c', `${fix} -s -o /dev/null -w '%{http_code}'`]);
    expect(stdout).toBe('200');
    expect(hits).toBe(1);
    const md = await readFile(report, 'utf8');
    expect(md).toContain('x-request-id: rid-31337');
    expect(md).toContain('## Compared with a request that works');
    expect(md).not.toContain(KEY);
    expect(md).not.toContain(SESSION);
  });

  it('--json adds compare to the diagnosis; --compare-har --entry picks the working entry', async () => {
    const har = join(dir, 'works.har');
    const entry = (path: string) => ({ request: { method: 'GET', url: `${server.url}${path}`, httpVersion: 'HTTP/1.1', headers: [
      { name: 'X-Requested-With', value: 'XMLHttpRequest' }, { name: 'Cookie', value: `session=${SESSION}` }, { name: 'DNT', value: '1' }] }, response: { status: 200 } });
    await writeFile(har, JSON.stringify({ log: { version: '1.2', entries: [entry('/elsewhere'), entry('/api/items')] } }));
    const r = await runCli(['diagnose', '--curl', mine(), '--max-probes', '3', '--compare-har', har, '--entry', '2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { baseline: { status: number }; compare: { working: { entry: number }; minimal: string[]; fix: { status: number } } };
    expect(out.baseline.status).toBe(403);
    expect(out.compare.working.entry).toBe(2);
    expect(out.compare.minimal.sort()).toEqual(['cookie:session', 'header:x-requested-with']);
    expect(out.compare.fix.status).toBe(200);
  });

  it('bad flags are usage errors, found before anything is sent', async () => {
    for (const args of [['--entry', '2'], ['--report', join(dir, 'r.txt')], ['--compare', 'wget http://x'], ['--compare-har', join(dir, 'missing.har')],
      ['--compare', works(), '--compare-har', join(dir, 'works.har')]]) {
      const r = await runCli(['diagnose', '--curl', mine(), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(hits).toBe(0);
  });
});
