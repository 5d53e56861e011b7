#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary exists, else the same UI via `clearance serve`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function installedElectron() {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const full = join(dir, 'dist', rel);
    return existsSync(full) ? full : null;
  } catch {
    // No Electron binary installed: the caller falls back to `clearance serve` and says so.
    return null;
  }
}

/** Electron 45 fetches its binary on first run; do it here, quietly, with a time limit. */
function electronBinary() {
  const found = installedElectron();
  if (found) return found;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  console.error("Downloading Electron's binary (first run only)...");
  const r = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    const why = `${r.stderr ?? ''}`.split('\n').find((l) => l.trim()) ?? r.error?.message ?? 'unknown error';
    console.error(`Could not download it: ${why.trim()}`);
  }
  return installedElectron();
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
    : "Electron's binary is not available here, so the desktop window cannot open: starting the same UI with `clearance serve` instead.");
  run(process.execPath, ['bin/clearance.mjs', 'serve', ...process.argv.slice(2)]);
}
