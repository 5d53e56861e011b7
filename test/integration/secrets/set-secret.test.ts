// Setting a secret in the app (workspace.setSecret, profiles.setSecret) where no keychain is
// reachable keeps the value in the local store and says so; with a keychain (a real gnome-keyring
// under dbus-run-session) it goes there and the local store is not written. workspace.secrets and
// workspace.moveSecrets report what `clearance secrets list --json` reads from the same stores.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../../support/cli';
import { tsNode, withKeyring, withoutKeyring } from '../../support/keyring';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'set-secret.ts');
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
const ENV_VALUE = 'env-token-only-local-5c1e';
const KEY_VALUE = 'team-key-only-local-8d2f';

interface Row { scope: string; owner: string; name: string; env?: string; source: string; stored: string[] }
interface Out {
  id: string; storeBeforeMove: boolean; localBeforeMove: string[]; env: unknown; key: unknown; listed: { id: string; localStore: string; secrets: Row[] };
  moved?: { moved: Array<{ owner: string; name: string }>; absent: unknown[] }; moveError?: { code: string; message: string };
}

const lastJson = <T>(s: string): T => JSON.parse(s.trim().split('\n').at(-1)!) as T;
const byPlace = (rows: Row[]) => Object.fromEntries(rows.map((r) => [`${r.scope} ${r.owner}/${r.name}`, r]));

async function workspaceFilesHolding(dir: string, values: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const f of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const text = await readFile(join(f.parentPath, f.name), 'utf8');
    if (values.some((v) => text.includes(v))) hits.push(f.name);
  }
  return hits;
}

let home: string;
let dir: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'clearance-set-secret-home-'));
  dir = await mkdtemp(join(tmpdir(), 'clearance-set-secret-ws-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

describe('setSecret with no keychain reachable (no D-Bus)', () => {
  it('keeps both values in the local store (0600), says so, lists them as the CLI does, and a move to the keychain is refused', async () => {
    const r = await withoutKeyring(tsNode(FIXTURE, dir, ENV_VALUE, KEY_VALUE, 'keychain'), { CLEARANCE_HOME: home });
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson<Out>(r.stdout);
    expect(out.env).toEqual({ stored: true, where: 'local-store' });
    expect(out.key).toEqual({ stored: true, where: 'local-store' });
    const path = join(home, 'secrets', 'local-store.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const store = JSON.parse(await readFile(path, 'utf8')) as { workspaces: Record<string, Record<string, string>> };
    expect(store.workspaces[out.id]).toEqual({ 'staging/token': ENV_VALUE, 'key:team/key': KEY_VALUE });
    expect(await workspaceFilesHolding(dir, [ENV_VALUE, KEY_VALUE])).toEqual([]);

    const rows = byPlace(out.listed.secrets);
    expect(rows['environment staging/token']).toMatchObject({ source: 'local-store', stored: ['local-store'] });
    expect(rows['environment staging/ci']).toMatchObject({ env: 'SET_SECRET_CI_UNSET', source: 'missing', stored: [] });
    expect(rows['key team/key']).toMatchObject({ source: 'local-store', stored: ['local-store'] });
    expect(out.listed.localStore).toBe(path);
    expect(JSON.stringify(out.listed)).not.toContain(ENV_VALUE);
    const cli = await runCli(['secrets', 'list', dir, '--json'], { env: { ...NO_KEYCHAIN, CLEARANCE_HOME: home } });
    expect(cli.code, cli.stderr).toBe(0);
    expect(out.listed).toEqual(JSON.parse(cli.stdout));

    expect(out.moved).toBeUndefined();
    expect(out.moveError).toMatchObject({ code: 'secrets-not-moved', message: expect.stringMatching(/^Nothing more moved to the OS keychain: No OS keychain is available/) });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(store);
  });
});

describe('setSecret with a keychain (gnome-keyring under dbus-run-session)', () => {
  it('keeps both values in the keychain, writes no local store; a move to the local store puts them there', async () => {
    const cli = (...args: string[]) => `node ${CLI_BIN} ${args.map((a) => `'${a}'`).join(' ')}`;
    // One session, one keyring: the app's services set the values, then the CLI (its own process) reads where they are.
    const script = [
      `${tsNode(FIXTURE, dir, ENV_VALUE, KEY_VALUE, 'local-store').map((a) => `'${a}'`).join(' ')}`,
      'echo "::list"', cli('secrets', 'list', dir, '--json'),
    ].join(' && ');
    const r = await withKeyring(['bash', '-c', script], { CLEARANCE_HOME: home, NO_COLOR: '1' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const [fixtureOut, listOut] = r.stdout.split('::list\n') as [string, string];
    const out = lastJson<Out>(fixtureOut);
    expect(out.env).toEqual({ stored: true, where: 'keychain' });
    expect(out.key).toEqual({ stored: true, where: 'keychain' });
    // Before the move, the keychain held both and the local store was never written (the move then
    // copies what it reads from the keychain into the file checked below).
    expect(out.storeBeforeMove).toBe(false);
    const before = byPlace(out.listed.secrets);
    expect(before['environment staging/token']).toMatchObject({ source: 'keychain', stored: ['keychain'] });
    expect(before['key team/key']).toMatchObject({ source: 'keychain', stored: ['keychain'] });
    expect(out.moved?.moved.map((m) => `${m.owner}/${m.name}`).sort()).toEqual(['staging/token', 'team/key']);
    // After the move, the CLI (another process) finds them in the local store only, and the file holds them.
    const after = byPlace((JSON.parse(listOut) as { secrets: Row[] }).secrets);
    expect(after['environment staging/token']).toMatchObject({ source: 'local-store', stored: ['local-store'] });
    expect(after['key team/key']).toMatchObject({ source: 'local-store', stored: ['local-store'] });
    const store = JSON.parse(await readFile(join(home, 'secrets', 'local-store.json'), 'utf8')) as { workspaces: Record<string, Record<string, string>> };
    expect(store.workspaces[out.id]).toEqual({ 'staging/token': ENV_VALUE, 'key:team/key': KEY_VALUE });
    expect(await workspaceFilesHolding(dir, [ENV_VALUE, KEY_VALUE])).toEqual([]);
  });

  it('a value set in the keychain replaces the older copy the local store kept', async () => {
    const r = await withKeyring(tsNode(FIXTURE, dir, ENV_VALUE, KEY_VALUE, 'keychain', 'stale-local-token-0000'), { CLEARANCE_HOME: home });
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson<Out>(r.stdout);
    expect(out.env).toEqual({ stored: true, where: 'keychain' });
    expect(out.localBeforeMove).toEqual([]);
    expect(byPlace(out.listed.secrets)['environment staging/token']).toMatchObject({ source: 'keychain', stored: ['keychain'] });
    const store = JSON.parse(await readFile(join(home, 'secrets', 'local-store.json'), 'utf8')) as { workspaces: Record<string, unknown> };
    expect(store.workspaces[out.id]).toBeUndefined();
  });
});
