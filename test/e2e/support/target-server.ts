// The API under test: a tiny node:http server on 127.0.0.1 with the routes the e2e specs call.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TargetServer {
  base: string;
  /** Port where nothing listens (bound then closed), for connection-refused. */
  closedPort: number;
  stop(): Promise<void>;
}

export const BIG_BODY_BYTES = 5 * 1024 * 1024;
/** Multi-byte characters, so preview and page boundaries fall inside a character. */
export const UTF8_LINE = 'héllo wörld — ünïcode ✓ 日本語 0123456789\n';

function bigBody(): Buffer {
  const line = 'line of a big response body, streamed to disk by the engine 0123456789\n';
  return Buffer.from(line.repeat(Math.ceil(BIG_BODY_BYTES / line.length)).slice(0, BIG_BODY_BYTES));
}

function json(headers: IncomingHttpHeaders, extra: object): string {
  return JSON.stringify({ ...extra, receivedHeaders: headers }, null, 0);
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function startTargetServer(): Promise<TargetServer> {
  const big = bigBody();
  const bigUtf8 = Buffer.from(UTF8_LINE.repeat(Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(UTF8_LINE))));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'e2e-target' });
      res.end(json(req.headers, { message: 'hello from the target', ok: true }));
    } else if (path === '/forbidden') {
      res.writeHead(403, { 'content-type': 'application/json', server: 'e2e-gateway/1.0' });
      res.end(JSON.stringify({ error: 'forbidden', message: 'You cannot consume this service' }));
    } else if (path === '/redirect') {
      res.writeHead(302, { location: '/ok', 'content-type': 'text/plain' });
      res.end('moved to /ok');
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(big.length) });
      res.end(big);
    } else if (path === '/big-utf8') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(bigUtf8);
    } else if (path === '/slow') {
      const timer = setTimeout(() => { res.writeHead(200); res.end('late'); }, 10_000);
      res.on('close', () => clearTimeout(timer));
    } else if (path === '/echo') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(json(req.headers, { method: req.method, body: Buffer.concat(chunks).toString('utf8') }));
      });
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    closedPort: await freePort(),
    stop: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
