// Collection → Postman collection v2.1 JSON: folders, requests, variables (secrets as empty `secret`
// variables), key profiles as Postman auth, every body kind. Headers come from the prepared request
// (prepareTemplate): folder, collection and gateway headers are copied into each request, and a
// header the key replaces is left out, so Postman sends what Clearance sends.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Body, KeyValue } from '../../shared/model/request';
import type { Defaults, RequestFile, Variables } from '../../shared/model/workspace';
import { KeyProfileSchema } from '../../shared/model/profiles';
import { secretSource } from '../importers/auth';
import { prepareTemplate } from './prepare';
import { escapeRegex } from '../../shared/util/escape-regex';

type Json = Record<string, unknown>;
type Key = NonNullable<Collection['keys']>[number];
const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const kv = (list: KeyValue[] | undefined): Json[] => (list ?? []).map((h) => ({ key: h.name, value: h.value, ...(h.enabled ? {} : { disabled: true }) }));

function variables(vars: Variables | undefined): Json[] {
  return Object.entries(vars ?? {}).map(([key, v]) => (typeof v === 'string' ? { key, value: v, type: 'string' } : { key, value: '', type: 'secret' }));
}

/** The profile with its schema defaults (an api-key's default `x-api-key` parameter...), as the engine reads it. */
function parsed(raw: Key): Key {
  const r = KeyProfileSchema.safeParse(raw);
  return r.success ? (r.data as unknown as Key) : raw;
}

function auth(raw: Key | undefined): Json | undefined {
  if (!raw) return undefined;
  const key = parsed(raw);
  const s = (k: string): string => (typeof key[k] === 'string' ? (key[k] as string) : '');
  const list = (o: Record<string, string>): Json[] => Object.entries(o).map(([k, value]) => ({ key: k, value, type: 'string' }));
  switch (key.kind) {
    case 'bearer': return s('scheme') && s('scheme') !== 'Bearer' ? undefined : { type: 'bearer', bearer: list({ token: secretSource(key, 'token') }) };
    case 'basic': case 'digest': return { type: key.kind, [key.kind]: list({ username: s('username'), password: secretSource(key, 'password') }) };
    case 'api-key':
      if (s('prefix')) return undefined;
      return { type: 'apikey', apikey: list({ key: s('param'), value: secretSource(key, 'key'), in: key.in === 'query' ? 'query' : 'header' }) };
    case 'oauth2-client-credentials':
      return { type: 'oauth2', oauth2: list({ grant_type: 'client_credentials', accessTokenUrl: s('tokenUrl'), clientId: s('clientId'), clientSecret: secretSource(key, 'clientSecret'),
        scope: Array.isArray(key.scope) ? key.scope.join(' ') : '' }) };
    case 'aws-sigv4':
      return { type: 'awsv4', awsv4: list({ accessKey: s('accessKeyId'), secretKey: secretSource(key, 'secretAccessKey'), region: s('region'), service: s('service'),
        ...(key.sessionToken ? { sessionToken: secretSource(key, 'sessionToken') } : {}) }) };
    default: return undefined;
  }
}

function body(b: Body | undefined): Json | undefined {
  if (!b) return undefined;
  switch (b.kind) {
    case 'none': return undefined;
    case 'json': return { mode: 'raw', raw: b.text, options: { raw: { language: 'json' } } };
    case 'text': return { mode: 'raw', raw: b.text, options: { raw: { language: /xml/.test(b.contentType ?? '') ? 'xml' : /html/.test(b.contentType ?? '') ? 'html' : 'text' } } };
    case 'form': return { mode: 'urlencoded', urlencoded: b.fields.map((f) => ({ key: f.name, value: f.value, type: 'text', ...(f.enabled ? {} : { disabled: true }) })) };
    case 'multipart': return { mode: 'formdata', formdata: b.parts.map((p) => ({ key: p.name, ...(p.file !== undefined ? { type: 'file', src: p.file } : { value: p.value ?? '', type: 'text' }),
      ...(p.contentType ? { contentType: p.contentType } : {}), ...(p.enabled ? {} : { disabled: true }) })) };
    case 'binary': return { mode: 'file', file: { src: b.file } };
  }
}

/** `a=1&b` → rows, decoded as Postman's query list holds them (the engine encodes them again). */
function queryRows(text: string): KeyValue[] {
  const dec = (t: string): string => {
    try { return decodeURIComponent(t.replace(/\+/g, ' ')); } catch { return t; } // not %-encoded as URLs should be: kept as written
  };
  return text.split('&').filter((p) => p !== '').map((pair) => {
    const eq = pair.indexOf('=');
    return { name: dec(eq < 0 ? pair : pair.slice(0, eq)), value: eq < 0 ? '' : dec(pair.slice(eq + 1)), enabled: true };
  });
}

/** `{{x}}` path segments that are request variables go back to Postman's `:x` form. */
function url(r: RequestFile): Json {
  const pathVars = Object.entries(r.variables ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  let base = r.url;
  const variable: Json[] = [];
  for (const [name, value] of pathVars) {
    const re = new RegExp(`/\\{\\{${escapeRegex(name)}\\}\\}(?=/|$)`, 'g');
    if (!re.test(base)) continue;
    base = base.replace(re, `/:${name}`);
    variable.push({ key: name, value });
  }
  // Postman's query list is the whole query: the URL's own part joins the params (an importer reads the list, not raw).
  const q = base.indexOf('?');
  const own = q < 0 ? [] : queryRows(base.slice(q + 1));
  const path = q < 0 ? base : base.slice(0, q);
  const query = kv([...own, ...(r.params ?? [])]);
  const enabled = (r.params ?? []).filter((p) => p.enabled);
  const extra = enabled.map((p) => `${p.name}=${p.value}`).join('&');
  const raw = extra === '' ? base : `${base}${q < 0 ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&'}${extra}`;
  const m = /^(?:([a-z][\w+.-]*):\/\/)?([^/]*)(\/.*)?$/i.exec(path);
  const out: Json = { raw };
  if (m?.[1]) out.protocol = m[1];
  if (m) out.host = m[2]!.split('.');
  if (m?.[3]) out.path = m[3].slice(1).split('/');
  if (query.length > 0) out.query = query;
  if (variable.length > 0) out.variable = variable;
  return out;
}

/**
 * The request's headers as Clearance sends them, for a format with no folder headers: its own rows
 * (disabled ones kept) minus those the key replaces, then what the folders, the collection and the
 * gateway add. Variables stay `{{name}}`: Postman fills them from the collection's variables.
 */
async function headersOf(c: Collection, r: RequestFile, folders: Defaults[]): Promise<Json[]> {
  const p = await prepareTemplate(c, { path: [], request: r, folders });
  const byKey = new Set(p.keyHeaders.map((n) => n.toLowerCase()));
  const own = (r.headers ?? []).filter((h) => !byKey.has(h.name.toLowerCase()));
  const inherited = p.headers.filter((h) => h.origin === 'folder' || h.origin === 'collection' || h.origin === 'gateway')
    .map((h) => ({ name: h.name, value: h.value, enabled: true }));
  return kv([...own, ...inherited]);
}

async function request(c: Collection, r: RequestFile, folders: Defaults[], keys: Key[]): Promise<Json> {
  const req: Json = { method: r.method, header: await headersOf(c, r, folders) };
  const b = body(r.body);
  if (b) req.body = b;
  req.url = url(r);
  const a = auth(keys.find((k) => k.name === r.key));
  if (a) req.auth = a;
  if (r.docs) req.description = r.docs;
  const vars = Object.entries(r.variables ?? {}).filter(([n]) => !new RegExp(`\\{\\{${n}\\}\\}`).test(r.url));
  const item: Json = { name: r.name, request: req };
  if (vars.length > 0) item.variable = variables(Object.fromEntries(vars));
  return item;
}

async function items(c: Collection, list: CollectionItem[], folders: Defaults[], keys: Key[]): Promise<Json[]> {
  const out: Json[] = [];
  for (const i of list) {
    if (i.type === 'request') {
      out.push(await request(c, i.request, folders, keys));
      continue;
    }
    const f: Json = { name: i.name, item: await items(c, i.items, i.defaults ? [i.defaults, ...folders] : folders, keys) };
    extras(f, i.defaults, keys);
    out.push(f);
  }
  return out;
}

/** Folder/collection defaults: auth from the key profile, variables (their headers are copied into each request). */
function extras(target: Json, d: Defaults | undefined, keys: Key[]): void {
  const a = auth(keys.find((k) => k.name === d?.key));
  if (a) target.auth = a;
  const vars = variables(d?.variables);
  if (vars.length > 0) target.variable = vars;
}

export async function exportPostman(collection: Collection): Promise<{ json: Json; warnings: string[] }> {
  const keys = collection.keys ?? [];
  const warnings: string[] = [];
  for (const k of keys) if (!auth(k)) warnings.push(`key profile '${k.name}' (${k.kind}) has no Postman auth equivalent; left out`);
  const walk = (list: CollectionItem[], where: string): void => {
    for (const i of list) {
      if (i.type === 'folder') {
        if (i.defaults?.headers?.length) warnings.push(`folder '${i.name}': default headers copied into each of its requests (Postman folders have none)`);
        walk(i.items, `${where}/${i.name}`);
      } else if (i.request.options) warnings.push(`request '${i.request.name}': send options (timeouts, TLS, proxy) left out`);
    }
  };
  walk(collection.items, '');
  if (collection.defaults?.headers?.length) warnings.push('collection default headers copied into each request (Postman collections have none)');
  for (const g of collection.gateways ?? []) {
    warnings.push(`gateway profile '${g.name}': its headers are copied into the requests that use it; its URL rewrite, proxy and TLS settings have no Postman equivalent, left out`);
  }
  if (collection.environments.length) warnings.push(`${collection.environments.length} environment(s) not in the collection file (Postman keeps them apart)`);
  const json: Json = { info: { name: collection.name, schema: SCHEMA }, item: await items(collection, collection.items, [], keys) };
  extras(json, collection.defaults, keys);
  return { json, warnings };
}
