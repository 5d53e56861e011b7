// The last step of an import before secrets are placed: everything is checked with the schemas
// the workspace loader uses, so an import never writes a file the loader then refuses (a schema
// dump, or a key profile that fails on the first send). What can be repaired is (an empty name or
// method, a variable name with spaces, a host that is no host); what cannot is left out, with one
// note each, and references to a left-out profile are removed.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import { GatewayProfileSchema, HostPatternSchema, KeyProfileSchema } from '../../shared/model/profiles';
import { DefaultsSchema, EnvironmentFileSchema, RequestFileSchema, type Defaults, type Variables } from '../../shared/model/workspace';
import { toVarName, type ImportContext } from './context';

const VAR_NAME = /^[A-Za-z_][\w.-]*$/;
type Issue = { path: PropertyKey[]; message: string };

function firstIssue(error: { issues: Issue[] }): string {
  const i = error.issues[0];
  if (!i) return 'invalid';
  return `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`.slice(0, 200);
}

/** Renames variables whose names the loader refuses (`my var` → `my_var`). */
function fixVariables(ctx: ImportContext, vars: Variables | undefined, where: string): Variables | undefined {
  if (!vars || Object.keys(vars).every((n) => VAR_NAME.test(n))) return vars;
  const out: Variables = {};
  for (const [name, value] of Object.entries(vars)) {
    let fixed = VAR_NAME.test(name) ? name : toVarName(name);
    for (let n = 2; fixed in out; n++) fixed = `${toVarName(name)}_${n}`;
    if (fixed !== name) ctx.warn(`${where}: variable '${name.slice(0, 80)}' renamed to '${fixed.slice(0, 80)}' (names are letters, digits, _ . -); update references to it`);
    out[fixed] = value;
  }
  return out;
}

function fixDefaults(ctx: ImportContext, d: Defaults | undefined, where: string): Defaults | undefined {
  if (!d) return d;
  const variables = fixVariables(ctx, d.variables, where);
  const next = variables ? { ...d, variables } : d;
  const r = DefaultsSchema.safeParse(next);
  if (r.success) return next;
  ctx.warn(`${where}: defaults left out (${firstIssue(r.error)})`);
  return undefined;
}

function fixItems(ctx: ImportContext, items: CollectionItem[]): CollectionItem[] {
  const out: CollectionItem[] = [];
  for (const item of items) {
    if (item.type === 'folder') {
      const name = item.name.trim() || 'Folder';
      const defaults = fixDefaults(ctx, item.defaults, `folder '${name}'`);
      const { defaults: _old, ...rest } = item;
      out.push({ ...rest, name, ...(defaults ? { defaults } : {}), items: fixItems(ctx, item.items) });
      continue;
    }
    const req = { ...item.request };
    if (req.name.trim() === '') {
      req.name = 'Request';
      ctx.warn(`a request without a name is named 'Request'`);
    }
    const where = `request '${req.name.slice(0, 80)}'`;
    if (req.method.trim() === '') {
      req.method = 'GET';
      ctx.warn(`${where}: no method; GET is used`);
    }
    const variables = fixVariables(ctx, req.variables, where);
    if (variables) req.variables = variables;
    const r = RequestFileSchema.safeParse(req);
    if (r.success) out.push({ type: 'request', request: req });
    else ctx.warn(`${where}: left out, it cannot be written as a request file (${firstIssue(r.error)})`);
  }
  return out;
}

/** Removes `key: name` / `gateway: name` references to profiles that were left out. */
function dropRefs(items: CollectionItem[], field: 'key' | 'gateway', gone: Set<string>): void {
  for (const item of items) {
    const holder = item.type === 'folder' ? item.defaults : item.request;
    if (holder?.[field] && gone.has(holder[field])) delete holder[field];
    if (item.type === 'folder') dropRefs(item.items, field, gone);
  }
}

function checkKeys(ctx: ImportContext): Set<string> {
  const gone = new Set<string>();
  for (const key of [...ctx.keys]) {
    const all = Array.isArray(key.hosts) ? key.hosts.map(String) : [];
    const hosts = all.filter((h) => HostPatternSchema.safeParse(h).success);
    if (hosts.length < all.length) {
      const bad = all.filter((h) => !hosts.includes(h)).map((h) => `'${h.slice(0, 80)}'`).join(', ');
      ctx.warn(`key profile '${key.name}': ${bad} is not a host name; ${hosts.length ? 'left out of its hosts' : 'bound to localhost only until you set its hosts'}`);
      key.hosts = hosts.length ? hosts : ['localhost'];
    }
    const r = KeyProfileSchema.safeParse(key);
    if (r.success) continue;
    ctx.warn(`key profile '${key.name}': left out, it cannot be written (${firstIssue(r.error)}); its requests are sent without a key`);
    ctx.keys.splice(ctx.keys.indexOf(key), 1);
    ctx.profileValues.delete(key.name);
    gone.add(key.name);
  }
  return gone;
}

function checkGateways(ctx: ImportContext, c: Collection): Set<string> {
  const gone = new Set<string>();
  c.gateways = (c.gateways ?? []).filter((g) => {
    const r = GatewayProfileSchema.safeParse(g);
    if (r.success) return true;
    ctx.warn(`gateway profile '${String(g.name).slice(0, 80)}': left out, it cannot be written (${firstIssue(r.error)}); its requests go straight to their URL`);
    ctx.gatewayValues.delete(g.name);
    gone.add(g.name);
    return false;
  });
  if (c.gateways.length === 0) delete c.gateways;
  return gone;
}

/** Repairs or leaves out what the loader would refuse; `c` and `ctx.keys` change in place. */
export function validateForLoader(ctx: ImportContext, c: Collection): void {
  if (c.name.trim() === '') c.name = 'Imported';
  const defaults = fixDefaults(ctx, c.defaults, `collection '${c.name}'`);
  if (defaults) c.defaults = defaults;
  else delete c.defaults;
  c.items = fixItems(ctx, c.items);
  c.environments = c.environments.flatMap((e) => {
    const env = { ...e, name: e.name.trim() || 'default' };
    const variables = fixVariables(ctx, env.variables, `environment '${env.name}'`);
    if (variables) env.variables = variables;
    const r = EnvironmentFileSchema.safeParse(env);
    if (r.success) return [env];
    ctx.warn(`environment '${env.name}': left out, it cannot be written (${firstIssue(r.error)})`);
    return [];
  });
  const keys = checkKeys(ctx);
  const gateways = checkGateways(ctx, c);
  for (const [field, gone] of [['key', keys], ['gateway', gateways]] as const) {
    if (gone.size === 0) continue;
    dropRefs(c.items, field, gone);
    if (c.defaults?.[field] && gone.has(c.defaults[field])) delete c.defaults[field];
  }
}
