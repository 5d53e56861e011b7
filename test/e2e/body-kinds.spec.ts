// The body editors other than Monaco, as a user fills them, checked at a recording server: a form
// table (a disabled field stays out), multipart with a text part and a file part read from disk
// (the browser UI types the path), and a binary file sent byte for byte.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ownServeEach } from './support/own-serve';
import { startRecorder, type Recorder } from './support/recorder';

let api: Recorder;
const own = ownServeEach(); // here only for its scratch folders
test.beforeAll(async () => {
  api = await startRecorder((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('stored'));
});
test.afterAll(async () => { await api.close(); });

async function bodyKind(page: Page, path: string, kind: string): Promise<void> {
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${api.url}${path}`);
  await page.getByRole('tab', { name: /Body/ }).first().click();
  await page.getByRole('radio', { name: kind }).check();
}

async function send(page: Page): Promise<void> {
  const before = api.seen.length;
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
  expect(api.seen).toHaveLength(before + 1);
}

test.describe('body editors', () => {
  test.beforeEach(async ({ page, openApp }) => {
    api.seen.length = 0;
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('a form table: the enabled fields arrive URL-encoded, the disabled one not at all', async ({ page }) => {
    await bodyKind(page, '/form', 'Form URL-encoded');
    await page.getByLabel('New field name').fill('q');
    await page.getByLabel('Field 1 value').fill('a b&c');
    await page.getByLabel('New field name').fill('off');
    await page.getByLabel('Field 2 value').fill('never');
    await page.getByLabel('Enable field 2').uncheck();
    await send(page);
    expect(api.seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(api.seen[0]!.body)]).toEqual([['q', 'a b&c']]);
  });

  test('multipart: a text part and a file part, the file read from disk', async ({ page }) => {
    const file = join(own.scratch('clearance-parts-'), 'report.csv');
    writeFileSync(file, 'id,total\n1,42\n');
    await bodyKind(page, '/upload', 'Multipart');
    await page.getByLabel('New part name').fill('note');
    await page.getByLabel('Part 1 value').fill('quarterly');
    await page.getByLabel('New part name').fill('doc');
    await page.getByLabel('Part type').nth(1).selectOption('file');
    await page.getByLabel('Part 2 value').fill(file);
    await send(page);
    const got = api.seen[0]!;
    const boundary = /boundary=(.+)$/.exec(got.headers['content-type'] ?? '')?.[1];
    expect(boundary, got.headers['content-type']).toBeTruthy();
    expect(got.body).toContain('Content-Disposition: form-data; name="note"\r\n\r\nquarterly\r\n');
    expect(got.body).toMatch(/Content-Disposition: form-data; name="doc"; filename="report\.csv"\r\n(Content-Type: [^\r]+\r\n)?\r\nid,total\n1,42\n\r\n/);
  });

  test('a binary file is sent byte for byte with its content type', async ({ page }) => {
    const file = join(own.scratch('clearance-binary-'), 'blob.bin');
    writeFileSync(file, 'binary-\u00e9-payload');
    await bodyKind(page, '/blob', 'Binary file');
    await page.getByLabel('File path').fill(file);
    await page.getByLabel('Content type').fill('application/octet-stream');
    await send(page);
    expect(api.seen[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(api.seen[0]!.body).toBe('binary-\u00e9-payload');
  });
});
