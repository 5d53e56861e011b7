// A tab opened from a workspace file sends through the same path as a scratch tab: Cancel reaches
// the engine (the server sees the connection closed long before it would answer), the live
// timeline shows progress while the call is slow, and a pasted curl command's options (-k,
// --max-time) really go out with the request. Each check is made where the truth is: the server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCerts, type TestCerts } from '../support/certs';
import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';
import { openWorkspace, pasteIntoUrl } from './support/ui';

/** What the slow server saw per path: the request arrived, then the client left or the answer went out. */
const seen = new Map<string, 'arrived' | 'aborted' | 'answered'>();

/** Answers after 20 s unless the client goes away first (then records the abort). */
function slow(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  seen.set(path, 'arrived');
  const timer = setTimeout(() => {
    seen.set(path, 'answered');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('late');
  }, 20_000);
  res.on('close', () => {
    if (res.writableEnded) return;
    clearTimeout(timer);
    seen.set(path, 'aborted');
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

let http: Server;
let https: Server;
let httpPort: number;
let httpsPort: number;
let certs: TestCerts;
let dir: string;

test.beforeAll(async () => {
  certs = makeCerts();
  http = createHttp(slow);
  https = createHttps({ cert: readFileSync(certs.selfSigned.cert), key: readFileSync(certs.selfSigned.key) }, slow);
  httpPort = await listen(http);
  httpsPort = await listen(https);
  dir = mkdtempSync(join(tmpdir(), 'clearance-ws-filetab-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: File tabs\nid: e2e-file-tab-0001\ndefaults:\n  headers:\n    - name: X-Team\n      value: checkout\n');
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'team.yaml'), `name: team\nkind: api-key\nhosts:\n  - 127.0.0.1:${httpPort}\nkey:\n  secret: true\n  env: FILE_TAB_KEY\n`);
  writeFileSync(join(dir, 'keyed.yaml'), `name: Keyed call\nmethod: GET\nurl: http://127.0.0.1:${httpPort}/keyed\nkey: team\nheaders:\n  - name: X-Api-Key\n    value: mine\n`);
  writeFileSync(join(dir, 'slow-call.yaml'), `name: Slow call\nmethod: GET\nurl: http://127.0.0.1:${httpPort}/file-cancel\n`);
  writeFileSync(join(dir, 'tls-call.yaml'), `name: TLS call\nmethod: GET\nurl: http://127.0.0.1:${httpPort}/not-this-one\n`);
});

test.afterAll(async () => {
  for (const s of [http, https]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  certs.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function until(cond: () => boolean): Promise<void> {
  await expect.poll(cond, { timeout: 10_000 }).toBe(true);
}

test.describe('file tab sends', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 820 });
    await openApp();
    await openWorkspace(page, dir);
  });

  test('Cancel on a file tab aborts the request at the server; progress streams while it waits', async ({ page }) => {
    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'GET Slow call' }).click();
    // Send once the file's tab is the one shown (clicked earlier, it would belong to the tab before it)
    await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('Slow call');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await until(() => seen.get('/file-cancel') === 'arrived');
    const response = page.getByRole('region', { name: 'Response' });
    // The request.url event streamed from the backend while no response exists yet.
    await expect(response.getByRole('list', { name: 'Progress' })).toContainText(`GET http://127.0.0.1:${httpPort}/file-cancel`);
    await expect(response).toContainText('Waiting for the response');
    await page.screenshot({ path: `${SHOTS}/file-tab-sending.png` });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(response).toContainText('Request cancelled');
    // The truth is at the server: the connection closed without an answer (it would answer after 20 s).
    await until(() => seen.get('/file-cancel') === 'aborted');
  });

  test('a curl command pasted into a file tab sends its -k and --max-time', async ({ page }) => {
    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'GET TLS call' }).click();
    await pasteIntoUrl(page, `curl -k --max-time 3 https://127.0.0.1:${httpsPort}/pasted-options`);
    await expect(page.getByText(/Send options.*TLS verification off.*timeout 3 s/)).toBeVisible();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // -k: the self-signed server got the request (verification on would have failed the handshake).
    await until(() => seen.has('/pasted-options'));
    // --max-time 3: the engine gave up and closed the connection; the server would answer after 20 s.
    await until(() => seen.get('/pasted-options') === 'aborted');
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('3000 ms');
  });

  test('Copy as cURL on a file tab copies the prepared request: inherited header, the key over a same-named header, secret as {{name}}',
    async ({ page, context, serve }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
      await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'GET Keyed call' }).click();
      await page.getByRole('button', { name: 'Copy as cURL' }).click();
      await expect(page.getByText('Copied as cURL')).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`http://127.0.0.1:${httpPort}/keyed`);
      expect(copied).toContain("-H 'X-Team: checkout'");
      expect(copied).toContain("-H 'x-api-key: {{team_key}}'");
      expect(copied).not.toContain('mine');
      await expect(page.getByText('Left as {{name}}: team_key')).toBeVisible();
    });
});
