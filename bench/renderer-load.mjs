// Renderer load: how much JavaScript the first paint needs and how long until the URL field is usable.
// Boots the BUILT renderer (`npx electron-vite build` first) through `clearance serve` in Debian
// Chromium, each run in a fresh browser context (empty cache). Prints medians; never asserts.
//   RUNS=7 node bench/renderer-load.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { fmt, median } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const OUT = 'out/renderer';

/** What index.html makes the browser fetch before any code runs: the entry script and its modulepreloads. */
function staticInitialJs() {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = srcs.reduce((n, s) => n + statSync(join(OUT, s)).size, 0);
  const all = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
  const total = all.reduce((n, f) => n + statSync(join(OUT, 'assets', f)).size, 0);
  return { files: srcs.length, bytes, total, chunks: all.length };
}

async function startServe(home) {
  const child = spawn(process.execPath, ['bin/clearance.mjs', 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', CLEARANCE_HOME: home },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clearance serve printed no URL:\n${output}`)), 15_000);
    const onData = (b) => {
      output += b.toString();
      const m = /Clearance UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}:\n${output}`)); });
  });
  return { url, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
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
const serve = await startServe(home);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  await oneRun(browser, serve.url); // warm the OS file cache and the server
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, serve.url));
  const s = staticInitialJs();
  const mb = (n) => `${fmt(n / 1e6, 2)} MB`;
  console.log(`renderer load, ${RUNS} runs, fresh browser context each (median); load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| JS in index.html (entry + modulepreload, ${s.files} files) | ${mb(s.bytes)} |`);
  console.log(`| JS fetched until the URL field is usable | ${mb(median(runs.map((r) => r.jsBytes)))} |`);
  console.log(`| all JS in the bundle (${s.chunks} files, loaded on use) | ${mb(s.total)} |`);
  console.log(`| DOMContentLoaded | ${fmt(median(runs.map((r) => r.dcl)), 0)} ms |`);
  console.log(`| first contentful paint | ${fmt(median(runs.map((r) => r.fcp)), 0)} ms |`);
  console.log(`| main-thread work until then (CPU profile, not idle) | ${fmt(median(runs.map((r) => r.busy)), 0)} ms |`);
  console.log(`| navigation → URL field usable | ${fmt(median(runs.map((r) => r.usable)), 0)} ms (min ${fmt(Math.min(...runs.map((r) => r.usable)), 0)}, max ${fmt(Math.max(...runs.map((r) => r.usable)), 0)}) |`);
} finally {
  await browser.close();
  await serve.stop();
  rmSync(home, { recursive: true, force: true });
}
