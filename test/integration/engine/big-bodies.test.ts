import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { bodyDirectory, closePools, send } from '../../../electron/engine';
import { startHttp, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';
import { setLetGoCollector } from '../../../electron/engine/let-go';
import { youngCollector } from '../../../electron/cli/short-process';

const GiB = 1024 ** 3;
let server: TestServer;
let bodyDir: string;
/** sha256 of the decoded bytes the server last sent on /pattern, as it computed them */
let sentHash = '';

/** Bytes no two 64 KiB chunks share (a counter in every 4 bytes): a reordered or dropped chunk changes the hash. */
function pattern(size: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) buf.writeUInt32BE(i, i);
  return buf;
}

beforeAll(async () => {
  bodyDir = mkdtempSync(join(tmpdir(), 'clearance-big-'));
  server = await startHttp((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const size = Number(url.searchParams.get('size'));
    if (url.pathname === '/pattern') {
      const plain = pattern(size);
      sentHash = createHash('sha256').update(plain).digest('hex');
      const gzip = url.searchParams.has('gzip');
      const wire = gzip ? gzipSync(plain) : plain;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(wire.length), ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
      // Small writes: the client sees many network chunks, so the file gets several batched writes.
      for (let i = 0; i < wire.length; i += 16 * 1024) res.write(wire.subarray(i, i + 16 * 1024));
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(size) });
    const chunk = Buffer.alloc(256 * 1024, 'x');
    chunk.write('START', 0);
    let sent = 0;
    // Generated in chunks with backpressure: the server never holds the body either.
    const pump = (): void => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        const piece = sent === 0 ? chunk.subarray(0, n) : Buffer.alloc(n, 'y');
        sent += n;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
});
afterAll(async () => {
  await closePools();
  await server.close();
  rmSync(bodyDir, { recursive: true, force: true });
});

describe('big bodies', () => {
  it('keeps a body up to inlineBodyLimit in memory', async () => {
    const rec = await send({ method: 'GET', url: `${server.url}/?size=1000` }, { inlineBodyLimit: 1000 }, { bodyDir });
    expect(rec.body.kind).toBe('inline');
  });

  it('streams a larger body to a file with a 64 KiB preview', async () => {
    const rec = await send({ method: 'GET', url: `${server.url}/?size=300000` }, { inlineBodyLimit: 1000 }, { bodyDir });
    expect(rec.body.kind).toBe('file');
    if (rec.body.kind !== 'file') return;
    expect(rec.body.path.startsWith(bodyDir)).toBe(true);
    expect(statSync(rec.body.path).size).toBe(300000);
    expect(rec.body.encoding).toBe('utf8');
    expect(rec.body.preview.length).toBe(64 * 1024);
    expect(rec.body.preview.startsWith('START')).toBe(true);
    expect(readFileSync(rec.body.path).subarray(0, 5).toString()).toBe('START');
    expect(rec.size.bodyDecoded).toBe(300000);
  });

  for (const gzip of [false, true]) {
    it(`writes a spilled body to its file byte for byte, in order${gzip ? ' (gzip, decoded)' : ''}`, async () => {
      const rec = await send({ method: 'GET', url: `${server.url}/pattern?size=${3 * 1024 * 1024 + 12345}${gzip ? '&gzip' : ''}` },
        { inlineBodyLimit: 100 * 1024 }, { bodyDir });
      expect(rec.body.kind).toBe('file');
      if (rec.body.kind !== 'file') return;
      expect(createHash('sha256').update(readFileSync(rec.body.path)).digest('hex')).toBe(sentHash);
      expect(rec.size.bodyDecoded).toBe(3 * 1024 * 1024 + 12345);
    });
  }

  for (const gzip of [false, true]) {
    it(`previewOnly: a big body keeps its first 64 KiB and is counted to the last byte, no file written${gzip ? ' (gzip, decoded)' : ''}`, async () => {
      const dir = join(bodyDir, `preview-only${gzip ? '-gzip' : ''}`);
      const size = 3 * 1024 * 1024 + 12345;
      const rec = await send({ method: 'GET', url: `${server.url}/pattern?size=${size}${gzip ? '&gzip' : ''}` },
        { inlineBodyLimit: 100 * 1024 }, { bodyDir: dir, previewOnly: true });
      expect(rec.body.kind).toBe('preview');
      if (rec.body.kind !== 'preview') return;
      expect(rec.body.encoding).toBe('base64');
      // the preview is the body's start as the server generated it
      expect(Buffer.from(rec.body.preview, 'base64').equals(pattern(size).subarray(0, 64 * 1024))).toBe(true);
      expect(rec.size.bodyDecoded).toBe(size);
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    });
  }

  it('previewOnly hands every 4 MiB let go to the installed collector (the CLI: a young-generation gc)', async () => {
    const young = youngCollector();
    let calls = 0;
    setLetGoCollector(() => { calls += 1; young(); });
    try {
      const rec = await send({ method: 'GET', url: `${server.url}/?size=${40 * 1024 * 1024}` }, undefined, { bodyDir, previewOnly: true });
      expect(rec.body.kind).toBe('preview');
      expect(rec.size.bodyDecoded).toBe(40 * 1024 * 1024);
    } finally {
      setLetGoCollector(null);
    }
    // 40 MiB less the 64 KiB preview it keeps: nine whole 4 MiB let go
    expect(calls).toBe(9);
  });

  it('previewOnly leaves a body under the in-memory limit whole', async () => {
    const rec = await send({ method: 'GET', url: `${server.url}/?size=1000` }, { inlineBodyLimit: 1000 }, { bodyDir, previewOnly: true });
    expect(rec.body.kind).toBe('inline');
    if (rec.body.kind === 'inline') expect(rec.body.data).toHaveLength(1000);
  });

  it('previewOnly still enforces maxBodyBytes', async () => {
    const f = await failureOf(send({ method: 'GET', url: `${server.url}/?size=${5 * 1024 * 1024}` },
      { inlineBodyLimit: 1024, maxBodyBytes: 1024 * 1024 }, { bodyDir, previewOnly: true }), 'body-too-large');
    expect(f.message).toContain(String(1024 * 1024));
  });

  it('maxBodyBytes refuses a body past the cap and removes the partial file', async () => {
    const capDir = join(bodyDir, 'cap');
    const f = await failureOf(send({ method: 'GET', url: `${server.url}/?size=${5 * 1024 * 1024}` },
      { inlineBodyLimit: 1024, maxBodyBytes: 1024 * 1024 }, { bodyDir: capDir }), 'body-too-large');
    expect(f.message).toContain(String(1024 * 1024));
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(capDir) ? readdirSync(capDir) : []).toEqual([]);
  });

  it('streams 1 GiB to disk with bounded memory', async () => {
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    try {
      const rec = await send({ method: 'GET', url: `${server.url}/?size=${GiB}` }, undefined, { bodyDir });
      expect(rec.body.kind).toBe('file');
      if (rec.body.kind !== 'file') return;
      expect(statSync(rec.body.path).size).toBe(GiB);
      expect(rec.size.bodyDecoded).toBe(GiB);
      rmSync(rec.body.path);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - rss).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('has a default body directory under the temp dir', () => {
    expect(bodyDirectory()).toBe(join(tmpdir(), 'clearance-bodies'));
  });
});
