// Real local servers that fail in every way issue 14 lists, for the built CLI to meet: node:http
// for what HTTP can express, a raw TCP server for what it cannot (broken heads), node:https and
// node:http2 for the TLS and HTTP/2 faults. Shared by test/integration/reliability/faults-cli.test.ts
// and bench/faults.ts (which adds the max RSS of each `clearance send`).
import { createServer as createTcp, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { constants as h2, createSecureServer, type Http2SecureServer, type ServerHttp2Session } from 'node:http2';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { makeCerts, read, type TestCerts } from './certs';
import { startHttp, startHttps, type Handler, type TestServer } from './servers';

const GiB = 1024 ** 3;

/** `total` bytes of zeros made on demand with backpressure: neither side ever holds them. */
export function zeros(total: number): Readable {
  let sent = 0;
  const chunk = Buffer.alloc(1024 * 1024);
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** Routes of the node:http server: each path one fault (or a big body). */
const httpFaults: Handler = (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  switch (path) {
    case '/reset-before-headers': return void req.socket.destroy();
    case '/reset-mid-body':
      res.writeHead(200, { 'Content-Length': '200000' });
      res.write(Buffer.alloc(100_000, 'a'));
      return void setTimeout(() => res.socket?.destroy(), 50);
    // Holds the request open and never answers; the socket goes when the client or close() ends it.
    case '/never': return;
    case '/loop-a': return void res.writeHead(302, { Location: '/loop-b' }).end();
    case '/loop-b': return void res.writeHead(302, { Location: '/loop-a' }).end();
    case '/to-ftp': return void res.writeHead(302, { Location: 'ftp://127.0.0.1/pub/file.txt' }).end();
    case '/to-file': return void res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    case '/gzip-bomb':
      // 10 GB of zeros, gzipped as they are read: about 10 MB on the wire if the client read it all.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip' });
      return void zeros(10 * GiB).pipe(createGzip({ level: 9 })).pipe(res);
    case '/one-gib':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(GiB) });
      return void zeros(GiB).pipe(res);
    case '/oversized':
      // Announces 5 GiB, over the engine's 4 GiB default cap.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(5 * GiB) });
      return void zeros(5 * GiB).pipe(res);
    default: res.end('ok');
  }
};

/** Heads no HTTP library would write: what the raw server answers on each path. */
function rawAnswer(path: string, socket: Socket): void {
  switch (path) {
    case '/reset-mid-headers':
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/pl');
      return void setTimeout(() => socket.resetAndDestroy(), 50);
    case '/headers-never-end': {
      // One more header line every 100 ms, never the blank line; bounded to 10 minutes.
      socket.write('HTTP/1.1 200 OK\r\n');
      let n = 0;
      const drip = setInterval(() => {
        if (socket.destroyed || ++n > 6000) return void clearInterval(drip);
        socket.write(`X-Drip-${n}: still coming\r\n`);
      }, 100);
      return void socket.once('close', () => clearInterval(drip));
    }
    case '/huge-header':
      return void socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(10 * 1024 * 1024)}\r\nContent-Length: 0\r\n\r\n`);
    case '/bad-chunk':
      return void socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n');
    default:
      return void socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  }
}

export interface FaultServers {
  http: TestServer;
  raw: { url: string; requests: string[] };
  tls: { oldVersion: TestServer; cipher: TestServer; expired: TestServer; wrongHost: TestServer };
  h2: { url: string; streamsReset: number };
  certs: TestCerts;
  /** request lines the node:http server saw, in order */
  seen: string[];
  close(): Promise<void>;
}

async function startRaw(requests: string[]): Promise<{ server: TcpServer; url: string; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createTcp((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => { /* a client that gave up resets the socket: that is the point of these faults */ });
    socket.once('data', (chunk: Buffer) => {
      const line = chunk.toString('latin1').split('\r\n')[0] ?? '';
      requests.push(line);
      rawAnswer(line.split(' ')[1] ?? '/', socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

interface H2Running { server: Http2SecureServer; url: string; sessions: Set<ServerHttp2Session> }

async function startResettingH2(certs: TestCerts, state: { streamsReset: number }): Promise<H2Running> {
  const server = createSecureServer({ cert: read(certs.server.cert), key: read(certs.server.key) });
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (s: ServerHttp2Session) => {
    sessions.add(s);
    s.once('close', () => sessions.delete(s));
  });
  server.on('stream', (stream) => {
    state.streamsReset++;
    stream.on('error', () => { /* the stream's own reset, reported back to the server: expected */ });
    stream.close(h2.NGHTTP2_INTERNAL_ERROR);
  });
  server.on('sessionError', () => { /* the client may drop the session after the reset: expected */ });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `https://localhost:${(server.address() as AddressInfo).port}`, sessions };
}

export async function startFaultServers(): Promise<FaultServers> {
  const certs = makeCerts();
  const seen: string[] = [];
  const http = await startHttp((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    httpFaults(req, res);
  });
  const requests: string[] = [];
  const raw = await startRaw(requests);
  const pair = (p: { cert: string; key: string }): { cert: string; key: string } => ({ cert: read(p.cert), key: read(p.key) });
  const ok: Handler = (_req, res) => res.end('tls ok');
  const tls = {
    // TLS 1.0-1.1 only (OpenSSL 3 needs security level 0 to offer them at all).
    oldVersion: await startHttps({ ...pair(certs.server), minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }, ok),
    // TLS 1.2 with a Camellia suite only, which Node's default list leaves out.
    cipher: await startHttps({ ...pair(certs.server), maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-CAMELLIA256-SHA384' }, ok),
    expired: await startHttps(pair(certs.expired), ok),
    wrongHost: await startHttps(pair(certs.wrongHost), ok),
  };
  const h2State = { streamsReset: 0 };
  const h2Server = await startResettingH2(certs, h2State);
  const h2View = {
    url: h2Server.url,
    get streamsReset() { return h2State.streamsReset; },
  };
  return {
    http, raw: { url: raw.url, requests }, tls, h2: h2View, certs, seen,
    async close() {
      await http.close();
      for (const s of raw.sockets) s.destroy();
      await new Promise((resolve) => raw.server.close(resolve));
      for (const s of Object.values(tls)) await s.close();
      for (const s of h2Server.sessions) s.destroy();
      await new Promise((resolve) => h2Server.server.close(resolve));
      certs.cleanup();
    },
  };
}
