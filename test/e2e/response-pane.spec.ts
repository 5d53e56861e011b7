// The response pane as a user reads it: the refusal named next to the status, cookies parsed,
// rate-limit headers in plain words with a live countdown, HTML preview, and a 20 MB body that
// scrolls and whose last lines search finds.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';
import { HUGE_LINES, HUGE_NEEDLE, QUOTA } from './support/target-server';

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toBeVisible();
}

test.describe('the response pane', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('Cookies lists each Set-Cookie with its domain, path, expiry and flags', async ({ page, target }) => {
    await send(page, `${target.base}/cookies`);
    const response = page.getByRole('region', { name: 'Response' });
    await response.getByRole('tab', { name: /Cookies/ }).click();
    const table = response.getByRole('table', { name: 'Cookies' });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('session');
    await expect(rows.nth(1)).toContainText('abc123');
    await expect(rows.nth(1)).toContainText('127.0.0.1 (host only)');
    await expect(rows.nth(1)).toContainText('session');
    for (const flag of ['Secure', 'HttpOnly', 'SameSite=Lax']) await expect(rows.nth(1)).toContainText(flag);
    await expect(rows.nth(2)).toContainText('example.test');
    await expect(rows.nth(2)).toContainText('in 1 h 00 min');
    await expect(rows.nth(3)).toContainText('deleted');
    await expect(response.getByRole('tab', { name: /Cookies/ })).toContainText('3');
  });

  test('a used-up quota reads as 0 of 60 left, a live reset countdown and Retry-After', async ({ page, target }) => {
    await send(page, `${target.base}/quota`);
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Refused')).toContainText('rate limited');
    const tab = response.getByRole('tab', { name: /Rate limit/ });
    await expect(tab).toContainText(`${QUOTA.remaining}/${QUOTA.limit}`);
    await tab.click();
    const quota = response.getByRole('group', { name: 'Quota of requests' });
    await expect(quota).toContainText(`${QUOTA.remaining}of ${QUOTA.limit} requests left`);
    const reset = quota.getByLabel('requests reset');
    await expect(reset).toContainText(/in 1 min [23]\d s/);
    const first = await reset.textContent();
    // The countdown is live: its text moves on by itself.
    await expect.poll(async () => reset.textContent()).not.toBe(first);
    await expect(response.getByRole('note', { name: 'Retry-After' })).toContainText(`Retry-After: ${QUOTA.retryAfter}`);
    await page.screenshot({ path: `${SHOTS}/response-rate-limit.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/response-rate-limit-dark.png` });
    await response.getByRole('tab', { name: /Body/ }).click();
  });

  test('an HTML body previews rendered, with scripts off', async ({ page, target }) => {
    await send(page, `${target.base}/page`);
    const response = page.getByRole('region', { name: 'Response' });
    await response.getByRole('button', { name: 'Preview' }).click();
    const frame = response.getByTitle('Preview of the response');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(page.frameLocator('iframe[title="Preview of the response"]').getByRole('heading', { name: 'Preview heading' })).toBeVisible();
  });

  test('a 20 MB body scrolls to its end and search finds the text near it', async ({ page, target }) => {
    await send(page, `${target.base}/huge`);
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByText(/Large body \(20\.0 MB\)/)).toBeVisible();
    const body = response.getByLabel('Response body');
    await expect(body).toContainText('"event":"tick"');
    await response.getByRole('button', { name: 'Find' }).click();
    await response.getByLabel('Search in body').fill(HUGE_NEEDLE);
    await expect(response.getByRole('status', { name: 'Matches' })).toHaveText('1 of 1', { timeout: 30_000 });
    const hit = body.locator('.search-current');
    await expect(hit).toHaveText(HUGE_NEEDLE);
    await expect(hit).toBeInViewport();
    await expect(response.getByText(/Large body \(20\.0 MB\), kept on disk\.$/)).toBeVisible();
    // The whole body is there and the view reaches its last line.
    await body.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(body.locator('.tv-gutter').last()).toHaveText(String(HUGE_LINES));
    await page.screenshot({ path: `${SHOTS}/response-huge-search.png` });
  });

  test('Cookies and the refusal chip in light and dark', async ({ page, target }) => {
    await send(page, `${target.base}/cookies`);
    const response = page.getByRole('region', { name: 'Response' });
    await response.getByRole('tab', { name: /Cookies/ }).click();
    await expect(response.getByRole('table', { name: 'Cookies' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/response-cookies.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/response-cookies-dark.png` });
  });
});
