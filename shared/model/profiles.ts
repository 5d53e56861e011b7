import { z } from 'zod';

/**
 * Key profiles (credentials) and gateway profiles (routes) as stored in a workspace
 * (`keys/<name>.yaml`, `gateways/<name>.yaml`). Secret values never live here: every secret
 * field is a reference `{secret: true, env?: NAME}`; the keychain (or the named environment
 * variable in CI) supplies the value, handed to the engine as `Record<field, string>`
 * (field names: see `secretFields` in shared/profiles).
 */

/** Where a secret comes from: the OS keychain, or `env` in CI. */
export const SecretRefSchema = z.object({
  secret: z.literal(true),
  env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name (letters, digits, _)').optional(),
}).strict();
export type SecretRef = z.infer<typeof SecretRefSchema>;

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export const HeaderNameSchema = z.string().regex(HEADER_NAME, 'a header name (token characters only)');

/**
 * A host a key may be sent to: `api.example.com`, `*.example.com` (any subdomain, not the apex),
 * `localhost:8080` (that port only; without a port any port matches), `[::1]:8443`, or `*` (any host,
 * an explicit opt-out of the binding).
 */
export const HostPatternSchema = z.string().min(1).regex(
  /^(\*|(\*\.)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?)$/,
  'a host name, *.domain, host:port, [ipv6]:port or *',
);

const ProfileNameSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._ -]*$/, 'letters, digits, dot, dash, underscore, space');

const keyMeta = {
  name: ProfileNameSchema,
  description: z.string().optional(),
  /** Who the key belongs to (person, team, app). */
  owner: z.string().optional(),
  /** The tenant, org, project or subscription the key is issued in. */
  tenant: z.string().optional(),
  /** The key is sent only to these hosts (after any gateway rewrite); anything else is refused before sending. */
  hosts: z.array(HostPatternSchema).min(1),
  /** Scopes/permissions the key is expected to carry (compared with a JWT's scope/scp when there is one). */
  scopes: z.array(z.string()).default([]),
  /** When the key expires (ISO 8601 date or date-time), if known. */
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date').optional(),
};

export const ApiKeyProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('api-key'),
  in: z.enum(['header', 'query']).default('header'),
  /** Header or query parameter name: x-api-key, apikey, Ocp-Apim-Subscription-Key, key... */
  param: z.string().min(1).default('x-api-key'),
  /** Text before the key in a header, e.g. `Apikey ` or `Token `. */
  prefix: z.string().default(''),
  key: SecretRefSchema,
}).strict().refine((p) => p.in === 'query' || HEADER_NAME.test(p.param), { message: 'param must be a valid header name', path: ['param'] });

export const BearerProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('bearer'),
  /** The auth scheme before the token (Bearer, Token, JWT...). */
  scheme: z.string().regex(HEADER_NAME).default('Bearer'),
  token: SecretRefSchema,
}).strict();

export const BasicProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('basic'),
  username: z.string(),
  password: SecretRefSchema,
}).strict();

export const DigestProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('digest'),
  username: z.string(),
  password: SecretRefSchema,
}).strict();

export const OAuth2ClientCredentialsProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('oauth2-client-credentials'),
  tokenUrl: z.string().regex(/^https?:\/\//, 'an http(s) URL'),
  clientId: z.string().min(1),
  clientSecret: SecretRefSchema,
  /** Scopes requested (space-joined in the `scope` parameter). */
  scope: z.array(z.string()).default([]),
  audience: z.string().optional(),
  /** client_secret_basic (HTTP Basic, the RFC 6749 default) or client_secret_post (form fields). */
  clientAuth: z.enum(['basic', 'body']).default('basic'),
  /** Extra form fields some servers need (resource, tenant...). */
  extraParams: z.record(z.string(), z.string()).default({}),
}).strict();

export const AwsSigV4ProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('aws-sigv4'),
  accessKeyId: z.string().min(1),
  secretAccessKey: SecretRefSchema,
  sessionToken: SecretRefSchema.optional(),
  /** Signing name: execute-api, s3, lambda, es... */
  service: z.string().min(1),
  region: z.string().min(1),
}).strict();

/** A header whose value is literal text or a secret. */
export const ProfileHeaderSchema = z.object({
  name: HeaderNameSchema,
  value: z.union([z.string(), SecretRefSchema]),
}).strict();
export type ProfileHeader = z.infer<typeof ProfileHeaderSchema>;

export const CustomHeadersProfileSchema = z.object({
  ...keyMeta,
  kind: z.literal('custom-headers'),
  headers: z.array(ProfileHeaderSchema).min(1),
}).strict();

export const KEY_KINDS = ['api-key', 'bearer', 'basic', 'digest', 'oauth2-client-credentials', 'aws-sigv4', 'custom-headers'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const KeyProfileSchema = z.discriminatedUnion('kind', [
  ApiKeyProfileSchema, BearerProfileSchema, BasicProfileSchema, DigestProfileSchema,
  OAuth2ClientCredentialsProfileSchema, AwsSigV4ProfileSchema, CustomHeadersProfileSchema,
]);
export type KeyProfile = z.infer<typeof KeyProfileSchema>;
export type KeyProfileInput = z.input<typeof KeyProfileSchema>;
export type KeyProfileOf<K extends KeyKind> = Extract<KeyProfile, { kind: K }>;

/** Resolved secret values by field name (`key`, `password`, `headers.X-Tenant`...). */
export type ResolvedSecrets = Record<string, string>;

/** upstream base → gateway base + route/stage prefix. */
export const RewriteSchema = z.object({
  /** The base the requests are written against (https://api.example.com or https://api.example.com/api); omitted = any URL. */
  from: z.string().regex(/^https?:\/\/[^/?#]+/, 'an http(s) base URL').optional(),
  /** The gateway base (https://abc123.execute-api.eu-west-1.amazonaws.com). */
  to: z.string().regex(/^https?:\/\/[^/?#]+/, 'an http(s) base URL'),
  /** Route or stage prefix put before the rest of the path (`/v1`, `/prod`). */
  prefix: z.string().regex(/^[^?#\s]*$/, 'a path without query or spaces').default(''),
}).strict();
export type Rewrite = z.infer<typeof RewriteSchema>;

export const GatewayProxySchema = z.object({
  /** http://host:port */
  url: z.string().regex(/^http:\/\/[^/?#]+\/?$/, 'http://host:port'),
  username: z.string().optional(),
  password: SecretRefSchema.optional(),
  noProxy: z.array(z.string()).default([]),
}).strict();

export const GatewayTlsSchema = z.object({
  verify: z.boolean().default(true),
  /** PEM text or a file path. */
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
  /** Path of a PKCS#12 file. */
  pfx: z.string().optional(),
  passphrase: SecretRefSchema.optional(),
  servername: z.string().optional(),
}).strict();

export const GatewayTimeoutsSchema = z.object({
  connectMs: z.number().int().positive().optional(),
  firstByteMs: z.number().int().positive().optional(),
  totalMs: z.number().int().positive().optional(),
}).strict();

export const GatewayProfileSchema = z.object({
  name: ProfileNameSchema,
  description: z.string().optional(),
  /** Id of the preset it started from (shared/presets), for its conventions and docs. */
  preset: z.string().optional(),
  rewrite: RewriteSchema.optional(),
  proxy: GatewayProxySchema.optional(),
  /** Headers the gateway needs (tenant, routing, subscription...): origin 'gateway'. */
  headers: z.array(ProfileHeaderSchema).default([]),
  tls: GatewayTlsSchema.optional(),
  timeouts: GatewayTimeoutsSchema.optional(),
}).strict();
export type GatewayProfile = z.infer<typeof GatewayProfileSchema>;
export type GatewayProfileInput = z.input<typeof GatewayProfileSchema>;

/** The baseline: no rewrite, no proxy, no headers. */
export const DIRECT_GATEWAY: GatewayProfile = GatewayProfileSchema.parse({ name: 'direct', preset: 'direct', description: 'Straight to the URL as written' });
