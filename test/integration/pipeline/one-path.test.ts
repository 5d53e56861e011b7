// One request, every caller: the app's handler (workspace.sendRequest), `clearance send`,
// `clearance run`, and the exports (curl run by real curl, a Node fetch snippet run by node, the
// Postman collection read by Postman's SDK). The server records what each put on the wire; the
// Clearance callers must match header for header (name, value, order), the exports must carry the
// same headers (their clients add their own User-Agent/Accept). The request inherits a collection
// header, a folder header, an environment variable, a gateway (rewrite + secret header) and an
// api-key profile that uses the default parameter name, with a user header of the same name that
// the key must beat, as the engine sends it.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceContract, bindContract } from '../../../shared/contract';
import { createWorkspaceService } from '../../../electron/services';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const run = promisify(execFile);
const KEY = 'team-key-0123456789';
const GW = 'gw-token-abcdef';
const env = { TEAM_KEY_ENV: KEY, GW_TOKEN_ENV: GW };

let server: TestServer;
let dir: string;
const seen: Array<{ tag: string; path: string; headers: Array<[string, string]> }> = [];

/** Raw headers as they arrived, in order, minus the ones each HTTP client writes its own way. */
// (Node's fetch also adds Accept-Language and Sec-Fetch-Mode of its own.)
const CLIENT_OWN = new Set(['host', 'connection', 'content-length', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'sec-fetch-mode']);
function comparable(h: Array<[string, string]>): Array<[string, string]> {
  return h.filter(([n]) => !CLIENT_OWN.has(n.toLowerCase())).map(([n, v]) => [n.toLowerCase(), v]);
}
const sorted = (h: Array<[string, string]>) => [...h].sort((a, b) => a[0].localeCompare(b[0]));

function lastFor(tag: string) {
  const hit = [...seen].reverse().find((s) => s.tag === tag);
  if (!hit) throw new Error(`the server saw no request tagged ${tag}: ${JSON.stringify(seen.map((s) => s.tag))}`);
  return hit;
}

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    seen.push({ tag: String(req.headers['x-caller'] ?? ''), path: req.url ?? '', headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-one-path-'));
  await writeFile(join(dir, 'clearance.yaml'), [
    'clearance: 1', 'name: One path', 'id: 0e1c0e52-0000-4000-8000-0000000000aa', 'defaults:', '  headers:', '    - name: X-Team', '      value: checkout', '',
  ].join('\n'));
  await mkdir(join(dir, 'orders'));
  await writeFile(join(dir, 'orders', 'folder.yaml'), [
    'name: Orders', 'defaults:', '  key: team', '  gateway: edge', '  headers:', '    - name: X-Folder', '      value: orders', '',
  ].join('\n'));
  await writeFile(join(dir, 'orders', 'list.yaml'), [
    'name: List orders', 'method: GET', 'url: "{{base}}/orders"', 'params:', '  - name: limit', '    value: "5"', 'headers:',
    '  - name: X-Caller', '    value: "{{caller}}"', '  - name: X-Api-Key', '    value: user-written-key-loses', '',
  ].join('\n'));
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'), 'name: local\nvariables:\n  base: https://api.shop.example\n  caller: nobody\n');
  await mkdir(join(dir, 'keys'));
  // No `param:`: the default (x-api-key) must reach every caller and every export.
  await writeFile(join(dir, 'keys', 'team.yaml'), ['name: team', 'kind: api-key', 'hosts:', `  - 127.0.0.1:${server.port}`,
    'key:', '  secret: true', '  env: TEAM_KEY_ENV', ''].join('\n'));
  await mkdir(join(dir, 'gateways'));
  await writeFile(join(dir, 'gateways', 'edge.yaml'), ['name: edge', 'rewrite:', '  from: https://api.shop.example', `  to: http://127.0.0.1:${server.port}`,
    '  prefix: /v1', 'headers:', '  - name: X-Gateway-Token', '    value:', '      secret: true', '      env: GW_TOKEN_ENV', ''].join('\n'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const EXPECTED: Array<[string, string]> = [
  ['x-caller', ''], ['x-team', 'checkout'], ['x-folder', 'orders'], ['x-gateway-token', GW], ['x-api-key', KEY],
];
const expectedFor = (tag: string) => EXPECTED.map(([n, v]): [string, string] => [n, n === 'x-caller' ? tag : v]);

describe('one prepared request for every caller', () => {
  it('the app handler, clearance send and clearance run put the same headers on the wire, in the same order', async () => {
    const handler = bindContract(workspaceContract, createWorkspaceService({ environ: env })).get('workspace.sendRequest')!;
    const app = await handler({ dir, path: 'orders/list.yaml', env: 'local', variables: { caller: 'app' } });
    expect(app).toMatchObject({ ok: true, value: { status: 200 } });
    const cliEnv = { ...env, CLEARANCE_HOME: join(dir, '.home') };
    await writeFile(join(dir, 'environments', 'local.yaml'), 'name: local\nvariables:\n  base: https://api.shop.example\n  caller: send\n');
    const sent = await runCli(['send', join(dir, 'orders', 'list.yaml'), '--env', 'local'], { env: cliEnv });
    expect(sent.code, sent.stderr).toBe(0);
    await writeFile(join(dir, 'environments', 'local.yaml'), 'name: local\nvariables:\n  base: https://api.shop.example\n  caller: run\n');
    const ran = await runCli(['run', dir, '--env', 'local'], { env: cliEnv });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);

    for (const tag of ['app', 'send', 'run']) {
      const s = lastFor(tag);
      expect(s.path).toBe('/v1/orders?limit=5');
      expect(comparable(s.headers)).toEqual(expectedFor(tag));
    }
    // Including the engine's own headers, the three are identical but for the caller tag.
    const full = (tag: string) => lastFor(tag).headers.map(([n, v]) => [n, n.toLowerCase() === 'x-caller' ? '' : v]);
    expect(full('send')).toEqual(full('app'));
    expect(full('run')).toEqual(full('app'));
  });

  it('the curl export, run by real curl, sends the same request; secrets are {{name}} in the text', async () => {
    await writeFile(join(dir, 'environments', 'local.yaml'), 'name: local\nvariables:\n  base: https://api.shop.example\n  caller: curl\n');
    const out = await runCli(['export', 'curl', join(dir, 'orders', 'list.yaml'), '--env', 'local'], { env: { CLEARANCE_HOME: join(dir, '.home') } });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("-H 'x-api-key: {{team_key}}'");
    expect(out.stdout).not.toContain(KEY);
    expect(out.stdout).not.toContain('user-written-key-loses');
    const command = out.stdout.replace('{{team_key}}', KEY).replace(/\{\{edge_headers\.X-Gateway-Token\}\}/, GW);
    await run('bash', ['-c', command]);
    const s = lastFor('curl');
    expect(s.path).toBe('/v1/orders?limit=5');
    expect(sorted(comparable(s.headers))).toEqual(sorted(expectedFor('curl')));
  });

  it('an unknown key or environment for an export is bad input (exit 2), named, with nothing written', async () => {
    const home = { CLEARANCE_HOME: join(dir, '.home') };
    const key = await runCli(['export', 'curl', join(dir, 'orders', 'list.yaml'), '--key', 'nope'], { env: home });
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/no key profile named nope.*team/);
    expect(key.stdout).toBe('');
    const envr = await runCli(['export', 'curl', dir, '--env', 'staging'], { env: home });
    expect(envr.code).toBe(2);
    expect(envr.stderr).toMatch(/no environment named staging.*local/);
  });

  it('the JavaScript fetch snippet, run by node, sends the same headers', async () => {
    await writeFile(join(dir, 'environments', 'local.yaml'), 'name: local\nvariables:\n  base: https://api.shop.example\n  caller: snippet\n');
    const out = await runCli(['export', 'snippet:javascript', join(dir, 'orders', 'list.yaml'), '--env', 'local'], { env: { CLEARANCE_HOME: join(dir, '.home') } });
    expect(out.code, out.stderr).toBe(0);
    const file = join(dir, 'snippet.mjs');
    await writeFile(file, out.stdout.replace('{{team_key}}', KEY).replace(/\{\{edge_headers\.X-Gateway-Token\}\}/, GW));
    await run(process.execPath, [file]);
    expect(sorted(comparable(lastFor('snippet').headers))).toEqual(sorted(expectedFor('snippet')));
  });

  it("the Postman export carries the same headers and the key with its default parameter (read back by Postman's SDK)", async () => {
    const out = await runCli(['export', 'postman', dir], { env: { CLEARANCE_HOME: join(dir, '.home') } });
    expect(out.code, out.stderr).toBe(0);
    const { Collection } = createRequire(import.meta.url)('postman-collection') as { Collection: new (j: unknown) => { forEachItem(fn: (i: unknown) => void): void } };
    const pc = new Collection(JSON.parse(out.stdout));
    type PmItem = { getAuth(): { parameters(): { get(k: string): unknown } } | undefined; request: { headers: { all(): Array<{ key: string; value: string }> } } };
    const items: PmItem[] = [];
    pc.forEachItem((i) => items.push(i as never));
    const auth = items[0]!.getAuth();
    expect(auth?.parameters().get('key')).toBe('x-api-key');
    expect(auth?.parameters().get('value')).toBe('{{team_key}}');
    // The headers Clearance sends, with Postman's own auth placing the key: the user's X-Api-Key is gone.
    const headers = items[0]!.request.headers.all().map((h) => [h.key.toLowerCase(), h.value]);
    expect(headers).toEqual([['x-caller', '{{caller}}'], ['x-team', 'checkout'], ['x-folder', 'orders'], ['x-gateway-token', '{{edge_headers.X-Gateway-Token}}']]);
    expect(out.stderr).toMatch(/gateway profile 'edge': its headers are copied.*URL rewrite.*left out/);
  });
});
