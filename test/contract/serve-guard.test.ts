import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services';
import { startServe, type RunningServer } from '../../electron/serve/server';

let serve: RunningServer;
let upstream: Server;
let upstreamUrl: string;
let staticDir: string;

/** Raw node:http so Host and Origin can be forged as an attacker's page or a rebinding DNS would. */
function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; json: unknown; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: serve.port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'clearance-static-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Clearance</title>');
  upstream = createServer((_req, res) => res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"Forbidden"}'));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/x`;
  serve = await startServe({ handlers: createHandlers({ transport: 'http', version: 't' }), staticDir });
});

afterAll(async () => {
  await serve.close();
  await new Promise((r) => upstream.close(r));
  await rm(staticDir, { recursive: true, force: true });
});

describe('clearance serve guards', () => {
  const sendArgs = () => JSON.stringify({ request: { method: 'GET', url: upstreamUrl } });

  it('binds loopback and prints a URL with a token', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers a call with the right token through the same send path', async () => {
    const res = await call('/rpc/requests.send', { headers: { ...json, 'x-clearance-token': serve.token }, body: sendArgs() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, value: { status: 403 } });
  });

  it('refuses a call without the token', async () => {
    const res = await call('/rpc/requests.send', { headers: json, body: sendArgs() });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'missing-token' } });
  });

  it('refuses a wrong token', async () => {
    const res = await call('/rpc/requests.send', { headers: { ...json, 'x-clearance-token': serve.token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) }, body: sendArgs() });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'wrong-token' } });
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await call('/rpc/requests.send', { headers: { ...json, 'x-clearance-token': serve.token, origin: 'https://evil.example' }, body: sendArgs() });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'foreign-origin' } });
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const res = await call('/', { method: 'GET', headers: { host: `evil.example:${serve.port}` } });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'foreign-host' } });
  });

  it('allows its own Origin, rejects unknown channels and bad arguments', async () => {
    const own = { ...json, 'x-clearance-token': serve.token, origin: `http://127.0.0.1:${serve.port}` };
    expect((await call('/rpc/app.info', { headers: own, body: '{}' })).json).toMatchObject({ ok: true, value: { transport: 'http' } });
    expect((await call('/rpc/fs.read', { headers: own, body: '{}' })).status).toBe(404);
    expect((await call('/rpc/requests.send', { headers: own, body: '{"request":{"url":5}}' })).json).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect((await call('/rpc/requests.send', { headers: own, body: '{oops' })).status).toBe(400);
  });

  it('serves the UI with a strict CSP and never outside its folder', async () => {
    const page = await call('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect((await call('/../../etc/passwd', { method: 'GET' })).status).toBe(404);
    expect((await call('/%2e%2e/%2e%2e/etc/passwd', { method: 'GET' })).status).toBe(404);
  });
});
