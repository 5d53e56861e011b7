// Where one secret's value comes from, in a fixed order: the environment variable the file names
// (`env:`, so CI still wins), then the OS keychain, then the local store (no keychain reachable).
import { keychain as osKeychain, type Keychain, type SecretHint } from './keychain';
import { localStore, type SecretStore } from './local-store';

export type SecretSource = 'env' | 'keychain' | 'local-store';

export interface SecretStores {
  /** process.env by default */
  environ?: Record<string, string | undefined>;
  keychain?: Keychain;
  /** the local store under the data folder by default */
  localStore?: SecretStore;
}

export type Lookup =
  | { value: string; source: SecretSource }
  /** not found: why the keychain and the local store could not answer, when they could not */
  | { value?: undefined; keychainError?: unknown; localStoreError?: unknown };

export function reasonOf(err: unknown): string {
  const info = (err as { info?: { message: string; remedy?: string } }).info;
  return info ? `${info.message}. ${info.remedy ?? ''}`.trim() : (err as Error).message;
}

/** Looks one secret up; never throws (a store that fails is reported in the result). */
export async function lookupSecret(account: string, envVar: string | undefined, hint: SecretHint, stores: SecretStores = {}): Promise<Lookup> {
  const fromEnv = envVar ? (stores.environ ?? process.env)[envVar] : undefined;
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'env' };
  let keychainError: unknown;
  try {
    const v = await (stores.keychain ?? osKeychain).get(account, hint);
    if (v !== null) return { value: v, source: 'keychain' };
  } catch (err) {
    keychainError = err;
  }
  try {
    const v = await (stores.localStore ?? localStore()).get(account);
    if (v !== null) return { value: v, source: 'local-store' };
  } catch (err) {
    return { keychainError, localStoreError: err };
  }
  return { keychainError };
}

/** Why a secret has no value, from a failed lookup: the keychain's or the local store's own message, else `notSet`. */
export function missingReason(r: Lookup, notSet: string): string {
  if (r.value !== undefined) return '';
  const parts = [r.keychainError ? reasonOf(r.keychainError) : undefined, r.localStoreError ? reasonOf(r.localStoreError) : undefined].filter(Boolean);
  return parts.length ? parts.join(' ') : notSet;
}
