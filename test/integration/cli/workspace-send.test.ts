import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let home: string;
let server: TestServer;
const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-cli-ws-'));
  home = await mkdtemp(join(tmpdir(), 'clearance-cli-home-'));
  server = await startHttp((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(req.headers['x-api-key'] === 'ci-key-123' ? 200 : 403, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: 0f0e0d0c-cli\ndefaults:\n  headers:\n    - name: X-Team\n      value: core\n');
  await mkdir(join(dir, 'orders'));
  await writeFile(join(dir, 'orders', 'folder.yaml'), 'defaults:\n  variables:\n    page: "3"\n');
  await writeFile(join(dir, 'orders', 'list.yaml'),
    'name: List\nmethod: GET\nurl: "{{base}}/orders?page={{page}}"\nheaders:\n  - name: X-Api-Key\n    value: "{{apiKey}}"\n');
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'),
    `name: local\nvariables:\n  base: ${server.url}\n  apiKey:\n    secret: true\n    env: SHOP_KEY\n`);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ CLEARANCE_HOME: home, SHOP_KEY: 'ci-key-123', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });

describe('clearance send REQUEST_FILE in a workspace', () => {
  it('finds the workspace above the file, resolves with --env (secret from the env var named in the file) and sends', async () => {
    const r = await runCli(['send', join(dir, 'orders', 'list.yaml'), '--env', 'local', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout) as { status: number; wire: { headers: Array<{ name: string; origin: string }> } };
    expect(rec.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ url: '/orders?page=3', headers: { 'x-api-key': 'ci-key-123', 'x-team': 'core' } });
    expect(rec.wire.headers).toContainEqual({ name: 'X-Team', value: 'core', origin: 'collection' });
  });

  it('takes --workspace DIR explicitly, from another working folder', async () => {
    const r = await runCli(['send', join(dir, 'orders', 'list.yaml'), '--workspace', dir, '--env', 'local'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/200 OK/);
  });

  it('exits 2 naming the unresolved variable and where it was used, sending nothing', async () => {
    const before = seen.length;
    const r = await runCli(['send', join(dir, 'orders', 'list.yaml')], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unresolved variable \{\{base\}\} in url/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const noKey = await runCli(['send', join(dir, 'orders', 'list.yaml'), '--env', 'local'], { env: { ...env(), SHOP_KEY: '' } });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/\{\{apiKey\}\} in header X-Api-Key: .*(No OS keychain|not set)/);
    expect(seen.length).toBe(before);
  });

  it('exits 2 for an unknown environment, a broken file, and --env outside a workspace', async () => {
    const unknown = await runCli(['send', join(dir, 'orders', 'list.yaml'), '--env', 'prod'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no environment named prod \(have: local\)/);
    await writeFile(join(dir, 'orders', 'broken.yaml'), 'name: B\nmethod: GET\nurl: [\n');
    const broken = await runCli(['send', join(dir, 'orders', 'broken.yaml')], { env: env() });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/orders\/broken\.yaml:\d+:\d+: YAML/);
    const loose = await mkdtemp(join(tmpdir(), 'clearance-cli-loose-'));
    await writeFile(join(loose, 'r.yaml'), `method: GET\nurl: ${server.url}/plain\n`);
    const outside = await runCli(['send', join(loose, 'r.yaml'), '--env', 'local'], { env: env() });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/not in a workspace/);
    const plain = await runCli(['send', join(loose, 'r.yaml')], { env: env() });
    expect(plain.code).toBe(0);
    await rm(loose, { recursive: true, force: true });
  });
});
