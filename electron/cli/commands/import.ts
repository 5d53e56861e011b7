// `clearance import FORMAT FILE --out DIR`: writes a Clearance collection, never overwriting silently.
// Credential values go to the OS keychain, or to the local store when no keychain is reachable; never
// to the workspace.
import { copyFile, cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { WORKSPACE_FILE } from '../../../shared/model/workspace';
import { ImportError, countRequests, importFile } from '../../importers';
import { keepImportedSecrets } from '../../secrets/imported';
import { writeCollection } from '../../workspace';
import { ifMissing } from '../../workspace/if-missing';
import { EXIT_OK, UsageError } from '../exit-codes';
import { escapeControls } from '../output/safe-text';

export interface ImportFlags { out?: string; force?: boolean; json?: boolean }

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

async function listing(dir: string): Promise<string[] | undefined> {
  const info = await stat(dir).catch(ifMissing(undefined));
  if (!info) return undefined;
  if (!info.isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a directory`);
  return readdir(dir);
}

export async function runImport(format: string, file: string, flags: ImportFlags): Promise<number> {
  if (!flags.out) throw new UsageError('--out DIR is required: the folder to write the collection to');
  let result;
  try {
    result = await importFile(format, file, { secrets: 'capture' });
  } catch (err) {
    if (err instanceof ImportError) throw new UsageError(err.message);
    throw err;
  }
  const existing = await listing(flags.out);
  const isWorkspace = existing?.includes(WORKSPACE_FILE) ?? false;
  if (existing && existing.length > 0 && !isWorkspace && !flags.force) {
    throw new UsageError(`--out ${flags.out}: the folder is not empty and is not a Clearance workspace; choose an empty folder or pass --force`);
  }
  const staging = await mkdtemp(join(tmpdir(), 'clearance-import-'));
  try {
    // The workspace's clearance.yaml first: writeCollection keeps its id, which names the secrets.
    if (isWorkspace) await copyFile(join(flags.out, WORKSPACE_FILE), join(staging, WORKSPACE_FILE));
    await writeCollection(staging, result.collection);
    const written = await filesUnder(staging);
    const clashes = [];
    for (const f of written) if (await stat(join(flags.out, f)).then(() => true, ifMissing(false))) clashes.push(f);
    if (clashes.length > 0 && !flags.force) {
      const shown = clashes.slice(0, 5).join(', ') + (clashes.length > 5 ? `, and ${clashes.length - 5} more` : '');
      throw new UsageError(`--out ${flags.out}: ${clashes.length} file(s) already exist (${shown}); nothing written. Use another folder or pass --force to replace them`);
    }
    // Secrets before files: when they cannot be kept, nothing is written.
    const kept = await keepImportedSecrets(staging, flags.out, result.secrets);
    await cp(staging, flags.out, { recursive: true, force: true });
    const c = result.collection;
    const secrets = { keychain: kept.keychain, localStore: kept.localStore, ...(kept.path ? { localStorePath: kept.path } : {}) };
    const summary = { format: result.format, out: flags.out, requests: countRequests(c.items), environments: c.environments.length,
      keys: c.keys?.length ?? 0, gateways: c.gateways?.length ?? 0, files: written.length, replaced: clashes, secrets,
      warnings: [...result.warnings, ...(kept.warning ? [kept.warning] : [])] };
    if (kept.warning) process.stderr.write(`warning: ${escapeControls(kept.warning)}\n`);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return EXIT_OK;
    }
    process.stdout.write(`Imported ${file} (${result.format}) into ${flags.out}: ${summary.requests} request(s), ${summary.environments} environment(s), ${summary.keys} key profile(s), ${summary.gateways} gateway profile(s); ${written.length} file(s) written${clashes.length ? `, ${clashes.length} replaced` : ''}.\n`);
    if (kept.keychain > 0) process.stdout.write(`${kept.keychain} secret value(s) kept in the OS keychain (\`clearance secrets list ${flags.out}\` shows where each one is).\n`);
    if (result.warnings.length > 0) {
      process.stdout.write(`Not carried over or changed (${result.warnings.length}):\n${result.warnings.map((w) => `  - ${escapeControls(w)}\n`).join('')}`);
    }
    return EXIT_OK;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
