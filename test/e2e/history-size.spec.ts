// Settings' History size as a user lowers it: the sends already kept are pruned at once, the list
// and the history file on disk (the backend's truth) keep only the newest N, their body files go
// too, and a later send still keeps N.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ownServeEach } from './support/own-serve';

const own = ownServeEach();

const onDisk = (home: string) => readFileSync(join(home, 'history', 'history.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => new URL((JSON.parse(l) as { url: string }).url).pathname);
const bodies = (home: string) => readdirSync(join(home, 'history', 'bodies'));

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
}

test('lowering History size prunes the kept sends at once, in the list and on disk', async ({ page, target }) => {
  const serve = await own.start();
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(serve.url);
  const list = page.getByRole('list', { name: 'Recent sends' }).getByRole('listitem');
  for (const n of [1, 2, 3, 4]) {
    await send(page, `${target.base}/ok?n=${n}`);
    await expect(list).toHaveCount(n);
  }
  expect(onDisk(serve.home)).toHaveLength(4);
  expect(bodies(serve.home)).toHaveLength(4);

  await page.keyboard.press('ControlOrMeta+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const size = settings.getByLabel('History size', { exact: true });
  await size.fill('2');
  await size.press('Enter');
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.keyboard.press('Escape');

  // No reload: the list follows the backend, which pruned the file and the older bodies.
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText('n=4');
  await expect(list.nth(1)).toContainText('n=3');
  expect(onDisk(serve.home)).toHaveLength(2);
  expect(bodies(serve.home)).toHaveLength(2);

  await send(page, `${target.base}/ok?n=5`);
  await expect(list.nth(0)).toContainText('n=5');
  await expect(list).toHaveCount(2);
  expect(onDisk(serve.home)).toHaveLength(2);
});
