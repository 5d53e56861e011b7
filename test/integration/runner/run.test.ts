import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let out: string;
let server: TestServer;
let other: TestServer;
const seen: Array<{ url: string; key?: string }> = [];

const AWS_BODY = '{"message":"Forbidden"}';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-run-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-run-out-'));
  const handler = (tag: string) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const key = req.headers['x-api-key'];
    seen.push({ url: `${tag}${req.url ?? ''}`, ...(typeof key === 'string' ? { key } : {}) });
    if (req.url?.startsWith('/forbidden')) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': 'req-1' });
      res.end(AWS_BODY);
      return;
    }
    if (req.url?.startsWith('/keyed') && key !== 'run-key-42') {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' });
      res.end(AWS_BODY);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
  server = await startHttp(handler('a'));
  other = await startHttp(handler('b'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: ws-run-0001\norder: [ok, expected, denied]\n');
  for (const [folder, files] of Object.entries({
    ok: { 'one.yaml': 'name: One\nmethod: GET\nurl: "{{base}}/one"\n', 'two.yaml': 'name: Two\nmethod: GET\nurl: "{{base}}/two"\nexpect:\n  status: 2xx\n' },
    expected: { 'blocked.yaml': 'name: Expected block\nmethod: GET\nurl: "{{base}}/forbidden/expected"\nexpect:\n  status: 403\n' },
    denied: { 'orders.yaml': 'name: Orders\nmethod: GET\nurl: "{{base}}/forbidden/orders"\n', 'after.yaml': 'name: After\nmethod: GET\nurl: "{{base}}/after"\n' },
    keyed: { 'k.yaml': 'name: Keyed\nmethod: GET\nurl: "{{base}}/keyed"\n' },
  })) {
    await mkdir(join(dir, folder));
    await writeFile(join(dir, folder, 'folder.yaml'), `order: [${Object.keys(files).map((f) => f.replace('.yaml', '')).join(', ')}]\n`);
    for (const [f, text] of Object.entries(files)) await writeFile(join(dir, folder, f), text);
  }
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: ${server.url}\n`);
  await writeFile(join(dir, 'environments', 'other.yaml'), `name: other\nvariables:\n  base: ${other.url}\n`);
  await mkdir(join(dir, 'keys'));
  await writeFile(join(dir, 'keys', 'team.yaml'), ['name: team', 'kind: api-key', 'in: header', 'param: x-api-key', 'hosts:', `  - 127.0.0.1:${server.url.split(':').at(-1)}`,
    'key:', '  secret: true', '  env: RUN_TEAM_KEY', ''].join('\n'));
});

afterAll(async () => {
  await server.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', RUN_TEAM_KEY: 'run-key-42' };

describe('clearance run', () => {
  it('runs a workspace in order, exits 1 on the unexpected 403 and names its producer', async () => {
    seen.length = 0;
    const r = await runCli(['run', dir, '--env', 'local'], { env });
    expect(r.code, r.stderr).toBe(1);
    expect(seen.map((s) => s.url)).toEqual(['a/one', 'a/two', 'a/forbidden/expected', 'a/forbidden/orders', 'a/after', 'a/keyed']);
    expect(r.stdout).toMatch(/✗ GET +403 +Orders/);
    expect(r.stdout).toMatch(/refused by Amazon API Gateway \(gateway\)/);
    expect(r.stdout).toMatch(/✓ GET +403 +Expected block/);
    expect(r.stdout).toMatch(/6 requests in .*: 4 passed, 2 failed/);
    expect(r.stdout).toMatch(/refusals by cause: .*\d/);
  });

  it('exits 0 when every request meets its expectation (a request folder target)', async () => {
    const r = await runCli(['run', join(dir, 'ok'), '--env', 'local'], { env });
    expect(r.code, r.stdout).toBe(0);
    const one = await runCli(['run', join(dir, 'expected', 'blocked.yaml'), '--env', 'local'], { env });
    expect(one.code, one.stdout).toBe(0);
  });

  it('writes run.json and junit.xml with the right counts', async () => {
    const r = await runCli(['run', dir, '--env', 'local', '--reporter', 'json,junit', '--out', out], { env });
    expect(r.code).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { summary: { total: number; passed: number; failed: number; refusals: Record<string, number> }; results: Array<{ name: string; status: number; explanation?: { producer: { id: string } } }> };
    expect(report.summary).toMatchObject({ total: 6, passed: 4, failed: 2 });
    expect(Object.values(report.summary.refusals).reduce((a, b) => a + b, 0)).toBe(3);
    expect(report.results.find((x) => x.name === 'Orders')).toMatchObject({ status: 403, explanation: { producer: { id: expect.stringMatching(/aws/) } } });
    const xml = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(xml).toMatch(/<testsuites name="clearance run" tests="6" failures="2"/);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(6);
    expect((xml.match(/<failure /g) ?? []).length).toBe(2);
    expect(xml).toMatch(/<failure message="403: refused/);
  });

  it('--bail stops at the first failure', async () => {
    seen.length = 0;
    const r = await runCli(['run', dir, '--env', 'local', '--bail'], { env });
    expect(r.code).toBe(1);
    expect(seen.map((s) => s.url)).toEqual(['a/one', 'a/two', 'a/forbidden/expected', 'a/forbidden/orders']);
    expect(r.stdout).toMatch(/2 not run \(--bail\)/);
  });

  it('--env switches the base URL; --key applies a key profile', async () => {
    seen.length = 0;
    await runCli(['run', join(dir, 'ok'), '--env', 'other'], { env });
    expect(seen.map((s) => s.url)).toEqual(['b/one', 'b/two']);
    seen.length = 0;
    const r = await runCli(['run', join(dir, 'keyed'), '--env', 'local', '--key', 'team'], { env });
    expect(r.code, r.stdout).toBe(0);
    expect(seen).toEqual([{ url: 'a/keyed', key: 'run-key-42' }]);
  });

  it('runs a Postman v2.1 collection with a {{baseUrl}} collection variable, writing nothing', async () => {
    const pm = await mkdtemp(join(tmpdir(), 'clearance-run-pm-'));
    const file = join(pm, 'shop.postman_collection.json');
    await writeFile(file, JSON.stringify({
      info: { name: 'PM Shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'baseUrl', value: server.url }],
      item: [{ name: 'Folder', item: [{ name: 'List', request: { method: 'GET', url: '{{baseUrl}}/pm/list' } }] }, { name: 'Denied', request: { method: 'GET', url: '{{baseUrl}}/forbidden/pm' } }],
    }));
    seen.length = 0;
    const r = await runCli(['run', file], { env });
    expect(r.code).toBe(1);
    expect(seen.map((s) => s.url)).toEqual(['a/pm/list', 'a/forbidden/pm']);
    expect(r.stdout).toMatch(/PM Shop 2 requests in .*: 1 passed, 1 failed/);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(pm)).toEqual(['shop.postman_collection.json']);
    await rm(pm, { recursive: true, force: true });
  });

  it('exits 2 on an unknown target, environment or profile, sending nothing', async () => {
    seen.length = 0;
    const missing = await runCli(['run', join(dir, 'nope')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
    const badEnv = await runCli(['run', dir, '--env', 'prod'], { env });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/no environment named prod/);
    const badKey = await runCli(['run', dir, '--env', 'local', '--key', 'ghost'], { env });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/no key profile named ghost/);
    const badReporter = await runCli(['run', dir, '--reporter', 'xml'], { env });
    expect(badReporter.code).toBe(2);
    expect(seen).toEqual([]);
  });
});
