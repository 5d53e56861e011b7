// clearance run with Bruno and Insomnia scripts, against a real local server: the server sees what
// pre-request scripts set (a header, a rewritten body, a token stored by an earlier script), and the
// tests and assertions come out as the tools report them. `bru run --env local` (@usebruno/cli 4.1.0)
// was run by hand on the very folder writeBrunoCollection writes; what it reported is stated below.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../electron/runner/types';
import { runCli } from '../../support/cli';
import { insomniaExport, writeBrunoCollection } from '../../support/scripted-collections';
import { startHttp, type TestServer } from '../../support/servers';

interface Seen { method: string; path: string; authorization?: string; client?: string; body?: string }

let dir: string;
let server: TestServer;
const seen: Seen[] = [];

function handler(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://x');
    const h = (n: string, as: keyof Seen): Partial<Seen> => (typeof req.headers[n] === 'string' ? { [as]: req.headers[n] } : {});
    seen.push({ method: req.method ?? '', path: url.pathname, ...h('authorization', 'authorization'), ...h('x-client', 'client'), ...(body ? { body } : {}) });
    const json = (status: number, b: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(b));
    };
    if (url.pathname === '/login') return json(200, { token: 'tok-123' });
    if (url.pathname === '/orders') return req.headers.authorization === 'Bearer tok-123' ? json(200, { count: 2, orders: [{ id: 1 }, { id: 2 }] }) : json(401, {});
    if (url.pathname === '/echo') return json(200, JSON.parse(body || '{}'));
    json(200, { id: url.pathname });
  });
}

beforeAll(async () => {
  server = await startHttp(handler);
  dir = await mkdtemp(join(tmpdir(), 'clearance-run-bru-ins-'));
  await writeBrunoCollection(join(dir, 'bruno'), server.url);
  await writeFile(join(dir, 'insomnia.yaml'), insomniaExport(server.url));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs TARGET with its environment; `seen` then holds what this run sent. */
async function run(target: string, env: string): Promise<{ code: number; report: RunReport; stdout: string }> {
  seen.length = 0;
  const out = await mkdtemp(join(dir, 'out-'));
  const r = await runCli(['run', join(dir, target), '--env', env, '--reporter', 'cli,json', '--out', out, '--no-history']);
  return { code: r.code, report: JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as RunReport, stdout: r.stdout };
}

const mark = (passed: boolean): string => (passed ? '✓' : '✗');

describe('clearance run with Bruno scripts', () => {
  it('runs pre-request, post-response, assert, vars:post-response and tests as bru run does', async () => {
    const { code, report, stdout } = await run('bruno', 'local');
    expect(code, stdout).toBe(1);
    // bru sent exactly these (and GET /users/sent for bru.sendRequest, which clearance does not perform):
    // the collection's pre-request variable in Login's header, the token a post-response script stored,
    // set as a header by List's pre-request script, the body Echo's script rewrote with the id a
    // vars:post-response line took from List's response. Locked's pre-request script threw: not sent.
    expect(seen).toEqual([
      { method: 'POST', path: '/login', client: 'clearance-test' },
      { method: 'GET', path: '/orders', authorization: 'Bearer tok-123', client: 'clearance-test' },
      { method: 'POST', path: '/echo', body: '{"a":1,"firstId":1}' },
      { method: 'GET', path: '/users/mail' },
    ]);
    const rows = report.results.map((r) => ({
      name: r.name, status: r.status, passed: r.passed,
      tests: (r.tests ?? []).map((t) => `${mark(t.passed)} ${t.name}${t.error ? ` — ${t.error}` : ''}`),
      assertions: (r.assertions ?? []).map((a) => `${mark(a.passed)} ${a.name}: ${a.expected}`),
    }));
    // bru: the same tests in the same order (request's, then the collection's, as settled), the same
    // assertions and the same failure message; Mail passed there (bru.sendRequest worked); Locked was an
    // error with "no key yet". Summary there: 5 requests (3 passed, 2 failed), tests 8/9, assertions 4/5.
    expect(rows).toEqual([
      { name: 'Login', status: 200, passed: true, tests: ['✓ login is 200', '✓ answers in time'],
        assertions: ['✓ res.status: eq 200', '✓ res.body.token: startsWith tok-'] },
      { name: 'List orders', status: 200, passed: false,
        tests: ['✗ has three orders — expected [ { id: 1 }, { id: 2 } ] to have a length of 3 but got 2', '✓ count is 2', '✓ answers in time'],
        assertions: ['✓ res.status: eq 200', '✓ res.body.count: eq 2', '✗ res.body.orders: length 3'] },
      { name: 'Echo', status: 200, passed: true, tests: ['✓ echoed', '✓ answers in time'], assertions: [] },
      { name: 'Mail', status: 200, passed: false, tests: ['✗ mail sent — bru.sendRequest is not supported by clearance run', '✓ answers in time'], assertions: [] },
      { name: 'Locked', status: null, passed: false, tests: ["✗ pre-request script of request 'Locked' — Error: no key yet"], assertions: [] },
    ]);
    expect(report.results.find((r) => r.name === 'Mail')?.unsupported).toEqual(['bru.sendRequest']);
    expect(report.results.find((r) => r.name === 'Locked')?.error?.code).toBe('script-failed');
    expect(report.summary.assertions).toEqual({ passed: 4, failed: 1 });
    expect(report.summary).toMatchObject({ total: 5, passed: 2, failed: 3 });
  });
});

describe('clearance run with Insomnia scripts', () => {
  it('runs pre-request and after-response scripts of a v5 export; the server sees the header and the stored token', async () => {
    const { code, report, stdout } = await run('insomnia.yaml', 'Local');
    expect(code, stdout).toBe(1);
    expect(seen).toEqual([
      { method: 'POST', path: '/login' },
      // the token Login's after-response script put in the picked environment; the header List's
      // pre-request script added, from that environment's `who`
      { method: 'GET', path: '/orders', authorization: 'Bearer tok-123', client: 'insomnia-local' },
    ]);
    expect(report.results.map((r) => [r.name, r.passed, (r.tests ?? []).map((t) => `${mark(t.passed)} ${t.name}${t.error ? ` — ${t.error}` : ''}`)])).toEqual([
      ['Login', true, ['✓ login is 200']],
      ['List orders', false, ['✗ has three orders — error: AssertionError: expected 2 to deeply equal 3 | ACTUAL: 2 | EXPECTED: 3', '✓ count is 2']],
    ]);
  });
});
