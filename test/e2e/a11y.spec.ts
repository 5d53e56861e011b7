// Accessibility (issue 13): axe-core scans each main view, as a user reaches it, in the light and
// the dark theme (the OS's scheme, emulated), and any serious or critical WCAG 2.0/2.1 A/AA
// violation fails with one line per element. The views run against the demo workspace: its local
// demo API answers real refusals, so the response, Troubleshoot, Runner and Matrix show real results.
import type { Page } from '@playwright/test';
import { scan } from './support/axe';
import { expect, test } from './support/fixtures';
import { resetSettings } from './support/settings';

const THEMES = { light: 'rgb(255, 255, 255)', dark: 'rgb(28, 30, 34)' } as const;

/** Scans the page as it is and reports under the view's name; a soft check so every view is scanned. */
async function check(page: Page, theme: string, view: string): Promise<void> {
  // a row fading in (Troubleshoot's probes) has its colours blended with the background until its
  // animation ends: axe would measure that moment's contrast, not the view's; endless ones (spinners) are left
  await page.waitForFunction(() => document.getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  const { blocking, elements, rules } = await scan(page);
  console.log(`axe ${theme} · ${view}: ${elements} element(s) with serious/critical violations${rules.length ? `; rules: ${rules.join(', ')}` : ''}`);
  expect.soft(blocking, `serious or critical accessibility violations in ${view} (${theme} theme)`).toEqual([]);
}

const response = (page: Page) => page.getByRole('region', { name: 'Response' });

async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('tree', { name: 'Collections' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('List orders');
}

for (const [theme, background] of Object.entries(THEMES)) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test.beforeEach(async ({ page, openApp, request, serve }) => {
      // The theme follows the OS unless a setting overrides it: the backend's settings to the defaults.
      await resetSettings(request, serve);
      await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
      await page.setViewportSize({ width: 1360, height: 860 });
      await openApp();
      await expect(page.locator('body')).toHaveCSS('background-color', background);
    });

    test('first run: the empty state and Import', async ({ page }) => {
      await expect(page.getByRole('button', { name: 'Try the demo' })).toBeEnabled();
      await check(page, theme, 'first run (empty state)');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a collection' });
      await expect(dialog.getByLabel('Format')).toBeVisible();
      await check(page, theme, 'Import');
    });

    test('the request editor with a response, Troubleshoot, History and Compare', async ({ page }) => {
      await openDemo(page);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(response(page).getByLabel('Response status')).toContainText('403');
      await expect(response(page).getByRole('region', { name: 'Explanation' })).toBeVisible();
      await check(page, theme, 'request editor with a response');

      await response(page).getByRole('region', { name: 'Explanation' }).getByRole('button', { name: 'Troubleshoot', exact: true }).click();
      const drawer = page.getByRole('dialog', { name: 'Troubleshoot' });
      await expect(drawer.getByRole('region', { name: 'Conclusion' })).toBeVisible({ timeout: 30_000 });
      await check(page, theme, 'Troubleshoot');
      await drawer.getByRole('button', { name: 'Close troubleshooting' }).click();
      await expect(drawer).toHaveCount(0);

      // A second send that works, so History holds two entries to compare.
      await page.getByLabel('Key profile', { exact: true }).selectOption('demo-key');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(response(page).getByLabel('Response status')).toContainText('200');
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(page.getByRole('group', { name: 'History filters' })).toBeVisible();
      await check(page, theme, 'History');
      // Closed again: the filters take the room the list's checkboxes need.
      await page.getByRole('button', { name: 'Filters' }).click();

      const rows = page.getByRole('list', { name: 'Recent sends' }).getByRole('listitem');
      // Ticked from the keyboard: the sidebar's history section is short at this window size.
      for (const i of [0, 1]) {
        await rows.nth(i).getByRole('checkbox').press('Space');
        await expect(rows.nth(i).getByRole('checkbox')).toBeChecked();
      }
      await page.getByRole('status', { name: 'Selection' }).getByRole('button', { name: 'Compare' }).click();
      const compare = page.getByRole('dialog', { name: 'Compare' });
      await expect(compare.getByLabel('Differences at a glance')).toContainText('Status');
      await check(page, theme, 'Compare');
    });

    test("the request's and the response's other tabs: headers, body (Monaco), key, cookies, timeline", async ({ page }) => {
      await openDemo(page);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(response(page).getByLabel('Response status')).toContainText('403');
      for (const tab of [/^Headers/, /^Cookies/, /^Timeline/]) {
        await response(page).getByRole('tab', { name: tab }).click();
        await expect(response(page).getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
        await check(page, theme, `response ${tab.source.slice(1)}`);
      }
      const request = page.getByRole('region', { name: 'Request' });
      for (const tab of [/^Headers/, /^Key & gateway/]) {
        await request.getByRole('tab', { name: tab }).click();
        await expect(request.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
        await check(page, theme, `request ${tab.source.slice(1)}`);
      }
      await request.getByRole('tab', { name: /^Body/ }).click();
      await request.getByRole('radio', { name: 'JSON' }).check();
      await expect(page.getByTestId('code-editor').locator('.view-lines')).toBeVisible();
      await check(page, theme, 'request body (JSON in Monaco)');
    });

    test('Runner and Matrix over the demo collection', async ({ page }) => {
      await openDemo(page);
      await page.getByRole('button', { name: 'Run collection' }).click();
      const runner = page.getByRole('region', { name: 'Runner' });
      await runner.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(runner.getByRole('status')).toHaveText(/passed|failed/, { timeout: 30_000 });
      await check(page, theme, 'Runner');

      await page.getByRole('button', { name: 'Access matrix' }).click();
      const matrix = page.getByRole('region', { name: 'Matrix', exact: true });
      await matrix.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(matrix.getByRole('region', { name: 'Matrix summary' }).getByRole('status')).toHaveText('Done', { timeout: 30_000 });
      await check(page, theme, 'Matrix');
    });

    test('Settings and the command palette', async ({ page }) => {
      await page.keyboard.press('ControlOrMeta+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await expect(settings.getByRole('radiogroup', { name: 'HTTP version' })).toBeVisible();
      await check(page, theme, 'Settings');
      await settings.getByRole('button', { name: 'Done' }).click();
      await expect(settings).toHaveCount(0);

      await page.keyboard.press('ControlOrMeta+K');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await expect(palette.getByRole('combobox', { name: 'Search actions and requests' })).toBeFocused();
      await check(page, theme, 'command palette');
    });
  });
}

// The × of a request tab is hidden from screen readers (only tabs may sit in a tablist): the
// keyboard closes a tab with Delete, and the arrows move between tabs as the tabs pattern has it.
test('request tabs from the keyboard: arrows move between tabs, Delete closes the focused one', async ({ page, openApp }) => {
  await openApp();
  const strip = page.getByRole('tablist', { name: 'Open requests' });
  await page.getByRole('button', { name: 'New tab' }).click();
  await page.getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/second');
  await expect(strip.getByRole('tab')).toHaveCount(2);
  await strip.getByRole('tab').nth(1).focus();
  await page.keyboard.press('ArrowRight'); // wraps to the first
  await expect(strip.getByRole('tab').nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await expect(strip.getByRole('tab').nth(1)).toBeFocused();
  await expect(strip.getByRole('tab').nth(1)).toHaveAttribute('aria-keyshortcuts', 'Delete');
  await page.keyboard.press('Delete');
  await expect(strip.getByRole('tab')).toHaveCount(1);
  await expect(strip.getByRole('tab').filter({ hasText: '/second' })).toHaveCount(0);
});
