// Folder settings in the UI: a folder's key profile and default header set in the dialog, saved to
// folder.yaml (other fields and a secret variable's declaration kept), then a request in the folder
// sends with both: the wire view shows their origins and the target server receives them.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';

import { SHOTS } from './support/shots';
const TEAM_KEY = 'folder-team-key-e2e-41d2';

// Our own serve: the key profile's secret comes from E2E_FOLDER_TEAM_KEY in its environment.
const test = base.extend<object, { serve: ServeHandle }>({
  serve: [async ({}, use) => {
    process.env.E2E_FOLDER_TEAM_KEY = TEAM_KEY;
    const s = await startClearanceServe();
    await use(s);
    await s.stop();
  }, { scope: 'worker' }],
});

/** The API under test: 200 only with the team key, and it records what it received. */
async function startApi(): Promise<{ base: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const ok = req.headers['x-api-key'] === TEAM_KEY;
    res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' });
    res.end(ok ? '{"orders":[]}' : '{"message":"Forbidden"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

function makeWorkspace(targetBase: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-folder-settings-'));
  const hostPort = new URL(targetBase).host;
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop API\nid: e2e-folder-settings-01\n');
  mkdirSync(join(dir, 'orders'));
  writeFileSync(join(dir, 'orders', 'folder.yaml'), [
    'name: Orders', 'defaults:', '  variables:', '    region: eu', '    token:', '      secret: true', '      env: ORDERS_TOKEN', 'order:', '  - list.yaml', '',
  ].join('\n'));
  writeFileSync(join(dir, 'orders', 'list.yaml'), `name: List orders\nmethod: GET\nurl: ${targetBase}/orders/{{region}}\n`);
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'team.yaml'), [
    'name: team', 'kind: api-key', 'param: x-api-key', 'hosts:', `  - ${hostPort}`, 'key:', '  secret: true', '  env: E2E_FOLDER_TEAM_KEY', '',
  ].join('\n'));
  return dir;
}

test('folder settings: set the folder key and a default header, saved to folder.yaml, sent with their origins', async ({ page, openApp }) => {
  const api = await startApi();
  const dir = makeWorkspace(api.base);
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await page.getByRole('button', { name: 'Open folder' }).click();
  await page.getByLabel('Workspace folder path', { exact: true }).fill(dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'Collections' });
  await expect(page.getByRole('list', { name: 'Key profiles' })).toContainText('team');

  // Open the request first: its preview must follow the folder's new defaults without a reload.
  await tree.getByRole('treeitem', { name: 'GET List orders' }).click();
  const preview = page.getByTestId('resolved-url');
  await expect(preview).toHaveText(`${api.base}/orders/eu`);

  await tree.getByRole('treeitem', { name: 'Orders', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Folder settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Folder settings · Orders' });
  await expect(dialog).toContainText('orders/folder.yaml');

  // Variables: the plain one is editable, the secret one is shown as a secret only.
  await dialog.getByRole('tab', { name: /Variables/ }).click();
  await expect(dialog.getByLabel('Variable 1 value', { exact: true })).toHaveValue('eu');
  await expect(dialog.locator('.folder-var-secret')).toContainText('token');
  await expect(dialog.locator('.folder-var-secret')).toContainText('secret · env ORDERS_TOKEN');
  await expect(dialog.getByLabel('Variable 2 value', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('Variable 1 value', { exact: true }).fill('us');

  await dialog.getByRole('tab', { name: 'Key & gateway' }).click();
  await dialog.getByLabel('Folder key profile', { exact: true }).selectOption('team');
  await expect(dialog.getByLabel('Folder gateway', { exact: true })).toHaveValue('');

  await dialog.getByRole('tab', { name: /Headers/ }).click();
  await dialog.getByLabel('New header name', { exact: true }).fill('X-Team');
  await dialog.getByLabel('Header 1 value', { exact: true }).fill('core');
  await page.screenshot({ path: `${SHOTS}/folder-settings.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  // Only `defaults` changed; name, order and the secret's declaration are kept.
  expect(readFileSync(join(dir, 'orders', 'folder.yaml'), 'utf8')).toBe([
    'name: Orders', 'defaults:', '  headers:', '    - name: X-Team', '      value: core', '  variables:', '    region: us', '    token:',
    '      secret: true', '      env: ORDERS_TOKEN', '  key: team', 'order:', '  - list.yaml', '',
  ].join('\n'));
  // The open tab's preview follows the new folder variable; the tree shows the folder's key.
  await expect(preview).toHaveText(`${api.base}/orders/us`);
  await expect(tree.getByRole('treeitem', { name: 'Orders', exact: true }).locator('.tree-defaults')).toHaveText('team');
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByLabel('Response status', { exact: true })).toContainText('200');

  // The API received both.
  expect(api.seen.at(-1)).toMatchObject({ 'x-api-key': TEAM_KEY, 'x-team': 'core' });
  await response.getByRole('tab', { name: 'Timeline' }).click();
  const keyRow = response.locator('tr', { hasText: /^x-api-key/i }).first();
  await expect(keyRow.locator('.origin-badge')).toHaveText('auth');
  await expect(keyRow).not.toContainText(TEAM_KEY);
  await expect(response.locator('tr', { hasText: /^x-team/i }).first().locator('.origin-badge')).toHaveText('folder');
  await expect(response.locator('tr', { hasText: /^x-team/i }).first()).toContainText('core');
  await new Promise<void>((r) => api.server.close(() => r()));
});
