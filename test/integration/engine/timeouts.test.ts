import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { closePools, send } from '../../../electron/engine';
import { startHttp, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';

let http: TestServer;
let silent: Server;
let silentPort: number;
const sockets = new Set<Socket>();

beforeAll(async () => {
  http = await startHttp((req, res) => {
    if (req.url === '/never') return; // accepts the request, never answers
    if (req.url === '/slow-body') {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('partial');
      return; // the rest never comes
    }
    setTimeout(() => res.end('late'), 300);
  });
  // Accepts TCP but never speaks TLS: the handshake hangs, so the connect phase times out.
  silent = createServer((s) => { sockets.add(s); s.on('error', () => {}); });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  await closePools();
  await http.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});

describe('timeouts and cancellation', () => {
  it('connect timeout (TLS handshake never completes)', async () => {
    const t = Date.now();
    const f = await failureOf(send({ method: 'GET', url: `https://127.0.0.1:${silentPort}/` }, { timeouts: { connectMs: 300 } }), 'timeout-connect');
    expect(Date.now() - t).toBeLessThan(3000);
    expect(f.message).toContain(`127.0.0.1:${silentPort}`);
  });

  it('first-byte timeout', async () => {
    const t = Date.now();
    await failureOf(send({ method: 'GET', url: `${http.url}/never` }, { timeouts: { firstByteMs: 300 } }), 'timeout-first-byte');
    expect(Date.now() - t).toBeLessThan(3000);
  });

  it('total timeout covers the body download', async () => {
    const t = Date.now();
    const f = await failureOf(send({ method: 'GET', url: `${http.url}/slow-body` }, { timeouts: { totalMs: 400 } }), 'timeout-total');
    expect(Date.now() - t).toBeLessThan(3000);
    expect(f.message).toContain('/slow-body');
  });

  it('cancellation through an AbortSignal', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t = Date.now();
    await failureOf(send({ method: 'GET', url: `${http.url}/never` }, undefined, { signal: ac.signal }), 'cancelled');
    expect(Date.now() - t).toBeLessThan(2000);
    const pre = new AbortController();
    pre.abort();
    await failureOf(send({ method: 'GET', url: `${http.url}/` }, undefined, { signal: pre.signal }), 'cancelled');
  });

  it('one signal covers many sends (a run): those in flight are cancelled, a finished one is not touched', async () => {
    const ac = new AbortController();
    const finished = await send({ method: 'GET', url: `${http.url}/ok` }, undefined, { signal: ac.signal });
    const a = send({ method: 'GET', url: `${http.url}/never` }, undefined, { signal: ac.signal });
    const b = send({ method: 'GET', url: `${http.url}/never` }, undefined, { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    await failureOf(a, 'cancelled');
    await failureOf(b, 'cancelled');
    expect(finished.status).toBe(200);
    expect(finished.timeline.some((e) => e.type === 'error')).toBe(false);
  });

  it('a slow answer within the limits succeeds', async () => {
    const rec = await send({ method: 'GET', url: `${http.url}/ok` }, { timeouts: { firstByteMs: 2000, totalMs: 3000 } });
    expect(rec.body).toMatchObject({ data: 'late' });
    expect(rec.timings.firstByte).toBeGreaterThanOrEqual(250);
  });
});
