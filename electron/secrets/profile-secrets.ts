// Secrets of key and gateway profiles: the env var named in the file (`env:`, CI) when set, else the
// OS keychain under `<workspace id>/key:<profile>/<field>` (or `gateway:`), else the local store
// under the same account. Never read from the workspace's files.
import { ContractError } from '../../shared/contract/result';
import type { ResolvedSecrets } from '../../shared/model';
import type { SecretField } from '../../shared/profiles';
import type { Keychain } from './keychain';
import { type SecretSource, lookupSecret, missingReason } from './lookup';
import type { SecretStore } from './local-store';

export type ProfileSecretKind = 'key' | 'gateway';

/** `<workspace id>/key:<profile>/<field>`: one keychain entry per secret field of a profile. */
export function profileSecretAccount(workspaceId: string, kind: ProfileSecretKind, profile: string, field: string): string {
  return `${workspaceId}/${kind}:${profile}/${field}`;
}

export interface ProfileSecretContext {
  workspaceId: string;
  kind: ProfileSecretKind;
  profile: string;
  environ?: Record<string, string | undefined>;
  keychain?: Keychain;
  /** the local store under the data folder by default */
  localStore?: SecretStore;
}

export interface ResolvedProfileSecrets {
  /** field → value (handed to sendThrough; never written anywhere) */
  values: ResolvedSecrets;
  /** the values, for redaction */
  secrets: string[];
  /** field → why it has no value */
  missing: Record<string, string>;
  /** field → where the value came from */
  sources: Record<string, SecretSource>;
}

/** Resolves every secret field of one profile; what cannot be found is listed in `missing` with the reason. */
export async function resolveProfileSecrets(fields: readonly SecretField[], ctx: ProfileSecretContext): Promise<ResolvedProfileSecrets> {
  const out: ResolvedProfileSecrets = { values: {}, secrets: [], missing: {}, sources: {} };
  for (const { field, ref } of fields) {
    const hint = { variable: `${ctx.profile}/${field}`, ...(ref.env ? { envVar: ref.env } : {}) };
    const r = await lookupSecret(profileSecretAccount(ctx.workspaceId, ctx.kind, ctx.profile, field), ref.env, hint, ctx);
    if (r.value !== undefined) {
      out.values[field] = r.value;
      out.secrets.push(r.value);
      out.sources[field] = r.source;
    } else {
      out.missing[field] = missingReason(r, `not in the keychain${ref.env ? ` and ${ref.env} is not set` : ''} (nor in the local store)`);
    }
  }
  return out;
}

/** The clear error for a profile secret with no value, naming the profile and the field (code key-secret-missing). */
export function missingSecretError(kind: ProfileSecretKind, profile: string, missing: Record<string, string>): ContractError {
  const [field, why] = Object.entries(missing)[0]!;
  const more = Object.keys(missing).length > 1 ? ` (also: ${Object.keys(missing).slice(1).join(', ')})` : '';
  return new ContractError({
    code: 'key-secret-missing',
    message: `${kind === 'key' ? 'Key' : 'Gateway'} profile "${profile}": secret ${field} has no value: ${why}${more}`,
    reason: 'A secret of the key or gateway profile has no value (not in the keychain or the local store, and its environment variable is not set).',
    remedy: `Store it in the profile editor (profiles.setSecret, keychain account ${kind}:${profile}/${field}), or set the environment variable the profile names with \`env:\` (in CI).`,
  });
}
