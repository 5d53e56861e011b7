// Compare with a working request, from the two sources besides a pasted curl, against a small
// server started here that wants a session cookie and `X-Requested-With: XMLHttpRequest`:
// a history entry that succeeded (its cookie is redacted there, so the comparison says that value
// is unknown and never sends it), and a HAR file chosen in the browser (an entry picked among the
// path's two) whose differences bisect to the cookie and the header, the fix printed as curl.
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { Locator, Page } from '@playwright/test';
import { startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { pasteIntoUrl } from './support/ui';
import { SHOTS } from './support/shots';

const SESSION = 'sess-4f9a2c71e0b8d3';
let server: TestServer;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
const allowed = (h: IncomingMessage['headers']) => h.cookie === `session=${SESSION}` && h['x-requested-with'] === 'XMLHttpRequest';

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (allowed(req.headers)) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"user":"ada"}');
      return;
    }
    res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"forbidden"}');
  });
});
test.afterAll(async () => { await server.close(); });

const drawer = (page: Page) => page.getByRole('dialog', { name: 'Troubleshoot' });
const status = (page: Page) => page.getByRole('region', { name: 'Response' }).getByLabel('Response status');

/** The refused call (no cookie, no X-Requested-With), Troubleshoot, its diagnosis finished: the Compare box. */
async function refusedThenCompare(page: Page): Promise<Locator> {
  await pasteIntoUrl(page, `curl '${server.url}/v1/me'`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(status(page)).toContainText('403');
  await page.getByRole('region', { name: 'Explanation' }).getByRole('button', { name: 'Troubleshoot', exact: true }).click();
  await expect(drawer(page).getByRole('region', { name: 'Conclusion' })).toBeVisible({ timeout: 30_000 });
  seen.length = 0;
  return drawer(page).getByRole('region', { name: 'Compare with a working request' });
}

test.describe('Compare with a working request', () => {
  test.beforeEach(async ({ page, openApp }) => {
    seen.length = 0;
    await page.setViewportSize({ width: 1360, height: 900 });
    await openApp();
  });

  test('pick a history entry that succeeded: the differences, the redacted cookie said unknown and never sent', async ({ page }) => {
    await pasteIntoUrl(page, `curl '${server.url}/v1/me' -H 'Cookie: session=${SESSION}' -H 'X-Requested-With: XMLHttpRequest'`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(status(page)).toContainText('200');
    expect(allowed(seen[0]!.headers)).toBe(true);

    const box = await refusedThenCompare(page);
    await box.getByRole('tab', { name: 'Pick from history' }).click();
    const list = box.getByRole('radiogroup', { name: 'Requests that succeeded' });
    await expect(list.getByRole('radio')).not.toHaveCount(0);
    await expect(list.locator('li').first()).toContainText('/v1/me');
    await expect(list.locator('li').first()).toContainText('200');
    await list.getByRole('radio').first().check();
    await box.getByRole('button', { name: 'Compare', exact: true }).click();

    const diffs = box.getByRole('table', { name: 'Differences' });
    await expect(diffs).toBeVisible({ timeout: 30_000 });
    await expect(box.getByLabel('Compared with')).toContainText('history entry');
    await expect(diffs).toContainText(/x-requested-with/i);
    await expect(diffs).toContainText('XMLHttpRequest');
    const cookie = diffs.locator('tr', { hasText: /cookie/i }).first();
    await expect(cookie).toContainText('unknown');
    await expect(box.getByRole('note', { name: 'Unknown values' })).toContainText(/cookie/i);
    await expect(box.getByRole('note', { name: 'Unknown values' })).toContainText('never sent');
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/compare-history.png`, animations: 'disabled' });

    // The comparison sent X-Requested-With at most, never the cookie it does not know.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.headers.cookie !== undefined)).toEqual([]);
    expect(seen.every((s) => s.url === '/v1/me' && s.method === 'GET')).toBe(true);
  });

  test('a HAR file chosen in the browser: pick its entry, the minimal set is the cookie and X-Requested-With, the fix as curl', async ({ page }, info) => {
    const url = `${server.url}/v1/me`;
    const entry = (headers: Array<[string, string]>, status: number) => ({
      startedDateTime: '2026-12-06T10:00:00.000Z', time: 12,
      request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: headers.map(([name, value]) => ({ name, value })), cookies: [], queryString: [], headersSize: -1, bodySize: 0 },
      response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'application/json' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    });
    const har = { log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries: [
      entry([['Accept', 'application/json']], 403),
      entry([['Accept', 'application/json'], ['Accept-Language', 'en-GB'], ['Cookie', `session=${SESSION}`], ['X-Requested-With', 'XMLHttpRequest']], 200),
      entry([['Accept', '*/*']], 200),
    ] } };
    har.log.entries[2]!.request.url = `${server.url}/static/app.js`;
    const file = info.outputPath('session.har');
    await writeFile(file, JSON.stringify(har));

    const box = await refusedThenCompare(page);
    await box.getByRole('tab', { name: 'HAR file' }).click();
    await box.getByLabel('Choose a HAR file').setInputFiles(file);
    const pick = box.getByRole('combobox', { name: 'HAR entry' });
    await expect(pick).toBeVisible();
    await expect(pick.locator('option')).toHaveCount(3); // Clearance's pick and the path's two entries
    await pick.selectOption('2');
    await box.getByRole('button', { name: 'Compare', exact: true }).click();

    const diffs = box.getByRole('table', { name: 'Differences' });
    await expect(diffs).toBeVisible({ timeout: 30_000 });
    await expect(box.getByLabel('Compared with')).toContainText('HAR entry #2');
    await expect(diffs.locator('tr.is-minimal')).toHaveCount(2);
    await expect(diffs.locator('tr.is-minimal').filter({ hasText: /cookie/i })).toHaveCount(1);
    await expect(diffs.locator('tr.is-minimal').filter({ hasText: /x-requested-with/i })).toHaveCount(1);
    await expect(box.getByRole('note', { name: 'Unknown values' })).toHaveCount(0);
    const fix = box.getByLabel('Comparison fix as curl', { exact: true });
    await expect(fix).toContainText(/x-requested-with: XMLHttpRequest/i);
    await expect(fix).toContainText(`session=${SESSION}`);
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/compare-har.png`, animations: 'disabled' });

    // At the server: the comparison's sends went to the path only, and one carried both and got 200.
    expect(seen.every((s) => s.url === '/v1/me')).toBe(true);
    expect(seen.filter((s) => allowed(s.headers)).length).toBeGreaterThanOrEqual(1);
    expect(seen.some((s) => s.headers['x-requested-with'] === 'XMLHttpRequest' && s.headers.cookie === undefined)
      || seen.some((s) => s.headers.cookie !== undefined && s.headers['x-requested-with'] === undefined), 'the bisection tried each alone').toBe(true);
  });
});
