// `expect:` blocks in request files, checked by `clearance run` against a real local server: every
// check recorded per result (name, passed, expected, actual), failed ones shown by the cli reporter,
// and a misspelt key a load error naming the file, line and key, the request never sent.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let out: string;
let server: TestServer;
const seen: string[] = [];

const ORDERS = JSON.stringify({ data: { items: [{ id: 42, name: 'A' }], next: null, 'odd.key': true }, total: 1 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-expect-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-expect-out-'));
  server = await startHttp((req, res) => {
    const url = req.url ?? '';
    seen.push(url);
    if (url.startsWith('/orders')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'abc' }).end(ORDERS);
    } else if (url.startsWith('/slow')) {
      // The runner's time includes this wait: a maxTimeMs of 50 cannot be met.
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 200);
    } else if (url.startsWith('/forbidden')) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' }).end('{"message":"Forbidden"}');
    } else if (url.startsWith('/missing')) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('plain text');
    }
  });
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Checks\nid: ws-expect-0001\norder: [checks]\n');
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: ${server.url}\n`);
  const files: Record<string, string> = {
    'pass.yaml': `name: All met
method: GET
url: "{{base}}/orders"
expect:
  status: [200, 201]
  headers:
    Content-Type: { matches: "^application/json" }
    x-request-id: abc
    x-debug: { exists: false }
  body: { contains: [items, total] }
  json:
    data.items[0].id: 42
    $.data.items[0].name: A
    'data["odd.key"]': true
    data.next: null
    data.missing: { exists: false }
    total: { exists: true }
    data.items: { equals: [{ id: 42, name: A }] }
  maxTimeMs: 60000
`,
    'fail.yaml': `name: Some unmet
method: GET
url: "{{base}}/orders/2"
expect:
  status: 2xx
  headers:
    content-type: text/html
  body: { contains: nope }
  json:
    data.items[0].id: 43
    data.items[1]: { exists: true }
`,
    'slow.yaml': 'name: Too slow\nmethod: GET\nurl: "{{base}}/slow"\nexpect:\n  maxTimeMs: 50\n',
    'class-list.yaml': 'name: Class or 404\nmethod: GET\nurl: "{{base}}/missing"\nexpect:\n  status: ["2xx", 404]\n  body: { contains: Not Found }\n',
    'not-json.yaml': 'name: Not JSON\nmethod: GET\nurl: "{{base}}/text"\nexpect:\n  json:\n    a: 1\n',
    'refused.yaml': 'name: Refused\nmethod: GET\nurl: "{{base}}/forbidden/x"\nexpect:\n  json:\n    message: Forbidden\n',
    'expected-403.yaml': 'name: Expected 403\nmethod: GET\nurl: "{{base}}/forbidden/y"\nexpect:\n  status: 403\n  body: { contains: Forbidden }\n',
    'typo.yaml': 'name: Typo\nmethod: GET\nurl: "{{base}}/typo"\nexpect:\n  status: 200\n  stauts: 201\n',
  };
  await mkdir(join(dir, 'checks'));
  await writeFile(join(dir, 'checks', 'folder.yaml'), `order: [${Object.keys(files).map((f) => f.replace('.yaml', '')).join(', ')}]\n`);
  for (const [f, text] of Object.entries(files)) await writeFile(join(dir, 'checks', f), text);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

interface Assertion { name: string; passed: boolean; expected: string; actual: string }
interface Result { name: string; path: string; passed: boolean; status: number | null; reason?: string; assertions?: Assertion[]; error?: { code: string; message: string } }

describe('clearance run: expect blocks', () => {
  it('records every check with expected and actual, fails a request on any unmet one, and never sends a file with an unknown key', async () => {
    seen.length = 0;
    const r = await runCli(['run', dir, '--env', 'local', '--reporter', 'cli,json', '--out', out, '--no-history'], { env });
    expect(r.code, r.stderr).toBe(1);
    // typo.yaml was never sent; every other request was.
    expect(seen).toEqual(['/orders', '/orders/2', '/slow', '/missing', '/text', '/forbidden/x', '/forbidden/y']);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Result[]; summary: { assertions: { passed: number; failed: number } } };
    const by = new Map(report.results.map((x) => [x.name, x]));

    const pass = by.get('All met')!;
    expect(pass.passed, JSON.stringify(pass.assertions)).toBe(true);
    expect(pass.assertions!.map((a) => a.name)).toEqual(['status', 'header content-type', 'header x-request-id', 'header x-debug', 'body contains "items"',
      'body contains "total"', 'json data.items[0].id', 'json $.data.items[0].name', 'json data["odd.key"]', 'json data.next', 'json data.missing', 'json total',
      'json data.items', 'time']);
    expect(pass.assertions!.every((a) => a.passed)).toBe(true);
    expect(pass.assertions![0]).toEqual({ name: 'status', passed: true, expected: '200 or 201', actual: '200' });

    const fail = by.get('Some unmet')!;
    expect(fail.passed).toBe(false);
    expect(fail.assertions!.filter((a) => !a.passed)).toEqual([
      { name: 'header content-type', passed: false, expected: '"text/html"', actual: '"application/json; charset=utf-8"' },
      { name: 'body contains "nope"', passed: false, expected: 'found', actual: `not found in ${ORDERS.length} characters` },
      { name: 'json data.items[0].id', passed: false, expected: '43', actual: '42' },
      { name: 'json data.items[1]', passed: false, expected: 'present', actual: '(absent)' },
    ]);
    expect(fail.assertions![0]).toMatchObject({ name: 'status', passed: true });

    expect(by.get('Too slow')).toMatchObject({ passed: false, assertions: [{ name: 'time', passed: false, expected: '≤ 50 ms' }] });
    expect(by.get('Class or 404')).toMatchObject({ passed: true, status: 404, assertions: [{ name: 'status', passed: true, expected: '2xx or 404' }, { passed: true }] });
    expect(by.get('Not JSON')!.assertions![0]).toMatchObject({ name: 'json a', passed: false, actual: expect.stringMatching(/^\(not JSON/) });
    // No status expectation: the refusal rule still fails it, though its JSON check passed.
    expect(by.get('Refused')).toMatchObject({ passed: false, status: 403, reason: expect.stringMatching(/^refused/), assertions: [{ passed: true }] });
    expect(by.get('Expected 403')).toMatchObject({ passed: true, status: 403 });

    const typo = report.results.find((x) => x.path === 'checks/typo.yaml')!;
    expect(typo).toMatchObject({ passed: false, status: null, error: { code: 'broken-file' } });
    expect(typo.reason).toMatch(/checks\/typo\.yaml:\d+:\d+: expect: takes only status, headers, body, json, maxTimeMs; unknown key \(stauts\)/);
    // 14 + 1 (Some unmet's status) + 2 + 1 + 2 met; 4 + 1 + 1 unmet
    expect(report.summary.assertions).toEqual({ passed: 20, failed: 6 });

    // The cli reporter lists each failed check under its request.
    expect(r.stdout).toContain('✗ json data.items[0].id: expected 43, got 42');
    expect(r.stdout).toContain('✗ header content-type: expected "text/html", got "application/json; charset=utf-8"');
    expect(r.stdout).toMatch(/✗ time: expected ≤ 50 ms, got \d+ ms/);
    expect(r.stdout).toMatch(/typo\.yaml:\d+:\d+: expect: .*unknown key \(stauts\)/);
    expect(r.stdout).toMatch(/assertions +26 +20 +6/);
  });

  it('exits 0 when every check of every request is met', async () => {
    seen.length = 0;
    const r = await runCli(['run', join(dir, 'checks', 'pass.yaml'), '--env', 'local', '--no-history'], { env });
    expect(r.code, r.stdout).toBe(0);
    expect(seen).toEqual(['/orders']);
  });
});
