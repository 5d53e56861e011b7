// The Runner view against a small server started here: a folder with a passing request, a 403
// refusal and an expectation the server does not meet runs from the tree's menu; progress is seen
// live (one request held by the server) and reaches the total; the server counts each request; the
// refusal's row opens its explanation and its Troubleshoot opens the request's tab with the
// drawer; "Re-run failures" sends only the two failures again (the server's counts say so); Stop
// aborts a slow request in flight (the server sees the connection go) and the rest is not sent.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

let server: TestServer;
/** Requests in the large folder: enough that rendering every row would show. */
const BULK = 300;
let dir: string;
const hits = new Map<string, number>();
/** Each request as it reached the server: method, path and headers, to tell a re-send from a probe. */
const wire: string[] = [];
const aborted: string[] = [];
/** A request held by the server until the test releases it: the run is then visibly in progress. */
let hold: { path: string; release: () => void; gate: Promise<void> } | null = null;

function holdPath(path: string): () => void {
  let release = () => {};
  const gate = new Promise<void>((r) => { release = r; });
  hold = { path, release, gate };
  return () => { release(); hold = null; };
}

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    wire.push(`${req.method} ${req.url} ${JSON.stringify(Object.entries(req.headers).sort())}`);
    if (path === '/slow') {
      // Answers only long after the test; a stopped run closes the connection first.
      const t = setTimeout(() => res.writeHead(200).end('late'), 30_000);
      res.on('close', () => { if (!res.writableEnded) { clearTimeout(t); aborted.push(path); } });
      return;
    }
    const answer = () => {
      if (path === '/v1/admin') {
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': '8d1f3c2a-1111-2222-3333-444455556666' })
          .end('{"message":"Forbidden"}');
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"orders":[]}');
    };
    if (hold?.path === path) void hold.gate.then(answer);
    else answer();
  });
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-runner-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop API\nid: e2e-runner-0001\norder: [shop, slow, bulk]\n');
  mkdirSync(join(dir, 'shop'));
  writeFileSync(join(dir, 'shop', 'folder.yaml'), 'name: Orders\norder: [list, admin, create]\n');
  writeFileSync(join(dir, 'shop', 'list.yaml'), `name: List orders\nmethod: GET\nurl: ${server.url}/v1/orders\n`);
  writeFileSync(join(dir, 'shop', 'admin.yaml'), `name: Admin report\nmethod: GET\nurl: ${server.url}/v1/admin\n`);
  writeFileSync(join(dir, 'shop', 'create.yaml'), `name: Create order\nmethod: GET\nurl: ${server.url}/v1/create\nexpect:\n  status: 201\n`);
  mkdirSync(join(dir, 'slow'));
  writeFileSync(join(dir, 'slow', 'folder.yaml'), 'name: Exports\norder: [wait, never]\n');
  writeFileSync(join(dir, 'slow', 'wait.yaml'), `name: Slow export\nmethod: GET\nurl: ${server.url}/slow\n`);
  writeFileSync(join(dir, 'slow', 'never.yaml'), `name: After the slow one\nmethod: GET\nurl: ${server.url}/never\n`);
  mkdirSync(join(dir, 'bulk'));
  const bulk = Array.from({ length: BULK }, (_, i) => `item-${String(i + 1).padStart(3, '0')}`);
  writeFileSync(join(dir, 'bulk', 'folder.yaml'), `name: Bulk\norder: [${bulk.join(', ')}]\n`);
  for (const [i, f] of bulk.entries()) writeFileSync(join(dir, 'bulk', `${f}.yaml`), `name: Bulk item ${i + 1}\nmethod: GET\nurl: ${server.url}/bulk/${i + 1}\n`);
});

test.afterAll(async () => {
  hold?.release();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const runner = (page: Page) => page.getByRole('region', { name: 'Runner' });
const progress = (page: Page) => runner(page).getByRole('progressbar', { name: 'Run progress' });
const row = (page: Page, name: string) => runner(page).getByRole('list', { name: 'Results' }).getByRole('listitem').filter({ hasText: name });
const counts = () => Object.fromEntries([...hits.entries()].sort());

async function openRunnerOn(page: Page, folder: string): Promise<void> {
  await page.getByRole('treeitem', { name: folder, exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Run folder…' }).click();
  await expect(runner(page)).toBeVisible();
}

test.describe('Runner view', () => {
  test.beforeEach(async ({ page, openApp }) => {
    hold?.release();
    hold = null;
    hits.clear();
    wire.length = 0;
    aborted.length = 0;
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
    await openWorkspace(page, dir);
  });
  // The run's failed sends went to the worker's shared history: later specs start without them.
  test.afterEach(async ({ serve }) => {
    const res = await fetch(`${serve.origin}/rpc/history.clear`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true });
  });

  test('runs a folder live, explains the refusal, re-runs only the failures', async ({ page }) => {
    await openRunnerOn(page, 'Orders');
    await expect(runner(page)).toContainText('Run 3 requests one after the other');
    await page.screenshot({ path: `${SHOTS}/runner-ready.png` });

    const release = holdPath('/v1/create');
    await runner(page).getByRole('button', { name: 'Run', exact: true }).click();
    // Two results are in and the third is in flight: the view says so while the server holds it.
    await expect(progress(page)).toHaveAttribute('aria-valuenow', '2');
    await expect(progress(page)).toHaveAttribute('aria-valuemax', '3');
    await expect(runner(page).getByLabel('Current request')).toContainText('Create order');
    await expect(row(page, 'Create order')).toContainText('Sending…');
    await expect.poll(() => hits.get('/v1/create') ?? 0).toBe(1);
    await page.screenshot({ path: `${SHOTS}/runner-live.png` });
    release();

    await expect(progress(page)).toHaveAttribute('aria-valuenow', '3');
    await expect(runner(page).getByRole('status')).toHaveText('2 failed');
    expect(counts()).toEqual({ '/v1/admin': 1, '/v1/create': 1, '/v1/orders': 1 });
    const summary = runner(page).getByRole('region', { name: 'Run summary' });
    await expect(summary).toContainText('1Passed');
    await expect(summary).toContainText('2Failed');
    await expect(summary).toContainText('1Refused');
    await expect(summary.getByRole('list', { name: 'Refusals by cause' })).toContainText('×1');
    await expect(row(page, 'List orders')).toContainText('Passed');
    await expect(row(page, 'Create order')).toContainText('expected 201, got 200');
    await expect(row(page, 'Admin report')).toContainText('Refused by Amazon API Gateway — missing credentials');
    // The tree's dots follow the run as they follow sends.
    await expect(page.getByRole('treeitem', { name: 'GET Admin report' })).toContainText('403');

    // A failed expectation opens to why, with Open request.
    await row(page, 'Create order').getByRole('button', { expanded: false }).click();
    await expect(row(page, 'Create order').getByRole('button', { name: 'Open request' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/runner-expectation.png` });

    await row(page, 'Admin report').getByRole('button', { expanded: false }).click();
    const card = row(page, 'Admin report').getByRole('region', { name: 'Explanation' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('alert')).toContainText('Refused by');
    await expect(card.getByRole('button', { name: 'Troubleshoot' })).toBeVisible();
    await expect(row(page, 'Admin report').getByRole('button', { name: 'Open request' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/runner-refusal.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/runner-refusal-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    // Opening the explanation sent nothing.
    expect(counts()).toEqual({ '/v1/admin': 1, '/v1/create': 1, '/v1/orders': 1 });

    await runner(page).getByRole('button', { name: 'Re-run failures (2)' }).click();
    await expect(runner(page)).toContainText('(failures of the last run)');
    await expect(progress(page)).toHaveAttribute('aria-valuemax', '2');
    await expect(progress(page)).toHaveAttribute('aria-valuenow', '2');
    await expect(runner(page).getByRole('status')).toHaveText('2 failed');
    expect(counts()).toEqual({ '/v1/admin': 2, '/v1/create': 2, '/v1/orders': 1 });
  });

  test("a refusal's Troubleshoot opens the request's tab with the run's response and the drawer", async ({ page }) => {
    await openRunnerOn(page, 'Orders');
    await runner(page).getByRole('button', { name: 'Run', exact: true }).click();
    await expect(progress(page)).toHaveAttribute('aria-valuenow', '3');
    await row(page, 'Admin report').getByRole('button', { expanded: false }).click();
    await row(page, 'Admin report').getByRole('region', { name: 'Explanation' }).getByRole('button', { name: 'Troubleshoot' }).click();

    await expect(runner(page)).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /Admin report/, selected: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('403');
    await expect(page.getByRole('dialog', { name: 'Troubleshoot' })).toBeVisible();
    const drawer = page.getByRole('dialog', { name: 'Troubleshoot' });
    await expect(drawer.getByRole('region', { name: 'Diagnosis' })).toBeVisible();
    await expect(drawer.getByRole('region', { name: 'Conclusion' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/runner-troubleshoot.png` });
    // The run's response is the baseline: every later request is a probe that changed something, none the run's own again.
    const runSent = wire.find((w) => w.startsWith('GET /v1/admin '))!;
    expect(wire.filter((w) => w === runSent)).toHaveLength(1);
    expect(wire.length).toBeGreaterThan(3);

    // The Runner's tab brings the results back as they were.
    await page.getByRole('dialog', { name: 'Troubleshoot' }).getByRole('button', { name: 'Close troubleshooting' }).click();
    await page.getByRole('tab', { name: /Run · Orders/ }).click();
    await expect(progress(page)).toHaveAttribute('aria-valuenow', '3');
  });

  test('Stop aborts the request in flight: the server sees the abort and the rest is not sent', async ({ page }) => {
    await openRunnerOn(page, 'Exports');
    await runner(page).getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => hits.get('/slow') ?? 0).toBe(1);
    await expect(runner(page).getByLabel('Current request')).toContainText('Slow export');
    await runner(page).getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => aborted).toEqual(['/slow']);
    await expect(runner(page).getByRole('status')).toHaveText('Stopped');
    await expect(row(page, 'After the slow one')).toContainText('Not run');
    await expect(runner(page).getByRole('region', { name: 'Run summary' })).toContainText('1Skipped');
    await page.screenshot({ path: `${SHOTS}/runner-stopped.png` });
    expect(hits.get('/never')).toBeUndefined();
  });

  test('a large folder: every request reaches the server, the list renders only the rows in view', async ({ page }) => {
    await openRunnerOn(page, 'Bulk');
    await runner(page).getByRole('button', { name: 'Run', exact: true }).click();
    await expect(progress(page)).toHaveAttribute('aria-valuenow', String(BULK), { timeout: 30_000 });
    await expect(runner(page).getByRole('status')).toHaveText('All passed');
    expect([...hits.keys()].filter((p) => p.startsWith('/bulk/'))).toHaveLength(BULK);
    const list = runner(page).getByRole('list', { name: 'Results' });
    await expect(list.locator('li[data-path="bulk/item-001.yaml"]')).toHaveCount(1);
    const rendered = await list.getByRole('listitem').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    await list.evaluate((el) => el.parentElement!.scrollTo({ top: el.scrollHeight }));
    await expect(row(page, 'Bulk item 300')).toBeVisible();
    // Scrolled to the end, the first rows are no longer in the page.
    await expect(list.locator('li[data-path="bulk/item-001.yaml"]')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/runner-bulk.png` });
  });
});
