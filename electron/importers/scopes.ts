// Which variables a profile's `{{templates}}` see: those of the first request that uses the profile
// (its own, then its folders', innermost first). Used by imports (to store a filled-in value) and
// by the runner (to fill it in at send time).
import type { CollectionItem } from '../../shared/model/collection';
import type { Variables } from '../../shared/model/workspace';

export interface UseScope {
  request?: Variables;
  /** innermost first */
  folders: Variables[];
}

/** Where profile `name` (a `key` or `gateway`) is first used below `items`; `inherited` is the default above them. */
export function firstUse(items: CollectionItem[], kind: 'key' | 'gateway', name: string, inherited: string | undefined, folders: Variables[] = []): UseScope | undefined {
  for (const item of items) {
    if (item.type === 'request') {
      if ((item.request[kind] ?? inherited) === name) return { ...(item.request.variables ? { request: item.request.variables } : {}), folders };
      continue;
    }
    const inner = item.defaults?.variables ? [item.defaults.variables, ...folders] : folders;
    const hit = firstUse(item.items, kind, name, item.defaults?.[kind] ?? inherited, inner);
    if (hit) return hit;
  }
  return undefined;
}
