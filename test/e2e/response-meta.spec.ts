// The status line and the timeline's waterfall against a server whose answer is known byte for byte
// and which holds its first byte for a known while: the body size on the wire is what the server
// wrote, the protocol what it spoke, and the waiting phase at least the hold (a lower bound, never
// a flaky upper one). Gzip shows the decoded size beside the wire size.
import { gzipSync } from 'node:zlib';
import { startHttp, type TestServer } from '../support/servers';
import { expect, test } from './support/fixtures';

const BODY = JSON.stringify({ answer: 'x'.repeat(700) });
const HOLD_MS = 300;
let server: TestServer;

test.beforeAll(async () => {
  server = await startHttp((req, res) => {
    if (req.url === '/gzip') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(BODY));
      return;
    }
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY.length) }).end(BODY), HOLD_MS);
  });
});
test.afterAll(async () => { await server.close(); });

test('status, time, size and protocol as the server made them; the waterfall holds the wait', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await page.getByLabel('URL', { exact: true }).fill(`${server.url}/held`);
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const line = response.getByLabel('Response status');
  await expect(line).toContainText('200');
  await expect(line).toContainText('HTTP/1.1');
  await expect(line.getByTitle(/^Headers \d+ B, body/)).toHaveAttribute('title', new RegExp(`body ${BODY.length} B on the wire$`));
  const time = Number(/(\d+) ms/.exec((await line.getByTitle('Total time').textContent()) ?? '')?.[1]);
  expect(time).toBeGreaterThanOrEqual(HOLD_MS);

  await response.getByRole('tab', { name: 'Timeline' }).click();
  const timings = response.getByRole('table', { name: 'Timings' });
  const cell = (label: string) => timings.getByRole('row').filter({ hasText: label }).getByRole('cell').last();
  await expect(cell('TLS handshake')).toHaveText('—'); // plain http
  const ttfb = Number(/(\d+) ms/.exec((await cell('Waiting (TTFB)').textContent()) ?? '')?.[1]);
  expect(ttfb).toBeGreaterThanOrEqual(HOLD_MS - 5);
  expect(ttfb).toBeLessThanOrEqual(time);

  await page.getByLabel('URL', { exact: true }).fill(`${server.url}/gzip`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(line.locator('.meta-sub')).toHaveText(` (${BODY.length} B decoded)`);
  await expect(line.getByTitle(/^Headers/)).toHaveAttribute('title', new RegExp(`body ${gzipSync(BODY).length} B on the wire, ${BODY.length} B decoded$`));
});
