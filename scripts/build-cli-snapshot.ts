// Builds the CLI's startup snapshot (README, issue 12): `npm run build:cli-snapshot`, or
// `tsx scripts/build-cli-snapshot.ts [outDir]`; bundles from the sources, so it needs no other build
// step (bin/clearance's fallback, the plain CLI, needs `npm run build`). Writes to outDir (default out/main):
//   cli-snapshot.cjs    the CLI as one CommonJS script (electron/cli/snapshot-entry.ts), what
//                       `node --build-snapshot` runs; also argv[1] of a snapshot start
//   undici-agent.cjs    undici's Agent, loaded from disk at run time (its module graph reads
//                       node:http and node:tls, which a snapshot cannot hold)
//   cli-snapshot.blob   the heap, made by this node binary with an empty environment, written atomically
//   cli-snapshot.key    what bin/clearance checks before it uses the blob: the size and mtime of the node
//                       binary that made it, the blob's size (a partly written blob never matches), and
//                       the V8 flags it was made with, which node must be started with to load it
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { define } from '../electron.vite.config';
import { REGEXP_FLAG, shortProcessFlags } from '../electron/cli/short-process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The same packages the vite build bundles (electron.vite.config.ts) minus undici (see above).
const INLINE = new Set(['zod', 'commander', 'yaml']);
// Built-in modules a snapshot cannot hold (their bindings are not registered for it): required
// when first used at run time instead.
const LATER_BUILTINS = /^(node:)?(tls|https|http|http2|net|dns|child_process|worker_threads)$/;

/**
 * Wraps the bundle: its `require` gives the built-ins a snapshot can hold at once, and for the rest
 * (and undici, from undici-agent.cjs next to the script) a stand-in that loads the module on first
 * use, after deserialisation. Loading one of them while the snapshot is built is an error.
 */
function wrap(bundle: string): string {
  return `'use strict';
(function (builtinRequire) {
const { isBuiltin, createRequire } = builtinRequire('node:module');
const LATER_BUILTINS = ${LATER_BUILTINS.toString()};
const FILES = { 'undici/lib/dispatcher/agent.js': './undici-agent.cjs' };
const building = () => !globalThis.__clearanceDir;
let fromDisk;
const load = (id) => {
  if (isBuiltin(id)) return builtinRequire(id);
  fromDisk ??= createRequire(globalThis.__clearanceDir + '/');
  return fromDisk(FILES[id] ?? id);
};
const later = (id) => {
  let m;
  const get = () => {
    if (building()) throw new Error('the CLI snapshot cannot hold ' + id + ': it is used while the snapshot is built');
    return (m ??= load(id));
  };
  return new Proxy(function () {}, {
    get: (_, k) => (building() && (k === '__esModule' || typeof k === 'symbol') ? undefined : get()[k]),
    has: (_, k) => k in get(),
    ownKeys: () => (building() ? ['prototype'] : [...new Set([...Reflect.ownKeys(get()), 'prototype'])]),
    construct: (_, args) => Reflect.construct(get(), args),
    apply: (_, self, args) => Reflect.apply(get(), self, args),
  });
};
const require = (id) => {
  if (!building()) return load(id);
  if (isBuiltin(id) && !LATER_BUILTINS.test(id)) return builtinRequire(id);
  return later(id);
};
${bundle}
})(require);
`;
}

/** `?raw` imports (the script sandbox's isolate sources), as vite reads them: the file's text. */
const raw: Plugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
  },
};

/** Packages other than INLINE stay require()s (resolved from node_modules at run time, as the vite build does). */
const externals: Plugin = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      if (a.path.startsWith('node:')) return { external: true };
      const name = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : (a.path.split('/')[0] ?? a.path);
      return INLINE.has(name) ? undefined : { external: true };
    });
  },
};

/**
 * zod's error messages in languages other than English (~390 KB of source): the CLI never selects
 * one (z.config is not called), and the snapshot keeps every byte of its script's text in the heap
 * and again in the blob, which Node holds for the whole process. Each becomes a stub that throws.
 */
const ZOD_LOCALE = /[\\/]zod[\\/]v4[\\/]locales[\\/][^\\/]+\.js$/;
const ZOD_KEPT = /[\\/](en|index)\.js$/;
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: ZOD_LOCALE }, (a) => (ZOD_KEPT.test(a.path) ? undefined : {
      contents: 'export default function () { throw new Error("this zod locale is left out of the CLI snapshot"); }', loader: 'js',
    }));
  },
};

/**
 * Every character past ASCII as a \u escape. esbuild escapes them in strings but leaves regular
 * expression literals as written (the explainer's Chinese words, "…"), and one such character makes V8
 * hold the script's whole text as two-byte (2 bytes a character, in the heap and in the blob). After
 * minification (no comments left) they stand in regular expressions, strings and identifiers, where
 * \uXXXX (one per UTF-16 unit) means the same character; a regular expression's .source then shows
 * the escape, which the explainer's literal reader (regex-literals.ts, used only where the build put
 * no anchor table) takes as the end of a literal: a weaker anchor, never another answer.
 */
export function asciiOnly(text: string): string {
  // after a backslash the escape would change meaning (\\ then u...): not met today, refused if it is
  const escaped = /\\[^\0-\x7f]/.exec(text);
  if (escaped) throw new Error(`a character past ASCII after a backslash (${JSON.stringify(text.slice(escaped.index - 20, escaped.index + 20))})`);
  return text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface SnapshotFiles { script: string; blob: string; key: string; undici: string }

/** The key bin/clearance reads: node binary size and mtime (seconds), the blob's size, the V8 flags. */
export function snapshotKey(nodeBinary: string, blob: string, flags: string[]): string {
  const n = statSync(nodeBinary);
  return `${n.size} ${Math.floor(n.mtimeMs / 1000)}\n${statSync(blob).size}\n${flags.join(' ')}\n`;
}

export async function buildCliSnapshot(outDir = join(ROOT, 'out', 'main'), node = process.execPath): Promise<SnapshotFiles> {
  mkdirSync(outDir, { recursive: true });
  const files: SnapshotFiles = {
    script: join(outDir, 'cli-snapshot.cjs'), blob: join(outDir, 'cli-snapshot.blob'),
    key: join(outDir, 'cli-snapshot.key'), undici: join(outDir, 'undici-agent.cjs'),
  };
  // A stale key must never describe a new blob: it goes first and comes back last.
  rmSync(files.key, { force: true });
  const cli = await build({
    entryPoints: [join(ROOT, 'electron/cli/snapshot-entry.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    write: false, logLevel: 'warning', plugins: [raw, externals, zodEnglishOnly],
    // Its text stays in memory for the whole process (heap and blob): minified, with the names kept
    // (error classes, zod's and commander's classes read their own names).
    minify: true, keepNames: true,
    define: { ...define, 'import.meta.dirname': 'globalThis.__clearanceDir' },
  });
  const text = cli.outputFiles?.[0]?.text;
  if (!text) throw new Error('esbuild wrote no CLI bundle');
  writeFileSync(files.script, asciiOnly(wrap(text)));
  await build({
    entryPoints: [join(ROOT, 'node_modules/undici/lib/dispatcher/agent.js')], bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', outfile: files.undici, logLevel: 'warning',
  });
  const tmp = `${files.blob}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // An empty environment: nothing of the builder's (tokens, paths) can end up in the heap.
  // The short-process flags of this node's V8 (short-process.ts), given at build and at every start:
  // V8 refuses a blob made under other flags, and setting them after deserialisation crashed 1 start
  // in 10-30 under load. Not --no-regexp-tier-up: V8 11 cannot serialise the native code it makes at
  // once ("unreachable code" in the serializer); a snapshot start keeps V8's default regexp tiers.
  const flags = shortProcessFlags(spawnSync(node, ['-p', 'process.versions.v8'], { env: {}, encoding: 'utf8' }).stdout.trim())
    .filter((f) => f !== REGEXP_FLAG);
  const made = spawnSync(node, [...flags, '--snapshot-blob', tmp, '--build-snapshot', files.script], { cwd: outDir, env: {}, encoding: 'utf8' });
  if (made.status !== 0) {
    rmSync(tmp, { force: true });
    throw new Error(`node --build-snapshot failed (${made.status ?? made.signal}):\n${made.stderr}`);
  }
  renameSync(tmp, files.blob);
  const keyTmp = `${files.key}.${process.pid}.tmp`;
  writeFileSync(keyTmp, snapshotKey(node, files.blob, flags));
  renameSync(keyTmp, files.key);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const files = await buildCliSnapshot(process.argv[2] ? resolve(process.argv[2]) : undefined);
    console.log(`CLI snapshot: ${files.blob} (${(statSync(files.blob).size / 1e6).toFixed(1)} MB)`);
  } catch (e) {
    // The CLI works without it (bin/clearance starts the plain CLI): a build does not fail for it.
    console.warn(`CLI snapshot not built (clearance run starts the plain CLI): ${(e as Error).message}`);
    process.exitCode = process.env.CLEARANCE_SNAPSHOT_REQUIRED ? 1 : 0;
  }
}
