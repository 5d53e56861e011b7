// What the passive explainer says about each refusal of the demo API, as the server sends it: the
// layer it names, the cause it ranks first and the sentence it gives. The demo teaches these.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, signDemoJwt, startDemoServer, type DemoServer } from '../../../electron/demo';
import { explain } from '../../../shared/explain';

let demo: DemoServer;
beforeAll(async () => { demo = await startDemoServer(); });
afterAll(async () => { await demo.close(); });

async function explained(path: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${demo.url}${path}`, { headers });
  const hdrs: Record<string, string> = {};
  r.headers.forEach((v, k) => { hdrs[k] = v; });
  return explain({ status: r.status, headers: hdrs, body: await r.text() });
}

const TOKEN = signDemoJwt({ sub: 'demo-user', scope: 'orders:read' });

// What a request written the wrong way (as in the demo workspace) gets explained as.
const CASES = [
  { route: 'key in the query', path: `/v1/orders?api_key=${DEMO_API_KEY}`, headers: {},
    status: 403, producer: 'aws-api-gateway', cause: 'missing-credentials', reason: 'aws-api-gateway/missing-credentials', fix: /x-api-key/ },
  { route: "a gateway's header name", path: '/gw/products', headers: { 'X-API-Key': DEMO_API_KEY },
    status: 401, producer: 'kong', cause: 'missing-credentials', reason: 'kong/missing-credentials', fix: /"apikey"/ },
  { route: 'a missing scope', path: '/v1/admin/reports', headers: { Authorization: `Bearer ${TOKEN}` },
    status: 403, producer: null, cause: 'insufficient-permissions', reason: 'signal.www-authenticate/insufficient-permissions', fix: /scope/ },
  { route: 'an IP allow-list', path: '/internal/metrics', headers: {},
    status: 403, producer: null, relay: 'nginx', cause: 'ip-or-geo-blocked', reason: 'signal.words/ip-or-geo-blocked', fix: /allow-list/ },
  { route: 'a rate limit', path: '/v1/search', headers: {},
    status: 403, producer: null, cause: 'rate-limited', reason: 'signal.rate-limit/rate-limited', fix: /Retry-After/ },
  { route: 'a bot rule', path: '/shop/cart', headers: { 'User-Agent': 'clearance/0.1.0' },
    status: 403, producer: 'cloudflare', cause: 'waf-or-bot-block', reason: 'cloudflare/waf-or-bot-block', fix: /User-Agent/ },
] as const;

describe('explain() on the demo refusals', () => {
  it.each(CASES)('$route: $status, $producer, $cause', async (c) => {
    const e = await explained(c.path, c.headers);
    expect(e.blocked).toBe(true);
    expect(e.status).toBe(c.status);
    expect(e.producer?.id ?? null).toBe(c.producer);
    expect(e.cause).toBe(c.cause);
    expect(e.candidates[0]?.cause).toBe(c.cause);
    expect(e.reason.id).toBe(c.reason);
    expect(e.fix).toMatch(c.fix);
    if ('relay' in c) expect(e.why).toContain(`passed through ${c.relay}`);
  });

  it('says each fixed request is not a refusal', async () => {
    const wide = signDemoJwt({ sub: 'r', scope: 'orders:read reports:read' });
    const fixed = [
      await explained('/v1/orders', { 'X-API-Key': DEMO_API_KEY }),
      await explained('/gw/products', { apikey: DEMO_API_KEY }),
      await explained('/v1/admin/reports', { Authorization: `Bearer ${wide}` }),
      await explained('/shop/cart', { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0' }),
    ];
    expect(fixed.map((e) => [e.status, e.blocked, e.cause])).toEqual(Array(4).fill([200, false, 'none']));
  });
});
