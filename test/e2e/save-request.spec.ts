import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openWorkspace, pasteIntoUrl } from './support/ui';

import { SHOTS } from './support/shots';

/** clearance.yaml and one collection, Orders, with one request. */
function makeWorkspace(base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-save-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop API\nid: e2e-save-request-01\n');
  mkdirSync(join(dir, 'orders'));
  writeFileSync(join(dir, 'orders', 'folder.yaml'), 'name: Orders\n');
  writeFileSync(join(dir, 'orders', 'list-orders.yaml'), `name: List orders\nmethod: GET\nurl: ${base}/ok\n`);
  return dir;
}

test.describe('save to workspace', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 820 });
    await openApp();
  });

  test('Ctrl+S without a workspace says to open one, with an Open folder action', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/ok`);
    await page.keyboard.press('Control+S');
    const notice = page.getByRole('status').filter({ hasText: 'Open a workspace to save requests' });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await notice.getByRole('button', { name: 'Open folder' }).click();
    await expect(notice).toHaveCount(0);
    // The browser UI has no native folder dialog: the sidebar shows the path field.
    await expect(page.getByLabel('Workspace folder path')).toBeFocused();
    await page.getByLabel('Workspace folder path').fill(makeWorkspace(target.base));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('tree', { name: 'Collections' })).toBeVisible();
    // Now the scratch tab saves through the dialog.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Save request' })).toBeVisible();
  });

  test('save a scratch tab into a folder, then close with unsaved changes: the prompt, Don\'t save', async ({ page, target }) => {
    const dir = makeWorkspace(target.base);
    await openWorkspace(page, dir);
    const tree = page.getByRole('tree', { name: 'Collections' });
    const tabs = page.getByRole('tablist', { name: 'Open requests' });

    await page.getByRole('button', { name: 'New tab' }).click();
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/echo?limit=5`);
    await page.keyboard.press('Control+S');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Request name')).toHaveValue('POST /echo');
    await expect(dialog.getByLabel('Request name')).toBeFocused();
    await expect(dialog.getByLabel('Folder').locator('option')).toHaveText(['Shop API (workspace root)', 'Orders']);
    await dialog.getByLabel('Request name').fill('Create order');
    await dialog.getByLabel('Folder').selectOption({ label: 'Orders' });
    await page.screenshot({ path: `${SHOTS}/save-request.png` });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    const file = join(dir, 'orders', 'create-order.yaml');
    await expect.poll(() => existsSync(file)).toBe(true);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('name: Create order');
    expect(saved).toContain('method: POST');
    expect(saved).toContain(`url: ${target.base}/echo?limit=5`);
    await expect(tree.getByRole('treeitem', { name: 'POST Create order' })).toBeVisible();
    // The tab now edits that file: its name, clean, the path in its tooltip.
    const active = tabs.getByRole('tab', { selected: true });
    await expect(active).toContainText('Create order');
    await expect(active).toHaveAttribute('title', 'orders/create-order.yaml');
    await expect(tabs.getByLabel('unsaved changes')).toHaveCount(0);

    // A later Ctrl+S saves in place (no dialog).
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/echo?limit=6`);
    await expect(tabs.getByLabel('unsaved changes')).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(tabs.getByLabel('unsaved changes')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(readFileSync(file, 'utf8')).toContain(`url: ${target.base}/echo?limit=6`);
    expect(readdirSync(join(dir, 'orders')).sort()).toEqual(['create-order.yaml', 'folder.yaml', 'list-orders.yaml']);
    const onDisk = readFileSync(file, 'utf8');

    // Edit, Ctrl+W: the prompt. Cancel keeps the tab and the edit.
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/echo?limit=7`);
    await page.keyboard.press('Control+W');
    const prompt = page.getByRole('dialog', { name: 'Save changes to “Create order”?' });
    await expect(prompt).toContainText('orders/create-order.yaml has unsaved changes');
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await expect(prompt).toHaveCount(0);
    await expect(active).toContainText('Create order');
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${target.base}/echo?limit=7`);

    // The tab's × (shown on hover where the unsaved dot sits): the prompt again; Don't save closes it and writes nothing.
    await active.hover();
    // The × is hidden from screen readers (Delete on the tab closes it from the keyboard): found with includeHidden.
    await tabs.getByRole('button', { name: 'Close Create order', includeHidden: true }).click();
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: "Don't save" }).click();
    await expect(prompt).toHaveCount(0);
    await expect(tabs.getByRole('tab', { name: /Create order/ })).toHaveCount(0);
    expect(readFileSync(file, 'utf8')).toBe(onDisk);
  });

  test('a pasted curl keeps its send options in the file; closing a scratch tab offers Save', async ({ page, target }) => {
    const dir = makeWorkspace(target.base);
    await openWorkspace(page, dir);
    await page.getByRole('button', { name: 'New tab' }).click();
    await pasteIntoUrl(page, `curl -k -L -m 20 -H 'X-From-Curl: pasted' ${target.base}/redirect`);
    await expect(page.getByLabel('Send options')).toContainText('TLS verification off');
    await page.keyboard.press('Control+W');
    const prompt = page.getByRole('dialog', { name: /^Save changes to/ });
    await expect(prompt).toContainText('not saved in the workspace');
    await prompt.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await expect(dialog.getByLabel('Request name')).toHaveValue('GET /redirect');
    await dialog.getByLabel('Request name').press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'GET GET /redirect' })).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { name: /redirect/ })).toHaveCount(0);
    const saved = readFileSync(join(dir, 'get-redirect.yaml'), 'utf8');
    expect(saved).toContain('method: GET');
    expect(saved).toContain(`url: ${target.base}/redirect`);
    expect(saved).toContain('X-From-Curl');
    expect(saved).toMatch(/options:\n\s+timeouts:\n\s+totalMs: 20000/);
    expect(saved).toMatch(/tls:\n\s+verify: false/);
    expect(saved).toMatch(/redirects:\n\s+follow: true/);
  });
});
