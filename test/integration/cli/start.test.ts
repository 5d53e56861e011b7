import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm start` where Electron cannot run: it must say so and serve the same UI over loopback.
describe('npm start fallback', () => {
  it('starts clearance serve and prints the URL with its token', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, CLEARANCE_NO_ELECTRON: '1' } });
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 15 s: ${out}${err}`)), 15_000);
      child.stdout.on('data', (c) => {
        out += c;
        const m = /Clearance UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    try {
      expect(err).toMatch(/starting the same UI with `clearance serve`/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">|Clearance/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
