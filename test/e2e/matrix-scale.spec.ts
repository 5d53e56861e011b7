// The Matrix view at scale: 300 requests × 12 columns (11 keys and none) against a real server whose
// answers differ by key. Only the rows in view are in the page (the grid is virtual), scrolling to
// the end shows the last requests with the server's answers, and a refusal cell far down explains
// itself from what the matrix kept — the response's status, headers and body as the server sent them
// — without a new send (the server counts every request).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { openWorkspace } from './support/ui';

const REQUESTS = 300;
const KEYS = 11;
let server: TestServer;
let dir: string;
let hits = 0;

/** Key k<i> may call /items/<n> when n is a multiple of i + 1; no key is a 401. */
const allowed = (key: number, n: number): boolean => n % (key + 1) === 0;

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    hits++;
    const n = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/').pop());
    const key = /^key-(\d+)$/.exec(String(req.headers['x-api-key'] ?? ''));
    const json = (status: number, headers: Record<string, string>, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (!key) return json(401, { 'www-authenticate': 'ApiKey realm="items"' }, { error: 'missing api key' });
    const k = Number(key[1]);
    if (!allowed(k, n)) return json(403, { 'x-policy': `items-k${k}` }, { error: `key k${k} may not read item ${n}` });
    json(200, {}, { id: n });
  });
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-matrix-scale-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Catalogue\nid: e2e-matrix-scale-1\n');
  mkdirSync(join(dir, 'items'));
  const names = Array.from({ length: REQUESTS }, (_, i) => `item-${String(i + 1).padStart(3, '0')}`);
  writeFileSync(join(dir, 'items', 'folder.yaml'), `name: Items\norder: [${names.join(', ')}]\n`);
  names.forEach((name, i) => writeFileSync(join(dir, 'items', `${name}.yaml`), `name: Item ${i + 1}\nmethod: GET\nurl: ${server.url}/items/${i + 1}\n`));
  mkdirSync(join(dir, 'keys'));
  for (let k = 1; k <= KEYS; k++) {
    writeFileSync(join(dir, 'keys', `k${k}.yaml`), `name: k${k}\nkind: custom-headers\nhosts: [127.0.0.1]\nheaders:\n  - name: X-Api-Key\n    value: key-${k}\n`);
  }
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const view = (page: Page) => page.getByRole('region', { name: 'Matrix', exact: true });
const cell = (page: Page, row: string, column: string) => view(page).getByRole('button', { name: new RegExp(`^${row}, ${column}: `) });

test('300 requests × 12 columns: only the rows in view are rendered, the last ones hold the server\'s answers, a refusal explains itself without a send', async ({ page, openApp }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await openWorkspace(page, dir);
  await expect(page.getByRole('treeitem', { name: 'Items', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Access matrix' }).click();
  await expect(view(page)).toContainText(`${REQUESTS} requests × 12 columns = 3600 cells`, { timeout: 20_000 });
  await view(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(view(page).getByRole('region', { name: 'Matrix summary' }).getByRole('status')).toHaveText('Done', { timeout: 200_000 });
  expect(hits).toBe(REQUESTS * 12);

  // A few dozen rows in the page, not 300.
  const rendered = await view(page).locator('table[aria-label="Access matrix"] tbody tr:not(.mx-spacer)').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  // Scrolled to the end: the last request is there, each cell as the server answered it.
  await view(page).locator('.mx-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(view(page).getByRole('rowheader', { name: /Item 300/ })).toBeVisible();
  for (let k = 1; k <= KEYS; k++) {
    await expect(cell(page, 'Item 300', `k${k} @ direct`)).toHaveText(new RegExp(`^${allowed(k, 300) ? '200' : '403'}`));
  }
  await expect(cell(page, 'Item 299', 'none @ direct')).toHaveText(/^401/);

  // A refusal far down: its explanation and the response the server sent, from what the matrix kept.
  const before = hits;
  await cell(page, 'Item 299', 'k3 @ direct').click();
  const card = view(page).getByRole('region', { name: 'Explanation' });
  await expect(card.getByRole('alert')).toContainText('403');
  await expect(card.getByLabel('Response headers')).toContainText('items-k3');
  await expect(card.getByLabel('Response body')).toHaveText('{"error":"key k3 may not read item 299"}');
  await expect(card.getByRole('button', { name: 'Send again to explain' })).toBeVisible();
  expect(hits).toBe(before);
});
