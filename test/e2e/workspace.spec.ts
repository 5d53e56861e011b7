import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openWorkspace } from './support/ui';

import { SHOTS } from './support/shots';

/** A workspace on disk: clearance.yaml, one collection with two requests on {{base}}, envs local and other. */
function makeWorkspace(base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-ws-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop API\nid: e2e-workspace-0001\ndefaults:\n  headers:\n    - name: X-Team\n      value: checkout\n');
  mkdirSync(join(dir, 'orders'));
  writeFileSync(join(dir, 'orders', 'folder.yaml'), 'name: Orders\norder:\n  - list-orders.yaml\n  - forbidden.yaml\n');
  writeFileSync(join(dir, 'orders', 'list-orders.yaml'), [
    'name: List orders', 'method: GET', 'url: "{{base}}/ok"', 'headers:', '  - name: Accept', '    value: application/json',
    '  - name: X-Trace', '    value: one', '',
  ].join('\n'));
  writeFileSync(join(dir, 'orders', 'forbidden.yaml'), 'name: Admin report\nmethod: GET\nurl: "{{base}}/forbidden"\n');
  mkdirSync(join(dir, 'environments'));
  writeFileSync(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: ${base}\n`);
  // 'other' points at another address (nothing is sent there): only the preview must change.
  writeFileSync(join(dir, 'environments', 'other.yaml'), `name: other\nvariables:\n  base: ${base.replace('127.0.0.1', 'localhost')}/v2\n`);
  return dir;
}

const POSTMAN = JSON.stringify({
  info: { name: 'Billing', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    { name: 'Invoices', item: [{ name: 'List invoices', request: { method: 'GET', url: '{{host}}/invoices', header: [{ key: 'Accept', value: 'application/json' }] } }] },
    { name: 'Ping', event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => {})'] } }], request: { method: 'GET', url: '{{host}}/ping' } },
  ],
  variable: [{ key: 'host', value: 'http://127.0.0.1:9' }],
});

test.describe('workspace', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 820 });
    await openApp();
  });

  test('open a folder, edit and save one line, environments, send, conflict, import', async ({ page, target }) => {
    const dir = makeWorkspace(target.base);
    await openWorkspace(page, dir);
    const tree = page.getByRole('tree', { name: 'Collections' });
    await expect(tree.getByRole('treeitem', { name: 'Orders', exact: true })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: 'GET List orders' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Environments' })).toContainText('local');

    // Open, edit one header value, Ctrl+S: the file differs by exactly one line.
    const file = join(dir, 'orders', 'list-orders.yaml');
    const before = readFileSync(file, 'utf8').split('\n');
    await tree.getByRole('treeitem', { name: 'GET List orders' }).click();
    const tabs = page.getByRole('tablist', { name: 'Open requests' });
    await expect(tabs.getByRole('tab', { selected: true })).toContainText('List orders');
    await page.getByRole('tab', { name: /Headers/ }).first().click();
    await page.getByLabel('Header 2 value').fill('two');
    await expect(tabs.getByLabel('unsaved changes')).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(tabs.getByLabel('unsaved changes')).toHaveCount(0);
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    const diff = before.map((l, i) => [l, after[i]]).filter(([a, b]) => a !== b);
    expect(diff).toEqual([['    value: one', '    value: two']]);

    // Environments: the preview under the URL follows the selection.
    const resolved = page.getByTestId('resolved-url');
    await page.getByLabel('Environment', { exact: true }).selectOption('local');
    await expect(resolved).toHaveText(`${target.base}/ok`);
    await page.getByLabel('Environment', { exact: true }).selectOption('other');
    await expect(resolved).toHaveText(`${target.base.replace('127.0.0.1', 'localhost')}/v2/ok`);
    await page.getByLabel('Environment', { exact: true }).selectOption('');
    await expect(page.getByRole('status', { name: 'Resolved URL' })).toContainText('1 unresolved: base');
    await page.getByLabel('Environment', { exact: true }).selectOption('local');
    await expect(resolved).toHaveText(`${target.base}/ok`);

    // Send through the workspace: 200, the collection header is on the wire with its origin.
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200');
    await expect(tree.getByRole('treeitem', { name: 'GET List orders' }).locator('.status-dot')).toHaveClass(/tone-success/);
    await response.getByRole('tab', { name: 'Timeline' }).click();
    await expect(response.locator('tr', { hasText: 'X-Team' }).locator('.origin-badge')).toHaveText('collection');
    await response.getByRole('tab', { name: 'Body' }).click();
    await expect(page.getByRole('list', { name: 'Recent sends' })).toContainText('/ok');
    await page.screenshot({ path: `${SHOTS}/workspace.png` });

    // Dirty tab + the file changes on disk: a banner, the edits kept.
    await page.getByLabel('Header 1 value').fill('text/plain');
    await expect(tabs.getByLabel('unsaved changes')).toBeVisible();
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: two', 'value: three'));
    const banner = page.getByRole('alert', { name: 'File changed on disk' });
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText('orders/list-orders.yaml changed on disk');
    await expect(page.getByLabel('Header 1 value')).toHaveValue('text/plain');
    await page.screenshot({ path: `${SHOTS}/workspace-conflict.png` });
    // Saving is refused while the conflict stands; Reload takes the disk version.
    await page.keyboard.press('Control+S');
    await expect(banner).toBeVisible();
    expect(readFileSync(file, 'utf8')).toContain('value: three');
    await banner.getByRole('button', { name: 'Reload from disk' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Header 1 value')).toHaveValue('application/json');
    await expect(page.getByLabel('Header 2 value')).toHaveValue('three');

    // Import a Postman v2.1 collection (dropped file) into a new folder: it opens, the tree shows it.
    const out = join(mkdtempSync(join(tmpdir(), 'clearance-import-')), 'billing');
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'billing.postman_collection.json', { type: 'application/json' }));
      return d;
    }, POSTMAN);
    await page.dispatchEvent('.app', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('.app', 'drop', { dataTransfer: dt });
    const dialog = page.getByRole('dialog', { name: 'Import a collection' });
    await expect(dialog).toContainText('billing.postman_collection.json');
    await dialog.getByLabel('Output folder').fill(out);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('dialog', { name: 'Import finished' });
    await expect(done).toContainText('2 requests');
    await expect(done.getByRole('list', { name: 'Import warnings' })).toContainText(/script/i);
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(tree.getByRole('treeitem', { name: 'Invoices', exact: true })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: 'GET Ping' })).toBeVisible();
    expect(readFileSync(join(out, 'clearance.yaml'), 'utf8')).toContain('name: Billing');
  });

  test('tree context actions and keyboard: new request, rename, delete with confirm', async ({ page, target }) => {
    const dir = makeWorkspace(target.base);
    await openWorkspace(page, dir);
    const tree = page.getByRole('tree', { name: 'Collections' });
    await tree.getByRole('treeitem', { name: 'Orders', exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'New request' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Create order');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(tree.getByRole('treeitem', { name: 'GET Create order' })).toBeVisible();
    expect(readFileSync(join(dir, 'orders', 'create-order.yaml'), 'utf8')).toContain('name: Create order');

    await tree.getByRole('treeitem', { name: 'GET Admin report' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(tree.getByRole('treeitem', { name: 'GET List orders' })).toBeFocused();
    await page.keyboard.press('F2');
    await page.getByLabel('Name', { exact: true }).fill('All orders');
    await page.keyboard.press('Enter');
    await expect(tree.getByRole('treeitem', { name: 'GET All orders' })).toBeVisible();

    await tree.getByRole('treeitem', { name: 'GET Admin report' }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await page.getByRole('dialog', { name: 'Delete request' }).getByRole('button', { name: 'Delete' }).click();
    await expect(tree.getByRole('treeitem', { name: 'GET Admin report' })).toHaveCount(0);

    // A refusal gives the tree entry a red dot.
    await tree.getByRole('treeitem', { name: 'GET All orders' }).click();
    await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('All orders');
    await page.getByLabel('URL', { exact: true }).fill('{{base}}/forbidden');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('403');
    await expect(tree.getByRole('treeitem', { name: 'GET All orders' }).locator('.status-dot')).toHaveClass(/tone-refused/);
  });
});
