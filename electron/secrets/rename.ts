// A profile rename takes its secrets along: every secret field's value under the old name, in the
// keychain and in the local store, is copied to the new name before the file is renamed, and the
// old entries are deleted after. When a store that may hold them cannot be read, nothing is renamed.
import { ContractError } from '../../shared/contract/result';
import { keychain as osKeychain, type Keychain } from './keychain';
import { localStore as defaultLocalStore, type LocalStore, type SecretStore } from './local-store';
import { reasonOf } from './lookup';
import { profileSecretAccount, type ProfileSecretKind } from './profile-secrets';

export interface PendingMove {
  /** after the rename: deletes the entries under the old name */
  commit(): Promise<void>;
  /** the rename failed: deletes the copies under the new name */
  undo(): Promise<void>;
}

function notMoved(kind: ProfileSecretKind, from: string, to: string, why: string): ContractError {
  return new ContractError({
    code: 'secrets-not-moved',
    message: `${kind === 'key' ? 'Key' : 'Gateway'} profile "${from}" was not renamed to "${to}": its secrets could not be moved (${why})`,
    reason: 'A rename moves the secrets stored under the old name; the profile would otherwise lose them.',
    remedy: 'Nothing changed. Rename it where the OS keychain can be reached (its secrets may be there), or fix the cause above and try again.',
  });
}

/** Copies the secrets of `fields` from profile `from` to `to`; throws `secrets-not-moved` (nothing changed) when it cannot. */
export async function copyProfileSecrets(workspaceId: string, kind: ProfileSecretKind, from: string, to: string, fields: string[],
  stores: { keychain?: Keychain; localStore?: LocalStore } = {}): Promise<PendingMove> {
  const kc = stores.keychain ?? osKeychain;
  const ls = stores.localStore ?? defaultLocalStore();
  const found: Array<{ store: SecretStore; field: string; value: string }> = [];
  let keychainDown: string | undefined;
  const inLocal = new Set<string>();
  for (const field of fields) {
    const account = profileSecretAccount(workspaceId, kind, from, field);
    try {
      const v = await kc.get(account);
      if (v !== null) found.push({ store: kc, field, value: v });
    } catch (err) {
      keychainDown ??= reasonOf(err);
    }
    let v: string | null;
    try {
      v = await ls.get(account);
    } catch (err) {
      throw notMoved(kind, from, to, reasonOf(err));
    }
    if (v !== null) {
      found.push({ store: ls, field, value: v });
      inLocal.add(field);
    }
  }
  // An unreachable keychain may hold what the local store does not: renaming now would leave it behind.
  if (keychainDown !== undefined && fields.some((f) => !inLocal.has(f))) throw notMoved(kind, from, to, keychainDown);
  const written: typeof found = [];
  const undo = async () => {
    for (const w of written) await w.store.delete(profileSecretAccount(workspaceId, kind, to, w.field));
  };
  try {
    for (const f of found) {
      await f.store.set(profileSecretAccount(workspaceId, kind, to, f.field), f.value);
      written.push(f);
    }
  } catch (err) {
    await undo().catch(() => undefined); // the copy's own error below is what the user needs; leftovers are copies, nothing is lost
    throw notMoved(kind, from, to, reasonOf(err));
  }
  return {
    undo,
    async commit() {
      // The rename is done and the values are under the new name: a failed delete only leaves a copy behind.
      for (const f of found) await f.store.delete(profileSecretAccount(workspaceId, kind, from, f.field)).catch(() => false);
    },
  };
}
