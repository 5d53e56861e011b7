// Playwright fixtures: one `clearance serve` and one target server per worker; per test, a page
// that records CSP violations and every request, both checked after the test.
import { test as base, expect, type Page } from '@playwright/test';
import { startClearanceServe, type ServeHandle } from './serve';
import { startTargetServer, type TargetServer } from './target-server';

interface Guarded {
  page: Page;
  /** Opens the UI (with its token) and waits for the URL field. */
  openApp(): Promise<void>;
}

export const test = base.extend<Guarded, { serve: ServeHandle; target: TargetServer }>({
  serve: [async ({}, use) => {
    const s = await startClearanceServe();
    await use(s);
    await s.stop();
  }, { scope: 'worker' }],
  target: [async ({}, use) => {
    const t = await startTargetServer();
    await use(t);
    await t.stop();
  }, { scope: 'worker' }],
  page: async ({ page }, use) => {
    const offHost: string[] = [];
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return; // data:, blob:
      if (u.hostname !== '127.0.0.1') offHost.push(req.url());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use(page);
    const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp).catch(() => []);
    expect(csp, 'CSP violations').toEqual([]);
    expect(offHost, 'requests that left 127.0.0.1').toEqual([]);
  },
  openApp: async ({ page, serve }, use) => {
    await use(async () => {
      await page.goto(serve.url);
      await expect(page.getByLabel('URL', { exact: true })).toBeVisible();
    });
  },
});

export { expect };
