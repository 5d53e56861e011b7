// Keyboard first, with Ctrl (Windows, Linux) and with ⌘ (macOS): every window shortcut proven where
// it acts. Ctrl/⌘+Enter reaches a recording server (also from inside Monaco, which binds the key
// itself), Ctrl/⌘+S changes the request's file on disk, Ctrl/⌘+W closes a clean tab with no prompt,
// Ctrl/⌘+T, +L, +K, +, and +O open what they name, Ctrl/⌘+F searches the response body.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startRecorder, type Recorder } from './support/recorder';

let api: Recorder;
test.beforeAll(async () => {
  api = await startRecorder((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('found the needle here'));
});
test.afterAll(async () => { await api.close(); });

for (const mod of ['Control', 'Meta'] as const) {
  test.describe(`shortcuts with ${mod}`, () => {
    test.beforeEach(async ({ page, openApp }) => {
      api.seen.length = 0;
      await page.setViewportSize({ width: 1360, height: 860 });
      await openApp();
    });

    test('Enter sends (from the URL and from inside Monaco), F finds in the body, T opens and W closes a clean tab', async ({ page }) => {
      const url = page.getByLabel('URL', { exact: true });
      await page.getByLabel('Method').selectOption('POST');
      await url.fill(`${api.url}/keys?mod=${mod}`);
      await url.press(`${mod}+Enter`);
      await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
      expect(api.seen.map((s) => `${s.method} ${s.url}`)).toEqual([`POST /keys?mod=${mod}`]);

      await page.getByRole('tab', { name: /Body/ }).first().click();
      await page.getByRole('radio', { name: 'Text' }).check();
      await page.getByTestId('code-editor').locator('.view-lines').click();
      await page.keyboard.type('typed-in-monaco');
      await page.keyboard.press(`${mod}+Enter`);
      await expect.poll(() => api.seen.length).toBe(2);
      expect(api.seen[1]!.body).toBe('typed-in-monaco');

      const response = page.getByRole('region', { name: 'Response' });
      await response.getByTestId('code-viewer').click();
      await page.keyboard.press(`${mod}+F`);
      await expect(response.getByLabel('Search in body')).toBeFocused();
      await page.keyboard.type('needle');
      await expect(response.getByRole('status', { name: 'Matches' })).toHaveText('1 of 1');

      const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
      await page.keyboard.press(`${mod}+T`);
      await expect(tabs).toHaveCount(2);
      await expect(url).toHaveValue('');
      await page.keyboard.press(`${mod}+L`);
      await expect(url).toBeFocused();
      await page.keyboard.press(`${mod}+W`);
      await expect(tabs).toHaveCount(1);
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(url).toHaveValue(`${api.url}/keys?mod=${mod}`);
    });

    test('K opens the palette, the comma Settings, O the folder field; S saves the open file to disk', async ({ page }) => {
      await page.getByLabel('Method').focus();
      await page.keyboard.press(`${mod}+K`);
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await expect(palette.getByRole('combobox', { name: 'Search actions and requests' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(palette).toHaveCount(0);

      await page.keyboard.press(`${mod}+,`);
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);

      await page.keyboard.press(`${mod}+O`);
      await expect(page.getByLabel('Workspace folder path')).toBeFocused();

      const dir = mkdtempSync(join(tmpdir(), 'clearance-keys-'));
      writeFileSync(join(dir, 'clearance.yaml'), `clearance: 1\nname: Keys\nid: e2e-keys-${mod.toLowerCase()}-01\n`);
      mkdirSync(join(dir, 'api'));
      writeFileSync(join(dir, 'api', 'folder.yaml'), 'name: API\n');
      const file = join(dir, 'api', 'ping.yaml');
      writeFileSync(file, `name: Ping\nmethod: GET\nurl: ${api.url}/ping\n`);
      await page.getByLabel('Workspace folder path').fill(dir);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(page.getByRole('tree', { name: 'Collections' })).toBeVisible();
      await page.getByRole('treeitem', { name: 'GET Ping' }).click();
      // The file's request is loaded into its tab before it is edited.
      await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('Ping');
      await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${api.url}/ping`);
      await page.getByLabel('URL', { exact: true }).fill(`${api.url}/ping?saved-with=${mod}`);
      await expect(page.getByRole('tablist', { name: 'Open requests' }).getByLabel('unsaved changes')).toBeVisible();
      await page.keyboard.press(`${mod}+S`);
      await expect.poll(() => readFileSync(file, 'utf8')).toContain(`url: ${api.url}/ping?saved-with=${mod}`);
      await expect(page.getByRole('tablist', { name: 'Open requests' }).getByLabel('unsaved changes')).toHaveCount(0);
    });
  });
}
