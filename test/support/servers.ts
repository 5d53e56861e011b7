import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps, type ServerOptions } from 'node:https';
import type { Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  server: Server;
  port: number;
  /** http://127.0.0.1:port or https://localhost:port */
  url: string;
  /** TCP connections accepted so far */
  connections: number;
  close: () => Promise<void>;
}

async function start(server: Server, scheme: string, host: string): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const ts: TestServer = { server, port: 0, url: '', connections: 0, close: async () => {} };
  server.on('connection', (s: Socket) => {
    ts.connections++;
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ts.port = (server.address() as { port: number }).port;
  ts.url = `${scheme}://${host}:${ts.port}`;
  ts.close = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return ts;
}

export function startHttp(handler: Handler): Promise<TestServer> {
  return start(createHttp(handler), 'http', '127.0.0.1');
}

export function startHttps(options: ServerOptions, handler: Handler): Promise<TestServer> {
  return start(createHttps(options, handler), 'https', 'localhost');
}

/** Reads a request body fully. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
