// clearance run with Postman scripts, against a real local server: the server sees what pre-request
// scripts set, and the tests come out as newman reports them for the same files. Newman 6.2.2 was
// run by hand on these very collections (its numbers are stated next to each expectation); the test
// does not need newman.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../electron/runner/types';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

interface Seen { method: string; path: string; query: string; auth?: string; client?: string; calls?: string; order?: string; signature?: string }

let dir: string;
let server: TestServer;
const seen: Seen[] = [];

function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const h = (n: string): Record<string, string> => (typeof req.headers[n] === 'string' ? { [n.replace('x-', '')]: req.headers[n] } : {});
  seen.push({ method: req.method ?? '', path: url.pathname, query: url.search, ...h('authorization'), ...h('x-client'), ...h('x-calls'), ...h('x-order'), ...h('x-signature') });
  const json = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': `req-${seen.length}` });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/login' && req.method === 'POST') return json(200, { token: 'tok-123' });
  if (url.pathname === '/orders') return req.headers.authorization === 'Bearer tok-123' ? json(200, { count: 2, orders: [{ id: 1 }, { id: 2 }] }) : json(401, { error: 'no token' });
  if (url.pathname.startsWith('/users/')) return json(200, { id: url.pathname.slice('/users/'.length) });
  json(404, { error: 'not found' });
}

const ev = (listen: 'prerequest' | 'test', exec: string[]) => ({ listen, script: { type: 'text/javascript', exec } });
const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A login that stores a token, orders that use it, a test that needs pm.sendRequest, a data-driven request. */
const shop = {
  info: { name: 'Scripted shop', schema: SCHEMA },
  event: [
    ev('prerequest', ["pm.variables.set('client', 'clearance-test');", "pm.collectionVariables.set('calls', Number(pm.collectionVariables.get('calls') || 0) + 1);"]),
    ev('test', ["pm.test('answers in time', function () { pm.expect(pm.response.responseTime).to.be.below(5000); });"]),
  ],
  variable: [{ key: 'calls', value: '0' }],
  item: [
    { name: 'Auth', item: [
      { name: 'Login', request: { method: 'POST', url: '{{base}}/login', header: [{ key: 'X-Client', value: '{{client}}' }] },
        event: [ev('test', [
          "pm.test('login is 200', function () { pm.response.to.have.status(200); });",
          'var body = pm.response.json();',
          "pm.environment.set('token', body.token);",
          "pm.test('token is a string', function () { pm.expect(body.token).to.be.a('string').and.match(/^tok-/); });",
        ])] },
    ] },
    { name: 'Orders', event: [ev('prerequest', ["pm.variables.set('page', String(pm.info.iteration + 1));"])], item: [
      { name: 'List orders', request: { method: 'GET', url: '{{base}}/orders?page={{page}}',
        header: [{ key: 'Authorization', value: 'Bearer {{token}}' }, { key: 'X-Client', value: '{{client}}' }] },
      event: [ev('test', [
        'const json = pm.response.json();',
        "pm.test('orders are 200 with JSON', function () { pm.response.to.have.status(200); pm.response.to.have.header('Content-Type'); pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'); });",
        "pm.test('count is 2', function () { pm.expect(json.count).to.eql(2); pm.expect(json).to.have.property('orders').that.is.an('array'); });",
        "pm.test('request id header', function () { pm.expect(pm.response.headers.get('X-Request-Id')).to.match(/^req-\\d+$/); });",
        "pm.test('has three orders', function () { pm.expect(json.orders).to.have.lengthOf(3); });",
        "tests['legacy status is 200'] = responseCode.code === 200;",
        "tests['legacy body has orders'] = responseBody.indexOf('orders') >= 0;",
        "tests['legacy token kept'] = postman.getEnvironmentVariable('token') === 'tok-123';",
      ])] },
      { name: 'Send receipt', request: { method: 'GET', url: '{{base}}/users/receipt' },
        event: [ev('test', [
          "pm.test('receipt is mailed', function () { pm.sendRequest(pm.variables.get('base') + '/users/mail', function () {}); pm.expect(pm.response.code).to.equal(200); });",
        ])] },
      { name: 'User from data', request: { method: 'GET', url: '{{base}}/users/{{userId}}', header: [{ key: 'X-Calls', value: '{{calls}}' }] },
        event: [ev('test', [
          "pm.test('user matches the data row', function () { pm.expect(pm.response.json().id).to.eql(pm.iterationData.get('userId')); });",
          "pm.test('calls counted', function () { pm.expect(Number(pm.collectionVariables.get('calls'))).to.be.above(0); });",
        ])] },
    ] },
  ],
};

/** Script order, a pre-request script that throws, and one that asks for a module. */
const order = {
  info: { name: 'Order', schema: SCHEMA },
  event: [ev('prerequest', ["pm.variables.set('order', 'c');"]), ev('test', ["pm.test('collection test', function () {});"])],
  item: [{ name: 'F', event: [ev('prerequest', ["pm.variables.set('order', pm.variables.get('order') + ',f');"]), ev('test', ["pm.test('folder test', function () {});"])],
    item: [
      { name: 'Ordered', request: { method: 'GET', url: '{{base}}/users/ordered', header: [{ key: 'X-Order', value: '{{order}}' }] },
        event: [ev('prerequest', ["pm.variables.set('order', pm.variables.get('order') + ',r');",
          "pm.request.headers.add({ key: 'X-Signature', value: 'sig-{{order}}' });"]),
        ev('test', ["pm.test('request test', function () {});", "console.log('order was', pm.variables.get('order'), { n: 1 });"])] },
      { name: 'Broken', request: { method: 'GET', url: '{{base}}/users/broken' },
        event: [ev('prerequest', ["throw new Error('no token yet');"])] },
      { name: 'Moment', request: { method: 'GET', url: '{{base}}/users/moment' },
        event: [ev('test', ["const moment = require('moment');", "pm.test('today', function () { pm.expect(moment()).to.exist; });"])] },
    ] }],
};

beforeAll(async () => {
  server = await startHttp(handler);
  dir = await mkdtemp(join(tmpdir(), 'clearance-run-scripts-'));
  await writeFile(join(dir, 'shop.postman_collection.json'), JSON.stringify(shop));
  await writeFile(join(dir, 'order.postman_collection.json'), JSON.stringify(order));
  await writeFile(join(dir, 'local.postman_environment.json'), JSON.stringify({ name: 'local', _postman_variable_scope: 'environment',
    values: [{ key: 'base', value: server.url, enabled: true }] }));
  await writeFile(join(dir, 'users.json'), JSON.stringify([{ userId: 'u1' }, { userId: 'u2' }]));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(collection: string, extra: string[] = []): Promise<{ code: number; report: RunReport; stdout: string }> {
  const out = await mkdtemp(join(dir, 'out-'));
  const r = await runCli(['run', join(dir, collection), '--env', join(dir, 'local.postman_environment.json'), '--reporter', 'cli,json', '--out', out, '--no-history', ...extra]);
  const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as RunReport;
  return { code: r.code, report, stdout: r.stdout };
}

const testsOf = (report: RunReport) => report.results.map((r) => ({ request: `${r.iteration ?? 1} ${r.name}`,
  tests: (r.tests ?? []).map((t) => `${t.passed ? '✓' : '✗'} ${t.name}${t.error ? ` — ${t.error}` : ''}`), ...(r.unsupported ? { unsupported: r.unsupported } : {}) }));

describe('clearance run with Postman scripts', () => {
  it('runs pre-request and test scripts with iteration data as newman does, naming pm.sendRequest as unsupported', async () => {
    seen.length = 0;
    const { code, report, stdout } = await run('shop.postman_collection.json', ['--iteration-data', join(dir, 'users.json')]);
    expect(code, stdout).toBe(1);
    // What the server saw is what newman sends, request for request (newman also sent GET /users/mail for
    // pm.sendRequest, which clearance does not perform): the token set by Login's test script, the page
    // set by the folder's pre-request script from pm.info.iteration, the collection's counter (4, 8).
    const login = { method: 'POST', path: '/login', query: '', client: 'clearance-test' };
    const orders = (page: number) => ({ method: 'GET', path: '/orders', query: `?page=${page}`, authorization: 'Bearer tok-123', client: 'clearance-test' });
    const receipt = { method: 'GET', path: '/users/receipt', query: '' };
    expect(seen).toEqual([
      login, orders(1), receipt, { method: 'GET', path: '/users/u1', query: '', calls: '4' },
      login, orders(2), receipt, { method: 'GET', path: '/users/u2', query: '', calls: '8' },
    ]);
    // newman: 32 assertions, 2 failed ("has three orders" in each iteration, with this very message);
    // "receipt is mailed" passes there. Here it fails, naming pm.sendRequest, so 4 of 32 fail.
    const perIteration = (i: number) => [
      { request: `${i} Login`, tests: ['✓ answers in time', '✓ login is 200', '✓ token is a string'] },
      { request: `${i} List orders`, tests: ['✓ answers in time', '✓ orders are 200 with JSON', '✓ count is 2', '✓ request id header',
        '✗ has three orders — expected [ { id: 1 }, { id: 2 } ] to have a length of 3 but got 2',
        '✓ legacy status is 200', '✓ legacy body has orders', '✓ legacy token kept'] },
      { request: `${i} Send receipt`, tests: ['✓ answers in time', '✗ receipt is mailed — UnsupportedError: pm.sendRequest is not supported by clearance run'],
        unsupported: ['pm.sendRequest'] },
      { request: `${i} User from data`, tests: ['✓ answers in time', '✓ user matches the data row', '✓ calls counted'] },
    ];
    expect(testsOf(report)).toEqual([...perIteration(1), ...perIteration(2)]);
    expect(report.summary.tests).toEqual({ passed: 28, failed: 4 });
    expect(report.summary).toMatchObject({ total: 8, passed: 4, failed: 4, iterations: 2 });
    expect(report.results.find((r) => r.name === 'Send receipt')?.reason).toMatch(/test "receipt is mailed" failed: UnsupportedError: pm\.sendRequest/);
    expect(stdout).toMatch(/unsupported.*pm\.sendRequest/);
  });

  it('runs scripts collection → folder → request; a throwing pre-request script still sends, as newman does, and fails the request', async () => {
    seen.length = 0;
    const { code, report, stdout } = await run('order.postman_collection.json');
    expect(code).toBe(1);
    // newman sends all three (the broken pre-request script does not stop the request) with X-Order c,f,r
    // and the header the request's pre-request script added, its {{order}} filled in.
    expect(seen).toEqual([
      { method: 'GET', path: '/users/ordered', query: '', order: 'c,f,r', signature: 'sig-c,f,r' },
      { method: 'GET', path: '/users/broken', query: '' },
      { method: 'GET', path: '/users/moment', query: '' },
    ]);
    // newman: Ordered passes its three tests in this order; Broken and Moment fail with the script's error
    // ("Error: no token yet"; require('moment') works in newman, its "today" test then passes there).
    expect(testsOf(report)).toEqual([
      { request: '1 Ordered', tests: ['✓ collection test', '✓ folder test', '✓ request test'] },
      { request: '1 Broken', tests: ["✗ pre-request script of request 'Broken' — Error: no token yet", '✓ collection test', '✓ folder test'] },
      { request: '1 Moment', tests: ['✓ collection test', '✓ folder test',
        "✗ test script of request 'Moment' — UnsupportedError: require('moment') is not supported by clearance run"], unsupported: ["require('moment')"] },
    ]);
    expect(report.results.map((r) => r.passed)).toEqual([true, false, false]);
    // newman prints this console line under the request too (quoting each argument: 'order was', 'c,f,r', { n: 1 });
    // here it reads as a browser console or the Postman app shows it.
    expect(report.results[0]?.logs).toEqual(["order was c,f,r { n: 1 }"]);
    expect(stdout).toContain("│ order was c,f,r { n: 1 }");
  });

  it('importing the collection into a workspace still says its scripts are not imported', async () => {
    const ws = join(dir, 'ws');
    const r = await runCli(['import', 'postman', join(dir, 'order.postman_collection.json'), '--out', ws]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("request 'Broken': pre-request script not imported (scripts are not supported)");
  });
});
