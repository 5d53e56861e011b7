// Try the demo from the empty state: the backend starts the demo API and writes its workspace, the
// app opens it on the demo environment with the first refused request in a tab; Send gets API
// Gateway's 403 with its card, and the key in X-API-Key gets 200. The truth is checked on disk:
// the workspace the backend wrote, and the history it recorded of what the demo server answered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';

interface Entry { url: string; status: number; requestHeaders: Array<{ name: string; origin?: string }>; responseHeaders: Array<[string, string]> }

const history = (home: string): Entry[] => readFileSync(join(home, 'history', 'history.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);

test('Try the demo: the demo workspace opens, the first request gets a 403 explained, and the right key fixes it', async ({ page, openApp, serve }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await page.getByRole('button', { name: 'Try the demo' }).click();

  const tree = page.getByRole('tree', { name: 'Collections' });
  await expect(tree).toBeVisible();
  for (const name of ['GET List orders', 'GET List products', 'GET Quarterly reports', 'GET Internal metrics', 'GET Search orders', 'GET View cart']) {
    await expect(tree.getByRole('treeitem', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByLabel('Environment', { exact: true })).toHaveValue('demo');
  await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('List orders');

  // The workspace the backend wrote, pointed at the server it started.
  const root = join(serve.home, 'demo', 'workspace');
  const base = /base: (http:\/\/127\.0\.0\.1:\d+)/.exec(readFileSync(join(root, 'environments', 'demo.yaml'), 'utf8'))?.[1];
  expect(base).toBeTruthy();
  expect((await fetch(`${base}/`)).status).toBe(200);

  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByLabel('Response status')).toContainText('403');
  const card = response.getByRole('region', { name: 'Explanation' });
  await expect(card).toContainText('Amazon API Gateway');
  await expect(card).toContainText('Missing credentials');
  await expect(card).toContainText('x-api-key');
  await page.screenshot({ path: `${SHOTS}/demo.png` });

  const refused = history(serve.home).filter((e) => e.url.startsWith(`${base}/v1/orders`)).at(-1)!;
  expect(refused.status).toBe(403);
  expect(refused.url).toMatch(/\?api_key=/);
  expect(refused.requestHeaders.map((h) => h.name.toLowerCase())).not.toContain('x-api-key');
  expect(refused.responseHeaders).toContainEqual(['x-amzn-ErrorType', 'ForbiddenException']);

  await page.getByLabel('Key profile', { exact: true }).selectOption('demo-key');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(response.getByLabel('Response status')).toContainText('200');
  const fixed = history(serve.home).filter((e) => e.url === `${base}/v1/orders`).at(-1)!;
  expect(fixed.status).toBe(200);
  expect(fixed.requestHeaders).toContainEqual(expect.objectContaining({ name: 'X-API-Key', origin: 'auth' }));
});
