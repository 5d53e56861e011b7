import { all, any, body, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Drupal's JSON:API module: `{"jsonapi":{"version":"1.0",…},"errors":[{"title":"Forbidden","status":"403","detail":"…",
 * "links":{"via":…,"info":{"href":"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.4"}}}]}` — the
 * info link to RFC 2616's section anchor is Drupal's; its detail sentences name the permission. Sources:
 * esmero/archipelago-deployment#255, acquia-pso/decoupledkit-react#14, jsdrupal/drupal-admin-ui#607.
 */
const DRUPAL_INFO = /rfc2616-sec10\.html#sec10\.[45]\.\d{1,2}/;
const DRUPAL_DENY = /The current user is not allowed to (GET|POST|PATCH|DELETE|view|update|delete|create) (the selected|this) \w+|The (\\u0027|')[^'\\]{1,60}(\\u0027|') permission is required|The following permissions are required: /;

const drupalJsonapi = defineProducer({
  id: 'drupal-jsonapi', kind: 'framework', name: 'Drupal (JSON:API / REST)', family: 'drupal',
  own: [all(body(DRUPAL_INFO), body(/["']?(errors|jsonapi)["']?\s*:/))],
  bodyOnly: [body(/The current user is not allowed to (GET|POST|PATCH|DELETE) the selected (resource|field)/)],
  presence: [hdr('x-drupal-cache'), hdr('x-drupal-dynamic-cache'), hdr('x-generator', /^Drupal/i)],
  causes: [
    rule('insufficient-permissions', 0.9, body(DRUPAL_DENY), {
      blocks: true, why: 'Drupal denied the entity operation: the user the request is authenticated as (often Anonymous — the credentials were not sent or the auth provider is not enabled for JSON:API) lacks the permission the detail names',
      fix: 'Grant the named permission to the user\'s role (People → Permissions), or authenticate the request (Basic Auth module, OAuth via simple_oauth, or the session cookie with X-CSRF-Token) so it runs as a user that has it.',
    }),
    rule('missing-credentials', 0.5, all(body(DRUPAL_INFO), body(/["']status["']\s*:\s*["']?403/))),
  ],
  checklist: { auth: 'Check which user Drupal sees (the watchdog log shows "Anonymous (not verified)" when no credentials arrived).', server: 'Check the role\'s permissions for the entity type and JSON:API\'s allowed operations.' },
});

/**
 * Payload CMS: its REST and GraphQL refusals are `{"errors":[{"message":"You are not allowed to perform this action."}]}`
 * (Forbidden, 403) and "Unauthorized, you must be logged in to make this request." (UnauthorizedError, 401); its
 * logger prints `ERROR (payload): Forbidden: …`. Sources: payloadcms/payload#1917, CrawlerCode/payload-authjs#47,
 * payloadcms/payload#8793, payloadcms/next-payload#87.
 */
const PAYLOAD_FORBIDDEN_JSON = /["']errors["']\s*:\s*\[\s*\{\s*["']message["']\s*:\s*["']You are not allowed to perform this action\.["']/;
const PAYLOAD_LOG = /ERROR \(payload\): |\bpayload\/dist\/auth\/executeAccess\.js\b|@payloadcms\/[\w-]+/;
const PAYLOAD_LOGIN = /Unauthorized, you must be logged in to make this request\./;

const payloadCms = defineProducer({
  id: 'payload-cms', kind: 'framework', name: 'Payload CMS', family: 'payload',
  own: [all(body(PAYLOAD_LOG), body(/You are not allowed to perform this action\.|Unauthorized, you must be logged in/)), body(PAYLOAD_LOGIN)],
  bodyOnly: [body(PAYLOAD_FORBIDDEN_JSON)],
  presence: [hdr('x-powered-by', /^Payload/i)],
  causes: [
    rule('missing-credentials', 0.9, body(PAYLOAD_LOGIN), {
      blocks: true, why: 'Payload needs a logged-in user for this operation and found none: no payload-token cookie or "Authorization: JWT <token>" / "<collection> API-Key <key>" header reached it',
      fix: 'Log in (POST /api/<users>/login) and send the token as the payload-token cookie or Authorization: JWT <token>, or enable API keys on the auth collection and send Authorization: <collection-slug> API-Key <key>.',
    }),
    rule('insufficient-permissions', 0.85, any(body(PAYLOAD_FORBIDDEN_JSON), all(body(PAYLOAD_LOG), body(/Forbidden: You are not allowed to perform this action/))), {
      blocks: true, why: 'a Payload access-control function (access.read/create/update/delete of the collection, global or field) returned false for this request — often because no user is attached: the auth cookie was not sent or not read (cookie domain, CSRF/CORS list) or the API-key header is malformed',
      fix: 'Check the collection\'s access functions for this user, and that the request carries the user: the payload-token cookie (serverURL, csrf and cors include the site\'s origin) or "Authorization: <collection> API-Key <key>".',
    }),
    rule('missing-credentials', 0.6, any(body(PAYLOAD_FORBIDDEN_JSON), all(body(PAYLOAD_LOG), body(/Forbidden: You are not allowed to perform this action/)))),
  ],
  checklist: { auth: 'Check the request carries the Payload user (payload-token cookie or Authorization header) and the csrf/cors settings list the origin.' },
});

/**
 * Unkey (API keys and rate limits as a service): v1 errors `{"error":{"code":"UNAUTHORIZED","docs":"https://unkey.dev/docs/
 * api-reference/errors/code/UNAUTHORIZED",…}}`, v2 problem-style `"type":"https://unkey.com/docs/api-reference/
 * errors-v2/unkey/authentication/key_not_found"`. Sources: unkeyed/unkey#3625, unkeyed/unkey#2230.
 */
const UNKEY_DOCS = /\bunkey\.(dev|com)\/docs\/(api-reference\/)?errors(-v2)?\//;
const unkeyErr = (s: string) => body(new RegExp(`unkey\\.(dev|com)\\/docs\\/(api-reference\\/)?errors(-v2)?\\/(${s})`));

const unkeyApi = defineProducer({
  id: 'unkey-api', kind: 'saas-api', name: 'Unkey API', family: 'unkey',
  own: [body(UNKEY_DOCS)],
  causes: [
    rule('missing-credentials', 0.88, unkeyErr('unkey\\/authentication\\/missing'), {
      blocks: true, why: 'the Unkey API got no root key: the Authorization: Bearer <root key> header is missing',
      fix: 'Send a root key from the Unkey dashboard (Settings → Root Keys) as Authorization: Bearer <key>.',
    }),
    rule('invalid-credentials', 0.9, any(unkeyErr('unkey\\/authentication\\/(key_not_found|malformed)'), unkeyErr('code\\/UNAUTHORIZED')), {
      blocks: true, why: 'Unkey does not accept the root key: deleted, mistyped, of another workspace, or not sent as "Bearer <key>"',
      fix: 'Create a new root key in the workspace that owns the API and send it as Authorization: Bearer <key> (a root key, not one of the API\'s end-user keys).',
    }),
    rule('insufficient-permissions', 0.88, any(unkeyErr('unkey\\/authorization\\/(insufficient_permissions|forbidden)'), unkeyErr('code\\/(FORBIDDEN|INSUFFICIENT_PERMISSIONS)')), {
      blocks: true, why: 'the Unkey root key lacks the permission this call needs (e.g. api.<API_ID>.verify_key or create_key): v2 scopes everything by root-key permissions',
      fix: 'Add the permission to the root key (Settings → Root Keys → permissions for this API) or create one with it.',
    }),
    rule('account-or-plan-restriction', 0.88, any(unkeyErr('unkey\\/authorization\\/workspace_disabled'), unkeyErr('code\\/(DISABLED|USAGE_EXCEEDED)')), {
      blocks: true, why: 'the Unkey workspace behind the root key is disabled (or deleted, or its plan\'s usage is exhausted)',
      fix: 'Check the workspace\'s status and billing in the Unkey dashboard; a root key of a deleted workspace needs replacing.',
    }),
    rule('rate-limited', 0.9, unkeyErr('code\\/TOO_MANY_REQUESTS|unkey\\/application\\/(rate_limited|too_many_requests)'), {
      blocks: true, why: 'the Unkey API rate-limited the root key\'s calls', fix: 'Back off and retry; batch verifications where possible.',
    }),
  ],
  checklist: { auth: 'Check the root key (Authorization: Bearer) and its permissions for the API you call.' },
});

/**
 * Zuplo (API gateway on the edge): its policies answer Problem Details `{"type":"https://httpproblems.com/http-status/401",
 * "title":…,"status":…,"instance":…,"trace":{"timestamp":…,"requestId":…,"buildId":…}}` — httpproblems.com with a trace
 * carrying a buildId is Zuplo's HttpProblems helper. Sources: zuplo.com/docs/programmable-api/http-problems.md,
 * zuplo.com/examples/custom-429-response.
 */
const ZUPLO_TYPE = /https?:\/\/httpproblems\.com\/http-status\/(\d{3})/;
const zuploStatus = (codes: string) => body(new RegExp(`httpproblems\\.com\\/http-status\\/(${codes})\\b`));

const zuplo = defineProducer({
  id: 'zuplo', kind: 'gateway', name: 'Zuplo API Gateway', family: 'zuplo',
  own: [all(body(ZUPLO_TYPE), body(/["']buildId["']\s*:/))],
  bodyOnly: [body(ZUPLO_TYPE)],
  // its request id rides on every proxied answer, the backend's own refusals included: presence only
  presence: [hdr('zp-rid')],
  causes: [
    rule('missing-credentials', 0.86, all(zuploStatus('401'), body(/No Authorization Header|No API key|Authorization header (is )?missing|missing (an |the )?(API key|Authorization)/i)), {
      blocks: true, why: 'a Zuplo authentication policy found no credential (no Authorization header or API key where it looks)',
      fix: 'Send the key the way the API\'s policy reads it — by default Authorization: Bearer <zpka_…> for Zuplo API keys — from the developer portal.',
    }),
    rule('invalid-credentials', 0.62, zuploStatus('401'), {
      blocks: true, why: 'a Zuplo authentication policy (API key, JWT/OAuth, or a custom one) rejected the request\'s credential',
      fix: 'Check the key or token is valid for this API (from its developer portal), not expired, and in the header and scheme the policy expects.',
    }),
    rule('missing-credentials', 0.55, zuploStatus('401')),
    rule('insufficient-permissions', 0.65, zuploStatus('403'), {
      blocks: true, why: 'a Zuplo policy authenticated the caller but does not allow it here (ACL, role or key metadata check)',
      fix: 'Ask the API owner to grant the consumer access (its key metadata, group or role).',
    }),
    rule('rate-limited', 0.93, zuploStatus('429'), {
      blocks: true, why: 'Zuplo\'s rate-limit (or quota) policy refused the request: the consumer (by key, user or IP) exceeded the limit',
      fix: 'Wait the Retry-After seconds and back off; ask for a higher limit if needed.',
    }),
  ],
  checklist: { gateway: 'Give the API owner the trace requestId from the body: it finds the request in Zuplo\'s logs.' },
});

/**
 * Google Cloud Run and Cloud Functions (and Firebase Hosting rewrites to them): Google Front End's serverless refusal,
 * `<h1>Error: Forbidden</h1><h2>Your client does not have permission to get URL <code>/</code> from this server.</h2>`
 * (or Unauthorized … "to the requested URL"), pasted as text too. Sources: firebase/firebase-android-sdk#1351,
 * ahmetb/runsd#25.
 */
const GFE_SERVERLESS_HTML = /<h1>Error: (Forbidden|Unauthorized)<\/h1>\s{0,4}<h2>Your client does not have permission to (get URL|the requested URL)/;
const GFE_SERVERLESS_TEXT = /Error: (Forbidden|Unauthorized)\W{0,12}Your client does not have permission to (get URL \S{1,200} from this server|the requested URL)/;
const gfeKind = (k: string) => any(body(new RegExp(`<h1>Error: ${k}<\\/h1>`)), body(new RegExp(`Error: ${k}\\W{0,12}Your client does not have permission`)));

const googleCloudRun = defineProducer({
  id: 'google-cloud-run', kind: 'gateway', name: 'Google Cloud Run / Cloud Functions', family: 'google',
  own: [body(GFE_SERVERLESS_HTML)],
  bodyOnly: [body(GFE_SERVERLESS_TEXT)],
  presence: [hdr('server', /^Google Frontend/i), hdr('x-cloud-trace-context')],
  causes: [
    rule('missing-credentials', 0.78, gfeKind('Forbidden'), {
      blocks: true, why: 'the Cloud Run service (or Cloud Function) requires authentication — it does not grant allUsers the Invoker role — and the request carried no Google identity token; an org policy (domain restricted sharing) can also keep a service from being made public',
      fix: 'Call it with an ID token whose audience is the service URL (Authorization: Bearer $(gcloud auth print-identity-token)), or make it public: allow unauthenticated invocations (roles/run.invoker for allUsers), which the org policy iam.allowedPolicyMemberDomains must permit.',
    }),
    rule('insufficient-permissions', 0.62, gfeKind('Forbidden'), {
      why: 'the caller\'s identity (a user or the calling service\'s service account) lacks roles/run.invoker (cloudfunctions.invoker) on this service',
      fix: 'Grant the caller the Invoker role on the service: gcloud run services add-iam-policy-binding SERVICE --member=serviceAccount:… --role=roles/run.invoker.',
    }),
    rule('method-or-path-blocked', 0.35, gfeKind('Forbidden'), { why: 'on cloudfunctions.net a path naming no deployed function gets the same 403' }),
    rule('invalid-credentials', 0.8, gfeKind('Unauthorized'), {
      blocks: true, why: 'Cloud Run rejected the token: an OAuth access token instead of an ID token, an ID token for another audience, or an expired one',
      fix: 'Mint an ID token with the service URL as audience (fetch_id_token / gcloud auth print-identity-token --audiences=URL) and refresh it hourly.',
    }),
  ],
  checklist: { auth: 'Check the service\'s authentication setting (allow unauthenticated or not) and the caller\'s Invoker role.' },
});

/**
 * Keystone 5 (KeystoneJS): its GraphQL refusals are `{"errors":[{"message":"You do not have access to this resource",
 * "name":"AccessDeniedError","time_thrown":…,"data":{"type":"query|mutation","target":…}}]}`. Sources:
 * keystonejs/keystone#1632, keystonejs/keystone#1047.
 */
const KEYSTONE_DENIED = all(body(/["']?name["']?\s*:\s*["']AccessDeniedError["']/), body(/["']?time_thrown["']?\s*:/));

const keystonejs = defineProducer({
  id: 'keystonejs', kind: 'framework', name: 'KeystoneJS', family: 'keystone',
  own: [KEYSTONE_DENIED, all(body(/@keystonejs\/|@keystone-(next|6)\//), body(/You do not have access to this resource|\bAccess denied\b/))],
  causes: [
    rule('insufficient-permissions', 0.85, any(KEYSTONE_DENIED, body(/You do not have access to this resource/)), {
      blocks: true, why: 'a Keystone list or field access-control function denied this query or mutation for the current session (no session counts as none: an anonymous user, or a server-side call without the cookie); Keystone 5 also answers this for an item the user cannot see, absent ones included',
      fix: 'Check the list\'s access (read/create/update/delete) and field access for this user, and that the request carries the session (cookie or Authorization header) — server-side fetches must forward it.',
    }),
    rule('missing-credentials', 0.55, any(KEYSTONE_DENIED, body(/You do not have access to this resource/))),
  ],
  checklist: { auth: 'Check the request carries the Keystone session (cookie), also on server-side calls.' },
});

/**
 * Open Policy Agent: its own REST API answers `{"code":"unauthorized","message":"request rejected by administrative policy"}`
 * when its system.authz policy denies, and opa-docker-authz makes the Docker daemon print "authorization denied by
 * plugin openpolicyagent/opa-docker-authz…: request rejected by administrative policy". Sources:
 * open-policy-agent/opa-docker-authz#44, open-policy-agent/opa#3078.
 */
const OPA_REJECTED = /request rejected by administrative policy/;

const openPolicyAgent = defineProducer({
  id: 'open-policy-agent', kind: 'gateway', name: 'Open Policy Agent (OPA)', family: 'opa',
  own: [body(/authorization denied by plugin [\w./-]{0,80}opa[\w./:-]{0,40}: /), all(body(OPA_REJECTED), body(/["']code["']\s*:\s*["']unauthorized["']/))],
  bodyOnly: [body(OPA_REJECTED)],
  causes: [
    rule('resource-policy-deny', 0.85, any(body(OPA_REJECTED), body(/authorization denied by plugin [\w./-]{0,80}opa/)), {
      blocks: true, why: 'an OPA policy denied the request: for the Docker daemon the opa-docker-authz policy refused this command (image, mount, privileged flag…); for OPA\'s own API its system.authz policy refused the caller',
      fix: 'Read the policy (and OPA\'s decision log for this request) to see which rule denied; change the request to satisfy it, or have the policy owner allow it. For OPA\'s API, send the token system.authz expects (--authentication=token).',
    }),
    rule('missing-credentials', 0.5, all(body(OPA_REJECTED), body(/["']code["']\s*:\s*["']unauthorized["']/)), { why: 'OPA\'s API with --authentication=token refuses calls without a Bearer token the same way' }),
  ],
  checklist: { server: 'Check OPA\'s decision log for the request\'s decision and the rule that denied it.' },
});

/**
 * Alibaba Sentinel (flow control in Spring Cloud, Spring Cloud Gateway, Zuul and Dubbo): its default block handlers
 * answer "Blocked by Sentinel (flow limiting)" (servlet / Spring MVC, 200 then 429) or `{"code":429,"message":"Blocked by
 * Sentinel: FlowException"}` (gateway adapters), and an unhandled block prints its exception class
 * (com.alibaba.csp.sentinel.slots.block.…). Sources: alibaba/Sentinel#1110, alibaba/Sentinel#1977, alibaba/Sentinel#2049.
 */
const SENTINEL_MSG = /Blocked by Sentinel( \(flow limiting\)|: (Flow|ParamFlow|Degrade|Authority|SystemBlock|Block)Exception)/;
const SENTINEL_CLASS = /\bcom\.alibaba\.csp\.sentinel\.slots\.block\.(flow\.(param\.)?\w*FlowException|degrade\.DegradeException|authority\.AuthorityException|system\.SystemBlockException)\b/;
const sentinelKind = (k: string) => any(body(new RegExp(`Blocked by Sentinel: (${k})Exception`)), body(new RegExp(`\\bcom\\.alibaba\\.csp\\.sentinel\\.slots\\.block\\.\\w+(\\.param)?\\.(${k})Exception\\b`)));

const alibabaSentinel = defineProducer({
  id: 'alibaba-sentinel', kind: 'framework', name: 'Alibaba Sentinel (flow control)', family: 'sentinel',
  overrides: ['spring-cloud-gateway', 'spring-security'],
  own: [body(SENTINEL_MSG), body(SENTINEL_CLASS)],
  causes: [
    rule('rate-limited', 0.92, any(body(/Blocked by Sentinel \(flow limiting\)/), sentinelKind('Flow|ParamFlow|SystemBlock')), {
      blocks: true, why: 'a Sentinel flow rule (QPS or thread limit, a hot-parameter rule, or system protection) refused the request; the default handlers answer 429 — older servlet adapters and custom @SentinelResource handlers even 200',
      fix: 'Slow down and retry with back-off; if the limit is yours, raise the rule\'s count (Sentinel dashboard or the rule source: Nacos, Apollo, files), or give the resource a blockHandler that answers what clients expect.',
    }),
    rule('other', 0.75, sentinelKind('Degrade'), {
      blocks: true, why: 'a Sentinel circuit breaker (degrade rule) is open for this resource: recent calls were too slow or failed too often, so it refuses calls until the break window ends',
      fix: 'Retry after the rule\'s time window; fix the slow or failing dependency behind the resource, or tune the degrade rule.',
    }),
    rule('insufficient-permissions', 0.7, sentinelKind('Authority'), {
      blocks: true, why: 'a Sentinel authority rule refused the caller\'s origin (the app name or IP the RequestOriginParser reads) by its white or black list',
      fix: 'Send the origin the rule allows (the header your origin parser reads), or have the owner add it to the authority rule\'s white list.',
    }),
    rule('ip-or-geo-blocked', 0.45, sentinelKind('Authority')),
  ],
  checklist: { gateway: 'Check the Sentinel dashboard\'s flow, degrade and authority rules for this resource or route.' },
});

/** Gateways and app platforms, continued (the first file is full). */
export const GATEWAY_PLATFORM_PRODUCERS_2: Producer[] = [drupalJsonapi, payloadCms, unkeyApi, zuplo, googleCloudRun, keystonejs, openPolicyAgent, alibabaSentinel];
