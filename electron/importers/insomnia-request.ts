// One Insomnia request (v4 resource or v5 YAML entry) → a Clearance request; shared auth and variables.
import type { Body, KeyValue } from '../../shared/model/request';
import type { RequestFile } from '../../shared/model/workspace';
import { authToKey, unsupportedAuth } from './auth';
import type { ImportContext } from './context';
import { postmanUrl } from './postman-parts';
import { carriesScripts, type RequestScripts } from './postman-scripts';
import { arr, isObject, str } from './read';
import { attachScripts } from './run-scripts';

/** `{{ _.name }}` and `{{ name }}` → `{{name}}`; template tags like `{% uuid %}` are reported. */
export function insomniaText(ctx: ImportContext, text: string, where: string): string {
  if (/\{%/.test(text)) ctx.warn(`${where}: Insomnia template tags ({% … %}) kept as text; they are not evaluated`);
  return text.replace(/\{\{\s*(?:_\.)?([\w.-]+)\s*\}\}/g, '{{$1}}');
}

export function insomniaKv(ctx: ImportContext, list: unknown, where: string): KeyValue[] {
  return arr(list).filter(isObject).map((e) => ({
    name: insomniaText(ctx, str(e.name) ?? '', where), value: insomniaText(ctx, str(e.value) ?? '', where), enabled: e.disabled !== true,
  })).filter((e) => e.name !== '' || e.value !== '');
}

export function insomniaAuth(ctx: ImportContext, auth: unknown, where: string): string | undefined {
  if (!isObject(auth) || auth.disabled === true) return undefined;
  const t = (k: string): string | undefined => {
    const v = str(auth[k]);
    return v === undefined ? undefined : insomniaText(ctx, v, where);
  };
  switch (str(auth.type)) {
    case undefined: case 'none': return undefined;
    case 'bearer': return authToKey(ctx, { kind: 'bearer', token: t('token'), prefix: t('prefix') || undefined }, where);
    case 'basic': case 'digest': return authToKey(ctx, { kind: str(auth.type) as 'basic' | 'digest', username: t('username'), password: t('password') }, where);
    case 'apikey': {
      const addTo = str(auth.addTo);
      return authToKey(ctx, { kind: 'api-key', name: t('key'), value: t('value'), in: addTo === 'queryParams' ? 'query' : addTo === 'cookie' ? 'cookie' : 'header' }, where);
    }
    case 'oauth2':
      return authToKey(ctx, { kind: 'oauth2', grant: t('grantType'), tokenUrl: t('accessTokenUrl'), clientId: t('clientId'), clientSecret: t('clientSecret'), scope: t('scope') }, where);
    case 'iam':
      return authToKey(ctx, { kind: 'aws-sigv4', accessKey: t('accessKeyId'), secretKey: t('secretAccessKey'), sessionToken: t('sessionToken'), region: t('region'), service: t('service') }, where);
    default: return unsupportedAuth(ctx, str(auth.type)!, where);
  }
}

function body(ctx: ImportContext, raw: unknown, where: string): Body | undefined {
  if (!isObject(raw)) return undefined;
  const mime = str(raw.mimeType);
  const text = insomniaText(ctx, str(raw.text) ?? '', where);
  if (mime === undefined || mime === '') return text === '' ? undefined : { kind: 'text', text };
  if (mime === 'application/x-www-form-urlencoded') return { kind: 'form', fields: ctx.scrubFields(insomniaKv(ctx, raw.params, where), where) };
  if (mime === 'multipart/form-data') {
    return { kind: 'multipart', parts: arr(raw.params).filter(isObject).map((p) => {
      const name = str(p.name) ?? '';
      if (str(p.type) === 'file') return { name, file: str(p.fileName) ?? '', enabled: p.disabled !== true };
      const [f] = ctx.scrubFields([{ name, value: insomniaText(ctx, str(p.value) ?? '', where), enabled: true }], where);
      return { name, value: f!.value, enabled: p.disabled !== true };
    }) };
  }
  if (mime === 'application/octet-stream' || str(raw.fileName) !== undefined) {
    return { kind: 'binary', file: str(raw.fileName) ?? '', ...(mime === 'application/octet-stream' ? {} : { contentType: mime }) };
  }
  if (mime === 'application/graphql') {
    ctx.warn(`${where}: GraphQL body imported as a JSON body {query, variables} (GraphQL mode is not supported)`);
    return { kind: 'json', text };
  }
  if (/[/+]json\b/i.test(mime)) return { kind: 'json', text: ctx.scrubJson(text, where) };
  return { kind: 'text', text, contentType: mime };
}

/** A request's scripts for a run: Insomnia's own pre-request (whose failure stops the send) and after-response. */
function runScripts(name: string, [pre, after]: string[], folders: string[]): RequestScripts {
  const from = `request '${name}'`;
  const out: RequestScripts = { prerequest: [], test: [] };
  if (pre?.trim()) out.prerequest.push({ code: pre, from, label: `pre-request script of ${from}`, halts: true });
  if (after?.trim()) out.test.push({ code: after, from, label: `after-response script of ${from}` });
  for (const f of folders) out.test.push({ code: '', from, unsupported: `Insomnia folder scripts (${f})` });
  return out;
}

/** `scripts`: [pre-request, after-response]; `folders`: the folders above with scripts of their own (not run: named). */
export function insomniaRequest(ctx: ImportContext, r: Record<string, unknown>, docs: string | undefined, scripts: string[], folders: string[] = []): RequestFile {
  const name = str(r.name) || 'Request';
  const where = `request '${name}'`;
  const url = postmanUrl(insomniaText(ctx, str(r.url) ?? '', where));
  const params = [...url.params, ...insomniaKv(ctx, r.parameters, where)];
  const headers = ctx.scrubHeaders(insomniaKv(ctx, r.headers, where), where);
  const out: RequestFile = { name, method: (str(r.method) ?? 'GET').toUpperCase(), url: url.url };
  if (params.length > 0) out.params = ctx.scrubParams(params, where);
  const b = body(ctx, r.body, where);
  // Insomnia sets Content-Type itself for form bodies; Clearance does too.
  const kept = b && (b.kind === 'form' || b.kind === 'multipart') ? headers.filter((h) => h.name.toLowerCase() !== 'content-type') : headers;
  if (kept.length > 0) out.headers = kept;
  if (b) out.body = b;
  const pathVars = { ...url.pathVars };
  for (const p of insomniaKv(ctx, r.pathParameters, where)) pathVars[p.name] = p.value;
  if (Object.keys(pathVars).length > 0) out.variables = pathVars;
  const key = insomniaAuth(ctx, r.authentication, where);
  if (key) out.key = key;
  if (docs && docs.trim() !== '') out.docs = docs;
  if (carriesScripts(ctx)) attachScripts(out, runScripts(name, scripts, folders));
  else for (const s of scripts) if (s.trim() !== '') ctx.warn(`${where}: script not imported (scripts are not supported)`);
  return out;
}

/** Insomnia environment data (nested objects flattened as a.b) → variable entries. */
export function envEntries(data: unknown, prefix = ''): Array<{ name: string; value: string }> {
  if (!isObject(data)) return [];
  return Object.entries(data).flatMap(([k, v]) => (isObject(v) ? envEntries(v, `${prefix}${k}.`)
    : [{ name: `${prefix}${k}`, value: typeof v === 'string' ? v.replace(/\{\{\s*(?:_\.)?([\w.-]+)\s*\}\}/g, '{{$1}}') : JSON.stringify(v) ?? '' }]));
}
