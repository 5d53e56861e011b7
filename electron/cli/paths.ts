import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The package root: the CLI runs from out/main/ (built) or electron/cli/ (tests via vite-node). */
export function packageRoot(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'clearance') return dir;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  return resolve(import.meta.dirname, '../..');
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // Shown by --version and app.info only: an unreadable package.json must not stop the CLI.
    return '0.0.0';
  }
}

export function rendererDir(): string {
  return join(packageRoot(), 'out', 'renderer');
}
