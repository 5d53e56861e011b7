// Key profiles are bound to hosts (shared/model/profiles): each gets the hosts of the requests that use it.
import type { Collection, CollectionItem } from '../../shared/model/collection';
import type { Variables } from '../../shared/model/workspace';
import type { ImportContext } from './context';

type Values = Record<string, string>;

function plain(v: Variables | undefined): Values {
  return Object.fromEntries(Object.entries(v ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function hostOf(url: string, values: Values): string | undefined {
  let u = url;
  for (let i = 0; i < 5 && u.includes('{{'); i++) u = u.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (all, n: string) => values[n] ?? all);
  if (u.includes('{{')) return undefined;
  try {
    const parsed = new URL(/^[a-z][\w+.-]*:\/\//i.test(u) ? u : `http://${u}`);
    return parsed.host || undefined;
  } catch {
    // Not a URL even with the variables filled in: there is no host to bind the key to (bindHosts says so).
    return undefined;
  }
}

export function bindHosts(ctx: ImportContext, c: Collection): void {
  if (ctx.keys.length === 0) return;
  const envValues = Object.assign({}, ...c.environments.map((e) => plain(e.variables))) as Values;
  const hosts = new Map<string, Set<string>>(ctx.keys.map((k) => [k.name, new Set<string>()]));
  const walk = (items: CollectionItem[], key: string | undefined, values: Values): void => {
    for (const i of items) {
      if (i.type === 'folder') {
        walk(i.items, i.defaults?.key ?? key, { ...values, ...plain(i.defaults?.variables) });
        continue;
      }
      const k = i.request.key ?? key;
      if (!k) continue;
      const v = { ...values, ...plain(i.request.variables) };
      // Each environment's own value too: a key used against staging and production is bound to both.
      for (const env of [v, ...c.environments.map((e) => ({ ...v, ...plain(e.variables) }))]) {
        const h = hostOf(i.request.url, env);
        if (h) hosts.get(k)?.add(h);
      }
    }
  };
  walk(c.items, c.defaults?.key, { ...envValues, ...plain(c.defaults?.variables) });
  // A key may go through any of the collection's gateways: bind it to their hosts too.
  for (const g of c.gateways ?? []) {
    const to = typeof g.rewrite === 'object' && g.rewrite !== null ? (g.rewrite as { to?: unknown }).to : undefined;
    const h = typeof to === 'string' ? hostOf(to, {}) : undefined;
    if (h) for (const set of hosts.values()) if (set.size > 0) set.add(h);
  }
  for (const k of ctx.keys) {
    const found = [...(hosts.get(k.name) ?? [])].sort();
    if (found.length === 0) ctx.warn(`key profile '${k.name}': no request host could be worked out; bound to localhost only until you set its hosts`);
    k.hosts = found.length > 0 ? found : ['localhost'];
  }
}
