import { expect, test } from './support/fixtures';
import { startRecorder, type Recorder } from './support/recorder';
import { pasteIntoUrl } from './support/ui';

import { SHOTS } from './support/shots';

test.describe('curl import and export', () => {
  test.beforeEach(async ({ page, context, serve, openApp }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
    await page.setViewportSize({ width: 1360, height: 820 });
    await openApp();
  });

  test('a pasted curl without -L shows the 302, and its -H header is in the table', async ({ page, target }) => {
    await pasteIntoUrl(page, `curl -H 'X-From-Curl: pasted' ${target.base}/redirect`);
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${target.base}/redirect`);
    await expect(page.getByLabel('Method')).toHaveValue('GET');
    await expect(page.getByLabel('Send options')).toContainText('redirects not followed');
    await page.getByRole('tab', { name: /Headers/ }).first().click();
    await expect(page.getByLabel('Header 1 name')).toHaveValue('X-From-Curl');
    await expect(page.getByLabel('Header 1 value')).toHaveValue('pasted');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('302');
  });

  test('a multi-line curl with -L follows the redirect and the header arrives', async ({ page, target }) => {
    await pasteIntoUrl(page, `  curl -L \\\n  -H 'X-From-Curl: pasted' \\\n  '${target.base}/redirect'\n`);
    await expect(page.getByLabel('Send options')).toContainText('follows redirects');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200');
    await expect(response.getByTestId('code-viewer')).toContainText('hello from the target');
    await expect(response.getByTestId('code-viewer')).toContainText('"x-from-curl": "pasted"');
  });

  test('a POST with a JSON body is imported; parser warnings show in a dismissable status', async ({ page, target }) => {
    await page.getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/old');
    await pasteIntoUrl(page, `curl '${target.base}/echo?src=curl' -H 'Content-Type: application/json' --data-raw '{"hello":"curl"}' -U proxyuser:pw -m 20`);
    await expect(page.getByLabel('Method')).toHaveValue('POST');
    await expect(page.getByLabel('Param 1 name')).toHaveValue('src');
    const status = page.getByRole('region', { name: 'Request' }).getByRole('status');
    await expect(status).toContainText('-U without -x');
    await expect(page.getByLabel('Send options')).toContainText('timeout 20 s');
    await page.getByRole('tab', { name: /Body/ }).first().click();
    await expect(page.getByRole('radio', { name: 'JSON' })).toBeChecked();
    await page.getByRole('button', { name: 'Send' }).click();
    const viewer = page.getByRole('region', { name: 'Response' }).getByTestId('code-viewer');
    await expect(viewer).toContainText('"method": "POST"');
    await expect(viewer).toContainText('hello');
    await expect(viewer).toContainText('"content-type": "application/json"');
    await page.screenshot({ path: `${SHOTS}/curl-paste.png` });
    await status.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(status).toHaveCount(0);
  });

  test('multipart parts and binary uploads import into their body kinds', async ({ page, target }) => {
    await pasteIntoUrl(page, `curl -F 'name=value' -F 'doc=@/tmp/report.pdf;type=application/pdf' ${target.base}/echo`);
    await page.getByRole('tab', { name: /Body/ }).first().click();
    await expect(page.getByRole('radio', { name: 'Multipart' })).toBeChecked();
    await expect(page.getByLabel('Part 2 value')).toHaveValue('/tmp/report.pdf');
    await expect(page.getByLabel('Part type').nth(1)).toHaveValue('file');
    await pasteIntoUrl(page, `curl -X PUT --data-binary @/tmp/blob.bin -H 'Content-Type: application/octet-stream' ${target.base}/echo`);
    await expect(page.getByLabel('Method')).toHaveValue('PUT');
    await expect(page.getByRole('radio', { name: 'Binary file' })).toBeChecked();
    await expect(page.getByLabel('File path')).toHaveValue('/tmp/blob.bin');
  });

  test('a curl command that cannot be imported shows an alert and leaves the request alone', async ({ page, target }) => {
    const url = page.getByLabel('URL', { exact: true });
    await url.fill(`${target.base}/ok`);
    await pasteIntoUrl(page, `curl -F a=b -d c ${target.base}/echo`);
    const alert = page.getByRole('region', { name: 'Request' }).getByRole('alert');
    await expect(alert).toContainText('cannot mix -F/--form with -d/--data');
    await expect(url).toHaveValue(`${target.base}/ok`);
    await expect(page.getByLabel('Method')).toHaveValue('GET');
    await alert.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(alert).toHaveCount(0);
  });

  test('a plain URL pastes as before', async ({ page, target }) => {
    const url = page.getByLabel('URL', { exact: true });
    await page.evaluate((t) => navigator.clipboard.writeText(t), `${target.base}/ok?x=1`);
    await url.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(url).toHaveValue(`${target.base}/ok?x=1`);
    await expect(page.getByLabel('Param 1 name')).toHaveValue('x');
    await expect(page.getByRole('region', { name: 'Request' }).getByRole('status')).toHaveCount(0);
    await expect(page.getByLabel('Send options')).toHaveCount(0);
  });

  test('Copy as cURL puts a runnable command on the clipboard that pastes back', async ({ page, target }) => {
    await page.getByLabel('Method').selectOption('DELETE');
    await page.getByLabel('URL', { exact: true }).fill(`${target.base}/echo?id=7`);
    await page.getByRole('tab', { name: /Headers/ }).first().click();
    await page.getByLabel('New header name').fill('X-Copy');
    await page.getByLabel('Header 1 value').fill("it's copied");
    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect(page.getByRole('region', { name: 'Request' }).getByRole('status')).toContainText('Copied as cURL');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`curl -X DELETE '${target.base}/echo?id=7'`);
    expect(copied).toContain(`-H 'X-Copy: it'\\''s copied'`);
    expect(copied).toContain('-L');

    await page.getByRole('button', { name: 'New tab' }).click();
    await pasteIntoUrl(page, copied);
    await expect(page.getByLabel('Method')).toHaveValue('DELETE');
    await page.getByRole('button', { name: 'Send' }).click();
    const viewer = page.getByRole('region', { name: 'Response' }).getByTestId('code-viewer');
    await expect(viewer).toContainText('"method": "DELETE"');
    await expect(viewer).toContainText("it's copied");
  });
});

// A curl command typed (not pasted) into the URL field imports on Send; the recording server says
// what went on the wire.
test.describe('curl typed into the URL field', () => {
  let api: Recorder;
  test.beforeAll(async () => {
    api = await startRecorder((_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"stored":true}'));
  });
  test.afterAll(async () => { await api.close(); });
  test.beforeEach(async ({ openApp }) => {
    api.seen.length = 0;
    await openApp();
  });

  test('the Send button imports the command and sends its method, headers and body', async ({ page }) => {
    const url = page.getByLabel('URL', { exact: true });
    await url.pressSequentially(`curl -X PUT ${api.url}/items/7?v=2 -H 'X-Typed: yes' -H 'Content-Type: application/json' -d '{"name":"typed"}'`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('201');
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]).toMatchObject({ method: 'PUT', url: '/items/7?v=2', body: '{"name":"typed"}' });
    expect(api.seen[0]!.headers['x-typed']).toBe('yes');
    expect(api.seen[0]!.headers['content-type']).toBe('application/json');
    // The tab now holds the imported request, as a paste would have left it.
    await expect(url).toHaveValue(`${api.url}/items/7?v=2`);
    await expect(page.getByLabel('Method')).toHaveValue('PUT');
  });

  test('Ctrl/Cmd+Enter imports and sends too; a command that does not parse sends nothing', async ({ page }) => {
    const url = page.getByLabel('URL', { exact: true });
    await url.fill(`curl -F a=b -d c ${api.url}/mixed`);
    await url.press('ControlOrMeta+Enter');
    await expect(page.getByRole('region', { name: 'Request' }).getByRole('alert')).toContainText('cannot mix -F/--form with -d/--data');
    await expect(page.getByText('not a valid URL')).toHaveCount(0);

    await url.fill(`curl --data-urlencode 'q=a b' ${api.url}/search`);
    await url.press('ControlOrMeta+Enter');
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('201');
    expect(api.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /search']);
    expect(new URLSearchParams(api.seen[0]!.body).get('q')).toBe('a b');
    expect(api.seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});
