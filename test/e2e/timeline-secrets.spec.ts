// Issue 14: the Timeline panel masks every sent header that holds a secret until the user reveals
// it — not only a key profile's headers. Here an environment secret (from an env var of the serve
// process) rides in a header the user wrote, `X-Sig: {{sig}}`. The recorder proves it was sent;
// the whole page's DOM, with the event list open, never holds the value before Reveal secrets.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from './support/fixtures';
import { startRecorder, type Recorder } from './support/recorder';
import { startClearanceServe, type ServeHandle } from './support/serve';
import { openWorkspace } from './support/ui';

const SIG = 'sig-secret-e2e-4c1d8b';

const test = base.extend<object, { serve: ServeHandle }>({
  serve: [async ({}, use) => {
    const s = await startClearanceServe({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', E2E_TIMELINE_SIG: SIG } });
    await use(s);
    await s.stop();
  }, { scope: 'worker' }],
});

let recorder: Recorder;
test.beforeAll(async () => {
  recorder = await startRecorder((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
test.afterAll(async () => { await recorder.close(); });

function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-timeline-secrets-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Signed\nid: e2e-timeline-secrets-0001\n');
  mkdirSync(join(dir, 'environments'));
  writeFileSync(join(dir, 'environments', 'dev.yaml'),
    `name: dev\nvariables:\n  base: ${recorder.url}\n  sig:\n    secret: true\n    env: E2E_TIMELINE_SIG\n`);
  writeFileSync(join(dir, 'signed.yaml'),
    'name: Signed call\nmethod: GET\nurl: "{{base}}/signed"\nheaders:\n  - name: X-Sig\n    value: "{{sig}}"\n  - name: X-Trace\n    value: trace-visible\n');
  writeFileSync(join(dir, 'query.yaml'), 'name: Query call\nmethod: GET\nurl: "{{base}}/query?sig={{sig}}&page=2"\n');
  return dir;
}

/** Opens the workspace, sends one of its requests in the dev environment, and opens the Timeline's event list. */
async function sendAndOpenTimeline(page: Page, serve: ServeHandle, request: string, path: string): Promise<Locator> {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(serve.url);
  await openWorkspace(page, makeWorkspace());
  await page.getByRole('treeitem', { name: request }).click();
  await page.getByLabel('Environment', { exact: true }).selectOption('dev');
  await expect(page.getByTestId('resolved-url')).toContainText(`${recorder.url}${path}`);
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByLabel('Response status', { exact: true })).toContainText('200');
  await response.getByRole('tab', { name: 'Timeline' }).click();
  await response.getByRole('button', { name: /Events \(\d+\)/ }).click();
  return response;
}

test('an environment secret in a user header is masked in the wire view and the event list until revealed', async ({ page, serve }) => {
  const response = await sendAndOpenTimeline(page, serve, 'GET Signed call', '/signed');
  // The truth: the server received the secret in the header.
  expect(recorder.seen.at(-1)?.headers['x-sig']).toBe(SIG);
  const events = response.locator('.tl-event', { hasText: /X-Sig:/ });
  await expect(events.first()).toContainText('X-Sig: sig-…8b ••••');
  await expect(response.locator('.tl-event', { hasText: 'X-Trace: trace-visible' }).first()).toBeVisible();
  const sigRow = response.locator('tr', { hasText: /^x-sig/i }).first();
  await expect(sigRow).toBeVisible();
  // Nowhere in the page before the user asks: not in a cell, an attribute or a hidden node.
  expect(await page.content()).not.toContain(SIG);

  await response.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(sigRow).toContainText(SIG);
  await expect(events.first()).toContainText(`X-Sig: ${SIG}`);
  await response.getByRole('button', { name: 'Hide secrets' }).click();
  await expect(events.first()).not.toContainText(SIG);
  expect(await page.content()).not.toContain(SIG);
});

test('an environment secret in the query is masked in the request line and the events until revealed', async ({ page, serve }) => {
  const response = await sendAndOpenTimeline(page, serve, 'GET Query call', '/query');
  expect(recorder.seen.at(-1)?.url).toBe(`/query?sig=${SIG}&page=2`);
  const line = response.locator('.wire-line');
  await expect(line).toHaveText('GET /query?sig=sig-…8b ••••&page=2 HTTP/1.1');
  await expect(response.locator('.tl-event', { hasText: 'Request' }).first()).toContainText('sig=sig-…8b ••••&page=2');
  expect(await page.content()).not.toContain(SIG);
  await response.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(line).toHaveText(`GET /query?sig=${SIG}&page=2 HTTP/1.1`);
});
