import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindContract, profilesContract, requestsContract, workspaceContract, type Result } from '../../../shared/contract';
import { GatewayProfileSchema, type ResponseRecord } from '../../../shared/model';
import { closePools } from '../../../electron/engine';
import { createProfilesService } from '../../../electron/services/profiles.service';
import { createRequestsService } from '../../../electron/services/requests.service';
import { createWorkspaceService } from '../../../electron/services/workspace.service';
import { HistoryStore } from '../../../electron/workspace';
import type { TestServer } from '../../support/servers';
import { ENVIRON, GATEWAY_TOKEN, makeWorkspace, startGateway, TEAM_KEY, type Seen } from './helpers';

let dir: string;
let home: string;
let gateway: TestServer;
let history: HistoryStore;
let ws: ReturnType<typeof createWorkspaceService>;
let call: (channel: string, args: unknown) => Promise<Result<unknown>>;
const seen: Seen[] = [];
// No keychain in this process: every secret comes from the env var named in the profile file.
const noKeychain = { get: async () => null, set: async () => { throw new Error('no keychain in this test'); }, delete: async () => false };

beforeAll(async () => {
  gateway = await startGateway(seen);
  dir = await makeWorkspace(gateway.port);
  home = await mkdtemp(join(tmpdir(), 'clearance-profiles-home-'));
  history = new HistoryStore({ dir: join(home, 'history') });
  ws = createWorkspaceService({ history, environ: ENVIRON, keychain: noKeychain, debounceMs: 50 });
  const deps = { environ: ENVIRON, keychain: noKeychain };
  const handlers = new Map([
    ...bindContract(workspaceContract, ws),
    ...bindContract(requestsContract, createRequestsService({ history, ...deps })),
    ...bindContract(profilesContract, createProfilesService(deps)),
  ]);
  call = (channel, args) => handlers.get(channel)!(args);
});

afterAll(async () => {
  ws.closeAll();
  await gateway.close();
  await closePools();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

const PATH = 'orders/list.yaml';
const wire = (r: ResponseRecord) => r.wire.headers.map((h) => [h.name.toLowerCase(), h.origin]);

describe('workspace.sendRequest through key and gateway profiles', () => {
  it('sends through the folder key and the collection gateway: 200, and the wire view shows the auth and gateway origins', async () => {
    seen.length = 0;
    const r = (await call('workspace.sendRequest', { dir, path: PATH })) as Result<ResponseRecord>;
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const rec = (r as { value: ResponseRecord }).value;
    expect(rec.status).toBe(200);
    expect(rec.wire.url).toBe(`http://127.0.0.1:${gateway.port}/v1/orders`);
    expect(wire(rec)).toContainEqual(['x-api-key', 'auth']);
    expect(wire(rec)).toContainEqual(['x-gateway-token', 'gateway']);
    expect(seen[0]).toMatchObject({ url: '/v1/orders', headers: { 'x-api-key': TEAM_KEY, 'x-gateway-token': GATEWAY_TOKEN } });
    expect(rec.timeline.some((e) => e.type === 'info' && /Key "team" \(api-key\) is bound to/.test(e.message))).toBe(true);
  });

  it('an override picks the other key profile: the gateway answers its own 403', async () => {
    seen.length = 0;
    const r = (await call('workspace.sendRequest', { dir, path: PATH, key: 'partner' })) as Result<ResponseRecord>;
    expect(r.ok && r.value.status).toBe(403);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-api-key']).toBe('partner-key-0000');
  });

  it("key 'none' and gateway 'direct' send no key and skip the gateway", async () => {
    const r = (await call('workspace.sendRequest', { dir, path: PATH, key: 'none', gateway: 'direct' })) as Result<ResponseRecord>;
    // api.shop.example does not exist: the send fails on DNS, never reaching the test gateway with a key.
    expect(r.ok).toBe(false);
  });

  it('a key bound to another host is refused before anything is sent', async () => {
    seen.length = 0;
    const r = (await call('workspace.sendRequest', { dir, path: PATH, key: 'elsewhere' })) as Result<ResponseRecord>;
    expect(r).toMatchObject({ ok: false, error: { code: 'key-host-mismatch', message: expect.stringContaining('bound to api.partner.example') } });
    expect((r as { error: { remedy: string } }).error.remedy).toMatch(/add this host to the key profile/);
    expect(seen).toHaveLength(0);
  });

  it('an unknown profile names itself and lists the available ones', async () => {
    const r = await call('workspace.sendRequest', { dir, path: PATH, key: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-profile', message: 'no key profile named nope (available: elsewhere, partner, team)' } });
    const g = await call('workspace.sendRequest', { dir, path: PATH, gateway: 'kong' });
    expect(g).toMatchObject({ ok: false, error: { code: 'unknown-profile', message: 'no gateway profile named kong (available: local)' } });
  });

  it('a secret with no value is a clear error naming the profile and the field', async () => {
    const bare = createWorkspaceService({ environ: {}, keychain: noKeychain });
    await expect(bare.sendRequest({ dir, path: PATH })).rejects.toMatchObject({
      info: { code: 'key-secret-missing', message: expect.stringMatching(/^Key profile "team": secret key has no value: not in the keychain and TEAM_KEY_ENV is not set/) },
    });
  });

  it('history keeps the send with the profiles named and no secret value anywhere', async () => {
    const entries = await history.list({ limit: 50 });
    const ok = entries.find((e) => e.status === 200)!;
    expect(ok.source).toMatchObject({ key: 'team', gateway: 'local' });
    const stored = JSON.stringify(entries);
    expect(stored).not.toContain(TEAM_KEY);
    expect(stored).not.toContain(GATEWAY_TOKEN);
    expect(stored).not.toContain('partner-key-0000');
    for (const f of await readdir(join(home, 'history'), { recursive: true })) {
      const text = await readFile(join(home, 'history', String(f)), 'utf8').catch(() => '');
      expect(text).not.toContain(TEAM_KEY);
      expect(text).not.toContain(GATEWAY_TOKEN);
    }
  });
});

describe('requests.send with profiles (a scratch request)', () => {
  it('goes through the named key and gateway of dir', async () => {
    seen.length = 0;
    const r = (await call('requests.send', { request: { method: 'GET', url: 'https://api.shop.example/items' }, dir, key: 'team', gateway: 'local' })) as Result<ResponseRecord>;
    expect(r.ok && r.value.status).toBe(200);
    expect(seen[0]).toMatchObject({ url: '/v1/items', headers: { 'x-api-key': TEAM_KEY } });
  });

  it('without dir, a profile name is refused; without profiles it is the plain send', async () => {
    const r = await call('requests.send', { request: { method: 'GET', url: `http://127.0.0.1:${gateway.port}/v1/x` }, key: 'team' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('need dir') } });
    const plain = (await call('requests.send', { request: { method: 'GET', url: `http://127.0.0.1:${gateway.port}/v1/x` } })) as Result<ResponseRecord>;
    expect(plain.ok && plain.value.status).toBe(403);
  });
});

describe('profiles service', () => {
  it('lists keys and gateways with metadata and where each secret comes from, never the value', async () => {
    const r = (await call('profiles.list', { dir })) as Result<unknown>;
    expect(r.ok).toBe(true);
    const v = (r as unknown as { value: { keys: Array<{ name: string; secrets: unknown[]; profile: unknown }>; gateways: Array<{ name: string; secrets: unknown[] }> } }).value;
    expect(v.keys.map((k) => k.name)).toEqual(['elsewhere', 'partner', 'team']);
    expect(v.keys.find((k) => k.name === 'team')).toMatchObject({ path: 'keys/team.yaml', profile: { kind: 'api-key', owner: 'core team' }, secrets: [{ field: 'key', env: 'TEAM_KEY_ENV', source: 'env' }] });
    expect(v.gateways[0]).toMatchObject({ name: 'local', secrets: [{ field: 'headers.X-Gateway-Token', source: 'env' }] });
    expect(JSON.stringify(r)).not.toContain(TEAM_KEY);
  });

  it('decodes a bearer JWT (claims only) and says when it expired', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256' })}.${b64({ iss: 'https://idp.example', aud: 'orders', scope: 'orders:read', exp: 1_000_000 })}.sig`;
    const svc = createProfilesService({ environ: { JWT_ENV: jwt }, keychain: noKeychain });
    await svc.saveKey({ dir, profile: { name: 'jwt', kind: 'bearer', scheme: 'Bearer', hosts: ['api.shop.example'], scopes: ['orders:write'], token: { secret: true, env: 'JWT_ENV' } } });
    const { keys } = await svc.list({ dir });
    const entry = keys.find((k) => k.name === 'jwt')!;
    expect(entry.jwt).toMatchObject({ ok: true, iss: 'https://idp.example', aud: ['orders'], scopes: ['orders:read'], exp: 1_000_000, expired: true, status: 'expired', missingScopes: ['orders:write'] });
    expect(JSON.stringify(entry)).not.toContain(jwt);
    await svc.deleteKey({ dir, name: 'jwt' });
  });

  it('saves canonical YAML with secret refs only, reads it back, refuses a stale version, deletes', async () => {
    const svc = createProfilesService({ keychain: noKeychain });
    const saved = await svc.saveGateway({ dir, profile: { name: 'Corp Proxy', proxy: { url: 'http://proxy.corp:3128', username: 'me', password: { secret: true }, noProxy: [] }, headers: [] } });
    expect(saved.path).toBe('gateways/corp-proxy.yaml');
    const text = await readFile(join(dir, saved.path), 'utf8');
    expect(text).toBe('name: Corp Proxy\nproxy:\n  url: http://proxy.corp:3128\n  username: me\n  password:\n    secret: true\n');
    const read = await svc.readGateway({ dir, name: 'Corp Proxy' });
    expect(read).toMatchObject({ path: saved.path, version: saved.version, profile: { proxy: { username: 'me' } } });
    await writeFile(join(dir, saved.path), `${text}description: edited outside\n`);
    await expect(svc.saveGateway({ dir, profile: GatewayProfileSchema.parse(read.profile), baseVersion: read.version })).rejects.toMatchObject({ info: { code: 'conflict' } });
    await expect(svc.setSecret({ dir, profile: 'Corp Proxy', kind: 'gateway', field: 'proxy.username', value: 'x' })).rejects.toMatchObject({ info: { code: 'not-a-secret' } });
    expect(await svc.deleteGateway({ dir, name: 'Corp Proxy' })).toEqual({ path: saved.path });
  });

  it('reports a broken profile file with line and column and keeps it', async () => {
    const broken = 'name: bad\nkind: api-key\nhosts: [localhost]\nkey: plain-text-not-allowed\n';
    await writeFile(join(dir, 'keys', 'bad.yaml'), broken);
    const { keys, problems } = await createProfilesService({ keychain: noKeychain }).list({ dir });
    expect(keys.find((k) => k.path === 'keys/bad.yaml')).toMatchObject({ name: 'bad', problem: { line: 4, column: 6 } });
    expect(problems).toContainEqual(expect.objectContaining({ path: 'keys/bad.yaml', line: 4 }));
    await expect(ws.sendRequest({ dir, path: PATH, key: 'bad' })).rejects.toMatchObject({ info: { code: 'broken-file', message: expect.stringContaining('keys/bad.yaml:4:6') } });
    expect(await readFile(join(dir, 'keys', 'bad.yaml'), 'utf8')).toBe(broken);
    await rm(join(dir, 'keys', 'bad.yaml'));
  });

  it('offers the gateway presets', async () => {
    const r = (await call('profiles.presets', {})) as Result<Array<{ id: string; source: string }>>;
    expect(r.ok && r.value.map((p) => p.id)).toEqual(expect.arrayContaining(['direct', 'kong', 'aws-api-gateway-rest']));
  });
});
