// What the browser benchmarks share: `clearance serve` from a checkout's built files, and Debian
// Chromium launched as Playwright drives it. Each run of a benchmark owns what it starts and stops it.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

/** Starts `clearance serve` of the checkout at `cwd` (its out/ must be built); resolves with its URL. */
export async function startServe(home, cwd = process.cwd()) {
  const child = spawn(process.execPath, ['bin/clearance.mjs', 'serve'], {
    cwd,
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

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}
