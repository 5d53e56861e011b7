// The app's settings end to end through the real handler map (what IPC and serve register): stored
// atomically in settings.json, validated, and applied by the window's sends — an HTTP/2 server sees
// HTTP/2, a proxy receives the request, a CA file makes a private certificate trusted — and by the
// history, which keeps only historySize entries.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createH2, type Http2Server, type ServerHttp2Session } from 'node:http2';
import { rootCertificates } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handler, Result } from '../../../shared/contract';
import { createHandlers } from '../../../electron/services';
import { sendDefaults } from '../../../electron/settings/send-defaults';
import { SettingsStore } from '../../../electron/settings/settings-store';
import { HistoryStore } from '../../../electron/workspace/history';
import { makeCerts, type TestCerts } from '../../support/certs';
import { startHttp, startHttps, type TestServer } from '../../support/servers';

let home: string;
let handlers: Map<string, Handler>;
let history: HistoryStore;
let plain: TestServer;
let h2: Http2Server;
let h2Port: number;
const h2Sessions = new Set<ServerHttp2Session>();
let proxy: TestServer;
let tlsServer: TestServer;
let certs: TestCerts;
const seen: { plain: Array<{ url: string; version: string }>; h2: string[]; proxy: string[] } = { plain: [], h2: [], proxy: [] };

async function call<T = unknown>(channel: string, args: unknown): Promise<Result<T>> {
  const h = handlers.get(channel);
  if (!h) throw new Error(`no handler for ${channel}`);
  return (await h(args)) as Result<T>;
}

async function ok<T = unknown>(channel: string, args: unknown): Promise<T> {
  const r = await call<T>(channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const send = (url: string, options?: unknown) => ok<{ status: number; httpVersion?: string }>('requests.send',
  { request: { method: 'GET', url }, ...(options ? { options } : {}) });

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'clearance-settings-'));
  certs = makeCerts();
  plain = await startHttp((req, res) => {
    seen.plain.push({ url: req.url ?? '', version: req.httpVersion });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('plain');
  });
  h2 = createH2((req, res) => {
    seen.h2.push(req.httpVersion);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('h2');
  });
  h2.on('session', (s) => h2Sessions.add(s));
  await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r));
  h2Port = (h2.address() as AddressInfo).port;
  // A forward proxy that answers itself: an absolute-form request line proves the client used it.
  proxy = await startHttp((req, res) => {
    seen.proxy.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('via proxy');
  });
  tlsServer = await startHttps({ cert: readFileSync(certs.server.cert), key: readFileSync(certs.server.key) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('private CA');
  });
});

afterAll(async () => {
  await plain.close();
  await proxy.close();
  await tlsServer.close();
  // The client keeps its HTTP/2 session open: close() alone would wait for it.
  for (const s of h2Sessions) s.destroy();
  await new Promise<void>((r) => h2.close(() => r()));
  certs.cleanup();
  rmSync(home, { recursive: true, force: true });
});

beforeEach(() => {
  const settings = new SettingsStore(join(home, 'settings.json'));
  rmSync(join(home, 'settings.json'), { force: true });
  history = new HistoryStore({ dir: join(home, 'history'), origin: 'app', maxEntries: async () => (await settings.get()).historySize });
  handlers = createHandlers({ transport: 'http', version: 'test', settingsStore: settings, historyStore: history, bodyDir: join(home, 'bodies') });
  seen.plain.length = 0;
  seen.h2.length = 0;
  seen.proxy.length = 0;
});

describe('settings store', () => {
  it('starts from the defaults, saves atomically and a new process reads what was saved', async () => {
    expect(await ok('settings.get', {})).toEqual({ theme: 'system', httpVersion: 'auto', proxy: null, caFile: null, historySize: 1000 });
    const saved = await ok('settings.set', { patch: { theme: 'dark', historySize: 50 } });
    expect(saved).toMatchObject({ theme: 'dark', historySize: 50, httpVersion: 'auto' });
    const file = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
    expect(file).toMatchObject({ theme: 'dark', historySize: 50 });
    expect(await new SettingsStore(join(home, 'settings.json')).get()).toEqual(saved);
  });

  it('refuses what is not a setting, a bad value or a proxy with credentials, and keeps the file as it was', async () => {
    await ok('settings.set', { patch: { historySize: 20 } });
    for (const patch of [{ historySize: 0 }, { colour: 'red' }, { httpVersion: '3' }, { proxy: { url: 'http://user:pw@proxy:3128' } },
      { proxy: { url: 'socks5://proxy:1080' } }, { caFile: join(home, 'missing.pem') }]) {
      const r = await call('settings.set', { patch });
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-arguments');
    }
    expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).historySize).toBe(20);
  });

  it('a settings file that is not valid is an error naming it, not the defaults in silence', async () => {
    writeFileSync(join(home, 'settings.json'), '{"historySize": "many"}');
    const r = await call('settings.get', {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('settings-unreadable');
      expect(r.error.message).toContain(join(home, 'settings.json'));
      expect(r.error.message).toContain('historySize');
    }
    // A send does not go out without the settings the user set: it says why.
    const sent = await call('requests.send', { request: { method: 'GET', url: `${plain.url}/x` } });
    expect(sent.ok).toBe(false);
    expect(seen.plain).toEqual([]);
  });
});

describe('settings applied by sends', () => {
  it('HTTP version: the server sees HTTP/2 when the default is 2; a request that says 1.1 keeps it', async () => {
    const url = `http://127.0.0.1:${h2Port}/v`;
    await ok('settings.set', { patch: { httpVersion: '2' } });
    await send(url);
    expect(seen.h2).toEqual(['2.0']);
    await send(`${plain.url}/v11`, { httpVersion: '1.1' });
    expect(seen.plain).toEqual([{ url: '/v11', version: '1.1' }]);
  });

  it('proxy: every send goes through it, except the hosts in its no-proxy list', async () => {
    await ok('settings.set', { patch: { proxy: { url: proxy.url, noProxy: ['localhost'] } } });
    const viaProxy = await send(`http://example.test:8080/through?x=1`);
    expect(viaProxy.status).toBe(200);
    expect(seen.proxy).toEqual(['http://example.test:8080/through?x=1']);
    await send(`${plain.url.replace('127.0.0.1', 'localhost')}/direct`);
    expect(seen.plain.map((s) => s.url)).toEqual(['/direct']);
  });

  it('CA file: a private certificate is trusted once its CA is set, added to the built-in roots', async () => {
    const url = `https://localhost:${tlsServer.port}/tls`;
    const before = await call('requests.send', { request: { method: 'GET', url } });
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error.code).toMatch(/^tls-/);
    await ok('settings.set', { patch: { caFile: certs.caPath } });
    expect((await send(url)).status).toBe(200);
    // Added, not instead: a bare CA option would make every public site untrusted.
    const { tls } = await sendDefaults(await new SettingsStore(join(home, 'settings.json')).get());
    expect(tls?.ca).toContain(rootCertificates[0]);
    expect(tls?.ca).toContain(certs.caPem.trim());
  });

  it('history size: only the newest entries stay, and a smaller size prunes at once', async () => {
    await ok('settings.set', { patch: { historySize: 3 } });
    for (let i = 1; i <= 5; i++) await send(`${plain.url}/h${i}`);
    const kept = await ok<{ entries: Array<{ url: string }> }>('history.list', { limit: 100 });
    expect(kept.entries.map((e) => new URL(e.url).pathname)).toEqual(['/h5', '/h4', '/h3']);
    await ok('settings.set', { patch: { historySize: 1 } });
    const after = await ok<{ entries: Array<{ url: string }> }>('history.list', { limit: 100 });
    expect(after.entries.map((e) => new URL(e.url).pathname)).toEqual(['/h5']);
  });
});
