import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { closePools } from '../../../electron/engine';
import { sendThrough } from '../../../electron/pipeline';
import { makeCerts, type TestCerts } from '../../support/certs';
import { failureOf } from '../../support/failure';
import { startHaproxyTenantGate, startNginxApiGateway, type RunningGateway } from '../../support/gateways';
import { startNginx, type RunningNginx } from '../../support/nginx';
import { startHttp, type TestServer } from '../../support/servers';
import { startSquid, type RunningSquid } from '../../support/squid';

let upstream: TestServer;
let nginxGw: RunningGateway;
let haproxy: RunningGateway;
let squid: RunningSquid;
let mtls: RunningNginx;
let certs: TestCerts;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  upstream = await startHttp((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  });
  certs = makeCerts();
  [nginxGw, haproxy, squid, mtls] = await Promise.all([
    startNginxApiGateway(upstream.port, ['good-key-123']),
    startHaproxyTenantGate(upstream.port, 'acme'),
    startSquid('gwuser', 'gw pass'),
    startNginx({ ...certs.server, clientCa: certs.caPath }),
  ]);
}, 60_000);
afterAll(async () => {
  await closePools();
  await Promise.all([nginxGw?.stop(), haproxy?.stop(), squid?.stop(), mtls?.stop(), upstream?.close()]);
  certs?.cleanup();
});

const UPSTREAM = 'https://api.example.com';

describe('nginx as an API gateway (map + if, prefix stripped)', () => {
  const gateway = () => ({ name: 'nginx-local', preset: 'nginx-reverse-proxy', rewrite: { from: UPSTREAM, to: nginxGw.url, prefix: '/v1' } });
  const key = (bind = '127.0.0.1') => ({ name: 'gw-key', kind: 'api-key' as const, hosts: [bind], param: 'X-API-Key', key: { secret: true as const } });

  it('the right key through the gateway profile gets 200; the upstream sees the stripped path', async () => {
    const events: string[] = [];
    const rec = await sendThrough({ method: 'GET', url: `${UPSTREAM}/orders/42?expand=items` }, { key: key(), keySecrets: { key: 'good-key-123' }, gateway: gateway() },
      { onEvent: (e) => { if (e.type === 'info') events.push(e.message); } });
    expect(rec.status).toBe(200);
    expect(rec.url).toBe(`${nginxGw.url}/v1/orders/42?expand=items`);
    expect(seen.at(-1)).toMatchObject({ url: '/orders/42?expand=items', headers: { 'x-gateway': 'nginx', 'x-api-key': 'good-key-123' } });
    const info = rec.timeline.filter((e) => e.type === 'info').map((e) => (e as { message: string }).message);
    expect(info[0]).toBe(`Gateway "nginx-local" rewrote ${UPSTREAM}/orders/42?expand=items → ${nginxGw.url}/v1/orders/42?expand=items (base ${UPSTREAM} → ${nginxGw.url}, prefix /v1)`);
    expect(events).toEqual(info);
  });

  it('the wrong key gets nginx\'s 403, no key gets 403', async () => {
    const wrong = await sendThrough({ method: 'GET', url: `${UPSTREAM}/orders` }, { key: key(), keySecrets: { key: 'nope' }, gateway: gateway() });
    expect(wrong.status).toBe(403);
    const none = await sendThrough({ method: 'GET', url: `${UPSTREAM}/orders` }, { gateway: gateway() });
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ data: expect.stringContaining('403 Forbidden') });
  });

  it('a key bound to the upstream host is refused after the rewrite points elsewhere', async () => {
    const f = await failureOf(sendThrough({ method: 'GET', url: `${UPSTREAM}/orders` }, { key: key('api.example.com'), keySecrets: { key: 'good-key-123' }, gateway: gateway() }), 'key-host-mismatch');
    expect(f.message).toContain(`127.0.0.1:${nginxGw.port}`);
  });
});

describe('HAProxy header ACL satisfied by a gateway profile\'s headers', () => {
  const gateway = (tenant: string) => ({ name: 'haproxy-acme', preset: 'haproxy', rewrite: { to: haproxy.url, prefix: '' }, headers: [{ name: 'X-Tenant', value: tenant }] });

  it('with the header: 200, origin gateway on the wire; without it or wrong: 403 from HAProxy', async () => {
    const ok = await sendThrough({ method: 'GET', url: `${UPSTREAM}/tenants/me` }, { gateway: gateway('acme') });
    expect(ok.status).toBe(200);
    expect(seen.at(-1)!.headers['x-tenant']).toBe('acme');
    expect(ok.wire.headers.find((h) => h.name === 'X-Tenant')).toEqual({ name: 'X-Tenant', value: 'acme', origin: 'gateway' });
    const wrong = await sendThrough({ method: 'GET', url: `${UPSTREAM}/tenants/me` }, { gateway: gateway('globex') });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ data: expect.stringContaining('Request forbidden by administrative rules') });
    const direct = await sendThrough({ method: 'GET', url: `${haproxy.url}/tenants/me` }, { gateway: { name: 'direct' } });
    expect(direct.status).toBe(403);
  });
});

describe('Squid forward proxy with basic auth from a gateway profile', () => {
  const gateway = (password?: string) => ({
    name: 'corp-proxy', preset: 'corporate-forward-proxy',
    proxy: { url: squid.url, username: 'gwuser', ...(password !== undefined ? { password: { secret: true as const } } : {}) },
  });

  it('the proxy password secret gets through Squid to the upstream', async () => {
    const rec = await sendThrough({ method: 'GET', url: `${upstream.url}/via-proxy` }, { gateway: gateway('x'), gatewaySecrets: { 'proxy.password': 'gw pass' } });
    expect(rec.status).toBe(200);
    expect(rec.wire.proxy).toBe(squid.url);
    expect(String(seen.at(-1)!.headers.via)).toContain('squid');
    expect(rec.timeline.some((e) => e.type === 'info' && e.message.includes(`forward proxy ${squid.url} as gwuser`))).toBe(true);
  });

  it('a wrong password gets Squid\'s 407; a missing secret fails before sending', async () => {
    const rec = await sendThrough({ method: 'GET', url: `${upstream.url}/via-proxy` }, { gateway: gateway('x'), gatewaySecrets: { 'proxy.password': 'bad' } });
    expect(rec.status).toBe(407);
    await failureOf(sendThrough({ method: 'GET', url: `${upstream.url}/x` }, { gateway: gateway('x') }), 'key-secret-missing');
  });
});

describe('nginx requiring a client certificate (mTLS) through a gateway profile', () => {
  it('the gateway\'s client certificate and CA are used; without them the handshake or request fails', async () => {
    const gateway = { name: 'mtls', tls: { ca: certs.caPath, cert: certs.client.cert, key: certs.client.key } };
    const rec = await sendThrough({ method: 'GET', url: `${mtls.url}/` }, { gateway });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ data: expect.stringContaining('client=SUCCESS') });
    expect(rec.timeline.find((e) => e.type === 'tls')).toMatchObject({ clientCertSent: true });

    const pfx = { name: 'mtls-pfx', tls: { ca: certs.caPem, pfx: certs.client.pfx, passphrase: { secret: true as const } } };
    const viaPfx = await sendThrough({ method: 'GET', url: `${mtls.url}/` }, { gateway: pfx, gatewaySecrets: { 'tls.passphrase': certs.client.passphrase } });
    expect(viaPfx.status).toBe(200);

    const noCert = await sendThrough({ method: 'GET', url: `${mtls.url}/` }, { gateway: { name: 'ca-only', tls: { ca: certs.caPath } } });
    expect(noCert.status).toBe(400);
    expect(noCert.body).toMatchObject({ data: expect.stringContaining('No required SSL certificate was sent') });
  });
});
