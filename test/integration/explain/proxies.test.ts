// Live refusals from Debian's HAProxy (http-request deny) and Squid (http_access deny all, forward proxy), explained.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../../shared/explain/index';
import { freePort, get, hasBinary, start, tempDir, waitReady, type Running } from './servers';

describe.skipIf(!hasBinary('/usr/sbin/haproxy'))('HAProxy (live)', () => {
  let port = 0;
  let server: Running | undefined;

  beforeAll(async () => {
    const dir = tempDir('haproxy');
    port = await freePort();
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(cfg, `global
  log stdout format raw local0 emerg
defaults
  mode http
  timeout connect 5s
  timeout client 5s
  timeout server 5s
frontend fe
  bind 127.0.0.1:${port}
  http-request deny if { path_beg /admin }
  http-request deny deny_status 429 if { path_beg /slow }
  http-request return status 200 content-type text/plain string "ok\\n"
`);
    server = start('/usr/sbin/haproxy', ['-f', cfg, '-db'], dir);
    await waitReady(port, server);
  });
  afterAll(async () => { await server?.stop(); });

  it('http-request deny -> haproxy, an ACL rule (IP/path/method) ranked first', async () => {
    const r = await get(port, '/admin/users');
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('haproxy');
    expect(['ip-or-geo-blocked', 'method-or-path-blocked']).toContain(e.cause);
    expect(e.candidates.map((c) => c.cause)).toEqual(expect.arrayContaining(['ip-or-geo-blocked', 'method-or-path-blocked']));
    expect(e.evidence.some((x) => x.where === 'body' && r.body.includes(x.text))).toBe(true);
  });

  it('deny_status 429 -> rate-limited', async () => {
    const r = await get(port, '/slow');
    expect(r.status).toBe(429);
    const e = explain(r);
    expect(e.producer?.id).toBe('haproxy');
    expect(e.cause).toBe('rate-limited');
  });

  it('a 200 is not a refusal', async () => {
    const e = explain(await get(port, '/ok'));
    expect(e.blocked).toBe(false);
  });
});

describe.skipIf(!hasBinary('/usr/sbin/squid'))('Squid forward proxy (live)', () => {
  let dir = '';
  let port = 0;
  let server: Running | undefined;

  beforeAll(async () => {
    dir = tempDir('squid');
    chmodSync(dir, 0o777); // the proxy user writes its logs here
    port = await freePort();
    const conf = join(dir, 'squid.conf');
    writeFileSync(conf, `http_port 127.0.0.1:${port}
http_access deny all
pid_filename ${dir}/squid.pid
cache_log ${dir}/cache.log
access_log none
cache_store_log none
coredump_dir ${dir}
cache deny all
shutdown_lifetime 0 seconds
`);
    server = start('/usr/sbin/squid', ['-N', '-f', conf], dir);
    // squid answers its own port with an error page, which is enough to know it is up
    await waitReady(port, server, join(dir, 'cache.log'));
  });
  afterAll(async () => { await server?.stop(); });

  it('http_access deny all -> squid, proxy-denied', async () => {
    const r = await get(port, 'http://example.invalid/api/v1/items', { Host: 'example.invalid' });
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('squid');
    expect(e.producer?.kind).toBe('proxy');
    expect(e.cause).toBe('proxy-denied');
    expect(e.confidence).toBeGreaterThanOrEqual(0.9);
    expect(e.evidence.some((x) => x.where === 'header' && x.name === 'x-squid-error')).toBe(true);
  });
});
