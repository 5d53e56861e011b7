#!/usr/bin/env node
// `npm test`: build, Vitest (unit, integration, contract), Playwright (e2e in Debian Chromium),
// then one closing line "N passed, N failed" that covers both runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const only = (name) => args.length === 0 || args.includes(name);
mkdirSync('test-results', { recursive: true });
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

function run(cmd, cmdArgs, extraEnv = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

let failedSteps = 0;
if (!process.env.CLEARANCE_SKIP_BUILD && run('npx', ['electron-vite', 'build']) !== 0) {
  console.error('build failed');
  process.exit(1);
}
let passed = 0, failed = 0, skipped = 0;
if (only('vitest')) {
  rmSync('test-results/vitest.json', { force: true });
  if (run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']) !== 0) failedSteps++;
  if (existsSync('test-results/vitest.json')) {
    const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
    passed += v.numPassedTests; failed += v.numFailedTests; skipped += v.numPendingTests + v.numTodoTests;
  } else failed++;
}
if (only('e2e')) {
  rmSync('test-results/playwright.json', { force: true });
  if (run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' }) !== 0) failedSteps++;
  if (existsSync('test-results/playwright.json')) {
    const s = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats;
    passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
  } else failed++;
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps > 0 || passed === 0 ? 1 : 0);
