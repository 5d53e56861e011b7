// What `clearance run TARGET` runs: a workspace (or a request subfolder / request file in one) read
// once, or a Postman / Insomnia / Bruno export imported in memory (nothing written). Either way the
// result is a flat, ordered plan: each request with the folder defaults above it, innermost first.
// An export runs with the values in the file as they are, as newman and bru send them: its
// credentials stay in memory (key profiles read theirs from an in-memory keychain).
import { stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Defaults, EnvironmentFile, GatewayProfile, KeyProfile, RequestFile, TreeNode } from '../../shared/model';
import { GatewayProfileSchema, KeyProfileSchema } from '../../shared/model';
import type { RequestScripts } from '../importers/postman-scripts';
import { scriptsOf } from '../importers/run-scripts';
import type { ScriptFlavour } from './scripts';
import type { Keychain } from '../secrets/keychain';
import type { SlotValue } from '../secrets/slots';
import { UsageError } from '../cli/exit-codes';
import { findWorkspaceRoot } from '../cli/workspace-send';
import { workspaceProfiles, type ProfileSource } from '../pipeline/profile-through';
import { workspaceError } from '../workspace/errors';
import { ifMissing } from '../workspace/if-missing';

export interface PlannedRequest {
  name: string;
  /** workspace-relative file, or the folder path inside an import (`Orders/List`) */
  path: string;
  request?: RequestFile;
  /** why the request could not be read (a broken file): reported as a failure, never sent */
  problem?: string;
  folders: Defaults[];
  /** Postman, Insomnia or Bruno scripts run for it (in the tool's order), imported in memory only */
  scripts?: RequestScripts;
}

export interface RunPlan {
  name: string;
  format: string;
  /** the workspace root, or the imported file/folder */
  root: string;
  /** keychain namespace for environment and profile secrets */
  workspaceId: string;
  collection?: Defaults | undefined;
  requests: PlannedRequest[];
  environment(name: string): Promise<EnvironmentFile>;
  profiles: ProfileSource;
  warnings: string[];
  /** an export's own credentials, held in memory (falls back to the OS keychain): preferred over the OS keychain by the runner */
  keychain?: Keychain;
  /** an export's credential values (kept as they are to be sent): redacted from history and reports */
  secretValues?: string[];
  /** whose script API the requests' scripts use */
  scriptFlavour?: ScriptFlavour;
}

function fromTree(nodes: TreeNode[], folders: Defaults[], out: Array<{ path: string; name: string; broken: boolean; folders: Defaults[] }>): void {
  for (const n of nodes) {
    if (n.type === 'folder') fromTree(n.children, n.defaults ? [n.defaults, ...folders] : folders, out);
    else out.push({ path: n.path, name: n.name, broken: Boolean(n.broken), folders });
  }
}

/** Folder defaults from the root down to (not including) `path`, innermost first. */
function ancestors(nodes: TreeNode[], path: string): { node?: TreeNode; folders: Defaults[] } {
  let level = nodes;
  const folders: Defaults[] = [];
  for (;;) {
    const hit = level.find((n) => n.path === path || path.startsWith(`${n.path}/`));
    if (!hit) return { folders };
    if (hit.path === path) return { node: hit, folders };
    if (hit.type !== 'folder') return { folders };
    if (hit.defaults) folders.unshift(hit.defaults);
    level = hit.children;
  }
}

/**
 * Broken files that are not requests of this run: a folder.yaml or clearance.yaml whose defaults
 * (headers, key, variables) the run goes without, an environment or profile it may need. Said, not silent.
 */
function otherProblems(all: ReadonlyArray<{ path: string }>, flat: ReadonlyArray<{ path: string }>, text: Map<string, string>): string[] {
  return all.filter((p) => !flat.some((f) => f.path === p.path)).map((p) => `${text.get(p.path) ?? p.path} (the file is kept as it is; what it holds is left out of this run)`);
}

// The workspace code (and with it the YAML codec) loads only for a workspace target: an export runs without it.
const workspaceCode = (): Promise<[typeof import('../workspace/loader'), typeof import('../workspace/requests'), typeof import('../workspace/context')]> =>
  Promise.all([import('../workspace/loader'), import('../workspace/requests'), import('../workspace/context')]);

async function workspacePlan(target: string, root: string): Promise<RunPlan> {
  const [{ loadWorkspace }, { readRequest }, { findEnvironment }] = await workspaceCode();
  const snap = await loadWorkspace(root);
  const rel = relative(snap.root, target).split(sep).join('/');
  const flat: Array<{ path: string; name: string; broken: boolean; folders: Defaults[] }> = [];
  if (rel === '') fromTree(snap.tree, [], flat);
  else {
    const { node, folders } = ancestors(snap.tree, rel);
    if (!node) throw new UsageError(`${target}: not a request or request folder of the workspace ${snap.root}`);
    if (node.type === 'folder') fromTree([node], folders, flat);
    else flat.push({ path: node.path, name: node.name, broken: Boolean(node.broken), folders });
  }
  const problems = new Map(snap.problems.map((p) => [p.path, `${p.path}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`]));
  const requests: PlannedRequest[] = [];
  for (const f of flat) {
    if (f.broken) {
      requests.push({ name: f.name, path: f.path, folders: f.folders, problem: problems.get(f.path) ?? `${f.path}: cannot be read` });
      continue;
    }
    const { request } = await readRequest(snap.root, f.path);
    requests.push({ name: request.name, path: f.path, request, folders: f.folders });
  }
  return {
    name: snap.file.name, format: 'clearance', root: snap.root, workspaceId: snap.file.id, collection: snap.file.defaults, requests,
    environment: async (name) => (await findEnvironment(snap.root, name)).file,
    profiles: workspaceProfiles(snap.root), warnings: otherProblems(snap.problems, flat, problems),
  };
}

function flatten(items: CollectionItem[], folders: Defaults[], prefix: string, out: PlannedRequest[]): void {
  for (const item of items) {
    if (item.type === 'request') {
      const scripts = scriptsOf(item.request);
      out.push({ name: item.request.name, path: `${prefix}${item.request.name}`, request: item.request, folders, ...(scripts ? { scripts } : {}) });
    }
    else flatten(item.items, item.defaults ? [item.defaults, ...folders] : folders, `${prefix}${item.name}/`, out);
  }
}

/** Profiles of an import (parsed once when first used), then those of `--workspace` when given. */
function importedProfiles(c: Collection, fallback: ProfileSource | undefined): ProfileSource {
  const find = <T>(list: Array<{ name: string }> | undefined, kind: 'key' | 'gateway', name: string, parse: (v: unknown) => T, next?: (n: string) => Promise<T>): Promise<T> => {
    const hit = list?.find((p) => p.name === name);
    if (hit) return Promise.resolve(parse(hit));
    if (next) return next(name);
    const have = (list ?? []).map((p) => p.name);
    return Promise.reject(workspaceError('unknown-profile', `no ${kind} profile named ${name} (available: ${have.length ? have.join(', ') : 'none'})`,
      'Pick a profile of the imported collection, or give --workspace DIR to use the profiles of a workspace.'));
  };
  return {
    key: (name) => find<KeyProfile>(c.keys, 'key', name, (v) => KeyProfileSchema.parse(v), fallback?.key),
    gateway: (name) => find<GatewayProfile>(c.gateways, 'gateway', name, (v) => GatewayProfileSchema.parse(v), fallback?.gateway),
  };
}

interface Imported {
  format: string; collection: Collection; warnings: string[]; secrets: SlotValue[]; scripts?: Array<RequestScripts | undefined>; flavour: ScriptFlavour;
}

async function importPlan(target: string, { format, collection, warnings, secrets, scripts, flavour }: Imported, workspace: string | undefined): Promise<RunPlan> {
  const requests: PlannedRequest[] = [];
  flatten(collection.items, [], '', requests);
  // Both lists follow the collection's order; a mismatch would attach scripts to the wrong request.
  if (scripts && scripts.length !== requests.length) throw new Error(`internal: ${scripts.length} script chains for ${requests.length} requests`);
  scripts?.forEach((s, i) => { if (s) requests[i]!.scripts = s; });
  let profiles: ProfileSource | undefined;
  let workspaceId = `import:${target}`;
  if (workspace) {
    const snap = await (await workspaceCode())[0].loadWorkspace(workspace);
    profiles = workspaceProfiles(snap.root);
    workspaceId = snap.file.id;
  }
  const { environmentWins, exportKeychain, exportSecretValues } = await import('./export-secrets');
  let picked: EnvironmentFile | undefined;
  let defaults = collection.defaults;
  return {
    name: collection.name, format, root: target, workspaceId, requests, warnings, scriptFlavour: flavour,
    // Read by the runner after it loaded the environment, which may take variables over (environmentWins).
    get collection() {
      return defaults;
    },
    keychain: exportKeychain(collection, secrets, workspaceId, () => picked),
    secretValues: exportSecretValues(collection, secrets),
    environment: async (name) => {
      const env = collection.environments.find((e) => e.name === name) ?? await postmanEnvironmentFile(name);
      picked = env;
      defaults = environmentWins(collection.defaults, env);
      if (env) return env;
      const have = collection.environments.map((e) => e.name);
      throw workspaceError('unknown-environment', `no environment named ${name}${have.length ? ` (have: ${have.join(', ')})` : ' (the collection has none; give a Postman environment file)'}`);
    },
    profiles: importedProfiles(collection, profiles),
  };
}

/** `--env env.postman_environment.json` next to a Postman collection. */
async function postmanEnvironmentFile(path: string): Promise<EnvironmentFile | undefined> {
  if (!/\.json$/i.test(path) || !(await stat(path).then((s) => s.isFile(), ifMissing(false)))) return undefined;
  const { importPostman } = await import('../importers/postman');
  const r = await importPostman(path, { secrets: 'keep' });
  return r.collection.environments[0];
}

async function importTarget(full: string, isDir: boolean): Promise<Imported | undefined> {
  const keep = { secrets: 'keep', scripts: 'run' } as const;
  if (isDir) {
    const { findBrunoRoot, importBruno } = await import('../importers/bruno');
    if (!(await findBrunoRoot(full))) return undefined;
    return { ...await importBruno(full, keep), flavour: 'bruno' };
  }
  const { readText, parseJsonOrYaml } = await import('../importers/read');
  const doc = await parseJsonOrYaml(full, await readText(full));
  const [{ postmanVersion, importPostmanDocument }, { insomniaVersion, importInsomniaDocument }] = await Promise.all([import('../importers/postman'), import('../importers/insomnia')]);
  if (postmanVersion(doc)) {
    const { postmanScriptChains } = await import('../importers/postman-scripts');
    return { ...importPostmanDocument(full, doc, keep), scripts: postmanScriptChains(doc), flavour: 'postman' };
  }
  return insomniaVersion(doc) ? { ...importInsomniaDocument(full, doc, keep), flavour: 'insomnia' } : undefined;
}

/** Reads TARGET into a plan; bad input (no such target, a file of no known format) is a UsageError. */
export async function loadTarget(target: string, workspace?: string): Promise<RunPlan> {
  const full = resolve(target);
  const info = await stat(full).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
    throw new UsageError(`${target}: cannot be read (${err.code ?? err.message})`);
  });
  if (!info) throw new UsageError(`${target}: no such file or folder`);
  const isDir = info.isDirectory();
  const wsRoot = workspace ? resolve(workspace) : await findWorkspaceRoot(isDir ? full : resolve(full, '..'));
  const requestFile = !isDir && ['.yaml', '.yml'].includes(extname(full));
  if (wsRoot && (isDir || requestFile) && !(isDir && await (await import('../importers/bruno')).findBrunoRoot(full))) {
    const rel = relative(wsRoot, full);
    if (!rel.startsWith('..')) return workspacePlan(full, wsRoot);
  }
  try {
    const imported = await importTarget(full, isDir);
    if (imported) return await importPlan(full, imported, workspace);
  } catch (err) {
    if ((err as Error).name === 'ImportError' || err instanceof SyntaxError) throw new UsageError((err as Error).message);
    throw err;
  }
  throw new UsageError(`${target}: not a Clearance workspace or request folder, a Postman v2.1 collection, an Insomnia export or a Bruno collection folder`);
}
