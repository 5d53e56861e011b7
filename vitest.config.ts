import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// History and app data of every test (and every CLI it spawns) go to a throwaway folder, never the user's.
const home = process.env.CLEARANCE_HOME ?? mkdtempSync(join(tmpdir(), 'clearance-test-home-'));

export default defineConfig({
  test: {
    include: ['test/{unit,integration,contract,fuzz}/**/*.test.ts'],
    exclude: ['test/e2e/**', 'out/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { CLEARANCE_HOME: home },
  },
});
