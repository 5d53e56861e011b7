// Settings (Ctrl/Cmd+, or the palette) as a user changes them, each proven where it acts: an
// HTTP/2 server sees HTTP/2, a proxy receives the request, a private CA's server is trusted, the
// history keeps only N entries, and the theme survives a new browser session (kept by the backend).
import { readFileSync } from 'node:fs';
import { createServer as createH2, type Http2Server, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { makeCerts, type TestCerts } from '../support/certs';
import { startHttps, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';
import { startRecorder, type Recorder } from './support/recorder';
import { resetSettings } from './support/settings';
import { SHOTS } from './support/shots';

let api: Recorder;
let h2: Http2Server;
let h2Url: string;
const h2Seen: string[] = [];
const h2Sessions = new Set<ServerHttp2Session>();
let certs: TestCerts;
let tlsServer: TestServer;

test.beforeAll(async () => {
  api = await startRecorder((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  h2 = createH2((req, res) => {
    h2Seen.push(req.httpVersion);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('spoken over HTTP/2');
  });
  h2.on('session', (s) => h2Sessions.add(s));
  await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r));
  h2Url = `http://127.0.0.1:${(h2.address() as AddressInfo).port}`;
  certs = makeCerts();
  tlsServer = await startHttps({ cert: readFileSync(certs.server.cert), key: readFileSync(certs.server.key) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('trusted through the CA file');
  });
});

test.afterAll(async () => {
  await api.close();
  await tlsServer.close();
  for (const s of h2Sessions) s.destroy(); // the app keeps its HTTP/2 session open
  await new Promise<void>((r) => h2.close(() => r()));
  certs.cleanup();
});

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+,');
  await expect(settings(page).getByRole('radiogroup', { name: 'HTTP version' })).toBeVisible();
}

async function sendTo(page: Page, url: string, status: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText(status);
}

async function commit(page: Page, label: string, value: string): Promise<void> {
  const input = settings(page).getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

test.describe('settings', () => {
  test.beforeEach(async ({ page, openApp }) => {
    api.seen.length = 0;
    h2Seen.length = 0;
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });
  test.afterEach(async ({ request, serve }) => { await resetSettings(request, serve); });

  test('HTTP version: with HTTP/2 chosen the server is spoken to in HTTP/2', async ({ page }) => {
    await openSettings(page);
    await settings(page).getByRole('radio', { name: 'HTTP/2' }).check();
    await expect(settings(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await settings(page).getByRole('button', { name: 'Done' }).click();
    // The status bar says what the next send asks for, then what the response spoke.
    const http = page.getByRole('contentinfo', { name: 'Status bar' }).getByLabel(/^HTTP: /);
    await expect(http).toHaveText('HTTP/2');
    await expect(http.locator('..')).toHaveAttribute('title', /next send asks for HTTP\/2 \(Settings\)/);
    await sendTo(page, `${h2Url}/over-h2`, '200');
    expect(h2Seen).toEqual(['2.0']);
    await expect(http.locator('..')).toHaveAttribute('title', /last response came over HTTP\/2/);
    // Kept by the backend: a reload shows the same choice.
    await page.reload();
    await expect(page.getByLabel('URL', { exact: true })).toBeVisible();
    await openSettings(page);
    await expect(settings(page).getByRole('radio', { name: 'HTTP/2' })).toBeChecked();
  });

  test('proxy: a send goes through it; a proxy with credentials is refused where it was typed', async ({ page }) => {
    await openSettings(page);
    await commit(page, 'Proxy URL', 'http://user:secret@127.0.0.1:3128');
    await expect(settings(page).getByRole('alert')).toContainText('no user:password@');
    await expect(settings(page).getByLabel('Proxy URL', { exact: true })).toHaveValue('http://user:secret@127.0.0.1:3128');
    await commit(page, 'Proxy URL', api.url);
    await expect(settings(page).getByRole('alert')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await sendTo(page, 'http://orders.example.test/v1/orders?limit=2', '200');
    expect(api.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET http://orders.example.test/v1/orders?limit=2']);
  });

  test('CA certificates: a server with a private CA fails, then is trusted once the CA file is set', async ({ page }) => {
    const url = `https://localhost:${tlsServer.port}/private`;
    await page.getByLabel('URL', { exact: true }).fill(url);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByRole('alert')).toContainText(/certificate/i);
    await openSettings(page);
    await commit(page, 'CA certificates file', '/nonexistent/ca.pem');
    await expect(settings(page).getByRole('alert')).toContainText('/nonexistent/ca.pem');
    await commit(page, 'CA certificates file', certs.caPath);
    await expect(settings(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.keyboard.press('Escape');
    await sendTo(page, url, '200');
  });

  test('history size: only the newest N sends stay', async ({ page }) => {
    await openSettings(page);
    await commit(page, 'History size', '2');
    await expect(settings(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.keyboard.press('Escape');
    for (const n of [1, 2, 3]) await sendTo(page, `${api.url}/kept-${n}`, '200');
    expect(api.seen).toHaveLength(3);
    await page.reload();
    const list = page.getByRole('list', { name: 'Recent sends' }).getByRole('listitem');
    await expect(list).toHaveCount(2);
    await expect(list.nth(0)).toContainText('kept-3');
    await expect(list.nth(1)).toContainText('kept-2');
  });

  test('theme: chosen in Settings, kept by the backend for a new browser session; screenshots', async ({ page, browser, serve }) => {
    await openSettings(page);
    await page.screenshot({ path: `${SHOTS}/settings-light.png`, animations: 'disabled' });
    await settings(page).getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(settings(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-dark.png`, animations: 'disabled' });

    // A fresh context has no localStorage: the dark theme comes from the backend's settings.
    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(serve.url);
    await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await fresh.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(28, 30, 34)');
    await other.close();
  });
});
