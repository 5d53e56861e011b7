// Insomnia exports: v4 JSON (`_type: export`, resources) and v5 YAML (`type: collection.insomnia.rest/5.0`).
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Defaults, EnvironmentFile } from '../../shared/model/workspace';
import { ImportContext, type ImportOptions } from './context';
import { carryScripts } from './postman-scripts';
import { ImportError } from './errors';
import { folderDepthError, MAX_IMPORT_DEPTH } from './limits';
import { finish, type ImportOutput } from './finish';
import { envEntries, insomniaAuth, insomniaKv, insomniaRequest } from './insomnia-request';
import { arr, isObject, parseJsonOrYaml, readText, str } from './read';

type Res = Record<string, unknown>;

export function insomniaVersion(doc: unknown): 4 | 5 | 'old' | undefined {
  if (!isObject(doc)) return undefined;
  if (typeof doc.type === 'string' && doc.type.startsWith('collection.insomnia.rest/5')) return 5;
  if (doc._type === 'export') return doc.__export_format === 4 ? 4 : 'old';
  return undefined;
}

function folderDefaults(ctx: ImportContext, f: Res, env: unknown, where: string): Defaults {
  const d: Defaults = {};
  const headers = ctx.scrubHeaders(insomniaKv(ctx, f.headers, where), where);
  if (headers.length > 0) d.headers = headers;
  const variables = ctx.variables(envEntries(env), where);
  if (Object.keys(variables).length > 0) d.variables = variables;
  const key = insomniaAuth(ctx, f.authentication, where);
  if (key) d.key = key;
  return d;
}

function folder(name: string, defaults: Defaults, items: CollectionItem[]): CollectionItem {
  return Object.keys(defaults).length > 0 ? { type: 'folder', name, defaults, items } : { type: 'folder', name, items };
}

function environments(ctx: ImportContext, subs: Res[]): EnvironmentFile[] {
  return subs.map((e) => {
    const name = str(e.name) || 'environment';
    return { name, variables: ctx.variables(envEntries(e.data), `environment '${name}'`) };
  });
}

// ---- v4 ----
/** A folder with scripts of its own (not run): its name, for the requests beneath it. */
function withScripts(above: string[], name: string, scripts: Array<string | undefined>): string[] {
  return scripts.some((s) => s?.trim()) ? [...above, `folder '${name}'`] : above;
}

function v4Children(ctx: ImportContext, all: Res[], parent: string, depth = 1, above: string[] = []): CollectionItem[] {
  // Also ends a loop of parentIds (a folder whose id repeats one above it).
  if (depth > MAX_IMPORT_DEPTH) throw folderDepthError(ctx.file);
  const kids = all.filter((r) => r.parentId === parent && (r._type === 'request' || r._type === 'request_group'))
    .sort((a, b) => (Number(a.metaSortKey) || 0) - (Number(b.metaSortKey) || 0));
  return kids.map((r) => {
    if (r._type === 'request') {
      return { type: 'request', request: insomniaRequest(ctx, r, str(r.description), [str(r.preRequestScript) ?? '', str(r.afterResponseScript) ?? ''], above) };
    }
    const name = str(r.name) || 'Folder';
    const scripted = withScripts(above, name, [str(r.preRequestScript), str(r.afterResponseScript)]);
    return folder(name, folderDefaults(ctx, r, r.environment, `folder '${name}'`), v4Children(ctx, all, str(r._id) ?? '', depth + 1, scripted));
  });
}

function importV4(ctx: ImportContext, doc: Res): Collection {
  const all = arr(doc.resources).filter(isObject);
  const workspaces = all.filter((r) => r._type === 'workspace');
  if (workspaces.length === 0) throw new ImportError(ctx.file, 'Insomnia export has no workspace resource');
  const skipped = new Set(all.map((r) => str(r._type)).filter((t) => t && !['workspace', 'request_group', 'request', 'environment', 'cookie_jar', 'api_spec'].includes(t)));
  for (const t of skipped) ctx.warn(`Insomnia '${t}' resources not imported (not supported)`);
  if (all.some((r) => r._type === 'cookie_jar' && arr(r.cookies).length > 0)) ctx.warn('cookie jar not imported (cookies may hold sessions; send them as a Cookie header if needed)');
  const perWorkspace = workspaces.map((w) => {
    const id = str(w._id) ?? '';
    const base = all.find((r) => r._type === 'environment' && r.parentId === id);
    const subs = base ? all.filter((r) => r._type === 'environment' && r.parentId === base._id) : [];
    return { name: str(w.name) || 'Insomnia', base, subs, items: v4Children(ctx, all, id) };
  });
  const first = perWorkspace[0]!;
  const defaults: Defaults = {};
  const vars = ctx.variables(envEntries(first.base?.data), 'base environment');
  if (Object.keys(vars).length > 0) defaults.variables = vars;
  const collection: Collection = { name: first.name, items: first.items, environments: environments(ctx, first.subs) };
  if (perWorkspace.length > 1) {
    ctx.warn(`${perWorkspace.length} workspaces in one export: each became a top-level folder; only the first one's environments were imported`);
    collection.items = perWorkspace.map((w) => folder(w.name, {}, w.items));
  }
  if (Object.keys(defaults).length > 0) collection.defaults = defaults;
  return collection;
}

// ---- v5 ----
function v5Items(ctx: ImportContext, list: unknown, depth = 1, above: string[] = []): CollectionItem[] {
  if (depth > MAX_IMPORT_DEPTH) throw folderDepthError(ctx.file);
  return arr(list).filter(isObject).sort((a, b) => sortKey(a) - sortKey(b)).map((e) => {
    const meta = isObject(e.meta) ? e.meta : {};
    const scripts = isObject(e.scripts) ? [str(e.scripts.preRequest) ?? '', str(e.scripts.afterResponse) ?? ''] : [];
    if (Array.isArray(e.children) || (!('url' in e) && !('method' in e))) {
      const name = str(e.name) || 'Folder';
      return folder(name, folderDefaults(ctx, e, e.environment, `folder '${name}'`), v5Items(ctx, e.children, depth + 1, withScripts(above, name, scripts)));
    }
    return { type: 'request', request: insomniaRequest(ctx, e, str(meta.description) ?? str(e.description), scripts, above) };
  });
}

function sortKey(e: Res): number {
  return isObject(e.meta) ? Number(e.meta.sortKey) || 0 : 0;
}

function importV5(ctx: ImportContext, doc: Res): Collection {
  const env = isObject(doc.environments) ? doc.environments : {};
  const defaults: Defaults = {};
  const vars = ctx.variables(envEntries(env.data), 'base environment');
  if (Object.keys(vars).length > 0) defaults.variables = vars;
  if (isObject(doc.cookieJar) && arr(doc.cookieJar.cookies).length > 0) ctx.warn('cookie jar not imported (cookies may hold sessions; send them as a Cookie header if needed)');
  if (doc.collection === undefined) ctx.warn(`Insomnia ${str(doc.type)} document has no collection: nothing but environments imported`);
  const collection: Collection = { name: str(doc.name) || 'Insomnia', items: v5Items(ctx, doc.collection), environments: environments(ctx, arr(env.subEnvironments).filter(isObject)) };
  if (Object.keys(defaults).length > 0) collection.defaults = defaults;
  return collection;
}

/** `scripts: 'run'`: the caller (clearance run) runs the scripts, carried on each request (run-scripts.ts). */
export function importInsomniaDocument(file: string, doc: unknown, opts: ImportOptions & { scripts?: 'run' } = {}): ImportOutput {
  const ctx = new ImportContext(file, opts);
  if (opts.scripts === 'run') carryScripts(ctx);
  const version = insomniaVersion(doc);
  if (version === 'old') {
    throw new ImportError(file, `Insomnia export format ${str((doc as Res).__export_format) ?? 'unknown'} is not supported: export again from Insomnia (v4 JSON or v5 YAML)`);
  }
  if (version === undefined) throw new ImportError(file, 'not an Insomnia export: expected `_type: export` (v4) or `type: collection.insomnia.rest/5.0`');
  const collection = version === 4 ? importV4(ctx, doc as Res) : importV5(ctx, doc as Res);
  return finish(ctx, collection, `insomnia-v${version}`);
}

export async function importInsomnia(file: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  return importInsomniaDocument(file, await parseJsonOrYaml(file, await readText(file)), opts);
}
