// The order a secret is looked up in, with a real gnome-keyring and a real local store file:
// the `env:` variable, then the OS keychain, then the local store; and the source is reported.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsNode, withKeyring } from '../../support/keyring';

describe('secret lookup order', () => {
  it('env > keychain > local store, for environment and profile secrets alike', async () => {
    const home = await mkdtemp(join(tmpdir(), 'clearance-order-home-'));
    try {
      const r = await withKeyring(tsNode(join(import.meta.dirname, 'fixtures', 'lookup-order.ts')), { CLEARANCE_HOME: home });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, { env: unknown; profile: unknown }>;
      const both = (pair: unknown[]) => ({ env: pair, profile: pair });
      expect(out.all).toEqual(both(['from-env', 'env']));
      expect(out.noEnv).toEqual(both(['from-keychain', 'keychain']));
      expect(out.localOnly).toEqual(both(['from-local-store', 'local-store']));
      expect(out.none).toEqual(both([null, 'missing']));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
