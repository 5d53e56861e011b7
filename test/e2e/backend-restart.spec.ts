import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';
import { openWorkspace } from './support/ui';

// A restarted backend has no session for the open folder: the app used to get `not-open` on every
// poll, swallow it, and never show a change on disk again.
let serve: ServeHandle | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

test('after `clearance serve` restarts, the app re-opens the workspace and follows the disk again', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-restart-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Restart\nid: e2e-restart-0001\n');
  mkdirSync(join(dir, 'orders'));
  const file = join(dir, 'orders', 'list.yaml');
  writeFileSync(file, 'name: List\nmethod: GET\nurl: http://127.0.0.1:9/list\nheaders:\n  - name: X-Trace\n    value: one\n');

  serve = await startClearanceServe({ token: 'e2e-restart-token-0123456789' });
  await page.goto(serve.url);
  await openWorkspace(page, dir);
  const tree = page.getByRole('tree', { name: 'Collections' });
  writeFileSync(join(dir, 'orders', 'a.yaml'), 'name: Before\nmethod: GET\nurl: http://127.0.0.1:9/a\n');
  await expect(tree.getByRole('treeitem', { name: 'GET Before' })).toBeVisible({ timeout: 10_000 });

  // A tab with unsaved edits across the restart: the new backend must learn that it is dirty.
  await tree.getByRole('treeitem', { name: 'GET List' }).click();
  await page.getByRole('tab', { name: /Headers/ }).first().click();
  await page.getByLabel('Header 1 value').fill('edited');

  const { port, token, home } = serve;
  await serve.stop();
  const notice = page.getByRole('alert').filter({ hasText: 'Not following changes on disk' });
  await expect(notice).toContainText('Could not reach the Clearance backend');
  serve = await startClearanceServe({ port, token, home });
  await expect(notice).toHaveCount(0, { timeout: 10_000 });

  // Written after the app is back: only the new backend's watcher can report these.
  writeFileSync(join(dir, 'orders', 'b.yaml'), 'name: After\nmethod: GET\nurl: http://127.0.0.1:9/b\n');
  await expect(tree.getByRole('treeitem', { name: 'GET After' })).toBeVisible({ timeout: 10_000 });
  writeFileSync(file, readFileSync(file, 'utf8').replace('value: one', 'value: two'));
  const banner = page.getByRole('alert', { name: 'File changed on disk' });
  await expect(banner).toContainText('orders/list.yaml changed on disk', { timeout: 10_000 });
  await expect(page.getByLabel('Header 1 value')).toHaveValue('edited');
});
