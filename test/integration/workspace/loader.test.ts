import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, RequestFile, TreeNode } from '../../../shared/model';
import {
  createFolder, createRequest, deleteEntry, initWorkspace, loadWorkspace, moveEntry, readCollection, readRequest, renameEntry,
  saveRequest, writeCollection,
} from '../../../electron/workspace';

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-ws-'));
  outside = await mkdtemp(join(tmpdir(), 'clearance-outside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const req = (name: string, url = 'https://api.test/' + name): RequestFile => ({ name, method: 'GET', url });
const names = (nodes: TreeNode[]): unknown[] => nodes.map((n) => (n.type === 'folder' ? { [n.name]: names(n.children) } : n.name));
const sha = async (p: string) => createHash('sha256').update(await readFile(p)).digest('hex');

describe('workspace loader', () => {
  it('initWorkspace writes clearance.yaml with a stable random id and refuses a second init', async () => {
    const file = await initWorkspace(dir, 'Shop');
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
    const text = await readFile(join(dir, 'clearance.yaml'), 'utf8');
    expect(text).toBe(`clearance: 1\nname: Shop\nid: ${file.id}\n`);
    await expect(initWorkspace(dir, 'Again')).rejects.toMatchObject({ info: { code: 'already-a-workspace' } });
    expect((await loadWorkspace(dir)).file.id).toBe(file.id);
    await expect(loadWorkspace(outside)).rejects.toMatchObject({ info: { code: 'not-a-workspace' } });
  });

  it('orders entries by the explicit order, then alphabetically; skips reserved dirs, dot and temp files', async () => {
    await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: W\nid: abcdefgh-1\norder: [users, zeta.yaml]\n');
    await mkdir(join(dir, 'users'));
    await writeFile(join(dir, 'users', 'folder.yaml'), 'name: Users API\norder: [delete-user]\n');
    for (const n of ['b-get', 'a-list', 'delete-user']) await writeFile(join(dir, 'users', `${n}.yaml`), `name: ${n}\nmethod: GET\nurl: /u\n`);
    for (const n of ['zeta', 'alpha']) await writeFile(join(dir, `${n}.yaml`), `name: ${n}\nmethod: GET\nurl: /${n}\n`);
    await mkdir(join(dir, 'environments'));
    await writeFile(join(dir, 'environments', 'staging.yaml'), 'name: Staging\nvariables:\n  host: s.test\n');
    await mkdir(join(dir, 'keys'));
    await writeFile(join(dir, 'keys', 'team.yaml'), 'name: team-key\nkind: header\n');
    await writeFile(join(dir, '.hidden.yaml'), 'x');
    await writeFile(join(dir, '.alpha.yaml.clearance-tmp-1-abcd'), 'half a fi');
    await mkdir(join(dir, '.git'));
    const snap = await loadWorkspace(dir);
    expect(names(snap.tree)).toEqual([{ 'Users API': ['delete-user', 'a-list', 'b-get'] }, 'zeta', 'alpha']);
    expect(snap.tree[0]).toMatchObject({ type: 'folder', path: 'users' });
    expect(snap.environments).toEqual([{ path: 'environments/staging.yaml', name: 'Staging' }]);
    expect(snap.keys).toEqual([{ path: 'keys/team.yaml', name: 'team-key' }]);
    expect(snap.problems).toEqual([]);
  });

  it('reports a broken file with path, line, column and reason, keeps it byte for byte, and loads the rest', async () => {
    await initWorkspace(dir, 'W');
    await createRequest(dir, '', req('good'));
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'name: b\nmethod: GET\nurl: /x\nheaders:\n  - name: A\n    value: [1, 2\n');
    const typo = join(dir, 'typo.yaml');
    await writeFile(typo, 'name: t\nmethod: GET\nurl: /t\nbody:\n  kind: jsonn\n  text: "{}"\n');
    const before = [await sha(broken), await sha(typo)];
    const snap = await loadWorkspace(dir);
    const byPath = Object.fromEntries(snap.problems.map((p) => [p.path, p]));
    expect(byPath['broken.yaml']).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(byPath['broken.yaml']!.message).toMatch(/^YAML: /);
    expect(byPath['typo.yaml']).toMatchObject({ line: 5, column: 9 });
    expect(byPath['typo.yaml']!.message).toMatch(/^body\.kind: /);
    expect(snap.tree.find((n) => n.path === 'good.yaml')).toMatchObject({ name: 'good', method: 'GET' });
    expect(snap.tree.find((n) => n.path === 'typo.yaml')).toMatchObject({ broken: true });
    await saveRequest(dir, 'good.yaml', { ...req('good'), url: '/changed' });
    await createRequest(dir, '', req('another'));
    await loadWorkspace(dir);
    expect([await sha(broken), await sha(typo)]).toEqual(before);
    await expect(readRequest(dir, 'typo.yaml')).rejects.toMatchObject({ info: { code: 'broken-file', message: expect.stringContaining('typo.yaml:5:9') } });
  });

  it('creates, renames, moves and deletes requests and folders, keeping order lists in step', async () => {
    await initWorkspace(dir, 'W');
    const f = await createFolder(dir, '', 'Orders & Co');
    expect(f.path).toBe('orders-co');
    const a = await createRequest(dir, f.path, req('List orders'));
    const b = await createRequest(dir, f.path, req('List orders'));
    expect([a.path, b.path]).toEqual(['orders-co/list-orders.yaml', 'orders-co/list-orders-2.yaml']);
    await writeFile(join(dir, 'orders-co', 'folder.yaml'), 'name: Orders & Co\norder: [list-orders-2.yaml, list-orders.yaml]\n');
    const renamed = await renameEntry(dir, b.path, 'Get order');
    expect(renamed.path).toBe('orders-co/get-order.yaml');
    expect((await readRequest(dir, renamed.path)).request.name).toBe('Get order');
    expect(await readFile(join(dir, 'orders-co', 'folder.yaml'), 'utf8')).toContain('order:\n  - get-order.yaml\n  - list-orders.yaml');
    const sub = await createFolder(dir, '', 'archive');
    const moved = await moveEntry(dir, renamed.path, sub.path);
    expect(moved.path).toBe('archive/get-order.yaml');
    expect(await readFile(join(dir, 'orders-co', 'folder.yaml'), 'utf8')).not.toContain('get-order');
    const rf = await renameEntry(dir, 'archive', 'Old stuff');
    expect(rf.path).toBe('old-stuff');
    expect(names((await loadWorkspace(dir)).tree)).toEqual([{ 'Old stuff': ['Get order'] }, { 'Orders & Co': ['List orders'] }]);
    await deleteEntry(dir, 'old-stuff');
    await deleteEntry(dir, a.path);
    expect(names((await loadWorkspace(dir)).tree)).toEqual([{ 'Orders & Co': [] }]);
  });

  it('refuses paths that leave the workspace: .., absolute, and symlinks pointing outside', async () => {
    await initWorkspace(dir, 'W');
    await writeFile(join(outside, 'secret.yaml'), 'name: s\nmethod: GET\nurl: /s\n');
    await symlink(outside, join(dir, 'escape'));
    for (const p of ['../x.yaml', '/etc/passwd.yaml', 'a/../../x.yaml', 'escape/secret.yaml', 'escape/new.yaml']) {
      await expect(readRequest(dir, p), p).rejects.toMatchObject({ info: { code: 'forbidden-path' } });
      await expect(saveRequest(dir, p, req('x')), p).rejects.toMatchObject({ info: { code: 'forbidden-path' } });
    }
    await expect(deleteEntry(dir, 'escape/secret.yaml')).rejects.toMatchObject({ info: { code: 'forbidden-path' } });
    expect(await readdir(outside)).toEqual(['secret.yaml']);
    const snap = await loadWorkspace(dir);
    expect(snap.tree).toEqual([]);
    expect(snap.problems[0]).toMatchObject({ path: 'escape', message: expect.stringContaining('outside the workspace') });
  });

  it('refuses a save when the file changed on disk since it was read (conflict)', async () => {
    await initWorkspace(dir, 'W');
    const { path } = await createRequest(dir, '', req('r'));
    const { version } = await readRequest(dir, path);
    await writeFile(join(dir, path), 'name: r\nmethod: POST\nurl: /edited-elsewhere\n');
    await expect(saveRequest(dir, path, req('r', '/mine'), version)).rejects.toMatchObject({ info: { code: 'conflict' } });
    expect(await readFile(join(dir, path), 'utf8')).toContain('/edited-elsewhere');
    const fresh = await readRequest(dir, path);
    await saveRequest(dir, path, req('r', '/mine'), fresh.version);
    expect((await readRequest(dir, path)).request.url).toBe('/mine');
  });
});

describe('writeCollection / readCollection', () => {
  const collection: Collection = {
    name: 'Petstore',
    defaults: { headers: [{ name: 'Accept', value: 'application/json', enabled: true }] },
    items: [
      { type: 'request', request: req('Zebra first') },
      { type: 'folder', name: 'Pets / Cats', defaults: { variables: { kind: 'cat' } }, items: [
        { type: 'request', request: req('List') }, { type: 'request', request: req('List') },
        { type: 'folder', name: 'Deep', items: [{ type: 'request', request: { ...req('Create'), method: 'POST', body: { kind: 'json', text: '{\n  "a": 1\n}' } } }] },
      ] },
      { type: 'request', request: req('Alpha last') },
    ],
    environments: [{ name: 'Prod', variables: { host: 'api.test', token: { secret: true, env: 'PROD_TOKEN' } } }],
    keys: [{ name: 'team key', kind: 'header', header: 'x-api-key' }],
    gateways: [{ name: 'kong', baseUrl: 'https://kong.test' }],
  };

  it('writes folders, slugged unique files, order, environments, keys and gateways; reads back the same collection', async () => {
    await writeCollection(dir, collection);
    expect((await readdir(join(dir, 'pets-cats'))).sort()).toEqual(['deep', 'folder.yaml', 'list-2.yaml', 'list.yaml']);
    expect(await readFile(join(dir, 'pets-cats', 'folder.yaml'), 'utf8')).toBe(
      'name: Pets / Cats\ndefaults:\n  variables:\n    kind: cat\norder:\n  - list.yaml\n  - list-2.yaml\n  - deep\n');
    expect(await readFile(join(dir, 'environments', 'prod.yaml'), 'utf8')).toBe('name: Prod\nvariables:\n  host: api.test\n  token:\n    secret: true\n    env: PROD_TOKEN\n');
    expect(await readFile(join(dir, 'keys', 'team-key.yaml'), 'utf8')).toBe('name: team key\nkind: header\nheader: x-api-key\n');
    const snap = await loadWorkspace(dir);
    expect(snap.problems).toEqual([]);
    expect(names(snap.tree)).toEqual(['Zebra first', { 'Pets / Cats': ['List', 'List', { Deep: ['Create'] }] }, 'Alpha last']);
    const back = await readCollection(dir);
    expect(back.problems).toEqual([]);
    const { problems: _p, ...rest } = back;
    expect(rest).toEqual(collection);
    const id = snap.file.id;
    await writeCollection(dir, { ...collection, name: 'Petstore 2', items: [] });
    expect((await loadWorkspace(dir)).file).toMatchObject({ id, name: 'Petstore 2' });
  });
});
