// The local store on a real file system: owner-only modes, atomic writes under a lock (no lost
// update when writers race), a stale lock cleared, and a broken file reported, never overwritten.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localStore, localStorePath } from '../../../electron/secrets/local-store';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'clearance-local-store-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('local store', () => {
  it('lives under the data folder (CLEARANCE_HOME), keyed by workspace id, 0600 in a 0700 folder even when the folder was looser', async () => {
    expect(localStorePath({ CLEARANCE_HOME: home })).toBe(join(home, 'secrets', 'local-store.json'));
    await mkdir(join(home, 'secrets'), { mode: 0o755 });
    await chmod(join(home, 'secrets'), 0o755);
    const store = localStore(localStorePath({ CLEARANCE_HOME: home }));
    await store.set('ws-aaaa1111/staging/apiKey', 'v-one');
    await store.set('ws-aaaa1111/key:team/key', 'v-two');
    await store.set('ws-bbbb2222/prod/token', 'v-three');
    expect(await store.get('ws-aaaa1111/staging/apiKey')).toBe('v-one');
    expect(await store.get('ws-aaaa1111/staging/other')).toBeNull();
    expect((await store.accounts('ws-aaaa1111')).sort()).toEqual(['ws-aaaa1111/key:team/key', 'ws-aaaa1111/staging/apiKey']);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'secrets'))).mode & 0o777).toBe(0o700);
    const doc = JSON.parse(await readFile(store.path, 'utf8')) as { workspaces: Record<string, Record<string, string>> };
    expect(doc.workspaces).toEqual({ 'ws-aaaa1111': { 'staging/apiKey': 'v-one', 'key:team/key': 'v-two' }, 'ws-bbbb2222': { 'prod/token': 'v-three' } });
    expect(await store.delete('ws-bbbb2222/prod/token')).toBe(true);
    expect(await store.delete('ws-bbbb2222/prod/token')).toBe(false);
    expect(Object.keys((JSON.parse(await readFile(store.path, 'utf8')) as { workspaces: object }).workspaces)).toEqual(['ws-aaaa1111']);
  });

  it('racing writers lose nothing (lock file), and a lock left by a killed process is cleared', async () => {
    const path = join(home, 'secrets', 'local-store.json');
    const writers = Array.from({ length: 3 }, () => localStore(path));
    await Promise.all(Array.from({ length: 30 }, (_, i) => writers[i % 3]!.set(`ws-race0000/env/v${i}`, `value-${i}`)));
    expect((await writers[0]!.accounts('ws-race0000')).length).toBe(30);
    await writeFile(`${path}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);
    await writers[1]!.set('ws-race0000/env/after', 'ok');
    expect(await writers[2]!.get('ws-race0000/env/after')).toBe('ok');
  });

  it('a broken store is reported with its path and left as it is (its secrets are not lost to a rewrite)', async () => {
    const path = join(home, 'secrets', 'local-store.json');
    await mkdir(join(home, 'secrets'), { recursive: true });
    await writeFile(path, '{"workspaces": {"ws-x": {"env/a": "kept"}', { mode: 0o600 });
    const store = localStore(path);
    await expect(store.get('ws-x/env/a')).rejects.toMatchObject({ info: { code: 'local-store-unreadable', message: expect.stringContaining(path) } });
    await expect(store.set('ws-x/env/b', 'new')).rejects.toMatchObject({ info: { code: 'local-store-unreadable' } });
    expect(await readFile(path, 'utf8')).toBe('{"workspaces": {"ws-x": {"env/a": "kept"}');
  });
});
