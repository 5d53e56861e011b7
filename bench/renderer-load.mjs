// Renderer load: how much JavaScript the first paint needs and how long until the URL field is usable.
// Boots the BUILT renderer (`npx electron-vite build` first) through `clearance serve` in Debian
// Chromium, each run in a fresh browser context (empty cache). Prints medians; never asserts.
//   RUNS=7 node bench/renderer-load.mjs
// BEFORE=<another checkout, built> runs its serve too, alternating runs, and prints both columns: on a
// shared machine whose load changes from minute to minute only interleaved runs compare.
//   BEFORE=/tmp/before RUNS=9 node bench/renderer-load.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startServe } from './browser.mjs';
import { fmt, median } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const OUT = 'out/renderer';
const BEFORE = process.env.BEFORE;

/** What index.html makes the browser fetch before any code runs: the entry script and its modulepreloads. */
function staticInitialJs(root = '.') {
  const out = join(root, OUT);
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = srcs.reduce((n, s) => n + statSync(join(out, s)).size, 0);
  const all = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
  const total = all.reduce((n, f) => n + statSync(join(out, 'assets', f)).size, 0);
  return { files: srcs.length, bytes, total, chunks: all.length };
}

// Injected before the page's own scripts: records the first frame where #request-url exists and is enabled.
function watchUrlField() {
  const ready = () => {
    const el = document.getElementById('request-url');
    return el && !el.disabled && el.offsetParent !== null;
  };
  const check = () => {
    if (ready()) performance.mark('url-usable');
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function oneRun(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let jsBytes = 0;
  let usable = false;
  page.on('response', async (res) => {
    if (usable || res.request().resourceType() !== 'script') return;
    const len = Number(res.headers()['content-length'] ?? 0) || (await res.body()).length;
    jsBytes += len;
  });
  await page.addInitScript(watchUrlField);
  // Main-thread work (samples that are not idle) says what the page costs apart from the machine's load.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('url-usable').length > 0, null, { timeout: 30_000, polling: 'raf' });
  usable = true;
  const { profile } = await cdp.send('Profiler.stop');
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const busy = profile.samples.reduce((us, id, k) => (idle.has(id) ? us : us + (profile.timeDeltas[k] ?? 0)), 0) / 1000;
  const t = await page.evaluate(() => ({
    usable: performance.getEntriesByName('url-usable')[0].startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  await context.close();
  return { ...t, jsBytes, busy };
}

const home = mkdtempSync(join(tmpdir(), 'clearance-bench-home-'));
const builds = [{ name: 'this checkout', root: '.' }, ...(BEFORE ? [{ name: 'BEFORE', root: BEFORE }] : [])];
const browser = await launchChromium();
try {
  for (const b of builds) b.serve = await startServe(home, b.root);
  for (const b of builds) { await oneRun(browser, b.serve.url); b.runs = []; } // warm the OS file cache and the servers
  for (let i = 0; i < RUNS; i++) for (const b of builds) b.runs.push(await oneRun(browser, b.serve.url));
  const mb = (n) => `${fmt(n / 1e6, 2)} MB`;
  const ms = (xs) => `${fmt(median(xs), 0)} ms`;
  const col = (f) => builds.map((b) => f(b)).join(' | ');
  const of = (b, k) => b.runs.map((r) => r[k]);
  const s = builds.map((b) => staticInitialJs(b.root));
  console.log(`renderer load, ${RUNS} runs${BEFORE ? ' each, interleaved' : ''}, fresh browser context each (median); load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log(`| measure | ${col((b) => b.name)} |`);
  console.log(`|---|${col(() => '---')}|`);
  console.log(`| JS in index.html (entry + modulepreload) | ${s.map((x) => `${mb(x.bytes)} (${x.files} files)`).join(' | ')} |`);
  console.log(`| JS fetched until the URL field is usable | ${col((b) => mb(median(of(b, 'jsBytes'))))} |`);
  console.log(`| all JS in the bundle (loaded on use) | ${s.map((x) => `${mb(x.total)} (${x.chunks} files)`).join(' | ')} |`);
  console.log(`| DOMContentLoaded | ${col((b) => ms(of(b, 'dcl')))} |`);
  console.log(`| first contentful paint | ${col((b) => ms(of(b, 'fcp')))} |`);
  console.log(`| main-thread work until then (CPU profile, not idle) | ${col((b) => ms(of(b, 'busy')))} |`);
  console.log(`| navigation → URL field usable | ${col((b) => `${ms(of(b, 'usable'))} (min ${fmt(Math.min(...of(b, 'usable')), 0)}, max ${fmt(Math.max(...of(b, 'usable')), 0)})`)} |`);
} finally {
  await browser.close();
  for (const b of builds) await b.serve?.stop();
  rmSync(home, { recursive: true, force: true });
}
