import { mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  EnvironmentFileSchema, FOLDER_FILE, FolderFileSchema, RequestFileSchema, WORKSPACE_FILE, WorkspaceFileSchema,
  type Collection, type CollectionItem, type EnvironmentFile, type FileProblem,
} from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { decodeLoose, encode, toYaml } from './codec';
import { ifMissing } from './if-missing';
import { ENV_DIR, GATEWAYS_DIR, isYaml, KEYS_DIR } from './layout';
import { loadWorkspace } from './loader';
import { newWorkspaceId } from './init';
import { readTyped } from './read-file';
import { nameAllocator, slugify } from './slug';

/**
 * Deeper folders get shorter names: 100 nested folders of 60 characters would pass the 4 KiB a
 * path may have (ENAMETOOLONG); this way the deepest path stays under 2 KiB plus the root.
 */
function segmentMax(depth: number): number {
  return depth < 10 ? 60 : depth < 30 ? 20 : 8;
}

async function writeItems(dir: string, items: CollectionItem[], depth = 0): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const allocate = nameAllocator([...(await readdir(dir)), FOLDER_FILE]);
  const order: string[] = [];
  for (const item of items) {
    if (item.type === 'request') {
      const name = allocate(slugify(item.request.name, segmentMax(depth)), '.yaml');
      await writeFileAtomic(join(dir, name), encode(RequestFileSchema, item.request));
      order.push(name);
    } else {
      const name = allocate(slugify(item.name, segmentMax(depth)), '');
      const sub = join(dir, name);
      const childOrder = await writeItems(sub, item.items, depth + 1);
      await writeFileAtomic(join(sub, FOLDER_FILE), encode(FolderFileSchema, {
        ...(name !== item.name ? { name: item.name } : {}),
        ...(item.defaults ? { defaults: item.defaults } : {}),
        ...(childOrder.length ? { order: childOrder } : {}),
      }));
      order.push(name);
    }
  }
  return order;
}

async function writeNamed(dir: string, list: Array<{ name: string }>, text: (v: { name: string }) => string): Promise<void> {
  if (!list.length) return;
  await mkdir(dir, { recursive: true });
  const allocate = nameAllocator(await readdir(dir));
  for (const v of list) {
    const name = allocate(slugify(v.name), '.yaml');
    await writeFileAtomic(join(dir, name), text(v));
  }
}

/**
 * Writes an in-memory collection (an importer's result) as a workspace: clearance.yaml (keeping the
 * id of an existing one), folders with folder.yaml order, one request file each (slugged, unique
 * names), environments/, keys/, gateways/. Every file is written atomically.
 */
export async function writeCollection(dir: string, collection: Collection): Promise<{ root: string }> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const existing = await readTyped(WorkspaceFileSchema, join(root, WORKSPACE_FILE), WORKSPACE_FILE);
  const order = await writeItems(root, collection.items);
  await writeFileAtomic(join(root, WORKSPACE_FILE), encode(WorkspaceFileSchema, {
    clearance: 1,
    name: collection.name,
    id: existing.ok ? existing.value.id : newWorkspaceId(),
    ...(collection.defaults ? { defaults: collection.defaults } : {}),
    ...(order.length ? { order } : {}),
  }));
  await mkdir(join(root, ENV_DIR), { recursive: true });
  await writeNamed(join(root, ENV_DIR), collection.environments, (e) => encode(EnvironmentFileSchema, e as EnvironmentFile));
  await writeNamed(join(root, KEYS_DIR), collection.keys ?? [], (k) => toYaml(k));
  await writeNamed(join(root, GATEWAYS_DIR), collection.gateways ?? [], (g) => toYaml(g));
  return { root: await realpath(root) };
}

async function readProfiles(dir: string, problems: FileProblem[], sub: string): Promise<Array<{ name: string; [k: string]: unknown }>> {
  const names = (await readdir(dir).catch(ifMissing([] as string[]))).filter((n) => isYaml(n) && !n.startsWith('.')).sort();
  const out: Array<{ name: string; [k: string]: unknown }> = [];
  for (const n of names) {
    const r = decodeLoose(await readFile(join(dir, n), 'utf8'), `${sub}/${n}`);
    if (!r.ok) problems.push(r.problem);
    else if (r.value && typeof r.value === 'object') out.push({ name: n.replace(/\.ya?ml$/, ''), ...(r.value as object) });
  }
  return out;
}

/**
 * Reads a workspace back into an in-memory collection (for exporters). Broken files are left out
 * and listed in `problems`; the order is the tree's order.
 */
export async function readCollection(dir: string): Promise<Collection & { problems: FileProblem[] }> {
  const snap = await loadWorkspace(dir);
  const problems = [...snap.problems];
  const toItems = async (nodes: typeof snap.tree): Promise<CollectionItem[]> => {
    const out: CollectionItem[] = [];
    for (const n of nodes) {
      if (n.type === 'folder') {
        out.push({ type: 'folder', name: n.name, ...(n.defaults ? { defaults: n.defaults } : {}), items: await toItems(n.children) });
      } else if (!n.broken) {
        const r = await readTyped(RequestFileSchema, join(snap.root, n.path), n.path);
        if (r.ok) out.push({ type: 'request', request: r.value });
      }
    }
    return out;
  };
  const environments: EnvironmentFile[] = [];
  for (const e of snap.environments) {
    const r = await readTyped(EnvironmentFileSchema, join(snap.root, e.path), e.path);
    if (r.ok) environments.push(r.value);
  }
  const hasDir = async (d: string) => stat(join(snap.root, d)).then((s) => s.isDirectory(), ifMissing(false));
  return {
    name: snap.file.name,
    ...(snap.file.defaults ? { defaults: snap.file.defaults } : {}),
    items: await toItems(snap.tree),
    environments,
    ...((await hasDir(KEYS_DIR)) ? { keys: await readProfiles(join(snap.root, KEYS_DIR), problems, KEYS_DIR) } : {}),
    ...((await hasDir(GATEWAYS_DIR)) ? { gateways: await readProfiles(join(snap.root, GATEWAYS_DIR), problems, GATEWAYS_DIR) } : {}),
    problems: problems.filter((p, i) => problems.findIndex((q) => q.path === p.path) === i),
  };
}
