// The app's Import keeps credential values as `clearance import` does: no keychain reachable, so
// the local store, with a warning naming it; nothing in the workspace.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsNode, withoutKeyring } from '../../support/keyring';

const INPUT = join(process.cwd(), 'test/fixtures/imports/credentials/shop.postman_collection.json');
const VALUES = ['pm-collection-key-7f3a', 'pm-collection-bearer-91c2', 'pm-folder-pass-3e8b', 'pm-literal-session-2b6c'];

describe('imports.run (the app) with no keychain reachable', () => {
  it('writes every value to the local store, names it in the warnings, keeps the workspace free of them', async () => {
    const home = await mkdtemp(join(tmpdir(), 'clearance-app-import-home-'));
    const out = join(await mkdtemp(join(tmpdir(), 'clearance-app-import-')), 'shop');
    try {
      const r = await withoutKeyring(tsNode(join(import.meta.dirname, 'fixtures', 'app-import.ts'), INPUT, out), { CLEARANCE_HOME: home });
      expect(r.code, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { warnings: string[]; environments: number };
      const path = join(home, 'secrets', 'local-store.json');
      expect(result.warnings[0]).toMatch(/^No OS keychain is available .*\d+ secret value\(s\) were written instead to the local store/);
      expect(result.warnings[0]).toContain(path);
      expect(result.environments).toBe(1);
      const stored = await readFile(path, 'utf8');
      for (const v of VALUES) expect(stored).toContain(v);
      for (const f of (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
        const text = await readFile(join(f.parentPath, f.name), 'utf8');
        for (const v of VALUES) expect(text, f.name).not.toContain(v);
      }
    } finally {
      await rm(home, { recursive: true, force: true });
      await rm(join(out, '..'), { recursive: true, force: true });
    }
  });
});
