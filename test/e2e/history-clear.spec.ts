import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';

// Its own server: the history folder is broken on purpose, which the shared one must not see.
let serve: ServeHandle | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

test('a failed history clear keeps the list and says why; a clear that works empties it', async ({ page, target }) => {
  serve = await startClearanceServe();
  await page.goto(serve.url);
  await page.getByLabel('URL', { exact: true }).fill(`${target.base}/ok`);
  await page.getByRole('button', { name: 'Send' }).click();
  const list = page.getByRole('list', { name: 'Recent sends' });
  await expect(list).toContainText('/ok');

  // A folder where the log file should be: the clear really fails, even for root (chmod would not).
  const history = join(serve.home, 'history');
  rmSync(join(history, 'history.jsonl'));
  mkdirSync(join(history, 'history.jsonl'));
  writeFileSync(join(history, 'history.jsonl', 'keep'), 'x');
  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not clear the history in' })).toContainText(history);
  await expect(list).toContainText('/ok');

  rmSync(join(history, 'history.jsonl'), { recursive: true });
  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(list).toHaveCount(0);
  await expect(page.getByText('Requests you send appear here.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not clear the history' })).toHaveCount(0);
});
