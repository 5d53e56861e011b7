import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsNode, withKeyring, withoutKeyring } from '../../support/keyring';

const fixture = (n: string) => join(import.meta.dirname, 'fixtures', n);
const lastJson = (s: string) => JSON.parse(s.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('secrets in the OS keychain (real gnome-keyring over a private D-Bus session)', () => {
  it('stores, reads back, resolves and deletes a secret under clearance/<id>/<env>/<name>', async () => {
    const r = await withKeyring(tsNode(fixture('keychain-roundtrip.ts'), 'ws-1234', 'staging', 'token', 's3cr3t-value-42'));
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toEqual({
      before: null, after: 's3cr3t-value-42', resolved: 's3cr3t-value-42', secrets: ['s3cr3t-value-42'], deleted: true, gone: null,
    });
  });

  it('workspace.setSecret keeps the value in the keychain only: resolve sees it, no file in the workspace contains it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clearance-secret-ws-'));
    try {
      const value = 'tok-only-in-keychain-9f3a';
      const r = await withKeyring(tsNode(fixture('service-secret.ts'), dir, value));
      expect(r.code, r.stderr).toBe(0);
      const out = lastJson(r.stdout) as { before: Array<{ name: string; reason: string }>; header: string; used: unknown[]; cleared: unknown };
      expect(out.before[0]).toMatchObject({ name: 'token', reason: expect.stringContaining('is not set') });
      expect(out.header).toBe(`Bearer ${value}`);
      expect(out.used).toContainEqual({ name: 'token', scope: 'environment', secret: true });
      expect(out.cleared).toEqual({ deleted: true });
      const files = (await readdir(dir, { recursive: true })).map(String);
      expect(files).toContain('environments/prod.yaml');
      for (const f of files) {
        const text = await readFile(join(dir, f), 'utf8').catch(() => '');
        expect(text, f).not.toContain(value);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says plainly that no keychain is reachable (no D-Bus) and how to use the env variable instead', async () => {
    const r = await withoutKeyring(tsNode(fixture('keychain-roundtrip.ts'), 'ws-1234', 'staging', 'token', 'v'));
    const out = lastJson(r.stdout);
    expect(out.error).toMatchObject({ code: 'keychain-unavailable', message: expect.stringContaining("Couldn't access platform storage") });
    expect((out.error as { remedy: string }).remedy).toMatch(/env: SOME_VAR.*environment variable/);
    const named = await withoutKeyring(tsNode(fixture('resolve-secret.ts')));
    const missing = lastJson(named.stdout) as { missing: Record<string, string>; values: Record<string, string> };
    expect(missing.values).toEqual({});
    expect(missing.missing.token).toMatch(/No OS keychain is available.*set the environment variable CI_TOKEN/);
  });

  it('in CI the environment variable named in the file supplies the value, with no keychain at all', async () => {
    const r = await withoutKeyring(tsNode(fixture('resolve-secret.ts')), { CI_TOKEN: 'from-ci-env-1' });
    expect(lastJson(r.stdout)).toEqual({ values: { token: 'from-ci-env-1' }, secrets: ['from-ci-env-1'], missing: {}, sources: { token: 'env' } });
  });
});
