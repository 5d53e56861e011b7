// The Matrix view against real parts: a server started here whose answers differ by key (alice may
// call /orders and /admin, bob only /public, no key is refused with 401) and a real HAProxy as the
// gateway `edge` (denies /admin, needs the X-Tenant its profile adds). Opened from the tree's menu,
// the grid must hold the server's truth cell by cell; a committed access.yaml that contradicts one
// cell outlines it; a refusal cell opens its explanation; Accept writes access.yaml (read from
// disk); "Send again to explain" sends that cell's request once more with its key (the server
// says so) and the request's tab shows the full explanation card.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { startHaproxyTenantGate, type RunningGateway } from '../support/gateways';
import { startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

let server: TestServer;
let edge: RunningGateway;
let dir: string;
/** Every request that reached the server: "path who via" (via: haproxy or direct). */
const seen: string[] = [];
/** Requests whose connection closed before the server answered. */
const aborted: string[] = [];

const WHO: Record<string, string> = { 'key-alice-7f2c': 'alice', 'key-bob-91ad': 'bob' };

/** The committed expectation: two cells that hold and one that the server contradicts (alice may call /admin). */
const ACCESS = `# Reviewed by the platform team.
version: 1
requests:
  shop/orders.yaml:
    alice @ direct: allow
    none @ direct: deny
  shop/admin.yaml:
    alice @ direct: deny    # admin is meant to be closed to partner keys
`;

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const who = WHO[String(req.headers['x-api-key'] ?? '')] ?? '';
    seen.push(`${path} ${who || '-'} ${req.headers['x-via'] === 'haproxy' ? 'haproxy' : 'direct'}`);
    if (path === '/slow') {
      // Answers only long after the test; a stopped matrix closes the connection first.
      const t = setTimeout(() => res.writeHead(200).end('late'), 30_000);
      res.on('close', () => { if (!res.writableEnded) { clearTimeout(t); aborted.push(`${path} ${who}`); } });
      return;
    }
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!who) return json(401, { error: 'missing api key' });
    if (path === '/public') return json(200, { public: true });
    if (who !== 'alice') return json(403, { error: `this key may not call ${path}` });
    return json(200, { ok: path });
  });
  edge = await startHaproxyTenantGate(server.port, 'acme', ['/admin']);
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-matrix-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: e2e-matrix-0001\norder: [shop]\n');
  mkdirSync(join(dir, 'shop'));
  writeFileSync(join(dir, 'shop', 'folder.yaml'), 'name: Shop API\norder: [orders, public, admin, create]\n');
  const request = (name: string, method: string, path: string) => `name: ${name}\nmethod: ${method}\nurl: "{{base}}${path}"\n`;
  writeFileSync(join(dir, 'shop', 'orders.yaml'), request('Orders', 'GET', '/orders'));
  writeFileSync(join(dir, 'shop', 'public.yaml'), request('Public', 'GET', '/public'));
  writeFileSync(join(dir, 'shop', 'admin.yaml'), request('Admin', 'GET', '/admin'));
  writeFileSync(join(dir, 'shop', 'create.yaml'), request('Create order', 'POST', '/orders'));
  mkdirSync(join(dir, 'environments'));
  writeFileSync(join(dir, 'environments', 'local.yaml'), `name: local\nvariables:\n  base: ${server.url}\n`);
  mkdirSync(join(dir, 'keys'));
  for (const [key, name] of Object.entries(WHO)) {
    writeFileSync(join(dir, 'keys', `${name}.yaml`), `name: ${name}\nkind: custom-headers\nhosts: [127.0.0.1]\nheaders:\n  - name: X-Api-Key\n    value: ${key}\n`);
  }
  mkdirSync(join(dir, 'gateways'));
  writeFileSync(join(dir, 'gateways', 'edge.yaml'),
    `name: edge\npreset: haproxy\nrewrite:\n  from: ${server.url}\n  to: ${edge.url}\nheaders:\n  - name: X-Tenant\n    value: acme\n`);
});

test.afterAll(async () => {
  await Promise.allSettled([server?.close(), edge?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const view = (page: Page) => page.getByRole('region', { name: 'Matrix', exact: true });
const cell = (page: Page, row: string, column: string) => view(page).getByRole('button', { name: new RegExp(`^${row}, ${column}: `) });

/** The grid as text: request → the cells' main text (status, ERR or skip), column by column. */
async function gridText(page: Page): Promise<Record<string, string[]>> {
  return view(page).getByRole('table', { name: 'Access matrix' }).evaluate((table) => Object.fromEntries(
    [...table.querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('.mx-row-name')?.textContent ?? '',
      [...tr.querySelectorAll('td')].map((td) => td.querySelector('.mx-cell-main')?.textContent ?? ''),
    ])));
}

test.describe('Matrix view', () => {
  test.beforeEach(async ({ page, openApp }) => {
    seen.length = 0;
    aborted.length = 0;
    writeFileSync(join(dir, 'access.yaml'), ACCESS);
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
    await openWorkspace(page, dir);
  });

  test('every request × key × gateway at the server\'s truth, drift outlined, a refusal explained, Accept writes access.yaml', async ({ page }) => {
    await page.getByRole('treeitem', { name: 'Shop API', exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Access matrix…' }).click();
    await expect(view(page)).toBeVisible();
    // Every profile is a column by default, with the baselines.
    const settings = view(page).getByRole('group', { name: 'Matrix settings' });
    for (const name of ['alice', 'bob', 'none', 'edge', 'direct']) await expect(settings.getByRole('checkbox', { name })).toBeChecked();
    await expect(view(page)).toContainText('4 requests × 6 columns = 24 cells');

    await view(page).getByRole('button', { name: 'Run', exact: true }).click();
    const summary = view(page).getByRole('region', { name: 'Matrix summary' });
    await expect(summary.getByRole('status')).toHaveText('Done');

    expect(await gridText(page)).toEqual({
      //             alice@edge alice@direct bob@edge bob@direct none@edge none@direct
      Orders: ['200', '200', '403', '403', '401', '401'],
      Public: ['200', '200', '200', '200', '401', '401'],
      Admin: ['403', '200', '403', '403', '403', '401'],
      'Create order': ['skip', 'skip', 'skip', 'skip', 'skip', 'skip'],
    });
    // The server's truth: alice's key reached /orders both ways; HAProxy kept /admin from it; no POST was sent.
    expect(seen.filter((l) => l.startsWith('/orders ')).sort()).toEqual([
      '/orders - direct', '/orders - haproxy', '/orders alice direct', '/orders alice haproxy', '/orders bob direct', '/orders bob haproxy']);
    expect(seen.filter((l) => l.startsWith('/admin ')).sort()).toEqual(['/admin - direct', '/admin alice direct', '/admin bob direct']);
    expect(seen).toHaveLength(15);

    // Refusals are red and say who refused; the one cell access.yaml contradicts is outlined and says how.
    await expect(cell(page, 'Admin', 'alice @ edge')).toHaveAttribute('aria-label', /403 refused by HAProxy/);
    await expect(cell(page, 'Admin', 'alice @ edge')).toContainText('HAProxy');
    const drifting = cell(page, 'Admin', 'alice @ direct');
    await expect(drifting).toHaveAttribute('aria-label', /expected deny, got 200$/);
    await expect(drifting.locator('xpath=..')).toHaveClass(/is-drift/);
    await expect(view(page).locator('td.is-drift')).toHaveCount(1);
    await expect(cell(page, 'Orders', 'alice @ direct')).toHaveAttribute('aria-label', /as expected \(allow\)$/);
    await expect(summary).toContainText('24Cells');
    await expect(summary).toContainText('11Refused');
    await expect(summary).toContainText('1Drift');
    await expect(view(page)).toContainText('1 cell differs from access.yaml');

    await drifting.click();
    await expect(view(page).getByRole('region', { name: 'Cell details' })).toContainText('Differs from access.yaml: expected deny, got 200.');
    await cell(page, 'Admin', 'alice @ edge').click();
    const card = view(page).getByRole('region', { name: 'Explanation' });
    await expect(card.getByRole('alert')).toContainText('Refused by HAProxy');
    await expect(card).toContainText('Send again to explain');
    // Tall enough for the summary, the grid and the open cell in one picture.
    // Clicking the cell scrolled the body; from the top the picture starts at the summary, not mid-chip.
    await page.setViewportSize({ width: 1360, height: 1240 });
    await view(page).locator('.mx-body').evaluate((el) => { el.scrollTop = 0; });
    await page.screenshot({ path: `${SHOTS}/matrix-drift.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/matrix-drift-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1360, height: 860 });

    // Accept: confirmed, then the file on disk holds the observed words; the comment a reviewer left stays.
    await view(page).getByRole('button', { name: 'Accept as expected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Accept as expected' });
    await expect(confirm).toContainText('1 that differ from it and 15 it does not mention yet');
    await confirm.getByRole('button', { name: 'Write access.yaml' }).click();
    await expect(view(page)).toContainText('Written to');
    await expect(view(page).locator('td.is-drift')).toHaveCount(0);
    const text = readFileSync(join(dir, 'access.yaml'), 'utf8');
    expect(text).toContain('# Reviewed by the platform team.');
    const written = (parse(text) as { requests: Record<string, Record<string, string | number>> }).requests;
    expect(written['shop/admin.yaml']).toEqual({ 'alice @ direct': 'allow', 'alice @ edge': 'deny', 'bob @ edge': 'deny', 'bob @ direct': 'deny',
      'none @ edge': 'deny', 'none @ direct': 'deny' });
    expect(written['shop/orders.yaml']?.['bob @ direct']).toBe('deny');
    expect(written['shop/public.yaml']?.['bob @ edge']).toBe('allow');
    expect(written['shop/create.yaml']).toBeUndefined();
  });

  test('a refusal cell sends again with its own key and gateway and opens the full explanation', async ({ page }) => {
    await page.getByRole('button', { name: 'Access matrix' }).click();
    await expect(view(page)).toContainText('4 requests');
    // Only bob, straight to the server: one column.
    const settings = view(page).getByRole('group', { name: 'Matrix settings' });
    for (const name of ['alice', 'none', 'edge']) await settings.getByRole('checkbox', { name }).uncheck();
    await expect(view(page)).toContainText('× 1 column = 4 cells');
    await view(page).getByRole('button', { name: 'Run', exact: true }).click();
    await expect(view(page).getByRole('region', { name: 'Matrix summary' }).getByRole('status')).toHaveText('Done');
    expect(await gridText(page)).toEqual({ Orders: ['403'], Public: ['200'], Admin: ['403'], 'Create order': ['skip'] });
    expect(seen.sort()).toEqual(['/admin bob direct', '/orders bob direct', '/public bob direct']);

    await cell(page, 'Orders', 'bob @ direct').click();
    await view(page).getByRole('button', { name: 'Send again to explain' }).click();
    // The request's own tab, with bob's key chosen for it, sent once more through the one send path.
    await expect(page.getByRole('tab', { name: /Orders/ }).first()).toHaveAttribute('aria-selected', 'true');
    const explanation = page.getByRole('region', { name: 'Explanation' });
    await expect(explanation.getByRole('alert')).toContainText('Refused by');
    await expect(explanation.getByRole('button', { name: 'Troubleshoot' })).toBeVisible();
    expect(seen.filter((l) => l === '/orders bob direct')).toHaveLength(2);
  });

  test('Stop aborts the cell in flight: the server sees its connection go, and the cell reads stopped', async ({ page }) => {
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'folder.yaml'), 'name: Exports\norder: [slow, list]\n');
    writeFileSync(join(dir, 'exports', 'slow.yaml'), 'name: Slow export\nmethod: GET\nurl: "{{base}}/slow"\n');
    writeFileSync(join(dir, 'exports', 'list.yaml'), 'name: List exports\nmethod: GET\nurl: "{{base}}/public"\n');
    try {
      await expect(page.getByRole('treeitem', { name: 'Exports', exact: true })).toBeVisible();
      await page.getByRole('treeitem', { name: 'Exports', exact: true }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Access matrix…' }).click();
      const settings = view(page).getByRole('group', { name: 'Matrix settings' });
      for (const name of ['bob', 'none', 'edge']) await settings.getByRole('checkbox', { name }).uncheck();
      await view(page).getByRole('button', { name: 'Run', exact: true }).click();
      // One cell answered, the other held by the server: the view is live, the grid says which waits.
      const progress = view(page).getByRole('progressbar', { name: 'Matrix progress' });
      await expect(progress).toHaveAttribute('aria-valuenow', '1');
      await expect(cell(page, 'List exports', 'alice @ direct')).toHaveText('200');
      await expect(view(page).getByRole('cell', { name: 'Slow export, alice @ direct: not sent yet' })).toBeVisible();
      await expect.poll(() => seen.filter((l) => l.startsWith('/slow')).length).toBe(1);

      await view(page).getByRole('button', { name: 'Stop' }).click();
      const summary = view(page).getByRole('region', { name: 'Matrix summary' });
      await expect(summary.getByRole('status')).toHaveText('Stopped');
      await expect.poll(() => aborted).toEqual(['/slow alice']);
      await expect(cell(page, 'Slow export', 'alice @ direct')).toHaveText('skipstopped');
      await expect(view(page).getByRole('button', { name: 'Run again' })).toBeEnabled();
    } finally {
      rmSync(join(dir, 'exports'), { recursive: true, force: true });
    }
  });
});
