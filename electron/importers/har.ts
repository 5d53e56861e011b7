// HAR 1.2 logs: every entry's request becomes a Clearance request.
import type { Collection } from '../../shared/model/collection';
import type { Body, KeyValue } from '../../shared/model/request';
import type { RequestFile } from '../../shared/model/workspace';
import { ImportContext, type ImportOptions } from './context';
import { ImportError } from './errors';
import { finish, type ImportOutput } from './finish';
import { arr, isObject, parseJson, readText, str } from './read';

type Obj = Record<string, unknown>;
const DROPPED = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length', 'accept-encoding']);

function body(ctx: ImportContext, post: unknown, where: string): Body | undefined {
  if (!isObject(post)) return undefined;
  const mime = (str(post.mimeType) ?? '').split(';')[0]!.trim().toLowerCase();
  const params = arr(post.params).filter(isObject);
  const text = str(post.text) ?? '';
  if (mime === 'multipart/form-data' && params.length > 0) {
    return { kind: 'multipart', parts: params.map((p) => {
      const name = str(p.name) ?? '';
      const fileName = str(p.fileName);
      if (fileName !== undefined) {
        ctx.warn(`${where}: the file '${fileName}' of form field '${name}' is not in the HAR; choose it in Clearance`);
        return { name, file: fileName, enabled: true, ...(str(p.contentType) ? { contentType: str(p.contentType) } : {}) };
      }
      return { name, value: str(p.value) ?? '', enabled: true };
    }) };
  }
  if (mime === 'application/x-www-form-urlencoded') {
    const fields: KeyValue[] = params.length > 0 ? params.map((p) => ({ name: str(p.name) ?? '', value: str(p.value) ?? '', enabled: true }))
      : [...new URLSearchParams(text)].map(([name, value]) => ({ name, value, enabled: true }));
    return { kind: 'form', fields: ctx.scrubFields(fields, where) };
  }
  if (text === '' && params.length === 0) return undefined;
  if (post.encoding === 'base64') {
    ctx.warn(`${where}: base64 (binary) request body not imported; choose the file in Clearance`);
    return { kind: 'binary', file: '', contentType: str(post.mimeType) };
  }
  if (/[/+]json$/.test(mime)) return { kind: 'json', text: ctx.scrubJson(text, where) };
  return { kind: 'text', text, contentType: str(post.mimeType) || 'text/plain' };
}

function request(ctx: ImportContext, r: Obj, index: number): RequestFile {
  const raw = str(r.url) ?? '';
  let url = raw;
  let name = `${str(r.method) ?? 'GET'} ${raw}`;
  try {
    const u = new URL(raw);
    url = `${u.origin}${u.pathname}`;
    name = `${str(r.method) ?? 'GET'} ${u.host}${u.pathname}`;
  } catch {
    ctx.warn(`entry ${index + 1}: URL '${raw.slice(0, 80)}' is not absolute`);
    url = raw.split('?')[0]!;
  }
  const where = `request '${name}'`;
  const out: RequestFile = { name, method: (str(r.method) ?? 'GET').toUpperCase(), url };
  const params = arr(r.queryString).filter(isObject).map((q) => ({ name: str(q.name) ?? '', value: str(q.value) ?? '', enabled: true }));
  if (params.length > 0) out.params = ctx.scrubParams(params, where);
  const headers: KeyValue[] = arr(r.headers).filter(isObject)
    .map((h) => ({ name: str(h.name) ?? '', value: str(h.value) ?? '', enabled: true }))
    .filter((h) => h.name !== '' && !h.name.startsWith(':') && !DROPPED.has(h.name.toLowerCase()));
  const cookies = arr(r.cookies).filter(isObject);
  if (cookies.length > 0 && !headers.some((h) => h.name.toLowerCase() === 'cookie')) {
    headers.push({ name: 'Cookie', value: cookies.map((c) => `${str(c.name)}=${str(c.value) ?? ''}`).join('; '), enabled: true });
  }
  const b = body(ctx, r.postData, where);
  const kept = b && (b.kind === 'multipart' || b.kind === 'form') ? headers.filter((h) => h.name.toLowerCase() !== 'content-type') : headers;
  if (kept.length > 0) out.headers = ctx.scrubHeaders(kept, where);
  if (b) out.body = b;
  return out;
}

export function importHarDocument(file: string, doc: unknown, opts: ImportOptions = {}): ImportOutput {
  if (!isObject(doc) || !isObject(doc.log)) throw new ImportError(file, 'not a HAR file: no `log` object');
  if (!Array.isArray(doc.log.entries)) throw new ImportError(file, 'not a HAR file: `log.entries` is missing or not a list');
  const version = str(doc.log.version);
  const ctx = new ImportContext(file, opts);
  if (version && !/^1\.[12]$/.test(version)) ctx.warn(`HAR version ${version}: read as 1.2`);
  const entries = doc.log.entries.filter(isObject);
  if (entries.length === 0) ctx.warn('the HAR has no entries: nothing to import');
  const items = entries.map((e, i) => {
    if (!isObject(e.request)) throw new ImportError(file, `entry ${i + 1} has no request`);
    return { type: 'request' as const, request: request(ctx, e.request, i) };
  });
  const creator = isObject(doc.log.creator) ? str(doc.log.creator.name) : undefined;
  const collection: Collection = { name: creator ? `HAR from ${creator}` : 'HAR import', items, environments: [] };
  return finish(ctx, collection, 'har-1.2');
}

export async function importHar(file: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  return importHarDocument(file, parseJson(file, await readText(file)), opts);
}
