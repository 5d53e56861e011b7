// The API under test: a tiny node:http server on 127.0.0.1 with the routes the e2e specs call.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TargetServer {
  base: string;
  /** Port where nothing listens (bound then closed), for connection-refused. */
  closedPort: number;
  stop(): Promise<void>;
}

export const BIG_BODY_BYTES = 5 * 1024 * 1024;
/** A 20 MB JSON-lines body whose last lines hold HUGE_NEEDLE: search must read it to the end. */
export const HUGE_BODY_BYTES = 20 * 1024 * 1024;
export const HUGE_NEEDLE = 'needle-near-the-very-end';
/** What /quota answers: a used-up quota and Retry-After, as GitHub and most APIs send them. */
export const QUOTA = { limit: 60, remaining: 0, resetSeconds: 90, retryAfter: 90 };
/** The cookies /cookies sets. */
export const COOKIES = ['session=abc123; Path=/; HttpOnly; Secure; SameSite=Lax', 'theme=dark; Max-Age=3600; Domain=example.test', 'gone=; Max-Age=0'];

const HUGE_LINE = '{"id":1,"event":"tick","payload":"0123456789abcdef0123456789abcdef"}\n';
/** /huge's line count: the ticks, the needle's line, one tick after it. */
export const HUGE_LINES = Math.floor(HUGE_BODY_BYTES / HUGE_LINE.length) - 3 + 2;

function hugeBody(): Buffer {
  const head = HUGE_LINE.repeat(HUGE_LINES - 2);
  return Buffer.from(`${head}{"id":2,"event":"${HUGE_NEEDLE}"}\n${HUGE_LINE}`);
}
/** Multi-byte characters, so preview and page boundaries fall inside a character. */
export const UTF8_LINE = 'héllo wörld — ünïcode ✓ 日本語 0123456789\n';

function bigBody(): Buffer {
  const line = 'line of a big response body, streamed to disk by the engine 0123456789\n';
  return Buffer.from(line.repeat(Math.ceil(BIG_BODY_BYTES / line.length)).slice(0, BIG_BODY_BYTES));
}

/** Real producers' refusals, byte for byte close to what they send. */
export const NGINX_403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
export const CLOUDFLARE_1020 = `<!DOCTYPE html>
<html lang="en-US">
<head>
<title>Attention Required! | Cloudflare</title>
<meta charset="UTF-8" />
</head>
<body>
<div id="cf-wrapper">
  <div id="cf-error-details" class="cf-error-details-wrapper">
    <div class="cf-wrapper cf-header cf-error-overview">
      <h1 data-translate="block_headline">Sorry, you have been blocked</h1>
      <h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> example.com</h2>
    </div>
    <div class="cf-section cf-wrapper">
      <h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>
      <p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution.</p>
      <span class="cf-error-code">Error 1020</span>
    </div>
    <div class="cf-error-footer">
      <p>Cloudflare Ray ID: <strong class="font-semibold">8a1b2c3d4e5f6789</strong></p>
    </div>
  </div>
</div>
</body>
</html>
`;

function json(headers: IncomingHttpHeaders, extra: object): string {
  return JSON.stringify({ ...extra, receivedHeaders: headers }, null, 0);
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function startTargetServer(): Promise<TargetServer> {
  const big = bigBody();
  let huge: Buffer | null = null;
  const bigUtf8 = Buffer.from(UTF8_LINE.repeat(Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(UTF8_LINE))));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'e2e-target' });
      res.end(json(req.headers, { message: 'hello from the target', ok: true }));
    } else if (path === '/forbidden') {
      res.writeHead(403, { 'content-type': 'application/json', server: 'e2e-gateway/1.0' });
      res.end(JSON.stringify({ error: 'forbidden', message: 'You cannot consume this service' }));
    } else if (path === '/aws/forbidden') {
      res.writeHead(403, {
        'content-type': 'application/json',
        'x-amzn-requestid': '3f1c2a9e-1b2c-4d5e-8f90-123456789abc',
        'x-amzn-errortype': 'ForbiddenException',
        'x-amz-apigw-id': 'Zx1AbCdEfGhIjK=',
      });
      res.end('{"message":"Forbidden"}');
    } else if (path === '/nginx/forbidden') {
      res.writeHead(403, { server: 'nginx/1.22.1', 'content-type': 'text/html' });
      res.end(NGINX_403);
    } else if (path === '/cloudflare/blocked') {
      res.writeHead(403, {
        server: 'cloudflare',
        'cf-ray': '8a1b2c3d4e5f6789-FRA',
        'content-type': 'text/html; charset=UTF-8',
        'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
        'x-frame-options': 'SAMEORIGIN',
      });
      res.end(CLOUDFLARE_1020);
    } else if (path === '/relayed/github') {
      // A relay that printed GitHub's answer in its own words: only GitHub's API URL in the text names it.
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('403 error making request GET https://api.github.com/gists/339c841617fb50c98420d9f37654039d: "Forbidden"');
    } else if (path === '/api/ok') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [{ id: 1, name: 'first order' }], next: null }));
    } else if (path === '/f5/rejected') {
      // A WAF block page served with 200: the explainer still calls it a refusal.
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'TS01a2b3c4=01abcdef; Path=/' });
      res.end("<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: 10419810235619123456<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>");
    } else if (path === '/slack/not-authed') {
      // Slack's refusal: 200 with JSON that says the call was not authenticated.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"ok":false,"error":"not_authed"}');
    } else if (path === '/rate-limited') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
      res.end(JSON.stringify({ error: 'too many requests', retry_in_seconds: 30 }));
    } else if (path === '/redirect') {
      res.writeHead(302, { location: '/ok', 'content-type': 'text/plain' });
      res.end('moved to /ok');
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(big.length) });
      res.end(big);
    } else if (path === '/huge') {
      huge ??= hugeBody();
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': String(huge.length) });
      res.end(huge);
    } else if (path === '/cookies') {
      res.writeHead(200, [['content-type', 'application/json'], ...COOKIES.map((c) => ['set-cookie', c] as [string, string])].flat());
      res.end('{"cookies":"set"}');
    } else if (path === '/quota') {
      res.writeHead(429, {
        'content-type': 'application/json', 'x-ratelimit-limit': String(QUOTA.limit), 'x-ratelimit-remaining': String(QUOTA.remaining),
        'x-ratelimit-reset': String(QUOTA.resetSeconds), 'retry-after': String(QUOTA.retryAfter),
      });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
    } else if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1 id="t">Preview heading</h1><p>Rendered, not shown as text.</p></body></html>');
    } else if (path === '/big-utf8') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(bigUtf8);
    } else if (path === '/slow') {
      const timer = setTimeout(() => { res.writeHead(200); res.end('late'); }, 10_000);
      res.on('close', () => clearTimeout(timer));
    } else if (path === '/echo') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(json(req.headers, { method: req.method, body: Buffer.concat(chunks).toString('utf8') }));
      });
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    closedPort: await freePort(),
    stop: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
