import { all, any, body, hdr, not } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * IBM API Connect (its DataPower API Gateway): gateway refusals in `{"httpCode":"401","httpMessage":"Unauthorized",
 * "moreInformation":"…"}` — the httpMessage + moreInformation pair is its own (IBM docs, APAR IT38371; banks and
 * Royal Mail behind it relay it, sometimes as HTTP 200 from an ESB). Sources: ibm.com/support/pages/apar/IT38371,
 * a417366/HTMLcodes.github.io (the gateway's error table), uniquejava/blog#179.
 */
const APIC_ENVELOPE = /["']httpMessage["']\s*:\s*["'][\w .-]{1,40}["']\s*,\s*["']moreInformation["']\s*:/;
const apicMore = (s: string) => new RegExp(`["']moreInformation["']\\s*:\\s*["']\\s*(${s})`);
const apicCode = (codes: string) => new RegExp(`["']httpCode["']\\s*:\\s*["']?(${codes})\\b`);

const ibmApiConnect = defineProducer({
  id: 'ibm-api-connect', kind: 'gateway', name: 'IBM API Connect (DataPower API Gateway)', family: 'ibm-apic',
  own: [body(APIC_ENVELOPE)],
  presence: [hdr('x-global-transaction-id')],
  causes: [
    rule('invalid-credentials', 0.93, all(body(APIC_ENVELOPE), body(apicMore('Invalid client id or secret|Client id not registered|Client id not valid|Invalid client id'))), {
      blocks: true, why: 'the API Connect gateway does not know the client id (X-IBM-Client-Id) or its secret: mistyped, an app of another catalog or environment (sandbox vs production), or an app not subscribed to a plan of this API',
      fix: 'Send the client id (and secret, if the API asks for one) of an app registered in this catalog\'s Developer Portal and subscribed to a plan that includes this API.',
    }),
    rule('invalid-credentials', 0.88, all(body(APIC_ENVELOPE), body(apicMore('APIsecurity action found multiple references to the client ID'))), {
      blocks: true, why: 'API Connect found the client id in more than one place (header, query and body) and refuses the request as ambiguous (APAR IT38371)',
      fix: 'Send the client id in one place only (usually X-IBM-Client-Id); rename any client_id field of the body meant for the backend.',
    }),
    rule('missing-credentials', 0.8, all(body(APIC_ENVELOPE), body(apicMore('This server could not verify that you are authorized to access the URL'))), {
      blocks: true, why: 'the API Connect gateway could not authenticate the call: the OAuth token or basic-auth credentials the API\'s security definition requires are missing (or not accepted)',
      fix: 'Send what the API\'s security section requires besides the client id: a Bearer token from its OAuth provider, or user credentials for basic auth.',
    }),
    rule('invalid-credentials', 0.6, all(body(APIC_ENVELOPE), body(apicMore('This server could not verify that you are authorized to access the URL')))),
    rule('rate-limited', 0.92, all(body(APIC_ENVELOPE), any(body(apicCode('429')), body(apicMore('(Assembly )?Rate Limit exceeded')))), {
      blocks: true, why: 'a rate limit of the API Connect plan (or an assembly rate-limit policy) was exceeded for this app',
      fix: 'Back off and retry after the window (X-RateLimit-Reset), or subscribe the app to a plan with a higher limit.',
    }),
    rule('insufficient-permissions', 0.7, all(body(APIC_ENVELOPE), body(apicCode('403'))), {
      blocks: true, why: 'API Connect refused this app: it is not active, its subscription to the plan is not approved, or the OAuth scope does not cover this operation',
      fix: 'Check in the Developer Portal that the app is active and subscribed (and approved) to a plan with this operation, and that the token carries the scope it needs.',
    }),
    rule('invalid-credentials', 0.55, all(body(APIC_ENVELOPE), body(apicCode('401'))), { blocks: true, why: 'the API Connect gateway refused the app\'s credentials (client id, secret or token)' }),
  ],
  checklist: { auth: 'Check the X-IBM-Client-Id (and secret) belong to an app subscribed to this API\'s plan in this catalog.', gateway: 'Ask the API provider for the gateway log line (global transaction id in X-Global-Transaction-ID).' },
});

/**
 * Broadcom (CA) Layer7 API Gateway: a failed policy answers a SOAP fault "Policy Falsified" with
 * `<l7:policyResult status="…" xmlns:l7="http://www.layer7tech.com/ws/policy/fault"/>` and, when enabled, an
 * L7-Policy-URL header (Broadcom KB 42917). Sources: knowledge.broadcom.com article 42917,
 * tenglongroy/transport-nsw-assessment-calendar (Transport for NSW's API behind it).
 */
const L7_NS = /layer7tech\.com\/ws\/policy\/fault/;
const L7_FALSIFIED = /<faultstring>\s*Policy Falsified\s*<\/faultstring>/;
const l7Status = (s: string) => new RegExp(`policyResult\\s[^>]{0,120}status=\\\\?["'](${s})\\\\?["']`);

const layer7Gateway = defineProducer({
  id: 'layer7-api-gateway', kind: 'gateway', name: 'Broadcom Layer7 API Gateway', family: 'layer7',
  own: [body(L7_NS), hdr('l7-policy-url')],
  bodyOnly: [all(body(L7_FALSIFIED), body(/<faultactor>/))],
  causes: [
    rule('missing-credentials', 0.85, body(l7Status('Authentication Required')), {
      blocks: true, why: 'the Layer7 service policy requires credentials (API key, Basic auth, token or client certificate) and none were found in the request',
      fix: 'Send the credential the API\'s policy expects (its documentation says where: a header such as Authorization: apikey …, a query parameter, or a client certificate).',
    }),
    rule('invalid-credentials', 0.85, body(l7Status('Authentication Failed')), {
      blocks: true, why: 'the Layer7 gateway rejected the credentials it found (unknown key, wrong password or token)',
      fix: 'Check the key or token is valid for this API and environment, and sent in the form the policy expects.',
    }),
    rule('insufficient-permissions', 0.8, body(l7Status('Unauthorized|Access Denied')), {
      blocks: true, why: 'the Layer7 policy authenticated the caller but does not authorise it for this service',
      fix: 'Ask the API owner to grant the identity (or its group) access to this service.',
    }),
    // "Error in Assertion Processing" is the policy failing (a backend down, a script error), not a refusal
    rule('resource-policy-deny', 0.6, all(body(L7_FALSIFIED), not(body(l7Status('Error in Assertion Processing|Authentication Required|Authentication Failed|Unauthorized|Access Denied')))), {
      blocks: true, why: 'a Layer7 gateway policy assertion failed ("Policy Falsified"): the request broke one of the service policy\'s checks — most often its credential check (a missing or malformed API key header), else an IP, rate or schema rule',
      fix: 'Compare the request with the API\'s documentation (the key\'s header name and format, e.g. Authorization: apikey <key>, required headers, the method); the fault does not say which assertion failed — the gateway\'s audit log does.',
    }),
    rule('missing-credentials', 0.5, all(body(L7_FALSIFIED), not(body(l7Status('Error in Assertion Processing'))))),
    rule('invalid-credentials', 0.45, all(body(L7_FALSIFIED), not(body(l7Status('Error in Assertion Processing'))))),
  ],
  checklist: { gateway: 'Ask the API owner for the Layer7 audit record of the request: it names the assertion that failed.' },
});

/**
 * AWS AppSync: GraphQL answers `{"errors":[{"errorType":"UnauthorizedException","message":"…"}]}` for the API's auth
 * modes (API key, Cognito, OIDC, IAM, Lambda), and "Not Authorized to access X on type Y" from @auth rules, relayed by
 * Amplify's clients. Sources: aws-amplify/amplify-js#4373, aws-amplify/amplify-js#2645,
 * aws-amplify/amplify-android#2124.
 */
const APPSYNC_TYPE = /["']errorType["']\s*:\s*["'](UnauthorizedException|Unauthorized)["']/;
const APPSYNC_FIELD = /\bNot Authorized to access \w+ on type \w+/;
const APPSYNC_MISSING = /Valid authorization header not provided|UnauthorizedException: Missing authorization|No current user/;
const APPSYNC_BAD_TOKEN = /Unable to parse JWT token|Token has expired|The security token included in the request is (invalid|expired)|Invalid API key|API key has expired/;

const awsAppsync = defineProducer({
  id: 'aws-appsync', kind: 'gateway', name: 'AWS AppSync', family: 'aws', overrides: ['aws-api-gateway', 'aws-services'],
  own: [all(body(APPSYNC_TYPE), body(/["']errors["']/)), body(/\bappsync-api\.[a-z0-9-]+\.amazonaws\.com\b/), body(/\bAppSync(GraphQLOperation| GraphQL)\b|\bsync query to AppSync\b/)],
  bodyOnly: [body(APPSYNC_FIELD)],
  causes: [
    rule('missing-credentials', 0.88, any(all(body(APPSYNC_TYPE), body(APPSYNC_MISSING)), body(/UnauthorizedException: Missing authorization/)), {
      blocks: true, why: 'AppSync found no credential for the API\'s auth mode: no Authorization header (Cognito/OIDC/Lambda), no x-api-key, or a client configured for another auth mode than the API\'s default',
      fix: 'Send the credential of the API\'s auth mode (the Cognito ID/access token as Authorization, or x-api-key), or pass authMode/authorizationType on the call to match an additional mode the API enables.',
    }),
    rule('invalid-credentials', 0.88, all(body(APPSYNC_TYPE), body(APPSYNC_BAD_TOKEN)), {
      blocks: true, why: 'AppSync rejected the credential: the JWT cannot be parsed (not a JWT, or the "Bearer " prefix sent), has expired, or the API key or IAM token is invalid or expired',
      fix: 'Send the raw Cognito/OIDC token (no prefix) and refresh it before it expires; rotate an expired API key in the AppSync console.',
    }),
    rule('insufficient-permissions', 0.88, any(body(APPSYNC_FIELD), all(body(APPSYNC_TYPE), body(/You are not authorized to make this call/))), {
      blocks: true, why: 'AppSync authenticated the caller but the schema\'s authorization rules (@auth / @aws_cognito_user_pools / owner or group rules, or the IAM policy) do not allow this field or type for it; GraphQL often sends it with HTTP 200',
      fix: 'Add an @auth rule (or directive) that lets this auth mode/group/owner access the type and field, or call with the auth mode the rule allows (authMode on the client); for IAM, allow appsync:GraphQL on the API\'s ARN.',
    }),
    rule('invalid-credentials', 0.55, body(APPSYNC_TYPE), { blocks: true, why: 'AppSync refused the request\'s credential (UnauthorizedException)' }),
  ],
  checklist: { auth: 'Check the API\'s default and additional auth modes in the AppSync console and the mode the client uses.' },
});

/**
 * Parse Server: `{"code":119,"error":"Permission denied for action find on class X."}` (class-level permissions),
 * `{"code":209,"error":"Invalid session token"}`, "unauthorized: master key is required"; its SDKs print them as
 * ParseError / ParseException with the same code. Sources: parse-community/parse-server#6295,
 * parse-community/parse-dashboard#2349, parse-community/parse-server#1822, parse-community/Parse-SDK-JS#1995.
 */
const PARSE_CLP = /\bPermission denied for action \w+ on class \w+|This user is not allowed to access non-existent class: \w+/;
const PARSE_119 = /["']?code["']?\s*[:=]\s*119\b[^}]{0,40}["']?(error|message)["']?\s*[:=]\s*["']Permission denied|\b(ParseError|ParseException)\b:?\s{0,3}119\b|Permission denied for this action\.?\s{0,3}\(Code: 119\)/;
const PARSE_SESSION = /["']?code["']?\s*[:=]\s*209\b[^}]{0,40}Invalid session token|\bParseError\b:?\s{0,3}209\b/;
const PARSE_MASTER = /unauthorized: master key is required/;

const parseServer = defineProducer({
  id: 'parse-server', kind: 'framework', name: 'Parse Server', family: 'parse',
  own: [body(PARSE_CLP), body(PARSE_119), body(PARSE_SESSION), body(PARSE_MASTER), body(/\bparse-server\/lib\/(middlewares|Controllers\/SchemaController|RestWrite|rest)\.js\b/)],
  presence: [hdr('x-parse-server-version'), hdr('access-control-allow-headers', /X-Parse-Application-Id/i)],
  causes: [
    rule('insufficient-permissions', 0.9, any(body(PARSE_CLP), body(PARSE_119)), {
      blocks: true, why: 'Parse Server refused the operation (error 119): the class-level permissions (or the object\'s ACL) do not allow this action (find, count, get, create, update, delete, addField) for the current user or role — or the class does not exist and the user may not create it',
      fix: 'Open the class\'s Security (CLP) in Parse Dashboard and allow the action for the user, role or public; from Cloud Code pass useMasterKey: true or the user\'s sessionToken.',
    }),
    rule('invalid-credentials', 0.9, body(PARSE_SESSION), {
      blocks: true, why: 'Parse Server does not know the session token (error 209): the user logged out elsewhere, the session was deleted or expired, or the token belongs to another app',
      fix: 'Log the user in again (Parse.User.logOut() then logIn) and send the new X-Parse-Session-Token; handle 209 by clearing the cached user.',
    }),
    rule('missing-credentials', 0.75, body(PARSE_MASTER), {
      blocks: true, why: 'this Parse Server endpoint needs the master key, and the request did not bring one it accepts; since Parse Server 6 the master key is also only accepted from masterKeyIps (localhost by default), so a dashboard elsewhere gets the same refusal',
      fix: 'Send X-Parse-Master-Key with the server\'s master key, and add the caller\'s IP to masterKeyIps (e.g. the dashboard host) in the server options.',
    }),
    rule('ip-or-geo-blocked', 0.5, body(PARSE_MASTER), { why: 'Parse Server 6+ accepts the master key only from masterKeyIps: a correct key from another host is refused the same way' }),
  ],
  checklist: { auth: 'Check the X-Parse-Application-Id, session token and (for admin routes) master key and masterKeyIps.', server: 'Check the class-level permissions and ACLs in Parse Dashboard.' },
});

/**
 * Ghost (Admin and Content API): `{"errors":[{"message":…,"context":…,"type":"NoPermissionError"|"UnauthorizedError"
 * |"BadRequestError",…,"code":"INVALID_JWT","id":…,"ghostErrorCode":…}]}`, and its server log's
 * "NoPermissionError: Authorization failed" (ghost-ignition / @tryghost/errors). Sources:
 * TryGhost/docker-library-ghost#210, TryGhost/Ghost#16313, TryGhost/Ghost#7723.
 */
const GHOST_ENVELOPE = all(body(/["'](type|errorType)["']\s*:\s*["'](NoPermissionError|UnauthorizedError|BadRequestError|NotFoundError|ValidationError|TooManyRequestsError)["']/), body(/["'](ghostErrorCode|context)["']\s*:/));
const GHOST_MARKS = /\bNoPermissionError: Authorization failed\b|\bghost-ignition\/lib\/errors\b|@tryghost\/errors\b|Unable to determine the authenticated user or integration/;
const GHOST_TYPE = (t: string) => body(new RegExp(`["'](type|errorType)["']\\s*:\\s*["']${t}["']|\\b${t}: `));

const ghostApi = defineProducer({
  id: 'ghost-api', kind: 'framework', name: 'Ghost Admin/Content API', family: 'ghost',
  own: [GHOST_ENVELOPE, body(GHOST_MARKS)],
  presence: [hdr('x-ghost-cache-status'), hdr('content-version', /^v\d/)],
  causes: [
    rule('missing-credentials', 0.88, body(/Unable to determine the authenticated user or integration/), {
      blocks: true, why: 'Ghost found no identity on an Admin API call: no Admin API token (Authorization: Ghost <JWT>) and no session cookie (a proxy or another origin dropped the cookie)',
      fix: 'Sign a short-lived JWT with the integration\'s Admin API key (id:secret, secret hex-decoded, aud /admin/) and send it as Authorization: Ghost <token>; for session auth, pass the cookie and Origin through the proxy.',
    }),
    rule('invalid-credentials', 0.9, any(body(/["']code["']\s*:\s*["'](INVALID_JWT|UNKNOWN_ADMIN_API_KEY|INVALID_AUTH_HEADER|INVALID_API_KEY_TYPE)["']/), all(GHOST_ENVELOPE, body(/["']message["']\s*:\s*["'](Invalid token|Unknown Admin API Key|Unknown Content API Key)/))), {
      blocks: true, why: 'Ghost rejected the API key or token: a JWT not signed with the hex-decoded secret, expired (5 minutes at most), with the wrong aud, or a Content API key sent to the Admin API (or the reverse)',
      fix: 'Split the Admin API key at the colon (kid = id, secret = hex-decode the rest), sign HS256 with iat now and exp ≤ 5 min, aud "/admin/", and send it as "Authorization: Ghost <token>".',
    }),
    rule('insufficient-permissions', 0.85, all(GHOST_TYPE('NoPermissionError'), body(/You do not have permission|Permission error|not allowed|Authorization failed/), not(body(/Unable to determine the authenticated user/))), {
      blocks: true, why: 'Ghost refused the action for this staff role or integration (NoPermissionError): contributors, authors and editors may not use every Admin API endpoint',
      fix: 'Use a staff user with the needed role (Administrator for settings, members and invites) or an Admin API integration key.',
    }),
  ],
  checklist: { auth: 'Check the Authorization: Ghost <JWT> header built from the integration\'s Admin API key, or the session cookie.' },
});

/**
 * Sanity (api.sanity.io / apicdn): `{"error":"Unauthorized","message":"Session not found","statusCode":401,
 * "errorCode":"SIO-401-ANF"}`, relayed by @sanity/client as "ClientError: Unauthorized - Session not found" with the
 * project host. Sources: sanity-io/squizzy#20, adrianhajdin/ecommerce_sanity_stripe#110,
 * SimeonGriggs/sanity-react-router-template#86.
 */
const SANITY_CODE = /\bSIO-\d{3}-[A-Z]{2,6}\b/;
const SANITY_HOST = /\b[a-z0-9]{8}\.api(cdn)?\.sanity\.io\b|@sanity\/client\b/;
const SANITY_SESSION = /Session not found|Session does not match project host/;

const sanityApi = defineProducer({
  id: 'sanity-api', kind: 'saas-api', name: 'Sanity Content Lake API', family: 'sanity',
  own: [body(SANITY_CODE), all(body(SANITY_HOST), body(/\b(Unauthorized|Forbidden) - /))],
  bodyOnly: [body(/Session does not match project host/), all(body(/Unauthorized - Session not found/), body(/\bClientError\b/))],
  causes: [
    rule('invalid-credentials', 0.9, body(SANITY_SESSION), {
      blocks: true, why: 'Sanity does not accept the token: it was deleted or revoked ("Session not found"), or it belongs to another project than the projectId the client calls ("Session does not match project host")',
      fix: 'Create an API token under the project\'s API settings (sanity.io/manage) for this projectId and set it as the client\'s token (SANITY_API_TOKEN); check the env var is set where the code runs.',
    }),
  ],
  checklist: { auth: 'Check the token is the project\'s (projectId) and still listed under API → Tokens in sanity.io/manage.' },
});

/** API gateways, service meshes, policy engines, app platforms and backends-as-a-service (filled by family). */
export const GATEWAY_PLATFORM_PRODUCERS: Producer[] = [ibmApiConnect, layer7Gateway, awsAppsync, parseServer, ghostApi, sanityApi];
