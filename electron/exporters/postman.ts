// Collection → Postman collection v2.1 JSON: folders, requests, variables (secrets as empty `secret`
// variables), key profiles as Postman auth, every body kind.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Body, KeyValue } from '../../shared/model/request';
import type { Defaults, RequestFile, Variables } from '../../shared/model/workspace';
import { KeyProfileSchema } from '../../shared/model/profiles';
import { secretSource } from '../importers/auth';

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

/** `{{x}}` path segments that are request variables go back to Postman's `:x` form. */
function url(r: RequestFile): Json {
  const pathVars = Object.entries(r.variables ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  let base = r.url;
  const variable: Json[] = [];
  for (const [name, value] of pathVars) {
    const re = new RegExp(`/\\{\\{${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\}\\}(?=/|$)`, 'g');
    if (!re.test(base)) continue;
    base = base.replace(re, `/:${name}`);
    variable.push({ key: name, value });
  }
  const query = kv(r.params);
  const enabled = (r.params ?? []).filter((p) => p.enabled);
  const raw = enabled.length > 0 ? `${base}?${enabled.map((p) => `${p.name}=${p.value}`).join('&')}` : base;
  const m = /^(?:([a-z][\w+.-]*):\/\/)?([^/]*)(\/.*)?$/i.exec(base);
  const out: Json = { raw };
  if (m?.[1]) out.protocol = m[1];
  if (m) out.host = m[2]!.split('.');
  if (m?.[3]) out.path = m[3].slice(1).split('/');
  if (query.length > 0) out.query = query;
  if (variable.length > 0) out.variable = variable;
  return out;
}

function request(r: RequestFile, keys: Key[]): Json {
  const req: Json = { method: r.method, header: kv(r.headers) };
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

function items(list: CollectionItem[], keys: Key[]): Json[] {
  return list.map((i) => {
    if (i.type === 'request') return request(i.request, keys);
    const f: Json = { name: i.name, item: items(i.items, keys) };
    extras(f, i.defaults, keys);
    return f;
  });
}

/** Folder/collection defaults: auth from the key profile, variables; headers have no Postman home. */
function extras(target: Json, d: Defaults | undefined, keys: Key[]): void {
  const a = auth(keys.find((k) => k.name === d?.key));
  if (a) target.auth = a;
  const vars = variables(d?.variables);
  if (vars.length > 0) target.variable = vars;
}

export function exportPostman(collection: Collection): { json: Json; warnings: string[] } {
  const keys = collection.keys ?? [];
  const warnings: string[] = [];
  for (const k of keys) if (!auth(k)) warnings.push(`key profile '${k.name}' (${k.kind}) has no Postman auth equivalent; left out`);
  const walk = (list: CollectionItem[], where: string): void => {
    for (const i of list) {
      if (i.type === 'folder') {
        if (i.defaults?.headers?.length) warnings.push(`folder '${i.name}': default headers left out (Postman folders have none)`);
        walk(i.items, `${where}/${i.name}`);
      } else if (i.request.options) warnings.push(`request '${i.request.name}': send options (timeouts, TLS, proxy) left out`);
    }
  };
  walk(collection.items, '');
  if (collection.defaults?.headers?.length) warnings.push('collection default headers left out (Postman collections have none)');
  if (collection.gateways?.length) warnings.push(`${collection.gateways.length} gateway profile(s) left out (Postman has none)`);
  if (collection.environments.length) warnings.push(`${collection.environments.length} environment(s) not in the collection file (Postman keeps them apart)`);
  const json: Json = { info: { name: collection.name, schema: SCHEMA }, item: items(collection.items, keys) };
  extras(json, collection.defaults, keys);
  return { json, warnings };
}
