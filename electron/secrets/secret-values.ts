import type { Variables } from '../../shared/model';
import { keychain as osKeychain, secretAccount, type Keychain } from './keychain';

export interface SecretContext {
  workspaceId: string;
  env: string;
  /** process.env by default; injectable for tests */
  environ?: Record<string, string | undefined>;
  keychain?: Keychain;
}

export interface ResolvedVariables {
  /** name → value, secrets included (never written anywhere) */
  values: Record<string, string>;
  /** the secret values, for redaction */
  secrets: string[];
  /** secret names with no value, and why */
  missing: Record<string, string>;
}

/**
 * Turns an environment's variables into plain values: text as is; a secret from the env var named
 * in the file (`env:`, for CI) when set, else from the OS keychain. A secret that cannot be found
 * is listed in `missing` with the reason, so sending names it instead of sending `{{name}}`.
 */
export async function resolveVariables(vars: Variables | undefined, ctx: SecretContext): Promise<ResolvedVariables> {
  const out: ResolvedVariables = { values: {}, secrets: [], missing: {} };
  const environ = ctx.environ ?? process.env;
  const kc = ctx.keychain ?? osKeychain;
  for (const [name, v] of Object.entries(vars ?? {})) {
    if (typeof v === 'string') {
      out.values[name] = v;
      continue;
    }
    const fromEnv = v.env ? environ[v.env] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') {
      out.values[name] = fromEnv;
      out.secrets.push(fromEnv);
      continue;
    }
    try {
      const stored = await kc.get(secretAccount(ctx.workspaceId, ctx.env, name), { variable: name, ...(v.env ? { envVar: v.env } : {}) });
      if (stored === null) {
        out.missing[name] = `secret ${name} of environment ${ctx.env} is not set: store it in the keychain (workspace.setSecret)${v.env ? ` or set ${v.env}` : ''}`;
      } else {
        out.values[name] = stored;
        out.secrets.push(stored);
      }
    } catch (err) {
      const info = (err as { info?: { message: string; remedy?: string } }).info;
      out.missing[name] = info ? `${info.message}. ${info.remedy ?? ''}`.trim() : (err as Error).message;
    }
  }
  return out;
}
