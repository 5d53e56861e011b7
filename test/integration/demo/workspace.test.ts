// The demo workspace: it loads with the workspace loader without problems, its secrets are in the
// local store (the file on disk), and the CLI meets each documented refusal, and the fix, at the server.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_NAME, startDemoServer, writeDemoWorkspace, type DemoServer, type DemoWorkspace } from '../../../electron/demo';
import { localStore, localStorePath } from '../../../electron/secrets';
import { loadWorkspace } from '../../../electron/workspace';
import { listProfiles } from '../../../electron/workspace/profiles';
import { runCli } from '../../support/cli';

let home: string;
let demo: DemoServer;
let ws: DemoWorkspace;
// No keychain: the values must come from the local store, as on a machine without one.
const env = () => ({ CLEARANCE_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'clearance-demo-home-'));
  demo = await startDemoServer();
  ws = await writeDemoWorkspace(join(home, 'demo', 'workspace'), demo.url, { localStore: localStore(localStorePath({ CLEARANCE_HOME: home })) });
});

afterAll(async () => {
  await demo.close();
  await rm(home, { recursive: true, force: true });
});

describe('the demo workspace on disk', () => {
  it('loads without problems: six lesson folders of one request each, the demo environment, four key profiles', async () => {
    const snap = await loadWorkspace(ws.root);
    expect(snap.problems).toEqual([]);
    expect(snap.file.name).toBe(DEMO_NAME);
    expect(snap.tree.map((n) => n.type === 'folder' ? n.children.map((c) => c.path) : [])).toEqual(ws.requests.map((r) => [r]));
    expect(snap.environments.map((e) => e.name)).toEqual(['demo']);
    expect(await readFile(join(ws.root, 'environments', 'demo.yaml'), 'utf8')).toContain(`base: ${demo.url}`);
    const keys = await listProfiles(ws.root, 'key');
    expect(keys.map((k) => [k.name, k.problem])).toEqual([
      ['demo-key-query', undefined], ['demo-key', undefined], ['demo-token', undefined], ['reports-reader', undefined]]);
    expect(ws.requests[0]).toBe('key-in-the-query/list-orders.yaml');
  });

  it('keeps the secret values out of the workspace and in the local store under the workspace id', async () => {
    const snap = await loadWorkspace(ws.root);
    const files = await readdir(ws.root, { recursive: true });
    for (const f of files.filter((n) => n.endsWith('.yaml'))) {
      expect(await readFile(join(ws.root, f), 'utf8')).not.toContain(DEMO_API_KEY);
    }
    const stored = JSON.parse(await readFile(join(home, 'secrets', 'local-store.json'), 'utf8')) as { workspaces: Record<string, Record<string, string>> };
    const mine = stored.workspaces[snap.file.id]!;
    expect(mine['key:demo-key/key']).toBe(DEMO_API_KEY);
    expect(mine['key:demo-key-query/key']).toBe(DEMO_API_KEY);
    expect(mine['key:demo-token/token']).toMatch(/^eyJ/);
    expect(mine['key:reports-reader/token']).toMatch(/^eyJ/);
  });

  it('is rewritten in place on the next start: the same id and files, the new port', async () => {
    const dir = join(home, 'rewrite');
    const store = localStore(join(home, 'rewrite-store.json'));
    const a = await writeDemoWorkspace(dir, 'http://127.0.0.1:1111', { localStore: store });
    const id = (await loadWorkspace(a.root)).file.id;
    const files = (await readdir(a.root, { recursive: true })).sort();
    const b = await writeDemoWorkspace(dir, 'http://127.0.0.1:2222', { localStore: store });
    expect((await loadWorkspace(b.root)).file.id).toBe(id);
    expect((await readdir(b.root, { recursive: true })).sort()).toEqual(files);
    expect(await readFile(join(b.root, 'environments', 'demo.yaml'), 'utf8')).toContain('base: http://127.0.0.1:2222');
  });

  it('refuses a folder that holds something else, writing nothing there', async () => {
    const dir = join(home, 'mine');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(writeDemoWorkspace(dir, demo.url)).rejects.toMatchObject({ info: { code: 'exists' } });
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});

describe('clearance send on the demo workspace', () => {
  const file = (i: number) => join(ws.root, ws.requests[i]!);

  it('List orders gets API Gateway\'s 403, explained; the server saw the key in ?api_key= and no X-API-Key', async () => {
    const r = await runCli(['send', file(0), '--env', 'demo'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/403 Forbidden/);
    expect(r.stderr).toMatch(/Refused by Amazon API Gateway \(gateway\): Missing credentials/);
    expect(r.stdout.trim()).toBe('{"message":"Forbidden"}');
    const hit = demo.hits.at(-1)!;
    expect(hit).toMatchObject({ path: '/v1/orders', query: `?api_key=${DEMO_API_KEY}`, status: 403 });
    expect(hit.headers['x-api-key']).toBeUndefined();
  });

  it('--key demo-key puts the key in X-API-Key: 200, and the server saw it there', async () => {
    const r = await runCli(['send', file(0), '--env', 'demo', '--key', 'demo-key'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/200 OK/);
    const hit = demo.hits.at(-1)!;
    expect(hit).toMatchObject({ path: '/v1/orders', query: '', status: 200 });
    expect(hit.headers['x-api-key']).toBe(DEMO_API_KEY);
  });

  it('--key reports-reader sends the token with the scope the reports route asked for: 200', async () => {
    const r = await runCli(['send', file(2), '--env', 'demo', '--key', 'reports-reader'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(demo.hits.at(-1)).toMatchObject({ path: '/v1/admin/reports', status: 200 });
    expect(demo.hits.at(-1)!.headers.authorization).toMatch(/^Bearer eyJ/);
  });

  it('clearance run: every lesson is refused as documented (the status each route sends)', async () => {
    const out = join(home, 'run-out');
    const r = await runCli(['run', ws.root, '--env', 'demo', '--reporter', 'json', '--out', out, '--no-history'], { env: env() });
    expect(r.code, r.stderr).toBe(1);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Array<{ path: string; status: number; explanation: { cause: string } }> };
    expect(run.results.map((x) => [x.status, x.explanation.cause])).toEqual([
      [403, 'missing-credentials'], [401, 'missing-credentials'], [403, 'insufficient-permissions'],
      [403, 'ip-or-geo-blocked'], [403, 'rate-limited'], [403, 'waf-or-bot-block'],
    ]);
    const cart = demo.hits.filter((h) => h.path === '/shop/cart').at(-1)!;
    expect(cart.headers['user-agent']).toMatch(/^clearance\//);
    expect(demo.hits.filter((h) => h.path === '/gw/products').at(-1)!.headers['x-api-key']).toBe(DEMO_API_KEY);
  });
});
