// The built renderer as the desktop window gets it: out/renderer files answered by the app://
// resolver (electron/main/app-protocol.ts) with exactly its headers and production CSP, served over
// a small local HTTP server because Chromium here cannot speak app://. The page's contract calls
// (/rpc, /events) are forwarded to a real `clearance serve`; the request it sends must reach a real
// server, Monaco's workers must start, and no CSP violation may be reported.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { APP_ORIGIN, CSP, resolveAppRequest } from '../../electron/main/app-protocol';
import { expect, test } from './support/fixtures';
import type { ServeHandle } from './support/serve';

const BUNDLE = resolve(import.meta.dirname, '../../out/renderer');

interface Running { origin: string; stop(): Promise<void> }
interface BundleServer extends Running { served: Array<{ path: string; status: number; csp?: string }> }
interface Received { method: string; path: string; body: string }

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stopper(server: Server): () => Promise<void> {
  return () => new Promise<void>((done) => {
    server.closeAllConnections(); // the page's event stream stays open otherwise
    server.close(() => done());
  });
}

/** The page's /rpc and /events go to `clearance serve` as if the page had been opened from it. */
function toServe(req: IncomingMessage, res: ServerResponse, serve: ServeHandle): void {
  const headers = { ...req.headers, host: `127.0.0.1:${serve.port}`, ...(req.headers.origin ? { origin: serve.origin } : {}) };
  const out = forward({ host: '127.0.0.1', port: serve.port, method: req.method, path: req.url, headers }, (back) => {
    res.writeHead(back.statusCode ?? 502, back.headers);
    back.pipe(res);
  });
  out.on('error', (err) => {
    // The test fails on the page's error; the status says where it came from.
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`forward to clearance serve failed: ${err.message}`);
  });
  req.pipe(out);
}

async function startBundleServer(serve: ServeHandle): Promise<BundleServer> {
  const served: BundleServer['served'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/rpc/') || path === '/events') return toServe(req, res, serve);
    // The same function and headers as protocol.handle('app', …) in the window.
    void resolveAppRequest(`${APP_ORIGIN}${path}`, BUNDLE, req.method).then((r) => {
      served.push({ path, status: r.status, csp: r.headers['content-security-policy'] });
      res.writeHead(r.status, r.headers);
      if (r.status === 200 && r.file && req.method === 'GET') createReadStream(r.file).pipe(res);
      else res.end(r.status === 200 ? undefined : `${r.status}: ${r.reason}`);
    });
  });
  const origin = await listen(server);
  return { origin, served, stop: stopper(server) };
}

/** The API the app calls: it records every request it receives. */
async function startRecordingServer(): Promise<Running & { received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: true, from: 'recording server' }));
    });
  });
  const origin = await listen(server);
  return { origin, received, stop: stopper(server) };
}

function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    forward({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    }).on('error', fail).end();
  });
}

test.describe('the built renderer under the production CSP', () => {
  let bundle: BundleServer;
  let api: Awaited<ReturnType<typeof startRecordingServer>>;

  test.beforeAll(async ({ serve }) => {
    expect(existsSync(`${BUNDLE}/index.html`), 'out/renderer must be built (npx electron-vite build)').toBe(true);
    bundle = await startBundleServer(serve);
    api = await startRecordingServer();
  });
  test.afterAll(async () => {
    await bundle?.stop();
    await api?.stop();
  });

  test('boots from the built files, starts Monaco workers and sends a request a real server receives', async ({ page, serve }) => {
    const cspConsole: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspConsole.push(m.text());
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));

    const first = await page.goto(`${bundle.origin}/?token=${serve.token}`);
    expect(first?.headers()['content-security-policy']).toBe(CSP);
    expect(first?.headers()['x-content-type-options']).toBe('nosniff');
    // The built page's own meta policy is no looser: no eval, nothing remote.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(`${BUNDLE}/index.html`, 'utf8'))?.[1];
    expect(meta).toContain("script-src 'self'");
    expect(`${meta} ${CSP}`).not.toMatch(/unsafe-eval|https?:\/\//);
    await expect(page.getByLabel('URL', { exact: true })).toBeVisible();

    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('URL', { exact: true }).fill(`${api.origin}/built?from=app-protocol`);
    await page.getByRole('tab', { name: /Body/ }).first().click();
    await page.getByRole('radio', { name: 'JSON' }).check();
    await page.getByTestId('code-editor').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('[1, 2, 3'); // Monaco closes the bracket itself
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
    await expect(page.getByRole('region', { name: 'Response' }).getByTestId('code-viewer')).toContainText('recording server');

    // Where the truth is: the API got the request, with the body typed into Monaco.
    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({ method: 'POST', path: '/built?from=app-protocol' });
    expect(api.received[0]!.body.replace(/\s/g, '')).toBe('[1,2,3]');
    // Monaco's workers are same-origin module scripts the CSP allows, served by the resolver.
    await expect.poll(() => workers.length).toBeGreaterThan(0);
    for (const w of workers) expect(w.startsWith(`${bundle.origin}/assets/`), w).toBe(true);
    const scripts = bundle.served.filter((s) => s.path.endsWith('.js'));
    expect(scripts.some((s) => s.path.includes('worker'))).toBe(true);
    for (const s of bundle.served) expect(s, s.path).toMatchObject({ status: 200, csp: CSP });
    expect(cspConsole).toEqual([]);
    const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(await violations()).toEqual([]);

    // The listeners above would have seen one: an injected inline script is refused, and reported.
    const ran = await page.evaluate(async () => {
      const el = document.createElement('script');
      el.textContent = '(window).__inlineRan = true';
      document.head.append(el);
      await new Promise((r) => setTimeout(r, 0));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    // One report per policy that refused it: the header's and the built page's meta.
    await expect.poll(violations).toEqual(['script-src-elem inline', 'script-src-elem inline']);
    await page.evaluate(() => { (window as unknown as { __csp: string[] }).__csp.length = 0; });
  });

  test('the same server refuses paths out of the bundle, as the app:// handler does', async () => {
    // Raw request lines: fetch() would fold the dots before they left the test.
    for (const path of ['/../../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%5c..%5cpackage.json', '//etc/passwd']) {
      const res = await rawGet(`${bundle.origin}`, path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('"name": "clearance"');
    }
  });
});
