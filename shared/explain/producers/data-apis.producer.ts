import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

// Model hubs and databases' own HTTP APIs: their refusals reach users as the client library's
// exception text (huggingface_hub's GatedRepoError, a GraphQL client's errors[0].message, nano's
// CouchDB error), so each is fingerprinted by the sentences and envelope it writes.

/** huggingface_hub and the Hub's X-Error-Message: "Access to model <id> is restricted…", "Cannot access gated repo for url …". */
const HF_GATED = /Cannot access gated repo for url|Access to (model|dataset|space) [\w.\-/]+ is restricted/;

/** The Hub's inference refusal of a token it parsed but will not use. */
const HF_INFERENCE_TOKEN = /Authorization header is correct, but the token seems invalid/;

export const huggingfaceHub = defineProducer({
  id: 'huggingface-hub', kind: 'saas-api', name: 'Hugging Face Hub', family: 'huggingface',
  own: [hdr('x-error-code', /^(GatedRepo|RepoNotFound|EntryNotFound|RevisionNotFound|DisabledRepo)$/), body(HF_GATED)],
  // huggingface_hub's HfHubHTTPError (or requests' line) for a Hub URL, as transformers and diffusers print it
  bodyOnly: [body(/\bHfHubHTTPError: \d{3} Client Error|\b\d{3} Client Error: \w+ for url: https:\/\/(api-inference\.)?huggingface\.co\//), body(HF_INFERENCE_TOKEN)],
  presence: [hdr('x-repo-commit'), hdr('x-linked-etag'), hdr('x-error-message')],
  causes: [
    rule('insufficient-permissions', 0.72, body(HF_INFERENCE_TOKEN), {
      blocks: true, why: 'the Hub read the token but will not run inference with it: most often a fine-grained token without the inference permission (or one the Hub stopped accepting), sent with 400 or 401',
      fix: 'Create a token with "Make calls to Inference Providers" (or a read token) at huggingface.co/settings/tokens and set HF_TOKEN to it.',
    }),
    rule('invalid-credentials', 0.62, body(HF_INFERENCE_TOKEN), { why: 'the token may be revoked, mistyped, or the name of the variable instead of its value' }),
    rule('invalid-credentials', 0.88, body(/Invalid credentials in Authorization header|\bInvalid username or password\./), {
      blocks: true, why: 'the Hub did not accept the token sent (revoked, deleted, mistyped, or a stale HF_TOKEN / cached login overriding the new one)',
      fix: 'Create a token at huggingface.co/settings/tokens, then `huggingface-cli login` again or set HF_TOKEN; unset an old HUGGING_FACE_HUB_TOKEN that may still win.',
    }),
    rule('insufficient-permissions', 0.9, body(/is restricted and you are not in the authorized list|Your request to access (model|dataset) [\w.\-/]+ (is awaiting a review|has been rejected)/), {
      why: 'the repository is gated and this account has not been granted access (the request is pending, was rejected, or was never made)',
      fix: 'Open the repository page on huggingface.co while logged in, accept its conditions or request access, wait for approval, then retry with a token of that account.',
    }),
    rule('missing-credentials', 0.82, body(/is restricted\. You must (have access to it and )?be authenticated to access it/), {
      why: 'the repository is gated and the Hub saw no token: it only lets authenticated users who were granted access download it',
      fix: 'Log in (`huggingface-cli login`) or pass a token (HF_TOKEN / token=…) of an account that has accepted the repository\'s conditions.',
    }),
    rule('insufficient-permissions', 0.5, body(/is restricted\. You must (have access to it and )?be authenticated to access it/), { why: 'a token that was sent may belong to an account without access to the gated repository' }),
    rule('insufficient-permissions', 0.6, all(status(401, 403), hdr('x-error-code', /^GatedRepo$/)), { why: 'the Hub\'s X-Error-Code says the repository is gated' }),
  ],
  checklist: { auth: 'Check which account the token belongs to (`huggingface-cli whoami`) and that it was granted access on the repository page.' },
});

/** Hasura's GraphQL error envelope: errors[].extensions with a JSON path ("$", "$.args") and a kebab-case code. */
/** A row refused by a role's insert/update permission check (older: "insert check constraint failed"). */
const HASURA_CHECK = /Check constraint violation\. (insert|update) check constraint failed|check constraint of an (insert|update) permission has failed/i;
const HASURA_ENVELOPE = /"extensions"\s*:\s*\{\s*"path"\s*:\s*"\$[^"]*"\s*,\s*"code"\s*:\s*"[a-z-]+"/;
/** An admin secret that does not match HASURA_GRAPHQL_ADMIN_SECRET (the older key name kept in the sentence). */
const HASURA_BAD_SECRET = /invalid x-hasura-admin-secret\/x-hasura-access-key/;

export const hasura = defineProducer({
  id: 'hasura', kind: 'saas-api', name: 'Hasura GraphQL Engine', family: 'hasura',
  own: [body(HASURA_ENVELOPE)],
  // the messages alone, as a client's exception or the CLI prints them
  bodyOnly: [body(HASURA_CHECK), body(HASURA_BAD_SECRET), body(/x-hasura-admin-secret\/x-hasura-access-key required|\[access-denied\] restricted access : admin only|Missing 'Authorization' or 'Cookie' header in JWT authentication mode|Could not verify JWT: (JWTExpired|JWSError|JWTClaimsSetDecodeError|JWTNotInIssuer|JWTNotInAudience)/)],
  presence: [hdr('x-hasura-role'), hdr('x-hasura-query-plan-cache-key')],
  causes: [
    rule('missing-credentials', 0.86, body(/x-hasura-admin-secret\/x-hasura-access-key required, but not found|Missing 'Authorization' or 'Cookie' header in JWT authentication mode/), {
      why: 'Hasura received neither the admin secret nor a session credential (JWT / webhook) it is configured for; with no unauthorized role set it refuses the request (sent with status 200 inside errors[])',
      fix: 'Send the user\'s JWT as Authorization: Bearer … once HASURA_GRAPHQL_JWT_SECRET (or an auth webhook) is configured, or x-hasura-admin-secret for admin tools only; set HASURA_GRAPHQL_UNAUTHORIZED_ROLE for anonymous access.',
      blocks: true,
    }),
    rule('invalid-credentials', 0.9, body(HASURA_BAD_SECRET), {
      blocks: true, why: 'Hasura got an x-hasura-admin-secret that is not its HASURA_GRAPHQL_ADMIN_SECRET: a secret with shell-special characters mangled on the way, an env variable the frontend build never exposed, or the CLI sending config.yaml\'s admin_secret instead of the flag',
      fix: 'Compare the secret byte for byte with the server\'s HASURA_GRAPHQL_ADMIN_SECRET (quote it in the shell), set admin_secret in the CLI\'s config.yaml, and keep the admin secret out of browser code (use JWT or a webhook there).',
    }),
    rule('invalid-credentials', 0.88, body(/Could not verify JWT|"code"\s*:\s*"invalid-jwt"/), {
      why: 'Hasura rejected the JWT: expired, signed with another key, or its issuer/audience/claims do not match HASURA_GRAPHQL_JWT_SECRET',
      fix: 'Refresh the token; check the key (or jwk_url), algorithm, issuer and audience in HASURA_GRAPHQL_JWT_SECRET against the token\'s header and claims.',
      blocks: true,
    }),
    rule('insufficient-permissions', 0.85, any(body(HASURA_CHECK), body(/"code"\s*:\s*"permission-error"/)), {
      why: 'the row fails the check of this role\'s insert or update permission (Hasura\'s row-level permissions), sent with status 200 inside errors[]',
      fix: 'Compare the row with the role\'s permission check (Data > table > Permissions) and the session variables sent (x-hasura-user-id…); set the column the check reads, or use a role whose check admits the row.',
      blocks: true,
    }),
    rule('insufficient-permissions', 0.84, body(/restricted access : admin only/), {
      why: 'the endpoint (metadata, migrations, schema) is for the admin role only and the request came with another role or without the admin secret',
      blocks: true,
    }),
  ],
  checklist: { auth: 'Decode the JWT and compare its https://hasura.io/jwt/claims (x-hasura-allowed-roles, default role) with the permissions of the table.' },
});

/** CouchDB's refusals: {"error":"unauthorized"|"forbidden","reason":"…"} with its own reason sentences. */
const COUCH_DENIAL = /You are not a server admin\.|You are not authorized to access this db\.|_(reader|writer|admin) access is required for this request|Only admins can access design document/;

export const couchdb = defineProducer({
  id: 'couchdb', kind: 'saas-api', name: 'Apache CouchDB', family: 'couchdb',
  own: [all(body(/"error"\s*:\s*"(unauthorized|forbidden)"/), body(/"reason"\s*:\s*"/)), hdr('server', /CouchDB\//i, 2)],
  // its object as Node clients inspect it, or a client's "unauthorized (reason)" line with CouchDB's own reasons
  bodyOnly: [body(COUCH_DENIAL), body(/\berror: '(unauthorized|forbidden)',\s*reason: '/), body(/\bunauthorized\W{1,6}(Name or password is incorrect|Authentication required\.)/)],
  presence: [hdr('x-couch-request-id'), hdr('x-couchdb-body-time')],
  causes: [
    rule('insufficient-permissions', 0.84, body(COUCH_DENIAL), {
      why: 'CouchDB knows the user (or saw none) but its roles do not match the database\'s _security object, or the call needs a server admin',
      fix: 'Add the user or one of its roles to the database\'s _security members (or admins), or call with a server admin; check the credentials really reach CouchDB (URL-embedded user:password is dropped by many clients).',
    }),
    rule('missing-credentials', 0.45, all(status(401), body(COUCH_DENIAL)), { why: 'a 401 from CouchDB means no accepted session or Basic credentials arrived; an authenticated user without rights gets 403' }),
    rule('invalid-credentials', 0.9, body(/Name or password is incorrect/), {
      blocks: true, why: 'CouchDB found no user with this name and password (a user created on another node or port, a changed password, or a server admin of another node)',
      fix: 'Check the user in _users (or [admins] in local.ini) on the cluster port 5984 and its password; with a proxy, check the credentials reach CouchDB unchanged.',
    }),
    rule('missing-credentials', 0.86, body(/["']?reason["']?\s*:\s*["']Authentication required\.|unauthorized\W{1,6}Authentication required\./), {
      blocks: true, why: 'CouchDB needs a login for this call and saw none: credentials in the URL (user:password@host) that the client drops, or no session cookie',
      fix: 'Send Authorization: Basic (or a _session cookie) explicitly rather than in the URL, and check a require_valid_user setting.',
    }),
  ],
  checklist: { server: 'Read GET /<db>/_security (members, admins) and the user\'s roles in _users.' },
});

/** ClickHouse's exception text: "Code: <n>. DB::Exception: …" with the symbolic name in parentheses. */
const CLICKHOUSE_AUTH = /Code: (516|192)\. DB::Exception: [^\n]*Authentication failed|\(AUTHENTICATION_FAILED\)/;
/** Its refusal of a query the user's grants do not cover (497 ACCESS_DENIED), naming the grant it needs. */
const CLICKHOUSE_GRANT = /: Not enough privileges\. To execute this query,? it's necessary to have (the )?grant /;
/**
 * clickhouse-client's own line before a server exception (since ClickHouse/ClickHouse pull 1439), kept when the message is cut
 * after its code. Sources: github.com/ClickHouse/CryptoHouse/issues/21, github.com/ClickHouse/ClickHouse/issues/23889,
 * github.com/ClickHouse/ClickHouse/issues/3566.
 */
const CLICKHOUSE_CLIENT = /\bReceived exception from server \(version \d+\.\d+[\d.]*\)/;
/** Its code after that line, ErrorCodes.cpp: 201 QUOTA_EXCEEDED, 497 ACCESS_DENIED, 291 DATABASE_ACCESS_DENIED, 516/192/193 authentication. */
const chCode = (codes: string): ReturnType<typeof all> => all(body(CLICKHOUSE_CLIENT), body(new RegExp(`\\bCode: (?:${codes})\\.`)));

export const clickhouse = defineProducer({
  id: 'clickhouse', kind: 'saas-api', name: 'ClickHouse HTTP interface', family: 'clickhouse',
  own: [hdr('x-clickhouse-exception-code'), body(/\bCode: \d+\. DB::Exception: /)],
  // its grant sentence as a client or IDE prints it without the code
  bodyOnly: [body(CLICKHOUSE_GRANT), body(CLICKHOUSE_CLIENT)],
  presence: [hdr('x-clickhouse-server-display-name'), hdr('x-clickhouse-query-id'), hdr('x-clickhouse-summary')],
  causes: [
    rule('rate-limited', 0.9, any(body(/Code: 201\. DB::Exception: [^\n]*Quota for user [^\n]* has been exceeded|\(QUOTA_EXCEEDED\)/), hdr('x-clickhouse-exception-code', /^201$/), chCode('201')), {
      blocks: true, why: 'a ClickHouse quota of this user (queries, read rows, result bytes… per interval) is used up until the interval named in the message ends (201 QUOTA_EXCEEDED, sent with 500)',
      fix: 'Wait for the interval to end, or ask for a larger quota (CREATE/ALTER QUOTA, or users.xml <quotas>); public shared users such as play have fixed quotas.',
    }),
    rule('insufficient-permissions', 0.92, any(body(CLICKHOUSE_GRANT), body(/Code: (?:497|291)\. DB::Exception: |\((?:DATABASE_)?ACCESS_DENIED\)/), hdr('x-clickhouse-exception-code', /^497$/), chCode('497|291')), {
      blocks: true, why: 'ClickHouse knows the user but its grants (or its roles\' and the settings profile\'s readonly) do not cover this query; the message names the grant it needs (SELECT on the columns, SHOW on system tables, CREATE TEMPORARY TABLE…) — sent with 500 or over the native protocol',
      fix: 'GRANT the named privilege to the user or one of its roles (SHOW GRANTS shows what it has); public shared users such as play are kept narrow on purpose.',
    }),
    rule('invalid-credentials', 0.92, any(body(CLICKHOUSE_AUTH), hdr('x-clickhouse-exception-code', /^516$/), chCode('516|192|193')), {
      why: 'ClickHouse refused the user and password (516 AUTHENTICATION_FAILED): a wrong password, an unknown user, or a user not allowed on this interface or from this host',
      fix: 'Check the user and password (X-ClickHouse-User/X-ClickHouse-Key headers or the user/password parameters) and the user\'s networks/host restrictions in users.xml or SQL-defined users.',
    }),
  ],
});

/** Neo4j's status codes: Neo.ClientError.Security.<name>. */
const NEO4J_SECURITY = /Neo\.ClientError\.Security\.(\w+)/;
/** Its message for a refused login, which drivers and cypher-shell print without the code. */
const NEO4J_BAD_LOGIN = /The client is unauthorized due to authentication failure\./;

export const neo4j = defineProducer({
  id: 'neo4j', kind: 'saas-api', name: 'Neo4j HTTP API', family: 'neo4j',
  bodyOnly: [body(NEO4J_SECURITY), body(NEO4J_BAD_LOGIN)],
  causes: [
    rule('missing-credentials', 0.9, all(body(/Neo\.ClientError\.Security\.AuthorizationFailed/), body(/No authorization header supplied/)), { why: 'no Basic credentials reached Neo4j, whose authentication is on' }),
    rule('invalid-credentials', 0.9, any(body(/Neo\.ClientError\.Security\.Unauthorized/), body(NEO4J_BAD_LOGIN)), {
      why: 'Neo4j refused the user name or password (after a restart with existing data, NEO4J_AUTH no longer changes the password)',
      fix: 'Log in with the password the database was first created with (or reset it with neo4j-admin dbms set-initial-password on an empty data directory); check the user name and the URI of the right instance.',
    }),
    rule('insufficient-permissions', 0.85, body(/Neo\.ClientError\.Security\.Forbidden/), { why: 'the user\'s roles do not allow this operation' }),
  ],
});

/** Meilisearch's error object links its error-code reference (old and new docs hosts). */
const MEILI_LINK = /docs\.meilisearch\.com\/errors#\w+|meilisearch\.com\/docs\/reference\/errors\/error_codes#\w+/;
/** Its SDKs' exception names: JS/.NET/Dart MeiliSearchApiError, Python meilisearch.errors, PHP Meilisearch\Exceptions (JSON-escaped too). */
const MEILI_SDK = /\bMeili[sS]earchApiError\b|\bmeilisearch\.errors\.\w+|\bMeili[sS]earch\\{1,2}Exceptions\\{1,2}ApiException\b/;

export const meilisearch = defineProducer({
  id: 'meilisearch', kind: 'saas-api', name: 'Meilisearch', family: 'meilisearch',
  own: [body(MEILI_LINK)],
  bodyOnly: [body(MEILI_SDK)],
  causes: [
    rule('missing-credentials', 0.93, body(/missing_authorization_header|The Authorization header is missing|The X-MEILI-API-KEY header is missing/), {
      blocks: true, why: 'the instance has a master key and no Authorization: Bearer <key> reached it',
    }),
    // Meilisearch answers invalid_api_key also for a valid key whose actions or indexes do not cover the route
    rule('invalid-credentials', 0.86, body(/The provided API key is invalid|\binvalid_api_key\b/), {
      blocks: true, why: 'Meilisearch does not accept this key: unknown or expired, the master key mistyped (quotes in MEILI_MASTER_KEY count), or a search key used for a write',
      fix: 'List the keys with the master key (GET /keys) and use the admin key for writes, the search key for searches; check the key\'s actions and indexes.',
    }),
    rule('insufficient-permissions', 0.55, body(/The provided API key is invalid|\binvalid_api_key\b/), { why: 'the key exists but its actions or indexes do not include this route' }),
  ],
  checklist: { auth: 'Compare the key\'s actions and indexes (GET /keys/<uid> with the master key) with the route called.' },
});

/** InfluxDB 2's clients: Python's influxdb_client.rest.ApiException, InfluxData.Net's sentence. */
const INFLUX_SDK = /\binfluxdb_client\.rest\.ApiException\b|InfluxData API responded with status code/;
/** InfluxDB 1.x's refusal of a statement the user's privileges do not cover (403 since 1.0), in its {"error"} body or a client's line. */
const INFLUX_V1_STATEMENT = /error authorizing query: \S+ not authorized to execute statement '/;

export const influxdb = defineProducer({
  id: 'influxdb', kind: 'saas-api', name: 'InfluxDB', family: 'influxdb',
  // its {"code","message"} body is anyone's: its error-code header or a client's name says InfluxDB wrote it
  own: [hdr('x-platform-error-code'), all(body(INFLUX_SDK), body(/['"]?X-Platform-Error-Code['"]?\s*:/i))],
  bodyOnly: [body(INFLUX_SDK), body(INFLUX_V1_STATEMENT)],
  presence: [hdr('x-influxdb-version'), hdr('x-influxdb-build')],
  causes: [
    rule('insufficient-permissions', 0.9, body(INFLUX_V1_STATEMENT), {
      blocks: true, why: 'InfluxDB 1.x authenticated the user but its privileges do not cover the statement: SHOW DATABASES, CREATE DATABASE and retention-policy changes need an admin user, queries and writes READ or WRITE on the database (the message names it)',
      fix: 'GRANT the privilege the message names (GRANT READ|WRITE|ALL ON "<db>" TO "<user>", or ALL PRIVILEGES for admin statements), or configure the client with the database so it skips admin-only statements.',
    }),
    // InfluxDB 2 says the same for no token, a wrong token, and v1-style user/password sent to a v2 server
    rule('invalid-credentials', 0.8, any(body(/"code"\s*:\s*"unauthorized"|\bunauthorized access\b|\(401\)|status code=Unauthorized/i), hdr('x-platform-error-code', /^unauthorized$/)), {
      blocks: true, why: 'InfluxDB did not accept the credentials: no or a wrong API token, or v1-style user/password (Basic or ?u=&p=) sent to InfluxDB 2, which wants Authorization: Token <token>',
      fix: 'Send Authorization: Token <API token> (influx auth list shows them); for the v1 compatibility API create a v1 authorization first.',
    }),
    rule('missing-credentials', 0.45, any(body(/"code"\s*:\s*"unauthorized"|\bunauthorized access\b/i), hdr('x-platform-error-code', /^unauthorized$/)), { why: 'the request may carry no token at all' }),
  ],
});

/** Pinecone's 401 sentence (body and WWW-Authenticate): a key of another project or environment. */
const PINECONE_KEY = /API key is missing or invalid for the environment/;

export const pinecone = defineProducer({
  id: 'pinecone', kind: 'saas-api', name: 'Pinecone', family: 'pinecone',
  // Pinecone runs behind Envoy: its own sentence names it over Envoy's server header
  overrides: ['envoy'],
  own: [body(PINECONE_KEY), hdr('www-authenticate', PINECONE_KEY)],
  bodyOnly: [body(/\bpinecone\.core\.(client|openapi)\.\w*\.?exceptions\.\w+Exception\b|\bPineconeError: /)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(PINECONE_KEY), hdr('www-authenticate', PINECONE_KEY)), {
      blocks: true, why: 'Pinecone does not accept this API key for the environment/project called (a key of another project, or the wrong environment or index host)',
      fix: 'Copy the key and the environment (or the index host) from the same Pinecone project; newer SDKs need only the key and the index host.',
    }),
  ],
});

/** Algolia's key refusal: "Application-ID" is its own spelling (its docs' error reference and every client's message). */
const ALGOLIA_KEY = /Invalid Application-ID or API key/;

export const algolia = defineProducer({
  id: 'algolia', kind: 'saas-api', name: 'Algolia', family: 'algolia',
  own: [body(ALGOLIA_KEY)],
  bodyOnly: [body(/\bAlgoliaSearchError\b|\balgoliasearch\.exceptions\.\w+|Algolia\\{1,2}AlgoliaSearch\\{1,2}Exceptions|\b\w+-(dsn|\d)\.algolia(\.net|net\.com)\b/)],
  causes: [
    rule('invalid-credentials', 0.9, body(ALGOLIA_KEY), {
      blocks: true, why: 'Algolia does not accept this application id and key together: a key of another application, a deleted or expired key, or a key of the wrong kind (a search-only or admin key where the call needs another)',
      fix: 'Copy the Application ID and the key from the same application (Settings → API Keys); generate secured keys from a search key, not the admin key.',
    }),
  ],
});

/** Typesense's one key refusal names its own header (sent for a missing, wrong or under-privileged key alike). */
const TYPESENSE_KEY = /Forbidden - a valid [`"]x-typesense-api-key[`"] header must be sent/i;

export const typesense = defineProducer({
  id: 'typesense', kind: 'saas-api', name: 'Typesense', family: 'typesense',
  own: [body(TYPESENSE_KEY)],
  bodyOnly: [body(/\btypesense\.exceptions\.\w+|\b[\w-]+\.a1\.typesense\.net\b/)],
  causes: [
    rule('invalid-credentials', 0.8, body(TYPESENSE_KEY), {
      blocks: true, why: 'Typesense did not accept the key: not the server\'s bootstrap key or a key it created, a scoped key built from a parent key with other actions, or a search-only key for an admin call',
      fix: 'Compare the key with --api-key / TYPESENSE_API_KEY of the server (or GET /keys with the admin key); use the admin key for collection and key management.',
    }),
    rule('insufficient-permissions', 0.6, body(TYPESENSE_KEY), { why: 'the key exists but its actions or collections do not cover this call' }),
    rule('missing-credentials', 0.45, body(TYPESENSE_KEY), { why: 'no X-TYPESENSE-API-KEY header (or an empty one) reached Typesense' }),
  ],
});

/** Snowflake's numbered errors as its connectors print them ("250001 (08001): Failed to connect to DB: <account>.snowflakecomputing.com:443. …"). */
const SNOWFLAKE_LINE = /\b\d{6} \(\w{5}\): Failed to connect to DB|\bsnowflake\.connector\.errors\.\w+|[\w*-]+(\.[\w-]+)*\.snowflakecomputing\.com\b/;
const SNOWFLAKE_IP = /\bIP(\/Token)? \S+ is not allowed to access Snowflake/;
const SNOWFLAKE_BAD_LOGIN = /Incorrect username or password (was )?specified/;

export const snowflake = defineProducer({
  id: 'snowflake', kind: 'saas-api', name: 'Snowflake', family: 'snowflake',
  bodyOnly: [all(body(SNOWFLAKE_LINE), body(/Failed to connect|Incorrect username|\b390\d{3}\b/)), body(SNOWFLAKE_IP)],
  causes: [
    rule('invalid-credentials', 0.9, body(SNOWFLAKE_BAD_LOGIN), {
      blocks: true, why: 'Snowflake refused the login (390100): a wrong or rotated password, a user name of another account, a user that signs in only through SSO or with MFA, or an account identifier that points to another account',
      fix: 'Check the account identifier (orgname-account or locator.region), the user and a current password; for SSO or MFA users use the authenticator the account requires (externalbrowser, key pair, OAuth).',
    }),
    rule('ip-or-geo-blocked', 0.93, body(SNOWFLAKE_IP), {
      blocks: true, why: 'a Snowflake network policy (on the account or the user) does not allow the client IP the message names',
      fix: 'Ask the Snowflake admin to add the client\'s egress IP to the network policy\'s allowed list (or its network rule); retrying will not help.',
    }),
  ],
  checklist: { auth: 'Try the same account identifier, user and authenticator with SnowSQL; check the user\'s network policy and MFA or SSO settings.' },
});

/** Databricks' REST API refusing a personal access token (expired, revoked, or of another workspace). */
const DATABRICKS_TOKEN = /Invalid access token\.?/;

export const databricks = defineProducer({
  id: 'databricks', kind: 'saas-api', name: 'Databricks REST API', family: 'databricks', overrides: ['jetty'],
  own: [hdr('x-databricks-reason-phrase'), hdr('x-databricks-org-id'), hdr('server', /^databricks$/i)],
  // its front's page for a refused token names the REST path it guards (/api/2.0/dbfs/put…)
  bodyOnly: [all(body(/Problem accessing \/api\/2\.\d\/[\w/.-]+\. Reason:/), body(DATABRICKS_TOKEN))],
  causes: [
    rule('invalid-credentials', 0.9, any(body(DATABRICKS_TOKEN), hdr('x-databricks-reason-phrase', /Invalid access token/i)), {
      blocks: true, why: 'the workspace did not accept the personal access token (expired, revoked, of another workspace, or none sent) — Databricks answers 403 for it, not 401',
      fix: 'Create a new token in the workspace (User Settings → Developer → Access tokens) for the host you call, and send it as Authorization: Bearer dapi…',
    }),
  ],
  checklist: { auth: 'Check the host (workspace URL) and the token belong together, and that the token has not expired (databricks auth describe).' },
});

/**
 * MongoDB Atlas's (and Ops Manager's) Administration API: its error object {detail, error: <status>, errorCode, reason},
 * the Go client's "<METHOD> <url>: 403 (request "ERROR_CODE") <detail>" line, or its API host and path.
 */
const ATLAS_API = /\bhttps:\/\/cloud(-dev|-qa)?\.mongodb\.com\/api\/(atlas|public)\/v\d|\bMongoDB Atlas: \d{3} /;
const ATLAS_LINE = /: \d{3} \(request "(IP_ADDRESS_NOT_ON_(ACCESS_LIST|WHITELIST)|ORG_REQUIRES_ACCESS_LIST|USER_CANNOT_ACCESS_ORG|NOT_IN_GROUP|Unauthorized)"\) /;
const ATLAS_OBJECT = /"(reason|detail)"\s*:\s*"[^"]*"\s*,\s*"error"\s*:\s*\d{3}\s*,\s*"(detail|errorCode)"\s*:\s*"/;
const ATLAS_NOT_AUTHORIZED = /You are not authorized for this resource\./;
const ATLAS_IP = /IP_ADDRESS_NOT_ON_(ACCESS_LIST|WHITELIST)|IP address \S+ is not allowed to access this resource\./;

export const mongodbAtlas = defineProducer({
  id: 'mongodb-atlas', kind: 'saas-api', name: 'MongoDB Atlas Administration API', family: 'mongodb',
  bodyOnly: [body(ATLAS_API), body(ATLAS_LINE), all(body(ATLAS_OBJECT), any(body(ATLAS_NOT_AUTHORIZED), body(ATLAS_IP)))],
  causes: [
    rule('ip-or-geo-blocked', 0.93, body(ATLAS_IP), {
      blocks: true, why: 'the programmatic API key has an API access list and the caller\'s IP is not on it (the key\'s list, not the project\'s Network Access list for clusters)',
      fix: 'Add the IP the message names (the CI runner\'s or NAT\'s egress address) to the API key\'s access list under Organization Access Manager → API Keys, or call from an address already on it.',
    }),
    rule('invalid-credentials', 0.82, body(ATLAS_NOT_AUTHORIZED), {
      blocks: true, why: 'Atlas did not accept the digest credentials: a wrong public/private key pair, or a key that has no role in this organization or project (Atlas answers 401 for both)',
      fix: 'Send the public key as user and the private key as password with HTTP digest auth; check the key is assigned to this project (or organization) with a role that covers the call.',
    }),
    rule('insufficient-permissions', 0.55, body(ATLAS_NOT_AUTHORIZED), { why: 'the key may be valid but not invited to this project, or its role too narrow for the call' }),
  ],
  checklist: { auth: 'List the key\'s projects and roles (atlas organizations apiKeys describe) and its API access list.' },
});
