// The Postman script sandbox on its own: what a script can reach (nothing of Node), the limits that
// stop it, and the pm API with chai's messages as newman prints them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openScripts, runScript, type ScriptContext } from '../../../electron/runner/scripts';

const ctx = (over: Partial<ScriptContext> = {}): ScriptContext => ({
  request: { method: 'GET', url: '{{base}}/orders?page=1', headers: [['Accept', 'application/json']] },
  response: { status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json'], ['X-Request-Id', 'req-7']],
    body: '{"count":2,"orders":[{"id":1},{"id":2}]}', timeMs: 12.4 },
  vars: { environment: { base: 'http://api.test' }, collection: { page: '1' }, globals: { g: 'G' }, local: {}, iterationData: { user: 'u1' } },
  info: { iteration: 0, requestName: 'List orders' },
  ...over,
});

const run = (code: string, c = ctx(), timeoutMs = 2000) => runScript('test', code, c, { timeoutMs });

describe('the sandbox refuses what is outside it', () => {
  it('has no require, process, Node globals or module loader; escapes through constructors find nothing', async () => {
    const r = await run(`
      pm.test('no process', () => pm.expect(typeof process).to.equal('undefined'));
      pm.test('Function constructor sees no process', () => pm.expect(Function('return typeof process')()).to.equal('undefined'));
      pm.test('constructor escape finds no process', () => pm.expect(this.constructor.constructor('return typeof process')()).to.equal('undefined'));
      pm.test('no module, Buffer global', () => pm.expect(typeof module + typeof __dirname).to.equal('undefinedundefined'));
      pm.test('no QuickJS std/os modules', () => pm.expect([typeof std, typeof os, typeof scriptArgs]).to.eql(['undefined', 'undefined', 'undefined']));
      pm.test('globalThis has none of Node', () => pm.expect(Object.getOwnPropertyNames(globalThis)).to.not.include('process'));
      import('fs').then(() => pm.test('import escaped', () => {}), (e) => pm.test('import refused', () => pm.expect(String(e)).to.match(/fs|module/)));
    `);
    expect(r.error).toBeUndefined();
    expect(r.tests.map((t) => [t.name, t.passed])).toEqual([
      ['no process', true], ['Function constructor sees no process', true], ['constructor escape finds no process', true],
      ['no module, Buffer global', true], ['no QuickJS std/os modules', true], ['globalThis has none of Node', true], ['import refused', true],
    ]);
  });

  it('require() is named as unsupported and stops the script', async () => {
    const r = await run(`const fs = require('fs'); pm.test('after', () => {});`);
    expect(r.unsupported).toEqual(["require('fs')"]);
    expect(r.error).toBe("UnsupportedError: require('fs') is not supported by clearance run");
    expect(r.tests).toEqual([]);
  });

  it('process.env is a ReferenceError, not the host environment', async () => {
    const r = await run('pm.environment.set("leak", process.env.HOME)');
    expect(r.error).toBe("ReferenceError: 'process' is not defined");
    expect(r.vars.environment).not.toHaveProperty('leak');
  });

  it('ends an infinite loop at the time limit with a clear error, and the next script still runs', async () => {
    const session = await openScripts();
    try {
      const looped = await session.run('prerequest', 'pm.test("before", () => {}); while (true) {}', ctx(), { timeoutMs: 200 });
      expect(looped.error).toBe('the script ran longer than its 200 ms limit and was stopped');
      expect(looped.tests).toEqual([{ name: 'before', passed: true }]);
      const next = await session.run('test', 'pm.test("next", () => pm.response.to.have.status(200))', ctx(), { timeoutMs: 2000 });
      expect(next.tests).toEqual([{ name: 'next', passed: true }]);
    } finally {
      session.close();
    }
  });

  it('scripts started at once (--parallel) each get a sound isolate, even when one of them hits a limit', async () => {
    const session = await openScripts();
    try {
      const [looped, a, b] = await Promise.all([
        session.run('test', 'while (true) {}', ctx(), { timeoutMs: 100 }),
        session.run('test', 'pm.test("a", () => pm.response.to.have.status(200))', ctx(), { timeoutMs: 2000 }),
        session.run('test', 'pm.test("b", () => pm.expect(pm.response.json().count).to.equal(2))', ctx(), { timeoutMs: 2000 }),
      ]);
      expect(looped.error).toBe('the script ran longer than its 100 ms limit and was stopped');
      expect([...a.tests, ...b.tests]).toEqual([{ name: 'a', passed: true }, { name: 'b', passed: true }]);
    } finally {
      session.close();
    }
  });

  it('stops a script that allocates past the memory limit, and one that recurses forever', async () => {
    const big = await run('const s = "x".repeat(100 * 1024 * 1024); pm.test("never", () => {});', ctx(), 10_000);
    expect(big.error).toBe('the script used more than its 64 MiB memory limit and was stopped');
    const deep = await run('function f() { return f() + 1; } f();');
    expect(deep.error).toBe('the script nested calls too deeply (stack overflow) and was stopped');
    const after = await run('pm.test("still fine", () => {})');
    expect(after.tests).toEqual([{ name: 'still fine', passed: true }]);
  });
});

describe('pm in the sandbox', () => {
  it('pm.test with pm.expect and pm.response: passes, and fails with chai\'s message', async () => {
    const r = await run(`
      const json = pm.response.json();
      pm.test('status', () => pm.response.to.have.status(200));
      pm.test('ok', () => pm.response.to.be.ok);
      pm.test('header', () => pm.response.to.have.header('content-type', 'application/json'));
      pm.test('header get', () => pm.expect(pm.response.headers.get('x-request-id')).to.match(/^req-\\d$/));
      pm.test('json body', () => pm.response.to.have.jsonBody('orders[1].id', 2));
      pm.test('count', () => pm.expect(json.count).to.be.a('number').and.to.be.above(1).and.at.most(2));
      pm.test('deep', () => pm.expect(json.orders).to.deep.include({ id: 2 }));
      pm.test('one of', () => pm.expect(pm.response.code).to.be.oneOf([200, 201]));
      pm.test('empty', () => pm.expect([]).to.be.empty);
      pm.test('not', () => pm.expect(json).to.not.have.property('error'));
      pm.test('wrong status', () => pm.response.to.have.status(201));
      pm.test('wrong length', () => pm.expect(json.orders).to.have.lengthOf(3));
      pm.test('wrong eql', () => pm.expect(json).to.eql({ count: 3 }));
      pm.test('wrong class', () => pm.response.to.be.clientError);
      pm.test('typo', () => pm.expect(json.count).to.be.equl(2));
      pm.test('chain typo', () => pm.expect(json.count).to.be.ture);
      pm.test('pending');
    `);
    expect(r.error).toBeUndefined();
    const failed = Object.fromEntries(r.tests.filter((t) => !t.passed).map((t) => [t.name, t.error]));
    expect(r.tests.filter((t) => t.passed && !t.skipped).map((t) => t.name)).toEqual(['status', 'ok', 'header', 'header get', 'json body', 'count', 'deep', 'one of', 'empty', 'not']);
    expect(failed).toEqual({
      'wrong status': 'expected response to have status code 201 but got 200',
      'wrong length': 'expected [ { id: 1 }, { id: 2 } ] to have a length of 3 but got 2',
      // chai's inspect cuts what passes 40 characters, as newman prints it
      'wrong eql': 'expected { count: 2, …(1) } to deeply equal { count: 3 }',
      'wrong class': 'expected response code to be 4XX but found 200',
      typo: 'Error: Invalid Chai property: equl',
      'chain typo': 'Error: Invalid Chai property: ture',
    });
    expect(r.tests.find((t) => t.name === 'pending')).toEqual({ name: 'pending', passed: true, skipped: true });
  });

  it('variables: scopes, precedence (local > data > environment > collection > globals), set and unset', async () => {
    const r = await runScript('prerequest', `
      pm.environment.set('token', 'T1');
      pm.collectionVariables.set('page', 2);
      pm.globals.unset('g');
      pm.variables.set('local', 'L');
      pm.test('reads', () => {
        pm.expect(pm.variables.get('user')).to.equal('u1');
        pm.expect(pm.iterationData.get('user')).to.equal('u1');
        pm.expect(pm.variables.get('page')).to.equal(2);
        pm.expect(pm.environment.has('base')).to.be.true;
        pm.expect(pm.variables.replaceIn('{{base}}/x/{{page}}')).to.equal('http://api.test/x/2');
        pm.expect(pm.request.url.toString()).to.equal('{{base}}/orders?page=1');
        pm.expect(pm.info.requestName + pm.info.eventName + pm.info.iteration).to.equal('List ordersprerequest0');
      });
      postman.setEnvironmentVariable('legacy', 'yes');
    `, ctx({ response: undefined }), { timeoutMs: 2000 });
    expect(r.tests).toEqual([{ name: 'reads', passed: true }]);
    expect(r.vars.environment).toEqual({ base: 'http://api.test', token: 'T1', legacy: 'yes' });
    expect(r.vars.collection).toEqual({ page: 2 });
    expect(r.vars.globals).toEqual({});
    expect(r.vars.local).toEqual({ local: 'L' });
    expect(r.vars.iterationData).toEqual({ user: 'u1' });
  });

  it('legacy tests[], responseBody, responseCode and console are there', async () => {
    const r = await run(`
      tests['code is 200'] = responseCode.code === 200;
      tests['body empty'] = responseBody.length === 0;
      tests['header'] = postman.getResponseHeader('X-Request-Id') === 'req-7';
      console.log('count', JSON.parse(responseBody).count, { a: [1] });
    `);
    expect(r.tests).toEqual([
      { name: 'code is 200', passed: true },
      { name: 'body empty', passed: false, error: 'expected false to be truthy' },
      { name: 'header', passed: true },
    ]);
    expect(r.logs).toEqual(['count 2 { a: [ 1 ] }']);
  });

  it('names what it lacks, and a test using it fails with that reason', async () => {
    const r = await run(`
      pm.test('send', () => pm.sendRequest('http://x', () => {}));
      pm.test('cookies', () => pm.cookies.get('a'));
      pm.test('visualizer', () => pm.visualizer.set('<b/>'));
      pm.test('lodash', () => _.get({}, 'a'));
      pm.test('timer', () => setTimeout(() => {}, 1));
      pm.test('async', async () => {});
      pm.test('done', (done) => done());
      pm.test('add header', () => pm.request.headers.add({ key: 'a', value: 'b' }));
    `);
    expect(r.tests.every((t) => !t.passed)).toBe(true);
    expect(r.tests.find((t) => t.name === 'send')?.error).toBe('UnsupportedError: pm.sendRequest is not supported by clearance run');
    expect(r.unsupported).toEqual(['pm.sendRequest', 'pm.cookies', 'pm.visualizer', '_', 'setTimeout', 'async pm.test',
      'pm.test with a done callback', 'pm.request.headers.add']);
  });

  it('an unsupported feature whose error the script catches still fails the test, or the script', async () => {
    const inTest = await run(`pm.test('mail', () => { try { pm.sendRequest('http://x'); } catch (e) {} });`);
    expect(inTest.tests).toEqual([{ name: 'mail', passed: false,
      error: 'UnsupportedError: pm.sendRequest is not supported by clearance run (the test caught its error)' }]);
    const outside = await run(`try { postman.setNextRequest(null); } catch (e) {} pm.test('fine', () => {});`);
    expect(outside.tests).toEqual([{ name: 'fine', passed: true }]);
    expect(outside.unsupported).toEqual(['postman.setNextRequest']);
    expect(outside.error).toBe('UnsupportedError: postman.setNextRequest is not supported by clearance run (the script caught its error)');
  });

  it('a pre-request script may change the request headers; the result carries the whole list', async () => {
    const r = await runScript('prerequest', `
      pm.request.headers.add({ key: 'X-Signature', value: 'sig-' + pm.variables.get('user') });
      pm.request.headers.upsert({ key: 'accept', value: 'text/plain' });
      pm.request.headers.add('X-Gone: soon');
      pm.request.headers.remove('x-gone');
      pm.test('sees its change', () => pm.expect(pm.request.headers.get('x-signature')).to.equal('sig-u1'));
    `, ctx({ response: undefined }), { timeoutMs: 2000 });
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([{ name: 'sees its change', passed: true }]);
    expect(r.requestHeaders).toEqual([['Accept', 'text/plain'], ['X-Signature', 'sig-u1']]);
    const untouched = await runScript('prerequest', 'pm.request.headers.get("accept")', ctx({ response: undefined }), { timeoutMs: 2000 });
    expect(untouched.requestHeaders).toBeUndefined();
  });

  it('a script that replaces JSON cannot rewrite its results', async () => {
    const r = await run(`pm.test('fails', () => pm.expect(1).to.equal(2));
      JSON.stringify = () => '{"tests":[{"name":"fails","passed":true}],"unsupported":[],"logs":[],"vars":{}}';`);
    expect(r.tests).toEqual([{ name: 'fails', passed: false, error: 'expected 1 to equal 2' }]);
  });

  it('scripts of one session share globals a script left, as in Postman, but not its let/const', async () => {
    const session = await openScripts();
    try {
      await session.run('prerequest', 'helper = function (x) { return x * 2; }; const mine = 1;', ctx(), { timeoutMs: 2000 });
      const r = await session.run('test', 'const mine = 2; pm.test("helper", () => pm.expect(helper(mine)).to.equal(4));', ctx(), { timeoutMs: 2000 });
      expect(r.tests).toEqual([{ name: 'helper', passed: true }]);
    } finally {
      session.close();
    }
  });
});

describe('the isolate sources', () => {
  it('declare each top-level name once (they run as one function body: a second declaration would replace the first)', () => {
    const dir = join(process.cwd(), 'electron/runner/scripts/isolate');
    const names = readdirSync(dir).filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^(?:function|var|class|const|let) (\w+)/gm)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
