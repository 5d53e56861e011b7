// Postman collections v2.0 and v2.1 (and environments) → a Clearance collection.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { KeyValue } from '../../shared/model/request';
import type { Defaults, EnvironmentFile, RequestFile } from '../../shared/model/workspace';
import { ImportContext, type ImportOptions } from './context';
import { ImportError } from './errors';
import { finish, type ImportOutput } from './finish';
import { kvList, postmanAuth, postmanBody, postmanUrl } from './postman-parts';
import { carryScripts, warnScripts } from './postman-scripts';
import { arr, isObject, parseJson, readText, str } from './read';

export function postmanVersion(doc: unknown): '2.0' | '2.1' | '1' | undefined {
  if (!isObject(doc)) return undefined;
  const schema = isObject(doc.info) ? str(doc.info.schema) ?? '' : '';
  if (/\/v2\.1\.\d/.test(schema)) return '2.1';
  if (/\/v2\.0\.\d/.test(schema)) return '2.0';
  if (Array.isArray(doc.requests) && (Array.isArray(doc.order) || typeof doc.id === 'string') && !isObject(doc.info)) return '1';
  return undefined;
}

export function isPostmanEnvironment(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc.values) && (str(doc._postman_variable_scope) !== undefined || typeof doc.name === 'string');
}

function description(d: unknown): string | undefined {
  const text = isObject(d) ? str(d.content) : str(d);
  return text && text.trim() !== '' ? text : undefined;
}

function headers(raw: unknown): KeyValue[] {
  if (typeof raw === 'string') {
    return raw.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => {
      const i = l.indexOf(':');
      return { name: l.slice(0, i).trim(), value: l.slice(i + 1).trim(), enabled: true };
    });
  }
  return kvList(raw);
}

function request(ctx: ImportContext, item: Record<string, unknown>, inherited: boolean): RequestFile {
  const name = str(item.name) ?? 'Request';
  const where = `request '${name}'`;
  const req = typeof item.request === 'string' ? { url: item.request, method: 'GET' } : isObject(item.request) ? item.request : {};
  const url = postmanUrl(req.url);
  const hs = ctx.scrubHeaders(headers(req.header), where);
  const out: RequestFile = { name, method: (str(req.method) ?? 'GET').toUpperCase(), url: url.url };
  if (url.params.length > 0) out.params = ctx.scrubParams(url.params, where);
  if (hs.length > 0) out.headers = hs;
  const body = postmanBody(ctx, req.body, hs, where);
  if (body) out.body = body;
  const vars = { ...ctx.variables(variableEntries(item.variable), where), ...url.pathVars };
  if (Object.keys(vars).length > 0) out.variables = vars;
  const key = postmanAuth(ctx, req.auth, where);
  if (typeof key === 'string') out.key = key;
  if (key === null && inherited) ctx.warn(`${where}: 'No Auth' here overrides the folder's auth in Postman; Clearance inherits the folder's key profile, so check this request`);
  const docs = description(req.description) ?? description(item.description);
  if (docs) out.docs = docs;
  warnScripts(ctx, item.event, where);
  const examples = arr(item.response).length;
  if (examples > 0) ctx.warn(`${where}: ${examples} saved example response(s) not imported`);
  return out;
}

function items(ctx: ImportContext, list: unknown, inherited: boolean): CollectionItem[] {
  return arr(list).filter(isObject).map((item): CollectionItem => {
    if (!Array.isArray(item.item)) return { type: 'request', request: request(ctx, item, inherited) };
    const name = str(item.name) ?? 'Folder';
    const where = `folder '${name}'`;
    const defaults: Defaults = {};
    const key = postmanAuth(ctx, item.auth, where);
    if (typeof key === 'string') defaults.key = key;
    const vars = ctx.variables(variableEntries(item.variable), where);
    if (Object.keys(vars).length > 0) defaults.variables = vars;
    warnScripts(ctx, item.event, where);
    const folder: CollectionItem = { type: 'folder', name, items: items(ctx, item.item, inherited || typeof key === 'string') };
    if (Object.keys(defaults).length > 0) folder.defaults = defaults;
    return folder;
  });
}

function variableEntries(list: unknown): Array<{ name: string; value: string; secret?: boolean }> {
  return arr(list).filter(isObject).filter((v) => v.disabled !== true && v.enabled !== false)
    .map((v) => ({ name: str(v.key) ?? str(v.id) ?? '', value: str(v.value) ?? '', secret: str(v.type) === 'secret' }))
    .filter((v) => v.name !== '');
}

export function postmanEnvironment(ctx: ImportContext, doc: Record<string, unknown>): EnvironmentFile {
  const name = str(doc.name) ?? 'environment';
  return { name, variables: ctx.variables(variableEntries(doc.values), `environment '${name}'`) };
}

/** `scripts: 'run'`: the caller (clearance run) carries the scripts (postmanScriptChains), so they are not warned about. */
export function importPostmanDocument(file: string, doc: unknown, opts: ImportOptions & { scripts?: 'run' } = {}): ImportOutput {
  const ctx = new ImportContext(file, opts);
  if (opts.scripts === 'run') carryScripts(ctx);
  if (isPostmanEnvironment(doc)) {
    const env = postmanEnvironment(ctx, doc as Record<string, unknown>);
    return finish(ctx, { name: env.name, items: [], environments: [env] }, 'postman-environment');
  }
  const version = postmanVersion(doc);
  if (version === '1') throw new ImportError(file, 'Postman collection format v1 is not supported: export it from Postman as Collection v2.1');
  if (!version || !isObject(doc)) {
    throw new ImportError(file, 'not a Postman collection: expected info.schema naming collection v2.0.0 or v2.1.0');
  }
  const info = doc.info as Record<string, unknown>;
  const name = str(info.name) ?? 'Postman collection';
  const defaults: Defaults = {};
  const key = postmanAuth(ctx, doc.auth, `collection '${name}'`);
  if (typeof key === 'string') defaults.key = key;
  const variables = ctx.variables(variableEntries(doc.variable), `collection '${name}'`);
  if (Object.keys(variables).length > 0) defaults.variables = variables;
  warnScripts(ctx, doc.event, `collection '${name}'`);
  const collection: Collection = { name, items: items(ctx, doc.item, typeof key === 'string'), environments: [] };
  if (Object.keys(defaults).length > 0) collection.defaults = defaults;
  return finish(ctx, collection, `postman-${version}`);
}

export async function importPostman(file: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  return importPostmanDocument(file, parseJson(file, await readText(file)), opts);
}
