// A Send right after the window opens: the explainer runs in a worker that may still be loading.
// The worker's script is held by the test (page.route) so the response always arrives first, with
// no timing: a 403 must show with its refusal band at once, a 200 that may be a block page must say
// it is being explained, and the card comes when the worker answers. A worker that cannot load
// leaves the response on screen and says why there is no explanation.
import type { Page, Route } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';

const WORKER = /\/assets\/explain\.worker[^/]*\.js$/;

/** Holds the explainer worker's script until `release()`; `held` resolves once the page asked for it. */
async function holdWorker(page: Page): Promise<{ held: Promise<void>; release(): Promise<void> }> {
  let route: Route | null = null;
  let asked = () => {};
  const held = new Promise<void>((r) => { asked = r; });
  await page.route(WORKER, (r) => { route = r; asked(); });
  return { held, release: async () => { await route?.continue(); } };
}

const response = (page: Page) => page.getByRole('region', { name: 'Response' });
const card = (page: Page) => response(page).getByRole('region', { name: 'Explanation' });

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Opens the app with the worker's script held and sends `url`: the response arrives, the explainer cannot yet. */
async function sendHeld(page: Page, openApp: () => Promise<void>, url: string): Promise<() => Promise<void>> {
  const worker = await holdWorker(page);
  await openApp();
  await send(page, url);
  await worker.held;
  return worker.release;
}

test.describe('a Send before the explainer has loaded', () => {
  test.beforeEach(async ({ page }) => { await page.setViewportSize({ width: 1360, height: 820 }); });

  test('a 403 shows with its refusal band and "Explaining…", then the card', async ({ page, openApp, target }) => {
    const release = await sendHeld(page, openApp, `${target.base}/aws/forbidden`);
    await expect(response(page).getByLabel('Response status')).toContainText('403');
    const band = response(page).getByRole('alert');
    await expect(band).toContainText('403 Forbidden');
    await expect(response(page).getByRole('status').filter({ hasText: 'Explaining the response…' })).toBeVisible();
    await expect(response(page).getByLabel('Refused')).toBeVisible();
    await expect(response(page).getByTestId('code-viewer')).toContainText('Forbidden');
    await expect(card(page)).toHaveCount(0);
    await expect(page.locator('.request-tab.active .status-dot')).toHaveClass(/tone-refused/);
    await page.screenshot({ path: `${SHOTS}/explain-pending.png` });

    await release();
    await expect(card(page)).toContainText('Amazon API Gateway');
    await expect(response(page).getByRole('alert')).toHaveCount(1);
    await expect(response(page).getByRole('alert')).toContainText('Refused by Amazon API Gateway');
    await expect(response(page).getByText('Explaining the response…')).toHaveCount(0);
  });

  test('a 200 block page says it is being explained, then turns into a refusal in the tab', async ({ page, openApp, target }) => {
    const release = await sendHeld(page, openApp, `${target.base}/f5/rejected`);
    await expect(response(page).getByLabel('Response status')).toContainText('200');
    await expect(response(page).getByRole('status').filter({ hasText: 'Explaining the response…' })).toBeVisible();
    await release();
    await expect(card(page)).toContainText('WAF or bot protection');
    await expect(response(page).getByLabel('Response status').locator('.status-badge')).toHaveClass(/tone-refused/);
    await expect(page.locator('.request-tab.active .status-dot')).toHaveClass(/tone-refused/);
    await expect(response(page).getByText('Explaining the response…')).toHaveCount(0);
  });

  test('an explainer that cannot load: the 403 stays with its band, and the pane says why it is unexplained', async ({ page, openApp, target }) => {
    await page.route(WORKER, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    await openApp();
    await send(page, `${target.base}/forbidden`);
    await expect(response(page).getByLabel('Response status')).toContainText('403');
    await expect(response(page).getByRole('alert')).toContainText('403 Forbidden');
    await expect(response(page).getByRole('status').filter({ hasText: 'No explanation: The explainer could not run' })).toBeVisible();
    await expect(response(page).getByTestId('code-viewer')).toContainText('You cannot consume this service');
    await expect(response(page).getByText('Explaining the response…')).toHaveCount(0);
  });
});
