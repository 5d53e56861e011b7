// The demo API server: node:http on 127.0.0.1 (a random port unless one is asked for), answering
// the routes of ./routes. It keeps the last requests it saw so a test can check what arrived.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { route, type DemoState } from './routes';

export interface DemoHit {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface DemoServer {
  url: string;
  port: number;
  /** the requests it answered, oldest first (the last MAX_HITS) */
  hits: DemoHit[];
  close(): Promise<void>;
}

export interface DemoServerOptions {
  port?: number;
  /** the rate-limited route's window (default 30 s) */
  windowMs?: number;
  now?: () => number;
}

const MAX_HITS = 500;

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const now = opts.now ?? Date.now;
  const state: DemoState = { search: { endsAt: 0, coolUntil: 0, used: 0 }, windowMs: opts.windowMs ?? 30_000 };
  const hits: DemoHit[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const reply = route({
      method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers,
      remote: req.socket.remoteAddress ?? 'unknown', now: now(),
    }, state);
    hits.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search, headers: req.headers, status: reply.status });
    if (hits.length > MAX_HITS) hits.shift();
    // Request bodies are not read: drain them so keep-alive connections stay usable.
    req.resume();
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)) });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () => new Promise<void>((done, fail) => {
      server.closeAllConnections();
      server.close((err) => (err ? fail(err) : done()));
    }),
  };
}
