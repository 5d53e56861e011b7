// Bruno's and Insomnia's script APIs in the isolate, on their own: what each call returns and changes,
// Bruno's assert operators, and that what either tool has and the sandbox lacks fails, named.
import { describe, expect, it } from 'vitest';
import { runScript, type ScriptContext, type ScriptFlavour, type ScriptKind } from '../../../electron/runner/scripts';

const ctx = (over: Partial<ScriptContext> = {}): ScriptContext => ({
  request: { method: 'POST', url: '{{base}}/orders', headers: [['Content-Type', 'application/json']], body: '{"a":1}' },
  response: { status: 201, statusText: 'Created', headers: [['Content-Type', 'application/json'], ['X-Request-Id', 'req-7']],
    body: '{"id":42,"items":[{"sku":"a"},{"sku":"b"}],"name":"Order 42"}', timeMs: 12.4, url: 'http://api.test/orders' },
  vars: { environment: { base: 'http://api.test', greeting: 'hi {{who}}' }, collection: { who: 'world' }, globals: {}, local: {}, iterationData: {} },
  info: { iteration: 0, requestName: 'Create order', environmentName: 'local' },
  ...over,
});

const run = (flavour: ScriptFlavour, kind: ScriptKind, code: string, c = ctx()) => runScript(kind, code, c, { timeoutMs: 2000, flavour });

describe('Bruno scripts', () => {
  it('pre-request: bru variables in their scopes, req headers, body and URL changed for the send', async () => {
    const r = await run('bruno', 'prerequest', `
      bru.setVar('token', 'tok-1');
      bru.setEnvVar('seen', req.getUrl());
      req.setHeader('X-Sig', bru.getEnvVar('greeting'));
      req.setBody({ ...req.getBody(), b: 2 });
      test('method is POST', () => expect(req.getMethod()).to.equal('POST'));
    `);
    expect(r.error).toBeUndefined();
    expect(r.vars.local).toEqual({ token: 'tok-1' });
    expect(r.vars.environment.seen).toBe('{{base}}/orders');
    expect(r.requestHeaders).toEqual([['Content-Type', 'application/json'], ['X-Sig', 'hi world']]);
    expect(r.requestBody).toBe('{"a":1,"b":2}');
    expect(r.tests).toEqual([{ name: 'method is POST', passed: true }]);
  });

  it('post-response: res as Bruno shapes it, async tests, failures with chai messages', async () => {
    const r = await run('bruno', 'test', `
      test('status', () => expect(res.getStatus()).to.equal(201));
      test('body parsed', () => expect(res.body.id).to.equal(42));
      test('query', () => expect(res('items[1].sku')).to.equal('b'));
      test('header lower-cased', () => expect(res.getHeader('X-REQUEST-ID')).to.equal('req-7'));
      test('async', async () => { await Promise.resolve(); expect(res.status).to.equal(200); });
      await test('awaited', async () => { expect(res.responseTime).to.be.a('number'); });
    `);
    expect(r.error).toBeUndefined();
    // In the order they settle, as bru records them ('async' awaits once more than 'awaited').
    expect(r.tests.map((t) => [t.name, t.passed, t.error])).toEqual([
      ['status', true, undefined], ['body parsed', true, undefined], ['query', true, undefined], ['header lower-cased', true, undefined],
      ['awaited', true, undefined], ['async', false, 'expected 201 to equal 200'],
    ]);
  });

  it('the assert block: each operator as Bruno maps it onto chai', async () => {
    const list = [
      ['res.status', 'eq 201'], ['res.status', 'neq 201'], ['res.body.name', 'startsWith Order'], ['res.body.name', 'endsWith 41'],
      ['res.body.items', 'length 2'], ['res.body.id', 'between 40, 50'], ['res.body.id', 'in 41, 42'], ['res.body.name', 'matches ^Order \\d+$'],
      ['res.body', 'isJson'], ['res.body.missing', 'isUndefined'], ['res.headers["content-type"]', 'contains json'], ['res.body.id', 'isTruthy'],
      ['res.body.id', 'gt {{limit}}'],
    ];
    const c = ctx();
    c.vars.local = { limit: '40' };
    const r = await run('bruno', 'test', `__clearanceBrunoAssert(${JSON.stringify(list)});`, c);
    expect(r.error).toBeUndefined();
    expect(r.assertions.map((a) => [a.name, a.expected, a.passed])).toEqual([
      ['res.status', 'eq 201', true], ['res.status', 'neq 201', false], ['res.body.name', 'startsWith Order', true],
      ['res.body.name', 'endsWith 41', false], ['res.body.items', 'length 2', true], ['res.body.id', 'between 40, 50', true],
      ['res.body.id', 'in 41, 42', true], ['res.body.name', 'matches ^Order \\d+$', true], ['res.body', 'isJson', true],
      ['res.body.missing', 'isUndefined', true], ['res.headers["content-type"]', 'contains json', true],
      // Bruno maps isTruthy to chai's `.true`: 42 is not `true`.
      ['res.body.id', 'isTruthy', false], ['res.body.id', 'gt {{limit}}', true],
    ]);
    expect(r.assertions[1]!.actual).toBe('201');
  });

  it('vars:post-response sets runtime variables from expressions over the response', async () => {
    const r = await run('bruno', 'test', `__clearanceBrunoVars([["orderId", "res.body.id"], ["first", "res('items[0].sku')"]]);`);
    expect(r.vars.local).toEqual({ orderId: 42, first: 'a' });
  });

  it('what Bruno has and the sandbox lacks fails, named: bru.sendRequest, bru.sleep, require, req changes after the send', async () => {
    const r = await run('bruno', 'test', `
      test('sends', async () => { await bru.sendRequest({ url: 'http://x' }); });
      test('sleeps', async () => { await bru.sleep(10); });
      test('caught', () => { try { bru.runner.skipRequest(); } catch (e) { /* swallowed */ } });
      test('late header', () => req.setHeader('X', '1'));
    `);
    // Settled order: the synchronous throw first.
    expect(r.tests.map((t) => [t.name, t.passed])).toEqual([['late header', false], ['sends', false], ['sleeps', false], ['caught', false]]);
    expect(r.unsupported).toEqual(['bru.sendRequest', 'bru.sleep', 'bru.runner', 'req.setHeader after the request was sent']);
  });

  it('a test waiting on a promise that never settles fails, said so; an endless async loop ends at the time limit', async () => {
    const r = await run('bruno', 'test', `test('waits', () => new Promise(() => {})); test('next', () => {});`);
    expect(r.tests).toEqual([{ name: 'next', passed: true },
      { name: 'waits', passed: false, error: 'the test did not finish: it waited on something that never completed' }]);
    const loop = await runScript('test', `await Promise.resolve(); for (;;) {}`, ctx(), { timeoutMs: 300, flavour: 'bruno' });
    expect(loop.error).toBe('the script ran longer than its 300 ms limit and was stopped');
  });

  it('an error thrown after an await is the script error', async () => {
    const r = await run('bruno', 'test', `await Promise.resolve(); throw new Error('late');`);
    expect(r.error).toBe('Error: late');
  });
});

describe('Insomnia scripts', () => {
  it('after-response: insomnia.response, environment, test and expect, with Insomnia\'s failure text', async () => {
    const r = await run('insomnia', 'test', `
      insomnia.test('code', () => insomnia.expect(insomnia.response.code).to.eql(201));
      insomnia.test('json', () => insomnia.expect(insomnia.response.json().id).to.eql(43));
      insomnia.test('body property', () => insomnia.expect(insomnia.response.body).to.include('Order 42'));
      insomnia.test('to.have.status', () => insomnia.response.to.have.status(201));
      insomnia.environment.set('orderId', insomnia.response.json().id);
      insomnia.baseEnvironment.set('base2', 'b');
      insomnia.variables.set('local', 'l');
    `);
    expect(r.error).toBeUndefined();
    // Settled order: a callback that throws at once lands before one that passes (Insomnia awaits each).
    expect(r.tests.map((t) => [t.name, t.passed, t.error])).toEqual([
      ['json', false, 'error: AssertionError: expected 42 to deeply equal 43 | ACTUAL: 42 | EXPECTED: 43'], ['code', true, undefined],
      ['body property', true, undefined], ['to.have.status', true, undefined],
    ]);
    expect(r.vars.environment.orderId).toBe(42);
    expect(r.vars.collection.base2).toBe('b');
    expect(r.vars.local).toEqual({ local: 'l' });
  });

  it('with no environment picked, insomnia.environment is the base environment', async () => {
    const c = ctx();
    delete c.info.environmentName;
    const r = await run('insomnia', 'test', `insomnia.environment.set('x', '1');`, c);
    expect(r.vars.collection.x).toBe('1');
    expect(r.vars.environment.x).toBeUndefined();
  });

  it('pre-request: headers added reach the request; sendRequest is named and fails', async () => {
    const r = await run('insomnia', 'prerequest', `
      insomnia.request.headers.add({ key: 'X-Trace', value: insomnia.variables.get('who') });
      insomnia.sendRequest('http://x', () => {});
    `);
    expect(r.requestHeaders).toEqual([['Content-Type', 'application/json'], ['X-Trace', 'world']]);
    expect(r.unsupported).toEqual(['insomnia.sendRequest']);
    expect(r.error).toBe('UnsupportedError: insomnia.sendRequest is not supported by clearance run');
  });
});
