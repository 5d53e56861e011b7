// A keychain held in memory, for `clearance run` of an export: the file's own credentials are
// seeded into it (nothing is written to disk); any other account goes to `fallback` (the OS
// keychain, for the profiles of `--workspace DIR`).
import type { Keychain, SecretHint } from './keychain';

export interface MemoryKeychainOptions {
  fallback?: Keychain;
  /** turns a seeded value into the one to send (the runner fills `{{variables}}` in; may throw) */
  expand?: (value: string, account: string) => string;
}

export function memoryKeychain(seed: Iterable<[string, string]>, opts: MemoryKeychainOptions = {}): Keychain {
  const values = new Map(seed);
  return {
    async get(account: string, hint?: SecretHint) {
      const v = values.get(account);
      if (v !== undefined) return opts.expand ? opts.expand(v, account) : v;
      return opts.fallback ? opts.fallback.get(account, hint) : null;
    },
    async set(account: string, value: string) {
      values.set(account, value);
    },
    async delete(account: string) {
      return values.delete(account);
    },
  };
}
