// Troubleshoot in the app against a small server started here: a 403, the diagnosis runs with its
// probes landing live, the fix is found and applied to the request, which then gets a 200 (the
// server saw the key where it wants it); a refusal nothing client-side can fix says whom to ask
// and offers no Apply; Stop ends a run; a ticked checklist item survives a reload.
import type { IncomingMessage } from 'node:http';
import type { Locator, Page } from '@playwright/test';
import { startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { NGINX_403 } from './support/target-server';
import { SHOTS } from './support/shots';

const KEY = 'e2e-key-7c41d09b5a';
let server: TestServer;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
/** Requests held by the server until the test releases them: the run is then visibly in progress. */
let hold: { match: (path: string) => boolean; release: () => void; gate: Promise<void> } | null = null;

/** `match` sees the request's path; `seen` already holds it. */
function holdWhen(match: (path: string) => boolean): () => void {
  let release = () => {};
  const gate = new Promise<void>((r) => { release = r; });
  hold = { match, release, gate };
  return () => { release(); hold = null; };
}

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    const answer = () => {
      if (url.pathname === '/v1/orders') {
        // API Gateway style: the key is read from x-api-key only; `?api_key=` never arrives.
        if (req.headers['x-api-key'] === KEY) {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"orders":[{"id":1}]}');
          return;
        }
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': '8d1f3c2a-1111-2222-3333-444455556666' })
          .end('{"message":"Forbidden"}');
        return;
      }
      // An nginx allow-list: every request from this address is refused, whatever it carries.
      res.writeHead(403, { 'content-type': 'text/html', server: 'nginx/1.22.1' }).end(NGINX_403);
    };
    if (hold?.match(url.pathname)) void hold.gate.then(answer);
    else answer();
  });
});
test.afterAll(async () => { await server.close(); });

const drawer = (page: Page) => page.getByRole('dialog', { name: 'Troubleshoot' });
const probes = (d: Locator) => d.getByRole('list', { name: 'Probes' }).locator('li[data-probe]');

async function sendRefused(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('403');
  await page.getByRole('region', { name: 'Explanation' }).getByRole('button', { name: 'Troubleshoot', exact: true }).click();
  await expect(drawer(page)).toBeVisible();
}

test.describe('Troubleshoot', () => {
  test.beforeEach(async ({ page, openApp }) => {
    hold?.release(); // a failed test's held request goes
    hold = null;
    seen.length = 0;
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('a key in ?api_key= where the gateway reads x-api-key: probes land live, Apply moves the key, Send gets 200', async ({ page }) => {
    // The second request with the key in x-api-key is the confirming probe: held, the run is caught in progress.
    const release = holdWhen((path) => path === '/v1/orders' && seen.filter((s) => s.headers['x-api-key'] === KEY).length === 2);
    await sendRefused(page, `${server.url}/v1/orders?api_key=${KEY}`);
    const d = drawer(page);
    const run = d.getByRole('region', { name: 'Diagnosis' });
    await expect(probes(d)).toHaveCount(1);
    await expect(probes(d).first()).toContainText('x-api-key');
    await expect(probes(d).first()).toContainText('200');
    await expect(run.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(run).toHaveAttribute('aria-busy', 'true');
    await expect(d.getByRole('region', { name: 'Conclusion' })).toHaveCount(0);
    release();

    const conclusion = d.getByRole('region', { name: 'Conclusion' });
    await expect(conclusion).toContainText('Fix found');
    // The probe that flipped and the one that confirmed it, both listed under the verdict.
    await expect(probes(d)).toHaveCount(2);
    await expect(probes(d).nth(1)).toContainText('(confirmed)');
    await expect(run.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    await expect(run.getByLabel('Probe budget')).toContainText('2 of at most 40 probes');
    await expect(conclusion).toContainText('Missing credentials');
    await expect(conclusion.getByLabel('Fix as curl', { exact: true })).toContainText('x-api-key');
    await expect(conclusion.getByRole('list', { name: 'Changes to the request' })).toContainText('Set header x-api-key to the value of query parameter api_key');
    // The explanation's parts are still there.
    await expect(d).toContainText('Likely cause');

    await conclusion.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(conclusion.getByRole('status')).toContainText('Applied to the request');
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${server.url}/v1/orders`);
    const editor = page.getByRole('region', { name: 'Request' });
    await expect(editor.getByRole('tab', { name: /Headers/ })).toHaveAttribute('aria-selected', 'true');
    await expect(editor.getByLabel('Header 1 name', { exact: true })).toHaveValue('x-api-key');
    await expect(editor.getByLabel('Header 1 value', { exact: true })).toHaveValue(KEY);
    await page.screenshot({ path: `${SHOTS}/troubleshoot-fixed.png` });

    seen.length = 0;
    await conclusion.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-api-key']).toBe(KEY);
    expect(seen[0]!.url).toBe('/v1/orders');
  });

  test('an IP allow-list nothing client-side can pass: whom to ask, no Apply, only safe methods sent', async ({ page }) => {
    // The third probe (the send, then two probes) is held: two have landed and the run is visibly going.
    const release = holdWhen(() => seen.length === 4);
    await sendRefused(page, `${server.url}/internal/metrics`);
    const d = drawer(page);
    await expect(probes(d)).toHaveCount(2);
    await expect(d.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(d.getByRole('region', { name: 'Conclusion' })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/troubleshoot-live.png`, animations: 'disabled' });
    release();

    const conclusion = d.getByRole('region', { name: 'Conclusion' });
    await expect(conclusion).toContainText('No client-side fix found', { timeout: 20_000 });
    expect(await probes(d).count()).toBeGreaterThanOrEqual(3);
    await expect(conclusion.getByRole('note', { name: 'Whom to ask' })).toContainText(/allow your egress IP|Ask/);
    await expect(d.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
    await expect(d.getByLabel('Fix as curl', { exact: true })).toHaveCount(0);
    // The checklist has the diagnosis's states.
    await expect(d.getByRole('region', { name: 'Checklist' }).locator('li')).toHaveCount(4);
    expect(seen.filter((s) => !['GET', 'HEAD', 'OPTIONS'].includes(s.method))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/troubleshoot-ask.png` });
  });

  test('Stop ends the run with what it has', async ({ page }) => {
    const release = holdWhen(() => seen.length === 3);
    await sendRefused(page, `${server.url}/internal/metrics`);
    const d = drawer(page);
    await expect(probes(d)).toHaveCount(1);
    await d.getByRole('button', { name: 'Stop' }).click();
    const conclusion = d.getByRole('region', { name: 'Conclusion' });
    await expect(conclusion).toContainText('Stopped before a fix was found');
    await expect(d.getByLabel('Probe budget')).toContainText('stopped by you');
    release();
  });

  test('a ticked checklist item is still ticked after a reload (kept by the backend, not in the request)', async ({ page }) => {
    const url = `${server.url}/internal/metrics`;
    await sendRefused(page, url);
    const d = drawer(page);
    await expect(d.getByRole('region', { name: 'Conclusion' })).toBeVisible({ timeout: 20_000 });
    const box = d.getByRole('checkbox', { name: 'Error handling and logging: done' });
    await expect(box).not.toBeChecked();
    await box.check();
    await expect(box).toBeChecked();
    await expect(d.getByRole('region', { name: 'Checklist' })).toContainText(/1 of \d checked by hand/);
    await d.getByRole('region', { name: 'Checklist' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/troubleshoot-checklist.png`, animations: 'disabled' });

    await page.reload();
    await expect(page.getByLabel('URL', { exact: true })).toBeVisible();
    await sendRefused(page, url);
    await expect(drawer(page).getByRole('checkbox', { name: 'Error handling and logging: done' })).toBeChecked();
    await drawer(page).getByRole('checkbox', { name: 'Error handling and logging: done' }).uncheck();
    await expect(drawer(page).getByRole('checkbox', { name: 'Error handling and logging: done' })).not.toBeChecked();
  });

  test('Compare with a pasted working curl finds the header that matters; Export report downloads Markdown and HTML without the key', async ({ page }) => {
    await sendRefused(page, `${server.url}/v1/orders?api_key=${KEY}`);
    const d = drawer(page);
    await expect(d.getByRole('region', { name: 'Conclusion' })).toContainText('Fix found');

    const box = d.getByRole('region', { name: 'Compare with a working request' });
    await box.getByLabel('A curl command that works').fill(`curl '${server.url}/v1/orders' -H 'x-api-key: ${KEY}' -H 'Accept: application/json'`);
    await box.getByRole('button', { name: 'Compare', exact: true }).click();
    const diffs = box.getByRole('table', { name: 'Differences' });
    await expect(diffs).toBeVisible({ timeout: 20_000 });
    await expect(diffs.locator('tr.is-minimal')).toHaveCount(1);
    await expect(diffs.locator('tr.is-minimal')).toContainText('x-api-key');
    await expect(box.getByLabel('Comparison fix as curl', { exact: true })).toContainText('x-api-key');
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/troubleshoot-compare.png`, animations: 'disabled' });

    const exportGroup = d.getByRole('group', { name: 'Export report' });
    for (const [label, ext, marker] of [['Markdown', '.md', '403'], ['HTML', '.html', '<html']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^clearance-report-.*\\${ext}$`));
      const { readFile } = await import('node:fs/promises');
      const text = await readFile((await download.path())!, 'utf8');
      expect(text).toContain(marker);
      expect(text).toContain('x-api-key');
      expect(text, 'the report never carries the key').not.toContain(KEY);
    }
  });
});
