// The command palette (Ctrl/Cmd+K): every app action (the desktop menu's list), the open tabs and
// the workspace's requests, filtered fuzzily and run from the keyboard. Sends are checked at a
// recording server; theme changes at the computed colours.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { APP_ACTIONS } from '../../shared/contract/app-actions';
import { expect, test } from './support/fixtures';
import { startRecorder, type Recorder } from './support/recorder';
import { resetSettings } from './support/settings';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

let api: Recorder;

test.beforeAll(async () => {
  api = await startRecorder((req, res) => {
    if (req.url.startsWith('/denied')) res.writeHead(403, { 'content-type': 'text/plain', server: 'nginx/1.22.1' }).end('Forbidden');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
test.afterAll(async () => { await api.close(); });

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const search = (page: Page) => palette(page).getByRole('combobox', { name: 'Search actions and requests' });

async function runFromPalette(page: Page, query: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+K');
  await search(page).fill(query);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
}

test.describe('command palette', () => {
  test.beforeEach(async ({ page, openApp }) => {
    api.seen.length = 0;
    await page.setViewportSize({ width: 1360, height: 820 });
    await openApp();
  });
  // The theme actions keep the choice with the backend, which later specs of this worker share.
  test.afterEach(async ({ request, serve }) => { await resetSettings(request, serve); });

  test('lists every action of the menu with its shortcut; Esc closes it and focus returns', async ({ page }) => {
    const url = page.getByLabel('URL', { exact: true });
    await url.focus();
    await page.keyboard.press('ControlOrMeta+K');
    await expect(search(page)).toBeFocused();
    for (const a of APP_ACTIONS) {
      const label = a.group === 'theme' ? `Theme: ${a.label}` : a.label;
      await expect(palette(page).getByRole('option', { name: label, exact: true }), a.id).toBeVisible();
    }
    await expect(palette(page).getByRole('option', { name: 'Send Request', exact: true })).toHaveAccessibleDescription(/Ctrl\+Enter|⌘↩/);
    // Unavailable now, and saying why.
    const troubleshoot = palette(page).getByRole('option', { name: 'Troubleshoot', exact: true });
    await expect(troubleshoot).toHaveAttribute('aria-disabled', 'true');
    await expect(troubleshoot).toHaveAccessibleDescription(/needs a refused response/);
    await page.keyboard.press('Escape');
    await expect(palette(page)).toHaveCount(0);
    await expect(url).toBeFocused();
  });

  test('fuzzy filter, arrow keys and Enter run the chosen action: Send reaches the server', async ({ page }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${api.url}/from-palette?x=1`);
    await page.keyboard.press('ControlOrMeta+K');
    await search(page).fill('sndrq');
    const options = palette(page).getByRole('option');
    await expect(options.first()).toContainText('Send Request');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
    expect(api.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /from-palette?x=1']);
    // With a response in the tab, Compare asks what to compare it with.
    await runFromPalette(page, 'compare');
    const picker = page.getByRole('dialog', { name: /^Compare .* with…$/ });
    await expect(picker).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);

    // Arrows move the selection (wrapping at the ends); Enter runs the selected row, not the first.
    await page.keyboard.press('ControlOrMeta+K');
    await search(page).fill('theme:');
    await expect(options).toHaveCount(3);
    await page.keyboard.press('ArrowUp');
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(2)).toContainText('Dark');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(28, 30, 34)');
  });

  test('New Tab, Go to URL and jumping to an open tab', async ({ page }) => {
    const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    await page.getByLabel('URL', { exact: true }).fill(`${api.url}/first-tab`);
    await runFromPalette(page, 'new tab');
    await expect(tabs).toHaveCount(2);
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('URL', { exact: true }).fill(`${api.url}/second-tab`);
    await page.getByLabel('Method').focus();
    await runFromPalette(page, 'go to url');
    await expect(page.getByLabel('URL', { exact: true })).toBeFocused();

    await page.keyboard.press('ControlOrMeta+K');
    await search(page).fill('first-tab');
    await expect(palette(page).getByRole('option').first()).toContainText('Open tab');
    await page.keyboard.press('Enter');
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${api.url}/first-tab`);
  });

  test("opens a workspace request by name, and Troubleshoot opens on a refusal", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-palette-ws-'));
    writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Palette API\nid: e2e-palette-0001\n');
    mkdirSync(join(dir, 'admin'));
    writeFileSync(join(dir, 'admin', 'folder.yaml'), 'name: Admin\n');
    writeFileSync(join(dir, 'admin', 'audit-log.yaml'), `name: Audit log\nmethod: GET\nurl: ${api.url}/denied/audit\n`);
    mkdirSync(join(dir, 'environments'));
    writeFileSync(join(dir, 'environments', 'staging.yaml'), 'name: staging\nvariables:\n  base: http://127.0.0.1:9\n');
    const status = page.getByRole('contentinfo', { name: 'Status bar' });
    await expect(status.getByLabel('Env: none')).toBeVisible();
    await openWorkspace(page, dir);
    // The status bar follows the workspace: its environment, no key, direct.
    await expect(status.getByLabel('Env: staging')).toBeVisible();
    await expect(status.getByLabel('Key: none')).toBeVisible();
    await expect(status.getByLabel('Gateway: direct')).toBeVisible();

    await page.keyboard.press('ControlOrMeta+K');
    await search(page).fill('audit');
    const row = palette(page).getByRole('option').first();
    await expect(row).toContainText('Audit log');
    await expect(row).toContainText('Admin');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${api.url}/denied/audit`);

    await runFromPalette(page, 'send request');
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('403');
    expect(api.seen[0]).toMatchObject({ method: 'GET', url: '/denied/audit' });
    await runFromPalette(page, 'troubleshoot');
    await expect(page.getByRole('dialog', { name: 'Troubleshoot' })).toBeVisible();
  });

  test('screenshots in light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.keyboard.press('ControlOrMeta+K');
      await expect(palette(page).getByRole('option').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/palette-${scheme}.png`, animations: 'disabled' });
      await search(page).fill('te');
      await page.screenshot({ path: `${SHOTS}/palette-filtered-${scheme}.png`, animations: 'disabled' });
      await page.keyboard.press('Escape');
    }
  });
});
