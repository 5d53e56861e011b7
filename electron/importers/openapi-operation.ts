// One OpenAPI operation → a Clearance request: path params as {{vars}}, query/header params, example body.
import type { Body, KeyValue } from '../../shared/model/request';
import type { RequestFile, Variables } from '../../shared/model/workspace';
import type { ImportContext } from './context';
import { asText, mediaExample, sampleFromSchema } from './openapi-sample';
import { arr, isObject, str } from './read';

type Obj = Record<string, unknown>;

function paramExample(p: Obj): string {
  if ('example' in p) return asText(p.example);
  if (isObject(p.examples)) {
    const first = Object.values(p.examples)[0];
    if (isObject(first) && 'value' in first) return asText(first.value);
  }
  return asText(sampleFromSchema(p.schema));
}

function explicitValue(p: Obj): boolean {
  const s = isObject(p.schema) ? p.schema : {};
  return 'example' in p || isObject(p.examples) || 'example' in s || 'default' in s || Array.isArray(s.enum);
}

function pickMedia(content: Obj): [string, Obj] | undefined {
  const entries = Object.entries(content).filter((e): e is [string, Obj] => isObject(e[1]));
  return entries.find(([t]) => /[/+]json\b/i.test(t)) ?? entries.find(([t]) => t === 'application/x-www-form-urlencoded')
    ?? entries.find(([t]) => t === 'multipart/form-data') ?? entries[0];
}

function body(ctx: ImportContext, requestBody: unknown, where: string): Body | undefined {
  if (!isObject(requestBody) || !isObject(requestBody.content)) return undefined;
  const picked = pickMedia(requestBody.content);
  if (!picked) return undefined;
  const [type, media] = picked;
  if (Object.keys(requestBody.content).length > 1) ctx.warn(`${where}: request body offered as ${Object.keys(requestBody.content).join(', ')}; imported as ${type}`);
  const example = mediaExample(media);
  if (/[/+]json\b/i.test(type)) return { kind: 'json', text: ctx.scrubJson(example === undefined ? '' : JSON.stringify(example, null, 2), where) };
  const schema = isObject(media.schema) ? media.schema : {};
  const props = isObject(schema.properties) ? schema.properties : {};
  const obj = isObject(example) ? example : {};
  if (type === 'application/x-www-form-urlencoded') {
    return { kind: 'form', fields: ctx.scrubFields(Object.keys({ ...props, ...obj }).map((k) => ({ name: k, value: asText(obj[k]), enabled: true })), where) };
  }
  if (type === 'multipart/form-data') {
    return { kind: 'multipart', parts: Object.keys({ ...props, ...obj }).map((k) => {
      const p = isObject(props[k]) ? props[k] : {};
      const isFile = p.format === 'binary' || p.contentEncoding !== undefined || (p.type === 'array' && isObject(p.items) && p.items.format === 'binary');
      if (isFile) ctx.warn(`${where}: multipart field '${k}' is a file; choose it in Clearance`);
      return isFile ? { name: k, file: '', enabled: true } : { name: k, value: asText(obj[k]), enabled: true };
    }) };
  }
  if (type === 'application/octet-stream' || /^(image|audio|video)\//.test(type) || schema.format === 'binary') {
    ctx.warn(`${where}: binary request body (${type}); choose the file in Clearance`);
    return { kind: 'binary', file: '', contentType: type };
  }
  return { kind: 'text', text: asText(example), contentType: type };
}

export interface OperationInput {
  path: string;
  method: string;
  op: Obj;
  pathParams: unknown[];
  /** header names the key profile of this operation already sends */
  keyHeaders: string[];
}

export function operationRequest(ctx: ImportContext, input: OperationInput): RequestFile {
  const { op, method, path } = input;
  const name = str(op.summary)?.trim() || str(op.operationId) || `${method.toUpperCase()} ${path}`;
  const where = `request '${name}'`;
  const params = new Map<string, Obj>();
  for (const p of [...input.pathParams, ...arr(op.parameters)].filter(isObject)) params.set(`${str(p.in)}:${str(p.name)}`, p);
  const variables: Variables = {};
  const query: KeyValue[] = [];
  const headers: KeyValue[] = [];
  const cookies: string[] = [];
  for (const p of params.values()) {
    const pname = str(p.name) ?? '';
    const value = paramExample(p);
    switch (str(p.in)) {
      case 'path': variables[pname] = value; break;
      case 'query': query.push({ name: pname, value, enabled: p.required === true || explicitValue(p) }); break;
      case 'header':
        if (!input.keyHeaders.includes(pname.toLowerCase())) headers.push({ name: pname, value, enabled: p.required === true || explicitValue(p) });
        break;
      case 'cookie': cookies.push(`${pname}=${value}`); break;
    }
  }
  if (cookies.length > 0) {
    headers.push({ name: 'Cookie', value: cookies.join('; '), enabled: true });
    ctx.warn(`${where}: cookie parameters sent as a Cookie header`);
  }
  const url = `{{baseUrl}}${path.replace(/\{([^}]+)\}/g, (_a, v: string) => `{{${v}}}`)}`;
  const r: RequestFile = { name, method: method.toUpperCase(), url };
  if (query.length > 0) r.params = ctx.scrubParams(query, where);
  if (headers.length > 0) r.headers = ctx.scrubHeaders(headers, where);
  const b = body(ctx, op.requestBody, where);
  if (b) r.body = b;
  if (Object.keys(variables).length > 0) r.variables = variables;
  const docs = [str(op.description), op.deprecated === true ? 'Deprecated.' : undefined]
    .filter((x): x is string => !!x && x.trim() !== '').join('\n\n');
  if (docs) r.docs = docs;
  if (isObject(op.callbacks) && Object.keys(op.callbacks).length > 0) ctx.warn(`${where}: callbacks not imported (not supported)`);
  if (arr(op.servers).length > 0) ctx.warn(`${where}: operation-level servers not imported; the collection's baseUrl is used`);
  return r;
}
