// Bundles bench/engine-vs-undici.ts the way the app ships (rolldown, no TS loader in the hot path), then runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(tmpdir(), 'clearance-bench-engine');
mkdirSync(out, { recursive: true });
if (!existsSync(join(out, 'node_modules'))) symlinkSync(join(process.cwd(), 'node_modules'), join(out, 'node_modules'));
const build = spawnSync('npx', ['rolldown', 'bench/engine-vs-undici.ts', '--platform', 'node', '--format', 'esm', '-d', out, '--external', 'undici'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [join(out, 'engine-vs-undici.js')], { stdio: 'inherit', env: process.env });
process.exit(run.status ?? 1);
