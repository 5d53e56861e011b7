// The diagnosis against real misconfigured servers started here: nginx, Apache httpd, HAProxy and a
// Squid forward proxy, each with a refusal found in the wild. For each probe family a scenario where
// it finds the fix (the printed curl then succeeds when run by real curl), and scenarios where
// nothing client-side can succeed (a location `deny all`, IP allow-lists, an HAProxy deny), where
// the diagnosis offers no fix and says whom to ask. Everything is checked at the server, from its
// own access log (or a Node upstream's record): the budget held, no unsafe method without
// permission, no spoofing header, no key sent to a host it is not bound to.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { closePools } from '../../../electron/engine';
import type { Diagnosis } from '../../../electron/diagnosis/types';
import { parseCurl } from '../../../shared/curl';
import { freePort, hasBinary, start, tempDir, waitReady, type Running } from '../explain/servers';
import { startHttp, type TestServer } from '../../support/servers';
import { curlStatus, expectSafe, workspace, type Seen } from './helpers';

const KEY = 'rs-key-8c1d7a20f4';
const OLD_KEY = 'rs-old-key-000000';
const NEW_KEY = 'rs-new-key-5b5b5b';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/**
 * Servers write their access log after answering: waits until `read()` holds at least `atLeast`
 * entries and stops growing (bounded), so a busy machine does not make a count come up short.
 */
async function quiet(read: () => readonly unknown[] = () => [], atLeast = 0): Promise<void> {
  const end = Date.now() + 3_000;
  let n = -1;
  while (Date.now() < end) {
    await sleep(80);
    const now = read().length;
    if (now >= atLeast && now === n) return;
    n = now;
  }
}

/** An upstream app behind the proxies: everything it got, and 200 for everything. */
const upstreamSeen: Seen[] = [];
let upstream: TestServer;

beforeAll(async () => {
  upstream = await startHttp((req, res) => {
    upstreamSeen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, path: req.url }));
  });
});
afterAll(async () => {
  await closePools();
  await upstream.close();
});

/** Expects a diagnosis with no fix that says whom to ask, within `budget`. */
function expectNoFix(d: Diagnosis, budget: number): void {
  expect(d.fix).toBeNull();
  expect(d.ask).toBeTruthy();
  expect(d.budget.used).toBeLessThanOrEqual(budget);
  expect(d.probes.some((p) => p.flipped && !['method', 'path-variants', 'no-credentials'].includes(p.family))).toBe(false);
}

// ---------------------------------------------------------------- nginx

const NGINX_LOG = ['$request_method', '$request_uri', '$status', '$http_user_agent', '$http_referer', '$http_x_forwarded_for', '$http_x_real_ip',
  '$http_x_original_url', '$http_forwarded', '$http_x_api_key', '$http_apikey', '$http_client_ip', '$http_true_client_ip', '$http_x_rewrite_url'];
const NGINX_NAMES = ['user-agent', 'referer', 'x-forwarded-for', 'x-real-ip', 'x-original-url', 'forwarded', 'x-api-key', 'apikey', 'client-ip', 'true-client-ip', 'x-rewrite-url'];

/** The nginx access log as Seen entries (a header logged as "-" was not sent). */
function nginxSeen(file: string): Seen[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const f = line.split('\t');
    const headers: Seen['headers'] = {};
    NGINX_NAMES.forEach((n, i) => { if (f[3 + i] !== '-' && f[3 + i] !== undefined) headers[n] = f[3 + i]; });
    return { method: f[0]!, url: f[1]!, status: f[2], headers } as Seen & { status?: string };
  }).filter((x) => x.url !== '/__ready'); // the start-up's readiness poll
}

describe.skipIf(!hasBinary('/usr/sbin/nginx'))('nginx', () => {
  let dir = '';
  let port = 0;
  let base = '';
  let gwPort = 0;
  let server: Running | undefined;
  let ws = '';
  let badNode: TestServer | undefined;
  const log = (): Seen[] => nginxSeen(join(dir, 'diag.log'));
  let mark = 0;
  const since = (): Seen[] => log().slice(mark);
  const begin = (): void => { mark = log().length; };

  beforeAll(async () => {
    dir = tempDir('diag-nginx');
    const www = join(dir, 'www');
    mkdirSync(join(www, 'upload'), { recursive: true });
    mkdirSync(join(www, 'admin'), { recursive: true });
    writeFileSync(join(www, 'admin', 'users'), '{"users":[]}\n');
    mkdirSync(join(www, 'search'), { recursive: true });
    writeFileSync(join(www, 'upload', 'index.html'), '<h1>upload form</h1>\n');
    writeFileSync(join(www, 'search', 'index.json'), '{"results":[]}\n');
    writeFileSync(join(www, '__ready'), 'ok\n');
    chmodSync(www, 0o755);
    [port, gwPort] = [await freePort(), await freePort()];
    // One node of a pool that refuses everything (a bad deploy): round robin makes the refusal come and go.
    badNode = await startHttp((_req, res) => { res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden'); });
    base = `http://127.0.0.1:${port}`;
    writeFileSync(join(dir, 'nginx.conf'), `daemon off;
user www-data;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  log_format diag '${NGINX_LOG.join('\\t')}';
  access_log ${dir}/diag.log diag;
  limit_req_zone $binary_remote_addr zone=search:1m rate=1r/s;
  # A bot rule: command-line clients and API tools by their User-Agent (and none at all).
  map $http_user_agent $bot {
    default 0;
    "" 1;
    ~*(curl|wget|python-requests|httpie|postman|insomnia|okhttp|go-http-client|clearance|undici|node-fetch|axios) 1;
  }
  map $http_x_api_key $api_key_ok {
    default 0;
    "${NEW_KEY}" 1;
  }
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${www};
    location = / { default_type text/plain; return 200 "home\\n"; }
    location = /__ready { }
    # A location closed to everyone.
    location /internal/ { deny all; }
    # An IP allow-list that does not include this machine.
    location /admin/ { allow 10.0.0.0/8; deny all; default_type application/json; }
    location /shop/ {
      if ($bot) { return 403; }
      default_type application/json;
      return 200 '{"cart":[]}';
    }
    # The route is defined with its trailing slash; everything else under /api/ is closed.
    location = /api/reports/ { default_type application/json; return 200 '{"reports":[]}'; }
    location /api/ { deny all; }
    # Hotlink protection: only pages of this site may refer to the images.
    location /images/ {
      valid_referers 127.0.0.1 localhost;
      if ($invalid_referer) { return 403; }
      default_type application/json;
      return 200 '{"image":"logo.png"}';
    }
    # One request per second, a 429 with Retry-After beyond it.
    location /search/ {
      limit_req zone=search;
      limit_req_status 429;
      add_header Retry-After 1 always;
      default_type application/json;
      try_files /search/index.json =404;
    }
    # Uploads are GET-only here (a method rule).
    location /upload/ { limit_except GET { deny all; } }
  }
  upstream pool {
    server 127.0.0.1:${badNode.port};
    server 127.0.0.1:${upstream.port};
  }
  # nginx as an API gateway: /v1/ to the upstream only with a key in the map; /pool/ balanced over two nodes.
  server {
    listen 127.0.0.1:${gwPort};
    location /v1/ {
      if ($api_key_ok = 0) { return 403; }
      proxy_pass http://127.0.0.1:${upstream.port}/;
      proxy_set_header X-Via-Gateway nginx;
    }
    location /pool/ {
      proxy_pass http://pool/;
      proxy_set_header X-Via-Gateway nginx;
    }
    location / { return 404; }
  }
}
`);
    server = start('/usr/sbin/nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], dir);
    await waitReady(port, server, join(dir, 'error.log'));
    const bound = (name: string, env: string) => ['name: ' + name, 'kind: api-key', 'param: x-api-key', 'hosts:', `  - 127.0.0.1:${gwPort}`, 'key:', '  secret: true', `  env: ${env}`, ''].join('\n');
    ws = await workspace({ 'keys/old.yaml': bound('old', 'RS_OLD_KEY'), 'keys/new.yaml': bound('new', 'RS_NEW_KEY') });
  });
  afterAll(async () => {
    await server?.stop();
    await badNode?.close();
  });

  const get = (path: string) => ({ kind: 'spec' as const, request: { method: 'GET', url: `${base}${path}` } });

  it('deny all on a location: no fix, and whom to ask', async () => {
    begin();
    const d = await diagnoseSource(get('/internal/status'), {}, { maxProbes: 12 });
    expect(d.baseline.status).toBe(403);
    expect(d.explanation.producer?.id).toBe('nginx');
    expectNoFix(d, 12);
    expect(d.ask).toMatch(/nginx/);
    // The root answers: a rule on this route, not the whole host.
    expect(d.probes.find((p) => p.id === 'path-variants:root')?.status).toBe(200);
    await quiet(since);
    expectSafe(since(), 12);
  });

  it('an IP allow-list (allow 10.0.0.0/8; deny all): no fix, ask to allow the address; no spoofing header tried', async () => {
    begin();
    const d = await diagnoseSource(get('/admin/users'), {}, { maxProbes: 12 });
    expectNoFix(d, 12);
    expect(d.cause).toBe('ip-or-geo-blocked');
    expect(d.ask).toMatch(/allow your egress IP/);
    await quiet(since, d.probes.length + 1);
    expect(since().map((x) => `${x.method} ${x.url}`)).toHaveLength(d.probes.length + 1);
    expectSafe(since(), 12);
  });

  it('a map on $http_user_agent refusing API clients: a browser User-Agent is the fix, and real curl gets 200 with it', async () => {
    begin();
    const d = await diagnoseSource(get('/shop/cart'), {});
    expect(d.fix?.probe).toBe('browser-headers:user-agent');
    expect(d.cause).toBe('waf-or-bot-block');
    await quiet(since);
    expect(since()[0]?.headers['user-agent']).toMatch(/^clearance\//);
    expectSafe(since(), 40);
    begin();
    expect(await curlStatus(d.fix!.curl)).toBe('200');
    await quiet(since);
    expect(since()[0]?.headers['user-agent']).toMatch(/^Mozilla\/5\.0/);
  });

  it('a route defined with its trailing slash: the slash is the fix', async () => {
    begin();
    const d = await diagnoseSource(get('/api/reports'), {});
    expect(d.fix?.probe).toBe('path-variants:slash');
    expect(d.fix?.change).toBe('path /api/reports/ instead of /api/reports');
    await quiet(since);
    expectSafe(since(), 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('hotlink protection (valid_referers): a same-origin Referer is the fix, no other site claimed', async () => {
    begin();
    const d = await diagnoseSource(get('/images/logo'), {});
    expect(d.fix?.probe).toBe('origin-referer:same-origin');
    await quiet(since);
    const referers = since().map((s) => s.headers.referer).filter(Boolean);
    expect(new Set(referers)).toEqual(new Set([`${base}/`]));
    expectSafe(since(), 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('limit_req with Retry-After: waits the announced second and the call succeeds', async () => {
    await curlStatus(`curl ${base}/search/`);
    await quiet(since);
    begin();
    const d = await diagnoseSource(get('/search/'), {});
    expect(d.baseline.status).toBe(429);
    expect(d.fix?.probe).toBe('rate-limit:wait');
    expect(d.cause).toBe('rate-limited');
    await quiet(since, 3);
    // The baseline, the probe after the wait, its confirmation (a strict limiter may refuse the first confirming call: one more after its pause).
    expect(since().length).toBeLessThanOrEqual(4);
    expect(since().at(-1)).toMatchObject({ status: '200' });
    expectSafe(since(), 40);
  });

  it('limit_except GET: with --allow-unsafe the POST is refused and GET is not — a method rule, no fix offered', async () => {
    begin();
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'POST', url: `${base}/upload/`, body: { kind: 'json', text: '{"file":"a"}' } } }, {},
      { allowUnsafe: true, maxProbes: 15 });
    expect(d.baseline.status).toBe(403);
    expect(d.probes.map((p) => `${p.id} ${p.status}`)).toContain('method:get 200');
    // POST /upload is answered 301 to /upload/, which the engine follows as a GET: a 200 that is no fix.
    const slash = d.probes.find((p) => p.id === 'path-variants:slash');
    expect(slash).toMatchObject({ status: 200, flipped: false });
    expect(slash?.proved).toMatch(/as GET: a GET succeeds there, not the POST/);
    expect(d.fix).toBeNull();
    expect(d.cause).toBe('method-or-path-blocked');
    expect(d.conclusion).toContain('GET on the same path is allowed: a rule refuses the method POST here');
    await quiet(since);
    expectSafe(since(), 15, { allowed: ['POST'] });
    // Without the permission the same diagnosis sends no POST at all.
    begin();
    await diagnoseSource({ kind: 'spec', request: { method: 'POST', url: `${base}/upload/`, body: { kind: 'json', text: '{"file":"a"}' } } }, {}, { maxProbes: 8 });
    await quiet(since);
    expectSafe(since(), 8);
  });

  it('a pool with one node that refuses (round robin): every change "succeeds" once and fails when confirmed — no fix, the refusal named intermittent', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `http://127.0.0.1:${gwPort}/pool/orders` } }, {}, { maxProbes: 12 });
    expect(d.baseline.status).toBe(403);
    expect(d.fix).toBeNull();
    expect(d.probes.filter((p) => p.flipped).length).toBeGreaterThan(0);
    expect(d.conclusion).toMatch(/^No change held: .* The refusal is intermittent/);
    expect(d.ask).toMatch(/which backend or node refuses/);
    expect(d.budget.used).toBeLessThanOrEqual(12);
  });

  it('nginx as a gateway with a key map: the other key profile bound to it is the fix; no key leaves for another host', async () => {
    upstreamSeen.length = 0;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `http://127.0.0.1:${gwPort}/v1/orders` }, dir: ws }, { key: 'old' },
      { deps: { environ: { RS_OLD_KEY: OLD_KEY, RS_NEW_KEY: NEW_KEY } } });
    expect(d.baseline.status).toBe(403);
    expect(d.probes.find((p) => p.family === 'no-credentials')?.status).toBe(403);
    expect(d.fix?.probe).toBe('other-keys:new');
    expect(d.cause).toBe('insufficient-permissions');
    expect(upstreamSeen.every((s) => s.headers['x-via-gateway'] === 'nginx')).toBe(true);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });
});

// ---------------------------------------------------------------- Apache httpd

describe.skipIf(!hasBinary('/usr/sbin/apache2'))('Apache httpd', () => {
  let dir = '';
  let port = 0;
  let server: Running | undefined;

  beforeAll(async () => {
    dir = tempDir('diag-apache');
    const www = join(dir, 'www');
    mkdirSync(join(www, 'private'), { recursive: true });
    writeFileSync(join(www, 'private', 'report.json'), '{"secret":true}\n');
    writeFileSync(join(www, 'index.html'), '<h1>hello</h1>\n');
    writeFileSync(join(www, '__ready'), 'ok\n');
    chmodSync(www, 0o755);
    port = await freePort();
    const mods = '/usr/lib/apache2/modules';
    writeFileSync(join(dir, 'httpd.conf'), `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
LoadModule mpm_event_module ${mods}/mod_mpm_event.so
LoadModule authz_core_module ${mods}/mod_authz_core.so
LoadModule authz_host_module ${mods}/mod_authz_host.so
LoadModule dir_module ${mods}/mod_dir.so
User www-data
Group www-data
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogFormat "%m\\t%U%q\\t%>s\\t%{User-Agent}i\\t%{Referer}i\\t%{X-Forwarded-For}i\\t%{X-Real-IP}i\\t%{X-Original-URL}i\\t%{Forwarded}i\\t%{X-Api-Key}i\\t%{apikey}i\\t%{Client-IP}i\\t%{True-Client-IP}i\\t%{X-Rewrite-URL}i" diag
CustomLog ${dir}/diag.log diag
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
DocumentRoot "${www}"
DirectoryIndex index.html
<Directory "${www}">
  Require all granted
</Directory>
<Location "/private">
  Require ip 10.0.0.0/8
</Location>
`);
    server = start('/usr/sbin/apache2', ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], dir);
    await waitReady(port, server, join(dir, 'error.log'));
  });
  afterAll(async () => { await server?.stop(); });

  it('Require ip 10.0.0.0/8: no fix, ask to allow the address; the log shows only safe, unspoofed probes within the budget', async () => {
    const requests = (): Seen[] => nginxSeen(join(dir, 'diag.log')).filter((x) => /^[A-Z]+$/.test(x.method));
    const before = requests().length;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `http://127.0.0.1:${port}/private/report.json` } }, {}, { maxProbes: 10 });
    expect(d.baseline.status).toBe(403);
    expect(d.explanation.producer?.id).toBe('apache-httpd');
    expectNoFix(d, 10);
    expect(d.ask).toMatch(/Apache/);
    await quiet(() => requests().slice(before), d.probes.length + 1);
    // A connection Apache closes without a request (a 408 with no method) is no request.
    const seen = requests().slice(before);
    expect(seen.map((x) => `${x.method} ${x.url}`)).toHaveLength(d.probes.length + 1);
    expectSafe(seen, 10);
  });
});

// ---------------------------------------------------------------- HAProxy

describe.skipIf(!hasBinary('/usr/sbin/haproxy'))('HAProxy', () => {
  let port = 0;
  let server: Running | undefined;
  let ws = '';
  const CAPTURED = ['x-forwarded-for', 'x-real-ip', 'x-original-url', 'forwarded', 'apikey', 'x-api-key', 'user-agent'];

  /** HAProxy's log lines (stdout): `DIAG <method> <uri> <status> {h1|h2|…}`. */
  function haproxySeen(): Seen[] {
    return (server?.output() ?? '').split('\n').filter((l) => l.startsWith('DIAG ')).map((l) => {
      const m = /^DIAG (\S+) (\S+) (\d+) \{(.*)\}$/.exec(l);
      const values = (m?.[4] ?? '').split('|');
      const headers: Seen['headers'] = {};
      // An absent header is logged as "-".
      CAPTURED.forEach((n, i) => { if (values[i] && values[i] !== '-') headers[n] = values[i]; });
      return { method: m?.[1] ?? '', url: m?.[2] ?? '', headers };
    }).filter((x) => x.url !== '/__ready'); // the start-up's readiness poll
  }

  beforeAll(async () => {
    const dir = tempDir('diag-haproxy');
    port = await freePort();
    writeFileSync(join(dir, 'haproxy.cfg'), `global
  log stdout format raw local0 info
defaults
  mode http
  log global
  timeout connect 5s
  timeout client 5s
  timeout server 5s
frontend fe
  bind 127.0.0.1:${port}
${CAPTURED.map((h) => `  http-request capture req.hdr(${h}) len 100`).join('\n')}
  log-format "DIAG %HM %HU %ST {%[capture.req.hdr(0)]|%[capture.req.hdr(1)]|%[capture.req.hdr(2)]|%[capture.req.hdr(3)]|%[capture.req.hdr(4)]|%[capture.req.hdr(5)]|%[capture.req.hdr(6)]}"
  http-request return status 200 content-type text/plain string "ok" if { path /__ready }
  http-request deny if { path_beg /admin }
  http-request deny if { path_beg /gw/ } !{ req.hdr(apikey) -m str ${KEY} }
  http-request set-header X-Via-Gateway haproxy
  default_backend be
backend be
  server up 127.0.0.1:${upstream.port}
`);
    server = start('/usr/sbin/haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db'], dir);
    await waitReady(port, server);
    ws = await workspace({
      // Bound to the gateway only: the upstream behind it must never receive it from a probe.
      'keys/team.yaml': ['name: team', 'kind: api-key', 'param: x-api-key', 'hosts:', `  - 127.0.0.1:${port}`, 'key:', '  secret: true', '  env: RS_KEY', ''].join('\n'),
      'gateways/edge.yaml': ['name: edge', 'rewrite:', `  from: http://127.0.0.1:${upstream.port}`, `  to: http://127.0.0.1:${port}`, ''].join('\n'),
    });
  });
  afterAll(async () => { await server?.stop(); });

  it('http-request deny on a path: no fix, whom to ask, within the budget', async () => {
    const before = haproxySeen().length;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `http://127.0.0.1:${port}/admin/users` } }, {}, { maxProbes: 10 });
    expect(d.baseline.status).toBe(403);
    expect(d.explanation.producer?.id).toBe('haproxy');
    expectNoFix(d, 10);
    await quiet(() => haproxySeen().slice(before), d.probes.length + 1);
    const seen = haproxySeen().slice(before);
    expect(seen.map((x) => `${x.method} ${x.url}`)).toHaveLength(d.probes.length + 1);
    expectSafe(seen, 10);
  });

  it('an ACL requiring header apikey, through a gateway profile: the key moved to apikey is the fix; the direct probe leaves the key behind', async () => {
    const before = haproxySeen().length;
    upstreamSeen.length = 0;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `http://127.0.0.1:${upstream.port}/gw/orders` }, dir: ws },
      { key: 'team', gateway: 'edge' }, { deps: { environ: { RS_KEY: KEY } } });
    expect(d.baseline.url).toBe(`http://127.0.0.1:${port}/gw/orders`);
    expect(d.baseline.status).toBe(403);
    expect(d.fix?.probe).toBe('key-placement:header:apikey');
    // The direct probe went to the upstream without the key (not bound there) and proved only where the refusal is.
    const direct = d.probes.find((p) => p.id === 'gateway:direct');
    expect(direct?.change).toContain('without the key: it is not bound there');
    expect(direct?.flipped).toBe(true);
    await quiet(() => haproxySeen().slice(before));
    // At the upstream: the key only ever arrived through HAProxy (bound), never straight from a probe.
    const leaked = upstreamSeen.filter((s) => JSON.stringify(s.headers).includes(KEY) && s.headers['x-via-gateway'] !== 'haproxy');
    expect(leaked).toEqual([]);
    expect(upstreamSeen.filter((s) => s.headers['x-via-gateway'] !== 'haproxy').length).toBeGreaterThan(0);
    expectSafe([...haproxySeen().slice(before), ...upstreamSeen], 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });
});

// ---------------------------------------------------------------- Squid

describe.skipIf(!hasBinary('/usr/sbin/squid'))('Squid forward proxy', () => {
  let dir = '';
  let port = 0;
  let server: Running | undefined;
  let ws = '';

  /** Squid's access log: method, URL, status and the request headers a probe must not add. */
  function squidSeen(): Seen[] {
    const file = join(dir, 'access.log');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
      const [method, url, , xff, real] = l.split('\t');
      const headers: Seen['headers'] = {};
      if (xff && xff !== '-') headers['x-forwarded-for'] = xff;
      if (real && real !== '-') headers['x-real-ip'] = real;
      return { method: method ?? '', url: url ?? '', headers };
    });
  }

  beforeAll(async () => {
    dir = tempDir('diag-squid');
    chmodSync(dir, 0o777);
    port = await freePort();
    // The API's port is a destination the proxy refuses (a corporate proxy's http_access rule).
    writeFileSync(join(dir, 'squid.conf'), `http_port 127.0.0.1:${port}
acl api_dst dst 127.0.0.1
acl api_port port ${upstream.port}
http_access deny api_dst api_port
http_access allow all
forwarded_for transparent
via off
logformat diag %rm\t%ru\t%>Hs\t%{X-Forwarded-For}>h\t%{X-Real-IP}>h
access_log stdio:${dir}/access.log diag
pid_filename ${dir}/squid.pid
cache_log ${dir}/cache.log
cache_store_log none
coredump_dir ${dir}
cache deny all
shutdown_lifetime 0 seconds
`);
    server = start('/usr/sbin/squid', ['-N', '-f', join(dir, 'squid.conf')], dir);
    await waitReady(port, server, join(dir, 'cache.log'));
    ws = await workspace({ 'gateways/corp.yaml': ['name: corp', 'description: the office proxy', 'proxy:', `  url: http://127.0.0.1:${port}`, ''].join('\n') });
  });
  afterAll(async () => { await server?.stop(); });

  it('http_access deny for the destination, through a gateway profile with a proxy: without the proxy is the fix', async () => {
    upstreamSeen.length = 0;
    const before = squidSeen().length;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `http://127.0.0.1:${upstream.port}/v1/items` }, dir: ws }, { gateway: 'corp' });
    expect(d.baseline.status).toBe(403);
    expect(d.explanation.producer?.id).toBe('squid');
    expect(d.explanation.cause).toBe('proxy-denied');
    expect(d.probes[0]?.id).toBe('gateway:no-proxy');
    expect(d.fix?.probe).toBe('gateway:no-proxy');
    expect(d.cause).toBe('proxy-denied');
    expect(d.probes.some((p) => p.id === 'gateway:direct')).toBe(false);
    await quiet(() => squidSeen().slice(before), 1);
    expect(squidSeen().slice(before)).toHaveLength(1);
    expect(upstreamSeen).toHaveLength(2);
    expectSafe([...squidSeen().slice(before), ...upstreamSeen], 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('the same refusal from a pasted curl with -x: without the proxy is the fix', async () => {
    const parsed = parseCurl(`curl -x http://127.0.0.1:${port} http://127.0.0.1:${upstream.port}/v1/items`);
    const d = await diagnoseSource({ kind: 'spec', request: parsed.request }, { options: parsed.options });
    expect(d.baseline.status).toBe(403);
    expect(d.fix?.probe).toBe('gateway:no-proxy');
    expect(d.fix?.curl).not.toContain('-x');
    expect(await curlStatus(d.fix!.curl)).toBe('200');
    // A shell whose http_proxy names the refusing proxy still gets through: the fix says --noproxy '*'.
    expect(d.fix?.curl).toContain("--noproxy '*'");
    expect(await curlStatus(`http_proxy=http://127.0.0.1:${port} ${d.fix!.curl}`)).toBe('200');
  });
});
