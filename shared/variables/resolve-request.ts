import type { Body, KeyValue, RequestSpec } from '../model/request';
import type { Defaults, RequestFile } from '../model/workspace';
import { defaultSources, type DynamicSources } from './dynamic';
import { interpolate, newState, type InterpolationState, type UnresolvedVariable, type UsedVariable } from './interpolate';
import type { Scopes } from './scopes';

export interface DefaultLayers {
  /** folder defaults, innermost folder first */
  folders?: Defaults[];
  collection?: Defaults;
}

/** A default header the request did not override, with the layer that gave it. */
export interface InjectedHeader {
  name: string;
  value: string;
  origin: 'folder' | 'collection';
}

export interface ResolvedRequest {
  /** what the engine sends, with the request's own headers only */
  request: RequestSpec;
  /** folder/collection default headers the request does not override (pass as SendContext.injectedHeaders) */
  injectedHeaders: InjectedHeader[];
  /** key and gateway profile names in effect (request > innermost folder > collection) */
  key?: string;
  gateway?: string;
  used: UsedVariable[];
  unresolved: UnresolvedVariable[];
}

function rows(state: InterpolationState, list: KeyValue[] | undefined, label: string): KeyValue[] {
  return (list ?? []).map((r) => {
    if (r.enabled === false) return { ...r };
    const name = interpolate(state, r.name, `${label} ${r.name}`);
    return { name, value: interpolate(state, r.value, `${label} ${name}`), enabled: true };
  });
}

function body(state: InterpolationState, b: Body | undefined): Body {
  if (!b) return { kind: 'none' };
  switch (b.kind) {
    case 'none':
      return b;
    case 'json':
    case 'text':
      return { ...b, text: interpolate(state, b.text, 'body') };
    case 'form':
      return { kind: 'form', fields: rows(state, b.fields, 'form field') };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: b.parts.map((p) => (p.enabled === false ? p : {
          ...p,
          name: interpolate(state, p.name, `part ${p.name}`),
          ...(p.value !== undefined ? { value: interpolate(state, p.value, `part ${p.name}`) } : {}),
          ...(p.file !== undefined ? { file: interpolate(state, p.file, `part ${p.name} file`) } : {}),
        })),
      };
    case 'binary':
      return { ...b, file: interpolate(state, b.file, 'body file') };
  }
}

function injected(state: InterpolationState, layers: DefaultLayers, own: KeyValue[]): InjectedHeader[] {
  const taken = new Set(own.filter((h) => h.enabled !== false).map((h) => h.name.toLowerCase()));
  const out = new Map<string, InjectedHeader>();
  // Outermost first, so an inner folder replaces what the collection or an outer folder set.
  const ordered: Array<{ d: Defaults | undefined; origin: InjectedHeader['origin'] }> = [
    { d: layers.collection, origin: 'collection' },
    ...[...(layers.folders ?? [])].reverse().map((d) => ({ d, origin: 'folder' as const })),
  ];
  for (const { d, origin } of ordered) {
    for (const h of d?.headers ?? []) {
      if (h.enabled === false) continue;
      const name = interpolate(state, h.name, `${origin} header ${h.name}`);
      if (taken.has(name.toLowerCase())) continue;
      out.set(name.toLowerCase(), { name, value: interpolate(state, h.value, `${origin} header ${name}`), origin });
    }
  }
  return [...out.values()];
}

/**
 * Resolves a request file against its scopes: every `{{name}}` in the URL, params, headers and
 * body, plus the folder/collection default headers. Unresolved names are listed with where they
 * were used; the caller refuses to send while any remain.
 */
export function resolveRequest(file: RequestFile, scopes: Scopes, layers: DefaultLayers = {}, sources: DynamicSources = defaultSources): ResolvedRequest {
  const state = newState(scopes, sources);
  // Field by field in reading order, so unresolved names are listed as the user sees them.
  const method = interpolate(state, file.method, 'method');
  const url = interpolate(state, file.url, 'url');
  const params = rows(state, file.params, 'param');
  const headers = rows(state, file.headers, 'header');
  const request: RequestSpec = { method, url, params, headers, body: body(state, file.body) };
  const injectedHeaders = injected(state, layers, headers);
  const pick = (k: 'key' | 'gateway'): string | undefined => file[k] ?? layers.folders?.find((f) => f[k])?.[k] ?? layers.collection?.[k];
  const key = pick('key');
  const gateway = pick('gateway');
  return {
    request,
    injectedHeaders,
    ...(key ? { key } : {}),
    ...(gateway ? { gateway } : {}),
    used: [...state.used.values()],
    unresolved: state.unresolved,
  };
}

/** One line naming every unresolved variable and where it was used. */
export function unresolvedMessage(unresolved: UnresolvedVariable[]): string {
  return unresolved.map((u) => `unresolved variable {{${u.name}}} in ${u.where}: ${u.reason}`).join('; ');
}
