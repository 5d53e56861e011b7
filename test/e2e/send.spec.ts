import { expect, test } from './support/fixtures';
import { BIG_BODY_BYTES, UTF8_LINE } from './support/target-server';

import { SHOTS } from './support/shots';

test.describe('sending requests through clearance serve', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 820 });
    await openApp();
  });

  test('a 200 shows the status, time, size and the JSON body', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/ok`);
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200');
    await expect(response.getByLabel('Response status')).toContainText('OK');
    await expect(response.getByTestId('code-viewer')).toContainText('hello from the target');
    await expect(response.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Recent sends' })).toContainText('/ok');
    await page.screenshot({ path: `${SHOTS}/response-200.png` });
  });

  test('a 403 is announced in an alert under the status line', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/forbidden`);
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByRole('region', { name: 'Response' }).getByRole('alert');
    await expect(alert).toContainText('403');
    await expect(alert).toContainText('Forbidden');
    await expect(page.getByTestId('code-viewer')).toContainText('You cannot consume this service');
    await page.screenshot({ path: `${SHOTS}/response-403.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/response-403-dark.png` });
  });

  test('a header added in the table arrives at the server', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/ok`);
    await page.getByRole('tab', { name: /Headers/ }).first().click();
    await page.getByLabel('New header name').fill('X-Clearance-Test');
    await page.getByLabel('Header 1 value').fill('hello-header');
    await expect(page.getByRole('tab', { name: /Headers/ }).first()).toContainText('1');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByTestId('code-viewer')).toContainText('hello-header');
    await response.getByRole('tab', { name: 'Timeline' }).click();
    const sent = response.getByRole('region', { name: 'Request sent' });
    await expect(sent).toContainText('GET /ok HTTP/1.1');
    await expect(sent.getByRole('row').filter({ hasText: 'hello-header' })).toContainText('user');
    await page.screenshot({ path: `${SHOTS}/timeline.png` });
  });

  test('Ctrl+Enter sends from the URL field', async ({ page, target }) => {
    const url = page.getByLabel('URL', { exact: true });
    await url.fill(`${target.base}/ok?from=keyboard`);
    await expect(page.getByLabel('Param 1 name')).toHaveValue('from');
    await url.press('Control+Enter');
    await expect(page.getByLabel('Response status')).toContainText('200');
  });

  test('connection refused shows the error with its reason and remedy', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`http://127.0.0.1:${target.closedPort}/nothing`);
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByRole('region', { name: 'Response' }).getByRole('alert');
    await expect(alert).toContainText('Could not connect');
    await expect(alert).toContainText('Why:');
    await expect(alert).toContainText('Try:');
    await expect(alert).toContainText(/port/i);
    await page.screenshot({ path: `${SHOTS}/send-error.png` });
  });

  test('a big body shows a preview, pages in as it scrolls, and search counts every line across the page seams', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/big`);
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200');
    await expect(response.getByText(/Large body \(5\.0 MB\)/)).toBeVisible();
    const body = response.getByLabel('Response body');
    await expect(body).toContainText('line of a big response body');
    // Only the rows on screen are in the page.
    expect((await body.textContent())?.length ?? 0).toBeLessThan(20_000);
    await body.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(response.getByText(/MB read, the rest as you scroll/)).toContainText(/[2-9]\.\d MB read|1\d?\.\d MB read/);
    await response.getByRole('button', { name: 'Find' }).click();
    await response.getByLabel('Search in body').fill('engine 0123456789');
    // Searching reads the rest of the body: every line is found once, none lost or doubled at a page seam.
    const line = 'line of a big response body, streamed to disk by the engine 0123456789\n';
    const whole = line.repeat(Math.ceil(BIG_BODY_BYTES / line.length)).slice(0, BIG_BODY_BYTES);
    const expected = whole.split('engine 0123456789').length - 1;
    await expect(response.getByRole('status', { name: 'Matches' })).toHaveText(`1 of ${expected}`);
    await page.screenshot({ path: `${SHOTS}/response-big.png` });
  });

  test('a text body is sent with POST', async ({ page, target }) => {
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/echo`);
    await page.getByRole('tab', { name: /Body/ }).first().click();
    await page.getByRole('radio', { name: 'Text' }).check();
    const editor = page.getByTestId('code-editor');
    await editor.locator('.view-lines').click();
    await page.keyboard.type('ping-from-body');
    await page.getByRole('button', { name: 'Send' }).click();
    const viewer = page.getByRole('region', { name: 'Response' }).getByTestId('code-viewer');
    await expect(viewer).toContainText('"method": "POST"');
    await expect(viewer).toContainText('ping-from-body');
  });

  test('Send turns into Cancel while the request runs, and Cancel stops it', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/slow`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText(/Sending…|Waiting for the response…/)).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('Request cancelled');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  });

  test('paging a big UTF-8 body never splits a character', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/big-utf8`);
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response body')).toContainText('日本語');
    await response.getByRole('button', { name: 'Find' }).click();
    const search = response.getByLabel('Search in body');
    const repeats = Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(UTF8_LINE));
    await search.fill('ünïcode ✓ 日本語');
    await expect(response.getByRole('status', { name: 'Matches' })).toHaveText(`1 of ${repeats}`);
    await search.fill('\uFFFD');
    await expect(response.getByRole('status', { name: 'Matches' })).toHaveText('No matches');
  });
});
