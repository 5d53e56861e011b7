// The demo API: each route refuses the way its layer does, and answers 200 to the one change that
// fixes it — checked by what the server saw, not by what the client meant to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, REPORTS_SCOPE, signDemoJwt, startDemoServer, type DemoServer } from '../../../electron/demo';

let demo: DemoServer;
beforeAll(async () => { demo = await startDemoServer(); });
afterAll(async () => { await demo.close(); });

async function get(path: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${demo.url}${path}`, { headers });
  return { status: r.status, headers: r.headers, body: await r.text(), hit: demo.hits.at(-1)! };
}

describe('the demo server', () => {
  it('binds 127.0.0.1 on a random port and lists its routes at /', async () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await get('/');
    expect(r.status).toBe(200);
    expect((JSON.parse(r.body) as { routes: Array<{ path: string }> }).routes.map((x) => x.path))
      .toEqual(['/v1/orders', '/gw/products', '/v1/admin/reports', '/internal/metrics', '/v1/search', '/shop/cart']);
  });

  it('/v1/orders: a key in ?api_key= gets API Gateway\'s 403; the key in X-API-Key gets 200', async () => {
    const bad = await get(`/v1/orders?api_key=${DEMO_API_KEY}`);
    expect(bad.status).toBe(403);
    expect(bad.body).toBe('{"message":"Forbidden"}');
    expect(bad.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    expect(bad.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.hit).toMatchObject({ path: '/v1/orders', query: `?api_key=${DEMO_API_KEY}`, status: 403 });
    expect(bad.hit.headers['x-api-key']).toBeUndefined();

    const good = await get('/v1/orders', { 'X-API-Key': DEMO_API_KEY });
    expect(good.status).toBe(200);
    expect(good.hit.headers['x-api-key']).toBe(DEMO_API_KEY);
    expect(good.hit.status).toBe(200);
    expect((await get('/v1/orders', { 'X-API-Key': 'wrong' })).status).toBe(403);
  });

  it('/gw/products: X-API-Key gets Kong\'s 401 "No API key found in request"; the apikey header (or ?apikey=) gets 200', async () => {
    const bad = await get('/gw/products', { 'X-API-Key': DEMO_API_KEY });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body)).toEqual({ message: 'No API key found in request' });
    expect(bad.headers.get('www-authenticate')).toBe('Key realm="kong"');
    expect(bad.headers.get('server')).toMatch(/^kong\/3\./);

    const good = await get('/gw/products', { apikey: DEMO_API_KEY });
    expect(good.status).toBe(200);
    expect(good.hit.headers.apikey).toBe(DEMO_API_KEY);
    expect(good.headers.get('via')).toMatch(/kong/);
    expect((await get(`/gw/products?apikey=${DEMO_API_KEY}`)).status).toBe(200);
    expect((await get('/gw/products', { apikey: 'wrong' })).status).toBe(401);
  });

  it('/v1/admin/reports: a token without reports:read gets 403 insufficient_scope naming the scope; one with it gets 200', async () => {
    const narrow = signDemoJwt({ sub: 'u', scope: 'orders:read' });
    const bad = await get('/v1/admin/reports', { Authorization: `Bearer ${narrow}` });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('www-authenticate')).toMatch(new RegExp(`^Bearer realm="clearance-demo", error="insufficient_scope", .*scope="${REPORTS_SCOPE}"$`));
    expect(bad.hit.headers.authorization).toBe(`Bearer ${narrow}`);

    const wide = signDemoJwt({ sub: 'u', scope: `orders:read ${REPORTS_SCOPE}` });
    const good = await get('/v1/admin/reports', { Authorization: `Bearer ${wide}` });
    expect(good.status).toBe(200);
    expect(good.hit.headers.authorization).toBe(`Bearer ${wide}`);
  });

  it('/v1/admin/reports: no token is a 401 challenge, a token signed with another secret or unsigned is invalid_token', async () => {
    expect((await get('/v1/admin/reports')).headers.get('www-authenticate')).toBe('Bearer realm="clearance-demo"');
    const forged = signDemoJwt({ sub: 'u', scope: REPORTS_SCOPE }, 'another-secret');
    const r = await get('/v1/admin/reports', { Authorization: `Bearer ${forged}` });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    const [, payload] = forged.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await get('/v1/admin/reports', { Authorization: `Bearer ${none}` })).status).toBe(401);
  });

  it('/internal/metrics: every caller gets the 403 naming the IP allow-list, whatever it claims to be', async () => {
    const plain = await get('/internal/metrics');
    expect(plain.status).toBe(403);
    expect(plain.headers.get('server')).toBe('nginx/1.24.0');
    expect(plain.body).toMatch(/your IP address 127\.0\.0\.1 is not allowed.*IP allow-list/);
    const spoofed = await get('/internal/metrics', { 'X-Forwarded-For': '10.20.0.5', 'User-Agent': 'Mozilla/5.0 (X11)', 'X-API-Key': DEMO_API_KEY });
    expect(spoofed.status).toBe(403);
    expect(spoofed.hit.headers['x-forwarded-for']).toBe('10.20.0.5');
  });

  it('/shop/cart: a non-browser User-Agent gets a Cloudflare block page; a browser-like one gets 200', async () => {
    for (const ua of ['clearance/0.1.0', 'curl/8.5.0']) {
      const bad = await get('/shop/cart', { 'User-Agent': ua });
      expect(bad.status).toBe(403);
      expect(bad.hit.headers['user-agent']).toBe(ua);
      expect(bad.body).toContain('Sorry, you have been blocked');
      expect(bad.headers.get('cf-ray')).toMatch(/^[0-9a-f]{16}-[A-Z]{3}$/);
    }
    const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    const good = await get('/shop/cart', { 'User-Agent': browser });
    expect(good.status).toBe(200);
    expect(good.hit.headers['user-agent']).toBe(browser);
  });
});

describe('the rate-limited route', () => {
  it('refuses the first call of a window with Retry-After: 1 and X-RateLimit-Remaining: 0, then answers 200 after the wait', async () => {
    const first = await get('/v1/search?q=open');
    expect(first.status).toBe(403);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get('/v1/search?q=open')).status).toBe(403); // still inside the announced second
    await new Promise((r) => setTimeout(r, Number(first.headers.get('retry-after')) * 1000 + 50));
    const after = await get('/v1/search?q=open');
    expect(after.status).toBe(200);
    expect(after.hit).toMatchObject({ path: '/v1/search', query: '?q=open', status: 200 });
    expect(Number(after.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
  });

  it('opens a new window (and refuses again) once the window has passed, by its clock', async () => {
    let clock = 1_000_000;
    const timed = await startDemoServer({ windowMs: 30_000, now: () => clock });
    try {
      const status = async () => (await fetch(`${timed.url}/v1/search`)).status;
      expect(await status()).toBe(403);
      clock += 1_000;
      expect(await status()).toBe(200);
      clock += 29_000;
      expect(await status()).toBe(403);
      expect(timed.hits.map((h) => h.status)).toEqual([403, 200, 403]);
    } finally {
      await timed.close();
    }
  });
});
