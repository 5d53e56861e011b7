// Live refusals from Debian's nginx and Apache httpd, explained.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../../shared/explain/index';
import { freePort, get, hasBinary, start, tempDir, waitReady, type Running } from './servers';

function site(dir: string): string {
  const www = join(dir, 'www');
  mkdirSync(join(www, 'noindex'), { recursive: true });
  mkdirSync(join(www, 'denied'), { recursive: true });
  writeFileSync(join(www, 'index.html'), '<h1>hello</h1>\n');
  writeFileSync(join(www, '__ready'), 'ok\n');
  writeFileSync(join(www, 'noindex', 'a.txt'), 'a\n');
  writeFileSync(join(www, 'denied', 'x.txt'), 'x\n');
  writeFileSync(join(www, 'secret.txt'), 'secret\n');
  chmodSync(join(www, 'secret.txt'), 0o000); // unreadable for the www-data worker
  chmodSync(www, 0o755);
  return www;
}

describe.skipIf(!hasBinary('/usr/sbin/nginx'))('nginx (live)', () => {
  let dir = '';
  let port = 0;
  let server: Running | undefined;

  beforeAll(async () => {
    dir = tempDir('nginx');
    const www = site(dir);
    port = await freePort();
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, `daemon off;
user www-data;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    autoindex off;
    location /denied/ { deny all; }
  }
}
`);
    server = start('/usr/sbin/nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], dir);
    await waitReady(port, server, join(dir, 'error.log'));
  });
  afterAll(async () => { await server?.stop(); });

  it('deny all -> nginx, ambiguous identical page ranked', async () => {
    const r = await get(port, '/denied/x.txt');
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('nginx');
    expect(e.cause).toBe('ip-or-geo-blocked');
    expect(e.candidates.map((c) => c.cause)).toEqual(expect.arrayContaining(['method-or-path-blocked', 'directory-listing-or-filesystem']));
  });

  it('directory without index, autoindex off -> same page, directory listing among the candidates', async () => {
    const r = await get(port, '/noindex/');
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('nginx');
    expect(e.candidates.slice(0, 3).map((c) => c.cause)).toContain('directory-listing-or-filesystem');
  });

  it('unreadable file -> 403 from nginx', async () => {
    const r = await get(port, '/secret.txt');
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('nginx');
    expect(e.blocked).toBe(true);
    expect(e.candidates.slice(0, 3).map((c) => c.cause)).toContain('directory-listing-or-filesystem');
  });

  it('ordinary 200 and 404 are not refusals', async () => {
    const ok = explain(await get(port, '/index.html'));
    expect(ok.blocked).toBe(false);
    const nf = explain(await get(port, '/nope'));
    expect(nf.blocked).toBe(false);
    expect(nf.producer?.id).toBe('nginx');
  });
});

describe.skipIf(!hasBinary('/usr/sbin/apache2'))('Apache httpd (live)', () => {
  let dir = '';
  let port = 0;
  let server: Running | undefined;

  beforeAll(async () => {
    dir = tempDir('apache');
    const www = site(dir);
    port = await freePort();
    const mods = '/usr/lib/apache2/modules';
    const conf = join(dir, 'httpd.conf');
    writeFileSync(conf, `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
LoadModule mpm_event_module ${mods}/mod_mpm_event.so
LoadModule authz_core_module ${mods}/mod_authz_core.so
LoadModule dir_module ${mods}/mod_dir.so
LoadModule autoindex_module ${mods}/mod_autoindex.so
User www-data
Group www-data
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
DocumentRoot "${www}"
DirectoryIndex index.html
<Directory "${www}">
  Options -Indexes
  Require all granted
</Directory>
<Location "/denied">
  Require all denied
</Location>
`);
    server = start('/usr/sbin/apache2', ['-f', conf, '-DFOREGROUND'], dir);
    await waitReady(port, server, join(dir, 'error.log'));
  });
  afterAll(async () => { await server?.stop(); });

  it('Require all denied -> apache-httpd, identical page causes ranked', async () => {
    const r = await get(port, '/denied/x.txt');
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('apache-httpd');
    expect(e.cause).toBe('ip-or-geo-blocked');
    expect(e.candidates.map((c) => c.cause)).toEqual(expect.arrayContaining(['method-or-path-blocked', 'directory-listing-or-filesystem']));
    for (const ev of e.evidence) if (ev.where === 'body') expect(r.body).toContain(ev.text);
  });

  it('directory without index and -Indexes -> 403 from Apache', async () => {
    const r = await get(port, '/noindex/');
    expect(r.status).toBe(403);
    const e = explain(r);
    expect(e.producer?.id).toBe('apache-httpd');
    expect(e.candidates.slice(0, 3).map((c) => c.cause)).toContain('directory-listing-or-filesystem');
  });

  it('unreadable file -> 403 from Apache', async () => {
    const r = await get(port, '/secret.txt');
    expect(r.status).toBe(403);
    expect(explain(r).producer?.id).toBe('apache-httpd');
  });

  it('404 is not a refusal', async () => {
    const e = explain(await get(port, '/nope'));
    expect(e.blocked).toBe(false);
    expect(e.producer?.id).toBe('apache-httpd');
  });
});
