// Where a workspace's secrets are kept, and moving them: the OS keychain when one is reachable,
// else the local store (see local-store.ts). Values never pass through any output.
import { join } from 'node:path';
import { EnvironmentFileSchema } from '../../shared/model';
import { gatewaySecretFields, keySecretFields } from '../../shared/profiles';
import { loadWorkspace } from '../workspace/loader';
import { listProfiles } from '../workspace/profiles';
import { readTyped } from '../workspace/read-file';
import { keychain as osKeychain, type Keychain } from './keychain';
import { localStore as defaultLocalStore, type LocalStore } from './local-store';
import { reasonOf, type SecretSource } from './lookup';
import { slotAccount, type SecretSlot, type SlotValue } from './slots';

export interface Stores {
  keychain?: Keychain;
  localStore?: LocalStore;
  environ?: Record<string, string | undefined>;
}

export type StoreName = 'keychain' | 'local-store';

const isUnavailable = (err: unknown): boolean => (err as { info?: { code?: string } }).info?.code === 'keychain-unavailable';

export interface StoreOutcome {
  keychain: number;
  localStore: number;
  /** the local store's file, when something went there */
  path?: string;
  /** why the keychain could not take them */
  reason?: string;
}

/** Puts each value into the OS keychain or, from the first sign that none is reachable, into the local store. */
export async function storeSecrets(workspaceId: string, values: SlotValue[], stores: Stores = {}): Promise<StoreOutcome> {
  const kc = stores.keychain ?? osKeychain;
  const ls = stores.localStore ?? defaultLocalStore();
  const out: StoreOutcome = { keychain: 0, localStore: 0 };
  for (const { slot, value } of values) {
    const account = slotAccount(workspaceId, slot);
    if (out.reason === undefined) {
      try {
        await kc.set(account, value);
        out.keychain++;
        continue;
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        out.reason = (err as { info: { message: string } }).info.message;
      }
    }
    await ls.set(account, value);
    out.localStore++;
    out.path = ls.path;
  }
  return out;
}

/** Every secret a workspace declares: secret variables of its environments, secret fields of its profiles. */
export async function workspaceSlots(root: string): Promise<{ id: string; slots: Array<{ slot: SecretSlot; envVar?: string }>; problems: string[] }> {
  const snap = await loadWorkspace(root);
  const slots: Array<{ slot: SecretSlot; envVar?: string }> = [];
  const problems = snap.problems.map((p) => `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  for (const e of snap.environments) {
    const r = await readTyped(EnvironmentFileSchema, join(snap.root, e.path), e.path);
    if (!r.ok) continue; // already in snap.problems
    for (const [name, v] of Object.entries(r.value.variables)) {
      if (typeof v !== 'string') slots.push({ slot: { kind: 'env', env: r.value.name, name }, ...(v.env ? { envVar: v.env } : {}) });
    }
  }
  for (const kind of ['key', 'gateway'] as const) {
    for (const p of await listProfiles(snap.root, kind)) {
      if (!p.profile) continue; // its problem is in snap.problems
      const fields = kind === 'key' ? keySecretFields(p.profile as Parameters<typeof keySecretFields>[0]) : gatewaySecretFields(p.profile as Parameters<typeof gatewaySecretFields>[0]);
      for (const { field, ref } of fields) slots.push({ slot: { kind, profile: p.name, field }, ...(ref.env ? { envVar: ref.env } : {}) });
    }
  }
  return { id: snap.file.id, slots, problems };
}

export interface SecretState {
  slot: SecretSlot;
  envVar?: string;
  /** where a send takes the value from now */
  source: SecretSource | 'missing';
  /** where a value is kept (both, after an interrupted move) */
  stored: StoreName[];
  /** the keychain could not be asked, or why the secret is missing */
  note?: string;
}

/** Where each secret is: never the value. */
export async function secretStates(workspaceId: string, slots: Array<{ slot: SecretSlot; envVar?: string }>, stores: Stores = {}): Promise<SecretState[]> {
  const kc = stores.keychain ?? osKeychain;
  const ls = stores.localStore ?? defaultLocalStore();
  const out: SecretState[] = [];
  for (const { slot, envVar } of slots) {
    const account = slotAccount(workspaceId, slot);
    const stored: StoreName[] = [];
    let note: string | undefined;
    try {
      if (await kc.get(account) !== null) stored.push('keychain');
    } catch (err) {
      note = (err as { info?: { message?: string } }).info?.message ?? reasonOf(err);
    }
    if (await ls.get(account) !== null) stored.push('local-store');
    // The order a send looks in (lookup.ts): the env var, the keychain, the local store.
    const fromEnv = envVar ? (stores.environ ?? process.env)[envVar] : undefined;
    const source = fromEnv !== undefined && fromEnv !== '' ? 'env' : stored[0] ?? 'missing';
    out.push({ slot, ...(envVar ? { envVar } : {}), source, stored, ...(note ? { note } : {}) });
  }
  return out;
}

export interface MoveOutcome {
  moved: SecretSlot[];
  /** already only where they were asked to go */
  already: SecretSlot[];
  /** kept nowhere (set with `env:` or not at all) */
  absent: SecretSlot[];
  /** accounts of the workspace in the local store that no file declares, moved too (to the keychain only) */
  undeclared: number;
}

/**
 * Moves every secret of the workspace to one store: copy, read back, then delete the other copy, so
 * an interruption leaves two copies, never none. Throws when the target cannot be reached (nothing lost).
 */
export async function moveSecrets(workspaceId: string, slots: SecretSlot[], to: StoreName, stores: Stores = {}): Promise<MoveOutcome> {
  const kc = stores.keychain ?? osKeychain;
  const ls = stores.localStore ?? defaultLocalStore();
  const [target, source] = to === 'keychain' ? [kc, ls] : [ls, kc];
  const out: MoveOutcome = { moved: [], already: [], absent: [], undeclared: 0 };
  const move = async (account: string): Promise<'moved' | 'already' | 'absent'> => {
    const value = await source.get(account);
    if (value === null) return (await target.get(account)) === null ? 'absent' : 'already';
    await target.set(account, value);
    if ((await target.get(account)) !== value) throw new Error(`the ${to} did not keep ${account}: nothing deleted`);
    await source.delete(account);
    return 'moved';
  };
  const declared = new Set<string>();
  for (const slot of slots) {
    const account = slotAccount(workspaceId, slot);
    declared.add(account);
    const r = await move(account);
    (r === 'moved' ? out.moved : r === 'already' ? out.already : out.absent).push(slot);
  }
  if (to === 'keychain') {
    for (const account of await ls.accounts(workspaceId)) {
      if (!declared.has(account) && (await move(account)) === 'moved') out.undeclared++;
    }
  }
  return out;
}
