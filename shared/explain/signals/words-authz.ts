import { anchored, anchorOf } from '../anchors';
import type { Matcher } from '../match';
import { all, any, body, when } from '../match';
import { isRefusalStatus } from '../refusal';
import { rule } from '../rule';
import type { CauseRule, Ctx, WeightedEvidence } from '../types';
import { shortBody, shortBodyWords } from './short-body';
import { ENVELOPE_MAX_FIELDS, jsonRoot } from './json-values';

const w = shortBodyWords;
/** Prose read only outside HTML pages: a CDN's, WAF's or proxy's block page is titled "Access Denied" too. */
const notPage = (ctx: Ctx): boolean => shortBody(ctx) && !ctx.isHtml;
const prose = (re: RegExp): Matcher => when(notPage, body(re));

/** An API key restricted to a referrer, IP, app or API: the key's own policy refuses this caller (Google's API_KEY_*_BLOCKED family). */
const KEY_RESTRICTION = /api_key_(http_referrer|ip_address|android_app|ios_app|service)_blocked|iprefererblocked|requests (from|to) (this )?(referr?er|api|app|android|ios|ip|client)\b[^\n"]{0,160}? are blocked|not authori[sz]ed to use this api key|api key not valid for this (referr?er|ip|app|application)|(referr?er|ip address|application|app|api) restrictions? (on|of|for) (this|the|your) (api )?key|remove the (referr?er|ip|app|application|api) restrictions?/i;
const PERMISSION = /\b(permission[s]?|privileges?)\b[^.\n"<]{0,40}(denied|required|missing|insufficient|not granted)|(do|does|did) not have (the )?(required |necessary |sufficient )?(access|permissions?|privileges?|rights?|role)|not authori[sz]ed to (access|perform|use|view|call|invoke)|insufficient (privileges|permissions|scopes?|rights|access)|(missing|required) (scope|role|permission)s?\b|access (is )?denied for (user|role|principal)|is not authori[sz]ed to perform|not allowed to (access|perform|use|view)|requires? (the )?[\w:.\- ]{0,30}(scope|role|permission)\b|lacks? (the )?(required )?(role|permission|privilege|scope|right)s?\b|not enough (scopes?|permissions?|privileges?)\b|\bneeds? the following (scopes?|permissions?|roles?)\b|\binsufficient[_ ]([a-z]+[_ ])?(roles?|permission)\b|\bmissing (one or more |the required )?(roles?|permissions?)\b|\bmissing '[\w:.-]{1,30}' (permission|role)\b/i;
const POLICY = /explicit deny|resource[- ]based policy|bucket policy|(referr?er|app|application|api) (restriction|is not allowed|not authori[sz]ed)|requests from (this )?(referr?er|app|android|ios|client application)[^.\n"<]{0,30}(are )?blocked|organi[sz]ation policy|service control policy|conditional access|referr?er( host)?( in the request( header)?)? (is )?not allowed|\borigin (is )?not allowed|invalid origin\b/i;
const DIRECTORY = /directory (listing|index|browsing)[^.\n"<]{0,40}(forbidden|denied|not allowed|disabled)|not configured to list the contents of this directory|(cannot|can't|unable to) (read|open|access) (the )?file|file permissions?/i;
const METHOD_PATH = /method not allowed|(route|path|endpoint|resource path)\b[^.\n"<]{0,20}(is )?(not allowed|blocked|forbidden|not permitted)|(http )?method[^.\n"<]{0,20}(is )?not (allowed|permitted|supported)|path traversal|directory traversal/i;

// ---- insufficient-permissions: the caller is known, its grants do not cover this action ----

/**
 * Error-code tokens of a refused permission, as cloud and API layers spell them in code fields, XML
 * <Code> and SDK exception names: AccessDenied / AccessDeniedException (aws-s3, minio, tencent-cos,
 * ceph-rgw, aws-services' AccessDeniedException), accessDenied / ErrorAccessDenied (microsoft-graph),
 * PERMISSION_DENIED / PermissionDenied (google-apis' gRPC status, zitadel's gRPC code), ACCESS_DENIED
 * (clickhouse), security_exception (elasticsearch).
 */
const DENIED_CODE = /\baccess_?denied(exception)?\b|\berroraccessdenied\b|\bpermission_?denied(exception)?\b|\bsecurity_exception\b/i;
/** The same refusal in prose outside HTML pages: "Access Denied", "access is denied", "access to X is denied" (envoy/istio "RBAC: access denied", spring-security AccessDeniedException "Access is denied", aws-services SQS "Access to the resource … is denied", docker-registry "requested access to the resource is denied"). */
const DENIED_PROSE = /\baccess (is |was |has been )?denied\b|\baccess to (the |this )?(requested )?(resource|api|object|bucket|project|repository|data)\b[^\n"<]{0,120}? (is|was|has been) (denied|disallowed|forbidden)\b|\baccess forbidden\b|\bforbidden access\b/i;
/**
 * A subject named and an action it may not do: "is not authorized to perform/execute/operate/access",
 * "not permitted to deploy", "not allowed to push/create", "is unauthorized for user" (aws-services,
 * alibaba-cloud "User not authorized to operate on the specified resource", influxdb "not authorized to
 * execute statement", jfrog-artifactory "is not permitted to deploy", wordpress "not allowed to create
 * posts", gitlab-api "not allowed to push code", elasticsearch "is unauthorized for user", atlassian
 * "not permitted to use Confluence", pundit "not allowed to edit?").
 */
const NOT_ALLOWED_TO = /(\bnot |\bun|n't |n’t )(authori[sz]ed|permitted|allowed) to (access|perform|execute|operate|use|view|create|edit|delete|modify|update|read|write|push|deploy|publish|call|invoke|list|manage|show|run|change|see|make|do)\b|\bis unauthori[sz]ed for (user|role|principal|account|client)\b|\b(this )?action is unauthori[sz]ed\b|\bunauthori[sz]ed (action|operation)\b|\bunauthori[sz]ed to (access|perform|use|view)\b/i;
/**
 * A principal that has no grant for the verb (RBAC wording): kubernetes-apiserver / openshift
 * 'User "jane" cannot list resource "pods"', the kubelet's "Forbidden (user=x, verb=create, …)",
 * kong "You cannot consume this service", crates-io "you don't seem to be an owner".
 */
const CANNOT_VERB = /\b(user|serviceaccount|group|principal|client|caller|you)\b[^.\n<]{0,80}? (cannot|can ?not|can't) (get|list|watch|create|update|patch|delete|deletecollection|consume|access|impersonate|read|write|use)\b|\(user=[^,)\n]{1,80}, verb=\w{1,20}, resource=/i;
/**
 * "You (don't|do not) have (the) permission/access …", widened to contractions, "no", "any" and named
 * grants in between ("does not have storage.objects.get access", "does not have bigquery.jobs.create
 * permission", "does not have secrets set permission on key vault"): google-cloud-storage,
 * google-apis, azure-key-vault, directus, flask/werkzeug, azure-resource-manager "does not have
 * authorization to perform". The stock server page ("… to access /x on this server", "this
 * resource.", "the requested object/directory") is left to the server and edge rules.
 */
const DONT_HAVE = /\b(don'?t|do not|doesn'?t|does not|didn'?t|did not|don&#39;t|doesn&#39;t|have no|has no)( seem to)? have (the |any |an? )?([\w.:'"-]{1,60} ){0,3}(permissions?|privileges?|access|authori[sz]ation|rights?|grants?|roles?)\b(?! to access (\S{1,200} on this server|this resource\.|the requested (object|directory)))|\bno (matching )?(permissions?|privileges?|rights?) (to|for|found)\b|\bhave no right to\b/i;
/**
 * A named permission refused or required: "Permission 'x.y' denied on resource", "Required 'x.y'
 * permission for", "Missing IAM permission: x.y", "You need the Git 'GenericContribute' permission",
 * "You'll need additional permissions", "Permissions needed: users:read" (google-apis,
 * google-artifact-registry, azure-devops, grafana, zitadel "No matching permissions found").
 */
const NAMED_PERMISSION = /\bpermission to [\w.:\/-]{1,100} denied\b|\bpermission [`'"]?[\w.:\/-]{2,80}[`'"]? (denied|is required|required)\b|\brequired [`'"][\w.:\/-]{2,80}[`'"] permission\b|\bmissing (the )?(iam )?permissions?:? [`'"]?[\w.:-]{2,80}|\b(need|needs|requires?) (the |additional |extra |more )?([\w'":.-]{1,60} ){0,3}(permissions?|privileges?)( to| for|\.)|\bpermissions? needed\b|\brequires? (admin|administrator|owner|write|read)( privi\w{3,6}| rights?| access| role)\b|\bmust (have|be an?) (admin|administrator|owner|maintainer)\b|\bonly (admins?|administrators?|superusers?|owners?|maintainers?) (can|may|are allowed)\b|\badmin(istrator)? only\b/i;
/**
 * OAuth scope refusals: the token works but was not granted this scope: slack-api "missing_scope",
 * zoom-api "does not contain scopes", auth0 "has not been granted scopes", google-apis "insufficient
 * authentication scopes", feishu-lark-api "One of the following scopes is required", github-api
 * "without `workflow` scope", gitlab-api "insufficient_scope".
 */
const SCOPE = /\bmissing[_ ]scopes?\b|\binsufficient[_ ](authentication[_ ])?scopes?\b|\bdoes not contain (the )?(required )?scopes?\b|\b(has not been|not) granted (the )?(required )?scopes?\b|\bscopes? (is |are )?required\b|\bwithout [`'"]?[\w:.-]{1,40}[`'"]? scope\b|\b(token (provided )?does not match (the )?expected|does not match (the )?required) scopes?\b|\bscopes? (does|do) not match\b|\brequires? [^.\n"<]{0,40}\bscopes?\b/i;
/**
 * Resource access for integrations and tokens: github-api "Resource not accessible by integration /
 * personal access token", "Write access to repository not granted", discord-api "Missing Access",
 * huggingface-hub "Cannot access gated repo", okta / microsoft-entra-id "not assigned to (a role for)
 * the (client) application", PostgreSQL/supabase-postgrest "violates row-level security policy".
 */
const NOT_GRANTED = /\bresource not accessible by\b|\b(write|read|push|admin) access to (the )?[\w -]{0,30}\bnot granted\b|"missing access"|\bcannot access gated repo\b|\b(don'?t|do not) seem to be an owner\b|\byou are not an? (server |project |repository )?(owner|admin|administrator|maintainer)\b|\bnot assigned to (a role for )?the (client )?application\b|\bviolates row[- ]level security\b/i;

/**
 * The grant is named or its lack said outright: stronger than a generic "not authorized", enough to
 * outrank a 401's WWW-Authenticate guess (fastapi "Not enough permissions" with a Bearer scope
 * challenge, elevenlabs-api "missing the permission voices_read", google-apis "Missing IAM permission",
 * grafana "Permissions needed", clickhouse "Not enough privileges").
 */
const STRONG_PERMISSION = /\bnot enough (permissions|privileges)\b|\binsufficient (permissions|privileges)\b/i;
/**
 * Consent not given to an application (a grant only an admin or the user can give): microsoft-entra-id
 * AADSTS65001 "has not consented to use the application", "needs permission to access resources in
 * your organization that only an admin can grant", OpenID Connect's consent_required error (OIDC Core
 * 3.1.2.6; auth0, okta).
 */
const CONSENT = /\b(has|have) not consented\b|\bconsent_required\b|\bonly an? (admin|administrator) can grant\b|\b(admin|administrator) (consent|approval) (is )?required\b|\bneed(s)? (admin|administrator) (consent|approval)\b/i;
/**
 * A 404 that names a refused permission as one of its two causes (the resource is hidden from callers
 * without access): azure-devops TF401019 "does not exist or you do not have permissions for the
 * operation", oci-object-storage "does not exist in the namespace … or you are not authorized to access
 * it", oracle-oci NotAuthorizedOrNotFound "Authorization failed or requested resource not found".
 */
const NOT_FOUND_OR_DENIED = /\b(does not|doesn'?t) exist\b[^.\n"<]{0,80}\bor (you )?(are not authori[sz]ed|do not have (the )?(permissions?|access)|don'?t have (the )?(permissions?|access))\b|\bauthori[sz]ation failed or (the )?requested resource (was )?not found\b/i;

/** Strong permission wording that cannot be anything but a refusal, also on a 200/400/404/500 (SDK logs, RPC-style APIs). */
const PERMISSION_BLOCKS = /\bis not authori[sz]ed to perform\b|\bnot enough privileges\b|\binsufficient (\w+ )?(permissions|privileges)\b|\b(do|does) not have (the )?(required )?permissions? (to|for)\b|\bno permission to (access|perform|use|view)\b|\bnot authori[sz]ed to (access|execute|operate|perform)\b|\bnot allowed to (push|force push|create|edit|delete|show)\b|\bmissing_scope\b|\bdoes not contain scopes\b|\bnot assigned to (a role for )?the (client )?application\b|\bdon'?t seem to be an owner\b|\baccessdenied(exception)?\b|\b(has|have) not consented\b|\bconsent_required\b|\bonly an? (admin|administrator) can grant\b|\bauthori[sz]ation failed or (the )?requested resource (was )?not found\b|\bexist\b[^.\n"<]{0,80}\bor (you )?(are not authori[sz]ed|do not have (the )?(permissions?|access))\b/i;

// ---- resource-policy-deny: a policy on the resource, tenant or organisation refuses whoever asks ----

/**
 * A policy in force on the organisation, tenant, branch or image, named as the reason: azure
 * "disallowed by policy" / "blocked by Conditional Access policies", google-identity "restricted by
 * policies within your organization" / "restricted to users within its organization", github-api
 * "organization has enabled OAuth App access restrictions" / "organization forbids access via",
 * okta "Policy evaluation failed", harbor "due to configured policy", kubernetes "admission webhook
 * … denied the request", "violates PodSecurity".
 */
const ORG_POLICY = /\bdisallowed by (the )?polic(y|ies)\b|\bblocked by (the )?conditional access\b|\brestricted by (the )?polic(y|ies)\b|\brestricted to users within\b|\borgani[sz]ation (has enabled|forbids|restricts|requires)\b[^.\n"<]{0,60}\b(access|restrictions?|tokens?)\b|\bpolicy evaluation failed\b|\bdue to (the )?configured polic(y|ies)\b|\badmission webhook\b[^\n<]{0,80}\bdenied\b|\bviolates podsecurity\b|\bpolicy violation\b|\b(does ?n[o'’]t|do not|doesn't) comply with [^\n<]{0,60}?\bpolic(y|ies)\b/i;
/** Branch protection and repository rules refuse a push whoever pushes: github-api "GH006: Protected branch update failed" / "GH013: Repository rule violations", gitlab-api "not allowed to push code to protected branches", azure-devops "Pushes to this branch are not allowed; you must use a pull request". */
/** An administrator's push that bypassed the rules succeeded: GitHub still lists the rules it bypassed (mng-g/gcp-devops-project#4, google/zerocopy#186). */
const BYPASSED = /\bbypassed (rule violations|branch protections?|protected branch)\b/i;
const BRANCH_POLICY = /\bprotected branch(es)?\b|\brepository rule violations\b|\bchanges must be made through a pull request\b|\bpushes to this branch (are not allowed|aren'?t permitted)\b|\bmust use a pull request to update\b/i;

/**
 * A sign-in policy that demands more than the credential: multi-factor or strong authentication, a
 * managed device (microsoft-entra-id AADSTS50076/50079 "must use multi-factor authentication",
 * AADSTS50074 "Strong Authentication is required", AADSTS530003 "Your device is required to be
 * managed"; auth0 "mfa_required: Multifactor authentication required"). The credential was right;
 * the tenant's policy wants more. A JSON key named mfa_required (a settings object) is not it.
 */
const STEP_UP_POLICY = /\bmfa_required\b(?!["']?\s*[:=])|\bmulti-?factor authentication (is )?required\b|\b(must|required to) (use|enroll in|register for) multi-?factor authentication\b|\bstrong authentication is required\b|\bdevice (is required to|must) be managed\b|\brequires the device\b[^.\n"<]{0,40}\bto be managed\b/i;
/**
 * An account-wide switch that turns a kind of access off whoever calls: azure-cosmos-db "Local
 * Authorization is disabled. Use an AAD token", azure-blob-storage "Public access is not permitted on
 * this storage account" / "Key based authentication is not permitted on this storage account".
 */
const ACCESS_SWITCHED_OFF = /\b(local authori[sz]ation|public access|anonymous access|key[- ]based authentication|shared key (access|authori[sz]ation))\b is (disabled|not permitted|not allowed)\b/i;

// ---- directory-listing-or-filesystem ----

/** A web server that refuses to list a directory or cannot read a file: apache-httpd "no index document or the directory is read-protected", "unable to read htaccess file", iis "configured to not list the contents of this directory", iis 401.3 "because of the access control list (ACL) configuration". */
const DIR_SERVER = /\bno index document\b|\bdirectory is read-protected\b|\brequested object\.\s{1,10}it is either read-protected\b|\bunable to read (the )?\.?htaccess\b|\bconfigured to not list the contents\b|\bdirectory browsing is not enabled\b|\bbecause of the access control list \(acl\) configuration\b|\bdirectory listing (is )?(not allowed|denied|forbidden|disabled)\b/i;

// ---- method-or-path-blocked ----

/** The request's method, host or endpoint is wrong for this layer: cloudfront "not configured to allow the HTTP request method", aws-s3 / alibaba-oss "must be addressed using the specified endpoint", rails "Blocked hosts" / django "Invalid HTTP_HOST header", cloudflare "Direct IP access not allowed". */
const METHOD_HOST = /\bnot configured to allow the http (request )?method\b|\bmust be addressed using the specified endpoint\b|\bblocked hosts?:|\binvalid http_host header\b|\bdirect ip access not allowed\b|\bthis host is not allowed\b/i;

/**
 * Guards. An anonymous caller is not a known one whose grants fall short (kubernetes "system:anonymous",
 * google-cloud-storage "Anonymous caller"): the authn words speak for it. A stock server page ("You
 * don't have permission to access /x on this server", apache-httpd and akamai alike) names no grant.
 * An edge block page that happens to say "Access denied" carries a reference, ray id, firewall or
 * proxy words of its own (cloudflare, sucuri, squid, symantec-bluecoat): the edge rules read it.
 */
const ANONYMOUS = /\banonymous\b|\bunregistered callers?\b/i;
const STOCK_PAGE = /permission to access (\S{1,200}\s{1,5}on this server|this resource\.|the requested (object|directory))|\bresource on (the|this) server is denied\b/i;
const EDGE_HINT = /\bray id\b|\breference #|\bfirewall\b|\bblock(ed)? (reason|id)\b|\bbanned\b|\bowner of this website\b|\btrying to retrieve the url\b|\baccess control configuration\b|\bpolicy_denied\b|\bsecurity service\b|\bclient ip\b|\byour ip\b/i;
/**
 * Access to an AI model is an entitlement of the account (model access not enabled, not purchased),
 * not a grant of the caller: aws-services Bedrock "You don't have access to the model with the
 * specified model ID", alibaba-model-studio "Access to model denied. Please make sure you are
 * eligible for using the model". The plan words read it.
 */
const MODEL_ACCESS = /\b(have|has) (no )?access to (the |this )?model\b|\baccess to (the |this )?model (is )?denied\b/i;
/** `m`, kept only when `keep` holds too (checked after `m` matched: most bodies never get that far). */
function keepIf(m: Matcher, keep: (ctx: Ctx) => boolean): Matcher {
  return anchored<Matcher>((ctx) => {
    const ev = m(ctx);
    return ev && keep(ctx) ? ev : null;
  }, anchorOf(m));
}
const unless = (re: RegExp, m: Matcher): Matcher => keepIf(m, (ctx) => !re.test(ctx.body));
const known = (m: Matcher): Matcher => unless(ANONYMOUS, unless(STOCK_PAGE, unless(MODEL_ACCESS, m)));
/** Top-level keys of a JSON error envelope (error, errors, error_code, errcode, error_response, fault, exception). */
const ERROR_KEY = /^(error|errors|error_?code|error_?msg|error_?message|error_?description|errcode|errmsg|error_?response|fault|exception)$/i;
const FAILED_STATUS = /^(error|fail(ure|ed)?|denied|forbidden|unauthori[sz]ed)$/i;
/**
 * May these words mark a success status as a refusal? A 2xx JSON document must be an error envelope:
 * a list of issues titled "Not authorized to perform sts:AssumeRoleWithWebIdentity" or of events that
 * report a past denial is data, not this request refused. Text (an SDK's log line, git's push output)
 * and error statuses qualify as they are.
 */
function refusalShaped(ctx: Ctx): boolean {
  if (ctx.status >= 300 || !ctx.isJson) return true;
  const root = jsonRoot(ctx.json);
  if (!root) return false;
  if (root.ok === false || root.success === false) return true;
  if (typeof root.status === 'string' && FAILED_STATUS.test(root.status)) return true;
  const keys = Object.keys(root);
  return keys.length <= ENVELOPE_MAX_FIELDS && keys.some((k) => ERROR_KEY.test(k));
}
/** A blocking word rule: short body, and a success status only as an error envelope or text. */
const wb = (re: RegExp): Matcher => keepIf(w(re), refusalShaped);
/** Only where the status itself is not a refusal (a 200/400/404/500 that still says "permission denied"): on a 401/403 the word rules above already speak. */
const offStatus = (m: Matcher): Matcher => when((ctx) => !isRefusalStatus(ctx.status), m);

/** `m` evaluated once per response: the families below are read again as exceptions of one another. */
function memo(m: Matcher): Matcher {
  const seen = new WeakMap<Ctx, WeightedEvidence[] | null>();
  return anchored<Matcher>((ctx) => {
    if (seen.has(ctx)) return seen.get(ctx) ?? null;
    const ev = m(ctx);
    seen.set(ctx, ev);
    return ev;
  }, anchorOf(m));
}
/** `m` unless `first` matched: one hit for one sentence read by overlapping families (they are not independent evidence). */
const exceptIf = (first: Matcher, m: Matcher): Matcher => keepIf(m, (ctx) => first(ctx) === null);
/** "This request is not authorized to perform this operation" names the request, not a principal: a network rule (a storage firewall) says it. */
const REQUEST_NOT_AUTHORIZED = /\brequest is not authori[sz]ed to perform this operation(?! using this permission)/i;

const SCOPE_WORDS = memo(known(w(SCOPE)));
// The claims, rights or privileges an operation needs, named as missing (a known caller without them): Azure
// Service Bus and Event Hubs' "Unauthorized access. 'Listen' claim(s) are required to perform this operation"
// (azure-service-bus/listen-*, served as 401) and "Manage,EntityRead claims required for this operation"
// (github.com/paolosalvatori/ServiceBusExplorer/issues/718), apps' "Administrator rights are required to perform
// this operation" / "Administrative privileges are required to perform this operation". Not "No permissions are required".
const REQUIRED_TO_OPERATE = /(?<!\bno )\b(?:claims?(?:\(s\))?|rights|privileges|permissions?|roles?) (?:are |is )?required (?:to perform|for) this (?:operation|action)\b/i;
// A federated identity refused by the role's trust policy: STS answers AssumeRoleWithWebIdentity / WithSAML
// with "Not authorized to perform sts:AssumeRoleWithWebIdentity" when the trust policy's principal or its
// aud/sub conditions do not admit the token (github.com/aws-actions/configure-aws-credentials/issues/318 and
// /511, github.com/external-secrets/kubernetes-external-secrets/issues/287, aws-sts/irsa-trust-policy-*):
// the role's resource policy, not the caller's permissions, must change.
const TRUST_POLICY = /\bnot authorized to perform:? sts:AssumeRoleWith(?:WebIdentity|SAML)\b/i;
// API Gateway's answer for a path or method no resource serves (a missing stage, a root without a route, a
// '#' in the path) is "Missing Authentication Token" (x-amzn-ErrorType MissingAuthenticationTokenException): it
// means "no such route" far more often than "no SigV4 signature" (aws-api-gateway/missing-authentication-token-*,
// github.com/brain-power/Brain-Power-Amazon-Fidgetology/issues/29, https://repost.aws/knowledge-center/api-gateway-authentication-token-errors);
// the missing-credential reading stays among the alternatives. Case-sensitive: its exact message.
const NO_ROUTE_TOKEN = /\bMissing Authentication Token\b|\bMissingAuthenticationTokenException\b/;
const STRONG_WORDS = memo(exceptIf(SCOPE_WORDS, known(any(w(NAMED_PERMISSION), w(STRONG_PERMISSION)))));
const EXPLICIT = any(SCOPE_WORDS, STRONG_WORDS);
const PERMISSION_WORDS = memo(exceptIf(EXPLICIT, known(unless(REQUEST_NOT_AUTHORIZED, any(w(PERMISSION), w(NOT_ALLOWED_TO), w(CANNOT_VERB), w(DONT_HAVE), w(NOT_GRANTED), w(CONSENT), w(NOT_FOUND_OR_DENIED))))));
const DENIED_WORDS = exceptIf(EXPLICIT, exceptIf(PERMISSION_WORDS, known(unless(EDGE_HINT, any(w(DENIED_CODE), prose(DENIED_PROSE))))));

/**
 * An application framework's stock authorization failure as its JSON error envelope, a 403 with no
 * reason beyond "Forbidden": Spring Security {"status":403,"error":"Forbidden","path":…}
 * (spring-security), NestJS guards {"message":"Forbidden resource","error":"Forbidden"} (nestjs), hapi
 * Boom {"statusCode":403,"error":"Forbidden"}, ASP.NET Core problem details {"title":"Forbidden",
 * "status":403} (aspnet-core), Strapi {"error":{"name":"ForbiddenError"}} (strapi), Grape
 * {"message":"403 Forbidden"} (gitlab-api). The framework answers for the application, which refused
 * an identified caller: weak evidence of a permission (an edge's or a gateway's bare {"message":
 * "Forbidden"} is not read).
 */
const FORBIDDEN_TEXT = /\bforbidden/i;
/** The servlet containers' stock 403 page, written when the application calls sendError(403): tomcat "HTTP Status 403 – Forbidden", jetty "HTTP ERROR 403 Forbidden", spring-security's Whitelabel page "(type=Forbidden, status=403)". */
const SERVLET_FORBIDDEN = /\bhttp status 403 [–-] forbidden\b|\bhttp error 403 forbidden\b|\(type=forbidden, status=403\)/i;
const FORBIDDEN_VALUE = /^forbidden$/i;
function record(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
function frameworkForbidden(ctx: Ctx): WeightedEvidence[] | null {
  if (ctx.status !== 403 || !ctx.isJson) return null;
  const root = record(ctx.json);
  if (!root) return null;
  const nested = record(root.error);
  const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const statusField = root.status === 403 || root.statusCode === 403 || root.status === '403' || nested?.status === 403;
  let value = '';
  if (FORBIDDEN_VALUE.test(str(root.error)) && (statusField || typeof root.path === 'string')) value = str(root.error);
  else if (FORBIDDEN_VALUE.test(str(root.title)) && (statusField || typeof root.type === 'string')) value = str(root.title);
  else if (/^forbidden resource$|^403 forbidden$/i.test(str(root.message))) value = str(root.message);
  else if (nested && str(nested.name) === 'ForbiddenError') value = 'ForbiddenError';
  return value && ctx.body.includes(value) ? [{ where: 'body', text: value, weight: 2 }] : null;
}

/** Authorization in words: the caller is known but a permission, a policy, a key restriction, a method or a path refuses it. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const AUTHZ_WORD_RULES: CauseRule[] = [
  rule('resource-policy-deny', 0.68, wb(KEY_RESTRICTION), { blocks: true, words: true, why: 'the body says the API key is restricted to other referrers, IP addresses, apps or APIs' }),
  // a missing scope outranks the "invalid token" said in the same breath (zoom-api "Invalid access token, does not contain scopes")
  rule('insufficient-permissions', 0.64, SCOPE_WORDS, { words: true, why: 'the body says the token lacks an OAuth scope this call needs: the token is valid but was not granted this scope' }),
  rule('insufficient-permissions', 0.62, w(REQUIRED_TO_OPERATE), { words: true, why: 'the body names the claims, rights or privileges this operation requires and the caller lacks: the credential is known but not entitled' }),
  rule('insufficient-permissions', 0.62, STRONG_WORDS, { words: true, why: 'the body names the permission or privilege the caller lacks' }),
  rule('insufficient-permissions', 0.52, PERMISSION_WORDS, { words: true, why: 'the body says the caller lacks a permission or role for this action' }),
  rule('insufficient-permissions', 0.47, DENIED_WORDS, { words: true, why: 'the body says access was denied (AccessDenied, PERMISSION_DENIED, "access is denied"): the caller was identified but is not allowed this action' }),
  // marks the refusal only (below 0.3 it corroborates nothing): the rules above name the cause
  rule('insufficient-permissions', 0.29, offStatus(known(wb(PERMISSION_BLOCKS))), { blocks: true, words: true, why: 'the body says the caller lacks a permission for this action, whatever the status' }),
  // above a bare 403's "other" (0.25), below every word rule; under 0.3 it corroborates no vendor's own rule
  rule('insufficient-permissions', 0.29, any(all(body(FORBIDDEN_TEXT), frameworkForbidden), w(SERVLET_FORBIDDEN)), { words: true, why: 'an application framework answered with its stock 403 envelope: the application refused this identified caller, most often for a missing role or permission' }),
  rule('resource-policy-deny', 0.68, w(TRUST_POLICY), { words: true, why: 'STS refused to let this federated token assume the role: the role\'s trust policy (its principal or its aud/sub conditions) does not admit it' }),
  rule('resource-policy-deny', 0.7, w(POLICY), { words: true, why: 'the body names a resource, key or organisation policy that denies the caller' }),
  rule('resource-policy-deny', 0.68, wb(ORG_POLICY), { blocks: true, words: true, why: 'the body names an organisation, tenant or admission policy that refuses the request' }),
  rule('resource-policy-deny', 0.7, unless(BYPASSED, wb(BRANCH_POLICY)), { blocks: true, words: true, why: 'the body says branch protection or a repository rule refused the push' }),
  rule('resource-policy-deny', 0.66, wb(STEP_UP_POLICY), { blocks: true, words: true, why: 'the body says a sign-in policy demands multi-factor authentication or a managed device: the credential is right, the tenant wants more' }),
  rule('resource-policy-deny', 0.66, wb(ACCESS_SWITCHED_OFF), { blocks: true, words: true, why: 'the body says this kind of access (local keys, public or anonymous access) is switched off for the whole account' }),
  rule('directory-listing-or-filesystem', 0.55, w(DIRECTORY), { words: true, why: 'the body says a directory listing or file read was refused' }),
  rule('directory-listing-or-filesystem', 0.64, w(DIR_SERVER), { words: true, why: 'the web server refused to list a directory or could not read a file (no index document, read-protected, file ACL)' }),
  rule('method-or-path-blocked', 0.6, w(NO_ROUTE_TOKEN), { words: true, why: 'API Gateway says "Missing Authentication Token" for a path or method no resource serves (a wrong stage or route): check the URL before the credentials' }),
  rule('method-or-path-blocked', 0.45, w(METHOD_PATH), { words: true, why: 'the body says this method or path is not allowed' }),
  rule('method-or-path-blocked', 0.66, w(METHOD_HOST), { words: true, why: 'the body says this method, host name or endpoint is not accepted here' }),
];
