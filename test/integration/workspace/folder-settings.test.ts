import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindContract, workspaceContract, type Result } from '../../../shared/contract';
import { FolderFileSchema } from '../../../shared/model';
import { createWorkspaceService } from '../../../electron/services/workspace.service';

let dir: string;
let ws: ReturnType<typeof createWorkspaceService>;
let call: (channel: string, args: unknown) => Promise<Result<unknown>>;

const ROOT_FILE = [
  'clearance: 1',
  'name: Shop',
  'id: folder-settings-0001',
  '# collection defaults',
  'defaults:',
  '  headers:',
  '    - name: Accept',
  '      value: application/json',
  '  variables:',
  '    version: v1',
  'order:',
  '  - orders',
  '',
].join('\n');

const FOLDER_FILE = [
  'name: Orders & refunds',
  'defaults:',
  '  headers:',
  '    - name: X-Team',
  '      value: core',
  '    - name: X-Trace',
  '      value: "{{$uuid}}"',
  '      enabled: false',
  '  variables:',
  '    page: "2"',
  '    token:',
  '      secret: true',
  '      env: ORDERS_TOKEN',
  '  key: team',
  'order:',
  '  - list',
  '  - get',
  '',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-folder-settings-'));
  await writeFile(join(dir, 'clearance.yaml'), ROOT_FILE);
  await mkdir(join(dir, 'orders'));
  await writeFile(join(dir, 'orders', 'folder.yaml'), FOLDER_FILE);
  await writeFile(join(dir, 'orders', 'list.yaml'), 'name: List\nmethod: GET\nurl: http://127.0.0.1:1/orders\n');
  await mkdir(join(dir, 'plain'));
  await mkdir(join(dir, 'broken'));
  await writeFile(join(dir, 'broken', 'folder.yaml'), 'name: Broken\ndefaults:\n  headers: [oops\n');
  ws = createWorkspaceService({ debounceMs: 50 });
  const handlers = bindContract(workspaceContract, ws);
  call = (channel, args) => handlers.get(channel)!(args);
  await ws.open({ dir });
});

afterAll(async () => {
  ws.closeAll();
  await rm(dir, { recursive: true, force: true });
});

/** readFolder with the folder parsed (defaults filled in), as the app holds it before saving. */
async function read(path: string) {
  const r = await ws.readFolder({ dir, path });
  return { ...r, folder: r.folder && FolderFileSchema.parse(r.folder) };
}

/** Lines of b that differ from a (same length assumed) plus any added or removed ones. */
function diff(a: string, b: string): { removed: string[]; added: string[] } {
  const la = a.split('\n');
  const lb = b.split('\n');
  return { removed: la.filter((l) => !lb.includes(l)), added: lb.filter((l) => !la.includes(l)) };
}

describe('folder settings (workspace.readFolder / saveFolder)', () => {
  it('reads folder.yaml with its defaults, secrets as declarations only, and a version', async () => {
    const r = await read('orders');
    expect(r.version).toMatch(/^[0-9a-f]{16}$/);
    expect(r.folder).toMatchObject({
      name: 'Orders & refunds', order: ['list', 'get'],
      defaults: { key: 'team', variables: { page: '2', token: { secret: true, env: 'ORDERS_TOKEN' } } },
    });
    expect(r.folder?.defaults?.headers).toEqual([
      { name: 'X-Team', value: 'core', enabled: true }, { name: 'X-Trace', value: '{{$uuid}}', enabled: false }]);
  });

  it('round trip: saving what was read changes nothing on disk', async () => {
    const r = await read('orders');
    const out = await ws.saveFolder({ dir, path: 'orders', defaults: r.folder!.defaults!, baseVersion: r.version });
    expect(out.version).toBe(r.version);
    expect(await readFile(join(dir, 'orders', 'folder.yaml'), 'utf8')).toBe(FOLDER_FILE);
  });

  it('a one-field change is a one-line diff; name and order are kept', async () => {
    const r = await read('orders');
    const d = r.folder!.defaults!;
    const headers = d.headers!.map((h) => (h.name === 'X-Team' ? { ...h, value: 'payments' } : h));
    const out = await ws.saveFolder({ dir, path: 'orders', defaults: { ...d, headers }, baseVersion: r.version });
    const after = await readFile(join(dir, 'orders', 'folder.yaml'), 'utf8');
    expect(diff(FOLDER_FILE, after)).toEqual({ removed: ['      value: core'], added: ['      value: payments'] });
    expect(out.version).not.toBe(r.version);
    const again = await read('orders');
    expect(again.version).toBe(out.version);
    expect(again.folder).toMatchObject({ name: 'Orders & refunds', order: ['list', 'get'] });

    // Key only: one line changes again.
    await ws.saveFolder({ dir, path: 'orders', defaults: { ...again.folder!.defaults!, key: 'partner' }, baseVersion: again.version });
    expect(diff(after, await readFile(join(dir, 'orders', 'folder.yaml'), 'utf8'))).toEqual({ removed: ['  key: team'], added: ['  key: partner'] });
  });

  it('refuses a stale baseVersion with conflict and leaves the outside edit in place', async () => {
    const r = await read('orders');
    const outside = (await readFile(join(dir, 'orders', 'folder.yaml'), 'utf8')).replace('key: partner', 'key: edited-by-hand');
    await writeFile(join(dir, 'orders', 'folder.yaml'), outside);
    const res = await call('workspace.saveFolder', { dir, path: 'orders', defaults: { ...r.folder!.defaults!, gateway: 'edge' }, baseVersion: r.version });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await readFile(join(dir, 'orders', 'folder.yaml'), 'utf8')).toBe(outside);
  });

  it('a broken folder.yaml is reported with its line and kept byte for byte', async () => {
    const before = await readFile(join(dir, 'broken', 'folder.yaml'));
    const read = await call('workspace.readFolder', { dir, path: 'broken' });
    expect(read).toMatchObject({ ok: false, error: { code: 'broken-file' } });
    expect(!read.ok && read.error.message).toMatch(/broken\/folder\.yaml:\d+/);
    const save = await call('workspace.saveFolder', { dir, path: 'broken', defaults: { key: 'team' } });
    expect(save).toMatchObject({ ok: false, error: { code: 'broken-file' } });
    expect(Buffer.compare(await readFile(join(dir, 'broken', 'folder.yaml')), before)).toBe(0);
  });

  it('a folder without folder.yaml: null, then created with only the defaults', async () => {
    expect(await ws.readFolder({ dir, path: 'plain' })).toEqual({ folder: null, version: '' });
    await ws.saveFolder({ dir, path: 'plain', defaults: { headers: [{ name: 'X-Team', value: 'core', enabled: true }], key: 'team' }, baseVersion: '' });
    expect(await readFile(join(dir, 'plain', 'folder.yaml'), 'utf8')).toBe('defaults:\n  headers:\n    - name: X-Team\n      value: core\n  key: team\n');
    const stale = await call('workspace.saveFolder', { dir, path: 'plain', defaults: {}, baseVersion: '' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('path "" is the collection root: only defaults of clearance.yaml change, comments and other fields kept', async () => {
    const r = await read('');
    expect(r.folder).toMatchObject({ name: 'Shop', order: ['orders'], defaults: { variables: { version: 'v1' } } });
    await ws.saveFolder({ dir, path: '', defaults: { ...r.folder!.defaults!, variables: { version: 'v2' } }, baseVersion: r.version });
    const after = await readFile(join(dir, 'clearance.yaml'), 'utf8');
    expect(diff(ROOT_FILE, after)).toEqual({ removed: ['    version: v1'], added: ['    version: v2'] });
    // Clearing every default removes the block (with the comment above it); the rest stays.
    const again = await read('');
    await ws.saveFolder({ dir, path: '', defaults: { headers: [], variables: {} }, baseVersion: again.version });
    expect(await readFile(join(dir, 'clearance.yaml'), 'utf8')).toBe('clearance: 1\nname: Shop\nid: folder-settings-0001\norder:\n  - orders\n');
    // Adding defaults back puts them in schema order (before `order`).
    const third = await read('');
    await ws.saveFolder({ dir, path: '', defaults: { gateway: 'edge' }, baseVersion: third.version });
    expect(await readFile(join(dir, 'clearance.yaml'), 'utf8')).toContain('defaults:\n  gateway: edge\norder:\n  - orders\n');
  });

  it('the saved defaults reach resolve (headers with their origin)', async () => {
    const r = await read('orders');
    await ws.saveFolder({ dir, path: 'orders', defaults: { ...r.folder!.defaults!, key: 'team', headers: [{ name: 'X-Team', value: 'core', enabled: true }] } });
    const res = await ws.resolve({ dir, path: 'orders/list.yaml' });
    expect(res.injectedHeaders).toEqual([{ name: 'X-Team', value: 'core', origin: 'folder' }]);
    expect(res.key).toBe('team');
  });

  it('refuses paths outside the workspace and folders that do not exist', async () => {
    expect(await call('workspace.readFolder', { dir, path: '../x' })).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    expect(await call('workspace.saveFolder', { dir, path: 'nope', defaults: {} })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
