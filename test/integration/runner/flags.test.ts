// `clearance run` flags against real local servers: --iteration-data (CSV and JSON rows as runtime
// variables), --iterations, --delay (the gap the server saw), --timeout (a hung response cut off, the
// run going on), --insecure (a self-signed HTTPS server), --parallel (N in flight at the server,
// results in request order), and exit 2 with one line for every bad value, nothing sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCerts, type TestCerts } from '../../support/certs';
import { runCli } from '../../support/cli';
import { startHttp, startHttps, type TestServer } from '../../support/servers';

let dir: string;
let out: string;
let server: TestServer;
let tls: TestServer;
let certs: TestCerts;
const seen: Array<{ url: string; at: number; name?: string }> = [];
const hung: ServerResponse[] = [];

// --parallel: a request to /p/* is held until 3 are in flight or all 6 have arrived (bounded by 5 s),
// then the held ones are answered last-first, so completion order differs from request order.
const PAR = { inflight: 0, max: 0, arrived: 0, timedOut: false, held: [] as Array<() => void> };
function parallelHandler(req: IncomingMessage, res: ServerResponse): void {
  PAR.arrived++;
  PAR.inflight++;
  PAR.max = Math.max(PAR.max, PAR.inflight);
  const answer = (): void => {
    PAR.inflight--;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(req.url);
  };
  PAR.held.push(answer);
  const release = (): void => {
    const now = PAR.held.splice(0).reverse();
    for (const a of now) a();
  };
  if (PAR.inflight >= 3 || PAR.arrived === 6) release();
  else setTimeout(() => {
    if (PAR.held.includes(answer)) {
      PAR.timedOut = true;
      release();
    }
  }, 5000);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-flags-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-flags-out-'));
  certs = makeCerts();
  server = await startHttp((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/p/')) return parallelHandler(req, res);
    const name = req.headers['x-name'];
    seen.push({ url, at: performance.now(), ...(typeof name === 'string' ? { name } : {}) });
    if (url.startsWith('/hang')) {
      hung.push(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  tls = await startHttps({ cert: readFileSync(certs.selfSigned.cert), key: readFileSync(certs.selfSigned.key) }, (req, res) => {
    seen.push({ url: `tls${req.url ?? ''}`, at: performance.now() });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('secure');
  });
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Flags\nid: ws-flags-0001\norder: [users, hang, tls, par]\n');
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: ${server.url}\n  tls: ${tls.url}\n`);
  const folders: Record<string, Record<string, string>> = {
    users: {
      'get.yaml': 'name: Get user\nmethod: GET\nurl: "{{base}}/users/{{user}}"\nheaders:\n  - name: X-Name\n    value: "{{fullName}}"\n',
      'orders.yaml': 'name: Orders\nmethod: GET\nurl: "{{base}}/users/{{user}}/orders?limit={{limit}}"\n',
    },
    hang: {
      'a.yaml': 'name: Hangs\nmethod: GET\nurl: "{{base}}/hang"\n',
      'b.yaml': 'name: After the hang\nmethod: GET\nurl: "{{base}}/after-hang"\n',
    },
    tls: { 'secure.yaml': 'name: Self-signed\nmethod: GET\nurl: "{{tls}}/secure"\n' },
    par: Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`r${i}.yaml`, `name: P${i}\nmethod: GET\nurl: "{{base}}/p/${i}"\n`])),
  };
  for (const [folder, files] of Object.entries(folders)) {
    await mkdir(join(dir, folder));
    await writeFile(join(dir, folder, 'folder.yaml'), `order: [${Object.keys(files).map((f) => f.replace('.yaml', '')).join(', ')}]\n`);
    for (const [f, text] of Object.entries(files)) await writeFile(join(dir, folder, f), text);
  }
  await writeFile(join(out, 'users.csv'), 'user,fullName,limit\nalice,"Smith, Alice",10\nbob,"Bob ""B"" Jones",20\n');
  await writeFile(join(out, 'users.json'), JSON.stringify([{ user: 'carol', fullName: 'Carol', limit: 5 }, { user: 'dan', fullName: 'Dan', limit: 7.5 }]));
});

afterAll(async () => {
  for (const res of hung) res.destroy();
  await server.close();
  await tls.close();
  certs.cleanup();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
const run = (...args: string[]) => runCli(['run', ...args, '--no-history'], { env });

describe('clearance run flags', () => {
  it('--iteration-data CSV: one iteration per row, its values as variables (quoted commas and quotes kept)', async () => {
    seen.length = 0;
    const r = await run(join(dir, 'users'), '--env', 'local', '--iteration-data', join(out, 'users.csv'), '--reporter', 'cli,json', '--out', out);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(seen).toEqual([
      { url: '/users/alice', at: expect.any(Number), name: 'Smith, Alice' },
      { url: '/users/alice/orders?limit=10', at: expect.any(Number) },
      { url: '/users/bob', at: expect.any(Number), name: 'Bob "B" Jones' },
      { url: '/users/bob/orders?limit=20', at: expect.any(Number) },
    ]);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Array<{ index: number; iteration: number }>; summary: { iterations: number; total: number } };
    expect(report.results.map((x) => [x.index, x.iteration])).toEqual([[1, 1], [2, 1], [3, 2], [4, 2]]);
    expect(report.summary).toMatchObject({ iterations: 2, total: 4 });
    expect(r.stdout).toMatch(/iterations: 2/);
  });

  it('--iteration-data JSON with --iterations past its rows: the last row again, values as text', async () => {
    seen.length = 0;
    const r = await run(join(dir, 'users', 'orders.yaml'), '--env', 'local', '--iteration-data', join(out, 'users.json'), '--iterations', '3');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(seen.map((s) => s.url)).toEqual(['/users/carol/orders?limit=5', '/users/dan/orders?limit=7.5', '/users/dan/orders?limit=7.5']);
  });

  it('--iterations without data runs the plan that many times; --delay spaces the requests at the server', async () => {
    seen.length = 0;
    const r = await run(join(dir, 'users', 'orders.yaml'), '--env', 'local', '--iterations', '3', '--delay', '250');
    // {{user}} and {{limit}} are unresolved without data: each iteration fails, none is sent.
    expect(r.code).toBe(1);
    expect(seen).toEqual([]);
    expect(r.stdout).toMatch(/3 requests in .*: 0 passed, 3 failed/);
    const data = join(out, 'one.csv');
    await writeFile(data, 'user,fullName,limit\neve,Eve,1\n');
    const d = await run(join(dir, 'users'), '--env', 'local', '--iteration-data', data, '--iterations', '2', '--delay', '250');
    expect(d.code, d.stdout + d.stderr).toBe(0);
    expect(seen.map((s) => s.url)).toEqual(['/users/eve', '/users/eve/orders?limit=1', '/users/eve', '/users/eve/orders?limit=1']);
    // The runner waits 250 ms after each answer before the next request: the server sees the gaps.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.at - seen[i - 1]!.at).toBeGreaterThanOrEqual(245);
  });

  it('--timeout cuts off a request that gets no answer, says so, and the run goes on', async () => {
    seen.length = 0;
    const r = await run(join(dir, 'hang'), '--env', 'local', '--timeout', '300', '--reporter', 'cli,json', '--out', out);
    expect(r.code).toBe(1);
    expect(seen.map((s) => s.url)).toEqual(['/hang', '/after-hang']);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Array<{ name: string; passed: boolean; error?: { code: string; message: string } }> };
    expect(report.results[0]).toMatchObject({ name: 'Hangs', passed: false, error: { code: 'timeout-total', message: expect.stringMatching(/^no response within --timeout 300 ms/) } });
    expect(report.results[1]).toMatchObject({ name: 'After the hang', passed: true });
    expect(r.stdout).toMatch(/no response within --timeout 300 ms/);
  });

  it('--insecure sends to a server whose certificate does not verify; without it the request fails before reaching it', async () => {
    seen.length = 0;
    const strict = await run(join(dir, 'tls'), '--env', 'local');
    expect(strict.code).toBe(1);
    expect(seen).toEqual([]);
    const loose = await run(join(dir, 'tls'), '--env', 'local', '--insecure');
    expect(loose.code, loose.stdout + loose.stderr).toBe(0);
    expect(seen.map((s) => s.url)).toEqual(['tls/secure']);
    expect(loose.stderr).toMatch(/--insecure: TLS certificates are not verified/);
  });

  it('--parallel 3: three requests in flight at the server, never more; results in request order', async () => {
    Object.assign(PAR, { inflight: 0, max: 0, arrived: 0, timedOut: false, held: [] });
    const r = await run(join(dir, 'par'), '--env', 'local', '--parallel', '3', '--reporter', 'cli,json', '--out', out);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(PAR).toMatchObject({ max: 3, arrived: 6, timedOut: false });
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Array<{ index: number; name: string }> };
    expect(report.results.map((x) => `${x.index}:${x.name}`)).toEqual(['1:P1', '2:P2', '3:P3', '4:P4', '5:P5', '6:P6']);
    const lines = r.stdout.split('\n').filter((l) => / P\d /.test(l)).map((l) => / (P\d) /.exec(l)![1]);
    expect(lines).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
  });

  it.each([
    [['--iterations', '0'], /--iterations 0: a whole number from 1/],
    [['--iterations', 'many'], /--iterations many: a whole number/],
    [['--delay', '-5'], /--delay -5: a whole number from 0/],
    [['--timeout', '1.5'], /--timeout 1\.5: a whole number from 1/],
    [['--parallel', '0'], /--parallel 0: a whole number from 1/],
    [['--max-wait', 'soon'], /--max-wait soon: a whole number from 0/],
    [['--iteration-data', '/nonexistent/rows.csv'], /--iteration-data \/nonexistent\/rows\.csv: cannot be read \(ENOENT\)/],
    [['--iteration-data', 'BAD_CSV'], /not valid CSV/],
    [['--iteration-data', 'BAD_JSON'], /a JSON data file is an array of objects/],
    [['--iteration-data', 'EMPTY_CSV'], /no rows/],
  ])('exits 2 with one line for %j, sending nothing', async (flags, message) => {
    const files: Record<string, [string, string]> = { BAD_CSV: ['bad.csv', 'a,b\n"unclosed,1\n'], BAD_JSON: ['bad.json', '{"user":"x"}'], EMPTY_CSV: ['empty.csv', 'user,limit\n'] };
    const args = await Promise.all(flags.map(async (f) => {
      const fixture = files[f];
      if (!fixture) return f;
      await writeFile(join(out, fixture[0]), fixture[1]);
      return join(out, fixture[0]);
    }));
    seen.length = 0;
    const r = await run(join(dir, 'users'), '--env', 'local', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(seen).toEqual([]);
  });
});
