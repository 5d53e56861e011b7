// The CLI as a V8 startup snapshot (Node's user-land snapshot, `node --build-snapshot`): this module
// is bundled into one CommonJS script (scripts/build-cli-snapshot.ts), Node runs it once at build
// time and keeps the heap it leaves: commander's program code, the run command, the engine, the zod
// schemas and the explainer already loaded, its index seeded and its code compiled to bytecode by a
// few neutral refusals. `bin/clearance` starts `node --snapshot-blob` with it for `run` when the blob
// was built by this very node binary; every other case starts the plain CLI (out/main/cli.js).
// Opt-in (the package's bin stays clearance.mjs; README, issue 12). Node holds the blob for the
// whole process besides the heap made from it, so every byte of the heap counts twice: the build
// minifies the script (its text stays in the heap), keeps it ASCII (one byte a character) and leaves
// zod's other languages out (scripts/build-cli-snapshot.ts).
//
// Nothing from the build's environment may stay in the heap: the builder runs with an empty
// environment (scripts/build-cli-snapshot.ts), no module of the CLI reads process.env, the clock or
// the working folder while it loads, and the deserialized main reads argv, env and cwd when it runs.
import { dirname, resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { main } from './index';
import { youngCollector } from './short-process';
import { setLetGoCollector } from '../engine/let-go';
import type { ExplainInput } from '../../shared/explain/types';

/**
 * Generic refusals (not the bench's): explaining them once at build time seeds the explainer's
 * anchor index and compiles the shared rules' and producers' code, which the snapshot keeps. explain()
 * is pure, so this changes no later answer (test/integration/cli/snapshot.test.ts compares outputs).
 */
const json: [string, string][] = [['content-type', 'application/json']];
const WARM_REFUSALS: ExplainInput[] = [
  { status: 401, headers: [...json, ['www-authenticate', 'Bearer error="invalid_token"']], body: JSON.stringify({ error: 'invalid_token', error_description: 'The access token expired' }) },
  { status: 403, headers: json, body: JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' } }) },
  { status: 429, headers: [...json, ['retry-after', '30']], body: JSON.stringify({ message: 'Too many requests, slow down' }) },
  { status: 403, headers: [['content-type', 'text/html; charset=utf-8'], ['server', 'Apache']],
    body: '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>You do not have permission to access this resource.</p></body></html>' },
  { status: 404, headers: [['content-type', 'text/plain']], body: 'Not Found' },
];

// Loaded now, so the snapshot holds them evaluated (the bundle turns these into synchronous module
// inits resolved in a microtask; the builder drains them before it writes the heap).
void Promise.all([import('./commands/run'), import('../../shared/explain/explain'), import('../../shared/explain/light-gate')]).then(([, explainer]) => {
  for (const refusal of WARM_REFUSALS) explainer.explain(refusal);
});

startupSnapshot.setDeserializeMainFunction(() => {
  // argv[1] is the script named after the blob (out/main/cli-snapshot.cjs): its folder stands for
  // import.meta.dirname (paths.ts) and holds undici's bundle (see the build script's require shim).
  (globalThis as { __clearanceDir?: string }).__clearanceDir = dirname(resolve(process.argv[1] ?? '.'));
  // The short-process V8 flags (short-process.ts) are on node's command line, at build and at start
  // (scripts/build-cli-snapshot.ts writes them into the key, bin/clearance passes them): set here,
  // after deserialisation, 1 start in 10-30 crashed (SIGSEGV) under load.
  setLetGoCollector(youngCollector());
  void main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
});
