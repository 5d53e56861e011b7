// HTTP/2 wire truth against a Node http2 server: what it received (req.httpVersion, req.rawHeaders,
// a stream's reset code) is compared with what the engine says it sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, createSecureServer, type Http2SecureServer, type Http2ServerRequest } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closePools, send } from '../../../electron/engine';
import { makeCerts, read, type TestCerts } from '../../support/certs';
import { readBody } from '../../support/servers';
import { failureOf } from '../../support/failure';
import type { IncomingMessage } from 'node:http';

interface Seen { version: string; raw: string[]; body: string }

let certs: TestCerts;
let server: Http2SecureServer;
let url: string;
let sessions = 0;
const seen = new Map<string, Seen>();
let stalled: { version: string; reset: Promise<{ aborted: boolean; rstCode: number; ended: boolean }> } | undefined;

beforeAll(async () => {
  certs = makeCerts();
  // allowHTTP1: the same server answers the HTTP/1.1 fallbacks, so the version it saw is the proof.
  server = createSecureServer({ cert: read(certs.server.cert), key: read(certs.server.key), allowHTTP1: true }, (req, res) => {
    if (req.url === '/stall') {
      const stream = req.stream;
      let aborted = false;
      stream.once('aborted', () => { aborted = true; });
      stalled = { version: req.httpVersion, reset: new Promise((resolve) => stream.once('close', () => resolve({ aborted, rstCode: stream.rstCode, ended: res.writableEnded }))) };
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      return;
    }
    void readBody(req as unknown as IncomingMessage).then((body) => {
      seen.set(req.url, { version: req.httpVersion, raw: (req as Http2ServerRequest).rawHeaders, body: body.toString() });
      res.end('ok');
    });
  });
  server.on('session', () => { sessions++; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closePools();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  certs?.cleanup();
});

const tls = () => ({ ca: certs.caPem });
const pairs = (raw: string[]): Array<[string, string]> => raw.flatMap((v, i) => (i % 2 === 0 ? [[v, raw[i + 1]!] as [string, string]] : []));

describe('HTTP/2 wire view (Node http2 server)', () => {
  it('lists exactly the fields the server received, in order', async () => {
    const headers = [
      { name: 'X-Trace', value: 'a', enabled: true }, { name: 'X-Trace', value: 'b', enabled: true },
      { name: 'Cookie', value: 'k=v', enabled: true }, { name: 'Authorization', value: 'Bearer t', enabled: true },
    ];
    const rec = await send({ method: 'POST', url: `${url}/wire?q=1`, headers, body: { kind: 'json', text: '{"a":1}' } }, { tls: tls() });
    const got = seen.get('/wire?q=1')!;
    expect(got.version).toBe('2.0');
    expect(got.body).toBe('{"a":1}');
    expect(rec.httpVersion).toBe('2');
    expect(rec.wire.requestLine).toBe('POST /wire?q=1 HTTP/2');
    expect(rec.wire.headers.map((h) => [h.name, h.value])).toEqual(pairs(got.raw));
    expect(rec.wire.headers.find((h) => h.name === 'x-trace')).toMatchObject({ value: 'a, b', origin: 'user' });
    expect(rec.wire.headers.find((h) => h.name === 'content-length')).toMatchObject({ value: '7', origin: 'computed' });
  });

  it('streams a file body over h2 with its length', async () => {
    const file = join(certs.dir, 'upload.bin');
    const bytes = Buffer.alloc(200_000, 'u');
    writeFileSync(file, bytes);
    const rec = await send({ method: 'PUT', url: `${url}/upload`, body: { kind: 'binary', file, contentType: 'application/octet-stream' } }, { tls: tls() });
    const got = seen.get('/upload')!;
    expect(got.version).toBe('2.0');
    expect(got.body).toBe(bytes.toString());
    expect(pairs(got.raw)).toContainEqual(['content-length', '200000']);
    expect(rec.wire.headers.map((h) => [h.name, h.value])).toEqual(pairs(got.raw));
  });

  it('a Host header becomes :authority', async () => {
    const rec = await send({ method: 'GET', url: `${url}/host`, headers: [{ name: 'Host', value: 'api.example', enabled: true }] }, { tls: tls() });
    expect(pairs(seen.get('/host')!.raw)[0]).toEqual([':authority', 'api.example']);
    expect(rec.wire.headers[0]).toMatchObject({ name: ':authority', value: 'api.example', origin: 'user' });
  });

  it('auto keeps HTTP/1.1 for a name written twice in different cases; 2 joins them into one field', async () => {
    const headers = [{ name: 'Accept', value: 'text/plain', enabled: true }, { name: 'accept', value: 'application/json', enabled: true }];
    const h1 = await send({ method: 'GET', url: `${url}/cases-auto`, headers }, { tls: tls() });
    expect(seen.get('/cases-auto')!.version).toBe('1.1');
    expect(h1.wire.requestLine).toBe('GET /cases-auto HTTP/1.1');
    const h2 = await send({ method: 'GET', url: `${url}/cases-2`, headers }, { tls: tls(), httpVersion: '2' });
    expect(seen.get('/cases-2')!.version).toBe('2.0');
    const accept = pairs(seen.get('/cases-2')!.raw).filter(([k]) => k === 'accept');
    expect(accept).toEqual([['accept', 'text/plain, application/json']]);
    expect(h2.wire.headers.filter((h) => h.name === 'accept').map((h) => h.value)).toEqual(['text/plain, application/json']);
  });

  it('cancelling resets the stream (the server sees it aborted mid-response) and keeps the connection', async () => {
    const before = sessions;
    const ac = new AbortController();
    const p = send({ method: 'GET', url: `${url}/stall` }, { tls: tls(), httpVersion: '2' }, {
      signal: ac.signal,
      onEvent: (e) => { if (e.type === 'header.in') ac.abort(); },
    });
    await failureOf(p, 'cancelled');
    expect(stalled!.version).toBe('2.0');
    // undici closes the stream with RST_STREAM NO_ERROR (not CANCEL): the server's stream is aborted before it ended.
    expect(await stalled!.reset).toEqual({ aborted: true, rstCode: constants.NGHTTP2_NO_ERROR, ended: false });
    const next = await send({ method: 'GET', url: `${url}/after-cancel` }, { tls: tls(), httpVersion: '2' });
    expect(next.status).toBe(200);
    expect(next.timeline.find((e) => e.type === 'connect')).toMatchObject({ reused: true });
    expect(sessions - before).toBeLessThanOrEqual(1);
  });
});
