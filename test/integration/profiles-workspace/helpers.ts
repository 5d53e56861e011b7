// A temp workspace with a key profile (api key in a header, bound to the gateway's 127.0.0.1:<port>,
// secret from an env var) and a gateway profile (rewrite to a Node "gateway" that checks the key and
// the gateway header), plus the upstream host the requests are written against.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttp, type TestServer } from '../../support/servers';

export const TEAM_KEY = 'team-key-7d1e5c9a';
export const GATEWAY_TOKEN = 'gw-route-token-55aa';

export interface Seen { url: string; headers: Record<string, string | string[] | undefined> }

/** The "gateway": 200 only with the team key and the gateway header, on the /v1 route prefix; its own 403 otherwise. */
export async function startGateway(seen: Seen[]): Promise<TestServer> {
  return startHttp((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const keyOk = req.headers['x-api-key'] === TEAM_KEY;
    const routeOk = req.headers['x-gateway-token'] === GATEWAY_TOKEN && (req.url ?? '').startsWith('/v1/');
    if (keyOk && routeOk) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, path: req.url }));
      return;
    }
    res.writeHead(403, { 'content-type': 'application/json', 'x-gateway': 'test-gateway' });
    res.end(JSON.stringify({ message: keyOk ? 'route not allowed' : 'Invalid API key' }));
  });
}

/** Writes the workspace; the team key's secret comes from TEAM_KEY_ENV, the gateway token from GW_TOKEN_ENV. */
export async function makeWorkspace(port: number, opts: { requestKey?: string } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clearance-profiles-ws-'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Profiles\nid: ws-profiles-0001\ndefaults:\n  gateway: local\n');
  await mkdir(join(dir, 'keys'));
  await mkdir(join(dir, 'gateways'));
  await mkdir(join(dir, 'orders'));
  await writeFile(join(dir, 'keys', 'team.yaml'), [
    'name: team', 'kind: api-key', 'in: header', 'param: x-api-key', 'owner: core team',
    'hosts:', `  - 127.0.0.1:${port}`, 'key:', '  secret: true', '  env: TEAM_KEY_ENV', '',
  ].join('\n'));
  await writeFile(join(dir, 'keys', 'partner.yaml'), [
    'name: partner', 'kind: api-key', 'param: x-api-key', 'hosts:', `  - 127.0.0.1:${port}`, 'key:', '  secret: true', '  env: PARTNER_KEY_ENV', '',
  ].join('\n'));
  await writeFile(join(dir, 'keys', 'elsewhere.yaml'), [
    'name: elsewhere', 'kind: bearer', 'hosts:', '  - api.partner.example', 'token:', '  secret: true', '  env: TEAM_KEY_ENV', '',
  ].join('\n'));
  await writeFile(join(dir, 'gateways', 'local.yaml'), [
    'name: local', 'preset: nginx-reverse-proxy', 'rewrite:', '  from: https://api.shop.example', `  to: http://127.0.0.1:${port}`, '  prefix: /v1',
    'headers:', '  - name: X-Gateway-Token', '    value:', '      secret: true', '      env: GW_TOKEN_ENV', '',
  ].join('\n'));
  await writeFile(join(dir, 'orders', 'folder.yaml'), 'defaults:\n  key: team\n');
  await writeFile(join(dir, 'orders', 'list.yaml'),
    `name: List\nmethod: GET\nurl: https://api.shop.example/orders\n${opts.requestKey ? `key: ${opts.requestKey}\n` : ''}`);
  return dir;
}

export const ENVIRON = { TEAM_KEY_ENV: TEAM_KEY, PARTNER_KEY_ENV: 'partner-key-0000', GW_TOKEN_ENV: GATEWAY_TOKEN };
