import { mkdir, readdir, rename as fsRename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { FOLDER_FILE, FolderFileSchema, RequestFileSchema, type RequestFile } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { encode } from './codec';
import { brokenFileError, workspaceError } from './errors';
import { ifMissing } from './if-missing';
import { isYaml } from './layout';
import { editOrder, removeFromOrder, renameInOrder } from './order';
import { confine, toRel } from './paths';
import { readTyped, versionOf } from './read-file';
import { slugify, uniqueName } from './slug';

export interface ReadRequestResult {
  request: RequestFile;
  /** content hash of the file as read: pass it back to saveRequest to detect outside changes */
  version: string;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, ifMissing(false));
}

export async function readRequest(root: string, path: string): Promise<ReadRequestResult> {
  const full = await confine(root, path);
  if (!isYaml(full)) throw workspaceError('not-a-request', `${path} is not a request file (.yaml)`);
  const r = await readTyped(RequestFileSchema, full, path);
  if (!r.ok) {
    if (r.text === '' && r.problem.message.includes('ENOENT')) throw workspaceError('not-found', `request ${path} does not exist`);
    throw brokenFileError(r.problem);
  }
  return { request: r.value, version: r.version };
}

/**
 * Saves a request (validated, canonical YAML, atomic). With `baseVersion`, refuses with `conflict`
 * when the file on disk is no longer the one the caller read, so an outside edit is never lost.
 */
export async function saveRequest(root: string, path: string, request: RequestFile, baseVersion?: string): Promise<{ version: string }> {
  const full = await confine(root, path);
  if (!isYaml(full)) throw workspaceError('not-a-request', `${path} is not a request file (.yaml)`);
  const text = encode(RequestFileSchema, request);
  if (baseVersion !== undefined) {
    const current = await readTyped(RequestFileSchema, full, path);
    if (current.version && current.version !== baseVersion) {
      throw workspaceError('conflict', `${path} changed on disk since it was opened`, 'Reload the file (or save as a copy) to keep both versions.');
    }
  }
  await mkdir(dirname(full), { recursive: true });
  await writeFileAtomic(full, text);
  return { version: versionOf(text) };
}

async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(ifMissing([] as string[]));
}

/** Creates a request file named after the request (slugged, unique in its folder). */
export async function createRequest(root: string, folder: string, request: RequestFile): Promise<{ path: string }> {
  const dir = await confine(root, folder || '.');
  await mkdir(dir, { recursive: true });
  const name = uniqueName(slugify(request.name), '.yaml', await namesIn(dir));
  await writeFileAtomic(join(dir, name), encode(RequestFileSchema, request));
  return { path: toRel(await confine(root, '.'), join(dir, name)) };
}

/** Creates a folder (slugged directory; folder.yaml keeps the display name when it differs). */
export async function createFolder(root: string, parent: string, name: string): Promise<{ path: string }> {
  const dir = await confine(root, parent || '.');
  const slug = uniqueName(slugify(name), '', await namesIn(dir));
  const full = join(dir, slug);
  await mkdir(full, { recursive: true });
  if (slug !== name) await writeFileAtomic(join(full, FOLDER_FILE), encode(FolderFileSchema, { name }));
  return { path: toRel(await confine(root, '.'), full) };
}

async function setFolderName(full: string, rel: string, name: string): Promise<void> {
  const meta = join(full, FOLDER_FILE);
  const r = await readTyped(FolderFileSchema, meta, `${rel}/${FOLDER_FILE}`);
  if (!r.ok && r.text !== '') throw brokenFileError(r.problem);
  await writeFileAtomic(meta, encode(FolderFileSchema, { ...(r.ok ? r.value : {}), name }));
}

/** Renames a request (its `name` and its file) or a folder (its directory and display name). */
export async function renameEntry(root: string, path: string, newName: string): Promise<{ path: string }> {
  const full = await confine(root, path);
  const st = await stat(full).catch(ifMissing(null));
  if (!st) throw workspaceError('not-found', `${path} does not exist`);
  const parent = dirname(full);
  const parentRel = posix.dirname(path.replace(/\\/g, '/'));
  const others = (await namesIn(parent)).filter((n) => n !== basename(full));
  let target: string;
  if (st.isDirectory()) {
    target = join(parent, uniqueName(slugify(newName), '', others));
    await fsRename(full, target);
    await setFolderName(target, toRel(await confine(root, '.'), target), newName);
  } else {
    const { request } = await readRequest(root, path);
    target = join(parent, uniqueName(slugify(newName), '.yaml', others));
    await writeFileAtomic(target, encode(RequestFileSchema, { ...request, name: newName }));
    if (target !== full) await unlink(full);
  }
  await editOrder(root, parentRel, renameInOrder(basename(full), basename(target)));
  return { path: toRel(await confine(root, '.'), target) };
}

/** Moves a request or folder into another folder (name kept, made unique there). */
export async function moveEntry(root: string, path: string, toFolder: string): Promise<{ path: string }> {
  const full = await confine(root, path);
  const dest = await confine(root, toFolder || '.');
  if (!(await exists(full))) throw workspaceError('not-found', `${path} does not exist`);
  if ((dest + '/').startsWith(full + '/')) throw workspaceError('invalid-move', `cannot move ${path} into itself`);
  const name = basename(full);
  const dot = name.match(/\.ya?ml$/)?.[0] ?? '';
  const target = join(dest, uniqueName(dot ? name.slice(0, -dot.length) : name, dot, await namesIn(dest)));
  await mkdir(dest, { recursive: true });
  await fsRename(full, target);
  await editOrder(root, posix.dirname(path.replace(/\\/g, '/')), removeFromOrder(name));
  return { path: toRel(await confine(root, '.'), target) };
}

/** Deletes a request file or a whole folder. */
export async function deleteEntry(root: string, path: string): Promise<void> {
  if (path === '' || path === '.' || path === '/') throw workspaceError('forbidden-path', 'refusing to delete the workspace itself');
  const full = await confine(root, path);
  if (!(await exists(full))) throw workspaceError('not-found', `${path} does not exist`);
  await rm(full, { recursive: true });
  await editOrder(root, posix.dirname(path.replace(/\\/g, '/')), removeFromOrder(basename(full)));
}
