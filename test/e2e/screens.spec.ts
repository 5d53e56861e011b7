// Screenshots, light and dark, of the main views no other spec pictures in both themes: the first
// run's empty state, Import and Troubleshoot. Each is reached as a user reaches it and checked by
// what it must show before the picture is taken (the README shows them; scripts/screenshots.mjs
// copies them to docs/screenshots/).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';

async function both(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('body')).toHaveCSS('background-color', scheme === 'dark' ? 'rgb(28, 30, 34)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, animations: 'disabled' });
  }
}

test.describe('screenshots of the main views', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('first run and Import', async ({ page }) => {
    await expect(page.getByRole('button', { name: 'Try the demo' })).toBeEnabled();
    await both(page, 'first-run');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Import a collection' }).getByLabel('Format')).toBeVisible();
    await both(page, 'import');
  });

  test('Troubleshoot with its conclusion', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/nginx/forbidden`);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('region', { name: 'Explanation' }).getByRole('button', { name: 'Troubleshoot', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Troubleshoot' }).getByRole('region', { name: 'Conclusion' })).toBeVisible({ timeout: 30_000 });
    await both(page, 'troubleshoot');
  });
});
