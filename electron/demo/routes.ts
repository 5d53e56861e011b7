// The demo API's routes. Each imitates how a real layer refuses (AWS API Gateway, Kong, an OAuth
// resource server, nginx, a rate limiter, Cloudflare's WAF), with the headers and body that layer
// sends, so the explainer and the diagnosis meet what they would meet in the wild. Each has one
// deterministic fix a client can find by re-sending variants, except the IP allow-list, which has none.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { scopesOf, verifyDemoJwt } from './jwt';

/** The demo's API key: published on purpose, like the JWT secret (nothing to protect). */
export const DEMO_API_KEY = 'demo-5f2c9a7e41b3d806';
export const REPORTS_SCOPE = 'reports:read';
/** Requests the search route allows per window, after the window's opening refusal. */
export const SEARCH_LIMIT = 100;

export interface DemoRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** the caller's address as the socket sees it (headers such as X-Forwarded-For are not believed) */
  remote: string;
  now: number;
}

export interface DemoReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The search route's window: opened by a refusal, then calls succeed until the budget or the window runs out. */
export interface RateWindow { endsAt: number; coolUntil: number; used: number }
export interface DemoState { search: RateWindow; windowMs: number }

const json = (status: number, body: unknown, headers: Record<string, string> = {}): DemoReply =>
  ({ status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const header = (req: DemoRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** AWS API Gateway (REST API, API key required): the key is read from `x-api-key` only. */
function orders(req: DemoRequest): DemoReply {
  const amzn = { 'x-amzn-RequestId': randomUUID(), 'x-amz-apigw-id': randomBytes(12).toString('base64') };
  if (header(req, 'x-api-key') !== DEMO_API_KEY) {
    // API Gateway answers a missing and a wrong key alike, without saying which.
    return json(403, { message: 'Forbidden' }, { ...amzn, 'x-amzn-ErrorType': 'ForbiddenException' });
  }
  return json(200, { orders: [{ id: 'ord_1001', status: 'open', total: 42.5 }, { id: 'ord_1002', status: 'shipped', total: 17 }] }, amzn);
}

/** Kong with the key-auth plugin at its defaults: key_names = ["apikey"], header or query. */
function products(req: DemoRequest): DemoReply {
  const kong = { Server: 'kong/3.6.1', 'X-Kong-Response-Latency': '0', 'X-Kong-Request-Id': randomBytes(16).toString('hex') };
  const key = header(req, 'apikey') ?? req.query.get('apikey') ?? undefined;
  if (key === undefined) {
    return json(401, { message: 'No API key found in request' }, { ...kong, 'WWW-Authenticate': 'Key realm="kong"', 'Content-Type': 'application/json; charset=utf-8' });
  }
  if (key !== DEMO_API_KEY) {
    return json(401, { message: 'Unauthorized' }, { ...kong, 'WWW-Authenticate': 'Key realm="kong"', 'Content-Type': 'application/json; charset=utf-8' });
  }
  return json(200, { products: [{ sku: 'CLR-403', name: 'Forbidden mug', price: 12 }] },
    { Via: '1.1 kong/3.6.1', 'X-Kong-Upstream-Latency': '1', 'X-Kong-Proxy-Latency': '0' });
}

/** An OAuth 2 resource server (RFC 6750): a valid token without the route's scope gets insufficient_scope. */
function reports(req: DemoRequest): DemoReply {
  const realm = 'realm="clearance-demo"';
  const auth = header(req, 'authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m?.[1]) return json(401, { error: 'unauthorized', error_description: 'Bearer token required' }, { 'WWW-Authenticate': `Bearer ${realm}` });
  const v = verifyDemoJwt(m[1]);
  if (!v.ok) {
    return json(401, { error: 'invalid_token', error_description: v.why },
      { 'WWW-Authenticate': `Bearer ${realm}, error="invalid_token", error_description="${v.why}"` });
  }
  if (!scopesOf(v.claims).includes(REPORTS_SCOPE)) {
    const why = 'The request requires higher privileges than provided by the access token';
    return json(403, { error: 'insufficient_scope', error_description: why, required_scope: REPORTS_SCOPE },
      { 'WWW-Authenticate': `Bearer ${realm}, error="insufficient_scope", error_description="${why}", scope="${REPORTS_SCOPE}"` });
  }
  return json(200, { reports: [{ id: 'rep_q1', title: 'Refusals by layer, Q1', rows: 6 }] });
}

/** nginx with `allow 10.20.0.0/16; deny all;` and a custom `error_page 403`: no client can change its address. */
function metrics(req: DemoRequest): DemoReply {
  const body = [
    '<!DOCTYPE html>', '<html>', '<head><title>403 Forbidden</title></head>', '<body>', '<h1>403 Forbidden</h1>',
    `<p>Access denied: your IP address ${req.remote} is not allowed. /internal/ is restricted to an IP allow-list (the monitoring network, 10.20.0.0/16).</p>`,
    '<p>If you need access, ask the platform team to add your address.</p>', '</body>', '</html>', '',
  ].join('\n');
  return { status: 403, headers: { Server: 'nginx/1.24.0', 'Content-Type': 'text/html' }, body };
}

/** A rate limiter that opens each window with an empty budget (as after a burst): wait Retry-After, then go. */
function search(req: DemoRequest, state: DemoState): DemoReply {
  const w = state.search;
  const now = req.now;
  let waitMs = 0;
  if (now >= w.endsAt) {
    Object.assign(w, { endsAt: now + state.windowMs, coolUntil: now + 1_000, used: 0 });
    waitMs = 1_000;
  } else if (now < w.coolUntil) waitMs = w.coolUntil - now;
  else if (w.used >= SEARCH_LIMIT) waitMs = w.endsAt - now;
  const limits = { 'X-RateLimit-Limit': String(SEARCH_LIMIT), 'X-RateLimit-Reset': String(Math.ceil(w.endsAt / 1000)) };
  if (waitMs > 0) {
    const secs = Math.max(1, Math.ceil(waitMs / 1000));
    return json(403, { message: `API rate limit exceeded. Retry after ${secs} second${secs === 1 ? '' : 's'}.` },
      { ...limits, 'Retry-After': String(secs), 'X-RateLimit-Remaining': '0' });
  }
  w.used += 1;
  const q = req.query.get('q') ?? '';
  return json(200, { query: q, results: [{ id: 'ord_1001', match: 'open' }] }, { ...limits, 'X-RateLimit-Remaining': String(SEARCH_LIMIT - w.used) });
}

/** A WAF rule that lets browsers through and blocks everything else by its User-Agent. */
const BROWSER_UA = /^Mozilla\/5\.0 \(/;

/** Cloudflare's WAF block page for a custom rule on the User-Agent. */
function cart(req: DemoRequest): DemoReply {
  const ray = `${randomBytes(8).toString('hex')}-LHR`;
  const cf = { Server: 'cloudflare', 'CF-RAY': ray };
  if (BROWSER_UA.test(header(req, 'user-agent') ?? '')) return json(200, { cart: { items: [{ sku: 'CLR-403', qty: 1 }], total: 12 } }, cf);
  const body = [
    '<!DOCTYPE html>', '<html lang="en-US">', '<head><title>Attention Required! | Cloudflare</title></head>', '<body>',
    '<div id="cf-wrapper"><div class="cf-error-details">',
    '<h1 data-translate="block_headline">Sorry, you have been blocked</h1>',
    '<h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> shop.demo.local</h2>',
    '<p>This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution. There are several actions that could trigger this block including submitting a certain word or phrase, a SQL command or malformed data.</p>',
    '<h2 data-translate="blocked_resolve_headline">What can I do to resolve this?</h2>',
    '<p>You can email the site owner to let them know you were blocked. Please include what you were doing when this page came up and the Cloudflare Ray ID found at the bottom of this page.</p>',
    `<span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">${ray.split('-')[0]}</strong></span>`,
    `<span class="cf-footer-item">Your IP: ${req.remote}</span>`,
    '<span class="cf-footer-item">Performance &amp; security by Cloudflare</span>',
    '</div></div>', '</body>', '</html>', '',
  ].join('\n');
  return { status: 403, headers: { ...cf, 'Content-Type': 'text/html; charset=UTF-8' }, body };
}

export interface DemoRoute {
  path: string;
  /** the folder and request name in the sample workspace */
  lesson: string;
  handle(req: DemoRequest, state: DemoState): DemoReply;
}

export const DEMO_ROUTES: DemoRoute[] = [
  { path: '/v1/orders', lesson: 'A key in the wrong place (AWS API Gateway reads x-api-key)', handle: orders },
  { path: '/gw/products', lesson: "A gateway's header name (Kong's key-auth reads apikey)", handle: products },
  { path: '/v1/admin/reports', lesson: 'A missing scope (the token lacks reports:read)', handle: reports },
  { path: '/internal/metrics', lesson: 'An IP allow-list (nothing client-side can fix it)', handle: metrics },
  { path: '/v1/search', lesson: 'A rate limit (wait Retry-After, then retry)', handle: search },
  { path: '/shop/cart', lesson: 'A bot rule on the User-Agent (a WAF lets browsers through)', handle: cart },
];

/** `/`: what the demo serves; anything else is a plain 404. */
export function route(req: DemoRequest, state: DemoState): DemoReply {
  const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
  const hit = DEMO_ROUTES.find((r) => r.path === path);
  if (hit) return hit.handle(req, state);
  if (path === '/') return json(200, { name: 'Clearance demo API', routes: DEMO_ROUTES.map((r) => ({ path: r.path, lesson: r.lesson })) });
  return json(404, { message: 'Not Found' });
}
