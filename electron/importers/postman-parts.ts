// Postman v2.0/v2.1 pieces: URL, headers, body and auth → Clearance request fields.
import type { Body, KeyValue, MultipartPart } from '../../shared/model/request';
import { authToKey, unsupportedAuth } from './auth';
import type { ImportContext } from './context';
import { arr, isObject, str } from './read';

const LANGUAGE_TYPES: Record<string, string> = {
  text: 'text/plain', xml: 'application/xml', html: 'text/html', javascript: 'application/javascript', json: 'application/json',
};

export function kvList(list: unknown, nameKey = 'key'): KeyValue[] {
  return arr(list).filter(isObject).map((e) => ({ name: str(e[nameKey]) ?? '', value: str(e.value) ?? '', enabled: e.disabled !== true }));
}

export interface PostmanUrl { url: string; params: KeyValue[]; pathVars: Record<string, string> }

/** `:id` path segments become `{{id}}` with their value as a request variable. */
export function postmanUrl(raw: unknown): PostmanUrl {
  const pathVars: Record<string, string> = {};
  let text: string;
  let params: KeyValue[] = [];
  if (typeof raw === 'string') {
    text = raw;
  } else if (isObject(raw)) {
    text = str(raw.raw) ?? buildRaw(raw);
    params = kvList(raw.query);
    for (const v of arr(raw.variable).filter(isObject)) {
      const key = str(v.key) ?? str(v.id);
      if (key) pathVars[key] = str(v.value) ?? '';
    }
  } else {
    text = '';
  }
  const q = text.indexOf('?');
  if (q >= 0) {
    if (params.length === 0) params = parseQuery(text.slice(q + 1));
    text = text.slice(0, q);
  }
  text = text.replace(/(^|\/):([A-Za-z_][\w.-]*)(?=\/|$)/g, (_all, slash: string, name: string) => {
    pathVars[name] ??= '';
    return `${slash}{{${name}}}`;
  });
  return { url: text, params, pathVars };
}

function buildRaw(u: Record<string, unknown>): string {
  const host = Array.isArray(u.host) ? u.host.join('.') : str(u.host) ?? '';
  const path = Array.isArray(u.path) ? u.path.map((p) => (isObject(p) ? str(p.value) ?? '' : str(p) ?? '')).join('/') : str(u.path) ?? '';
  const protocol = str(u.protocol);
  const port = str(u.port);
  return `${protocol ? `${protocol}://` : ''}${host}${port ? `:${port}` : ''}${path ? `/${path.replace(/^\//, '')}` : ''}`;
}

function parseQuery(q: string): KeyValue[] {
  return q.split('&').filter((p) => p !== '').map((pair) => {
    const eq = pair.indexOf('=');
    const dec = (s: string): string => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
    return eq < 0 ? { name: dec(pair), value: '', enabled: true } : { name: dec(pair.slice(0, eq)), value: dec(pair.slice(eq + 1)), enabled: true };
  });
}

function headerValue(headers: KeyValue[], name: string): string | undefined {
  return headers.find((h) => h.enabled && h.name.toLowerCase() === name)?.value;
}

export function postmanBody(ctx: ImportContext, body: unknown, headers: KeyValue[], where: string): Body | undefined {
  if (!isObject(body)) return undefined;
  if (body.disabled === true) {
    ctx.warn(`${where}: body is disabled in Postman; not imported`);
    return undefined;
  }
  switch (str(body.mode)) {
    case 'raw': {
      const text = str(body.raw) ?? '';
      const options = isObject(body.options) && isObject(body.options.raw) ? body.options.raw : {};
      const language = str(options.language);
      const ct = headerValue(headers, 'content-type');
      if (language === 'json' || (ct && /[/+]json\b/i.test(ct))) return { kind: 'json', text: ctx.scrubJson(text, where) };
      const contentType = ct ?? (language ? LANGUAGE_TYPES[language] : undefined);
      return contentType ? { kind: 'text', text, contentType } : { kind: 'text', text };
    }
    case 'urlencoded':
      return { kind: 'form', fields: ctx.scrubFields(kvList(body.urlencoded), where) };
    case 'formdata':
      return { kind: 'multipart', parts: formParts(ctx, body.formdata, where) };
    case 'file': {
      const src = isObject(body.file) ? str(body.file.src) : undefined;
      if (!src) ctx.warn(`${where}: binary body has no file chosen; pick one in Clearance`);
      const ct = headerValue(headers, 'content-type');
      return ct ? { kind: 'binary', file: src ?? '', contentType: ct } : { kind: 'binary', file: src ?? '' };
    }
    case 'graphql': {
      const g = isObject(body.graphql) ? body.graphql : {};
      let variables: unknown = {};
      const rawVars = str(g.variables);
      if (rawVars && rawVars.trim() !== '') {
        try { variables = JSON.parse(rawVars); } catch { ctx.warn(`${where}: GraphQL variables are not valid JSON; left out`); }
      }
      ctx.warn(`${where}: GraphQL body imported as a JSON body {query, variables} (GraphQL mode is not supported)`);
      return { kind: 'json', text: JSON.stringify({ query: str(g.query) ?? '', variables }, null, 2) };
    }
    case undefined: return undefined;
    default:
      ctx.warn(`${where}: body mode '${str(body.mode)}' not imported (not supported)`);
      return undefined;
  }
}

function formParts(ctx: ImportContext, list: unknown, where: string): MultipartPart[] {
  return arr(list).filter(isObject).map((e) => {
    const part: MultipartPart = { name: str(e.key) ?? '', enabled: e.disabled !== true };
    if (str(e.type) === 'file') {
      const src = Array.isArray(e.src) ? e.src : [e.src];
      if (src.length > 1) ctx.warn(`${where}: form field '${part.name}' has ${src.length} files; only the first was imported`);
      part.file = str(src[0]) ?? '';
      if (part.file === '') ctx.warn(`${where}: form field '${part.name}' has no file chosen; pick one in Clearance`);
    } else {
      part.value = str(e.value) ?? '';
      const [scrubbed] = ctx.scrubFields([{ name: part.name, value: part.value, enabled: true }], where);
      part.value = scrubbed!.value;
    }
    const ct = str(e.contentType);
    if (ct) part.contentType = ct;
    return part;
  });
}

/** v2.1 auth params are [{key, value}]; v2.0 ones are an object. */
function authParams(auth: Record<string, unknown>, type: string): Record<string, string> {
  const raw = auth[type];
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) for (const p of raw.filter(isObject)) out[str(p.key) ?? ''] = str(p.value) ?? '';
  else if (isObject(raw)) for (const [k, v] of Object.entries(raw)) out[k] = str(v) ?? '';
  return out;
}

/** Key profile name, `null` for an explicit "no auth", undefined to inherit. */
export function postmanAuth(ctx: ImportContext, auth: unknown, where: string): string | null | undefined {
  if (!isObject(auth)) return undefined;
  const type = str(auth.type) ?? '';
  const p = authParams(auth, type);
  switch (type) {
    case 'noauth': return null;
    case 'inherit': return undefined;
    case 'bearer': return authToKey(ctx, { kind: 'bearer', token: p.token }, where);
    case 'basic': case 'digest': return authToKey(ctx, { kind: type, username: p.username, password: p.password }, where);
    case 'apikey':
      return authToKey(ctx, { kind: 'api-key', name: p.key, value: p.value, in: p.in === 'query' ? 'query' : 'header' }, where);
    case 'oauth2':
      return authToKey(ctx, { kind: 'oauth2', grant: p.grant_type ?? 'authorization_code', tokenUrl: p.accessTokenUrl,
        clientId: p.clientId, clientSecret: p.clientSecret, scope: p.scope }, where);
    case 'awsv4':
      return authToKey(ctx, { kind: 'aws-sigv4', accessKey: p.accessKey, secretKey: p.secretKey, sessionToken: p.sessionToken,
        region: p.region, service: p.service }, where);
    default: return unsupportedAuth(ctx, type || 'unknown', where);
  }
}
