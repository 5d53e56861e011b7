#!/usr/bin/env node
// The published bin: runs the bundled CLI (built by `npm install` via the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('clearance: not built yet: run `npm run build` in the Clearance folder (npm install does it too)\n');
  process.exit(2);
}
await import(cli);
