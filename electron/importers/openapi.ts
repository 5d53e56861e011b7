// OpenAPI 3.0/3.1 (JSON or YAML) → a collection: an operation per request, folders by first tag,
// servers → gateway profiles + a baseUrl variable, security schemes → key profiles.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Defaults } from '../../shared/model/workspace';
import { authToKey } from './auth';
import { ImportContext, toVarName, type ImportOptions } from './context';
import { ImportError } from './errors';
import { finish, type ImportOutput } from './finish';
import { operationRequest } from './openapi-operation';
import { checkOpenApiRefs, REF_OPTIONS } from './openapi-refs';
import { arr, isObject, parseJsonOrYaml, readText, str } from './read';
import { trimEndChars } from '../../shared/util/trim';

type Obj = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function openapiVersion(doc: unknown): string | undefined {
  if (!isObject(doc)) return undefined;
  return str(doc.openapi) ?? (doc.swagger !== undefined ? `swagger-${str(doc.swagger)}` : undefined);
}

async function dereference(file: string, raw: Obj, ctx: ImportContext): Promise<Obj> {
  const doc = structuredClone(raw);
  checkOpenApiRefs(file, doc);
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    return (await SwaggerParser.validate(structuredClone(doc) as never, REF_OPTIONS)) as unknown as Obj;
  } catch (err) {
    ctx.warn(`not a valid OpenAPI document (${firstLine(err)}); imported as far as possible`);
  }
  try {
    return (await SwaggerParser.dereference(doc as never, REF_OPTIONS)) as unknown as Obj;
  } catch (err) {
    throw new ImportError(file, `cannot resolve the OpenAPI document's $refs: ${firstLine(err)}`);
  }
}

function firstLine(err: unknown): string {
  return String((err as Error).message ?? err).split('\n')[0]!.slice(0, 300);
}

function serverUrl(s: Obj): string {
  const vars = isObject(s.variables) ? s.variables : {};
  return trimEndChars((str(s.url) ?? '').replace(/\{([^}]+)\}/g, (all, v: string) => {
    const def = isObject(vars[v]) ? str((vars[v] as Obj).default) : undefined;
    return def ?? all;
  }), '/');
}

/** servers → gateway profiles (shared/model/profiles): the first is the baseUrl; the others rewrite it. */
function gateways(ctx: ImportContext, doc: Obj): { baseUrl: string; profiles: Array<Record<string, unknown> & { name: string }> } {
  const used = new Set<string>();
  const servers = arr(doc.servers).filter(isObject).map((s) => ({ url: serverUrl(s), description: str(s.description) }));
  const baseUrl = servers[0]?.url ?? '';
  const profiles: Array<Record<string, unknown> & { name: string }> = [];
  servers.forEach((s, i) => {
    if (!/^https?:\/\/[^/?#]+/.test(s.url)) {
      ctx.warn(`server '${s.url}' is not an absolute http(s) URL; no gateway profile made for it${i === 0 ? ' (set the baseUrl variable)' : ''}`);
      return;
    }
    let host = s.url;
    try { host = new URL(s.url).host; } catch { /* checked above */ }
    const base = toVarName(s.description || host).replace(/[._]+/g, '-').toLowerCase();
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    const description = `${s.description ? `${s.description}: ` : ''}${s.url}${i === 0 ? ' (the baseUrl the requests are written against)' : ''}`;
    profiles.push(i === 0 || !/^https?:\/\//.test(baseUrl) ? { name, description } : { name, description, rewrite: { from: baseUrl, to: s.url } });
  });
  return { baseUrl, profiles };
}

function securityKeys(ctx: ImportContext, doc: Obj, plain: Record<string, string>): Map<string, { key: string; header?: string }> {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const out = new Map<string, { key: string; header?: string }>();
  for (const [id, raw] of Object.entries(schemes)) {
    if (!isObject(raw)) continue;
    const where = `security scheme '${id}'`;
    const type = str(raw.type);
    const v = toVarName(id);
    let key: string | undefined;
    let header: string | undefined;
    if (type === 'apiKey') {
      const placement = str(raw.in) === 'query' ? 'query' : str(raw.in) === 'cookie' ? 'cookie' : 'header';
      key = authToKey(ctx, { kind: 'api-key', name: str(raw.name), in: placement }, where, id);
      if (placement === 'header') header = str(raw.name);
    } else if (type === 'http' && /^bearer$/i.test(str(raw.scheme) ?? '')) {
      key = authToKey(ctx, { kind: 'bearer' }, where, id);
      header = 'authorization';
    } else if (type === 'http' && /^basic$/i.test(str(raw.scheme) ?? '')) {
      key = authToKey(ctx, { kind: 'basic', username: `{{${v}_username}}`, }, where, id);
      plain[`${v}_username`] = '';
      header = 'authorization';
    } else if (type === 'oauth2' && isObject(raw.flows) && isObject(raw.flows.clientCredentials)) {
      const f = raw.flows.clientCredentials;
      key = authToKey(ctx, { kind: 'oauth2', grant: 'client_credentials', tokenUrl: str(f.tokenUrl), clientId: `{{${v}_clientId}}`, 
        scope: isObject(f.scopes) ? Object.keys(f.scopes).join(' ') : undefined }, where, id);
      plain[`${v}_clientId`] = '';
    } else {
      ctx.warn(`${where}: ${type}${raw.scheme ? ` ${str(raw.scheme)}` : ''} not imported (not supported); add a key profile by hand`);
    }
    if (key) out.set(id, { key, header: header?.toLowerCase() });
  }
  return out;
}

function securityOf(req: unknown): string[] | undefined {
  if (!Array.isArray(req)) return undefined;
  return req.filter(isObject).flatMap((r) => Object.keys(r)).slice(0, 1);
}

export async function importOpenApiDocument(file: string, raw: unknown, opts: ImportOptions = {}): Promise<ImportOutput> {
  const version = openapiVersion(raw);
  if (version?.startsWith('swagger-')) throw new ImportError(file, `Swagger ${version.slice(8)} is not supported: convert it to OpenAPI 3 first (e.g. with swagger2openapi)`);
  if (!version || !/^3\.[01]\./.test(version)) {
    throw new ImportError(file, version ? `OpenAPI ${version} is not supported (3.0 and 3.1 are)` : 'not an OpenAPI document: no `openapi: 3.x` field');
  }
  const ctx = new ImportContext(file, opts);
  const doc = await dereference(file, raw as Obj, ctx);
  const info = isObject(doc.info) ? doc.info : {};
  const name = str(info.title) || 'OpenAPI';
  const gws = gateways(ctx, doc);
  const plain: Record<string, string> = {};
  const keys = securityKeys(ctx, doc, plain);
  const defaults: Defaults = { variables: { baseUrl: gws.baseUrl, ...plain } };
  if (gws.baseUrl === '') ctx.warn('no servers in the document: set the baseUrl variable');
  const global = securityOf(doc.security);
  const globalKey = global?.[0] ? keys.get(global[0]) : undefined;
  if (globalKey) defaults.key = globalKey.key;
  const folders = new Map<string, CollectionItem[]>();
  for (const t of arr(doc.tags).filter(isObject)) if (str(t.name)) folders.set(str(t.name)!, []);
  const root: CollectionItem[] = [];
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const sec = securityOf(op.security);
      const opKey = sec === undefined ? globalKey : sec[0] ? keys.get(sec[0]) : undefined;
      const request = operationRequest(ctx, { path, method, op, pathParams: arr(item.parameters), keyHeaders: opKey?.header ? [opKey.header] : [] });
      if (sec !== undefined && opKey && opKey !== globalKey) request.key = opKey.key;
      if (sec !== undefined && sec.length === 0 && globalKey) ctx.warn(`request '${request.name}': needs no credentials in the document, but the collection's key profile applies to it; check it`);
      const tag = str(arr(op.tags)[0]);
      if (tag === undefined) root.push({ type: 'request', request });
      else folders.set(tag, [...(folders.get(tag) ?? []), { type: 'request', request }]);
    }
  }
  if (isObject(doc.webhooks) && Object.keys(doc.webhooks).length > 0) ctx.warn('webhooks not imported (they are requests the API sends, not ones you send)');
  const items: CollectionItem[] = [...[...folders].filter(([, list]) => list.length > 0).map(([tag, list]): CollectionItem => ({ type: 'folder', name: tag, items: list })), ...root];
  const collection: Collection = { name, defaults, items, environments: [] };
  if (gws.profiles.length > 0) collection.gateways = gws.profiles;
  return finish(ctx, collection, `openapi-${version.slice(0, 3)}`);
}

export async function importOpenApi(file: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  return importOpenApiDocument(file, await parseJsonOrYaml(file, await readText(file)), opts);
}
