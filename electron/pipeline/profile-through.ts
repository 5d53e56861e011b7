// Loads the key and gateway profiles a send goes through, with their secrets resolved (env var or
// keychain), ready for sendThrough. Shared by workspace.sendRequest, requests.send and the CLI.
import type { GatewayProfile, KeyProfile, ResolvedSecrets } from '../../shared/model';
import { gatewaySecretFields, keySecretFields } from '../../shared/profiles';
import { missingSecretError, resolveProfileSecrets } from '../secrets/profile-secrets';
import type { Keychain } from '../secrets';

/** Names that mean "no key" / "no gateway" (the baseline), whatever the defaults say. */
export const NO_KEY = new Set(['none']);
export const NO_GATEWAY = new Set(['direct', 'none']);

export interface ThroughDeps {
  keychain?: Keychain;
  environ?: Record<string, string | undefined>;
  /** where profiles come from (default: keys/ and gateways/ of the workspace at `root`); the runner passes imported ones */
  profiles?: ProfileSource;
}

export interface ProfileSource {
  key(name: string): Promise<KeyProfile>;
  gateway(name: string): Promise<GatewayProfile>;
}

/** Profiles read from a workspace's keys/ and gateways/ folders (the YAML reader loads when one is read). */
export function workspaceProfiles(root: string): ProfileSource {
  return {
    key: async (name) => (await (await import('../workspace/profiles')).findProfile(root, 'key', name)).profile,
    gateway: async (name) => (await (await import('../workspace/profiles')).findProfile(root, 'gateway', name)).profile,
  };
}

export interface LoadedThrough {
  key?: KeyProfile;
  keySecrets?: ResolvedSecrets;
  gateway?: GatewayProfile;
  gatewaySecrets?: ResolvedSecrets;
  /** every resolved secret value, for the history redactor */
  secrets: string[];
}

/** The effective name: an explicit choice wins over the request/folder/collection default. */
export function effectiveName(override: string | undefined, fallback: string | undefined): string | undefined {
  const v = override !== undefined && override !== '' ? override : fallback;
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Reads `keys/<key>.yaml` and `gateways/<gateway>.yaml` of the workspace at `root` and resolves their
 * secrets. Throws `unknown-profile` (listing the available ones), `broken-file`, or `key-secret-missing`
 * naming the profile and field.
 */
export async function loadThrough(root: string, workspaceId: string, names: { key?: string | undefined; gateway?: string | undefined }, deps: ThroughDeps = {}): Promise<LoadedThrough> {
  const out: LoadedThrough = { secrets: [] };
  const source = deps.profiles ?? workspaceProfiles(root);
  const common = { workspaceId, ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) };
  if (names.key !== undefined && !NO_KEY.has(names.key)) {
    const profile = await source.key(names.key);
    const r = await resolveProfileSecrets(keySecretFields(profile), { ...common, kind: 'key', profile: profile.name });
    if (Object.keys(r.missing).length) throw missingSecretError('key', profile.name, r.missing);
    out.key = profile;
    out.keySecrets = r.values;
    out.secrets.push(...r.secrets);
  }
  if (names.gateway !== undefined && !NO_GATEWAY.has(names.gateway)) {
    const profile = await source.gateway(names.gateway);
    const r = await resolveProfileSecrets(gatewaySecretFields(profile), { ...common, kind: 'gateway', profile: profile.name });
    if (Object.keys(r.missing).length) throw missingSecretError('gateway', profile.name, r.missing);
    out.gateway = profile;
    out.gatewaySecrets = r.values;
    out.secrets.push(...r.secrets);
  }
  return out;
}

/** True when the send must go through sendThrough (a key or a gateway is in play). */
export function isThrough(t: LoadedThrough): boolean {
  return Boolean(t.key || t.gateway);
}
