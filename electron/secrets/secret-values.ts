import type { Variables } from '../../shared/model';
import { secretAccount, type Keychain } from './keychain';
import { type SecretSource, lookupSecret, missingReason } from './lookup';
import type { SecretStore } from './local-store';

export interface SecretContext {
  workspaceId: string;
  env: string;
  /** process.env by default; injectable for tests */
  environ?: Record<string, string | undefined>;
  keychain?: Keychain;
  /** the local store under the data folder by default */
  localStore?: SecretStore;
}

export interface ResolvedVariables {
  /** name → value, secrets included (never written anywhere) */
  values: Record<string, string>;
  /** the secret values, for redaction */
  secrets: string[];
  /** secret names with no value, and why */
  missing: Record<string, string>;
  /** secret name → where its value came from */
  sources?: Record<string, SecretSource>;
}

/**
 * Turns an environment's variables into plain values: text as is; a secret from the env var named
 * in the file (`env:`, for CI) when set, else the OS keychain, else the local store. A secret that
 * cannot be found is listed in `missing` with the reason, so sending names it instead of sending `{{name}}`.
 */
export async function resolveVariables(vars: Variables | undefined, ctx: SecretContext): Promise<ResolvedVariables> {
  const out: ResolvedVariables & { sources: Record<string, SecretSource> } = { values: {}, secrets: [], missing: {}, sources: {} };
  for (const [name, v] of Object.entries(vars ?? {})) {
    if (typeof v === 'string') {
      out.values[name] = v;
      continue;
    }
    const r = await lookupSecret(secretAccount(ctx.workspaceId, ctx.env, name), v.env, { variable: name, ...(v.env ? { envVar: v.env } : {}) }, ctx);
    if (r.value !== undefined) {
      out.values[name] = r.value;
      out.secrets.push(r.value);
      out.sources[name] = r.source;
    } else {
      out.missing[name] = missingReason(r, `secret ${name} of environment ${ctx.env} is not set: store it in the keychain (workspace.setSecret)${v.env ? ` or set ${v.env}` : ''}`);
    }
  }
  return out;
}
