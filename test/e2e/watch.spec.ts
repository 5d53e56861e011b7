// Watch in the app against a server started here: a folder watched from the Runner (every 1 s, a
// custom interval) runs its baseline; the test then flips the server so /orders refuses, and the
// app must show exactly that change (a toast, the top bar's list) with its explanation, and ask the
// browser for a notification (window.Notification is stubbed in the page to record the calls — the
// browser API is the seam under `clearance serve`). A matrix watch names the cell's column. Stop
// ends the watch in the backend (watch.list says so) and the server hears no more rounds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHttp, type TestServer } from '../support/servers';
import type { ServeHandle } from './support/serve';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

let server: TestServer;
let dir: string;
/** /orders refuses once the test flips it: for every caller, or for alice's key only; everything else answers 200 */
let flip: 'everyone' | 'alice' | null = null;
const hits = new Map<string, number>();

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const who = String(req.headers['x-api-key'] ?? '');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    // Flipped for alice only, bob's and keyless calls keep their answer: a matrix watch has exactly one cell that changes.
    if (path === '/orders' && (flip === 'everyone' || (flip === 'alice' && who === 'key-alice'))) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': '5a0c2c1e-1111-2222-3333-444455556666' })
        .end('{"message":"Forbidden"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-watch-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: e2e-watch-0001\norder: [shop]\n');
  mkdirSync(join(dir, 'shop'));
  writeFileSync(join(dir, 'shop', 'folder.yaml'), 'name: Shop API\norder: [orders, public]\n');
  writeFileSync(join(dir, 'shop', 'orders.yaml'), `name: Orders\nmethod: GET\nurl: ${server.url}/orders\n`);
  writeFileSync(join(dir, 'shop', 'public.yaml'), `name: Public\nmethod: GET\nurl: ${server.url}/public\n`);
  mkdirSync(join(dir, 'keys'));
  for (const name of ['alice', 'bob']) {
    writeFileSync(join(dir, 'keys', `${name}.yaml`), `name: ${name}\nkind: custom-headers\nhosts: [127.0.0.1]\nheaders:\n  - name: X-Api-Key\n    value: key-${name}\n`);
  }
});

test.afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rpc<T>(serve: ServeHandle, channel: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${serve.origin}/rpc/${channel}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token }, body: JSON.stringify(args) });
  const body = await res.json() as { ok: boolean; value: T };
  expect(body.ok).toBe(true);
  return body.value;
}

/** The page's Notification, recording what the app asks to show; permission is granted on request. */
async function stubNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __notes: Array<{ title: string; body?: string }>; Notification: unknown };
    w.__notes = [];
    class RecordingNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission(): Promise<NotificationPermission> {
        RecordingNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      constructor(title: string, opts?: { body?: string }) {
        w.__notes.push({ title, ...(opts?.body !== undefined ? { body: opts.body } : {}) });
      }
    }
    w.Notification = RecordingNotification;
  });
}
const notes = (page: Page) => page.evaluate(() => (window as unknown as { __notes: Array<{ title: string; body?: string }> }).__notes);

/** "Custom…" interval of 1 s, then Watch. */
async function watchEverySecond(page: Page, region: string): Promise<void> {
  const control = page.getByRole('region', { name: region, exact: true }).getByRole('group', { name: 'Watch' });
  await control.getByLabel('Watch interval').selectOption('custom');
  const prompt = page.getByRole('dialog', { name: 'Watch interval' });
  await prompt.getByRole('textbox').fill('1');
  await prompt.getByRole('button', { name: 'Set' }).click();
  await expect(control.getByLabel('Watch interval')).toHaveValue('1000');
  await control.getByRole('button', { name: 'Watch' }).click();
  await expect(control).toContainText('Watching every 1 s');
}

test.describe('Watch in the app', () => {
  test.beforeEach(async ({ page, openApp }) => {
    flip = null;
    hits.clear();
    await stubNotifications(page);
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
    await openWorkspace(page, dir);
  });
  // Watches live in the worker's backend: none may outlive its test, nor its sends stay in history.
  test.afterEach(async ({ serve }) => {
    const { watches } = await rpc<{ watches: Array<{ watchId: string }> }>(serve, 'watch.list');
    for (const w of watches) await rpc(serve, 'watch.stop', { watchId: w.watchId });
    await rpc(serve, 'history.clear');
  });

  test('a folder watched from the Runner: the baseline, then exactly the change the server made, notified and explained', async ({ page, serve }) => {
    await page.getByRole('treeitem', { name: 'Shop API', exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Run folder…' }).click();
    await watchEverySecond(page, 'Runner');
    const control = page.getByRole('region', { name: 'Runner' }).getByRole('group', { name: 'Watch' });
    await control.getByRole('button', { name: 'Notify me' }).click();
    await expect(control.getByRole('button', { name: 'Notify me' })).toHaveCount(0);
    // The baseline round reached the server; only then does the server change its mind.
    await expect(control).toContainText(/round [1-9]/);
    expect(hits.get('/orders')).toBeGreaterThanOrEqual(1);
    const before = hits.get('/orders') ?? 0;
    flip = 'everyone';

    const toast = page.getByRole('region', { name: 'Watch changes' }).getByRole('status');
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText('Run · Shop API');
    await expect(toast.getByRole('button')).toHaveText(['×', 'GET Orders: 200 → refused 403']);
    expect(hits.get('/orders')).toBeGreaterThan(before);
    await expect.poll(() => notes(page)).toEqual([{ title: 'Clearance · Run · Shop API: 1 change', body: 'GET Orders: 200 → refused 403' }]);

    // The top bar lists the watch and exactly that change.
    await page.getByRole('button', { name: /^Watches: 1 running/ }).click();
    const list = page.getByRole('dialog', { name: 'Watches' });
    await expect(list.getByRole('list', { name: 'Changes' }).getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Run · Shop API');
    await page.screenshot({ path: `${SHOTS}/watch-change.png` });

    // The change opens its explanation.
    await toast.getByRole('button', { name: 'GET Orders: 200 → refused 403' }).click();
    const dialog = page.getByRole('dialog', { name: 'GET Orders' });
    await expect(dialog.getByRole('region', { name: 'Explanation' }).getByRole('alert')).toContainText('Refused by Amazon API Gateway');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Stop: the backend forgets the watch.
    await page.getByRole('button', { name: /^Watches: 1 running/ }).click();
    await page.getByRole('dialog', { name: 'Watches' }).getByRole('button', { name: 'Stop watching Run · Shop API' }).click();
    await expect(control.getByRole('button', { name: 'Watch' })).toBeVisible();
    expect((await rpc<{ watches: unknown[] }>(serve, 'watch.list')).watches).toEqual([]);
  });

  test('a matrix watch names the cell that changed: only alice @ direct on Orders', async ({ page }) => {
    await page.getByRole('treeitem', { name: 'Shop API', exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Access matrix…' }).click();
    const settings = page.getByRole('region', { name: 'Matrix', exact: true }).getByRole('group', { name: 'Matrix settings' });
    await expect(settings.getByRole('checkbox', { name: 'alice' })).toBeChecked();
    await watchEverySecond(page, 'Matrix');
    const control = page.getByRole('region', { name: 'Matrix', exact: true }).getByRole('group', { name: 'Watch' });
    await expect(control).toContainText(/round [1-9]/);
    // 2 requests × 3 keys (alice, bob, none) × direct: the baseline saw all six.
    expect(hits.get('/orders')).toBeGreaterThanOrEqual(3);
    flip = 'alice';

    const toast = page.getByRole('region', { name: 'Watch changes' }).getByRole('status');
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText('Matrix · Shop API');
    await expect(toast.getByRole('button')).toHaveText(['×', 'GET Orders [alice @ direct]: 200 → refused 403']);
    // No "Notify me" was given here: the change shows in the app only.
    expect(await notes(page)).toEqual([]);
    await toast.getByRole('button', { name: /alice @ direct/ }).click();
    await expect(page.getByRole('dialog', { name: 'GET Orders [alice @ direct]' }).getByRole('alert')).toContainText('Refused by Amazon API Gateway');
  });
});
