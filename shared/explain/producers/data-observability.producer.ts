import { all, any, body, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Splunk HTTP Event Collector: every answer is `{"text":"<reason>","code":<n>}` with its documented reply codes
 * (docs.splunk.com TroubleshootHTTPEventCollector "Possible error codes": 1 Token disabled, 2 Token is required,
 * 3 Invalid authorization, 4 Invalid token, 5 No data, 6 Invalid data format, 7 Incorrect index, 9 Server is busy…),
 * which collectors that emulate HEC copy. Sources: splunk/splunk-operator#372, open-telemetry/opentelemetry-collector#7312,
 * cisco-ai-defense/defenseclaw#225, fluent/fluent-bit#12043.
 */
const HEC_TEXT = 'Success|Token disabled|Token is required|Invalid authorization|Invalid token|No data|Invalid data format|Incorrect index|Internal server error|Server is busy|Data channel is missing|Invalid data channel|Event field is required|Event field cannot be blank|ACK is disabled|Error in handling indexed fields|Query string authorization is not enabled';
const HEC_REPLY = new RegExp(`\\{\\s*\\\\?"text\\\\?"\\s*:\\s*\\\\?"(${HEC_TEXT})\\\\?"\\s*,\\s*\\\\?"code\\\\?"\\s*:\\s*\\d{1,2}\\b`);
const hec = (text: string, code: number) => body(new RegExp(`\\\\?"text\\\\?"\\s*:\\s*\\\\?"${text}\\\\?"\\s*,\\s*\\\\?"code\\\\?"\\s*:\\s*${code}\\b`));

export const splunkHec = defineProducer({
  id: 'splunk', kind: 'saas-api', name: 'Splunk (HTTP Event Collector)', family: 'splunk',
  own: [body(HEC_REPLY)],
  causes: [
    rule('missing-credentials', 0.93, hec('Token is required', 2), {
      blocks: true, why: 'the request to the Splunk HTTP Event Collector carried no token (code 2): HEC wants the header "Authorization: Splunk <token>"',
      fix: 'Send the HEC token as "Authorization: Splunk <token>" (or the query parameter only when the input allows it).',
    }),
    rule('invalid-credentials', 0.9, hec('Invalid authorization', 3), {
      blocks: true, why: 'Splunk HEC found an Authorization header it cannot read (code 3): the scheme must be "Splunk" followed by the token, not Bearer or Basic with another value',
      fix: 'Send exactly "Authorization: Splunk <token>" (or Basic with any user and the token as password).',
    }),
    rule('invalid-credentials', 0.93, hec('Invalid token', 4), {
      blocks: true, why: 'Splunk HEC does not know this token (code 4): mistyped, deleted, or created on another instance (a search head instead of the indexers or heavy forwarder that receive HEC)',
      fix: 'Copy the token from Settings → Data inputs → HTTP Event Collector on the instance that receives the events, and check the HEC host and port.',
    }),
    rule('invalid-credentials', 0.9, hec('Token disabled', 1), {
      blocks: true, why: 'the HEC token exists but is disabled (code 1), or HEC itself is disabled in its global settings',
      fix: 'Enable the token (and "All Tokens" in HEC Global Settings) under Settings → Data inputs → HTTP Event Collector.',
    }),
    rule('account-or-plan-restriction', 0.6, hec('Incorrect index', 7), { why: 'the event names an index the HEC token may not write to, or that does not exist (code 7)' }),
  ],
  checklist: { auth: 'Check the HEC token (enabled, on the receiving instance) and the "Authorization: Splunk <token>" header.' },
});

/**
 * Qdrant: its server's authentication words (src/common/auth/mod.rs of qdrant/qdrant: 'Must provide an API key or an
 * Authorization bearer token', 'Invalid API key or JWT'), its JSON envelope `{"status":{"error":…},"time":…}`, and its
 * Python client's UnexpectedResponse ('Unexpected Response: 403 (Forbidden)\nRaw response content:'), which Qdrant Cloud's
 * 'key doesn't exist' reaches users through. Sources: qdrant/qdrant src/common/auth/mod.rs, qdrant/qdrant-client#127.
 */
const QDRANT_MISSING = /Must provide an API key or an Authorization bearer token/;
const QDRANT_INVALID = /Invalid API key or JWT|Invalid JWT, stateful validation failed/;
const QDRANT_SDK = /\bqdrant_client\.http\.exceptions\.UnexpectedResponse\b|\bUnexpected Response: \d{3} \([\w ]{1,40}\)\s{0,4}Raw response content:/;

export const qdrant = defineProducer({
  id: 'qdrant', kind: 'saas-api', name: 'Qdrant (vector database)', family: 'qdrant',
  own: [body(QDRANT_MISSING), body(QDRANT_INVALID), body(QDRANT_SDK)],
  bodyOnly: [body(/\{\s*"status"\s*:\s*\{\s*"error"\s*:\s*"[^"]{1,300}"\s*\}\s*,\s*"time"\s*:\s*\d/)],
  causes: [
    rule('missing-credentials', 0.94, body(QDRANT_MISSING), {
      blocks: true, why: 'Qdrant has an API key configured and the request carried none: it reads the "api-key" header or "Authorization: Bearer <key or JWT>"',
      fix: 'Send the key in the api-key header (raw, without "Bearer") or as Authorization: Bearer; pass api_key= to the client.',
    }),
    rule('invalid-credentials', 0.93, any(body(QDRANT_INVALID), all(body(QDRANT_SDK), body(/key doesn\\?'t exist|Invalid API key/))), {
      blocks: true, why: 'Qdrant (or Qdrant Cloud\'s gateway) does not accept the key: mistyped, revoked, a key of another cluster, or a JWT signed with another key or expired',
      fix: 'Copy the cluster\'s API key again (Qdrant Cloud → the cluster → API keys) or create a new one for this cluster; check the URL points at that cluster.',
    }),
    rule('insufficient-permissions', 0.7, all(body(QDRANT_SDK), body(/\b403 \(Forbidden\)/)), { why: 'Qdrant refused the operation for this key: a read-only key (or JWT access claim) used for a write, or a key for another collection' }),
  ],
  checklist: { auth: 'Check the Qdrant API key (api-key header), whether it is read-only, and that it belongs to this cluster.' },
});

/**
 * Weaviate: its authentication middleware's sentences ('oidc auth is not configured, please try another auth scheme or
 * set up weaviate with OIDC configured' when a bearer token is neither a known API key nor OIDC; 'anonymous access not
 * enabled, please provide an auth scheme such as OIDC'), in its `{"code":401,"message":…}` body and as the Python and
 * TypeScript clients relay it. Sources: weaviate/weaviate#2334, weaviate/weaviate#4139, muleyprasad/weaviate-studio#31.
 */
const WEAVIATE_OIDC = /oidc auth is not configured, please try another auth scheme or set up weaviate with OIDC configured/;
const WEAVIATE_ANON = /anonymous access not enabled, please provide an auth scheme such as OIDC/;

export const weaviate = defineProducer({
  id: 'weaviate', kind: 'saas-api', name: 'Weaviate (vector database)', family: 'weaviate',
  own: [body(WEAVIATE_OIDC), body(WEAVIATE_ANON), body(/\bweaviate\.exceptions\.\w+Exception\b|\bWeaviate (startup failed|failed to startup) with message\b/)],
  causes: [
    rule('invalid-credentials', 0.9, body(WEAVIATE_OIDC), {
      blocks: true, why: 'Weaviate got a bearer token it cannot check: API-key authentication is off (or the key is not in AUTHENTICATION_APIKEY_ALLOWED_KEYS), so it took the token for OIDC, which is not configured',
      fix: 'Send no key to an instance with anonymous access, or enable API keys on the server (AUTHENTICATION_APIKEY_ENABLED, ALLOWED_KEYS, USERS) and send one of them; on Weaviate Cloud use the cluster\'s API key.',
    }),
    rule('missing-credentials', 0.93, body(WEAVIATE_ANON), {
      blocks: true, why: 'the Weaviate instance does not allow anonymous access and the request carried no API key or OIDC token',
      fix: 'Send the API key as Authorization: Bearer <key> (auth_credentials / AuthApiKey in the clients), or an OIDC token.',
    }),
  ],
  checklist: { auth: 'Check which authentication the Weaviate instance has on (anonymous, API key, OIDC) and send the matching credential.' },
});

/**
 * ArangoDB: its JSON error envelope `{"code":…,"error":true,"errorMessage":…,"errorNum":…}` (errorNum 11 is
 * ERROR_FORBIDDEN, 'not authorized to execute this request' on a 401), its `Server: ArangoDB` header, and its drivers'
 * renderings — arangodb-java-driver's 'ArangoDBException … Response: 401, Error: 11 - …', arangors' ErrorMessage.
 * Sources: beoliver/clj-arangodb#22, fMeow/arangors#3.
 */
const ARANGO_ENVELOPE = all(body(/"errorNum"\s*:\s*\d+/), body(/"errorMessage"\s*:\s*"/));
const ARANGO_JAVA = /\bResponse: \d{3}, Error: \d{1,4} - /;
const ARANGO_NOT_AUTHORIZED = /not authorized to execute this request/;

export const arangodb = defineProducer({
  id: 'arangodb', kind: 'saas-api', name: 'ArangoDB', family: 'arangodb',
  own: [hdr('server', /^ArangoDB\b/), ARANGO_ENVELOPE, all(body(/\bArangoDBException\b|\bcom\.arangodb\.\w/), body(ARANGO_JAVA))],
  bodyOnly: [all(body(/\barangors\b|\bpyArango\b|\bpython-arango\b|\barangojs\b|\bArangoError\b/), body(ARANGO_NOT_AUTHORIZED))],
  causes: [
    rule('invalid-credentials', 0.88, any(body(/Error: 11 - not authorized to execute this request/), all(body(/"errorNum"\s*:\s*11\b/), body(ARANGO_NOT_AUTHORIZED)), body(ARANGO_NOT_AUTHORIZED)), {
      blocks: true, why: 'ArangoDB refused the request (401, errorNum 11): the user name or password (or JWT) is wrong — or the user has no access to the database in the URL, which ArangoDB answers the same way (drivers often ask _system first)',
      fix: 'Check the credentials; then grant the user access to this database (and read access to _system if the driver lists databases), or connect to the database by name.',
    }),
    rule('insufficient-permissions', 0.6, any(body(/Error: 11 - not authorized to execute this request/), body(ARANGO_NOT_AUTHORIZED))),
    rule('insufficient-permissions', 0.85, all(body(/"errorNum"\s*:\s*11\b/), body(/"errorMessage"\s*:\s*"forbidden"/)), {
      blocks: true, why: 'ArangoDB knows the user but its permissions on this database or collection do not allow the operation (403 forbidden, errorNum 11)',
      fix: 'Grant the user rw (or ro for reads) on the database and collection (web UI → Users → Permissions, or PUT /_api/user/<user>/database/<db>).',
    }),
  ],
  checklist: { auth: 'Check the ArangoDB user\'s credentials and its access level on this database (and _system).' },
});

/**
 * Apache Solr: its authentication plugins' refusals — 'Error 401 require authentication' on Jetty's error page when
 * blockUnknown is on — as pysolr ('Solr responded with an error (HTTP 401): [Reason: …]') and SolrJ
 * (RemoteSolrException) relay them. Sources: ckan/ckan#4089, DSpace/DSpace#3169, apache/solr#394.
 */
const SOLR_REQUIRE_AUTH = /\b(Error|ERROR) 401 require authentication\b/;
const SOLR_CLIENT = /\bSolr responded with an error \(HTTP \d{3}\)|\bRemoteSolrException\b|\borg\.apache\.solr\.\w/;

export const apacheSolr = defineProducer({
  id: 'apache-solr', kind: 'saas-api', name: 'Apache Solr', family: 'apache-solr',
  // its pages are Jetty's error pages
  overrides: ['jetty'],
  own: [body(SOLR_REQUIRE_AUTH), body(SOLR_CLIENT)],
  causes: [
    rule('missing-credentials', 0.92, body(SOLR_REQUIRE_AUTH), {
      blocks: true, why: 'Solr\'s authentication plugin (BasicAuthPlugin with blockUnknown: true) refuses requests without credentials: the client sent none',
      fix: 'Give the client Solr\'s user and password (pysolr auth=, SolrJ preemptive basic auth, the host URL user:password@), or set blockUnknown false for anonymous reads.',
    }),
  ],
  checklist: { auth: 'Check Solr\'s security.json (authentication plugin, blockUnknown, permissions) and the client\'s credentials.' },
});

/**
 * Trino / Presto: its access control's 'Access Denied: Cannot <action> …' (errorName PERMISSION_DENIED), in the CLI's
 * 'Query <id> failed:' line, trino-python-client's TrinoUserError and the JSON error of its client protocol.
 * Sources: trinodb/trino#6670, trinodb/trino#16722, DragonPomelo/trino-opa-example#38.
 */
const TRINO_QUERY = /\bQuery \d{8}_\d{6}_\d{5}_\w{5} failed: /;
const TRINO_USER_ERROR = /\b(Trino|Presto)UserError\(type=USER_ERROR, name=\w+/;
const TRINO_DENIED = /Access Denied: (Cannot|View owner|User \S+ cannot) [^\n"]{1,200}/;

export const trino = defineProducer({
  id: 'trino', kind: 'saas-api', name: 'Trino / Presto', family: 'trino',
  own: [body(TRINO_QUERY), body(TRINO_USER_ERROR), body(/\bio\.(trino|prestosql)\.spi\.\w|\bcom\.facebook\.presto\.spi\.\w/)],
  bodyOnly: [all(body(/"errorName"\s*:\s*"PERMISSION_DENIED"/), body(/"errorType"\s*:\s*"USER_ERROR"/))],
  causes: [
    rule('insufficient-permissions', 0.93, any(body(/name=PERMISSION_DENIED\b/), body(/"errorName"\s*:\s*"PERMISSION_DENIED"/), all(body(TRINO_QUERY), body(TRINO_DENIED))), {
      blocks: true, why: 'Trino\'s access control (file-based rules, OPA, Ranger) does not allow this user the action the message names (select from a table, execute a query or function, access a catalog)',
      fix: 'Add a rule granting the user (or group) this privilege on the catalog/schema/table in the access-control configuration (rules.json, the OPA policy or Ranger), then retry.',
    }),
  ],
  checklist: { auth: 'Check the Trino user the client authenticates as and the access-control rules for it.' },
});

/** Databases', search engines', vector stores' and observability tools' HTTP APIs (filled by family). */
export const DATA_OBSERVABILITY_PRODUCERS: Producer[] = [splunkHec, qdrant, weaviate, arangodb, apacheSolr, trino];
