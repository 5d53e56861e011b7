// A request spec with key and gateway profiles given directly (profiles not read from a workspace):
// parsed, prepared and sent through the one path. Tests and embedders use it; the app, the CLI and
// the runner reach the same prepareResolved/sendPrepared through prepare().
import { SendFailure } from '../engine';
import { GatewayProfileSchema, KeyProfileSchema } from '../../shared/model';
import type {
  GatewayProfile, GatewayProfileInput, KeyProfile, KeyProfileInput, RequestSpec, RequestSpecInput, ResolvedSecrets, ResponseRecord, SendOptionsInput,
} from '../../shared/model';
import { prepareResolved } from './prepare-resolved';
import { sendPrepared } from './send-prepared';
import type { SendHooks } from './prepared';

export interface Through {
  key?: KeyProfile | KeyProfileInput;
  /** the key's secrets, resolved by the caller (keychain or env) */
  keySecrets?: ResolvedSecrets;
  gateway?: GatewayProfile | GatewayProfileInput;
  gatewaySecrets?: ResolvedSecrets;
  options?: SendOptionsInput;
  /** clock for signatures and token expiry (default Date.now) */
  now?: () => number;
}

type Schema<T> = { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } };

function parseProfile<T>(schema: Schema<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new SendFailure('invalid-options', `${what} profile is invalid: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem'}`);
}

/** Sends `request` through the given profiles; refuses before sending when the host is not bound to the key. */
export async function sendThrough(request: RequestSpec | RequestSpecInput, through: Through, hooks: SendHooks = {}): Promise<ResponseRecord> {
  const key = through.key ? parseProfile<KeyProfile>(KeyProfileSchema, through.key, 'Key') : undefined;
  const gateway = through.gateway ? parseProfile<GatewayProfile>(GatewayProfileSchema, through.gateway, 'Gateway') : undefined;
  const prepared = await prepareResolved({
    resolved: { request: request as RequestSpec, injectedHeaders: [], used: [], unresolved: [] },
    through: {
      secrets: [],
      ...(key ? { key, keySecrets: through.keySecrets ?? {} } : {}),
      ...(gateway ? { gateway, gatewaySecrets: through.gatewaySecrets ?? {} } : {}),
    },
    options: through.options,
  });
  return sendPrepared(prepared, { ...hooks, ...(through.now ? { now: through.now } : {}) });
}
