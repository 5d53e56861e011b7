// HTTP/2 in the engine against a real nginx: the truth is nginx's `$server_protocol` in its access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closePools, send } from '../../../electron/engine';
import { makeCerts, read, type TestCerts } from '../../support/certs';
import { startNginxH2, type NginxH2 } from '../../support/nginx-h2';
import { startHttp, startHttps, type TestServer } from '../../support/servers';
import { startSquid, type RunningSquid } from '../../support/squid';
import { failureOf } from '../../support/failure';

let certs: TestCerts;
let nginx: NginxH2;
let onlyH1: TestServer;
let onlyH1Plain: TestServer;
let squid: RunningSquid;
let bodyDir: string;
let h1Requests = 0;
const json = JSON.stringify({ items: Array.from({ length: 3000 }, (_, i) => ({ i, name: `item ${i}` })) });
const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'h');
big.write('BEGIN', 0);

beforeAll(async () => {
  certs = makeCerts();
  bodyDir = mkdtempSync(join(tmpdir(), 'clearance-h2-bodies-'));
  nginx = await startNginxH2(certs.server, { 'data.json': json, 'big.bin': big });
  const count = (_req: unknown, res: { end: (s: string) => void }): void => {
    h1Requests++;
    res.end('http/1.1 only');
  };
  onlyH1 = await startHttps({ cert: read(certs.server.cert), key: read(certs.server.key) }, count);
  onlyH1Plain = await startHttp(count);
  squid = await startSquid('alice', 's3cret');
});
afterAll(async () => {
  await closePools();
  await nginx?.stop();
  await onlyH1?.close();
  await onlyH1Plain?.close();
  await squid?.stop();
  rmSync(bodyDir, { recursive: true, force: true });
  certs?.cleanup();
});

const tls = () => ({ ca: certs.caPem });
const logged = async (uri: string): Promise<string> => (await nginx.logged(uri)).split(' ')[2]!;

describe('HTTP versions against nginx', () => {
  it('auto negotiates h2 by ALPN: nginx logs HTTP/2.0, the record and the wire say 2', async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/final?v=auto` }, { tls: tls() });
    expect(await logged('/final?v=auto')).toBe('HTTP/2.0');
    expect(rec.status).toBe(200);
    expect(rec.httpVersion).toBe('2');
    expect(rec.statusText).toBe('');
    expect(rec.timeline.find((e) => e.type === 'tls')).toMatchObject({ alpn: 'h2', servername: 'localhost' });
    expect(rec.timings.tls).toBeGreaterThan(0);
    expect(rec.timings.connect).not.toBeNull();
    expect(rec.wire.requestLine).toBe('GET /final?v=auto HTTP/2');
    const names = rec.wire.headers.map((h) => h.name);
    expect(names.slice(0, 4)).toEqual([':authority', ':method', ':path', ':scheme']);
    expect(names).not.toContain('connection');
    expect(names).not.toContain('host');
    expect(names.every((n) => n === n.toLowerCase())).toBe(true);
    expect(rec.wire.headers.find((h) => h.name === ':authority')!.value).toBe(new URL(nginx.url).host);
    const out = rec.timeline.filter((e) => e.type === 'header.out').map((e) => e.type === 'header.out' && e.name);
    expect(out).toEqual(names);
  });

  it("'1.1' offers only http/1.1: nginx logs HTTP/1.1", async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/final?v=11` }, { tls: tls(), httpVersion: '1.1' });
    expect(await logged('/final?v=11')).toBe('HTTP/1.1');
    expect(rec.httpVersion).toBe('1.1');
    expect(rec.statusText).toBe('OK');
    expect(rec.timeline.find((e) => e.type === 'tls')).toMatchObject({ alpn: 'http/1.1' });
    expect(rec.wire.requestLine).toBe('GET /final?v=11 HTTP/1.1');
    expect(rec.wire.headers.slice(0, 2).map((h) => h.name)).toEqual(['host', 'connection']);
  });

  it("'2' succeeds where h2 is offered", async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/final?v=2` }, { tls: tls(), httpVersion: '2' });
    expect(await logged('/final?v=2')).toBe('HTTP/2.0');
    expect(rec.httpVersion).toBe('2');
  });

  it("'2' against an https server that speaks only HTTP/1.1 fails clearly, and no request reaches it", async () => {
    const before = h1Requests;
    const f = await failureOf(send({ method: 'GET', url: `${onlyH1.url}/` }, { tls: tls(), httpVersion: '2' }), 'http2-unsupported');
    expect(f.message).toMatch(/HTTP\/2 was required, but localhost:\d+ did not agree to it: its TLS handshake chose (ALPN http\/1\.1|no ALPN protocol)/);
    expect(f.info.remedy).toContain('auto');
    expect(h1Requests).toBe(before);
    const auto = await send({ method: 'GET', url: `${onlyH1.url}/` }, { tls: tls() });
    expect(auto.httpVersion).toBe('1.1');
    expect(h1Requests).toBe(before + 1);
  });

  it("'2' on http:// sends HTTP/2 with prior knowledge (h2c)", async () => {
    const rec = await send({ method: 'GET', url: `${nginx.h2cUrl}/plain?v=h2c` }, { httpVersion: '2' });
    expect(await logged('/plain?v=h2c')).toBe('HTTP/2.0');
    expect(rec.httpVersion).toBe('2');
    expect(rec.body).toMatchObject({ data: 'h2c ok\n' });
    expect(rec.wire.headers.find((h) => h.name === ':scheme')!.value).toBe('http');
    expect(rec.timeline.some((e) => e.type === 'tls')).toBe(false);
  });

  it("'2' on http:// against an HTTP/1.1-only server fails clearly", async () => {
    const f = await failureOf(send({ method: 'GET', url: `${onlyH1Plain.url}/` }, { httpVersion: '2' }), 'http2-unsupported');
    expect(f.message).toContain('prior knowledge (h2c)');
  });

  it('follows a redirect over h2, on the same connection', async () => {
    // Its own connect timeout gives it a pool of its own: the first hop opens the connection.
    const options = { tls: tls(), httpVersion: '2', redirects: { follow: true }, timeouts: { connectMs: 9_999 } } as const;
    const rec = await send({ method: 'GET', url: `${nginx.url}/redirect` }, options);
    expect(await logged('/redirect')).toBe('HTTP/2.0');
    expect(await logged('/final')).toBe('HTTP/2.0');
    expect(rec.status).toBe(200);
    expect(rec.redirects).toHaveLength(1);
    expect(rec.wire.requestLine).toBe('GET /final HTTP/2');
    expect(rec.timeline.filter((e) => e.type === 'connect').map((e) => e.type === 'connect' && e.reused)).toEqual([false, true]);
  });

  it('streams a big body to disk over h2', async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/big.bin` }, { tls: tls(), inlineBodyLimit: 1000 }, { bodyDir });
    expect(await logged('/big.bin')).toBe('HTTP/2.0');
    expect(rec.httpVersion).toBe('2');
    expect(rec.body.kind).toBe('file');
    if (rec.body.kind !== 'file') return;
    expect(readFileSync(rec.body.path).equals(big)).toBe(true);
    expect(rec.size.bodyDecoded).toBe(big.length);
  });

  it('decompresses a gzip body over h2', async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/data.json` }, { tls: tls() });
    expect(await logged('/data.json')).toBe('HTTP/2.0');
    expect(rec.headers.find(([k]) => k === 'content-encoding')?.[1]).toBe('gzip');
    expect(rec.body).toEqual({ kind: 'inline', encoding: 'utf8', data: json });
    expect(rec.size.bodyWire).toBeLessThan(rec.size.bodyDecoded);
  });

  it('auto keeps HTTP/1.1 for a header HTTP/2 forbids, and sends it', async () => {
    const rec = await send({ method: 'GET', url: `${nginx.url}/echo?v=te-auto`, headers: [{ name: 'TE', value: 'gzip', enabled: true }] }, { tls: tls() });
    expect(await logged('/echo?v=te-auto')).toBe('HTTP/1.1');
    expect(rec.body).toMatchObject({ data: 'te=gzip pc=\n' });
    expect(rec.httpVersion).toBe('1.1');
    expect(rec.timeline.some((e) => e.type === 'info' && e.message.includes('HTTP/1.1 used') && e.message.includes('TE'))).toBe(true);
  });

  it("'2' drops connection-specific headers, says so, and the wire view does not list them", async () => {
    const headers = [{ name: 'TE', value: 'gzip', enabled: true }, { name: 'Proxy-Connection', value: 'keep-alive', enabled: true }];
    const rec = await send({ method: 'GET', url: `${nginx.url}/echo?v=te-2`, headers }, { tls: tls(), httpVersion: '2' });
    expect(await logged('/echo?v=te-2')).toBe('HTTP/2.0');
    expect(rec.body).toMatchObject({ data: 'te= pc=\n' });
    expect(rec.wire.headers.map((h) => h.name)).not.toContain('te');
    const notes = rec.timeline.filter((e) => e.type === 'info').map((e) => e.type === 'info' && e.message);
    expect(notes).toEqual(expect.arrayContaining([expect.stringContaining('Header TE is connection-specific'), expect.stringContaining('Header Proxy-Connection')]));
  });

  it('h2 through an HTTP CONNECT tunnel (squid): TLS and ALPN are end to end', async () => {
    const proxy = { url: squid.url, username: 'alice', password: 's3cret' };
    const rec = await send({ method: 'GET', url: `${nginx.url}/final?v=tunnel` }, { tls: tls(), proxy });
    expect(await logged('/final?v=tunnel')).toBe('HTTP/2.0');
    expect(rec.httpVersion).toBe('2');
    expect(rec.timeline.find((e) => e.type === 'proxy')).toMatchObject({ tunnel: true });
    expect(rec.timeline.find((e) => e.type === 'tls')).toMatchObject({ alpn: 'h2' });
  });

  it("'2' refuses an http:// URL that would go through a forward proxy", async () => {
    const f = await failureOf(send({ method: 'GET', url: `${nginx.h2cUrl}/plain?v=fwd` }, { httpVersion: '2', proxy: { url: squid.url } }), 'http2-unsupported');
    expect(f.message).toContain('forward proxy');
    expect(nginx.log().some((l) => l.includes('v=fwd'))).toBe(false);
  });
});
