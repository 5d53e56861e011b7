// `clearance run` of Postman, Insomnia and Bruno exports whose credentials sit in collection- and
// folder-level variables and auth blocks: the local server must see exactly what newman, inso and
// bru send for the same file, and nothing from the file may be written to disk.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const FIXTURES = join(process.cwd(), 'test/fixtures/imports/credentials');
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

let server: TestServer;
let tmp: string;
let home: string;
const seen = new Map<string, Record<string, string | undefined>>();

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'clearance-run-creds-'));
  home = await mkdtemp(join(tmpdir(), 'clearance-run-creds-home-'));
  server = await startHttp((req, res) => {
    const h = req.headers;
    seen.set(req.url ?? '', { authorization: h.authorization, 'x-api-key': h['x-api-key'] as string | undefined, 'x-session-token': h['x-session-token'] as string | undefined });
    if ((req.url ?? '').startsWith('/deny')) {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"Forbidden"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});

afterAll(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

// No keychain reachable, a private data folder: the run must need neither.
const env = () => ({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', CLEARANCE_HOME: home });

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Nothing of the file's credentials in the data folder (no local store, no history of them). */
async function expectNothingWritten(values: string[]): Promise<void> {
  for (const f of await filesUnder(home)) {
    const text = await readFile(f, 'utf8');
    for (const v of values) expect(text, f).not.toContain(v);
  }
  expect(await filesUnder(home).then((l) => l.filter((f) => f.includes('local-store')))).toEqual([]);
}

describe('clearance run sends an export\'s credentials as its own tool does', () => {
  it('Postman v2.1: collection variable in a header, collection bearer auth, folder basic auth, a literal token header', async () => {
    seen.clear();
    const envFile = join(tmp, 'local.postman_environment.json');
    await writeFile(envFile, JSON.stringify({ name: 'Local', _postman_variable_scope: 'environment',
      values: [{ key: 'baseUrl', value: server.url, enabled: true }, { key: 'token', value: 'pm-env-bearer-4d0e', enabled: true }] }));
    const r = await runCli(['run', join(FIXTURES, 'shop.postman_collection.json'), '--env', envFile], { env: env() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // newman: the environment's baseUrl and token win over the collection's (environment > collection);
    // {{apiKey}} is the collection variable; the folder's basic auth replaces the collection's bearer.
    expect(seen.get('/pm/orders')).toEqual({ authorization: 'Bearer pm-env-bearer-4d0e', 'x-api-key': 'pm-collection-key-7f3a', 'x-session-token': undefined });
    expect(seen.get('/pm/stats')).toEqual({ authorization: basic('admin', 'pm-folder-pass-3e8b'), 'x-api-key': undefined, 'x-session-token': 'pm-literal-session-2b6c' });
    await expectNothingWritten(['pm-collection-key-7f3a', 'pm-env-bearer-4d0e', 'pm-folder-pass-3e8b', 'pm-literal-session-2b6c']);
  });

  it('a refused run keeps its failures in history with the export\'s credentials redacted', async () => {
    const file = join(tmp, 'denied.postman_collection.json');
    const doc = JSON.parse((await readFile(join(FIXTURES, 'shop.postman_collection.json'), 'utf8')).replace('https://shop.invalid', `${server.url}/deny`));
    // The key also travels where no header name marks it: in the query and the body, as APIs that take `?key=` do.
    doc.item.push({ name: 'Search', request: { method: 'POST', url: '{{baseUrl}}/search?key={{apiKey}}',
      body: { mode: 'raw', raw: '{"token":"{{token}}"}' } } });
    await writeFile(file, JSON.stringify(doc));
    const r = await runCli(['run', file], { env: env() });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(seen.get('/deny/search?key=pm-collection-key-7f3a')).toBeDefined();
    const history = await runCli(['history', '--json'], { env: env() });
    expect(history.stdout).toContain('/deny/pm/orders');
    await expectNothingWritten(['pm-collection-key-7f3a', 'pm-collection-bearer-91c2', 'pm-folder-pass-3e8b', 'pm-literal-session-2b6c']);
  });

  it('Postman without an environment: the collection\'s own token', async () => {
    seen.clear();
    const file = join(tmp, 'shop.postman_collection.json');
    await writeFile(file, (await readFile(join(FIXTURES, 'shop.postman_collection.json'), 'utf8')).replace('https://shop.invalid', server.url));
    const r = await runCli(['run', file], { env: env() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // newman: {{token}} of the collection's bearer auth is the collection variable.
    expect(seen.get('/pm/orders')?.authorization).toBe('Bearer pm-collection-bearer-91c2');
  });

  it('Insomnia v4: base-environment key in a folder header, folder-environment token in the folder\'s bearer auth', async () => {
    seen.clear();
    const file = join(tmp, 'billing.insomnia.json');
    await writeFile(file, (await readFile(join(FIXTURES, 'billing.insomnia.json'), 'utf8')).replace('__PORT__', String(server.port)));
    const r = await runCli(['run', file, '--env', 'Local'], { env: env() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // inso: the sub-environment's baseUrl over the base environment's; the folder's header and auth apply to its request.
    expect(seen.get('/ins/invoices')).toEqual({ authorization: 'Bearer ins-folder-token-c3d9', 'x-api-key': 'ins-base-key-6a1f', 'x-session-token': undefined });
    await expectNothingWritten(['ins-base-key-6a1f', 'ins-folder-token-c3d9']);
  });

  it('Bruno: collection.bru variable in a collection header, folder.bru basic auth with a folder variable', async () => {
    seen.clear();
    const dir = join(tmp, 'bruno-shop');
    await cp(join(FIXTURES, 'bruno-shop'), dir, { recursive: true });
    const envFile = join(dir, 'environments', 'Local.bru');
    await writeFile(envFile, (await readFile(envFile, 'utf8')).replace('__PORT__', String(server.port)));
    const r = await runCli(['run', dir, '--env', 'Local'], { env: env() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // bru: collection headers on every request, {{apiKey}} from collection vars; the folder's basic auth
    // (auth: inherit) with {{adminPassword}} from the folder's vars.
    expect(seen.get('/bru/stats')).toEqual({ authorization: basic('admin', 'bru-folder-pass-1f7c'), 'x-api-key': 'bru-collection-key-8e2a', 'x-session-token': undefined });
    expect(await readdir(dir)).toEqual(['admin', 'bruno.json', 'collection.bru', 'environments']);
    await expectNothingWritten(['bru-collection-key-8e2a', 'bru-folder-pass-1f7c']);
  });
});
