import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsNode, withKeyring } from '../../support/keyring';
import { TEAM_KEY } from './helpers';

const fixture = (n: string) => join(import.meta.dirname, 'fixtures', n);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function filesContaining(root: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const f of (await readdir(root, { recursive: true })).map(String)) {
    const text = await readFile(join(root, f), 'utf8').catch(() => '');
    if (text.includes(needle)) hits.push(f);
  }
  return hits;
}

describe('profile secrets in the OS keychain (real gnome-keyring over a private D-Bus session)', () => {
  it('setSecret stores under <id>/key:<profile>/<field>; the send uses it; list shows the source and JWT claims, never the value', async () => {
    const jwt = `${b64({ alg: 'RS256' })}.${b64({ iss: 'https://idp.test', aud: ['orders'], scope: 'orders:read', exp: 4_102_444_800 })}.c2ln`;
    const r = await withKeyring(tsNode(fixture('keychain-send.ts'), jwt));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown> & { dir: string; home: string };
    try {
      expect(out.before).toMatchObject({ code: 'key-secret-missing', message: expect.stringContaining('Key profile "team": secret key has no value') });
      expect(out.status).toBe(200);
      expect(out.sentKey).toBe(TEAM_KEY);
      expect(out.account).toBe(TEAM_KEY);
      expect(out.renamed).toBe('keys/team.yaml');
      expect(out.afterRename).toEqual([TEAM_KEY, null]);
      expect(out.cleared).toEqual({ deleted: true });
      expect(out.idpGone).toBeNull();
      const keys = out.keys as Array<{ name: string; secrets: unknown[]; jwt?: unknown }>;
      expect(keys.find((k) => k.name === 'team')!.secrets).toEqual([{ field: 'key', env: 'TEAM_KEY_ENV', source: 'keychain' }]);
      expect(keys.find((k) => k.name === 'idp')!.jwt).toMatchObject({ ok: true, iss: 'https://idp.test', aud: ['orders'], scopes: ['orders:read'], expired: false, status: 'valid' });
      expect(JSON.stringify(keys)).not.toContain(TEAM_KEY);
      expect(JSON.stringify(keys)).not.toContain(jwt);
      expect(await filesContaining(out.dir, TEAM_KEY)).toEqual([]);
      expect(await filesContaining(out.dir, jwt)).toEqual([]);
      expect(await filesContaining(out.home, TEAM_KEY)).toEqual([]);
    } finally {
      await rm(out.dir, { recursive: true, force: true });
      await rm(out.home, { recursive: true, force: true });
    }
  });
});
