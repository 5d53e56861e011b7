import { z } from 'zod';
import { BodySchema, KeyValueSchema } from './request';
import { ExpectSchema } from './expect';
import { ConnectToSchema, HttpVersionSchema, OmittableHeaderSchema } from './send-options';

/**
 * The workspace on disk (one YAML file per request, folders as directories), as zod schemas.
 * Files hold no timestamps and no ids that change on save, so an edit is a one-line git diff.
 *
 *   my-api/
 *     clearance.yaml              WorkspaceFile: name, format version, collection defaults, order
 *     environments/staging.yaml   EnvironmentFile
 *     keys/team-key.yaml          key profiles (keys and gateways issue)
 *     gateways/kong-prod.yaml     gateway profiles (keys and gateways issue)
 *     shop-api/                   a folder (top-level folders show as collections)
 *       folder.yaml               FolderFile (optional): defaults + order
 *       list-orders.yaml          RequestFile
 */
export const WORKSPACE_FILE = 'clearance.yaml';
export const FOLDER_FILE = 'folder.yaml';
export const RESERVED_DIRS = ['environments', 'keys', 'gateways', '.clearance', '.git', 'node_modules'] as const;
export const FORMAT_VERSION = 1;

const VarName = z.string().regex(/^[A-Za-z_][\w.-]*$/, 'variable names are letters, digits, _ . - and start with a letter or _');

/** A variable value in a file: plain text, or a secret kept in the OS keychain (optionally supplied by an env var in CI). */
export const VariableValueSchema = z.union([
  z.string(),
  z.object({
    secret: z.literal(true),
    /** environment variable that supplies the value where no keychain is available (CI) */
    env: z.string().optional(),
    description: z.string().optional(),
  }).strict(),
]);
export type VariableValue = z.infer<typeof VariableValueSchema>;
export const VariablesSchema = z.record(VarName, VariableValueSchema);
export type Variables = z.infer<typeof VariablesSchema>;

/** Defaults a folder (or the collection root) gives the requests below it. */
export const DefaultsSchema = z.object({
  headers: z.array(KeyValueSchema).optional(),
  variables: VariablesSchema.optional(),
  /** key profile name (keys/<name>.yaml) */
  key: z.string().optional(),
  /** gateway profile name (gateways/<name>.yaml) */
  gateway: z.string().optional(),
}).strict();
export type Defaults = z.infer<typeof DefaultsSchema>;

export const WorkspaceFileSchema = z.object({
  clearance: z.literal(FORMAT_VERSION),
  name: z.string().min(1),
  /** stable id created once: names this workspace's secrets in the keychain */
  id: z.string().min(8),
  defaults: DefaultsSchema.optional(),
  /** explicit order of top-level entries (file or directory names); others follow alphabetically */
  order: z.array(z.string()).optional(),
}).strict();
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

export const FolderFileSchema = z.object({
  name: z.string().optional(),
  defaults: DefaultsSchema.optional(),
  order: z.array(z.string()).optional(),
}).strict();
export type FolderFile = z.infer<typeof FolderFileSchema>;

export { EXPECT_KEYS, ExpectSchema, type Expect, type StatusExpect } from './expect';

/**
 * Send options as a request file stores them: every field optional and **no defaults**, so a file
 * keeps only what the user set (a parse never fills in the engine's defaults, which would turn a
 * one-line edit into a block of noise). Assignable to SendOptionsInput.
 */
export const RequestOptionsFileSchema = z.object({
  timeouts: z.object({ connectMs: z.number().int().positive().optional(), firstByteMs: z.number().int().positive().optional(),
    totalMs: z.number().int().positive().optional() }).strict().optional(),
  redirects: z.object({ follow: z.boolean().optional(), max: z.number().int().min(0).max(100).optional() }).strict().optional(),
  decompression: z.object({ enabled: z.boolean().optional(), maxBytes: z.number().int().positive().optional(),
    maxRatio: z.number().positive().optional() }).strict().optional(),
  tls: z.object({ verify: z.boolean().optional(), ca: z.string().optional(), cert: z.string().optional(), key: z.string().optional(),
    pfx: z.string().optional(), passphrase: z.string().optional(), servername: z.string().optional() }).strict().optional(),
  proxy: z.object({ url: z.string(), username: z.string().optional(), password: z.string().optional(),
    noProxy: z.array(z.string()).optional() }).strict().optional(),
  connectTo: z.array(ConnectToSchema).optional(),
  httpVersion: HttpVersionSchema.optional(),
  inlineBodyLimit: z.number().int().positive().optional(),
  maxBodyBytes: z.number().int().positive().optional(),
  omitDefaultHeaders: z.array(OmittableHeaderSchema).optional(),
}).strict();
export type RequestOptionsFile = z.infer<typeof RequestOptionsFileSchema>;

export const RequestFileSchema = z.object({
  name: z.string().min(1),
  method: z.string().min(1).max(32),
  url: z.string(),
  params: z.array(KeyValueSchema).optional(),
  headers: z.array(KeyValueSchema).optional(),
  body: BodySchema.optional(),
  variables: VariablesSchema.optional(),
  key: z.string().optional(),
  gateway: z.string().optional(),
  options: RequestOptionsFileSchema.optional(),
  expect: ExpectSchema.optional(),
  /** free text shown in the app */
  docs: z.string().optional(),
}).strict();
export type RequestFile = z.infer<typeof RequestFileSchema>;

export const EnvironmentFileSchema = z.object({
  name: z.string().min(1),
  variables: VariablesSchema.default({}),
}).strict();
export type EnvironmentFile = z.infer<typeof EnvironmentFileSchema>;

/** A problem with one file: the rest of the workspace still loads; the file is kept as it is. */
export const FileProblemSchema = z.object({
  path: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  message: z.string(),
});
export type FileProblem = z.infer<typeof FileProblemSchema>;

export type TreeNode =
  | { type: 'folder'; path: string; name: string; defaults?: Defaults; children: TreeNode[] }
  | { type: 'request'; path: string; name: string; method: string; url: string; broken?: boolean };

export const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() => z.union([
  z.object({ type: z.literal('folder'), path: z.string(), name: z.string(), defaults: DefaultsSchema.optional(), children: z.array(TreeNodeSchema) }),
  z.object({ type: z.literal('request'), path: z.string(), name: z.string(), method: z.string(), url: z.string(), broken: z.boolean().optional() }),
]));

/** What loading a workspace folder gives: the tree, environments, and every file that could not be read. */
export const WorkspaceSnapshotSchema = z.object({
  root: z.string(),
  file: WorkspaceFileSchema,
  tree: z.array(TreeNodeSchema),
  environments: z.array(z.object({ path: z.string(), name: z.string() })),
  keys: z.array(z.object({ path: z.string(), name: z.string() })),
  gateways: z.array(z.object({ path: z.string(), name: z.string() })),
  problems: z.array(FileProblemSchema),
});
export type WorkspaceSnapshot = z.infer<typeof WorkspaceSnapshotSchema>;
