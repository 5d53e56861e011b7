// The window's layout as a user leaves it: the request/response split and the sidebar's width,
// dragged with the mouse, are the same after a reload (kept in the window's own storage).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';

/** Drags the separator's middle by (dx, dy) in small steps, as a hand would. */
async function drag(page: Page, sep: Locator, dx: number, dy: number): Promise<void> {
  const box = (await sep.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 8 });
  await page.mouse.up();
}

const height = async (l: Locator) => Math.round((await l.boundingBox())!.height);
const width = async (l: Locator) => Math.round((await l.boundingBox())!.width);

test('the request/response split and the sidebar width are remembered across a reload', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1360, height: 820 });
  await openApp();
  const response = page.getByRole('region', { name: 'Response' });
  const sidebar = page.locator('.sidebar-panel');
  const firstHeight = await height(response);
  const firstWidth = await width(sidebar);

  await drag(page, page.getByRole('separator', { name: 'Resize request and response' }), 0, 160);
  await expect.poll(() => height(response)).toBeLessThan(firstHeight - 100);
  await drag(page, page.getByRole('separator', { name: 'Resize sidebar' }), 120, 0);
  await expect.poll(() => width(sidebar)).toBeGreaterThan(firstWidth + 80);
  const dragged = { h: await height(response), w: await width(sidebar) };

  await page.reload();
  await expect(page.getByLabel('URL', { exact: true })).toBeVisible();
  // The same sizes, to a pixel of rounding, not the defaults.
  await expect.poll(async () => Math.abs(await height(response) - dragged.h)).toBeLessThanOrEqual(1);
  await expect.poll(async () => Math.abs(await width(sidebar) - dragged.w)).toBeLessThanOrEqual(1);
  await page.getByLabel('URL', { exact: true }).focus();
  await page.screenshot({ path: `${SHOTS}/layout-remembered.png` });
});
