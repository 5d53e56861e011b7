// `clearance import` (capture mode): where each credential value an import found goes. Secrets
// resolve from environments and profiles only, so secret variables the collection, a folder or a
// request declared move into the environments (a new `default` one when there is none), each
// request still sending what it sent: a name an environment already uses for another value is
// renamed, and the references below the declaration follow.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Defaults, EnvironmentFile, RequestFile, Variables } from '../../shared/model/workspace';
import type { SlotValue } from '../secrets/slots';
import type { ImportContext } from './context';
import { firstUse } from './scopes';
import { escapeRegex } from '../../shared/util/escape-regex';

type Owner = { kind: 'collection' } | { kind: 'folder'; item: Extract<CollectionItem, { type: 'folder' }> } | { kind: 'request'; item: Extract<CollectionItem, { type: 'request' }> };

interface Outside {
  owner: Owner;
  name: string;
  value: string;
  /** a folder's or request's value wins over an environment's (Bruno, Insomnia); the collection's does not (every tool) */
  mustWin: boolean;
  where: string;
}

export const DEFAULT_ENV = 'default';

const refRe = (name: string) => new RegExp(`\\{\\{\\s*${escapeRegex(name)}\\s*\\}\\}`, 'g');

function renameIn<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).replace(refRe(from), `{{${to}}}`)) as T;
}

/** Renames `{{from}}` below a scope, except where a nearer folder or request declares its own `from`. */
function renameItems(items: CollectionItem[], from: string, to: string): void {
  for (const item of items) {
    if (item.type === 'request') {
      if (!(from in (item.request.variables ?? {}))) item.request = renameIn(item.request, from, to);
    } else if (!(from in (item.defaults?.variables ?? {}))) {
      if (item.defaults) item.defaults = renameIn(item.defaults, from, to);
      renameItems(item.items, from, to);
    }
  }
}

function holder(c: Collection, o: Owner): { get(): Variables | undefined; drop(name: string): void } {
  const fromDefaults = (get: () => Defaults | undefined, set: (d: Defaults | undefined) => void) => ({
    get: () => get()?.variables,
    drop: (name: string) => {
      const d = get();
      if (!d?.variables) return;
      const { [name]: _gone, ...rest } = d.variables;
      const { variables: _v, ...others } = d;
      const next: Defaults = Object.keys(rest).length ? { ...others, variables: rest } : others;
      set(Object.keys(next).length ? next : undefined);
    },
  });
  if (o.kind === 'collection') return fromDefaults(() => c.defaults, (d) => { if (d) c.defaults = d; else delete c.defaults; });
  if (o.kind === 'folder') return fromDefaults(() => o.item.defaults, (d) => { if (d) o.item.defaults = d; else delete o.item.defaults; });
  return {
    get: () => o.item.request.variables,
    drop: (name) => {
      const { [name]: _gone, ...rest } = o.item.request.variables ?? {};
      const r: RequestFile = { ...o.item.request, variables: rest };
      if (Object.keys(rest).length === 0) delete r.variables;
      o.item.request = r;
    },
  };
}

function outsideSecrets(ctx: ImportContext, c: Collection): Outside[] {
  const out: Outside[] = [];
  const scan = (vars: Variables | undefined, owner: Owner, mustWin: (name: string) => boolean, where: string) => {
    for (const [name, v] of Object.entries(vars ?? {})) {
      const value = typeof v === 'object' ? ctx.declared.get(v) : undefined;
      if (value !== undefined) out.push({ owner, name, value, mustWin: mustWin(name), where });
    }
  };
  // A credential lifted out of a request's header or body (ctx.secrets) stood where it was used: it must win too.
  scan(c.defaults?.variables, { kind: 'collection' }, (n) => ctx.secrets[n] === c.defaults?.variables?.[n], `collection '${c.name}'`);
  const walk = (items: CollectionItem[]) => {
    for (const item of items) {
      if (item.type === 'request') scan(item.request.variables, { kind: 'request', item }, () => true, `request '${item.request.name}'`);
      else {
        scan(item.defaults?.variables, { kind: 'folder', item }, () => true, `folder '${item.name}'`);
        walk(item.items);
      }
    }
  };
  walk(c.items);
  return out;
}

/** A variables block's values as the file had them (a captured secret's literal included). */
function valuesOf(ctx: ImportContext, vars: Variables | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(vars ?? {})) {
    const value = typeof v === 'string' ? v : ctx.declared.get(v);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** What a profile's `{{templates}}` see: the variables of its first use, innermost first, then the collection's. */
function templateValues(ctx: ImportContext, c: Collection, kind: 'key' | 'gateway', profile: string): Record<string, string> {
  const use = firstUse(c.items, kind, profile, c.defaults?.[kind]);
  const layers = [use?.request, ...(use?.folders ?? [])].reverse();
  return Object.assign(valuesOf(ctx, c.defaults?.variables), ...layers.map((v) => valuesOf(ctx, v))) as Record<string, string>;
}

function fill(template: string, values: Record<string, string>): string | undefined {
  let missing = false;
  const out = template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_all, n: string) => {
    if (values[n] === undefined || values[n]!.includes('{{')) missing = true;
    return values[n] ?? '';
  });
  return missing ? undefined : out;
}

function profileSlots(ctx: ImportContext, c: Collection): SlotValue[] {
  const slots: SlotValue[] = [];
  for (const [kind, values] of [['key', ctx.profileValues], ['gateway', ctx.gatewayValues]] as const) {
    for (const [profile, fields] of values) {
      for (const [field, raw] of Object.entries(fields)) {
        if (!raw.includes('{{')) {
          slots.push({ slot: { kind, profile, field }, value: raw });
          continue;
        }
        const value = fill(raw, templateValues(ctx, c, kind, profile));
        if (value === undefined) {
          ctx.warn(`${kind} profile '${profile}': its ${field} is ${raw.trim()}, which no variable of the collection or its folders fills in: store it in the profile editor (or set the profile's env:)`);
        } else {
          slots.push({ slot: { kind, profile, field }, value });
          ctx.warn(`${kind} profile '${profile}': its ${field} (${raw.trim()}) was filled in from the variables where the profile is used and kept with the other secrets; change both if it changes`);
        }
      }
    }
  }
  return slots;
}

/**
 * A plain collection variable an environment also sets moves into the environments: Postman,
 * Insomnia and Bruno let the environment's value win, where Clearance's collection scope would.
 */
function environmentsWin(ctx: ImportContext, c: Collection): void {
  const vars = c.defaults?.variables;
  if (!vars || c.environments.length === 0) return;
  for (const [name, v] of Object.entries(vars)) {
    if (typeof v !== 'string' || !c.environments.some((e) => name in e.variables)) continue;
    for (const env of c.environments) if (!(name in env.variables)) env.variables[name] = v;
    holder(c, { kind: 'collection' }).drop(name);
    ctx.warn(`collection variable '${name}' moved into the environments: an environment sets it too, and its value wins there as in the exporting tool`);
  }
}

/** Moves secret declarations into the environments (mutating `c`) and returns every value with its place. */
export function placeSecrets(ctx: ImportContext, c: Collection): SlotValue[] {
  environmentsWin(ctx, c);
  // Profiles first: their templates are filled from the declarations before those move.
  const slots: SlotValue[] = profileSlots(ctx, c);
  for (const env of c.environments) {
    for (const [name, v] of Object.entries(env.variables)) {
      const value = typeof v === 'object' ? ctx.declared.get(v) : undefined;
      if (value !== undefined) slots.push({ slot: { kind: 'env', env: env.name, name }, value });
    }
  }
  const outside = outsideSecrets(ctx, c);
  if (outside.length > 0 && c.environments.length === 0) {
    c.environments.push({ name: DEFAULT_ENV, variables: {} });
    ctx.warn(`secrets of the collection, its folders or requests are kept in environments: a new environment '${DEFAULT_ENV}' holds them (send with --env ${DEFAULT_ENV})`);
  }
  const placed = new Map<string, string>();
  const ownNames = new Set(c.environments.flatMap((e) => Object.keys(e.variables)));
  const add = (env: EnvironmentFile, name: string, value: string) => {
    env.variables[name] = { secret: true };
    slots.push({ slot: { kind: 'env', env: env.name, name }, value });
  };
  for (const o of outside) {
    holder(c, o.owner).drop(o.name);
    if (!o.mustWin) {
      // The collection's value yields to an environment's own (Postman, Insomnia and Bruno all do so).
      for (const env of c.environments) if (!(o.name in env.variables)) add(env, o.name, o.value);
      if (!placed.has(o.name)) placed.set(o.name, o.value);
      continue;
    }
    const taken = (n: string) => ownNames.has(n) || (placed.has(n) && placed.get(n) !== o.value);
    let name = o.name;
    for (let i = 2; taken(name); i++) name = `${o.name}_${i}`;
    if (name !== o.name) {
      if (o.owner.kind === 'collection') {
        if (c.defaults) c.defaults = renameIn(c.defaults, o.name, name);
        renameItems(c.items, o.name, name);
      } else renameItems([o.owner.item], o.name, name);
      ctx.warn(`${o.where}: secret variable '${o.name}' is '${name}' in the environments (the name was taken there); its references were renamed`);
    }
    if (placed.get(name) === o.value) continue;
    placed.set(name, o.value);
    for (const env of c.environments) add(env, name, o.value);
  }
  return slots;
}
