import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { closePools, send } from '../../../electron/engine';
import { startHttp, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';

let server: TestServer;
const text = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ i, name: `item ${i} é` })) });
let bombClosed = false;

/** Endless zeros, generated lazily: gzip turns 10 GB of them into about 10 MB, but only what is read gets produced. */
function zeros(total: number): Readable {
  let sent = 0;
  const chunk = Buffer.alloc(1024 * 1024);
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const send = (encoding: string, body: Buffer): void => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Content-Length': body.length });
      res.end(body);
    };
    switch (req.url) {
      case '/gzip': return send('gzip', gzipSync(text));
      case '/deflate': return send('deflate', deflateSync(text));
      case '/deflate-raw': return send('deflate', deflateRawSync(text));
      case '/br': return send('br', brotliCompressSync(text));
      case '/corrupt': return send('gzip', Buffer.from('this is not gzip at all'));
      case '/bomb': {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip' });
        res.on('close', () => { bombClosed = true; });
        zeros(10 * 1024 ** 3).pipe(createGzip({ level: 9 })).pipe(res);
        return;
      }
      default: res.end('plain');
    }
  });
});
afterAll(async () => {
  await closePools();
  await server.close();
});

describe('decompression', () => {
  for (const kind of ['gzip', 'deflate', 'deflate-raw', 'br']) {
    it(`decodes ${kind}`, async () => {
      const rec = await send({ method: 'GET', url: `${server.url}/${kind}` });
      expect(rec.body).toEqual({ kind: 'inline', encoding: 'utf8', data: text });
      expect(rec.size.bodyDecoded).toBe(Buffer.byteLength(text));
      expect(rec.size.bodyWire).toBeLessThan(rec.size.bodyDecoded);
    });
  }

  it('keeps the raw bytes when decompression is off', async () => {
    const rec = await send({ method: 'GET', url: `${server.url}/gzip` }, { decompression: { enabled: false } });
    expect(rec.body.encoding).toBe('base64');
    expect(Buffer.from(rec.body.kind === 'inline' ? rec.body.data : '', 'base64').equals(gzipSync(text))).toBe(true);
    expect(rec.size.bodyWire).toBe(rec.size.bodyDecoded);
  });

  it('corrupt encoding fails with decompression-failed', async () => {
    const f = await failureOf(send({ method: 'GET', url: `${server.url}/corrupt` }), 'decompression-failed');
    expect(f.message).toContain('/corrupt');
  });

  it('a 10 GB gzip bomb fails fast on the ratio with bounded memory', async () => {
    const rss = process.memoryUsage().rss;
    const t = Date.now();
    const f = await failureOf(send({ method: 'GET', url: `${server.url}/bomb` }), 'decompression-bomb');
    expect(Date.now() - t).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    expect(f.message).toMatch(/ratio/);
    for (let i = 0; i < 50 && !bombClosed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(bombClosed).toBe(true);
  });

  it('maxBytes stops a body that decodes past it', async () => {
    const f = await failureOf(send({ method: 'GET', url: `${server.url}/bomb` },
      { decompression: { maxBytes: 5 * 1024 * 1024, maxRatio: 1e9 }, inlineBodyLimit: 64 * 1024 * 1024 }), 'decompression-bomb');
    expect(f.message).toContain(String(5 * 1024 * 1024));
  });
});
