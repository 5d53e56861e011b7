// The matrix's real parts: an nginx API whose `map` turns an API key into a caller (alice may call
// /orders and /admin, bob only /public, no key is refused with 401), listening on 127.0.0.1 and on a
// second host 127.0.0.2; HAProxy in front of it as the gateway `edge` (denies /admin, requires
// X-Tenant, which the profile adds); Squid as the forward proxy `corp-proxy` (denies 127.0.0.2).
// nginx logs who called what through which gateway (never the key): the server's truth.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHaproxyTenantGate, type RunningGateway } from '../../support/gateways';
import { nginxPreamble, runNginxConf } from '../../support/nginx';
import { freePort } from '../../support/ports';
import { startSquid, type RunningSquid } from '../../support/squid';

export const KEY_A = 'matrix-alice-key-5d1f9e';
export const KEY_B = 'matrix-bob-key-08c2aa';
export const PROXY_PASS = 'matrix-proxy-pass-77';
/** What the CLI needs in its environment: the keys come from env vars the key profiles name. */
export const SECRETS_ENV = { MATRIX_KEY_A: KEY_A, MATRIX_KEY_B: KEY_B, MATRIX_PROXY_PASS: PROXY_PASS, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

export interface LogLine { addr: string; method: string; uri: string; who: string; via: string; tenant: string; squid: string }

export interface MatrixWorld {
  dir: string;
  port: number;
  /** nginx's access log lines since the last `clearLog()` */
  log(): LogLine[];
  stop(): Promise<void>;
}

async function startKeyedNginx(): Promise<{ port: number; logFile: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-matrix-nginx-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const guarded = (who: string) => `if ($who = "") { return 401 '{"error":"missing api key"}'; }
      if ($who != "${who}") { return 403 '{"error":"this key may not call $uri"}'; }`;
  const conf = `
${nginxPreamble(dir)}
  log_format matrix '$server_addr|$request_method|$uri|$who|$http_x_via|$http_x_tenant|$http_via';
  map $http_x_api_key $who {
    default "";
    "${KEY_A}" alice;
    "${KEY_B}" bob;
  }
  server {
    listen 127.0.0.1:${port};
    listen 127.0.0.2:${port};
    access_log ${dir}/matrix.log matrix;
    default_type application/json;
    location = /orders { ${guarded('alice')} return 200 '{"orders":[]}'; }
    location = /admin { ${guarded('alice')} return 200 '{"admin":true}'; }
    location = /public {
      if ($who = "") { return 401 '{"error":"missing api key"}'; }
      return 200 '{"public":true}';
    }
  }
}
`;
  const proc = await runNginxConf(dir, conf, port);
  return { port, logFile: join(dir, 'matrix.log'), stop: async () => { await proc.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

const keyProfile = (name: string, env: string): string =>
  ['name: ' + name, 'kind: api-key', 'in: header', 'param: x-api-key', 'hosts:', '  - 127.0.0.1', '  - 127.0.0.2', 'key:', '  secret: true', `  env: ${env}`, ''].join('\n');

async function writeWorkspace(dir: string, port: number, haproxy: RunningGateway, squid: RunningSquid): Promise<void> {
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: 3f1b2c4d-0000-4000-8000-00000000a11c\norder: [orders, public, admin, partner, create-order]\n');
  const requests: Record<string, string> = {
    'orders.yaml': 'name: Orders\nmethod: GET\nurl: "{{base}}/orders"\n',
    'public.yaml': 'name: Public\nmethod: GET\nurl: "{{base}}/public"\n',
    'admin.yaml': 'name: Admin\nmethod: GET\nurl: "{{base}}/admin"\n',
    'partner.yaml': 'name: Partner\nmethod: GET\nurl: "{{partner}}/public"\n',
    'create-order.yaml': 'name: Create order\nmethod: POST\nurl: "{{base}}/orders"\nbody:\n  kind: json\n  text: "{}"\n',
  };
  for (const [f, text] of Object.entries(requests)) await writeFile(join(dir, f), text);
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: http://127.0.0.1:${port}\n  partner: http://127.0.0.2:${port}\n`);
  await mkdir(join(dir, 'keys'));
  await writeFile(join(dir, 'keys', 'alice.yaml'), keyProfile('alice', 'MATRIX_KEY_A'));
  await writeFile(join(dir, 'keys', 'bob.yaml'), keyProfile('bob', 'MATRIX_KEY_B'));
  await mkdir(join(dir, 'gateways'));
  await writeFile(join(dir, 'gateways', 'edge.yaml'), ['name: edge', 'preset: haproxy', 'rewrite:', `  from: http://127.0.0.1:${port}`, `  to: ${haproxy.url}`,
    'headers:', '  - name: X-Tenant', '    value: acme', ''].join('\n'));
  await writeFile(join(dir, 'gateways', 'corp-proxy.yaml'), ['name: corp-proxy', 'proxy:', `  url: ${squid.url}`, '  username: matrix', '  password:', '    secret: true',
    '    env: MATRIX_PROXY_PASS', ''].join('\n'));
}

export async function startWorld(): Promise<MatrixWorld> {
  const nginx = await startKeyedNginx();
  const haproxy = await startHaproxyTenantGate(nginx.port, 'acme', ['/admin']);
  const squid = await startSquid('matrix', PROXY_PASS, { denyHosts: ['127.0.0.2'] });
  const dir = await mkdtemp(join(tmpdir(), 'clearance-matrix-ws-'));
  await writeWorkspace(dir, nginx.port, haproxy, squid);
  return {
    dir, port: nginx.port,
    log: () => {
      let text = '';
      try { text = readFileSync(nginx.logFile, 'utf8'); } catch { /* nothing logged yet: no request reached nginx */ }
      return text.split('\n').filter(Boolean).map((l) => {
        const [addr, method, uri, who, via, tenant, squidVia] = l.split('|') as [string, string, string, string, string, string, string];
        return { addr, method, uri, who, via, tenant, squid: squidVia };
      });
    },
    stop: async () => {
      await Promise.allSettled([nginx.stop(), haproxy.stop(), squid.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
