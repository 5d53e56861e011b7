// A workspace's secrets as `clearance secrets` and the app see them: where each is kept (never its
// value), moving them all to one store, and setting or forgetting one value. One implementation
// for the CLI command and the services, so both show and do the same thing.
import { keychain as osKeychain, type SecretHint } from './keychain';
import { localStore as defaultLocalStore } from './local-store';
import type { SecretSource } from './lookup';
import { moveSecrets, secretStates, storeSecrets, workspaceSlots, type MoveOutcome, type StoreName, type Stores } from './placement';
import { slotAccount, type SecretSlot } from './slots';

/** A secret's place in words: `environment staging / token`, `key team / key`. */
export interface SecretRef { scope: 'environment' | 'key' | 'gateway'; owner: string; name: string }

export interface SecretRow extends SecretRef {
  /** the environment variable the file names with `env:` */
  env?: string;
  /** where a send takes the value from now */
  source: SecretSource | 'missing';
  /** every place a value is kept (two after an interrupted move) */
  stored: StoreName[];
  /** why the keychain could not be asked */
  note?: string;
}

export interface SecretsReport {
  /** the workspace folder */
  workspace: string;
  id: string;
  /** the local store's file */
  localStore: string;
  secrets: SecretRow[];
  /** files that could not be read (their secrets are not listed) */
  problems: string[];
}

export interface MoveReport extends MoveOutcome {
  id: string;
  localStore: string;
  problems: string[];
}

export function secretRef(slot: SecretSlot): SecretRef {
  return slot.kind === 'env' ? { scope: 'environment', owner: slot.env, name: slot.name } : { scope: slot.kind, owner: slot.profile, name: slot.field };
}

const localOf = (stores: Stores) => stores.localStore ?? defaultLocalStore();

/** Every secret of the workspace at `root` (environments, key and gateway profiles) and where it is. */
export async function listWorkspaceSecrets(root: string, stores: Stores = {}): Promise<SecretsReport> {
  const ls = localOf(stores);
  const { id, slots, problems } = await workspaceSlots(root);
  const states = await secretStates(id, slots, { ...stores, localStore: ls });
  const secrets = states.map((s) => ({
    ...secretRef(s.slot), ...(s.envVar ? { env: s.envVar } : {}), source: s.source, stored: s.stored, ...(s.note ? { note: s.note } : {}),
  }));
  return { workspace: root, id, localStore: ls.path, secrets, problems };
}

/** Moves every stored secret of the workspace at `root` to `to` (see moveSecrets: copy, read back, delete). Throws when the target cannot be reached. */
export async function moveWorkspaceSecrets(root: string, to: StoreName, stores: Stores = {}): Promise<MoveReport> {
  const ls = localOf(stores);
  const { id, slots, problems } = await workspaceSlots(root);
  const out = await moveSecrets(id, slots.map((s) => s.slot), to, { ...stores, localStore: ls });
  return { ...out, id, localStore: ls.path, problems };
}

/**
 * Stores one value: in the OS keychain, or in the local store when no keychain is reachable (any
 * other keychain error is thrown). Returns where it went. A value set in the keychain replaces a
 * copy the local store kept, so no stale value is left behind.
 */
export async function putSecret(workspaceId: string, slot: SecretSlot, value: string, stores: Stores = {}): Promise<StoreName> {
  const ls = localOf(stores);
  const out = await storeSecrets(workspaceId, [{ slot, value }], { ...stores, localStore: ls });
  if (out.localStore > 0) return 'local-store';
  const account = slotAccount(workspaceId, slot);
  // Read first: a store with no copy is not written (nor its folder created).
  const stale = await ls.get(account).catch(() => null); // the value is in the keychain, read first by every send; an unreadable local store is reported by each read of it
  if (stale !== null) await ls.delete(account);
  return 'keychain';
}

/** Deletes one value everywhere it may be kept; an unreachable keychain is an error unless the local store held it. */
export async function forgetSecret(workspaceId: string, slot: SecretSlot, stores: Stores = {}, hint?: SecretHint): Promise<boolean> {
  const account = slotAccount(workspaceId, slot);
  const inLocal = await localOf(stores).delete(account);
  const inKeychain = await (stores.keychain ?? osKeychain).delete(account, hint).catch((err: unknown) => {
    if (inLocal && (err as { info?: { code?: string } }).info?.code === 'keychain-unavailable') return false;
    throw err;
  });
  return inLocal || inKeychain;
}
