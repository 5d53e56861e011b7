// The refusal family is unmistakable wherever a send shows: a 200 whose JSON says the call was not
// authenticated (Slack's way) and a 403 are both "refused" in the request tab, the history, the
// workspace tree and a run's results, by accessible text and title, not only by colour. A plain 200
// is not. The run's verdict is the one the runner recorded in the shared history file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ownServeEach } from './support/own-serve';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

const own = ownServeEach();

function workspace(base: string): string {
  const root = own.scratch('clearance-refusals-');
  writeFileSync(join(root, 'clearance.yaml'), 'clearance: 1\nname: Refusals\nid: e2e-refusals-0001\norder: [api]\n');
  mkdirSync(join(root, 'api'));
  writeFileSync(join(root, 'api', 'folder.yaml'), 'name: API\norder: [ok, slack, denied]\n');
  writeFileSync(join(root, 'api', 'ok.yaml'), `name: Plain ok\nmethod: GET\nurl: ${base}/ok\n`);
  writeFileSync(join(root, 'api', 'slack.yaml'), `name: Slack call\nmethod: GET\nurl: ${base}/slack/not-authed\n`);
  writeFileSync(join(root, 'api', 'denied.yaml'), `name: Nginx denied\nmethod: GET\nurl: ${base}/nginx/forbidden\n`);
  return root;
}

const history = (home: string) => readFileSync(join(home, 'history', 'history.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as { url: string; status: number; origin?: string; refused?: boolean; producer?: string });

async function sendFromTree(page: Page, name: string, status: string): Promise<void> {
  await page.getByRole('treeitem', { name }).click();
  // Send only once the request's own tab is the one shown: clicked while the tab still opens, Send
  // belongs to the previous request (a CI run sent that one again and waited for a response here).
  const title = name.replace(/^[A-Z]+ /, '');
  await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText(title);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText(status);
  await expect(page.getByText('Explaining the response…')).toHaveCount(0);
}

test('a 200 refusal and a 403 read as refused in the tab, history, tree and a run; a plain 200 does not', async ({ page, target }) => {
  const serve = await own.start();
  const dir = workspace(target.base);
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(serve.url);
  await openWorkspace(page, dir);

  await sendFromTree(page, 'GET Plain ok', '200');
  await sendFromTree(page, 'GET Slack call', '200');
  await sendFromTree(page, 'GET Nginx denied', '403');
  const tabs = page.getByRole('tablist', { name: 'Open requests' });
  await expect(tabs.getByRole('tab', { name: /Plain ok/ }).getByTitle('200', { exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: /Slack call/ }).getByTitle('200 refused')).toBeVisible();
  await expect(tabs.getByRole('tab', { name: /Nginx denied/ }).getByTitle('403 refused')).toBeVisible();

  const tree = page.getByRole('tree', { name: 'Collections' });
  await expect(tree.getByRole('treeitem', { name: 'GET Slack call' }).locator('.status-dot')).toHaveClass(/tone-refused/);
  await expect(tree.getByRole('treeitem', { name: 'GET Plain ok' }).locator('.status-dot')).not.toHaveClass(/tone-refused/);

  const rows = page.getByRole('list', { name: 'Recent sends' }).getByRole('listitem');
  await expect(rows.filter({ hasText: 'not-authed' }).getByTitle('refused', { exact: true })).toBeVisible();
  await expect(rows.filter({ hasText: 'not-authed' })).toContainText('Slack Web API');
  await expect(rows.filter({ hasText: '/nginx/forbidden' }).getByTitle('refused', { exact: true })).toBeVisible();
  await expect(rows.filter({ hasText: /\/ok$/ }).getByTitle('refused', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/refusals-tab-history.png` });

  // A run of the same folder: each row says Refused or Passed, and the summary counts two refusals.
  await page.getByRole('treeitem', { name: 'API', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Run folder…' }).click();
  const runner = page.getByRole('region', { name: 'Runner' });
  await runner.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runner.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '3');
  const results = runner.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results.filter({ hasText: 'Plain ok' })).toContainText('Passed');
  await expect(results.filter({ hasText: 'Slack call' })).toContainText('Refused by Slack Web API');
  await expect(results.filter({ hasText: 'Nginx denied' })).toContainText('Refused by nginx');
  await expect(runner.getByRole('region', { name: 'Run summary' })).toContainText('2Refused');
  await page.screenshot({ path: `${SHOTS}/refusals-run.png` });

  // Where the truth is kept: the history file holds the run's sends with the verdicts the rows show.
  await expect.poll(() => history(serve.home).filter((e) => e.origin === 'run').length).toBeGreaterThanOrEqual(2);
  const runSends = history(serve.home).filter((e) => e.origin === 'run');
  expect(runSends.find((e) => e.url.endsWith('/slack/not-authed'))).toMatchObject({ status: 200, refused: true });
  expect(runSends.find((e) => e.url.endsWith('/nginx/forbidden'))).toMatchObject({ status: 403, refused: true });
});
