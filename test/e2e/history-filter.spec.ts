// History as a user filters it: by status class, by the producer and cause the explainer named,
// by URL; sends of a run (the CLI's `clearance run`, sharing the history folder) are marked and
// can be hidden, a CLI send is marked too. Its own serve: a fresh history folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../support/cli';
import { expect, test } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';
import { SHOTS } from './support/shots';

let serve: ServeHandle | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function send(page: Page, url: string, status: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText(status);
}

const list = (page: Page) => page.getByRole('list', { name: 'Recent sends' });
const urls = async (page: Page) => (await list(page).getByRole('listitem').locator('.history-url').allTextContents()).map((u) => u.replace(/^[^/]+/, ''));

test('history filters by status class, producer, cause and URL; run sends are marked and can be hidden', async ({ page, target }) => {
  serve = await startClearanceServe();
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(serve.url);
  await send(page, `${target.base}/ok`, '200');
  await send(page, `${target.base}/nginx/forbidden`, '403');
  await send(page, `${target.base}/rate-limited`, '429');

  // The CLI writes to the same history: one plain send, and a run whose failure it records.
  const env = { CLEARANCE_HOME: serve.home };
  const sent = await runCli(['send', '--curl', `curl ${target.base}/cloudflare/blocked`], { env });
  expect(sent.code, sent.stderr).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-history-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: History run\nid: e2e-history-0001\norder: [api]\n');
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'api', 'folder.yaml'), 'name: API\norder: [gone]\n');
  writeFileSync(join(dir, 'api', 'gone.yaml'), `name: Forbidden call\nmethod: GET\nurl: ${target.base}/forbidden?from=run\n`);
  expect((await runCli(['run', dir], { env })).code).toBe(1);

  await page.reload();
  await expect(list(page).getByRole('listitem')).toHaveCount(5);
  expect(await urls(page)).toEqual(['/forbidden?from=run', '/cloudflare/blocked', '/rate-limited', '/nginx/forbidden', '/ok']);
  const runRow = list(page).getByRole('listitem').filter({ hasText: '/forbidden?from=run' });
  await expect(runRow.locator('.history-origin')).toHaveText('run');
  await expect(list(page).getByRole('listitem').filter({ hasText: '/cloudflare/blocked' }).locator('.history-origin')).toHaveText('CLI');

  await page.getByRole('button', { name: 'Filters' }).click();
  const filters = page.getByRole('group', { name: 'History filters' });
  await page.screenshot({ path: `${SHOTS}/history-list.png` });
  await filters.getByLabel('Hide runner sends').check();
  await expect(list(page).getByRole('listitem')).toHaveCount(4);
  expect(await urls(page)).not.toContain('/forbidden?from=run');

  await filters.getByLabel('Producer filter').selectOption('nginx');
  await expect.poll(() => urls(page)).toEqual(['/nginx/forbidden']);
  await filters.getByLabel('Producer filter').selectOption('');

  await filters.getByLabel('Cause filter').selectOption({ label: 'rate limited' });
  await expect.poll(() => urls(page)).toEqual(['/rate-limited']);
  await page.screenshot({ path: `${SHOTS}/history-filters.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/history-filters-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await filters.getByLabel('Cause filter').selectOption('');

  await filters.getByLabel('Status filter').selectOption('2xx');
  await expect.poll(() => urls(page)).toEqual(['/ok']);
  await filters.getByLabel('Status filter').selectOption('refused');
  await expect.poll(() => urls(page)).toEqual(['/cloudflare/blocked', '/rate-limited', '/nginx/forbidden']);
  await filters.getByLabel('Status filter').selectOption('');

  await page.getByLabel('Search history').fill('cloudflare');
  await expect.poll(() => urls(page)).toEqual(['/cloudflare/blocked']);
  await page.getByLabel('Search history').fill('');
  await filters.getByLabel('Hide runner sends').uncheck();
  await expect(list(page).getByRole('listitem')).toHaveCount(5);
});
