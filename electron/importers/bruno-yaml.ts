// Bruno's YAML collections (OpenCollection: opencollection.yml, request .yml files, folder.yml).
import type { Body, KeyValue, MultipartPart } from '../../shared/model/request';
import type { Defaults, RequestFile, Variables } from '../../shared/model/workspace';
import { type BrunoFolder, type BrunoRequest, brunoAuth } from './bruno-bru';
import { type BrunoPhases, ymlPhases } from './bruno-scripts';
import type { ImportContext } from './context';
import { carriesScripts } from './postman-scripts';
import { arr, isObject, str } from './read';

type Doc = Record<string, unknown>;

function rows(list: unknown): Array<KeyValue & { type?: string; raw: Doc }> {
  return arr(list).filter(isObject).map((e) => ({ name: str(e.name) ?? '', value: str(e.value) ?? '', enabled: e.disabled !== true && e.enabled !== false, type: str(e.type), raw: e }));
}

function authOf(ctx: ImportContext, auth: unknown, where: string): string | undefined {
  if (typeof auth === 'string') return brunoAuth(ctx, auth, {}, where);
  if (!isObject(auth)) return undefined;
  const type = str(auth.type);
  const nested = type && isObject(auth[type]) ? (auth[type] as Doc) : auth;
  const f = Object.fromEntries(Object.entries(nested).map(([k, v]) => [k, str(v)]));
  return brunoAuth(ctx, type, f, where);
}

function body(ctx: ImportContext, b: unknown, where: string): Body | undefined {
  if (!isObject(b)) return undefined;
  const type = str(b.type);
  const data = b.data;
  switch (type) {
    case undefined: case 'none': return undefined;
    case 'json': return { kind: 'json', text: ctx.scrubJson(str(data) ?? '', where) };
    case 'text': return { kind: 'text', text: str(data) ?? '', contentType: 'text/plain' };
    case 'xml': return { kind: 'text', text: str(data) ?? '', contentType: 'application/xml' };
    case 'formUrlEncoded': case 'form-urlencoded': return { kind: 'form', fields: ctx.scrubFields(rows(data), where) };
    case 'multipartForm': case 'multipart-form':
      return { kind: 'multipart', parts: rows(data).map((r): MultipartPart => {
        const file = r.type === 'file' ? (Array.isArray(r.raw.value) ? str(r.raw.value[0]) : r.value) : undefined;
        const p: MultipartPart = file !== undefined ? { name: r.name, file, enabled: r.enabled } : { name: r.name, value: r.value, enabled: r.enabled };
        const ct = str(r.raw.contentType);
        if (ct) p.contentType = ct;
        return p;
      }) };
    case 'graphql': {
      ctx.warn(`${where}: GraphQL body imported as a JSON body {query, variables} (GraphQL mode is not supported)`);
      const g = isObject(data) ? data : { query: str(data) };
      let variables: unknown = g.variables ?? {};
      if (typeof variables === 'string') { try { variables = JSON.parse(variables || '{}'); } catch { variables = {}; } }
      return { kind: 'json', text: JSON.stringify({ query: str(g.query) ?? '', variables }, null, 2) };
    }
    default:
      ctx.warn(`${where}: body type '${type}' not imported (not supported)`);
      return undefined;
  }
}

/**
 * Scripts, assertions and post-response actions of a level (`holder`: a request's runtime, a folder's
 * or the collection's request): carried for a run (clearance run), else warned about.
 */
function scriptsOf(ctx: ImportContext, holder: Doc, where: string): BrunoPhases | undefined {
  const scripts = arr(holder.scripts).length > 0 || (isObject(holder.scripts) && Object.keys(holder.scripts).length > 0);
  const assertions = arr(holder.assertions).length > 0;
  if (carriesScripts(ctx)) return scripts || assertions || arr(holder.actions).length > 0 ? ymlPhases(holder, where) : undefined;
  if (scripts) ctx.warn(`${where}: scripts not imported (scripts are not supported)`);
  if (assertions) ctx.warn(`${where}: assertions not imported (not supported)`);
  return undefined;
}

function seqOf(info: Doc): number | undefined {
  const n = Number(info.seq);
  return Number.isFinite(n) && info.seq !== undefined ? n : undefined;
}

export function ymlFolder(ctx: ImportContext, doc: Doc, where: string): BrunoFolder {
  const info = isObject(doc.info) ? doc.info : isObject(doc.meta) ? doc.meta : {};
  const req = isObject(doc.request) ? doc.request : isObject(doc.http) ? doc.http : doc;
  const d: Defaults = {};
  const headers = ctx.scrubHeaders(rows(req.headers).map(({ name: n, value, enabled }) => ({ name: n, value, enabled })), where);
  if (headers.length > 0) d.headers = headers;
  const key = authOf(ctx, req.auth, where);
  if (key) d.key = key;
  const vars = rows(isObject(req.variables) ? [] : req.variables).filter((v) => v.enabled);
  if (vars.length > 0) d.variables = ctx.variables(vars.map(({ name: n, value }) => ({ name: n, value })), where);
  const scripts = scriptsOf(ctx, req, where);
  return { name: str(info.name), seq: seqOf(info), defaults: d, ...(scripts ? { scripts } : {}) };
}

export function ymlRequest(ctx: ImportContext, doc: Doc, fallbackName: string): BrunoRequest | undefined {
  const info = isObject(doc.info) ? doc.info : isObject(doc.meta) ? doc.meta : {};
  const name = str(info.name) || fallbackName;
  const where = `request '${name}'`;
  const http = doc.http;
  if (!isObject(http)) {
    ctx.warn(`${where}: not an HTTP request (type '${str(info.type) ?? 'unknown'}'); not imported`);
    return undefined;
  }
  const url = (str(http.url) ?? '').replace(/(^|\/):([A-Za-z_][\w.-]*)(?=\/|\?|$)/g, '$1{{$2}}');
  const q = url.indexOf('?');
  const r: RequestFile = { name, method: (str(http.method) ?? 'GET').toUpperCase(), url: q >= 0 ? url.slice(0, q) : url };
  const p = http.params;
  const all = isObject(p) ? [...rows(p.query).map((x) => ({ ...x, type: 'query' })), ...rows(p.path).map((x) => ({ ...x, type: 'path' }))] : rows(p);
  const query = all.filter((x) => x.type !== 'path').map(({ name: n, value, enabled }) => ({ name: n, value, enabled }));
  if (query.length > 0) r.params = ctx.scrubParams(query, where);
  const headers = ctx.scrubHeaders(rows(http.headers).map(({ name: n, value, enabled }) => ({ name: n, value, enabled })), where);
  if (headers.length > 0) r.headers = headers;
  const b = body(ctx, http.body, where);
  if (b) r.body = b;
  const variables: Variables = {};
  for (const x of all.filter((y) => y.type === 'path')) variables[x.name] = x.value;
  if (Object.keys(variables).length > 0) r.variables = variables;
  const key = authOf(ctx, http.auth, where);
  if (key) r.key = key;
  const docs = isObject(doc.docs) ? str(doc.docs.content) : str(doc.docs);
  if (docs) r.docs = docs;
  const scripts = scriptsOf(ctx, isObject(doc.runtime) ? doc.runtime : {}, where);
  return { seq: seqOf(info), request: r, ...(scripts ? { scripts } : {}) };
}

export function ymlEnvironment(ctx: ImportContext, doc: Doc, name: string): Variables {
  const vars = arr(doc.variables).filter(isObject).filter((v) => v.enabled !== false && v.disabled !== true)
    .map((v) => ({ name: str(v.name) ?? '', value: str(v.value) ?? '', secret: v.secret === true })).filter((v) => v.name !== '');
  return ctx.variables(vars, `environment '${name}'`);
}
