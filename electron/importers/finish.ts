// Assembling the import's result: secret variables join the collection defaults, names are made
// unique, key profiles are bound to hosts; then what becomes of the credential values (SecretMode).
import type { Collection, CollectionItem, ImportResult } from '../../shared/model/collection';
import type { SlotValue } from '../secrets/slots';
import type { ImportContext } from './context';
import { bindHosts } from './hosts';
import { placeSecrets } from './place-secrets';
import { validateForLoader } from './validate';

export interface ImportOutput extends ImportResult {
  /**
   * capture: every credential value with its place (environment variable or profile field), for the
   * keychain or the local store; keep: the profiles' secret values as found (`{{templates}}` unfilled);
   * drop: empty.
   */
  secrets: SlotValue[];
}

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

function keptValues(ctx: ImportContext): SlotValue[] {
  const out: SlotValue[] = [];
  for (const [kind, values] of [['key', ctx.profileValues], ['gateway', ctx.gatewayValues]] as const) {
    for (const [profile, fields] of values) for (const [field, value] of Object.entries(fields)) out.push({ slot: { kind, profile, field }, value });
  }
  return out;
}

export function finish(ctx: ImportContext, collection: Collection, format: string): ImportOutput {
  const out: Collection = { ...collection, items: uniqueNames(collection.items) };
  if (Object.keys(ctx.secrets).length > 0) {
    const variables = { ...ctx.secrets, ...(out.defaults?.variables ?? {}) };
    out.defaults = { ...out.defaults, variables };
  }
  // A run sends the file as its tool would: newman and bru send auth to whatever host the URL names.
  if (ctx.mode === 'keep') for (const k of ctx.keys) k.hosts = ['*'];
  else bindHosts(ctx, out);
  // Before secrets are placed: a profile left out here must not leave its values in a store.
  validateForLoader(ctx, out);
  if (ctx.keys.length > 0) out.keys = [...(out.keys ?? []), ...ctx.keys];
  const secrets = ctx.mode === 'capture' ? placeSecrets(ctx, out) : ctx.mode === 'keep' ? keptValues(ctx) : [];
  return { collection: out, format, warnings: ctx.warnings, secrets };
}

export function countRequests(items: CollectionItem[]): number {
  return items.reduce((n, i) => n + (i.type === 'request' ? 1 : countRequests(i.items)), 0);
}
