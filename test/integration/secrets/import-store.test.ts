// `clearance import` keeps every credential value of a Postman, Insomnia or Bruno export: in the
// OS keychain when one is reachable (a real gnome-keyring under dbus-run-session), else in the
// local store (a 0600 file under the data folder); never in the workspace. A send then resolves them.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../../support/cli';
import { withKeyring } from '../../support/keyring';
import { startHttp, type TestServer } from '../../support/servers';

const FIXTURES = join(process.cwd(), 'test/fixtures/imports/credentials');
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

let server: TestServer;
let tmp: string;
const seen = new Map<string, Record<string, string | undefined>>();

/** The three exports, pointed at the local server. */
const inputs = { postman: '', insomnia: '', bruno: '' };
const VALUES = {
  postman: ['pm-collection-key-7f3a', 'pm-collection-bearer-91c2', 'pm-folder-pass-3e8b', 'pm-literal-session-2b6c'],
  insomnia: ['ins-base-key-6a1f', 'ins-folder-token-c3d9'],
  bruno: ['bru-collection-key-8e2a', 'bru-folder-pass-1f7c'],
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'clearance-import-secrets-'));
  server = await startHttp((req, res) => {
    seen.set(req.url ?? '', { authorization: req.headers.authorization, 'x-api-key': req.headers['x-api-key'] as string | undefined,
      'x-session-token': req.headers['x-session-token'] as string | undefined });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  inputs.postman = join(tmp, 'shop.postman_collection.json');
  await writeFile(inputs.postman, (await readFile(join(FIXTURES, 'shop.postman_collection.json'), 'utf8')).replace('https://shop.invalid', server.url));
  inputs.insomnia = join(tmp, 'billing.insomnia.json');
  await writeFile(inputs.insomnia, (await readFile(join(FIXTURES, 'billing.insomnia.json'), 'utf8')).replace('__PORT__', String(server.port)));
  inputs.bruno = join(tmp, 'bruno-shop');
  await cp(join(FIXTURES, 'bruno-shop'), inputs.bruno, { recursive: true });
  const local = join(inputs.bruno, 'environments', 'Local.bru');
  await writeFile(local, (await readFile(local, 'utf8')).replace('__PORT__', String(server.port)));
});

afterAll(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

async function expectNoValueIn(dir: string, values: string[]): Promise<void> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  expect(files.length).toBeGreaterThan(2);
  for (const f of files) {
    const text = await readFile(f, 'utf8');
    for (const v of values) expect(text, `${f} holds ${v}`).not.toContain(v);
  }
}

const workspaceId = async (ws: string) => /\nid: (\S+)/.exec(await readFile(join(ws, 'clearance.yaml'), 'utf8'))![1]!;

describe('clearance import with no keychain reachable: the local store', () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'clearance-import-home-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  for (const format of ['postman', 'insomnia', 'bruno'] as const) {
    it(`${format}: every value in the local store (0600, folder 0700), none in the workspace, named by a warning`, async () => {
      const ws = join(tmp, `ws-local-${format}`);
      const env = { ...NO_KEYCHAIN, CLEARANCE_HOME: home };
      const r = await runCli(['import', format, inputs[format], '--out', ws], { env });
      expect(r.code, r.stderr).toBe(0);
      const path = join(home, 'secrets', 'local-store.json');
      expect(r.stderr).toContain('warning: No OS keychain is available');
      expect(r.stderr).toContain(path);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(home, 'secrets'))).mode & 0o777).toBe(0o700);
      const store = JSON.parse(await readFile(path, 'utf8')) as { workspaces: Record<string, Record<string, string>> };
      const mine = Object.values(store.workspaces[await workspaceId(ws)] ?? {});
      for (const v of VALUES[format]) expect(mine).toContain(v);
      await expectNoValueIn(ws, VALUES[format]);
      const list = await runCli(['secrets', 'list', ws, '--json'], { env });
      expect(list.code, list.stderr).toBe(0);
      const listed = JSON.parse(list.stdout) as { secrets: Array<{ source: string }> };
      expect(listed.secrets.length).toBeGreaterThanOrEqual(VALUES[format].length);
      expect(new Set(listed.secrets.map((s) => s.source))).toEqual(new Set(['local-store']));
      for (const v of VALUES[format]) expect(list.stdout).not.toContain(v);
    });
  }

  it('a run of the imported workspaces resolves the values from the local store and sends them', async () => {
    const env = { ...NO_KEYCHAIN, CLEARANCE_HOME: home };
    seen.clear();
    // The import put the collection's secrets into a new environment `default` (Postman's has none).
    const pm = await runCli(['run', join(tmp, 'ws-local-postman'), '--env', 'default'], { env });
    expect(pm.code, pm.stdout + pm.stderr).toBe(0);
    expect(seen.get('/pm/orders')).toEqual({ authorization: 'Bearer pm-collection-bearer-91c2', 'x-api-key': 'pm-collection-key-7f3a', 'x-session-token': undefined });
    expect(seen.get('/pm/stats')).toEqual({ authorization: basic('admin', 'pm-folder-pass-3e8b'), 'x-api-key': undefined, 'x-session-token': 'pm-literal-session-2b6c' });
    const ins = await runCli(['run', join(tmp, 'ws-local-insomnia'), '--env', 'Local'], { env });
    expect(ins.code, ins.stdout + ins.stderr).toBe(0);
    expect(seen.get('/ins/invoices')).toEqual({ authorization: 'Bearer ins-folder-token-c3d9', 'x-api-key': 'ins-base-key-6a1f', 'x-session-token': undefined });
    const bru = await runCli(['run', join(tmp, 'ws-local-bruno'), '--env', 'Local'], { env });
    expect(bru.code, bru.stdout + bru.stderr).toBe(0);
    expect(seen.get('/bru/stats')).toEqual({ authorization: basic('admin', 'bru-folder-pass-1f7c'), 'x-api-key': 'bru-collection-key-8e2a', 'x-session-token': undefined });
  });

  it('secrets move to an unreachable keychain exits 1 and leaves every value in the local store', async () => {
    const ws = join(tmp, 'ws-local-bruno');
    const path = join(home, 'secrets', 'local-store.json');
    const before = await readFile(path, 'utf8');
    const r = await runCli(['secrets', 'move', ws, '--to', 'keychain'], { env: { ...NO_KEYCHAIN, CLEARANCE_HOME: home } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clearance: nothing more moved: No OS keychain is available/);
    expect(await readFile(path, 'utf8')).toBe(before);
    const bad = await runCli(['secrets', 'move', ws, '--to', 'vault'], { env: { ...NO_KEYCHAIN, CLEARANCE_HOME: home } });
    expect(bad.code).toBe(2);
  });

  it('env: still wins: an environment variable named by the file beats the local store', async () => {
    const ws = join(tmp, 'ws-local-postman');
    const file = join(ws, 'environments', 'default.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/ {2}apiKey:\n {4}secret: true\n/, '  apiKey:\n    secret: true\n    env: CI_SHOP_KEY\n'));
    seen.clear();
    const r = await runCli(['run', ws, '--env', 'default'], { env: { ...NO_KEYCHAIN, CLEARANCE_HOME: home, CI_SHOP_KEY: 'from-ci-env-0042' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(seen.get('/pm/orders')?.['x-api-key']).toBe('from-ci-env-0042');
    const list = await runCli(['secrets', 'list', ws], { env: { ...NO_KEYCHAIN, CLEARANCE_HOME: home, CI_SHOP_KEY: 'x' } });
    expect(list.stdout).toMatch(/environment default +apiKey +env CI_SHOP_KEY \(also in: local store\)/);
  });
});

describe('clearance import with a keychain (gnome-keyring under dbus-run-session)', () => {
  it('keeps every value in the keychain, writes no local store, and moves them to the local store and back on request', async () => {
    const home = await mkdtemp(join(tmpdir(), 'clearance-import-kc-home-'));
    const ws = join(tmp, 'ws-keychain-postman');
    const cli = (...args: string[]) => `node ${CLI_BIN} ${args.map((a) => `'${a}'`).join(' ')}`;
    // One session, one keyring: import, list, run, move out and back in, list again.
    const script = [
      cli('import', 'postman', inputs.postman, '--out', ws), 'echo "::list1"', cli('secrets', 'list', ws, '--json'),
      'echo "::run"', cli('run', ws, '--env', 'default'), 'echo "::store-after-import"', `test -e '${home}/secrets/local-store.json' && echo yes || echo no`,
      'echo "::move-out"', cli('secrets', 'move', ws, '--to', 'local-store', '--json'), 'echo "::move-in"', cli('secrets', 'move', ws, '--to', 'keychain', '--json'),
      'echo "::list2"', cli('secrets', 'list', ws, '--json'),
    ].join(' && ');
    try {
      seen.clear();
      const r = await withKeyring(['bash', '-c', script], { CLEARANCE_HOME: home, NO_COLOR: '1' });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const part = (name: string) => r.stdout.split(`::${name}\n`)[1]!.split('\n::')[0]!;
      expect(r.stdout).toMatch(/\d+ secret value\(s\) kept in the OS keychain/);
      expect(r.stderr).not.toContain('local store');
      expect(part('store-after-import').trim()).toBe('no');
      const sources = (text: string) => new Set((JSON.parse(text) as { secrets: Array<{ source: string }> }).secrets.map((s) => s.source));
      expect(sources(part('list1'))).toEqual(new Set(['keychain']));
      expect(seen.get('/pm/orders')).toEqual({ authorization: 'Bearer pm-collection-bearer-91c2', 'x-api-key': 'pm-collection-key-7f3a', 'x-session-token': undefined });
      expect(seen.get('/pm/stats')?.authorization).toBe(basic('admin', 'pm-folder-pass-3e8b'));
      const out = JSON.parse(part('move-out')) as { moved: string[] };
      expect(out.moved.length).toBeGreaterThanOrEqual(VALUES.postman.length);
      const back = JSON.parse(part('move-in')) as { moved: string[] };
      expect(back.moved).toEqual(out.moved);
      expect(sources(part('list2'))).toEqual(new Set(['keychain']));
      // After moving back, the local store holds nothing of this workspace.
      const store = JSON.parse(await readFile(join(home, 'secrets', 'local-store.json'), 'utf8')) as { workspaces: Record<string, unknown> };
      expect(store.workspaces[await workspaceId(ws)]).toBeUndefined();
      await expectNoValueIn(ws, VALUES.postman);
      for (const v of VALUES.postman) expect(r.stdout + r.stderr).not.toContain(v);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
