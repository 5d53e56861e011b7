// The window while a big response arrives and is shown: the longest main-thread task (the issue's
// goal: ≤ 100 ms) from Send until the body's first rows are on screen, then while the viewer pages
// the next MiB in from disk as it is scrolled to its end. A local server answers 50 MiB of JSON (one
// line, as APIs send it) in 64 KiB writes. Tasks are Chromium's own 'longtask' entries (≥ 50 ms) and,
// for the shorter ones, CDP tracing's RunTask events on the page's main thread.
// Boots the BUILT renderer (`npx electron-vite build` first) through `clearance serve`. Never asserts.
//   RUNS=5 node bench/renderer-long-tasks.mjs
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, median } from './lib.mjs';
import { launchChromium, startServe } from './browser.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const MIB = 1024 * 1024;
const SIZE = Number(process.env.MIB ?? 50) * MIB;

/** One JSON array of objects on a single line, SIZE bytes, built once. */
function bigJson() {
  const item = (i) => JSON.stringify({ id: i, name: `item ${i}`, tags: ['a', 'b'], price: i * 1.5, ok: i % 2 === 0 });
  const parts = ['['];
  let n = 1;
  for (let i = 0; n < SIZE - 200; i++) { const s = (i ? ',' : '') + item(i); parts.push(s); n += s.length; }
  parts.push(']');
  const body = Buffer.from(parts.join(''));
  return body.subarray(0, body.length); // close to SIZE; its exact length goes in the header
}

async function startBigServer(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    let at = 0;
    const pump = () => {
      while (at < body.length) {
        const end = Math.min(at + 64 * 1024, body.length);
        const more = res.write(body.subarray(at, end));
        at = end;
        if (!more) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/big.json`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

// Injected before the page's scripts: every long task, kept for the bench to read.
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** RunTask durations (wall and thread CPU, ms) on the renderer main thread of the traced page, between two trace timestamps. */
function mainThreadTasks(events, fromTs, toTs) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && e.ts >= fromTs && e.ts <= toTs);
  if (process.env.DEBUG) {
    for (const t of tasks.filter((x) => x.dur > 40_000)) {
      const inner = events.filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 5000);
      console.error(`task ${(t.dur / 1000).toFixed(0)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(0)}):`, inner.map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName} ${e.args.data.url?.replace(/^.*\//, '') ?? ''}:${e.args.data.lineNumber})` : ''} ${(e.dur / 1000).toFixed(0)}`).join(', '));
    }
  }
  return tasks.map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}

async function readTrace(cdp) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let data = '';
  for (let i = 0; i < 100_000; i++) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    data += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(data);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The page's clock (performance.now) as a trace timestamp: a mark read back from the trace. */
const markTs = (events, name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;

/** Resolves when the body's first rows are painted (two frames after they are in the DOM); marks it. */
function whenShown() {
  const viewer = () => document.querySelector('[role="document"][aria-label="Response body"]');
  return new Promise((resolve, reject) => {
    const give = performance.now() + 120_000;
    const check = () => {
      if (viewer()?.textContent?.includes('"id":0')) {
        requestAnimationFrame(() => requestAnimationFrame(() => {
          performance.mark('bench-shown');
          resolve(performance.getEntriesByName('bench-shown')[0].startTime - performance.getEntriesByName('bench-send')[0].startTime);
        }));
      } else if (performance.now() > give) reject(new Error('the body never showed'));
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** Scrolls the viewer to its end and resolves once the next page has added rows (painted); marks it. */
function whenPaged() {
  const viewer = document.querySelector('[role="document"][aria-label="Response body"]');
  const rows = () => document.querySelector('.tv-rows')?.getBoundingClientRect().height ?? 0;
  const before = rows();
  viewer.scrollTop = viewer.scrollHeight;
  return new Promise((resolve, reject) => {
    const give = performance.now() + 60_000;
    const check = () => {
      if (rows() > before) requestAnimationFrame(() => requestAnimationFrame(() => { performance.mark('bench-paged'); resolve(); }));
      else if (performance.now() > give) reject(new Error('no page came in'));
      else requestAnimationFrame(check);
    };
    check();
  });
}

async function oneRun(browser, appUrl, bigUrl) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(observeLongTasks);
  await page.goto(appUrl);
  const urlField = page.getByLabel('URL', { exact: true });
  await urlField.fill(bigUrl);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
  await page.evaluate(() => performance.mark('bench-send'));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  // Waits in the page, one rAF check a frame (Playwright's own polling would add tasks to the measure).
  const t = await page.evaluate(whenShown);
  // Scroll to the end of what is read: the viewer pages the next MiB in from disk.
  await page.evaluate(whenPaged);
  const events = await readTrace(cdp);
  const long = await page.evaluate(() => {
    const send = performance.getEntriesByName('bench-send')[0].startTime;
    const shown = performance.getEntriesByName('bench-shown')[0].startTime;
    const tasks = window.__longTasks.filter((e) => e.start >= send);
    return { shown: tasks.filter((e) => e.start < shown).map((e) => e.duration), paged: tasks.filter((e) => e.start >= shown).map((e) => e.duration) };
  });
  const [sendTs, shownTs, pagedTs] = ['bench-send', 'bench-shown', 'bench-paged'].map((n) => markTs(events, n));
  const tasksShown = sendTs && shownTs ? mainThreadTasks(events, sendTs, shownTs) : [];
  const tasksPaged = shownTs && pagedTs ? mainThreadTasks(events, shownTs, pagedTs) : [];
  await context.close();
  return {
    toShown: t,
    maxShown: Math.max(0, ...tasksShown.map((x) => x.wall), ...long.shown), longShown: long.shown.length,
    cpuShown: Math.max(0, ...tasksShown.map((x) => x.cpu)),
    maxPaged: Math.max(0, ...tasksPaged.map((x) => x.wall), ...long.paged), longPaged: long.paged.length,
    cpuPaged: Math.max(0, ...tasksPaged.map((x) => x.cpu)),
  };
}

const body = bigJson();
const big = await startBigServer(body);
const home = mkdtempSync(join(tmpdir(), 'clearance-bench-home-'));
const serve = await startServe(home);
const browser = await launchChromium();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, serve.url, big.url));
  const col = (k, d = 0) => `${fmt(median(runs.map((r) => r[k])), d)} (max ${fmt(Math.max(...runs.map((r) => r[k])), d)})`;
  console.log(`renderer long tasks, ${(body.length / MIB).toFixed(1)} MiB JSON response, ${RUNS} runs (median, max over runs); load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| Send → first rows of the body painted | ${col('toShown')} ms |`);
  console.log(`| longest main-thread task, Send → body shown | ${col('maxShown')} ms |`);
  console.log(`| most CPU time of one task, Send → body shown (thread clock: the machine's load does not add to it) | ${col('cpuShown')} ms |`);
  console.log(`| tasks ≥ 50 ms, Send → body shown | ${col('longShown')} |`);
  console.log(`| longest main-thread task, scrolled to the end: the next MiB paged in | ${col('maxPaged')} ms |`);
  console.log(`| most CPU time of one task while paging | ${col('cpuPaged')} ms |`);
  console.log(`| tasks ≥ 50 ms while paging | ${col('longPaged')} |`);
} finally {
  await browser.close();
  await serve.stop();
  await big.close();
  rmSync(home, { recursive: true, force: true });
}
