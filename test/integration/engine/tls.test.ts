import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { closePools, send } from '../../../electron/engine';
import { makeCerts, read, type TestCerts } from '../../support/certs';
import { startNginx, type RunningNginx } from '../../support/nginx';
import { startHttps, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';

let certs: TestCerts;
let nginx: RunningNginx;
let nginxMtls: RunningNginx;
const node: Record<string, TestServer> = {};

beforeAll(async () => {
  certs = makeCerts();
  nginx = await startNginx({ cert: certs.server.cert, key: certs.server.key });
  nginxMtls = await startNginx({ cert: certs.server.cert, key: certs.server.key, clientCa: certs.caPath });
  const ok = (_req: unknown, res: { end: (s: string) => void }): void => res.end('node ok');
  const pair = (p: { cert: string; key: string }): { cert: string; key: string } => ({ cert: read(p.cert), key: read(p.key) });
  node.selfSigned = await startHttps(pair(certs.selfSigned), ok);
  node.expired = await startHttps(pair(certs.expired), ok);
  node.wrongHost = await startHttps(pair(certs.wrongHost), ok);
  node.mtls = await startHttps({ ...pair(certs.server), ca: certs.caPem, requestCert: true, rejectUnauthorized: true }, ok);
});
afterAll(async () => {
  await closePools();
  await nginx?.stop();
  await nginxMtls?.stop();
  for (const s of Object.values(node)) await s.close();
  certs?.cleanup();
});

describe('TLS', () => {
  it('trusts a custom CA given as PEM text, and reports the handshake', async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/` }, { tls: { ca: certs.caPem } });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ data: expect.stringContaining('nginx ok') });
    expect(rec.timings.tls).not.toBeNull();
    expect(rec.timings.tls!).toBeGreaterThan(0);
    const tls = rec.timeline.find((e) => e.type === 'tls');
    expect(tls).toMatchObject({ servername: 'localhost', alpn: 'http/1.1', clientCertSent: false });
    expect(tls && tls.type === 'tls' && tls.protocol).toMatch(/^TLSv1\.[23]$/);
  });

  it('trusts a custom CA given as a file path', async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/` }, { tls: { ca: certs.caPath } });
    expect(rec.status).toBe(200);
  });

  it('without the CA the chain is untrusted', async () => {
    const f = await failureOf(send({ method: 'GET', url: `${nginx.url}/` }), 'tls-untrusted');
    expect(f.message).toContain(`localhost:${nginx.port}`);
  });

  it('self-signed certificate', async () => {
    await failureOf(send({ method: 'GET', url: `${node.selfSigned!.url}/` }), 'tls-self-signed');
  });

  it('expired certificate', async () => {
    await failureOf(send({ method: 'GET', url: `${node.expired!.url}/` }, { tls: { ca: certs.caPem } }), 'tls-expired');
  });

  it('wrong host name, then fixed by the servername override', async () => {
    await failureOf(send({ method: 'GET', url: `${node.wrongHost!.url}/` }, { tls: { ca: certs.caPem } }), 'tls-hostname');
    const rec = await send({ method: 'GET', url: `${node.wrongHost!.url}/` }, { tls: { ca: certs.caPem, servername: 'wrong.example' } });
    expect(rec.body).toMatchObject({ data: 'node ok' });
    expect(rec.timeline.find((e) => e.type === 'tls')).toMatchObject({ servername: 'wrong.example' });
  });

  it('servername sets SNI on an IP URL', async () => {
    const rec = await send({ method: 'GET', url: `https://127.0.0.1:${nginx.port}/` }, { tls: { ca: certs.caPem, servername: 'localhost' } });
    expect(rec.body).toMatchObject({ data: expect.stringContaining('sni=localhost') });
  });

  it('verify off accepts self-signed, expired and wrong-host certificates', async () => {
    for (const s of [node.selfSigned!, node.expired!, node.wrongHost!]) {
      const rec = await send({ method: 'GET', url: `${s.url}/` }, { tls: { verify: false } });
      expect(rec.status).toBe(200);
    }
  });

  it('mTLS with nginx: client cert and key as paths, as PEM, and as PFX', async () => {
    const viaPath = await send({ method: 'GET', url: `${nginxMtls.url}/` }, { tls: { ca: certs.caPath, cert: certs.client.cert, key: certs.client.key } });
    expect(viaPath.body).toMatchObject({ data: expect.stringContaining('client=SUCCESS') });
    expect(viaPath.timeline.find((e) => e.type === 'tls')).toMatchObject({ clientCertSent: true });
    const viaPem = await send({ method: 'GET', url: `${nginxMtls.url}/` },
      { tls: { ca: certs.caPem, cert: read(certs.client.cert), key: read(certs.client.key) } });
    expect(viaPem.body).toMatchObject({ data: expect.stringContaining('client=SUCCESS') });
    const viaPfx = await send({ method: 'GET', url: `${nginxMtls.url}/` }, { tls: { ca: certs.caPem, pfx: certs.client.pfx, passphrase: certs.client.passphrase } });
    expect(viaPfx.body).toMatchObject({ data: expect.stringContaining('client=SUCCESS') });
    expect(readFileSync(certs.client.pfx).length).toBeGreaterThan(0);
  });

  it('nginx without a client cert answers 400 (a response, not an error)', async () => {
    const rec = await send({ method: 'GET', url: `${nginxMtls.url}/` }, { tls: { ca: certs.caPem } });
    expect(rec.status).toBe(400);
  });

  it('a server that rejects the handshake without a client cert gives tls-client-cert', async () => {
    await failureOf(send({ method: 'GET', url: `${node.mtls!.url}/` }, { tls: { ca: certs.caPem } }), 'tls-client-cert');
    const rec = await send({ method: 'GET', url: `${node.mtls!.url}/` }, { tls: { ca: certs.caPem, cert: certs.client.cert, key: certs.client.key } });
    expect(rec.body).toMatchObject({ data: 'node ok' });
  });

  it('missing TLS files fail with file-not-found', async () => {
    await failureOf(send({ method: 'GET', url: `${nginx.url}/` }, { tls: { ca: '/nonexistent/ca.pem' } }), 'file-not-found');
  });
});
