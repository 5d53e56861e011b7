import { dynamicValue, type DynamicSources } from './dynamic';
import { lookup, type ScopeName, type Scopes } from './scopes';
import { parseTemplate } from './template';

/** Nested references deeper than this are refused (a chain this long is almost surely a mistake). */
export const MAX_DEPTH = 10;

export interface UsedVariable {
  name: string;
  scope: ScopeName;
}

export interface UnresolvedVariable {
  name: string;
  /** where in the request: 'url', 'param q', 'header X-Api-Key', 'body', 'form field a', 'part file'... */
  where: string;
  /** why: not defined, a cycle, too deep, or the declared source's own message (e.g. a missing secret) */
  reason: string;
}

export interface InterpolationState {
  scopes: Scopes;
  sources: DynamicSources;
  used: Map<string, UsedVariable>;
  unresolved: UnresolvedVariable[];
  /** values of dynamic variables are computed once per request: {{$uuid}} twice gives the same id */
  dynamic: Map<string, string>;
}

export function newState(scopes: Scopes, sources: DynamicSources): InterpolationState {
  return { scopes, sources, used: new Map(), unresolved: [], dynamic: new Map() };
}

function fail(state: InterpolationState, name: string, where: string, reason: string): void {
  if (!state.unresolved.some((u) => u.name === name && u.where === where)) state.unresolved.push({ name, where, reason });
}

function valueOf(state: InterpolationState, name: string, where: string, chain: string[]): string | undefined {
  if (name.startsWith('$')) {
    const cached = state.dynamic.get(name);
    if (cached !== undefined) return cached;
    const v = dynamicValue(name, state.sources);
    if (v === undefined) {
      fail(state, name, where, `unknown dynamic variable (known: $uuid, $timestamp, $isoTimestamp, $randomInt)`);
      return undefined;
    }
    state.dynamic.set(name, v);
    state.used.set(name, { name, scope: 'dynamic' });
    return v;
  }
  if (chain.includes(name)) {
    fail(state, name, where, `circular reference: ${[...chain, name].join(' -> ')}`);
    return undefined;
  }
  if (chain.length >= MAX_DEPTH) {
    fail(state, name, where, `nested more than ${MAX_DEPTH} levels deep: ${[...chain, name].join(' -> ')}`);
    return undefined;
  }
  const found = lookup(state.scopes, name);
  if (!found) {
    fail(state, name, where, state.scopes.missing?.[name] ?? 'not defined in the request, its folders, the collection, the environment or the globals');
    return undefined;
  }
  if (!state.used.has(name)) state.used.set(name, { name, scope: found.scope });
  return expand(state, found.value, where, [...chain, name]);
}

function expand(state: InterpolationState, input: string, where: string, chain: string[]): string | undefined {
  if (!input.includes('{{')) return input;
  let out = '';
  let ok = true;
  for (const part of parseTemplate(input)) {
    if (part.kind === 'text') {
      out += part.value;
      continue;
    }
    const v = valueOf(state, part.value, where, chain);
    if (v === undefined) {
      ok = false;
      out += `{{${part.value}}}`;
    } else out += v;
  }
  return ok ? out : undefined;
}

/**
 * Replaces every `{{name}}` in `input`. Unresolved names are recorded in `state.unresolved` with
 * `where`, and left in the text as `{{name}}` so a preview still shows them.
 */
export function interpolate(state: InterpolationState, input: string, where: string): string {
  if (!input.includes('{{')) return input;
  let out = '';
  for (const part of parseTemplate(input)) {
    if (part.kind === 'text') out += part.value;
    else out += valueOf(state, part.value, where, []) ?? `{{${part.value}}}`;
  }
  return out;
}
