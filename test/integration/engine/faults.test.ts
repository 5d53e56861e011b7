import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools, send } from '../../../electron/engine';
import { startHttp, type TestServer } from '../../support/servers';
import { freePort } from '../../support/ports';
import { failureOf } from '../../support/failure';

let server: TestServer;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    if (req.url === '/reset-mid-body') {
      res.writeHead(200, { 'Content-Length': String(200_000) });
      res.write(Buffer.alloc(100_000, 'a'));
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    if (req.url === '/reset-before-headers') {
      req.socket.destroy();
      return;
    }
    res.end(`host=${req.headers.host}`);
  });
});
afterAll(async () => {
  await closePools();
  await server.close();
});

describe('network faults', () => {
  it('dns failure names the host', async () => {
    const f = await failureOf(send({ method: 'GET', url: 'http://no-such-host.invalid/x' }), 'dns');
    expect(f.message).toContain('no-such-host.invalid');
    expect(f.info.remedy).toContain('--resolve');
  });

  it('connection refused', async () => {
    const port = await freePort();
    const f = await failureOf(send({ method: 'GET', url: `http://127.0.0.1:${port}/` }), 'connection-refused');
    expect(f.message).toContain(`127.0.0.1:${port}`);
  });

  it('reset mid-body', async () => {
    const f = await failureOf(send({ method: 'GET', url: `${server.url}/reset-mid-body` }), 'connection-reset');
    expect(f.message).toContain('/reset-mid-body');
  });

  it('reset before the response', async () => {
    await failureOf(send({ method: 'POST', url: `${server.url}/reset-before-headers` }), 'connection-reset');
  });

  it('connectTo sends to another address while the URL and Host stay as written', async () => {
    const rec = await send({ method: 'GET', url: 'http://api.example.test:8080/x' },
      { connectTo: [{ host: 'api.example.test', port: 8080, toHost: '127.0.0.1', toPort: server.port }] });
    expect(rec.body).toMatchObject({ data: 'host=api.example.test:8080' });
    expect(rec.url).toBe('http://api.example.test:8080/x');
    expect(rec.remoteAddress).toBe('127.0.0.1');
  });

  it('reports dns timing when a name is resolved', async () => {
    const rec = await send({ method: 'GET', url: `http://localhost:${server.port}/` });
    expect(rec.timings.dns).not.toBeNull();
    expect(rec.timeline.find((e) => e.type === 'dns')).toMatchObject({ host: 'localhost' });
    expect(rec.timings.connect).not.toBeNull();
    expect(rec.timings.total).toBeGreaterThan(0);
  });
});
