// `clearance diagnose --json` on each refusal of a local Node server (the demo's lessons and one per
// probe family), whole process as a user runs it: wall time and probes used per scenario, the
// outcome (the fix's probe, or no fix and someone to ask), and the medians over the scenarios.
// Not a test: `npx electron-vite build` first, then `node bench/diagnose.mjs` (RUNS=3 by default).
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import aws4 from 'aws4';
import { fmt, median } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const API_KEY = 'bench-key-6a1f0c2e9d';
const JWT_SECRET = 'bench-issuer-secret';
const AWS_SECRET = 'bench-aws-secret';
const SKEW_MS = 3600_000;

const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
function jwt(claims) {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', JWT_SECRET).update(head).digest('base64url')}`;
}
const now = Math.floor(Date.now() / 1000);
const READER = jwt({ iss: 'https://id.bench', scope: 'orders:read', exp: now + 3600 });
const ANALYST = jwt({ iss: 'https://id.bench', scope: 'orders:read reports:read', exp: now + 3600 });

// ------------------------------------------------------------ the server: one route per refusal

const json = (res, status, body, headers = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const cookies = (req) => new Map((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter(([k, v]) => k && v));
let searchWindow = 0;
let pool = 0;

function handle(req, res) {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  const amzn = { 'x-amzn-RequestId': '0b1e3c1a-aaaa-4bbb-8ccc-0123456789ab' };
  // AWS API Gateway: the key in x-api-key only.
  if (p === '/v1/orders') return req.headers['x-api-key'] === API_KEY ? json(res, 200, { orders: [] }) : json(res, 403, { message: 'Forbidden' }, { ...amzn, 'x-amzn-ErrorType': 'ForbiddenException' });
  // Kong key-auth: apikey (header or query).
  if (p === '/gw/products') {
    const kong = { server: 'kong/3.6.1', 'x-kong-response-latency': '0', 'www-authenticate': 'Key realm="kong"' };
    const key = req.headers.apikey ?? url.searchParams.get('apikey');
    if (key === API_KEY) return json(res, 200, { products: [] }, { via: '1.1 kong/3.6.1' });
    return json(res, 401, { message: key ? 'Unauthorized' : 'No API key found in request' }, kong);
  }
  // An OAuth resource server: reports:read.
  if (p === '/v1/admin/reports') {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const [h, c, s] = token.split('.');
    const ok = h && c && s === createHmac('sha256', JWT_SECRET).update(`${h}.${c}`).digest('base64url');
    if (!ok) return json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer realm="bench", error="invalid_token"' });
    const scopes = String(JSON.parse(Buffer.from(c, 'base64url').toString()).scope ?? '').split(' ');
    if (!scopes.includes('reports:read')) {
      return json(res, 403, { error: 'insufficient_scope' }, { 'www-authenticate': 'Bearer realm="bench", error="insufficient_scope", scope="reports:read"' });
    }
    return json(res, 200, { reports: [] });
  }
  // nginx with an IP allow-list: nothing client-side passes it.
  if (p === '/internal/metrics') {
    return res.writeHead(403, { server: 'nginx/1.24.0', 'content-type': 'text/html' })
      .end('<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n');
  }
  // A rate limit: one call per second, Retry-After on the others.
  if (p === '/v1/search') {
    if (Date.now() - searchWindow < 1000) return json(res, 429, { message: 'API rate limit exceeded' }, { 'retry-after': '1', 'x-ratelimit-remaining': '0' });
    searchWindow = Date.now();
    return json(res, 200, { results: [] });
  }
  // A WAF's bot rule on the User-Agent (Cloudflare's block page).
  if (p === '/shop/cart') {
    if (/^Mozilla\/5\.0 \(/.test(req.headers['user-agent'] ?? '')) return json(res, 200, { cart: [] }, { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-LHR' });
    return res.writeHead(403, { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-LHR', 'content-type': 'text/html' })
      .end('<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1 data-translate="block_headline">Sorry, you have been blocked</h1><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></span></body></html>');
  }
  // A route defined with its trailing slash (everything else under /api/ is closed).
  if (p === '/api/reports/') return json(res, 200, { reports: [] });
  if (p.startsWith('/api/')) return res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
  // API Gateway's stage: routes live under /prod; anything else is "Missing Authentication Token".
  if (p === '/prod/pets') return json(res, 200, { pets: [] }, amzn);
  if (p === '/pets') return json(res, 403, { message: 'Missing Authentication Token' }, { ...amzn, 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' });
  // Hotlink protection on the Referer.
  if (p === '/images/logo') {
    const ref = req.headers.referer ?? '';
    return ref.startsWith(`http://${req.headers.host}/`) ? json(res, 200, { image: 'logo' }) : res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
  }
  // Django-like CSRF: the root hands out csrftoken; the POST wants it back in X-CSRFToken.
  if (p === '/') {
    const secret = cookies(req).get('csrftoken') ?? randomBytes(16).toString('hex');
    return res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `csrftoken=${secret}; Path=/` })
      .end(`<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="${secret}"></form>`);
  }
  if (p === '/transfer') {
    if (req.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end();
    const secret = cookies(req).get('csrftoken');
    if (!secret || req.headers['x-csrftoken'] !== secret) {
      return res.writeHead(403, { 'content-type': 'text/html', 'x-frame-options': 'DENY' }).end('<h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p>');
    }
    return json(res, 200, { ok: true });
  }
  // SigV4 with the server's clock an hour ahead of ours.
  if (p === '/signed/pets') {
    const serverNow = Date.now() + SKEW_MS;
    res.setHeader('date', new Date(serverNow).toUTCString());
    const d = String(req.headers['x-amz-date'] ?? '');
    const signedAt = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(9, 11), +d.slice(11, 13), +d.slice(13, 15));
    const amz = (ms) => new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '');
    if (!(Math.abs(serverNow - signedAt) <= 300_000)) {
      return json(res, 403, { message: `Signature expired: ${d} is now earlier than ${amz(serverNow - 300_000)} (${amz(serverNow)} - 5 min.)` }, { ...amzn, 'x-amzn-ErrorType': 'InvalidSignatureException' });
    }
    const signed = /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))?.[1]?.split(';') ?? [];
    const headers = Object.fromEntries(signed.map((n) => [n, String(req.headers[n])]));
    const want = aws4.sign({ host: req.headers.host, method: req.method, path: req.url, service: 'execute-api', region: 'eu-west-1', headers, extraHeadersToIgnore: { 'content-length': true } },
      { accessKeyId: 'AKIDBENCH', secretAccessKey: AWS_SECRET });
    return want.headers.Authorization === req.headers.authorization ? json(res, 200, { pets: [] }) : json(res, 403, { message: 'The request signature we calculated does not match the signature you provided.' }, amzn);
  }
  // A pool of two nodes, one refusing: round robin.
  if (p === '/pool/orders') return (pool++ % 2 === 0) ? res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden') : json(res, 200, { orders: [] });
  return json(res, 404, { message: 'not found' });
}

const server = createServer((req, res) => { req.resume(); req.on('end', () => handle(req, res)); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const host = `127.0.0.1:${server.address().port}`;

// A workspace with the key profiles the scope and clock scenarios use.
const ws = mkdtempSync(join(tmpdir(), 'clearance-bench-ws-'));
mkdirSync(join(ws, 'keys'));
writeFileSync(join(ws, 'clearance.yaml'), 'clearance: 1\nname: Bench\nid: ws-bench-0001\n');
const bearer = (name, env) => `name: ${name}\nkind: bearer\nhosts:\n  - ${host}\ntoken:\n  secret: true\n  env: ${env}\n`;
writeFileSync(join(ws, 'keys', 'reader.yaml'), bearer('reader', 'BENCH_READER'));
writeFileSync(join(ws, 'keys', 'analyst.yaml'), bearer('analyst', 'BENCH_ANALYST'));
writeFileSync(join(ws, 'keys', 'aws.yaml'), `name: aws\nkind: aws-sigv4\nhosts:\n  - ${host}\naccessKeyId: AKIDBENCH\nsecretAccessKey:\n  secret: true\n  env: BENCH_AWS\nservice: execute-api\nregion: eu-west-1\n`);
const env = { ...process.env, NO_COLOR: '1', BENCH_READER: READER, BENCH_ANALYST: ANALYST, BENCH_AWS: AWS_SECRET };

const SCENARIOS = [
  { name: 'key in the query, API Gateway reads x-api-key', args: ['--curl', `curl '${base}/v1/orders?api_key=${API_KEY}'`] },
  { name: "Kong's header name (apikey)", args: ['--curl', `curl -H 'x-api-key: ${API_KEY}' ${base}/gw/products`] },
  { name: 'missing scope, another key has it', args: ['--curl', `curl ${base}/v1/admin/reports`, '--workspace', ws, '--key', 'reader'] },
  { name: 'IP allow-list (no fix)', args: ['--curl', `curl ${base}/internal/metrics`] },
  { name: 'rate limit, Retry-After: 1', args: ['--curl', `curl ${base}/v1/search`], before: () => { searchWindow = Date.now(); } },
  { name: 'bot rule on the User-Agent', args: ['--curl', `curl ${base}/shop/cart`] },
  { name: 'trailing slash', args: ['--curl', `curl ${base}/api/reports`] },
  { name: 'stage prefix (Missing Authentication Token)', args: ['--curl', `curl ${base}/pets`] },
  { name: 'hotlink Referer', args: ['--curl', `curl ${base}/images/logo`] },
  { name: 'CSRF token (POST, --allow-unsafe)', args: ['--curl', `curl -X POST -H 'content-type: application/json' -d '{"amount":1}' ${base}/transfer`, '--allow-unsafe'] },
  { name: 'SigV4, clock 1 h off (no request change)', args: ['--curl', `curl ${base}/signed/pets`, '--workspace', ws, '--key', 'aws'] },
  { name: 'one node of two refuses (no fix)', args: ['--curl', `curl ${base}/pool/orders`], before: () => { pool = 0; } },
];

function diagnose(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/clearance.mjs', 'diagnose', '--json', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      try {
        resolve({ ms, code, d: JSON.parse(out) });
      } catch {
        reject(new Error(`diagnose ${args.join(' ')} exited ${code}: ${err || out}`));
      }
    });
  });
}

const rows = [];
for (const s of SCENARIOS) {
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    s.before?.();
    const r = await diagnose(s.args);
    times.push(r.ms);
    last = r.d;
  }
  const outcome = last.fix ? `fix: ${last.fix.probe}` : last.ask ? `no fix, ask (${last.cause})` : `no fix (${last.stopped})`;
  // Time spent waiting on purpose: the pace between probes and the server's announced pauses.
  const waited = last.probes.filter((p) => /^rate-limit/.test(p.id)).length ? ' (waits Retry-After)' : '';
  rows.push({ name: s.name, ms: median(times), probes: last.budget.used, outcome: outcome + waited });
}
server.close();
rmSync(ws, { recursive: true, force: true });

console.log(`clearance diagnose --json, whole process, loopback, median of ${RUNS} runs per scenario`);
console.log('| scenario | wall s | probes | outcome |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.ms / 1000, 2)} | ${r.probes} | ${r.outcome} |`);
console.log(`| **median** | **${fmt(median(rows.map((r) => r.ms)) / 1000, 2)}** | **${median(rows.map((r) => r.probes))}** | ${rows.filter((r) => r.outcome.startsWith('fix')).length} fixed, ${rows.filter((r) => !r.outcome.startsWith('fix')).length} no fix |`);
