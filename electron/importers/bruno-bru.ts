// Bruno .bru request, folder.bru / collection.bru and environment files → Clearance pieces.
import type { Body, KeyValue, MultipartPart } from '../../shared/model/request';
import type { Defaults, RequestFile, Variables } from '../../shared/model/workspace';
import { authToKey, unsupportedAuth } from './auth';
import { type BruBlock, dict, dictValue, textBlock } from './bru-lang';
import { type BrunoPhases, bruPhases } from './bruno-scripts';
import type { ImportContext } from './context';
import { carriesScripts } from './postman-scripts';

const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'connect', 'trace'];

/** `scripts`: only when a run carries them (clearance run), otherwise they are warned about. */
export interface BrunoRequest { seq?: number; request: RequestFile; scripts?: BrunoPhases }
export interface BrunoFolder { name?: string; seq?: number; defaults: Defaults; scripts?: BrunoPhases }

/** Bruno auth mode + its fields → key profile name (undefined: inherit or not carried over). */
export function brunoAuth(ctx: ImportContext, mode: string | undefined, f: Record<string, string | undefined>, where: string): string | undefined {
  switch (mode) {
    case undefined: case 'none': case 'inherit': return undefined;
    case 'bearer': return authToKey(ctx, { kind: 'bearer', token: f.token }, where);
    case 'basic': case 'digest': return authToKey(ctx, { kind: mode, username: f.username, password: f.password }, where);
    case 'apikey': return authToKey(ctx, { kind: 'api-key', name: f.key, value: f.value, in: /query/i.test(f.placement ?? '') ? 'query' : 'header' }, where);
    case 'awsv4': return authToKey(ctx, { kind: 'aws-sigv4', accessKey: f.accessKeyId, secretKey: f.secretAccessKey, sessionToken: f.sessionToken || undefined, region: f.region, service: f.service }, where);
    case 'oauth2': return authToKey(ctx, { kind: 'oauth2', grant: f.grant_type ?? f.grantType, tokenUrl: f.access_token_url ?? f.accessTokenUrl, clientId: f.client_id ?? f.clientId, clientSecret: f.client_secret ?? f.clientSecret, scope: f.scope }, where);
    default: return unsupportedAuth(ctx, mode, where);
  }
}

function fields(blocks: BruBlock[], name: string): Record<string, string> {
  return Object.fromEntries(dict(blocks, name).map((e) => [e.key, e.value]));
}

function kv(blocks: BruBlock[], name: string): KeyValue[] {
  return dict(blocks, name).map((e) => ({ name: e.key, value: e.value, enabled: e.enabled }));
}

function part(e: { key: string; value: string; enabled: boolean }): MultipartPart {
  // Anchored at the last '@contentType(' (linear; an unanchored \s* prefix was quadratic on long spaces).
  const at = e.value.lastIndexOf('@contentType(');
  const ct = at >= 0 ? /^@contentType\(([^)]*)\)\s*$/.exec(e.value.slice(at)) : null;
  const value = ct ? e.value.slice(0, at).trimEnd() : e.value;
  const file = /^@file\((.*)\)$/.exec(value.trim());
  const p: MultipartPart = file ? { name: e.key, file: file[1]!.split('|')[0]!, enabled: e.enabled } : { name: e.key, value, enabled: e.enabled };
  if (ct) p.contentType = ct[1]!;
  return p;
}

function body(ctx: ImportContext, blocks: BruBlock[], mode: string | undefined, where: string): Body | undefined {
  switch (mode) {
    case undefined: case 'none': return undefined;
    case 'json': return { kind: 'json', text: ctx.scrubJson(textBlock(blocks, 'body:json') ?? '', where) };
    case 'text': return { kind: 'text', text: textBlock(blocks, 'body:text') ?? '', contentType: 'text/plain' };
    case 'xml': return { kind: 'text', text: textBlock(blocks, 'body:xml') ?? '', contentType: 'application/xml' };
    case 'formUrlEncoded': case 'form-urlencoded': return { kind: 'form', fields: ctx.scrubFields(kv(blocks, 'body:form-urlencoded'), where) };
    case 'multipartForm': case 'multipart-form': return { kind: 'multipart', parts: dict(blocks, 'body:multipart-form').map(part) };
    case 'graphql': {
      ctx.warn(`${where}: GraphQL body imported as a JSON body {query, variables} (GraphQL mode is not supported)`);
      let variables: unknown = {};
      try { variables = JSON.parse(textBlock(blocks, 'body:graphql:vars') || '{}'); } catch { ctx.warn(`${where}: GraphQL variables are not valid JSON; left out`); }
      return { kind: 'json', text: JSON.stringify({ query: textBlock(blocks, 'body:graphql') ?? '', variables }, null, 2) };
    }
    case 'file': {
      const f = dict(blocks, 'body:file').find((e) => e.enabled) ?? dict(blocks, 'body:file')[0];
      const p = f ? part(f) : undefined;
      return { kind: 'binary', file: p?.file ?? '', ...(p?.contentType ? { contentType: p.contentType } : {}) };
    }
    default:
      ctx.warn(`${where}: body type '${mode}' not imported (not supported)`);
      return undefined;
  }
}

/** `ran`: a run carries the scripts (and a request's assertions), so only what it leaves is warned about. */
function unsupported(ctx: ImportContext, blocks: BruBlock[], where: string, ran: { assert: boolean }): void {
  const carried = carriesScripts(ctx);
  for (const b of blocks) {
    const empty = (b.kind === 'text' && b.text.trim() === '') || (b.kind === 'dict' && b.entries.length === 0);
    if (empty || (carried && (b.name.startsWith('script:') || b.name === 'tests' || b.name === 'vars:post-response'))) continue;
    if (carried && ran.assert && b.name === 'assert') continue;
    if (b.name.startsWith('script:') || b.name === 'tests') ctx.warn(`${where}: ${b.name === 'tests' ? 'tests' : `${b.name.slice(7)} script`} not imported (scripts are not supported)`);
    else if (b.name === 'assert') ctx.warn(`${where}: assertions not imported (not supported)`);
    else if (b.name === 'vars:post-response') ctx.warn(`${where}: post-response variables not imported (not supported)`);
  }
}

function folderDefaults(ctx: ImportContext, blocks: BruBlock[], where: string): Defaults {
  const d: Defaults = {};
  const headers = ctx.scrubHeaders(kv(blocks, 'headers'), where);
  if (headers.length > 0) d.headers = headers;
  const variables = ctx.variables(kv(blocks, 'vars:pre-request').filter((e) => e.enabled), where);
  if (Object.keys(variables).length > 0) d.variables = variables;
  const mode = dictValue(blocks, 'auth', 'mode');
  const key = brunoAuth(ctx, mode, fields(blocks, `auth:${mode}`), where);
  if (key) d.key = key;
  unsupported(ctx, blocks, where, { assert: false });
  return d;
}

export function bruFolder(ctx: ImportContext, blocks: BruBlock[], where: string): BrunoFolder {
  const seq = Number(dictValue(blocks, 'meta', 'seq'));
  const f: BrunoFolder = { name: dictValue(blocks, 'meta', 'name'), seq: Number.isFinite(seq) ? seq : undefined, defaults: folderDefaults(ctx, blocks, where) };
  if (carriesScripts(ctx)) f.scripts = bruPhases(blocks, where);
  return f;
}

/** A request file; undefined (with a warning) for GraphQL-only or unknown request types. */
export function bruRequest(ctx: ImportContext, blocks: BruBlock[], fallbackName: string): BrunoRequest | undefined {
  const name = dictValue(blocks, 'meta', 'name') || fallbackName;
  const where = `request '${name}'`;
  const methodBlock = blocks.find((b) => METHODS.includes(b.name));
  if (!methodBlock || methodBlock.kind !== 'dict') {
    ctx.warn(`${where}: no HTTP method block (get, post, …); not imported`);
    return undefined;
  }
  const m = Object.fromEntries(methodBlock.entries.map((e) => [e.key, e.value]));
  const url = (m.url ?? '').replace(/(^|\/):([A-Za-z_][\w.-]*)(?=\/|\?|$)/g, '$1{{$2}}');
  const q = url.indexOf('?');
  const r: RequestFile = { name, method: methodBlock.name.toUpperCase(), url: q >= 0 ? url.slice(0, q) : url };
  const params = ctx.scrubParams(kv(blocks, 'params:query'), where);
  if (params.length > 0) r.params = params;
  const headers = ctx.scrubHeaders(kv(blocks, 'headers'), where);
  if (headers.length > 0) r.headers = headers;
  const b = body(ctx, blocks, m.body, where);
  if (b) r.body = b;
  const variables: Variables = {};
  for (const p of kv(blocks, 'params:path')) variables[p.name] = p.value;
  Object.assign(variables, ctx.variables(kv(blocks, 'vars:pre-request').filter((e) => e.enabled), where));
  if (Object.keys(variables).length > 0) r.variables = variables;
  const key = brunoAuth(ctx, m.auth, fields(blocks, `auth:${m.auth}`), where);
  if (key) r.key = key;
  const docs = textBlock(blocks, 'docs');
  if (docs) r.docs = docs;
  unsupported(ctx, blocks, where, { assert: true });
  const seq = Number(dictValue(blocks, 'meta', 'seq'));
  const out: BrunoRequest = { seq: Number.isFinite(seq) ? seq : undefined, request: r };
  if (carriesScripts(ctx)) out.scripts = bruPhases(blocks, where);
  return out;
}

export function bruEnvironment(ctx: ImportContext, blocks: BruBlock[], name: string): Variables {
  const secretNames = blocks.filter((b) => b.kind === 'list' && b.name === 'vars:secret').flatMap((b) => (b.kind === 'list' ? b.items : []));
  const entries = kv(blocks, 'vars').filter((e) => e.enabled).map((e) => ({ name: e.name, value: e.value, secret: secretNames.includes(e.name) }));
  for (const s of secretNames) if (!entries.some((e) => e.name === s)) entries.push({ name: s.replace(/^~/, ''), value: '', secret: true });
  return ctx.variables(entries, `environment '${name}'`);
}
