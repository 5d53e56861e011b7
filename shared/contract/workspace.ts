import { z } from 'zod';
import { RequestSpecSchema } from '../model/request';
import { ResponseRecordSchema } from '../model/response-record';
import { DefaultsSchema, FileProblemSchema, FolderFileSchema, RequestFileSchema, RequestOptionsFileSchema, WorkspaceSnapshotSchema } from '../model/workspace';
import { defineService } from './define';
import { MoveSecretsResultSchema, SecretsReportSchema, SecretStoreNameSchema, SecretStoredSchema } from './secrets';

/** Every call names its workspace folder (absolute); paths inside it are relative, with '/'. */
const Dir = z.object({ dir: z.string().min(1) });
const RelPath = z.string().min(1).max(1000);
const Path = Dir.extend({ path: RelPath });
/** a key or gateway profile name (keys/<name>.yaml, gateways/<name>.yaml) */
export const ProfileChoice = z.string().min(1).max(100);

export const ResolveArgsSchema = Path.extend({
  /** environment name (its `name:` or file name); none = no environment */
  env: z.string().optional(),
  /** unsaved edits to resolve instead of the file on disk */
  request: RequestFileSchema.optional(),
  /** run-time values: win over every scope */
  variables: z.record(z.string(), z.string()).optional(),
});

export const ResolveResultSchema = z.object({
  request: RequestSpecSchema,
  /** folder/collection default headers the request does not override, with their origin */
  injectedHeaders: z.array(z.object({ name: z.string(), value: z.string(), origin: z.enum(['folder', 'collection']) })),
  key: z.string().optional(),
  gateway: z.string().optional(),
  used: z.array(z.object({ name: z.string(), scope: z.string(), secret: z.boolean().optional() })),
  unresolved: z.array(z.object({ name: z.string(), where: z.string(), reason: z.string() })),
});

export const EnvironmentInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  variables: z.array(z.object({
    name: z.string(),
    /** plain values only: secrets never cross to the UI */
    value: z.string().optional(),
    secret: z.boolean(),
    env: z.string().optional(),
  })),
});

export const ChangeBatchSchema = z.object({
  seq: z.number().int(),
  changed: z.array(z.string()),
  conflicts: z.array(z.object({ path: z.string(), message: z.string() })),
  /** the folder (or part of it) cannot be watched: changes there go unreported */
  warning: z.string().optional(),
});

export const workspaceContract = defineService({
  service: 'workspace',
  methods: {
    /** loads the workspace and starts watching it (see changes) */
    open: { channel: 'workspace.open', args: Dir, result: WorkspaceSnapshotSchema },
    init: { channel: 'workspace.init', args: Dir.extend({ name: z.string().min(1).max(200) }), result: WorkspaceSnapshotSchema },
    readRequest: { channel: 'workspace.readRequest', args: Path, result: z.object({ request: RequestFileSchema, version: z.string() }) },
    /** with baseVersion: refused with code `conflict` if the file changed on disk since it was read */
    saveRequest: {
      channel: 'workspace.saveRequest',
      args: Path.extend({ request: RequestFileSchema, baseVersion: z.string().optional() }),
      result: z.object({ version: z.string() }),
    },
    /**
     * a folder's folder.yaml (`folder: null` when it has none); path '' is the collection root
     * (clearance.yaml's name, defaults and order). A broken file is refused with `broken-file`.
     */
    readFolder: {
      channel: 'workspace.readFolder',
      args: Dir.extend({ path: z.string().max(1000) }),
      result: z.object({ folder: FolderFileSchema.nullable(), version: z.string() }),
    },
    /**
     * writes only `defaults` of folder.yaml (or clearance.yaml for path ''), keeping every other
     * field; with baseVersion ('' = the file did not exist) refused with `conflict` if it changed;
     * a broken file is never overwritten (`broken-file`)
     */
    saveFolder: {
      channel: 'workspace.saveFolder',
      args: Dir.extend({ path: z.string().max(1000), defaults: DefaultsSchema, baseVersion: z.string().optional() }),
      result: z.object({ version: z.string() }),
    },
    createRequest: {
      channel: 'workspace.createRequest',
      args: Dir.extend({ folder: z.string().max(1000).default(''), request: RequestFileSchema }),
      result: z.object({ path: z.string() }),
    },
    createFolder: {
      channel: 'workspace.createFolder',
      args: Dir.extend({ parent: z.string().max(1000).default(''), name: z.string().min(1).max(200) }),
      result: z.object({ path: z.string() }),
    },
    rename: { channel: 'workspace.rename', args: Path.extend({ name: z.string().min(1).max(200) }), result: z.object({ path: z.string() }) },
    move: { channel: 'workspace.move', args: Path.extend({ to: z.string().max(1000) }), result: z.object({ path: z.string() }) },
    delete: { channel: 'workspace.delete', args: Path, result: z.object({ deleted: z.literal(true) }) },
    environments: {
      channel: 'workspace.environments',
      args: Dir,
      result: z.object({ environments: z.array(EnvironmentInfoSchema), problems: z.array(FileProblemSchema) }),
    },
    /** the request with every variable resolved (for the URL preview), what was used and what is missing */
    resolve: { channel: 'workspace.resolve', args: ResolveArgsSchema, result: ResolveResultSchema },
    /**
     * prepare (resolve; key and gateway profiles in effect, override > request > folder > collection,
     * with their secrets), refuse with `unresolved-variable` if anything is missing, then send;
     * cancellable with requests.cancel({sendId}); recorded in history, secrets redacted
     */
    sendRequest: {
      channel: 'workspace.sendRequest',
      args: ResolveArgsSchema.extend({
        /** laid over the file's options (a pasted curl command's -k, --max-time...) */
        options: RequestOptionsFileSchema.optional(),
        /** lets the caller cancel this send with requests.cancel and match its requests.onTimeline events */
        sendId: z.string().max(100).optional(),
        /** key profile to use instead of the request/folder/collection default; `none` = no key */
        key: ProfileChoice.optional(),
        /** gateway profile to use instead of the default; `direct` (or `none`) = straight to the URL */
        gateway: ProfileChoice.optional(),
      }),
      result: ResponseRecordSchema,
    },
    /** the request as `clearance export` writes it (curl or snippet:<target>): what a send would put on the wire, secrets as {{name}} */
    exportRequest: {
      channel: 'workspace.exportRequest',
      args: ResolveArgsSchema.extend({
        format: z.string().regex(/^(curl|snippet:[a-z]+)$/, 'curl or snippet:<target>'),
        key: ProfileChoice.optional(),
        gateway: ProfileChoice.optional(),
      }),
      result: z.object({ text: z.string(), unresolved: z.array(z.string()), cannot: z.array(z.string()) }),
    },
    /** stores an environment secret in the OS keychain, or in the local store when no keychain is reachable; says which */
    setSecret: {
      channel: 'workspace.setSecret',
      args: Dir.extend({ env: z.string().min(1), name: z.string().min(1), value: z.string() }),
      result: SecretStoredSchema,
    },
    /** deletes it from the keychain and the local store */
    clearSecret: {
      channel: 'workspace.clearSecret',
      args: Dir.extend({ env: z.string().min(1), name: z.string().min(1) }),
      result: z.object({ deleted: z.boolean() }),
    },
    /** every secret of the environments and key/gateway profiles and where it is kept (never a value), as `clearance secrets list --json` */
    secrets: { channel: 'workspace.secrets', args: Dir, result: SecretsReportSchema },
    /** moves every stored secret of the workspace to one store, as `clearance secrets move`; refused with `secrets-not-moved` when the target cannot be reached */
    moveSecrets: { channel: 'workspace.moveSecrets', args: Dir.extend({ to: SecretStoreNameSchema }), result: MoveSecretsResultSchema },
    /** the app says it holds (or no longer holds) unsaved edits for a file */
    edit: { channel: 'workspace.edit', args: Path.extend({ dirty: z.boolean() }), result: z.object({}) },
    /** files changed on disk since `since` (a seq from a previous call), and conflicts with unsaved edits */
    changes: { channel: 'workspace.changes', args: Dir.extend({ since: z.number().int().nonnegative().default(0) }), result: ChangeBatchSchema },
    /** stops watching */
    close: { channel: 'workspace.close', args: Dir, result: z.object({}) },
  },
});
