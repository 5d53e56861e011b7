// A collection's requests prepared for export through the one path (prepareResolved): the same
// variable scopes, folder and collection defaults, gateway rewrite and headers, key placement and
// header layering the engine sends — with every secret as a `{{name}}` placeholder, never its
// value. What a format cannot carry (a signature computed at send time, a fetched token...) is
// named, so an export never silently differs from what Clearance sends.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import { GatewayProfileSchema, KeyProfileSchema, type GatewayProfile, type KeyProfile, type RequestSpec, type ResolvedSecrets } from '../../shared/model';
import type { Defaults, RequestFile, Variables } from '../../shared/model/workspace';
import { gatewaySecretFields, keySecretFields } from '../../shared/profiles';
import { secretSource } from '../importers/auth';
import { workspaceError } from '../workspace/errors';
import { keyHeaderNames, prepareResolved } from '../pipeline/prepare-resolved';
import type { PreparedRequest } from '../pipeline/prepared';
import { effectiveName, type LoadedThrough } from '../pipeline/profile-through';
import { resolveInLayers } from '../pipeline/layers';
import { resolveRequest } from '../../shared/variables/resolve-request';

export interface ExportEntry { path: string[]; request: RequestFile; folders: Defaults[] }

export interface ExportPrepared {
  name: string;
  prepared: PreparedRequest;
  /** variables left as `{{name}}` (secrets, or not defined anywhere) */
  unresolved: string[];
  /** what the export cannot express, one sentence each */
  cannot: string[];
}

export interface ExportOptions {
  env?: string | undefined;
  /** globals of the app home (lowest scope), as a send would use them */
  globals?: Record<string, string>;
  /** key / gateway profile instead of the request's default, as `--key` / `--gateway` on send */
  key?: string | undefined;
  gateway?: string | undefined;
  /** export only these (a single file with its folders' defaults); default: every request of the collection */
  entries?: ExportEntry[];
}

export function entries(items: CollectionItem[], path: string[] = [], folders: Defaults[] = []): ExportEntry[] {
  return items.flatMap((i) => (i.type === 'request'
    ? [{ path, request: i.request, folders }]
    : entries(i.items, [...path, i.name], i.defaults ? [i.defaults, ...folders] : folders)));
}

/** An environment's values with its secrets as `{{name}}`: the export never reads the keychain. */
function environmentPlaceholders(vars: Variables | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : `{{${k}}}`]));
}

function placeholders(profile: { name: string; description?: unknown }, fields: ReadonlyArray<{ field: string }>): ResolvedSecrets {
  return Object.fromEntries(fields.map((f) => [f.field, secretSource(profile, f.field)]));
}

function profileIn<T>(list: Array<{ name: string }> | undefined, name: string, parse: (v: unknown) => T, kind: string): T {
  const hit = list?.find((p) => p.name === name);
  if (!hit) throw workspaceError('unknown-profile', `no ${kind} profile named ${name} in the collection (have: ${(list ?? []).map((p) => p.name).join(', ') || 'none'})`);
  return parse(hit);
}

export function throughFor(c: Collection, names: { key?: string | undefined; gateway?: string | undefined }): LoadedThrough {
  const out: LoadedThrough = { secrets: [] };
  if (names.key && names.key !== 'none') {
    const key: KeyProfile = profileIn(c.keys, names.key, (v) => KeyProfileSchema.parse(v), 'key');
    out.key = key;
    out.keySecrets = placeholders(key, keySecretFields(key));
  }
  if (names.gateway && names.gateway !== 'none' && names.gateway !== 'direct') {
    const gateway: GatewayProfile = profileIn(c.gateways, names.gateway, (v) => GatewayProfileSchema.parse(v), 'gateway');
    out.gateway = gateway;
    out.gatewaySecrets = placeholders(gateway, gatewaySecretFields(gateway));
  }
  return out;
}

const DEFERRED_WORDS: Record<string, string> = {
  signature: 'is signed at send time (AWS SigV4): the export carries no signature',
  token: 'fetches its OAuth2 token at send time: the export has no Authorization header',
  challenge: 'answers the server\'s 401 Digest challenge at send time: the export sends without credentials',
};

/** The request as Clearance would send it, secrets as placeholders, and what the export loses. */
export async function prepareForExport(collection: Collection, entry: ExportEntry, opts: ExportOptions = {}): Promise<ExportPrepared> {
  const env = opts.env ? collection.environments.find((e) => e.name === opts.env) : undefined;
  if (opts.env && !env) throw workspaceError('unknown-environment', `no environment named ${opts.env} (have: ${collection.environments.map((e) => e.name).join(', ') || 'none'})`);
  const resolved = resolveInLayers(entry.request, {
    folders: entry.folders, collection: collection.defaults,
    env: { values: environmentPlaceholders(env?.variables), secrets: [], missing: {} }, global: opts.globals ?? {},
  });
  const names = { key: effectiveName(opts.key, resolved.key), gateway: effectiveName(opts.gateway, resolved.gateway) };
  const prepared = await prepareResolved({ resolved, through: throughFor(collection, names), options: entry.request.options, placeholders: true });
  const cannot: string[] = [];
  const where = [...entry.path, entry.request.name].join(' / ');
  if (prepared.key?.deferred) cannot.push(`${where}: key "${prepared.key.name}" ${DEFERRED_WORDS[prepared.key.deferred]}`);
  if (names.key && names.key !== 'none' && !prepared.key) cannot.push(`${where}: key "${names.key}" not placed (${prepared.notes.find((n) => n.startsWith('Key') || n.includes('bound to')) ?? 'see the key profile'})`);
  const unresolved = [...new Set([...resolved.unresolved.map((u) => u.name), ...placeholderNames(prepared)])];
  return { name: entry.request.name, prepared, unresolved, cannot };
}

/**
 * The request prepared with its `{{variables}}` left as they are, for a format that carries the
 * variables itself (Postman): which headers the folders, the collection and the gateway add, and
 * which of the request's own headers the key replaces.
 */
export async function prepareTemplate(collection: Collection, entry: ExportEntry): Promise<PreparedRequest & { keyHeaders: string[] }> {
  const layers = { folders: entry.folders, ...(collection.defaults ? { collection: collection.defaults } : {}) };
  const empty = { request: {}, folders: [], collection: {}, environment: {}, global: {}, missing: {} };
  const { injectedHeaders, key, gateway } = resolveRequest(entry.request, empty, layers);
  const r = entry.request;
  const resolved = { request: { method: r.method, url: r.url, params: [], headers: r.headers ?? [], body: { kind: 'none' as const } },
    injectedHeaders, used: [], unresolved: [] };
  // A profile the collection does not carry cannot add anything here; the format's own export says what it left out.
  const known = (list: Array<{ name: string }> | undefined, n: string | undefined) => (n && list?.some((x) => x.name === n) ? n : undefined);
  const names = { key: known(collection.keys, key), gateway: known(collection.gateways, gateway) };
  const through = throughFor(collection, names);
  const prepared = await prepareResolved({ resolved, through, placeholders: true });
  // The URL is a template, so the key is not placed here; the format's auth places it, replacing these.
  return { ...prepared, keyHeaders: through.key ? keyHeaderNames(through.key) : [] };
}

function placeholderNames(p: PreparedRequest): string[] {
  const text = JSON.stringify([p.url, p.params, p.headers, p.body]);
  return (text.match(/\{\{\s*[\w.-]+\s*\}\}/g) ?? []).map((r) => r.slice(2, -2).trim());
}

/**
 * The prepared request as a spec for a text exporter: every header a user, folder, collection,
 * gateway or key put on it (the engine's own defaults — User-Agent, Accept, Accept-Encoding — stay
 * out, as every client sends its own), in wire order.
 */
export function exportSpec(p: PreparedRequest): RequestSpec {
  const headers = p.headers.filter((h) => h.origin !== 'default').map((h) => ({ name: h.name, value: h.value, enabled: true }));
  if (p.host !== undefined) headers.unshift({ name: 'Host', value: p.host, enabled: true });
  return { method: p.method, url: p.url, params: p.params, headers, body: p.body };
}
