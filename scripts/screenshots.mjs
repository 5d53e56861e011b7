#!/usr/bin/env node
// `npm run screenshots [-- <spec>…]`: the e2e specs take their screenshots into a temporary folder
// (a test run never writes tracked files), then this copies every picture taken to docs/screenshots/
// and names the README's pictures that are still missing there. Build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCS = 'docs/screenshots';
const shots = mkdtempSync(join(tmpdir(), 'clearance-shots-'));
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CLEARANCE_SHOTS: shots } });
const taken = readdirSync(shots).filter((f) => f.endsWith('.png'));
for (const f of taken) copyFileSync(join(shots, f), join(DOCS, f));
rmSync(shots, { recursive: true, force: true });
console.log(`${taken.length} screenshot(s) copied to ${DOCS}/`);
const missing = [...readFileSync('README.md', 'utf8').matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)]
  .map((m) => m[1]).filter((f) => !existsSync(join(DOCS, f)));
if (missing.length > 0) console.error(`README pictures missing from ${DOCS}/: ${[...new Set(missing)].join(', ')}`);
process.exit(run.status ?? 1);
