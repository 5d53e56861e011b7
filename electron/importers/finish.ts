// Assembling the ImportResult: secret variables join the collection defaults, names are made unique.
import type { Collection, CollectionItem, ImportResult } from '../../shared/model/collection';
import type { ImportContext } from './context';
import { bindHosts } from './hosts';

function uniqueNames(items: CollectionItem[]): CollectionItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const name = item.type === 'request' ? item.request.name : item.name;
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const unique = n === 1 ? name : `${name} (${n})`;
    if (item.type === 'request') return { type: 'request', request: { ...item.request, name: unique } };
    return { ...item, name: unique, items: uniqueNames(item.items) };
  });
}

export function finish(ctx: ImportContext, collection: Collection, format: string): ImportResult {
  const out: Collection = { ...collection, items: uniqueNames(collection.items) };
  if (Object.keys(ctx.secrets).length > 0) {
    const variables = { ...ctx.secrets, ...(out.defaults?.variables ?? {}) };
    out.defaults = { ...out.defaults, variables };
  }
  bindHosts(ctx, out);
  if (ctx.keys.length > 0) out.keys = [...(out.keys ?? []), ...ctx.keys];
  return { collection: out, format, warnings: ctx.warnings };
}

export function countRequests(items: CollectionItem[]): number {
  return items.reduce((n, i) => n + (i.type === 'request' ? 1 : countRequests(i.items)), 0);
}
