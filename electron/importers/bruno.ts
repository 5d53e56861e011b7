// Bruno collection folders: bruno.json + .bru files, or opencollection.yml + .yml files (Bruno 3 YAML).
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Defaults, EnvironmentFile } from '../../shared/model/workspace';
import { BruSyntaxError, parseBru } from './bru-lang';
import { type BrunoFolder, type BrunoRequest, bruEnvironment, bruFolder, bruRequest } from './bruno-bru';
import { type BrunoFlow, type BrunoPhases, brunoChain } from './bruno-scripts';
import { ymlEnvironment, ymlFolder, ymlRequest } from './bruno-yaml';
import { ImportContext, type ImportOptions } from './context';
import { ImportError } from './errors';
import { finish, type ImportOutput } from './finish';
import { ifMissing } from '../workspace/if-missing';
import { carryScripts } from './postman-scripts';
import { arr, isObject, parseJson, parseJsonOrYaml, readText, str } from './read';
import { attachScripts } from './run-scripts';

type Flavour = 'bru' | 'yml';
type Node = { seq?: number; item: CollectionItem };
/** A run's scripts above the folder being walked (collection first) and the collection's script flow. */
interface Above { phases: BrunoPhases[]; flow: BrunoFlow }

const ROOT_YML = ['opencollection.yml', 'opencollection.yaml'];
const FOLDER_FILES = ['folder.bru', 'collection.bru', 'folder.yml', 'folder.yaml', 'collection.yml', 'collection.yaml', ...ROOT_YML];

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, ifMissing(false));
}

async function parsed(ctx: ImportContext, path: string, flavour: Flavour): Promise<unknown> {
  const text = await readText(path);
  if (flavour === 'yml') {
    const doc = await parseJsonOrYaml(path, text);
    if (!isObject(doc)) throw new ImportError(path, 'expected a YAML mapping');
    return doc;
  }
  try {
    return parseBru(text);
  } catch (err) {
    if (err instanceof BruSyntaxError) throw new ImportError(path, `not a valid .bru file: ${err.message}`);
    throw err;
  }
}

async function readFolderFile(ctx: ImportContext, dir: string, flavour: Flavour, names: string[], where: string): Promise<BrunoFolder | undefined> {
  for (const n of names) {
    const path = join(dir, n);
    if (!(await exists(path))) continue;
    const doc = await parsed(ctx, path, flavour);
    return flavour === 'bru' ? bruFolder(ctx, doc as ReturnType<typeof parseBru>, where) : ymlFolder(ctx, doc as Record<string, unknown>, where);
  }
  return undefined;
}

function order(nodes: Node[]): CollectionItem[] {
  const name = (n: Node): string => (n.item.type === 'request' ? n.item.request.name : n.item.name);
  return nodes.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || (a.item.type === b.item.type ? 0 : a.item.type === 'folder' ? -1 : 1) || name(a).localeCompare(name(b)))
    .map((n) => n.item);
}

async function walk(ctx: ImportContext, dir: string, flavour: Flavour, ignore: Set<string>, root: boolean, above: Above): Promise<CollectionItem[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const nodes: Node[] = [];
  for (const e of entries) {
    if (ignore.has(e.name) || e.name.startsWith('.') || (root && e.name === 'environments')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      const meta = await readFolderFile(ctx, path, flavour, flavour === 'bru' ? ['folder.bru'] : ['folder.yml', 'folder.yaml'], `folder '${e.name}'`);
      const items = await walk(ctx, path, flavour, ignore, false, meta?.scripts ? { ...above, phases: [...above.phases, meta.scripts] } : above);
      const folder: CollectionItem = { type: 'folder', name: meta?.name || e.name, items };
      if (meta && Object.keys(meta.defaults).length > 0) folder.defaults = meta.defaults;
      nodes.push({ seq: meta?.seq, item: folder });
      continue;
    }
    const ext = extname(e.name).toLowerCase();
    const wanted = flavour === 'bru' ? ext === '.bru' : ext === '.yml' || ext === '.yaml';
    if (!wanted || FOLDER_FILES.includes(e.name)) continue;
    const doc = await parsed(ctx, path, flavour);
    const fallback = basename(e.name, ext);
    const r: BrunoRequest | undefined = flavour === 'bru'
      ? bruRequest(ctx, doc as ReturnType<typeof parseBru>, fallback) : ymlRequest(ctx, doc as Record<string, unknown>, fallback);
    if (r?.scripts) attachScripts(r.request, brunoChain(above.phases, r.scripts, above.flow));
    if (r) nodes.push({ seq: r.seq, item: { type: 'request', request: r.request } });
  }
  return order(nodes);
}

async function environments(ctx: ImportContext, root: string, flavour: Flavour, rootDoc: Record<string, unknown>): Promise<EnvironmentFile[]> {
  const out: EnvironmentFile[] = [];
  const dir = join(root, 'environments');
  const files = (await exists(dir)) ? (await readdir(dir)).sort() : [];
  for (const f of files) {
    const ext = extname(f).toLowerCase();
    if (flavour === 'bru' ? ext !== '.bru' : ext !== '.yml' && ext !== '.yaml') continue;
    const doc = await parsed(ctx, join(dir, f), flavour);
    const name = (flavour === 'yml' ? str((doc as Record<string, unknown>).name) : undefined) ?? basename(f, ext);
    out.push({ name, variables: flavour === 'bru' ? bruEnvironment(ctx, doc as ReturnType<typeof parseBru>, name) : ymlEnvironment(ctx, doc as Record<string, unknown>, name) });
  }
  const config = isObject(rootDoc.config) ? rootDoc.config : {};
  for (const e of arr(config.environments ?? rootDoc.environments).filter(isObject)) {
    const name = str(e.name) ?? 'environment';
    out.push({ name, variables: ymlEnvironment(ctx, e, name) });
  }
  return out;
}

export async function findBrunoRoot(path: string): Promise<{ root: string; flavour: Flavour } | undefined> {
  const info = await stat(path).catch(ifMissing(undefined));
  const dir = info?.isDirectory() ? path : dirname(path);
  if (await exists(join(dir, 'bruno.json'))) return { root: dir, flavour: 'bru' };
  for (const n of ROOT_YML) if (await exists(join(dir, n))) return { root: dir, flavour: 'yml' };
  return undefined;
}

/** `scripts: 'run'`: the caller (clearance run) runs the scripts, carried on each request (run-scripts.ts). */
export async function importBruno(path: string, opts: ImportOptions & { scripts?: 'run' } = {}): Promise<ImportOutput> {
  if (!(await exists(path))) throw new ImportError(path, 'no such file or folder');
  const found = await findBrunoRoot(path);
  if (!found) throw new ImportError(path, 'not a Bruno collection folder: no bruno.json or opencollection.yml in it');
  const { root, flavour } = found;
  const ctx = new ImportContext(root, opts);
  if (opts.scripts === 'run') carryScripts(ctx);
  let rootDoc: Record<string, unknown> = {};
  if (flavour === 'bru') {
    const file = join(root, 'bruno.json');
    const doc = parseJson(file, await readText(file));
    if (!isObject(doc)) throw new ImportError(file, 'expected a JSON object');
    rootDoc = doc;
    if (isObject(doc.proxy) && doc.proxy.enabled === true) ctx.warn('bruno.json: proxy settings not imported; use a gateway profile');
    if (isObject(doc.clientCertificates) && arr(doc.clientCertificates.certs).length > 0) ctx.warn('bruno.json: client certificates not imported; use a gateway profile');
  } else {
    const yml = join(root, 'opencollection.yml');
    rootDoc = (await parsed(ctx, (await exists(yml)) ? yml : join(root, 'opencollection.yaml'), 'yml')) as Record<string, unknown>;
  }
  const name = str(rootDoc.name) ?? (isObject(rootDoc.info) ? str(rootDoc.info.name) : undefined) ?? basename(root);
  const ignore = new Set(['node_modules', '.git', ...arr(rootDoc.ignore).map((x) => str(x) ?? '')]);
  const rootFolder = flavour === 'bru'
    ? await readFolderFile(ctx, root, 'bru', ['collection.bru'], `collection '${name}'`)
    : ymlFolder(ctx, rootDoc, `collection '${name}'`);
  const defaults: Defaults = rootFolder?.defaults ?? {};
  // bruno.json's `scripts.flow`; an OpenCollection's is under extensions.bruno.
  const ext = isObject(rootDoc.extensions) && isObject(rootDoc.extensions.bruno) ? rootDoc.extensions.bruno : {};
  const scripts = isObject(rootDoc.scripts) ? rootDoc.scripts : isObject(ext.scripts) ? ext.scripts : {};
  const above: Above = { phases: rootFolder?.scripts ? [rootFolder.scripts] : [], flow: scripts.flow === 'sequential' ? 'sequential' : 'sandwich' };
  const collection: Collection = { name, items: await walk(ctx, root, flavour, ignore, true, above), environments: await environments(ctx, root, flavour, rootDoc) };
  if (Object.keys(defaults).length > 0) collection.defaults = defaults;
  return finish(ctx, collection, flavour === 'bru' ? 'bruno' : 'bruno-yaml');
}
