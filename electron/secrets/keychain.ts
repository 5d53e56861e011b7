import { ContractError } from '../../shared/contract/result';

/** Keychain service name shared by the app and the CLI on one machine. */
export const KEYCHAIN_SERVICE = 'clearance';
const TIMEOUT_MS = 15_000;

/** `<workspace id>/<environment name>/<variable>`: one keychain entry per secret variable. */
export function secretAccount(workspaceId: string, env: string, variable: string): string {
  return `${workspaceId}/${env}/${variable}`;
}

/** What the caller can suggest instead of the keychain: the env var named in the file, if any. */
export interface SecretHint {
  variable: string;
  envVar?: string;
}

export function keychainUnavailable(cause: string, hint?: SecretHint): ContractError {
  const instead = hint?.envVar
    ? `set the environment variable ${hint.envVar} (named by \`env:\` in the environment file) to supply ${hint.variable}`
    : `add \`env: SOME_VAR\` to ${hint ? `the secret variable ${hint.variable}` : 'the secret variable'} in its environment file and set that environment variable`;
  return new ContractError({
    code: 'keychain-unavailable',
    message: `No OS keychain is available (${cause}): the keychain cannot be read or written here`,
    reason: 'The Secret Service (gnome-keyring, KWallet), macOS Keychain or Windows Credential Manager could not be reached — common in CI, containers and SSH sessions.',
    remedy: `Without a keychain, ${instead}; or keep the value in the local store (\`clearance import\` puts it there when no keychain is reachable; \`clearance secrets list\` shows where each secret is).`,
  });
}

function mapError(err: unknown, hint?: SecretHint): Error {
  const msg = err instanceof Error ? err.message : String(err);
  if (/platform storage|secret service|dbus|no storage access|prompt was dismissed|locked/i.test(msg)) return keychainUnavailable(msg, hint);
  if (err instanceof Error && err.name === 'AbortError') return keychainUnavailable(`no answer within ${TIMEOUT_MS / 1000} s`, hint);
  return new ContractError({ code: 'keychain-error', message: `keychain: ${msg}` });
}

type Entry = { getPassword(s?: AbortSignal): Promise<string | null>; setPassword(p: string, s?: AbortSignal): Promise<void>; deleteCredential(s?: AbortSignal): Promise<boolean> };

async function entry(account: string, hint?: SecretHint): Promise<Entry> {
  try {
    // Loaded on first use: the native module is not needed to send a request without secrets.
    const { AsyncEntry } = await import('@napi-rs/keyring');
    return new AsyncEntry(KEYCHAIN_SERVICE, account) as unknown as Entry;
  } catch (err) {
    throw keychainUnavailable(`the keyring module could not load: ${(err as Error).message}`, hint);
  }
}

async function call<T>(account: string, hint: SecretHint | undefined, fn: (e: Entry, s: AbortSignal) => Promise<T>): Promise<T> {
  const e = await entry(account, hint);
  try {
    return await fn(e, AbortSignal.timeout(TIMEOUT_MS));
  } catch (err) {
    throw mapError(err, hint);
  }
}

const PROBE_ACCOUNT = '_clearance/_probe/_available';

/**
 * A read of a missing entry resolves null both when the keychain has no such secret and when there
 * is no keychain at all (no D-Bus session). After a null read, a write+delete of a probe entry
 * tells the two apart; it throws `keychain-unavailable` in the second case.
 */
async function getChecked(account: string, hint: SecretHint | undefined): Promise<string | null> {
  const value = await call(account, hint, (e, s) => e.getPassword(s));
  if (value !== null) return value;
  await call(PROBE_ACCOUNT, hint, async (e, s) => {
    await e.setPassword('probe', s);
    await e.deleteCredential(s);
  });
  return null;
}

/** The OS keychain (Secret Service, Keychain, Credential Manager) through @napi-rs/keyring. */
export const keychain = {
  get: (account: string, hint?: SecretHint) => getChecked(account, hint),
  set: (account: string, value: string, hint?: SecretHint) => call(account, hint, (e, s) => e.setPassword(value, s)),
  delete: (account: string, hint?: SecretHint) => call(account, hint, (e, s) => e.deleteCredential(s)),
};
export type Keychain = typeof keychain;
