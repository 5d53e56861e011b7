// Renaming a key or gateway profile moves its secrets to the new name, in the real keychain
// (gnome-keyring under dbus-run-session) and in the local store, or refuses and renames nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsNode, withKeyring, withoutKeyring } from '../../support/keyring';

const fixture = join(import.meta.dirname, 'fixtures', 'rename-profile.ts');
const lastJson = (s: string) => JSON.parse(s.trim().split('\n').at(-1)!) as Record<string, unknown> & { dir: string };

describe('profile rename takes its secrets along', () => {
  it('keychain and local store: the values are under the new name only, and the list says where', async () => {
    const home = await mkdtemp(join(tmpdir(), 'clearance-rename-home-'));
    try {
      const r = await withKeyring(tsNode(fixture, 'keyring'), { CLEARANCE_HOME: home });
      expect(r.code, r.stderr).toBe(0);
      const out = lastJson(r.stdout);
      expect(out.key).toEqual({ old: null, new: 'kc-team-key-5a5a' });
      expect(out.gateway).toEqual({ old: null, new: 'ls-gw-token-6b6b' });
      expect(out.sources).toEqual([
        { name: 'crew', secrets: [{ field: 'key', source: 'keychain' }] },
        { name: 'edge', secrets: [{ field: 'headers.X-Gw-Token', source: 'local-store' }] },
      ]);
      expect(await readFile(join(out.dir, 'keys', 'team.yaml'), 'utf8')).toMatch(/^name: crew$/m);
      await rm(out.dir, { recursive: true, force: true });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('no keychain reachable: refused with nothing renamed while the keychain may hold a secret; done once the local store holds them all', async () => {
    const home = await mkdtemp(join(tmpdir(), 'clearance-rename-home-'));
    try {
      const r = await withoutKeyring(tsNode(fixture, 'none'), { CLEARANCE_HOME: home });
      expect(r.code, r.stderr).toBe(0);
      const out = lastJson(r.stdout);
      expect(out.refused).toMatchObject({ code: 'secrets-not-moved', message: expect.stringMatching(/^Key profile "team" was not renamed to "crew": its secrets could not be moved \(No OS keychain/) });
      expect(out.afterRefusal).toEqual(['team']);
      expect(out.renamed).toBe('keys/team.yaml');
      expect(out.key).toEqual({ old: null, new: 'ls-team-key-7c7c' });
      await rm(out.dir, { recursive: true, force: true });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
