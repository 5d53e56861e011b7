// The diagnosis against small misconfigured gateways started here: it finds the change that turns
// the refusal into a 2xx (the printed curl really succeeds when run by curl), says so when nothing
// client-side can, and stays safe — the server checks every request it got: no unsafe method
// without permission, no spoofing header, no more requests than the budget.
import { execFile } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { startHttp, type TestServer } from '../../support/servers';

const run = promisify(execFile);
const KEY = 'demo-key-5e1f0a9c77';
let server: TestServer;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
let lastAllowed = 0;

function json(res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v1/orders') {
      // API Gateway style: the key must come in x-api-key.
      if (req.headers['x-api-key'] === KEY) return json(res, 200, { orders: [] });
      return json(res, 403, { message: 'Forbidden' }, { 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': '5b1e3c1a-aaaa-bbbb-cccc-0123456789ab' });
    }
    if (url.pathname === '/shop/cart') {
      // A bot rule: API clients' User-Agents are refused.
      if (/Mozilla\//.test(req.headers['user-agent'] ?? '')) return json(res, 200, { cart: [] });
      res.writeHead(403, { 'content-type': 'text/html' }).end('<html><head><title>Access denied</title></head><body><h1>Access denied</h1><p>Automated requests are not allowed. Reference #18.2f1b3c</p></body></html>');
      return;
    }
    if (url.pathname === '/internal/metrics') {
      res.writeHead(403, { 'content-type': 'text/html', server: 'nginx/1.22.1' }).end('<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n');
      return;
    }
    if (url.pathname === '/v1/search') {
      // One call per second: a refused call does not reset the window.
      if (Date.now() - lastAllowed < 1000) return json(res, 429, { message: 'API rate limit exceeded' }, { 'retry-after': '1', 'x-ratelimit-remaining': '0' });
      lastAllowed = Date.now();
      return json(res, 200, { results: [] });
    }
    json(res, 404, { message: 'not found' });
  });
});

afterAll(async () => { await server.close(); });
beforeEach(() => { seen.length = 0; });

const SPOOF = /^(x-forwarded-for|x-real-ip|x-original-url|x-rewrite-url|forwarded|x-client-ip|true-client-ip)$/i;

function expectSafe(budget: number): void {
  expect(seen.length).toBeLessThanOrEqual(budget + 1);
  expect(seen.filter((s) => !['GET', 'HEAD', 'OPTIONS'].includes(s.method))).toEqual([]);
  expect(seen.flatMap((s) => Object.keys(s.headers)).filter((h) => SPOOF.test(h))).toEqual([]);
}

describe('diagnose', () => {
  it('a key sent in the query where the gateway reads x-api-key: moves it, confirms, and the printed curl succeeds', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/v1/orders`, params: [{ name: 'api_key', value: KEY, enabled: true }] } }, {});
    expect(d.baseline.status).toBe(403);
    expect(d.fix?.probe).toBe('key-placement:header:x-api-key');
    expect(d.fix?.status).toBe(200);
    expect(d.cause).toBe('missing-credentials');
    expect(d.stopped).toBe('fixed');
    // The report never shows the key; the fix curl carries it so it runs as printed.
    expect(JSON.stringify({ ...d, fix: null })).not.toContain(KEY);
    expectSafe(40);
    seen.length = 0;
    const { stdout } = await run('bash', ['-c', `${d.fix!.curl} -s -o /dev/null -w '%{http_code}'`]);
    expect(stdout).toBe('200');
    expect(seen[0]?.headers['x-api-key']).toBe(KEY);
  });

  it('a key written into a pasted curl\'s URL query is found and moved too', async () => {
    const { parseCurl } = await import('../../../shared/curl');
    const { request } = parseCurl(`curl '${server.url}/v1/orders?api_key=${KEY}&limit=5'`);
    const d = await diagnoseSource({ kind: 'spec', request }, {});
    expect(d.fix?.probe).toBe('key-placement:header:x-api-key');
    expect(d.baseline.url).not.toContain(KEY);
    // The fix drops the key from the query and keeps the rest of it.
    expect(d.fix?.curl).toContain('/v1/orders?limit=5');
    expect(d.fix?.curl).not.toContain(`api_key=${KEY}`);
  });

  it('a bot rule on the User-Agent: a browser User-Agent fixes it', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/shop/cart` } }, {});
    expect(d.fix?.probe).toBe('browser-headers:user-agent');
    expect(d.cause).toBe('waf-or-bot-block');
    expectSafe(40);
    const { stdout } = await run('bash', ['-c', `${d.fix!.curl} -s -o /dev/null -w '%{http_code}'`]);
    expect(stdout).toBe('200');
  });

  it('a rate limit: waits the announced Retry-After and the call succeeds', async () => {
    lastAllowed = Date.now();
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/v1/search` } }, {});
    expect(d.baseline.status).toBe(429);
    expect(d.fix?.probe).toBe('rate-limit:wait');
    expect(d.cause).toBe('rate-limited');
  });

  it('an address rule nothing client-side can pass: no fix, says whom to ask, within the budget', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/internal/metrics` } }, {}, { maxProbes: 12 });
    expect(d.fix).toBeNull();
    expect(d.ask).toBeTruthy();
    expect(d.probes.length).toBeGreaterThan(2);
    expect(d.budget.used).toBeLessThanOrEqual(12);
    expectSafe(12);
  });

  it('a POST is never re-sent without --allow-unsafe: probes go out as GET', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'POST', url: `${server.url}/v1/orders`, params: [{ name: 'api_key', value: KEY, enabled: true }],
      body: { kind: 'json', text: '{"sku":1}' } } }, {});
    expect(seen.filter((s) => s.method === 'POST')).toEqual([]);
    expect(d.baseline.method).toBe('GET');
    expect(d.fix?.probe).toBe('key-placement:header:x-api-key');
  });
});
