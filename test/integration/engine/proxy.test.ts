import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { closePools, send } from '../../../electron/engine';
import { bypassesProxy } from '../../../electron/engine/no-proxy';
import { makeCerts, read, type TestCerts } from '../../support/certs';
import { startSquid, type RunningSquid } from '../../support/squid';
import { startHttp, startHttps, type TestServer } from '../../support/servers';
import { freePort } from '../../support/ports';
import { failureOf } from '../../support/failure';

let certs: TestCerts;
let squid: RunningSquid;
let http: TestServer;
let https: TestServer;
let seen: { url: string; headers: IncomingHttpHeaders } | undefined;

beforeAll(async () => {
  certs = makeCerts();
  squid = await startSquid('alice', 's3cret');
  http = await startHttp((req, res) => {
    seen = { url: req.url!, headers: req.headers };
    if (req.url === '/needs-proxy-auth') {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="upstream"' });
      res.end('upstream wants proxy auth');
      return;
    }
    res.end(`http via ${req.headers.via ?? 'direct'}`);
  });
  https = await startHttps({ cert: read(certs.server.cert), key: read(certs.server.key) }, (req, res) => {
    seen = { url: req.url!, headers: req.headers };
    res.end('https through tunnel');
  });
});
afterAll(async () => {
  await closePools();
  await squid?.stop();
  await http?.close();
  await https?.close();
  certs?.cleanup();
});

const proxy = () => ({ url: squid.url, username: 'alice', password: 's3cret' });

describe('forward proxy (squid)', () => {
  it('forwards plain HTTP with Proxy-Authorization shown redacted', async () => {
    const rec = await send({ method: 'GET', url: `${http.url}/fwd?x=1` }, { proxy: proxy() });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ data: expect.stringContaining('squid') });
    expect(seen!.headers['proxy-authorization']).toBeUndefined();
    expect(seen!.url).toBe('/fwd?x=1');
    expect(rec.wire.requestLine).toBe(`GET ${http.url}/fwd?x=1 HTTP/1.1`);
    expect(rec.wire.proxy).toBe(squid.url);
    const pa = rec.wire.headers.find((h) => h.name === 'Proxy-Authorization');
    expect(pa).toEqual({ name: 'Proxy-Authorization', value: 'Basic ***', origin: 'gateway' });
    expect(JSON.stringify(rec)).not.toContain(Buffer.from('alice:s3cret').toString('base64'));
    expect(rec.timeline.find((e) => e.type === 'proxy')).toMatchObject({ url: squid.url, tunnel: false });
  });

  it('tunnels HTTPS with CONNECT', async () => {
    const rec = await send({ method: 'GET', url: `https://127.0.0.1:${https.port}/secure` }, { proxy: proxy(), tls: { ca: certs.caPem } });
    expect(rec.body).toMatchObject({ data: 'https through tunnel' });
    expect(seen!.url).toBe('/secure');
    expect(rec.wire.requestLine).toBe('GET /secure HTTP/1.1');
    expect(rec.timeline.find((e) => e.type === 'proxy')).toMatchObject({ tunnel: true });
    expect(rec.timeline.find((e) => e.type === 'tls')).toBeDefined();
  });

  it('wrong credentials on CONNECT give proxy-auth', async () => {
    const f = await failureOf(send({ method: 'GET', url: `https://127.0.0.1:${https.port}/` },
      { proxy: { url: squid.url, username: 'alice', password: 'wrong' }, tls: { ca: certs.caPem } }), 'proxy-auth');
    expect(f.message).toContain('407');
    expect(f.message).toContain(squid.url);
  });

  it('a 407 for a plain-HTTP request is returned as a response', async () => {
    const rec = await send({ method: 'GET', url: `${http.url}/` }, { proxy: { url: squid.url, username: 'alice', password: 'wrong' } });
    expect(rec.status).toBe(407);
    const upstream = await send({ method: 'GET', url: `${http.url}/needs-proxy-auth` });
    expect(upstream.status).toBe(407);
  });

  it('noProxy hosts are reached directly', async () => {
    const rec = await send({ method: 'GET', url: `${http.url}/direct` }, { proxy: { ...proxy(), noProxy: ['127.0.0.1'] } });
    expect(rec.body).toMatchObject({ data: 'http via direct' });
    expect(rec.wire.proxy).toBeUndefined();
  });

  it('an unreachable proxy fails with proxy', async () => {
    const port = await freePort();
    const f = await failureOf(send({ method: 'GET', url: `${http.url}/` }, { proxy: { url: `http://127.0.0.1:${port}` } }), 'proxy');
    expect(f.message).toContain(`127.0.0.1:${port}`);
  });

  it('matches noProxy rules: exact, .suffix, *.suffix and *', () => {
    expect(bypassesProxy('api.internal', ['api.internal'])).toBe(true);
    expect(bypassesProxy('x.api.internal', ['api.internal'])).toBe(false);
    expect(bypassesProxy('x.corp.example', ['.corp.example'])).toBe(true);
    expect(bypassesProxy('corp.example', ['.corp.example'])).toBe(true);
    expect(bypassesProxy('a.b.corp.example', ['*.corp.example'])).toBe(true);
    expect(bypassesProxy('evilcorp.example', ['*.corp.example'])).toBe(false);
    expect(bypassesProxy('anything', ['*'])).toBe(true);
    expect(bypassesProxy('other.host', ['', 'api.internal'])).toBe(false);
  });
});
