import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler } from '../../shared/contract';
import type { EventHub } from '../services/event-hub';
import { streamEvents } from './event-stream';
import { checkHostAndOrigin, checkToken } from './guard';
import { serveStatic } from './static-files';

// Same CSP as the Electron window: the browser UI gets no remote content either.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
const MAX_ARGS_BYTES = 64 * 1024 * 1024;

export interface ServeOptions {
  handlers: Map<string, Handler>;
  staticDir: string;
  port?: number;
  token?: string;
  /** events pushed to the page at GET /events */
  events?: EventHub;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ARGS_BYTES) throw new Error('arguments too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? {} : JSON.parse(text);
}

/** The loopback transport: the renderer over HTTP, the contract at POST /rpc/<channel>. */
export async function startServe(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer(async (req, res) => {
    try {
      const guard = checkHostAndOrigin(req, port);
      if (guard) return sendJson(res, guard.status, { ok: false, error: { code: guard.code, message: guard.message } });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method-not-allowed', message: 'use POST' } });
        const tokenFail = checkToken(req, token);
        if (tokenFail) return sendJson(res, tokenFail.status, { ok: false, error: { code: tokenFail.code, message: tokenFail.message } });
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { code: 'unsupported-media-type', message: 'send application/json' } });
        }
        const handler = opts.handlers.get(url.pathname.slice('/rpc/'.length));
        if (!handler) return sendJson(res, 404, { ok: false, error: { code: 'unknown-channel', message: `no channel ${url.pathname.slice(5)}` } });
        let args: unknown;
        try {
          args = await readJson(req);
        } catch (err) {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid-json', message: (err as Error).message } });
        }
        return sendJson(res, 200, await handler(args));
      }
      if (url.pathname === '/events' && opts.events) {
        if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'method-not-allowed', message: 'use GET' } });
        const tokenFail = checkToken(req, token);
        if (tokenFail) return sendJson(res, tokenFail.status, { ok: false, error: { code: tokenFail.code, message: tokenFail.message } });
        return streamEvents(req, res, opts.events, SECURITY_HEADERS);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'method-not-allowed', message: 'GET only' } });
      if (!(await serveStatic(opts.staticDir, url.pathname, res, SECURITY_HEADERS))) {
        sendJson(res, 404, { ok: false, error: { code: 'not-found', message: url.pathname } });
      }
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: (err as Error).message } });
      else res.destroy();
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
