// Compare as a user reaches it: a tab's context menu "Compare with…" another tab, and two
// history entries ticked in the sidebar. What differs is what the target server saw and said:
// /echo returns the headers it received, so the response body diff shows the server's truth.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';

async function sendWithHeader(page: Page, url: string, headers: Array<[string, string]>): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('tab', { name: /Headers/ }).first().click();
  for (const [i, [name, value]] of headers.entries()) {
    await page.getByLabel('New header name').fill(name);
    await page.getByLabel(`Header ${i + 1} value`).fill(value);
  }
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
}

test.describe('Compare', () => {
  test.beforeEach(async ({ page, openApp, serve }) => {
    // Each test reads the history it wrote: start from an empty one.
    const res = await fetch(`${serve.origin}/rpc/history.clear`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true });
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('two tabs side by side: the request header that differs, and the echo of what the server received', async ({ page, target }) => {
    await sendWithHeader(page, `${target.base}/echo?v=1`, [['X-Variant', 'one']]);
    await page.getByRole('button', { name: 'New tab' }).click();
    await sendWithHeader(page, `${target.base}/echo?v=2`, [['X-Variant', 'two'], ['X-Only-B', 'yes']]);

    await page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').nth(1).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Compare with…' }).click();
    await page.getByRole('list', { name: 'Open tabs to compare with' }).getByRole('button').first().click();

    const dialog = page.getByRole('dialog', { name: 'Compare' });
    await expect(dialog.getByLabel('Side A')).toContainText('/echo?v=1');
    await expect(dialog.getByLabel('Side B')).toContainText('/echo?v=2');
    const reqHeaders = dialog.getByRole('table', { name: 'Request headers' });
    await expect(reqHeaders.getByRole('row').filter({ hasText: 'X-Variant' })).toHaveAttribute('data-change', 'changed');
    await expect(reqHeaders.getByRole('row').filter({ hasText: 'X-Only-B' })).toHaveAttribute('data-change', 'added');
    // The server's own report of what it received differs the same way.
    const body = dialog.getByRole('table', { name: 'Response body' });
    const variant = body.getByRole('row').filter({ hasText: '"x-variant"' });
    await expect(variant).toContainText('"one"');
    await expect(variant).toContainText('"two"');
    // Word marks: the value that changed on each side, not the whole line.
    await expect(variant.locator('mark').filter({ hasText: /^one$/ })).toHaveCount(1);
    await expect(variant.locator('mark').filter({ hasText: /^two$/ })).toHaveCount(1);
    await expect(body.getByRole('row').filter({ hasText: '"x-only-b": "yes"' })).toHaveClass(/cmpv-added/);
    await expect(dialog.getByLabel('Differences at a glance')).toContainText('Status same (200)');
    await page.screenshot({ path: `${SHOTS}/compare-tabs.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/compare-tabs-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('two history entries: the status that flipped and the response headers only one side has', async ({ page, target }) => {
    for (const path of ['/ok', '/forbidden']) {
      await page.getByLabel('URL', { exact: true }).fill(`${target.base}${path}`);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(page.getByRole('list', { name: 'Recent sends' })).toContainText(path);
    }
    const list = page.getByRole('list', { name: 'Recent sends' });
    await list.getByRole('listitem').filter({ hasText: '/ok' }).getByRole('checkbox').check();
    await list.getByRole('listitem').filter({ hasText: '/forbidden' }).getByRole('checkbox').check();
    await expect(page.getByRole('status', { name: 'Selection' })).toContainText('2 selected');
    await page.getByRole('status', { name: 'Selection' }).getByRole('button', { name: 'Compare' }).click();

    const dialog = page.getByRole('dialog', { name: 'Compare' });
    await expect(dialog.getByLabel('Side A')).toContainText('/ok');
    await expect(dialog.getByLabel('Side B')).toContainText('403');
    await expect(dialog.getByLabel('Differences at a glance')).toContainText('Status 200 → 403');
    const resHeaders = dialog.getByRole('table', { name: 'Response headers' });
    await expect(resHeaders.getByRole('row').filter({ hasText: 'server' })).toHaveAttribute('data-change', 'added');
    await expect(resHeaders.getByRole('row').filter({ hasText: 'x-powered-by' })).toHaveAttribute('data-change', 'removed');
    await expect(dialog.getByRole('status', { name: 'Response body summary' })).toContainText(/\d+ lines? differ/);
    await page.screenshot({ path: `${SHOTS}/compare-entries.png` });
  });
});
