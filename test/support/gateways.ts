import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { nginxPreamble, runNginxConf } from './nginx';
import { runUntilListening } from './process-runner';

export interface RunningGateway {
  port: number;
  url: string;
  stop: () => Promise<void>;
}

/**
 * A real nginx acting as an API gateway on 127.0.0.1: `/v1/` is proxied to the upstream with the
 * prefix stripped, only when X-API-Key is one of `keys` (map + if → 403 otherwise).
 */
export async function startNginxApiGateway(upstreamPort: number, keys: string[], prefix = '/v1/'): Promise<RunningGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-nginx-gw-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const entries = keys.map((k) => `    "${k}" 1;`).join('\n');
  const conf = `
${nginxPreamble(dir)}
  map $http_x_api_key $api_key_ok {
    default 0;
${entries}
  }
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    location ${prefix} {
      if ($api_key_ok = 0) { return 403; }
      proxy_pass http://127.0.0.1:${upstreamPort}/;
      proxy_set_header X-Gateway nginx;
    }
    location / { return 404; }
  }
}
`;
  const proc = await runNginxConf(dir, conf, port);
  return { port, url: `http://127.0.0.1:${port}`, stop: async () => { await proc.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * A real HAProxy in front of the upstream that denies requests without `X-Tenant: <tenant>`, and
 * those whose path starts with one of `denyPaths` whatever they carry; what passes gets `X-Via: haproxy`.
 */
export async function startHaproxyTenantGate(upstreamPort: number, tenant: string, denyPaths: string[] = []): Promise<RunningGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-haproxy-'));
  const port = await freePort();
  const cfg = `
global
  maxconn 64
defaults
  mode http
  timeout connect 5s
  timeout client 10s
  timeout server 10s
frontend fe
  bind 127.0.0.1:${port}
${denyPaths.map((p) => `  http-request deny if { path_beg ${p} }\n`).join('')}  http-request deny if !{ req.hdr(x-tenant) -m str ${tenant} }
  http-request set-header X-Via haproxy
  default_backend be
backend be
  server up 127.0.0.1:${upstreamPort}
`;
  writeFileSync(join(dir, 'haproxy.cfg'), cfg);
  const proc = await runUntilListening('/usr/sbin/haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db'], port).catch((err: Error) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  return { port, url: `http://127.0.0.1:${port}`, stop: async () => { await proc.stop(); rmSync(dir, { recursive: true, force: true }); } };
}
