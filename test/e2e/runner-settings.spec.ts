// The Runner and the Matrix take the app's Settings as a single send does: a proxy set in the
// Settings dialog receives every request of a run and every cell of a matrix (an absolute-form request
// line proves the client used it); the hosts the requests name do not exist, so nothing else could answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startRecorder, type Recorder } from './support/recorder';
import { resetSettings } from './support/settings';
import { openWorkspace } from './support/ui';

let proxy: Recorder;
let dir: string;

test.beforeAll(async () => {
  proxy = await startRecorder((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"proxy"}'));
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-run-settings-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Proxied\nid: e2e-run-settings-1\n');
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'api', 'folder.yaml'), 'name: API\norder: [list, item]\n');
  writeFileSync(join(dir, 'api', 'list.yaml'), 'name: List\nmethod: GET\nurl: http://orders.example.test/v1/orders\n');
  writeFileSync(join(dir, 'api', 'item.yaml'), 'name: Item\nmethod: GET\nurl: http://orders.example.test/v1/orders/7\n');
});

test.afterAll(async () => {
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});

test.afterEach(async ({ request, serve }) => { await resetSettings(request, serve); });

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

test('a run and a matrix from the app go through the proxy set in Settings', async ({ page, openApp }) => {
  proxy.seen.length = 0;
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await openWorkspace(page, dir);
  await page.keyboard.press('ControlOrMeta+,');
  const field = settings(page).getByLabel('Proxy URL', { exact: true });
  await field.fill(proxy.url);
  await field.press('Enter');
  await expect(settings(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('treeitem', { name: 'API', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Run folder…' }).click();
  const runner = page.getByRole('region', { name: 'Runner' });
  await runner.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runner.getByRole('status')).toHaveText('All passed');
  expect(proxy.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://orders.example.test/v1/orders', 'GET http://orders.example.test/v1/orders/7']);

  proxy.seen.length = 0;
  await page.getByRole('treeitem', { name: 'API', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Access matrix…' }).click();
  const matrix = page.getByRole('region', { name: 'Matrix', exact: true });
  await matrix.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(matrix.getByRole('region', { name: 'Matrix summary' }).getByRole('status')).toHaveText('Done');
  expect(proxy.seen.map((r) => r.url).sort()).toEqual(['http://orders.example.test/v1/orders', 'http://orders.example.test/v1/orders/7']);
});
