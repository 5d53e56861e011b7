import { ContractError, type ServiceImpl, type profilesContract } from '../../shared/contract';
import type { z } from 'zod';
import type { JwtSummarySchema, SecretStateSchema } from '../../shared/contract/profiles';
import { GATEWAY_PRESETS } from '../../shared/presets';
import { decodeJwt, gatewaySecretFields, keySecretFields, missingScopes, type SecretField } from '../../shared/profiles';
import type { GatewayProfile, KeyProfile } from '../../shared/model';
import { keychain as osKeychain, type Keychain } from '../secrets';
import { localStore as defaultLocalStore, type LocalStore } from '../secrets/local-store';
import { profileSecretAccount, resolveProfileSecrets, type ProfileSecretKind } from '../secrets/profile-secrets';
import { copyProfileSecrets } from '../secrets/rename';
import type { SecretSlot } from '../secrets/slots';
import { forgetSecret, putSecret } from '../secrets/workspace-secrets';
import { loadWorkspace } from '../workspace';
import { deleteProfile, findProfile, listProfiles, saveProfile, type ProfileEntry, type ProfileKind } from '../workspace/profiles';

export interface ProfilesServiceDeps {
  keychain?: Keychain;
  /** where secrets are kept when no keychain is reachable (default: the local store under the data folder) */
  localStore?: LocalStore;
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
  const ls = deps.localStore ?? defaultLocalStore();
  const now = deps.now ?? Date.now;
  const env = deps.environ ? { environ: deps.environ } : {};
  const stores = { keychain: kc, localStore: ls };

  async function workspace(dir: string): Promise<{ root: string; id: string }> {
    const snap = await loadWorkspace(dir);
    return { root: snap.root, id: snap.file.id };
  }

  /** Secret states (and, for a bearer key, the token's claims) of one parsed profile. */
  async function describe(id: string, kind: ProfileKind, profile: KeyProfile | GatewayProfile): Promise<{ secrets: SecretState[]; jwt?: JwtSummary }> {
    const fields = fieldsOf(kind, profile);
    const r = await resolveProfileSecrets(fields, { workspaceId: id, kind, profile: profile.name, keychain: kc, localStore: ls, ...env });
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

  async function forget(id: string, kind: ProfileSecretKind, name: string, fields: SecretField[]): Promise<void> {
    // After the file is gone: no keychain means nothing was stored there; a failed delete only leaves an orphan entry.
    for (const { field } of fields) await kc.delete(profileSecretAccount(id, kind, name, field)).catch(() => false);
    for (const { field } of fields) await ls.delete(profileSecretAccount(id, kind, name, field));
  }

  async function save<K extends ProfileKind>(kind: K, dir: string, profile: K extends 'key' ? KeyProfile : GatewayProfile, opts: { baseVersion?: string | undefined; previousName?: string | undefined }) {
    const { root, id } = await workspace(dir);
    const from = opts.previousName !== undefined && opts.previousName !== profile.name ? opts.previousName : undefined;
    // A rename copies the secrets first (or refuses, nothing changed), renames, then drops the old entries.
    const move = from === undefined ? undefined : await copyProfileSecrets(id, kind, from, profile.name, await renamedFields(root, kind, from, profile), { keychain: kc, localStore: ls });
    let saved;
    try {
      saved = await saveProfile(root, kind, profile, {
        ...(opts.baseVersion !== undefined ? { baseVersion: opts.baseVersion } : {}), ...(opts.previousName !== undefined ? { previousName: opts.previousName } : {}),
      });
    } catch (err) {
      await move?.undo();
      throw err;
    }
    await move?.commit();
    return saved;
  }

  /** The secret fields a rename moves: the old profile's (when its file reads) and the new one's. */
  async function renamedFields(root: string, kind: ProfileKind, from: string, profile: KeyProfile | GatewayProfile): Promise<string[]> {
    const old = await findProfile(root, kind, from).then((e) => fieldsOf(kind, e.profile), (err: unknown) => {
      // No such profile or a broken file: saveProfile reports it; the new profile's fields are all there is to move.
      if (['unknown-profile', 'broken-file'].includes((err as { info?: { code?: string } }).info?.code ?? '')) return [];
      throw err;
    });
    return [...new Set([...old, ...fieldsOf(kind, profile)].map((f) => f.field))];
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
    const slot: SecretSlot = { kind: args.kind, profile: profile.name, field: f.field };
    return { id, slot, hint: { variable: `${profile.name}/${f.field}`, ...(f.ref.env ? { envVar: f.ref.env } : {}) } };
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
      const { slot, id } = await secretTarget(args);
      return { stored: true as const, where: await putSecret(id, slot, args.value, stores) };
    },
    async clearSecret(args) {
      const { slot, id, hint } = await secretTarget(args);
      // Forget means everywhere: the local store too (where setSecret or an import without a keychain put it).
      return { deleted: await forgetSecret(id, slot, stores, hint) };
    },
    async presets() {
      return GATEWAY_PRESETS.map((p) => ({ ...p, keyPlacements: [...p.keyPlacements], refusalHints: [...p.refusalHints], template: { ...p.template } }));
    },
  };
}
