// Typing in a 5 MB JSON body in the request editor (Monaco): how long from a key press to the frame
// that shows it (the Event Timing API's duration: input → next paint, per key) and the longest
// main-thread task while typing. The body is pasted (over the editor's text), then KEYS keys are
// typed at a person's pace near its start. Boots the BUILT renderer through `clearance serve`.
// Never asserts.   RUNS=3 KEYS=30 node bench/renderer-typing.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, median } from './lib.mjs';
import { launchChromium, startServe } from './browser.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const KEYS = Number(process.env.KEYS ?? 30);
const SIZE = Number(process.env.MB ?? 5) * 1e6;

/** Pretty-printed JSON (as a person pastes it), SIZE characters. */
function bigBody() {
  const items = [];
  let n = 0;
  for (let i = 0; n < SIZE; i++) {
    const s = JSON.stringify({ id: i, name: `item ${i}`, tags: ['a', 'b'], nested: { price: i * 1.5, ok: i % 2 === 0 } }, null, 2);
    items.push(s);
    n += s.length + 2;
  }
  return `[\n${items.join(',\n')}\n]`;
}

// Injected before the page's scripts: key-to-paint per key (Event Timing) and every long task.
function observe() {
  window.__keys = [];
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown' && window.__typing) window.__keys.push(e.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (window.__typing) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
}

async function oneRun(browser, url, body) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(observe);
  await page.goto(url);
  await page.getByRole('tab', { name: /Body/ }).first().click();
  await page.getByRole('radio', { name: 'JSON' }).check();
  const editor = page.getByTestId('code-editor');
  await editor.locator('.view-lines').click({ timeout: 60_000 });
  // Through the clipboard, as a person pastes (typed text would be auto-closed and indented by Monaco).
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), body);
  await page.keyboard.press('ControlOrMeta+A');
  const pasted = Date.now();
  await page.keyboard.press('ControlOrMeta+V');
  await page.getByTestId('json-check').getByText('Valid JSON').waitFor({ timeout: 120_000 });
  const pasteMs = Date.now() - pasted;
  if (process.env.DEBUG) console.error('pasted in', pasteMs, 'ms');
  // Quiet, then type near the start: a string value edited the way a person does.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 5000 })));
  await page.evaluate(() => { window.__typing = true; });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Backspace' : 'x');
    await page.waitForTimeout(120); // a fast typist: ~8 keys a second
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const got = await page.evaluate(() => ({ keys: window.__keys, long: window.__longTasks }));
  await context.close();
  // Keys under 16 ms are not reported by Event Timing: count them as 16 (a frame).
  const keys = [...got.keys, ...Array(Math.max(0, KEYS - got.keys.length)).fill(16)];
  return { pasteMs, keyMedian: median(keys), keyMax: Math.max(...keys), longMax: Math.max(0, ...got.long), longCount: got.long.length };
}

const body = bigBody();
const home = mkdtempSync(join(tmpdir(), 'clearance-bench-home-'));
const serve = await startServe(home);
const browser = await launchChromium();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, serve.url, body));
  const col = (k) => `${fmt(median(runs.map((r) => r[k])), 0)} (max ${fmt(Math.max(...runs.map((r) => r[k])), 0)})`;
  console.log(`typing in a ${(body.length / 1e6).toFixed(1)} MB JSON body, ${KEYS} keys a run, ${RUNS} runs (median, max over runs); load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| paste → "Valid JSON" shown | ${col('pasteMs')} ms |`);
  console.log(`| key → painted, median of the keys | ${col('keyMedian')} ms |`);
  console.log(`| key → painted, slowest key | ${col('keyMax')} ms |`);
  console.log(`| longest main-thread task while typing | ${col('longMax')} ms |`);
  console.log(`| tasks ≥ 50 ms while typing | ${col('longCount')} |`);
} finally {
  await browser.close();
  await serve.stop();
  rmSync(home, { recursive: true, force: true });
}
