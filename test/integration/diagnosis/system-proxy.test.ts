// The system proxy: a real Squid stands for the corporate proxy named in http_proxy, and the API
// refuses this machine's direct requests (no `Via` from the proxy) but accepts them through it. The
// engine never reads the environment, so the user's direct send is refused; the probe reads the
// environment given to the diagnosis (no global is touched), tries the proxy, and its fix.curl
// carries -x and succeeds as printed. no_proxy is respected.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closePools } from '../../../electron/engine';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { systemProxyFor } from '../../../electron/diagnosis/probes/system-proxy.probe';
import { startSquid, type RunningSquid } from '../../support/squid';
import { startHttp, type TestServer } from '../../support/servers';
import { curlStatus, expectSafe, type Seen } from './helpers';

let squid: RunningSquid;
let api: TestServer;
const seen: Seen[] = [];

beforeAll(async () => {
  squid = await startSquid('corp', 'proxy-pass-42');
  api = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    // The API's allow-list holds the proxy's egress, not this machine: what came direct has no Via.
    if (!/squid/i.test(String(req.headers.via ?? ''))) {
      return void res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden: your IP address is not allowed to access this resource');
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
  });
}, 30_000);
afterAll(async () => {
  await closePools();
  await Promise.all([api.close(), squid.stop()]);
});
beforeEach(() => { seen.length = 0; });

const proxyUrl = (): string => `http://corp:proxy-pass-42@127.0.0.1:${squid.port}`;

describe('system-proxy', () => {
  it('reads the proxy for the scheme, https falling back to http_proxy; no_proxy (with or without port) wins', () => {
    expect(systemProxyFor('http://api.example/x', { HTTP_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128');
    expect(systemProxyFor('http://api.example/x', { https_proxy: 'http://p:1' })).toBeNull();
    expect(systemProxyFor('https://api.example/x', { http_proxy: 'http://p:1', HTTPS_PROXY: 'http://q:2' })).toBe('http://q:2');
    expect(systemProxyFor('https://api.example/x', { http_proxy: 'http://p:1' })).toBe('http://p:1');
    expect(systemProxyFor('https://api.example/x', { http_proxy: 'http://p:1', no_proxy: 'localhost,.example' })).toBeNull();
    expect(systemProxyFor('https://api.example/x', { http_proxy: 'http://p:1', NO_PROXY: 'api.example:8443' })).toBe('http://p:1');
    expect(systemProxyFor('https://api.example:8443/x', { http_proxy: 'http://p:1', NO_PROXY: 'api.example:8443' })).toBeNull();
    expect(systemProxyFor('http://api.example/x', {})).toBeNull();
  });

  it('a direct request the API refuses by address: through the environment\'s proxy is the fix, fix.curl carries -x', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${api.url}/v1/items` } }, {},
      { environ: { http_proxy: proxyUrl(), no_proxy: 'localhost,.internal' } });
    expect(d.baseline.status).toBe(403);
    const probe = d.probes.find((p) => p.id === 'system-proxy:env');
    expect(probe).toMatchObject({ status: 200, flipped: true });
    expect(probe?.change).toBe(`through the system proxy http://127.0.0.1:${squid.port} (from the environment)`);
    expect(d.fix?.probe).toBe('system-proxy:env');
    expect(d.fix?.curl).toContain(`-x '${proxyUrl()}'`);
    // The proxy's password is only in the fix (which runs as printed), not in the notes.
    expect(JSON.stringify({ ...d, fix: null })).not.toContain('proxy-pass-42');
    // The direct requests had no Via; the proxied ones did (Squid, with its X-Forwarded-For, not a probe's).
    const direct = seen.filter((s) => !s.headers.via);
    const proxied = seen.filter((s) => s.headers.via);
    expect(proxied.length).toBeGreaterThanOrEqual(1);
    expectSafe(direct, 40);
    expect(proxied.every((s) => s.method === 'GET')).toBe(true);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
    // The user's own request, as curl sends it without the proxy, is still refused: the -x is the fix.
    expect(await curlStatus(`curl -s --noproxy '*' ${api.url}/v1/items`)).toBe('403');
  });

  it('no_proxy covering the host, or no proxy in the environment: the probe is not planned', async () => {
    for (const environ of [{ http_proxy: proxyUrl(), no_proxy: '127.0.0.1' }, {}]) {
      seen.length = 0;
      const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${api.url}/v1/items` } }, {}, { environ, maxProbes: 5 });
      expect(d.probes.some((p) => p.family === 'system-proxy')).toBe(false);
      expect(seen.some((s) => s.headers.via)).toBe(false);
    }
  });
});
