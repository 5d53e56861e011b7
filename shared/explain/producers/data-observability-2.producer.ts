import { all, any, body, cookie, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Grafana Loki (and the multi-tenant Cortex lineage it shares dskit with): 'no org id' when a multi-tenant install gets
 * no X-Scope-OrgID header, and its distributor's per-tenant limit sentence 'Ingestion rate limit exceeded [for user <t>]
 * (limit: <n> bytes/sec) while attempting to ingest … reduce log volume or contact your Loki administrator …', as
 * Promtail, Alloy, loki4j and the OpenTelemetry exporter print them. Sources: grafana/loki#7081, grafana/loki#1386,
 * loki4j/loki-logback-appender#26, BitGo/kustomize-loki#5, open-telemetry/opentelemetry-collector-contrib#36558.
 */
const LOKI_NO_ORG = /\bno org id\b/;
const LOKI_RATE = /\bIngestion rate limit exceeded (for user [\w.:-]{1,80} )?\(limit: \d+ bytes\/sec\)/;
const LOKI_ADMIN = /reduce log volume or contact your Loki administrator/;

export const grafanaLoki = defineProducer({
  id: 'grafana-loki', kind: 'saas-api', name: 'Grafana Loki (and Cortex-lineage multi-tenant stores)', family: 'grafana',
  own: [body(LOKI_NO_ORG), body(LOKI_RATE), body(LOKI_ADMIN), body(/\bcom\.github\.loki4j\.\w|\bLoki responded with non-success status \d{3}/)],
  causes: [
    rule('missing-credentials', 0.93, body(LOKI_NO_ORG), {
      blocks: true, why: 'the store runs multi-tenant (auth_enabled: true) and the request carried no X-Scope-OrgID header, so it cannot tell which tenant it is for ("no org id")',
      fix: 'Send X-Scope-OrgID: <tenant> (tenant_id in Promtail/Alloy clients, the header in Grafana\'s data source), or set auth_enabled: false for a single-tenant install; a gateway in front may add it.',
    }),
    rule('rate-limited', 0.94, any(body(LOKI_RATE), body(LOKI_ADMIN)), {
      why: 'the tenant\'s ingestion rate limit (ingestion_rate_mb, with its burst) was exceeded: the distributor dropped this push with 429 and the client retries',
      fix: 'Raise limits_config.ingestion_rate_mb and ingestion_burst_size_mb (or the tenant\'s override), or send less: fewer lines, batching, dropping noisy streams.',
    }),
  ],
  checklist: { auth: 'Check the X-Scope-OrgID (tenant) the client sends.', server: 'Check the tenant\'s limits (limits_config or runtime overrides).' },
});

/**
 * Dynatrace API: `{"error":{"code":403,"message":"Token is missing required scope. Use one of: <scope> (<title>)"}}`,
 * also as its Terraform provider and monaco print the message. Sources: Dynatrace/dynatrace-api#10,
 * dynatrace-oss/terraform-provider-dynatrace#327.
 */
const DT_SCOPE = /Token is missing required scope\. Use one of: [\w.-]{1,80}/;

export const dynatraceApi = defineProducer({
  id: 'dynatrace-api', kind: 'saas-api', name: 'Dynatrace API', family: 'dynatrace',
  own: [body(DT_SCOPE)],
  causes: [
    rule('insufficient-permissions', 0.95, body(DT_SCOPE), {
      blocks: true, why: 'the Dynatrace access token is valid but lacks the scope this endpoint needs; the message names the scopes that would do',
      fix: 'Edit the token (Access tokens) or create a new one with the scope the message names (e.g. CaptureRequestData, ExternalSyntheticIntegration, metrics.read); some scopes only exist for the newer API v2 or an enabled feature.',
    }),
  ],
  checklist: { auth: 'Check the Dynatrace token\'s scopes against the endpoint, and that it belongs to this environment.' },
});

/**
 * PagerDuty REST API v2: its error object `{"error":{"message":…,"code":2xxx[,"errors":[…]]}}` with its numbered codes
 * (2010 Access Denied: a token without the role or scope), and pdpyras' PDClientError ('Received 401 Unauthorized
 * response from the API. The access key (*xxxx) might not be valid.'). Sources: trufflesecurity/trufflehog#4521,
 * ibmresilient/resilient-community-apps#83.
 */
const PD_ERROR = /\{\s*\\?"error\\?"\s*:\s*\{\s*\\?"message\\?"\s*:\s*\\?"[^"\\]{1,100}\\?"\s*,\s*\\?"code\\?"\s*:\s*2\d{3}\b/;
const PD_SDK = /\bPDClientError\b|\bpagerduty\.(errors\.)?\w*Error\b|\bReceived 401 Unauthorized response from the API\. The access key/;

export const pagerdutyApi = defineProducer({
  id: 'pagerduty-api', kind: 'saas-api', name: 'PagerDuty API', family: 'pagerduty',
  own: [body(PD_SDK)],
  bodyOnly: [body(PD_ERROR)],
  causes: [
    rule('invalid-credentials', 0.92, body(/Received 401 Unauthorized response from the API\. The access key[^\n]{0,40}might not be valid/), {
      blocks: true, why: 'PagerDuty does not accept the API access key: mistyped, deleted, or a key of another kind (an Events API integration key sent to the REST API, or the reverse)',
      fix: 'Use a REST API key (Integrations → API Access Keys, or a user token) as "Authorization: Token token=<key>" for api.pagerduty.com; integration (routing) keys go only to events.pagerduty.com.',
    }),
    rule('insufficient-permissions', 0.93, all(body(PD_ERROR), body(/\\?"code\\?"\s*:\s*2010\b|Access Denied/)), {
      blocks: true, why: 'PagerDuty knows the key but it may not do this (2010 Access Denied): a read-only key used for a write, a user token whose role lacks access, or an OAuth scope missing',
      fix: 'Use a full-access key or a user whose role allows the action (and a From header with a user email where the call needs one), or add the scope to the OAuth app.',
    }),
  ],
  checklist: { auth: 'Check the kind of PagerDuty key (REST vs Events integration key), its access level and the user role behind it.' },
});

/**
 * Opsgenie API: its envelope `{"message":…,"took":<seconds>,"requestId":"<uuid>"}` (also with a numeric code) and its
 * Go SDK / Lamp line 'Error occurred with Status code: <n>, Message: …, Took: …, RequestId: …'; 'Could not
 * authenticate' (401), 'Key format is not valid!' (422), 40301 'To perform this action, use an API key from an API
 * integration.' (403). Sources: streaak/keyhacks#124, falcosecurity/falcosidekick#719, opsgenie/opsgenie-lamp#50,
 * K-Phoen/backstage-plugin-opsgenie#68, louislam/uptime-kuma#3613.
 */
const OG_ENVELOPE = all(body(/\\?['"]?took\\?['"]?\s*:\s*\d+(\.\d+)?\s*,/), body(/\\?['"]?requestId\\?['"]?\s*:\s*\\?['"][0-9a-f]{8}-[0-9a-f]{4}-/));
const OG_SDK = /\bError occurred with Status code: \d{3}, Message: [^\n]{0,200}, Took: [\d.]+, RequestId:/;
const OG_INTEGRATION = /To perform this action, use an API key from an API integration\./;

export const opsgenieApi = defineProducer({
  id: 'opsgenie-api', kind: 'saas-api', name: 'Opsgenie API', family: 'atlassian',
  own: [body(OG_SDK), body(OG_INTEGRATION)],
  bodyOnly: [all(OG_ENVELOPE, body(/\\?['"]?message\\?['"]?\s*:/))],
  causes: [
    rule('invalid-credentials', 0.93, any(body(/\bCould not authenticate\b/), body(/\bKey format is not valid!/)), {
      blocks: true, why: 'Opsgenie does not accept the API key: unknown, deleted, or not an Opsgenie key at all (422 "Key format is not valid!" for a user token or a key with spaces); EU accounts must call api.eu.opsgenie.com',
      fix: 'Send "Authorization: GenieKey <key>" with a key from an API integration (Teams → Integrations → API) or Settings → API key management, to the API host of the account\'s region.',
    }),
    rule('insufficient-permissions', 0.94, any(body(OG_INTEGRATION), body(/\\?['"]?code\\?['"]?\s*:\s*40301\b/)), {
      blocks: true, why: 'the Opsgenie key is valid but of the wrong kind for this action (40301): alert actions need the key of an API integration, not an account or team API key',
      fix: 'Create an API integration (on the team or under Settings → Integrations) and use its key for alert calls; give it read/create/update/delete access as needed.',
    }),
  ],
  checklist: { auth: 'Check which Opsgenie key this is (API integration vs API key management), its access rights and the region\'s host.' },
});

/**
 * Upstash Redis REST API and its SDKs (@upstash/redis' UpstashError, upstash-redis for Python): a token it does not
 * know ('WRONGPASS invalid or missing auth token', or bare 'Unauthorized' in the JS client), an ACL that does not allow
 * the command ('NOPERM this user has no permissions to run the …'). Sources: upstash/redis-js#1389, upstash/redis-js#335,
 * revokslab/waitly#4, umami-software/umami#4194.
 */
const UPSTASH_ERROR = /\bUpstashError\b/;
const UPSTASH_WRONGPASS = /WRONGPASS invalid or missing auth token/;

export const upstashRedis = defineProducer({
  id: 'upstash-redis', kind: 'saas-api', name: 'Upstash Redis (REST API)', family: 'upstash',
  own: [body(UPSTASH_ERROR), body(UPSTASH_WRONGPASS)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(UPSTASH_WRONGPASS), all(body(UPSTASH_ERROR), body(/\bWRONGPASS invalid username-password pair|UpstashError:?\s*\\?['"]?Unauthorized\b|"message"\s*:\s*"Unauthorized"/))), {
      blocks: true, why: 'Upstash does not accept the token: the REST token is wrong, reset, of another database — or the database password was sent where the REST token belongs',
      fix: 'Copy UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN from the database\'s REST API section of the Upstash console (the token, not the password), whole including a trailing "=".',
    }),
    rule('insufficient-permissions', 0.92, all(body(UPSTASH_ERROR), body(/\bNOPERM (this user has no permissions|User \S+ has no permissions)/)), {
      blocks: true, why: 'the token belongs to an ACL user (or is the read-only token) that may not run this command, e.g. EVALSHA for rate-limit scripts or a write',
      fix: 'Use the database\'s default (read-write) REST token, or allow the command for the ACL user (ACL SETUSER … +evalsha or +@scripting).',
    }),
  ],
  checklist: { auth: 'Check the Upstash REST token (not the Redis password), read-only vs default token, and the database URL.' },
});

/**
 * Milvus / Zilliz Cloud: its proxy's authentication interceptor refuses over gRPC (status UNAUTHENTICATED, 16) with
 * 'missing authorization in header' (no token) or 'auth check failure, please check username and password are correct'
 * (a token user:password or API key it does not accept), as pymilvus (_InactiveRpcError, MilvusException, its handler
 * log) and MilvusClient print them. Sources: milvus-io/milvus#37714, milvus-io/milvus#39445, milvus-io/pymilvus#2206,
 * milvus-io/pymilvus#2475, milvus-io/milvus-haystack#63.
 */
const MILVUS_AUTH_FAIL = /auth check failure, please check username and password are correct/;
const MILVUS_NO_AUTH = /missing authorization in header/;
const MILVUS_GRPC = /StatusCode\.UNAUTHENTICATED|grpc_status:16\b|\bMilvusException\b|\bpymilvus\b|\bMilvusClient\b|\bzillizcloud\.com\b/;

export const milvus = defineProducer({
  id: 'milvus', kind: 'saas-api', name: 'Milvus / Zilliz Cloud', family: 'milvus',
  own: [body(MILVUS_AUTH_FAIL), all(body(MILVUS_NO_AUTH), body(MILVUS_GRPC))],
  causes: [
    rule('missing-credentials', 0.92, all(body(MILVUS_NO_AUTH), body(MILVUS_GRPC)), {
      blocks: true, why: 'Milvus has authentication on (common.security.authorizationEnabled, always on Zilliz Cloud) and the call carried no token: the client connected without token= (or user/password), or an async client dropped it',
      fix: 'Pass token="user:password" (or the Zilliz Cloud API key) to MilvusClient / connections.connect for every client, including AsyncMilvusClient.',
    }),
    rule('invalid-credentials', 0.93, body(MILVUS_AUTH_FAIL), {
      blocks: true, why: 'Milvus does not accept the credentials: wrong user or password (the root password changed from the default "Milvus"), a user of another instance, or an API key of another cluster',
      fix: 'Check the user and password (token "user:password"); the default root password applies only until it is changed, and users created by the REST API need their password set there.',
    }),
  ],
  checklist: { auth: 'Check whether Milvus has authorizationEnabled, and the token (user:password or API key) every client sends.' },
});

/**
 * SurrealDB: its IAM refusal 'IAM error: Not enough permissions to perform this action' (also to a session that never
 * signed in), behind its CLI's 'There was a problem with the database:' prefix, in JSON-RPC errors (code -32000), a
 * query result with status ERR, or GraphQL errors. Sources: surrealdb/surrealdb#3752, surrealdb/docs.surrealdb.com#948,
 * surrealdb/surrealist#1101, surrealdb/surrealdb.py#94, surrealdb/surrealdb.js#193.
 */
const SURREAL_IAM = /IAM error: Not enough permissions to perform this action/;

export const surrealdb = defineProducer({
  id: 'surrealdb', kind: 'saas-api', name: 'SurrealDB', family: 'surrealdb',
  own: [body(SURREAL_IAM)],
  causes: [
    rule('insufficient-permissions', 0.88, body(SURREAL_IAM), {
      blocks: true, why: 'SurrealDB\'s IAM refused the statement: the session\'s user (or record/scope user, or a JWT from DEFINE ACCESS) has a role without this right (a VIEWER writing, a database user defining root users) — or the session never signed in and runs as anonymous',
      fix: 'Sign in with a user whose role allows the statement (e.g. surreal sql --auth-level root --username … --password …, db.signin in the SDKs), or grant the role (EDITOR/OWNER) or table PERMISSIONS it needs.',
    }),
    rule('missing-credentials', 0.6, body(SURREAL_IAM)),
  ],
  checklist: { auth: 'Check that the SurrealDB session signed in (namespace, database, access level) and the role of that user.' },
});

/**
 * New Relic's APIs: NerdGraph's 'Bad API Key or no API Key provided' (errors[].extensions.error_code BAD_API_KEY) and
 * its CLI's 'Invalid credentials provided. Missing API key or an invalid API key was provided.', both for keys of the
 * wrong kind (a REST/admin or license key where a User key NRAK- belongs), as the CLI, Terraform provider and clients
 * print them. Sources: newrelic/newrelic-cli#191, newrelic/terraform-provider-newrelic#951,
 * newrelic/newrelic-client-go#603, newrelic/newrelic-cli#1720.
 */
const NR_BAD_KEY = /Bad API Key or no API Key provided/;
const NR_INVALID = /Invalid credentials provided\. Missing API key or an invalid API key was provided/;

export const newRelicApi = defineProducer({
  id: 'new-relic-api', kind: 'saas-api', name: 'New Relic API (NerdGraph)', family: 'new-relic',
  own: [body(NR_BAD_KEY), body(NR_INVALID)],
  causes: [
    rule('invalid-credentials', 0.92, any(body(NR_BAD_KEY), body(NR_INVALID)), {
      blocks: true, why: 'New Relic does not accept the key for this API: NerdGraph (and the CLI and Terraform provider built on it) wants a User API key (NRAK-…); a REST/admin key, an Insights key or a license key is refused the same way as a missing one',
      fix: 'Create a User key (one.newrelic.com → API keys, type User) and set it as NEW_RELIC_API_KEY / api_key; check the region (US vs EU) of the account.',
    }),
    rule('missing-credentials', 0.6, body(NR_BAD_KEY)),
  ],
  checklist: { auth: 'Check the type of New Relic key (User key NRAK- for NerdGraph) and the account\'s region.' },
});

/**
 * Turso / libSQL (sqld over HTTP and Hrana): its refusals of the JWT auth token — 'Authentication is required but no JWT
 * was specified' (AUTH_JWT_MISSING), 'The `Authorization` HTTP header is required but was not specified', 'Expected
 * authorization header but none given', 'empty JWT token', 'The JWT is invalid' — as @libsql/client's LibsqlError
 * ('SERVER_ERROR: Server returned HTTP status 401'), the Python Hrana client and the turso CLI print them.
 * Sources: tursodatabase/libsql#1738, tursodatabase/libsql-client-ts#280, drizzle-team/drizzle-orm#902,
 * tursodatabase/sqlalchemy-libsql#3, tursodatabase/turso-cli#632.
 */
const LIBSQL_NO_JWT = /Authentication is required but no JWT was specified|The `Authorization` HTTP header is required but was not specified|Expected authorization header but none given|unauthorized access attempt on database: empty JWT token/;
const LIBSQL_BAD_JWT = /\bUnauthorized: `The JWT is invalid`|\bAUTH_JWT_INVALID\b/;
const LIBSQL_CLIENT = /\bLibsqlError: (SERVER_ERROR|AUTH_JWT_\w+)\b|\bHrana: `api error: `status=\d{3}|\bAUTH_JWT_MISSING\b/;

export const tursoLibsql = defineProducer({
  id: 'turso-libsql', kind: 'saas-api', name: 'Turso / libSQL server', family: 'turso',
  own: [body(LIBSQL_NO_JWT), body(LIBSQL_BAD_JWT), body(LIBSQL_CLIENT)],
  causes: [
    rule('missing-credentials', 0.93, body(LIBSQL_NO_JWT), {
      blocks: true, why: 'the libSQL server (Turso) requires a JWT auth token and the request carried none: authToken unset (an environment variable not loaded, e.g. on the deployment but not locally) or a tool that does not pass it',
      fix: 'Pass authToken (TURSO_AUTH_TOKEN from `turso db tokens create <db>`) to createClient / the URL (?authToken=) in every environment, and check the variable is set where the code runs.',
    }),
    rule('invalid-credentials', 0.9, body(LIBSQL_BAD_JWT), {
      blocks: true, why: 'the libSQL server does not accept the JWT: expired, revoked (tokens invalidated), or minted for another database or group',
      fix: 'Create a new token for this database (`turso db tokens create <db>`) and use it with the database\'s own URL.',
    }),
    rule('invalid-credentials', 0.8, all(body(LIBSQL_CLIENT), body(/\b401\b/)), {
      blocks: true, why: 'the libSQL server refused the auth token with 401 (the client did not show its reason): a wrong, expired or other database\'s token, or an old client on a platform whose requests lose the header',
      fix: 'Regenerate the database token and check the URL; update @libsql/client (older versions fail on some serverless runtimes).',
    }),
  ],
  checklist: { auth: 'Check the Turso database URL and its auth token (set in this environment, not expired, for this database).' },
});

/**
 * Couchbase Sync Gateway: its public REST API answers `{"error":"Unauthorized","reason":"Invalid login"}` or
 * '"login required: …"' (capitalised, unlike CouchDB's "unauthorized") with `WWW-Authenticate: Basic realm="Couchbase Sync
 * Gateway"`, as Couchbase Lite's RemoteRequestResponseException carries it. Sources: couchbase/sync_gateway#112,
 * couchbase/sync_gateway#5380, couchbase/couchbase-lite-android#1077.
 */
const SG_REALM = /realm="?Couchbase Sync Gateway/;
const SG_ENVELOPE = /"error"\s*:\s*"Unauthorized"\s*,\s*"reason"\s*:\s*"(Invalid login|[Ll]ogin required)/;

export const couchbaseSyncGateway = defineProducer({
  id: 'couchbase-sync-gateway', kind: 'saas-api', name: 'Couchbase Sync Gateway', family: 'couchbase',
  // it speaks CouchDB's replication protocol and error shape
  overrides: ['couchdb'],
  own: [hdr('www-authenticate', SG_REALM), body(SG_REALM)],
  bodyOnly: [body(SG_ENVELOPE)],
  presence: [cookie(/^SyncGatewaySession=/)],
  causes: [
    rule('missing-credentials', 0.88, body(/"reason"\s*:\s*"[Ll]ogin required/), {
      blocks: true, why: 'Sync Gateway needs a user for this database and the request came without credentials or session (the GUEST user is disabled)',
      fix: 'Send Basic credentials of a Sync Gateway user or its SyncGatewaySession cookie (from POST /{db}/_session), or enable GUEST for public data.',
    }),
    rule('invalid-credentials', 0.88, any(body(/"reason"\s*:\s*"Invalid login"/), all(body(SG_REALM), body(/\b401\b/))), {
      blocks: true, why: 'Sync Gateway does not accept the credentials or session: wrong password, an expired or other node\'s session cookie — and older versions also answer this when they lost their Couchbase Server connection',
      fix: 'Log in again (new _session) and check the user exists on this database; if every user is refused at once, check Sync Gateway\'s connection to Couchbase Server.',
    }),
  ],
  checklist: { auth: 'Check the Sync Gateway user (or session cookie) for this database, and GUEST access.' },
});

/**
 * Chroma (server and Chroma Cloud): its clients' error classes for the server's 401 and 403 — ChromaAuthError
 * ('Unauthorized': no token it accepts, often one sent in Authorization where it reads X-Chroma-Token) and
 * ChromaForbiddenError ('You do not have permission to access the requested resource.': a key without access to the
 * tenant or database). Sources: FlowiseAI/Flowise#4935, FlowiseAI/Flowise#5405, chroma-core/chroma#3057.
 */
const CHROMA_AUTH = /\bChromaAuthError\b/;
const CHROMA_FORBIDDEN = /\bChromaForbiddenError\b/;

export const chroma = defineProducer({
  id: 'chroma', kind: 'saas-api', name: 'Chroma (vector database)', family: 'chroma',
  own: [body(CHROMA_AUTH), body(CHROMA_FORBIDDEN)],
  causes: [
    rule('missing-credentials', 0.86, body(CHROMA_AUTH), {
      blocks: true, why: 'Chroma saw no token it accepts (401): the client sent none (an async client or integration that drops the auth settings) or sent it in the wrong header — Chroma reads X-Chroma-Token (or the header the server configures), not always Authorization: Bearer',
      fix: 'Send the key as X-Chroma-Token (headers= or chroma_client_auth_* settings in every client, including AsyncHttpClient), matching CHROMA_AUTH_TOKEN_TRANSPORT_HEADER on a self-hosted server.',
    }),
    rule('invalid-credentials', 0.8, body(CHROMA_AUTH)),
    rule('insufficient-permissions', 0.9, body(CHROMA_FORBIDDEN), {
      blocks: true, why: 'Chroma knows the key but it has no access to this tenant or database (403): a key of another Chroma Cloud database, or a tenant/database name that is not the key\'s',
      fix: 'Use the tenant and database names shown with the key in Chroma Cloud (or create a key scoped to this database).',
    }),
  ],
  checklist: { auth: 'Check the Chroma token header (X-Chroma-Token) and the tenant/database the key is for.' },
});

/** Data and observability APIs, continued (the first file is full). */
export const DATA_OBSERVABILITY_PRODUCERS_2: Producer[] = [grafanaLoki, dynatraceApi, pagerdutyApi, opsgenieApi, upstashRedis, milvus, surrealdb, newRelicApi, tursoLibsql, couchbaseSyncGateway, chroma];
