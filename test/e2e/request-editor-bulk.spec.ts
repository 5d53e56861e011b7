// The request editor as a user works it: headers and params as text (bulk edit, `//` disables a
// line) round-trip with the table; a default header switched off; the JSON body checked and
// formatted with {{variables}} kept; the URL's {{variables}} coloured with a hover that says the
// value and where it comes from (a secret's value never). Every send is checked where it lands:
// a recording server's view of the request.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readBody, startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

interface Seen { url: string; headers: IncomingHttpHeaders; body: string }
let server: TestServer;
let seen: Seen[] = [];

test.beforeAll(async () => {
  server = await startHttp(async (req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers, body: (await readBody(req)).toString('utf8') });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"recorded":true}');
  });
});
test.afterAll(async () => server.close());
test.beforeEach(() => { seen = []; });

async function send(page: Page): Promise<Seen> {
  const before = seen.length;
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
  expect(seen).toHaveLength(before + 1);
  return seen.at(-1)!;
}

test.describe('request editor', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('headers as text: `//` disables a line, the table shows the same rows, and the server gets exactly the enabled ones', async ({ page }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${server.url}/bulk`);
    await page.getByRole('tab', { name: /Headers/ }).first().click();
    await page.getByLabel('New header name').fill('X-First');
    await page.getByLabel('Header 1 value').fill('from the table');
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const text = page.getByLabel('Headers as text');
    await expect(text).toHaveValue('X-First: from the table');
    const typed = 'X-First: from the table\n//X-Off: never sent\nX-Colon: a:b:c\nX-Spaces:   padded  ';
    await text.fill(typed);
    await page.getByRole('button', { name: 'Key-value edit' }).click();
    await expect(page.getByLabel('Header 2 name')).toHaveValue('X-Off');
    await expect(page.getByLabel('Enable header 2')).not.toBeChecked();
    await expect(page.getByLabel('Header 3 value')).toHaveValue('a:b:c');
    await expect(page.getByLabel('Header 4 value')).toHaveValue('  padded  ');
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    await expect(page.getByLabel('Headers as text')).toHaveValue(typed);
    await page.screenshot({ path: `${SHOTS}/request-bulk-edit.png` });

    const got = await send(page);
    expect(got.headers['x-first']).toBe('from the table');
    expect(got.headers['x-colon']).toBe('a:b:c');
    // HTTP trims the value's outer spaces on the wire; the row keeps them.
    expect(got.headers['x-spaces']).toBe('padded');
    expect(got.headers['x-off']).toBeUndefined();
  });

  test('params as text rewrite the URL and reach the server; a disabled line stays out', async ({ page }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${server.url}/items`);
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    await page.getByLabel('Params as text').fill('limit: 10\n//page: 2\nq: a b');
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${server.url}/items?limit=10&q=a b`);
    expect((await send(page)).url).toBe('/items?limit=10&q=a%20b');
  });

  test('a default header switched off under Headers is not sent; switched on again it is', async ({ page }) => {
    await page.getByLabel('URL', { exact: true }).fill(`${server.url}/defaults`);
    await page.getByRole('tab', { name: /Headers/ }).first().click();
    const added = page.getByRole('region', { name: 'Headers Clearance adds' });
    await expect(added).toContainText(/clearance\/\d/);
    await expect(added.getByRole('row').filter({ hasText: 'Host' })).toContainText(new URL(server.url).host);
    await added.getByRole('switch', { name: 'Send User-Agent' }).uncheck();
    await added.getByRole('switch', { name: 'Send Accept-Encoding' }).uncheck();
    await expect(added.getByRole('row').filter({ hasText: 'User-Agent' })).toContainText('not sent');
    await page.screenshot({ path: `${SHOTS}/request-default-headers.png` });
    const off = await send(page);
    expect(off.headers['user-agent']).toBeUndefined();
    expect(off.headers['accept-encoding']).toBeUndefined();
    expect(off.headers.accept).toBe('*/*');
    await added.getByRole('switch', { name: 'Send User-Agent' }).check();
    expect((await send(page)).headers['user-agent']).toMatch(/^clearance\//);
  });

  test('the JSON body says where it breaks, and Format pretty-prints it keeping {{variables}}', async ({ page }) => {
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('URL', { exact: true }).fill(`${server.url}/json`);
    await page.getByRole('tab', { name: /Body/ }).first().click();
    await page.getByRole('radio', { name: 'JSON' }).check();
    const editor = page.getByTestId('code-editor');
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{"a":1,"b":oops}', { delay: 5 });
    await expect(page.getByTestId('json-check')).toContainText('Line 1, column 12: unexpected character');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{"a":1,"list":[1,2]}', { delay: 5 });
    await expect(page.getByTestId('json-check')).toHaveText('Valid JSON');
    await page.getByRole('button', { name: 'Format' }).click();
    const got = await send(page);
    expect(got.body).toBe('{\n  "a": 1,\n  "list": [\n    1,\n    2\n  ]\n}');
    expect(got.headers['content-type']).toBe('application/json');
  });
});

test.describe('URL variables', () => {
  let own: ServeHandle | undefined;
  let dir: string | undefined;
  test.afterEach(async () => {
    await own?.stop();
    own = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('{{variables}} are coloured; the hover says the value and its scope, never a secret', async ({ page }) => {
    own = await startClearanceServe({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', E2E_URL_SECRET: 'sekret-9f31' } });
    dir = mkdtempSync(join(tmpdir(), 'clearance-ws-urlvars-'));
    writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Vars\nid: e2e-urlvars-0001\norder: [api]\n');
    mkdirSync(join(dir, 'api'));
    mkdirSync(join(dir, 'environments'));
    writeFileSync(join(dir, 'environments', 'dev.yaml'), `name: dev\nvariables:\n  base: ${server.url}\n  token:\n    secret: true\n    env: E2E_URL_SECRET\n`);
    writeFileSync(join(dir, 'api', 'folder.yaml'), 'name: API\norder: [get]\n');
    writeFileSync(join(dir, 'api', 'get.yaml'), 'name: Get item\nmethod: GET\nurl: "{{base}}/item?key={{token}}&x={{nope}}"\n');
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.goto(own.url);
    await openWorkspace(page, dir);
    await page.getByRole('treeitem', { name: 'GET Get item' }).click();
    await page.getByLabel('Environment', { exact: true }).selectOption('dev');
    await expect(page.getByTestId('resolved-url')).toContainText(server.url);

    const url = page.getByLabel('URL', { exact: true });
    const base = page.locator('.url-var[data-var="base"]');
    await expect(base).toHaveClass(/is-resolved/);
    await expect(page.locator('.url-var[data-var="nope"]')).toHaveClass(/is-missing/);
    await base.hover({ force: true });
    const card = page.getByRole('tooltip');
    await expect(card).toContainText(server.url);
    await expect(card).toContainText('from the environment dev');
    await expect(url).toHaveAttribute('aria-describedby', /var-card/);
    await page.screenshot({ path: `${SHOTS}/request-url-variable.png` });
    await page.locator('.url-var[data-var="token"]').hover({ force: true });
    await expect(card).toContainText('secret: the value is not shown');
    await expect(card).not.toContainText('sekret-9f31');
    await expect(page.getByTestId('resolved-url')).not.toContainText('sekret-9f31');
    await page.locator('.url-var[data-var="nope"]').hover({ force: true });
    await expect(card).toContainText('Unresolved');
  });
});
