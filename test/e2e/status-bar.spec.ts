// The status bar says what the open tab's next send uses, and the send proves it: the request's
// default key and gateway, then the tab's own choice in the top bar, each as the recording server
// received it (the key's header, the gateway's rewrite and header), and the HTTP version spoken.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ownServeEach } from './support/own-serve';
import { startRecorder, type Recorder } from './support/recorder';
import { openWorkspace } from './support/ui';

let api: Recorder;
const own = ownServeEach(); // for its scratch folders
test.beforeAll(async () => {
  api = await startRecorder((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
});
test.afterAll(async () => { await api.close(); });

function workspace(): string {
  const dir = own.scratch('clearance-status-');
  const host = new URL(api.url).host;
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Status\nid: e2e-status-bar-01\norder: [api]\n');
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'api', 'folder.yaml'), 'name: API\n');
  writeFileSync(join(dir, 'api', 'orders.yaml'), 'name: Orders\nmethod: GET\nurl: https://api.shop.example/orders\nkey: alpha\ngateway: edge\n');
  mkdirSync(join(dir, 'keys'));
  for (const [name, value] of [['alpha', 'key-alpha-1'], ['beta', 'key-beta-2']]) {
    writeFileSync(join(dir, 'keys', `${name}.yaml`),
      `name: ${name}\nkind: custom-headers\nhosts:\n  - "${host}"\nheaders:\n  - name: X-Key\n    value: ${value}\n`);
  }
  mkdirSync(join(dir, 'gateways'));
  writeFileSync(join(dir, 'gateways', 'edge.yaml'),
    `name: edge\nrewrite:\n  from: https://api.shop.example\n  to: ${api.url}\n  prefix: /gw\nheaders:\n  - name: X-Tenant\n    value: acme\n`);
  return dir;
}

const bar = (page: Page) => page.getByRole('contentinfo', { name: 'Status bar' });

test('the status bar names the key, gateway and HTTP version the send then uses', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await expect(bar(page).getByLabel('Key: none')).toBeVisible();
  await expect(bar(page).getByLabel('Gateway: direct')).toBeVisible();
  await expect(bar(page).getByLabel('HTTP: auto')).toBeVisible();

  await openWorkspace(page, workspace());
  await page.getByRole('treeitem', { name: 'GET Orders' }).click();
  await expect(bar(page).getByLabel('Key: alpha')).toBeVisible();
  await expect(bar(page).getByLabel('Key: alpha').locator('..')).toHaveAttribute('title', /the request’s default/);
  await expect(bar(page).getByLabel('Gateway: edge')).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
  expect(api.seen.at(-1)).toMatchObject({ url: '/gw/orders' });
  expect(api.seen.at(-1)!.headers).toMatchObject({ 'x-key': 'key-alpha-1', 'x-tenant': 'acme' });
  await expect(bar(page).getByLabel('HTTP: HTTP/1.1')).toBeVisible();

  // The tab's own choice in the top bar: the bar follows, and so does the wire.
  await page.getByLabel('Key profile', { exact: true }).selectOption('beta');
  await expect(bar(page).getByLabel('Key: beta')).toBeVisible();
  await expect(bar(page).getByLabel('Key: beta').locator('..')).toHaveAttribute('title', /chosen for this tab/);
  await page.getByLabel('Gateway profile', { exact: true }).selectOption('direct');
  await expect(bar(page).getByLabel('Gateway: direct')).toBeVisible();
  await page.getByLabel('URL', { exact: true }).fill(`${api.url}/direct`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => api.seen.at(-1)?.url).toBe('/direct');
  expect(api.seen.at(-1)!.headers['x-key']).toBe('key-beta-2');
  expect(api.seen.at(-1)!.headers['x-tenant']).toBeUndefined();
});
