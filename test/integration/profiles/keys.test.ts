import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { closePools } from '../../../electron/engine';
import { sendThrough } from '../../../electron/pipeline';
import { digestHandler } from '../../support/digest-server';
import { failureOf } from '../../support/failure';
import { startHttp, type TestServer } from '../../support/servers';

let a: TestServer;
let b: TestServer;
let dg: TestServer;
const digest = digestHandler('alice', 'wonder land');
const onA: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const onB: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  a = await startHttp((req, res) => {
    onA.push({ url: req.url!, headers: req.headers });
    if (req.url!.startsWith('/to-b')) return void res.writeHead(302, { location: `${b.url}/landed` }).end();
    if (req.url!.startsWith('/to-a')) return void res.writeHead(302, { location: '/here' }).end();
    res.end('a');
  });
  // B is reached as localhost: another host for the binding, the same machine for the test.
  b = await startHttp((req, res) => {
    onB.push({ url: req.url!, headers: req.headers });
    res.end('b');
  });
  b.url = `http://localhost:${b.port}`;
  dg = await startHttp(digest.handler);
});
afterAll(async () => {
  await closePools();
  await Promise.all([a.close(), b.close(), dg.close()]);
});

const bound = () => [`127.0.0.1:${a.port}`];
const secret = { secret: true as const };

describe('key kinds, asserted on the server', () => {
  it('bearer', async () => {
    const rec = await sendThrough({ method: 'GET', url: `${a.url}/bearer` }, { key: { name: 'tok', kind: 'bearer', hosts: bound(), token: secret }, keySecrets: { token: 'eyJ.abc' } });
    expect(rec.status).toBe(200);
    expect(onA.at(-1)!.headers.authorization).toBe('Bearer eyJ.abc');
    expect(rec.wire.headers.find((h) => h.name === 'Authorization')?.origin).toBe('auth');
  });

  it('basic (UTF-8)', async () => {
    await sendThrough({ method: 'GET', url: `${a.url}/basic` }, { key: { name: 'b', kind: 'basic', hosts: bound(), username: 'zoë', password: secret }, keySecrets: { password: 'p:ss' } });
    expect(onA.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('zoë:p:ss').toString('base64')}`);
  });

  it('api key in a named header with a prefix, and in the query', async () => {
    await sendThrough({ method: 'GET', url: `${a.url}/h` }, { key: { name: 'k', kind: 'api-key', hosts: bound(), param: 'Ocp-Apim-Subscription-Key', prefix: '', key: secret }, keySecrets: { key: 'sub-123' } });
    expect(onA.at(-1)!.headers['ocp-apim-subscription-key']).toBe('sub-123');
    await sendThrough({ method: 'GET', url: `${a.url}/q?x=1`, params: [{ name: 'y', value: '2' }] },
      { key: { name: 'k', kind: 'api-key', hosts: bound(), in: 'query', param: 'apikey', key: secret }, keySecrets: { key: 'k&y=1 2' } });
    expect(onA.at(-1)!.url).toBe('/q?x=1&y=2&apikey=k%26y%3D1%202');
    expect(onA.at(-1)!.headers['x-api-key']).toBeUndefined();
  });

  it('custom header set, literal and secret values, overriding a same-named user header', async () => {
    await sendThrough({ method: 'GET', url: `${a.url}/c`, headers: [{ name: 'X-Tenant', value: 'user-set' }] }, {
      key: { name: 'c', kind: 'custom-headers', hosts: bound(), headers: [{ name: 'X-Tenant', value: 'acme' }, { name: 'X-Signature', value: secret }] },
      keySecrets: { 'headers.X-Signature': 'sig-9' },
    });
    expect(onA.at(-1)!.headers).toMatchObject({ 'x-tenant': 'acme', 'x-signature': 'sig-9' });
  });

  it('digest: the 401 challenge is answered through the engine (RFC 7616 MD5, qop=auth)', async () => {
    const key = { name: 'dg', kind: 'digest' as const, hosts: [`127.0.0.1:${dg.port}`], username: 'alice', password: secret };
    const rec = await sendThrough({ method: 'GET', url: `${dg.url}/dir/index.html?x=1` }, { key, keySecrets: { password: 'wonder land' } });
    expect(rec.status).toBe(200);
    expect(digest.stats).toMatchObject({ challenges: 1, ok: 1, failed: 0 });
    expect(rec.timeline.some((e) => e.type === 'info' && e.message.includes('answered the 401 challenge'))).toBe(true);
    const bad = await sendThrough({ method: 'GET', url: `${dg.url}/x` }, { key, keySecrets: { password: 'wrong' } });
    expect(bad.status).toBe(401);
    expect(digest.stats.failed).toBe(1);
  });

  it('a missing secret fails before sending, naming the field', async () => {
    const before = onA.length;
    const f = await failureOf(sendThrough({ method: 'GET', url: `${a.url}/` }, { key: { name: 'tok', kind: 'bearer', hosts: bound(), token: secret } }), 'key-secret-missing');
    expect(f.message).toContain('"tok": secret token');
    expect(onA.length).toBe(before);
  });
});

describe('host binding', () => {
  const key = () => ({ name: 'acme-prod', kind: 'bearer' as const, hosts: bound(), token: secret });

  it('a key bound to A is refused for B before anything is sent', async () => {
    const before = onB.length;
    const f = await failureOf(sendThrough({ method: 'GET', url: `${b.url}/steal` }, { key: key(), keySecrets: { token: 'SECRET-A' } }), 'key-host-mismatch');
    expect(f.message).toContain('"acme-prod"');
    expect(f.message).toContain(`localhost:${b.port}`);
    expect(f.info.remedy).toMatch(/hosts/);
    expect(onB.length).toBe(before);
  });

  it('same host, other port: refused when the binding names a port', async () => {
    await failureOf(sendThrough({ method: 'GET', url: `http://127.0.0.1:${b.port}/` }, { key: key(), keySecrets: { token: 'SECRET-A' } }), 'key-host-mismatch');
  });

  it('a redirect from A to B does not carry the key; a same-origin redirect does', async () => {
    const rec = await sendThrough({ method: 'GET', url: `${a.url}/to-b`, headers: [{ name: 'X-Trace', value: 't1' }] }, { key: key(), keySecrets: { token: 'SECRET-A' } });
    expect(rec.status).toBe(200);
    expect(onA.at(-1)!.headers.authorization).toBe('Bearer SECRET-A');
    const arrived = onB.at(-1)!;
    expect(arrived.url).toBe('/landed');
    expect(arrived.headers.authorization).toBeUndefined();
    expect(JSON.stringify(arrived.headers)).not.toContain('SECRET-A');
    expect(arrived.headers['x-trace']).toBe('t1');
    expect(rec.redirects[0]).toMatchObject({ crossOrigin: true, droppedHeaders: ['Authorization'] });

    await sendThrough({ method: 'GET', url: `${a.url}/to-a` }, { key: key(), keySecrets: { token: 'SECRET-A' } });
    expect(onA.at(-1)).toMatchObject({ url: '/here', headers: { authorization: 'Bearer SECRET-A' } });
  });

  it('custom key headers are dropped on a cross-origin redirect too', async () => {
    await sendThrough({ method: 'GET', url: `${a.url}/to-b` }, {
      key: { name: 'c', kind: 'custom-headers', hosts: bound(), headers: [{ name: 'X-Api-Secret', value: secret }] }, keySecrets: { 'headers.X-Api-Secret': 'SECRET-C' },
    });
    expect(onB.at(-1)!.headers['x-api-secret']).toBeUndefined();
  });

  it('a gateway header with a secret value is dropped on a cross-origin redirect; a literal one is kept', async () => {
    const rec = await sendThrough({ method: 'GET', url: `${a.url}/to-b` }, {
      gateway: { name: 'gw', headers: [{ name: 'X-Gw-Token', value: secret }, { name: 'X-Tenant', value: 'acme' }] },
      gatewaySecrets: { 'headers.X-Gw-Token': 'SECRET-GW' },
    });
    expect(onA.at(-1)!.headers['x-gw-token']).toBe('SECRET-GW');
    expect(onB.at(-1)!.headers['x-gw-token']).toBeUndefined();
    expect(onB.at(-1)!.headers['x-tenant']).toBe('acme');
    expect(rec.redirects[0]!.droppedHeaders).toContain('X-Gw-Token');
  });
});
