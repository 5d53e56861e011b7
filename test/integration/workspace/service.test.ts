import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindContract, workspaceContract, type Result } from '../../../shared/contract';
import { RequestFileSchema, type ResponseRecord, type WorkspaceSnapshot } from '../../../shared/model';
import { closePools } from '../../../electron/engine';
import { createWorkspaceService } from '../../../electron/services/workspace.service';
import { HistoryStore, writeCollection } from '../../../electron/workspace';
import { readBody, startHttp, type TestServer } from '../../support/servers';

let dir: string;
let home: string;
let server: TestServer;
let history: HistoryStore;
let ws: ReturnType<typeof createWorkspaceService>;
let call: (channel: string, args: unknown) => Promise<Result<unknown>>;
const seen: Array<{ url: string; headers: Record<string, unknown>; body: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-svc-'));
  home = await mkdtemp(join(tmpdir(), 'clearance-svc-home-'));
  server = await startHttp(async (req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers, body: (await readBody(req)).toString() });
    res.writeHead(req.headers['x-api-key'] === 'ci-secret-key' ? 200 : 403, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await writeCollection(dir, {
    name: 'Shop',
    defaults: { headers: [{ name: 'X-Team', value: 'core', enabled: true }, { name: 'Accept', value: 'application/json', enabled: true }], variables: { version: 'v1' } },
    items: [{ type: 'folder', name: 'Orders', defaults: { headers: [{ name: 'X-Trace', value: '{{$uuid}}', enabled: true }], variables: { page: '2' } }, items: [
      { type: 'request', request: { name: 'List', method: 'POST', url: '{{base}}/{{version}}/orders', params: [{ name: 'page', value: '{{page}}', enabled: true }],
        headers: [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }, { name: 'accept', value: 'text/plain', enabled: true }], body: { kind: 'json', text: '{"who":"{{user}}"}' } } },
    ] }],
    environments: [{ name: 'local', variables: { base: server.url, user: 'ann', apiKey: { secret: true, env: 'SHOP_API_KEY' } } }],
  });
  history = new HistoryStore({ dir: join(home, 'history') });
  ws = createWorkspaceService({ history, environ: { SHOP_API_KEY: 'ci-secret-key' }, debounceMs: 50 });
  const handlers = bindContract(workspaceContract, ws);
  call = (channel, args) => handlers.get(channel)!(args);
});

afterAll(async () => {
  ws.closeAll();
  await server.close();
  await closePools();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

const PATH = 'orders/list.yaml';

describe('workspace service', () => {
  it('opens the workspace and resolves a request for the URL preview: scopes, default headers with origin, secrets flagged', async () => {
    const snap = (await call('workspace.open', { dir })) as Result<WorkspaceSnapshot>;
    expect(snap.ok && snap.value.tree[0]).toMatchObject({ type: 'folder', name: 'Orders', children: [{ path: PATH }] });
    const r = await ws.resolve({ dir, path: PATH, env: 'local' });
    expect(r.request.url).toBe(`${server.url}/v1/orders`);
    expect(r.request.params).toEqual([{ name: 'page', value: '2', enabled: true }]);
    expect(r.injectedHeaders.map((h) => [h.name, h.origin])).toEqual([['X-Team', 'collection'], ['X-Trace', 'folder']]);
    expect(r.used).toContainEqual({ name: 'apiKey', scope: 'environment', secret: true });
    expect(r.used).toContainEqual({ name: 'version', scope: 'collection' });
    const runtime = await ws.resolve({ dir, path: PATH, env: 'local', variables: { page: '9' } });
    expect(runtime.request.params?.[0]?.value).toBe('9');
  });

  it('sends through the engine with folder/collection headers tagged, and records a redacted history entry', async () => {
    const rec = (await call('workspace.sendRequest', { dir, path: PATH, env: 'local' })) as Result<ResponseRecord>;
    expect(rec.ok).toBe(true);
    if (!rec.ok) return;
    expect(rec.value.status).toBe(200);
    const got = seen.at(-1)!;
    expect(got.url).toBe('/v1/orders?page=2');
    expect(got.headers['x-team']).toBe('core');
    expect(got.headers.accept).toBe('text/plain');
    expect(got.body).toBe('{"who":"ann"}');
    expect(rec.value.wire.headers).toContainEqual({ name: 'X-Team', value: 'core', origin: 'collection' });
    expect(rec.value.wire.headers.find((h) => h.name === 'X-Trace')?.origin).toBe('folder');
    const [entry] = await history.list();
    expect(entry).toMatchObject({ status: 200, method: 'POST', source: { path: PATH, env: 'local' } });
    const raw = await readFile(join(home, 'history', 'history.jsonl'), 'utf8');
    expect(raw).not.toContain('ci-secret-key');
  });

  it('refuses to send with an unresolved variable, naming it and where it was used', async () => {
    const before = seen.length;
    const r = await call('workspace.sendRequest', { dir, path: PATH });
    expect(r).toMatchObject({ ok: false, error: { code: 'unresolved-variable' } });
    if (!r.ok) expect(r.error.message).toContain('unresolved variable {{base}} in url');
    expect(seen.length).toBe(before);
    const unknownEnv = await call('workspace.resolve', { dir, path: PATH, env: 'nope' });
    expect(unknownEnv).toMatchObject({ ok: false, error: { code: 'unknown-environment', message: expect.stringContaining('have: local') } });
  });

  it('lists environments without secret values', async () => {
    const envs = await ws.environments({ dir });
    expect(envs.environments[0]!.variables).toContainEqual({ name: 'apiKey', secret: true, env: 'SHOP_API_KEY' });
    expect(JSON.stringify(envs)).not.toContain('ci-secret-key');
  });

  it('reports outside changes, ignores its own saves, and flags a conflict when the file has unsaved edits', async () => {
    const { seq } = await ws.changes({ dir, since: 0 });
    const read = await ws.readRequest({ dir, path: PATH });
    const request = RequestFileSchema.parse(read.request);
    const version = read.version;
    await ws.saveRequest({ dir, path: PATH, request: { ...request, docs: 'mine' }, baseVersion: version });
    await new Promise((r) => setTimeout(r, 400));
    const own = await ws.changes({ dir, since: seq });
    expect(own.changed).not.toContain(PATH);
    await writeFile(join(dir, 'orders', 'other.yaml'), 'name: Other\nmethod: GET\nurl: /o\n');
    await ws.edit({ dir, path: PATH, dirty: true });
    await writeFile(join(dir, PATH), (await readFile(join(dir, PATH), 'utf8')).replace('mine', 'theirs'));
    let batch = own;
    for (let i = 0; i < 40 && !(batch.changed.includes(PATH) && batch.changed.includes('orders/other.yaml')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      batch = await ws.changes({ dir, since: own.seq });
    }
    expect(batch.changed).toEqual(expect.arrayContaining(['orders/other.yaml', PATH]));
    expect(batch.conflicts).toEqual([{ path: PATH, message: expect.stringContaining('unsaved edits') }]);
    const stale = await call('workspace.saveRequest', { dir, path: PATH, request: { ...request, docs: 'mine again' }, baseVersion: version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await readFile(join(dir, PATH), 'utf8')).toContain('theirs');
  });
});
