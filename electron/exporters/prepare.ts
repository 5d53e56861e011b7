// A collection's requests with what they inherit, resolved for export: variables with plain values
// are filled in, secrets stay `{{name}}` (never written out), default headers and the key profile's
// header or query parameter are added.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { RequestSpec } from '../../shared/model/request';
import type { Defaults, RequestFile, Variables } from '../../shared/model/workspace';
import { resolveRequest } from '../../shared/variables';
import { secretSource } from '../importers/auth';

export interface ExportEntry { path: string[]; request: RequestFile; folders: Defaults[] }
export interface PreparedRequest { name: string; spec: RequestSpec; options: RequestFile['options']; unresolved: string[] }

export function entries(items: CollectionItem[], path: string[] = [], folders: Defaults[] = []): ExportEntry[] {
  return items.flatMap((i) => (i.type === 'request'
    ? [{ path, request: i.request, folders }]
    : entries(i.items, [...path, i.name], i.defaults ? [i.defaults, ...folders] : folders)));
}

function plain(vars: Variables | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(vars ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function prepare(collection: Collection, entry: ExportEntry, envName?: string): PreparedRequest {
  const env = envName ? collection.environments.find((e) => e.name === envName) : undefined;
  const resolved = resolveRequest(entry.request, {
    request: plain(entry.request.variables), folders: entry.folders.map((f) => plain(f.variables)),
    collection: plain(collection.defaults?.variables), environment: plain(env?.variables),
  }, { folders: entry.folders, collection: collection.defaults });
  const spec = resolved.request;
  spec.headers = [...spec.headers, ...resolved.injectedHeaders.map((h) => ({ name: h.name, value: h.value, enabled: true }))];
  const key = resolved.key ? collection.keys?.find((k) => k.name === resolved.key) : undefined;
  if (key) {
    const s = (k: string): string => (typeof key[k] === 'string' ? (key[k] as string) : '');
    const has = (n: string): boolean => spec.headers.some((h) => h.enabled && h.name.toLowerCase() === n.toLowerCase());
    if (key.kind === 'api-key' && key.in === 'query') spec.params = [...spec.params, { name: s('param'), value: secretSource(key, 'key'), enabled: true }];
    else if (key.kind === 'api-key' && !has(s('param'))) spec.headers.push({ name: s('param'), value: `${s('prefix')}${secretSource(key, 'key')}`, enabled: true });
    else if (key.kind === 'bearer' && !has('Authorization')) spec.headers.push({ name: 'Authorization', value: `${s('scheme') || 'Bearer'} ${secretSource(key, 'token')}`, enabled: true });
    else if (key.kind === 'basic' && !has('Authorization')) {
      spec.headers.push({ name: 'Authorization', value: `Basic <base64 of "${s('username')}:${secretSource(key, 'password')}">`, enabled: true });
    }
  }
  const refs = JSON.stringify([spec.url, spec.params, spec.headers]).match(/\{\{\s*[\w.-]+\s*\}\}/g) ?? [];
  const unresolved = [...new Set([...resolved.unresolved.map((u) => u.name), ...refs.map((r) => r.slice(2, -2).trim())])];
  return { name: entry.request.name, spec, options: entry.request.options, unresolved };
}
