import { ContractError, type ServiceImpl, type profilesContract } from '../../shared/contract';
import type { z } from 'zod';
import type { JwtSummarySchema, SecretStateSchema } from '../../shared/contract/profiles';
import { GATEWAY_PRESETS } from '../../shared/presets';
import { decodeJwt, gatewaySecretFields, keySecretFields, missingScopes, type SecretField } from '../../shared/profiles';
import type { GatewayProfile, KeyProfile } from '../../shared/model';
import { keychain as osKeychain, type Keychain } from '../secrets';
import { profileSecretAccount, resolveProfileSecrets, type ProfileSecretKind } from '../secrets/profile-secrets';
import { loadWorkspace } from '../workspace';
import { deleteProfile, findProfile, listProfiles, saveProfile, type ProfileEntry, type ProfileKind } from '../workspace/profiles';

export interface ProfilesServiceDeps {
  keychain?: Keychain;
  /** where `env:` secrets are looked up (default process.env) */
  environ?: Record<string, string | undefined>;
  /** clock for JWT expiry (tests) */
  now?: () => number;
}

type SecretState = z.infer<typeof SecretStateSchema>;
type JwtSummary = z.infer<typeof JwtSummarySchema>;

function fieldsOf(kind: ProfileKind, profile: KeyProfile | GatewayProfile): SecretField[] {
  return kind === 'key' ? keySecretFields(profile as KeyProfile) : gatewaySecretFields(profile as GatewayProfile);
}

function jwtSummary(token: string, profile: KeyProfile, now: number): JwtSummary {
  const r = decodeJwt(token, { now });
  if (!r.ok) return { ok: false, error: r.error };
  const v = r.value;
  const missing = missingScopes(profile.scopes, v);
  return {
    ok: true, aud: v.aud, scopes: v.scopes, status: v.status, expired: v.status === 'expired',
    ...(v.iss !== undefined ? { iss: v.iss } : {}), ...(v.sub !== undefined ? { sub: v.sub } : {}),
    ...(v.exp !== undefined ? { exp: v.exp } : {}), ...(v.nbf !== undefined ? { nbf: v.nbf } : {}),
    ...(v.expiresInSeconds !== undefined ? { expiresInSeconds: v.expiresInSeconds } : {}),
    ...(missing.length ? { missingScopes: missing } : {}),
  };
}

export function createProfilesService(deps: ProfilesServiceDeps = {}): ServiceImpl<typeof profilesContract> {
  const kc = deps.keychain ?? osKeychain;
  const now = deps.now ?? Date.now;
  const env = deps.environ ? { environ: deps.environ } : {};

  async function workspace(dir: string): Promise<{ root: string; id: string }> {
    const snap = await loadWorkspace(dir);
    return { root: snap.root, id: snap.file.id };
  }

  /** Secret states (and, for a bearer key, the token's claims) of one parsed profile. */
  async function describe(id: string, kind: ProfileKind, profile: KeyProfile | GatewayProfile): Promise<{ secrets: SecretState[]; jwt?: JwtSummary }> {
    const fields = fieldsOf(kind, profile);
    const r = await resolveProfileSecrets(fields, { workspaceId: id, kind, profile: profile.name, keychain: kc, ...env });
    const secrets: SecretState[] = fields.map(({ field, ref }) => ({
      field, ...(ref.env ? { env: ref.env } : {}),
      source: r.sources[field] ?? 'missing',
      ...(r.missing[field] ? { reason: r.missing[field] } : {}),
    }));
    const token = kind === 'key' && (profile as KeyProfile).kind === 'bearer' ? r.values.token : undefined;
    return { secrets, ...(token !== undefined ? { jwt: jwtSummary(token, profile as KeyProfile, now()) } : {}) };
  }

  async function entries<K extends ProfileKind>(root: string, id: string, kind: K): Promise<Array<Omit<ProfileEntry<K>, never> & { secrets: SecretState[]; jwt?: JwtSummary }>> {
    const out = [];
    for (const e of await listProfiles(root, kind)) out.push({ ...e, ...(e.profile ? await describe(id, kind, e.profile) : { secrets: [] }) });
    return out;
  }

  /** The keychain entries of a profile follow a rename (best effort: a missing keychain loses nothing on disk). */
  async function moveSecrets(id: string, kind: ProfileSecretKind, from: string, to: string, fields: SecretField[]): Promise<void> {
    for (const { field } of fields) {
      try {
        const v = await kc.get(profileSecretAccount(id, kind, from, field));
        if (v === null) continue;
        await kc.set(profileSecretAccount(id, kind, to, field), v);
        await kc.delete(profileSecretAccount(id, kind, from, field));
      } catch { /* no keychain: nothing stored to move */ }
    }
  }

  async function forget(id: string, kind: ProfileSecretKind, name: string, fields: SecretField[]): Promise<void> {
    // After the file is gone: no keychain means nothing was stored there; a failed delete only leaves an orphan entry.
    for (const { field } of fields) await kc.delete(profileSecretAccount(id, kind, name, field)).catch(() => false);
  }

  async function save<K extends ProfileKind>(kind: K, dir: string, profile: K extends 'key' ? KeyProfile : GatewayProfile, opts: { baseVersion?: string | undefined; previousName?: string | undefined }) {
    const { root, id } = await workspace(dir);
    const saved = await saveProfile(root, kind, profile, {
      ...(opts.baseVersion !== undefined ? { baseVersion: opts.baseVersion } : {}), ...(opts.previousName !== undefined ? { previousName: opts.previousName } : {}),
    });
    if (opts.previousName !== undefined && opts.previousName !== profile.name) await moveSecrets(id, kind, opts.previousName, profile.name, fieldsOf(kind, profile));
    return saved;
  }

  async function remove(kind: ProfileKind, dir: string, name: string) {
    const { root, id } = await workspace(dir);
    // A broken profile file is deleted all the same; its secret fields cannot be known.
    const found = await findProfile(root, kind, name).catch(() => null);
    const out = await deleteProfile(root, kind, name);
    if (found) await forget(id, kind, found.profile.name, fieldsOf(kind, found.profile));
    return out;
  }

  async function secretTarget(args: { dir: string; profile: string; kind: ProfileKind; field: string }) {
    const { root, id } = await workspace(args.dir);
    const { profile } = await findProfile(root, args.kind, args.profile);
    const fields = fieldsOf(args.kind, profile);
    const f = fields.find((x) => x.field === args.field);
    if (!f) {
      throw new ContractError({
        code: 'not-a-secret', message: `${args.field} is not a secret field of ${args.kind} profile ${profile.name} (its secret fields: ${fields.map((x) => x.field).join(', ') || 'none'})`,
        remedy: 'Mark the field as `{secret: true}` in the profile first.',
      });
    }
    return { account: profileSecretAccount(id, args.kind, profile.name, f.field), hint: { variable: `${profile.name}/${f.field}`, ...(f.ref.env ? { envVar: f.ref.env } : {}) } };
  }

  return {
    async list({ dir }) {
      const { root, id } = await workspace(dir);
      const keys = await entries(root, id, 'key');
      const gateways = await entries(root, id, 'gateway');
      const problems = [...keys, ...gateways].flatMap((e) => (e.problem ? [e.problem] : []));
      return { keys, gateways, problems };
    },
    async readKey({ dir, name }) {
      const { profile, path, version } = await findProfile((await workspace(dir)).root, 'key', name);
      return { profile, path, version };
    },
    async saveKey({ dir, profile, ...opts }) {
      return save('key', dir, profile, opts);
    },
    async deleteKey({ dir, name }) {
      return remove('key', dir, name);
    },
    async readGateway({ dir, name }) {
      const { profile, path, version } = await findProfile((await workspace(dir)).root, 'gateway', name);
      return { profile, path, version };
    },
    async saveGateway({ dir, profile, ...opts }) {
      return save('gateway', dir, profile, opts);
    },
    async deleteGateway({ dir, name }) {
      return remove('gateway', dir, name);
    },
    async setSecret(args) {
      const { account, hint } = await secretTarget(args);
      await kc.set(account, args.value, hint);
      return { stored: true as const };
    },
    async clearSecret(args) {
      const { account, hint } = await secretTarget(args);
      return { deleted: await kc.delete(account, hint) };
    },
    async presets() {
      return GATEWAY_PRESETS.map((p) => ({ ...p, keyPlacements: [...p.keyPlacements], refusalHints: [...p.refusalHints], template: { ...p.template } }));
    },
  };
}
