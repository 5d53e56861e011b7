// `clearance run` of an export: the file's credentials as newman and bru send them, in memory only.
// Key profiles made from auth blocks read their secrets from an in-memory keychain seeded with the
// file's values; a `{{variable}}` in one is filled in when the run asks for it, from the scopes of
// the first request that uses the profile and the environment picked for the run.
import { ContractError } from '../../shared/contract/result';
import type { Collection } from '../../shared/model/collection';
import type { Defaults, EnvironmentFile, Variables } from '../../shared/model/workspace';
import { defaultSources } from '../../shared/variables/dynamic';
import { interpolate, newState } from '../../shared/variables/interpolate';
import { unresolvedMessage } from '../../shared/variables/resolve-request';
import { isSecretVariableName } from '../importers/context';
import { firstUse } from '../importers/scopes';
import { keychain as osKeychain, type Keychain } from '../secrets/keychain';
import { memoryKeychain } from '../secrets/memory-keychain';
import { slotAccount, slotLabel, type SecretSlot, type SlotValue } from '../secrets/slots';

type Values = Record<string, string>;

function plain(v: Variables | undefined): Values {
  return Object.fromEntries(Object.entries(v ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The collection's defaults with the variables the environment also defines left out: Postman,
 * Insomnia (sub- over base environment) and Bruno all let the environment win over the collection.
 */
export function environmentWins(defaults: Defaults | undefined, env: EnvironmentFile | undefined): Defaults | undefined {
  if (!defaults?.variables || !env) return defaults;
  const variables = Object.fromEntries(Object.entries(defaults.variables).filter(([n]) => !(n in env.variables)));
  return { ...defaults, variables };
}

/** The in-memory keychain of an export's run; `env()` is the environment the run picked, if any. */
export function exportKeychain(c: Collection, secrets: SlotValue[], workspaceId: string, env: () => EnvironmentFile | undefined): Keychain {
  const slots = new Map<string, SecretSlot>(secrets.map(({ slot }) => [slotAccount(workspaceId, slot), slot]));
  const expand = (value: string, account: string): string => {
    if (!value.includes('{{')) return value;
    const slot = slots.get(account)!;
    const kind = slot.kind === 'env' ? 'key' : slot.kind;
    const use = slot.kind === 'env' ? undefined : firstUse(c.items, kind, slot.profile, c.defaults?.[kind]);
    const picked = env();
    const state = newState({
      request: plain(use?.request), folders: (use?.folders ?? []).map(plain),
      collection: plain(environmentWins(c.defaults, picked)?.variables), environment: plain(picked?.variables),
    }, defaultSources);
    const out = interpolate(state, value, slotLabel(slot));
    if (state.unresolved.length > 0) throw new ContractError({ code: 'unresolved-variable', message: unresolvedMessage(state.unresolved) });
    return out;
  };
  return memoryKeychain(secrets.map(({ slot, value }) => [slotAccount(workspaceId, slot), value]), { fallback: osKeychain, expand });
}

/**
 * Values of an export that look like credentials (variables named like secrets, in the collection,
 * its folders and its environments, and the key profiles' secrets): a run keeps them as they are to
 * send them, and its history and reports redact them like any secret.
 */
export function exportSecretValues(c: Collection, secrets: SlotValue[]): string[] {
  const out = new Set<string>(secrets.map((s) => s.value).filter((v) => v !== '' && !v.includes('{{')));
  const take = (vars: Variables | undefined): void => {
    for (const [name, v] of Object.entries(vars ?? {})) if (typeof v === 'string' && v !== '' && !v.includes('{{') && isSecretVariableName(name)) out.add(v);
  };
  take(c.defaults?.variables);
  for (const e of c.environments) take(e.variables);
  const walk = (items: Collection['items']): void => {
    for (const i of items) {
      if (i.type === 'folder') { take(i.defaults?.variables); walk(i.items); } else take(i.request.variables);
    }
  };
  walk(c.items);
  return [...out];
}
