import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import {
  EnvironmentFileSchema, FOLDER_FILE, FolderFileSchema, RequestFileSchema, WORKSPACE_FILE, WorkspaceFileSchema,
  type FileProblem, type TreeNode, type WorkspaceFile, type WorkspaceSnapshot,
} from '../../shared/model';
import { cleanTempFiles } from './atomic-write';
import { decodeLoose } from './codec';
import { workspaceError } from './errors';
import { ENV_DIR, GATEWAYS_DIR, isTreeEntry, isYaml, KEYS_DIR, sortEntries } from './layout';
import { toRel } from './paths';
import { readTyped } from './read-file';

interface Walk {
  root: string;
  problems: FileProblem[];
}

/** A folder's entries; one that cannot be listed, or a link to nothing, is a problem, not a silent gap. */
async function entries(w: Walk, dir: string): Promise<Array<{ name: string; dir: boolean; full: string }>> {
  let list;
  try {
    list = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    w.problems.push({ path: toRel(w.root, dir) || '.', message: `cannot list this folder: ${(err as Error).message}` });
    return [];
  }
  const out: Array<{ name: string; dir: boolean; full: string }> = [];
  for (const e of list) {
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      const st = await stat(full).catch((err: Error) => {
        w.problems.push({ path: toRel(w.root, full), message: `symbolic link that cannot be followed (${err.message}): skipped` });
        return null;
      });
      if (!st) continue;
      isDir = st.isDirectory();
    }
    out.push({ name: e.name, dir: isDir, full });
  }
  return out;
}

async function insideRoot(w: Walk, full: string): Promise<boolean> {
  // Unresolvable (a dangling link, reported by entries): judged by the path as written.
  const real = await realpath(full).catch(() => full);
  const rel = relative(w.root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function walkFolder(w: Walk, dir: string, order: string[] | undefined, atRoot: boolean): Promise<TreeNode[]> {
  const all = (await entries(w, dir)).filter((e) => isTreeEntry(e.name, e.dir, atRoot));
  const byName = new Map(all.map((e) => [e.name, e]));
  const nodes: TreeNode[] = [];
  for (const name of sortEntries([...byName.keys()], order)) {
    const e = byName.get(name)!;
    const rel = toRel(w.root, e.full);
    if (!(await insideRoot(w, e.full))) {
      w.problems.push({ path: rel, message: 'symbolic link to a place outside the workspace: skipped' });
      continue;
    }
    if (e.dir) nodes.push(await loadFolder(w, e.full, rel));
    else {
      const r = await readTyped(RequestFileSchema, e.full, rel);
      if (r.ok) nodes.push({ type: 'request', path: rel, name: r.value.name, method: r.value.method, url: r.value.url });
      else {
        w.problems.push(r.problem);
        nodes.push({ type: 'request', path: rel, name: basename(name).replace(/\.ya?ml$/, ''), method: '', url: '', broken: true });
      }
    }
  }
  return nodes;
}

async function loadFolder(w: Walk, full: string, rel: string): Promise<TreeNode> {
  await cleanTempFiles(full);
  const meta = await readTyped(FolderFileSchema, join(full, FOLDER_FILE), `${rel}/${FOLDER_FILE}`);
  const missing = !meta.ok && meta.text === '' && meta.problem.message.includes('ENOENT');
  if (!meta.ok && !missing) w.problems.push(meta.problem);
  const folder = meta.ok ? meta.value : {};
  const children = await walkFolder(w, full, folder.order, false);
  return { type: 'folder', path: rel, name: folder.name ?? basename(full), ...(folder.defaults ? { defaults: folder.defaults } : {}), children };
}

async function listNamed(w: Walk, sub: string, typed: boolean): Promise<Array<{ path: string; name: string }>> {
  const dir = join(w.root, sub);
  await cleanTempFiles(dir);
  const names = (await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    // No environments/ (or keys/, gateways/) folder is an empty list; any other error is a problem.
    if (err.code !== 'ENOENT') w.problems.push({ path: sub, message: `cannot list this folder: ${err.message}` });
    return [] as string[];
  })).filter((n) => isYaml(n) && !n.startsWith('.')).sort();
  const out: Array<{ path: string; name: string }> = [];
  for (const n of names) {
    const rel = `${sub}/${n}`;
    const fallback = n.replace(/\.ya?ml$/, '');
    if (typed) {
      const r = await readTyped(EnvironmentFileSchema, join(dir, n), rel);
      if (!r.ok) w.problems.push(r.problem);
      out.push({ path: rel, name: r.ok ? r.value.name : fallback });
      continue;
    }
    const text = await readFile(join(dir, n), 'utf8').catch((err: Error) => {
      w.problems.push({ path: rel, message: err.message });
      return null;
    });
    if (text === null) {
      out.push({ path: rel, name: fallback });
      continue;
    }
    const r = decodeLoose(text, rel);
    if (!r.ok) w.problems.push(r.problem);
    const name = r.ok && r.value && typeof r.value === 'object' && typeof (r.value as { name?: unknown }).name === 'string' ? (r.value as { name: string }).name : fallback;
    out.push({ path: rel, name });
  }
  return out;
}

/** Reads clearance.yaml; throws `not-a-workspace` when there is none. A broken one gives a stand-in and a problem. */
export async function readWorkspaceFile(root: string, problems: FileProblem[]): Promise<{ file: WorkspaceFile; broken: boolean }> {
  const r = await readTyped(WorkspaceFileSchema, join(root, WORKSPACE_FILE), WORKSPACE_FILE);
  if (r.ok) return { file: r.value, broken: false };
  if (r.text === '' && r.problem.message.includes('ENOENT')) {
    throw workspaceError('not-a-workspace', `${root} has no ${WORKSPACE_FILE}`, 'Create one with workspace.init (or pick the folder that holds clearance.yaml).');
  }
  problems.push(r.problem);
  const id = `broken-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;
  return { file: { clearance: 1, name: basename(root), id }, broken: true };
}

/**
 * Loads a workspace folder: the request tree in explicit order, environments, key and gateway
 * profiles, and every file that could not be read (with line and column). Nothing is written
 * except the removal of stale temp files a killed writer left behind.
 */
export async function loadWorkspace(dir: string): Promise<WorkspaceSnapshot> {
  const root = await realpath(resolve(dir)).catch(() => {
    throw workspaceError('not-found', `workspace folder ${dir} does not exist`);
  });
  const w: Walk = { root, problems: [] };
  await cleanTempFiles(root);
  const { file } = await readWorkspaceFile(root, w.problems);
  const tree = await walkFolder(w, root, file.order, true);
  const environments = await listNamed(w, ENV_DIR, true);
  const keys = await listNamed(w, KEYS_DIR, false);
  const gateways = await listNamed(w, GATEWAYS_DIR, false);
  return { root, file, tree, environments, keys, gateways, problems: w.problems };
}
