#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary exists, else the same UI via `clearance serve`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron'); // the npm package exports the binary's path, or throws if it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (!existsSync(new URL('../out/main/index.js', import.meta.url))) {
  console.error('Clearance is not built yet: run `npm install` (or `npm run build`) first.');
  process.exit(2);
}
const electron = process.env.CLEARANCE_NO_ELECTRON ? null : electronBinary();
if (electron && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux')) {
  run(electron, ['.']);
} else {
  console.error(electron
    ? 'No display found, so the desktop window cannot open: starting the same UI with `clearance serve` instead.'
    : "Electron's binary is not installed here (it downloads on first run and this machine is offline): starting the same UI with `clearance serve` instead.");
  run(process.execPath, ['bin/clearance.mjs', 'serve', ...process.argv.slice(2)]);
}
