import { z } from 'zod';
import { GatewayProfileSchema, KeyProfileSchema } from '../model/profiles';
import { FileProblemSchema } from '../model/workspace';
import { defineService } from './define';
import { SecretStoredSchema } from './secrets';

/**
 * Key profiles (keys/<name>.yaml) and gateway profiles (gateways/<name>.yaml) of a workspace.
 * Secret values only go in (setSecret) and never come out: lists say where a secret comes from.
 */
const Dir = z.object({ dir: z.string().min(1) });
const Name = z.string().min(1).max(100);
export const ProfileKindSchema = z.enum(['key', 'gateway']);

/** One secret field of a profile and whether it has a value (never the value). */
export const SecretStateSchema = z.object({
  field: z.string(),
  /** environment variable named by the file (`env:`) */
  env: z.string().optional(),
  /** where the value would come from now: the env var, the OS keychain, the local store (no keychain reachable), or nowhere */
  source: z.enum(['env', 'keychain', 'local-store', 'missing']),
  /** why it is missing (keychain unavailable...) */
  reason: z.string().optional(),
});

/** A bearer token's claims, decoded (never verified) for display: the token itself is not included. */
export const JwtSummarySchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  iss: z.string().optional(),
  sub: z.string().optional(),
  aud: z.array(z.string()).optional(),
  scopes: z.array(z.string()).optional(),
  /** seconds since the epoch */
  exp: z.number().optional(),
  nbf: z.number().optional(),
  status: z.enum(['valid', 'expired', 'not-yet-valid', 'no-expiry']).optional(),
  expired: z.boolean().optional(),
  expiresInSeconds: z.number().optional(),
  /** the profile's expected scopes the token lacks */
  missingScopes: z.array(z.string()).optional(),
});

const entryBase = {
  path: z.string(),
  name: z.string(),
  version: z.string(),
  /** why the file does not load (it is kept as it is) */
  problem: FileProblemSchema.optional(),
  secrets: z.array(SecretStateSchema),
};

export const KeyEntrySchema = z.object({ ...entryBase, profile: KeyProfileSchema.optional(), jwt: JwtSummarySchema.optional() });
export const GatewayEntrySchema = z.object({ ...entryBase, profile: GatewayProfileSchema.optional() });

export const PresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  source: z.string(),
  summary: z.string(),
  keyPlacements: z.array(z.object({ in: z.enum(['header', 'query']), name: z.string(), prefix: z.string().optional(), kind: z.string(), note: z.string().optional() })),
  urlPattern: z.string().optional(),
  prefixPattern: z.string().optional(),
  template: z.record(z.string(), z.unknown()),
  refusalHints: z.array(z.string()),
});

const Saved = z.object({ path: z.string(), version: z.string() });
const SaveOpts = {
  /** the version read: refused with `conflict` when the file changed since */
  baseVersion: z.string().optional(),
  /** the name before an edit renamed it (its file and keychain secrets follow) */
  previousName: Name.optional(),
};
const SecretArgs = Dir.extend({ profile: Name, kind: ProfileKindSchema, field: z.string().min(1).max(200) });

export const profilesContract = defineService({
  service: 'profiles',
  methods: {
    /** every key and gateway profile with metadata and secret states; bearer tokens' JWT claims */
    list: {
      channel: 'profiles.list',
      args: Dir,
      result: z.object({ keys: z.array(KeyEntrySchema), gateways: z.array(GatewayEntrySchema), problems: z.array(FileProblemSchema) }),
    },
    readKey: { channel: 'profiles.readKey', args: Dir.extend({ name: Name }), result: z.object({ profile: KeyProfileSchema, path: z.string(), version: z.string() }) },
    saveKey: { channel: 'profiles.saveKey', args: Dir.extend({ profile: KeyProfileSchema, ...SaveOpts }), result: Saved },
    /** deletes the file and the profile's keychain entries */
    deleteKey: { channel: 'profiles.deleteKey', args: Dir.extend({ name: Name }), result: z.object({ path: z.string() }) },
    readGateway: {
      channel: 'profiles.readGateway', args: Dir.extend({ name: Name }),
      result: z.object({ profile: GatewayProfileSchema, path: z.string(), version: z.string() }),
    },
    saveGateway: { channel: 'profiles.saveGateway', args: Dir.extend({ profile: GatewayProfileSchema, ...SaveOpts }), result: Saved },
    deleteGateway: { channel: 'profiles.deleteGateway', args: Dir.extend({ name: Name }), result: z.object({ path: z.string() }) },
    /** stores a secret field's value in the OS keychain (`<workspace id>/<kind>:<profile>/<field>`), or in the local store when no keychain is reachable; says which */
    setSecret: { channel: 'profiles.setSecret', args: SecretArgs.extend({ value: z.string().min(1) }), result: SecretStoredSchema },
    clearSecret: { channel: 'profiles.clearSecret', args: SecretArgs, result: z.object({ deleted: z.boolean() }) },
    /** the gateway presets (shared/presets) for the editors */
    presets: { channel: 'profiles.presets', args: z.object({}), result: z.array(PresetSchema) },
  },
});
