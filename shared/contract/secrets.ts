import { z } from 'zod';

/**
 * Where a workspace's secrets are kept, as `clearance secrets list --json` prints it: never a value.
 * Used by workspace.secrets, workspace.moveSecrets and the setSecret results.
 */
export const SecretStoreNameSchema = z.enum(['keychain', 'local-store']);

/** A secret's place: a variable of an environment, or a field of a key or gateway profile. */
export const SecretRefSchema = z.object({
  scope: z.enum(['environment', 'key', 'gateway']),
  /** the environment's or profile's name */
  owner: z.string(),
  name: z.string(),
});

export const WorkspaceSecretSchema = SecretRefSchema.extend({
  /** the environment variable the file names with `env:` */
  env: z.string().optional(),
  /** where a send takes the value from now (env var > keychain > local store) */
  source: z.enum(['env', 'keychain', 'local-store', 'missing']),
  /** every place a value is kept (both after an interrupted move) */
  stored: z.array(SecretStoreNameSchema),
  /** why the keychain could not be asked */
  note: z.string().optional(),
});

export const SecretsReportSchema = z.object({
  /** the workspace folder */
  workspace: z.string(),
  id: z.string(),
  /** the local store's file */
  localStore: z.string(),
  secrets: z.array(WorkspaceSecretSchema),
  /** files that could not be read: their secrets are not listed */
  problems: z.array(z.string()),
});

export const MoveSecretsResultSchema = z.object({
  to: SecretStoreNameSchema,
  localStore: z.string(),
  moved: z.array(SecretRefSchema),
  /** already only in the target */
  already: z.array(SecretRefSchema),
  /** kept nowhere (given by `env:` or not set) */
  absent: z.array(SecretRefSchema),
  /** local-store entries of the workspace that no file declares, moved too (to the keychain only) */
  undeclared: z.number().int(),
  problems: z.array(z.string()),
});

/** What setSecret did: the keychain, or the local store when no keychain is reachable. */
export const SecretStoredSchema = z.object({ stored: z.literal(true), where: SecretStoreNameSchema });
