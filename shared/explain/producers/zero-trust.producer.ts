import { all, any, body, hdr } from '../match';
import { onPage } from './page';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Google Cloud Identity-Aware Proxy: in front of App Engine, Cloud Run and load-balanced backends it answers
 * a request without a valid ID token itself, in one line of plain text "Invalid IAP credentials: <reason>"
 * (302 to the sign-in page for a browser, 401 for an API client or a POST) and marks its own answers with
 * `x-goog-iap-generated-response: true` (cloud.google.com/iap/docs/faq). Sources:
 * googleapis/google-auth-library-nodejs#792 (a JWT email claim), GoogleCloudPlatform/professional-services#603
 * (an aud claim for another OAuth client).
 */
const IAP_TEXT = /\bInvalid IAP credentials\b/;
const IAP_EMPTY = /\bInvalid IAP credentials: empty token\b/;

const googleIap = defineProducer({
  id: 'google-iap', kind: 'gateway', name: 'Google Cloud Identity-Aware Proxy', family: 'google-iap',
  own: [hdr('x-goog-iap-generated-response', /^true$/i), body(IAP_TEXT)],
  causes: [
    rule('missing-credentials', 0.93, body(IAP_EMPTY), {
      blocks: true, why: 'Identity-Aware Proxy received no ID token (no Authorization: Bearer header, no IAP cookie), so it refused before the app saw the request',
      fix: 'Send an OpenID Connect ID token whose audience is the IAP OAuth client ID (or the Cloud Run URL for IAP on Cloud Run) in Authorization: Bearer, e.g. from gcloud auth print-identity-token or a service account\'s ID token credentials.',
    }),
    rule('invalid-credentials', 0.9, all(body(IAP_TEXT), body(/\bInvalid IAP credentials: (?!empty token)[^\n]{3,200}/)), {
      blocks: true, why: 'Identity-Aware Proxy rejected the token it was sent: not a parseable JWT, a bad signature, an expired token, a claim it needs missing, or an audience (aud) of another OAuth client than the one protecting this app',
      fix: 'Mint an ID token (not an access token) for the audience IAP expects — the OAuth client ID of the IAP-secured resource (or an allow-listed programmatic client) — with the email claim included (include_email for service accounts).',
    }),
  ],
  checklist: { auth: 'Check the token IAP receives: an ID token, its audience (the IAP OAuth client ID), its email claim, and that the principal holds IAP-secured Web App User on the resource.' },
});

/**
 * Ory Kratos (and Keto): the herodot error envelope {"error":{"id","code","status","reason",
 * "message","details"}} with Kratos's error ids, its reasons (as its JSON and its logfmt logs print them:
 * "reason:No active session was found in this request. … service_name=Ory Kratos") and its docs links.
 * Sources: ory/kratos#2813 (admin API called with a browser cookie), ory/kratos#4043 (log line), ory/kratos#572.
 */
const ORY_ID = /"id"\s*:\s*"(security_csrf_violation|session_inactive|session_aal2_required|session_refresh_required|security_identity_mismatch|self_service_flow_expired|browser_location_change_required)"/;
const ORY_LOG = /\bservice_name=(Ory|ORY) (Kratos|Keto)\b/;
const ORY_CSRF = /\bThe request was rejected to protect you from Cross-Site-Request-Forgery\b|"id"\s*:\s*"security_csrf_violation"|\bory\.sh\/kratos\/docs\/debug\/csrf\b/i;
const ORY_NO_SESSION = /\bNo active session was found in this request\b|"id"\s*:\s*"session_inactive"/;

const ory = defineProducer({
  id: 'ory', kind: 'saas-api', role: 'identity-provider', name: 'Ory Kratos', family: 'ory',
  own: [body(ORY_ID), body(ORY_LOG)],
  bodyOnly: [body(/\bThe request was rejected to protect you from Cross-Site-Request-Forgery\b/i), body(/\bory\.sh\/kratos\/docs\//), body(/\bNo active session was found in this request\b/)],
  causes: [
    rule('csrf', 0.95, body(ORY_CSRF), {
      blocks: true, why: 'Ory Kratos rejected the request as a possible cross-site request forgery: a browser flow came without its csrf_token (form field or X-CSRF-Token) matching the anti-CSRF cookie — or a server call to an admin or API endpoint carried browser cookies, which makes Kratos treat it as a browser flow',
      fix: 'For browser flows submit the flow\'s csrf_token together with the csrf cookie from the same domain; for server-side or native calls use the api flows (/self-service/…/api) and send no Cookie header; call admin APIs on the admin port with a token, without cookies.',
    }),
    rule('missing-credentials', 0.88, body(ORY_NO_SESSION), {
      blocks: true, why: 'Ory Kratos found no active session in the request: no ory_kratos_session cookie (or a cookie for another domain) and no X-Session-Token, or the session has expired or been revoked',
      fix: 'Sign in again and send the session: the ory_kratos_session cookie on the same (sub)domain as Kratos (check cookies.domain and the base URLs), or X-Session-Token from an api login flow.',
    }),
  ],
  checklist: { auth: 'Check the session Ory receives (cookie domain, X-Session-Token), whether the call is a browser or api flow, and the error id in the JSON.' },
});

/**
 * Clerk (hosted auth): its Backend and Frontend APIs answer {"errors":[{"message","long_message","code"}],
 * "clerk_trace_id"}; its SDKs raise ClerkErrors / ClerkAPIResponseError with that body. Sources:
 * clerk/clerk-sdk-python#26 (secret key), clerk/clerk-nextjs-app-quickstart#4 (publishable key / host).
 */
const CLERK_ENVELOPE = /"long_message"\s*:\s*"[^"]{0,300}"\s*,\s*"(message|code)"|"code"\s*:\s*"[a-z_]{3,60}"\s*\}\s*\]\s*,\s*"clerk_trace_id"/;
const CLERK_KEY = /"code"\s*:\s*"clerk_key_invalid"|\bThe provided Clerk Secret Key is invalid\b/;
const CLERK_HOST = /"code"\s*:\s*"host_invalid"|\bunable to attribute this request to an instance running on Clerk\b/;

const clerk = defineProducer({
  id: 'clerk', kind: 'saas-api', role: 'identity-provider', name: 'Clerk', family: 'clerk',
  own: [body(/"clerk_trace_id"\s*:/), body(/\bclerk_backend_api\.models\.clerkerrors\.\w+|\bClerkAPIResponseError\b/)],
  bodyOnly: [all(body(CLERK_ENVELOPE), body(/\bClerk\b/)), body(CLERK_KEY), body(CLERK_HOST)],
  causes: [
    rule('invalid-credentials', 0.93, body(CLERK_KEY), {
      blocks: true, why: 'Clerk does not accept the secret key sent as the Bearer token: mistyped, rotated, from another instance (development vs production), or a session token or publishable key passed where the secret key belongs',
      fix: 'Use the instance\'s secret key (sk_test_… / sk_live_…) from the Clerk dashboard (API keys) as the SDK\'s secret key / bearer auth, from the same instance as the publishable key.',
    }),
    rule('invalid-credentials', 0.85, body(CLERK_HOST), {
      blocks: true, why: 'Clerk cannot tie the request to any of its instances: the publishable key (which encodes the Frontend API host) is wrong or from a deleted or other instance, or the request comes from a host that instance does not serve',
      fix: 'Set the publishable key (pk_test_… / pk_live_…) of the instance you use, matching its secret key, and check the domain configured for a production instance; clear stale __client cookies after switching instances.',
    }),
    rule('invalid-credentials', 0.8, body(/"code"\s*:\s*"(authentication_invalid|session_token_invalid)"/), {
      blocks: true, why: 'Clerk did not accept the session token: expired (they live a minute), signed by another instance, or not a Clerk token',
      fix: 'Send a fresh session token (getToken() right before the call) from the same instance the backend verifies against.',
    }),
  ],
  checklist: { auth: 'Check the Clerk keys in use: the secret and publishable keys of the same instance (development vs production), and the code in the errors array.' },
});

/**
 * Stytch (hosted auth): every error is {"status_code","request_id":"request-id-<test|live>-…","error_type",
 * "error_message","error_url":"https://stytch.com/docs/…/errors/<status>#<type>"} (its API reference, one page per
 * status). Sources: stytch.com/docs API reference error pages (401, consumer 403, B2B 403) and a method page's 429.
 */
const STYTCH_URL = /\bstytch\.com\/docs\/[\w./-]{0,60}errors\/\d{3}\b/;
const STYTCH_TYPE = (types: string): RegExp => new RegExp(`"error_type"\\s*:\\s*"(${types})"`);

const stytch = defineProducer({
  id: 'stytch', kind: 'saas-api', role: 'identity-provider', name: 'Stytch', family: 'stytch',
  own: [body(STYTCH_URL), body(/"request_id"\s*:\s*"request-id-(test|live)-[0-9a-f-]{8,40}"/)],
  bodyOnly: [body(/\bStytchError\b|\bstytch\.core\.response_base\.StytchError\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(STYTCH_TYPE('unauthorized_credentials(_error)?|unauthorized_credentials_homepage')), {
      blocks: true, why: 'Stytch does not accept the project ID and secret sent as Basic auth: mistyped, the secret was rotated, or a test project\'s credentials sent to the live environment (or the reverse)',
      fix: 'Send the project ID and a current secret from the Stytch dashboard (API keys) for the environment the client calls (test.stytch.com vs api.stytch.com).',
    }),
    rule('insufficient-permissions', 0.9, body(STYTCH_TYPE('\\w{0,30}session_authorization(_tenancy)?_error|endpoint_not_authorized_for_sdk')), {
      blocks: true, why: 'Stytch RBAC: the session\'s user or member holds no role that grants this action on the resource (or belongs to another organization), or the project has not enabled this endpoint for its frontend SDK',
      fix: 'Grant the user or member a role with the permission (Stytch dashboard → Roles & Permissions) or call as one who has it; enable the endpoint for the SDK under SDK configuration.',
    }),
    rule('account-or-plan-restriction', 0.9, body(STYTCH_TYPE('organization_suspended|project_suspended|\\w{0,30}_not_enabled_for_project')), {
      blocks: true, why: 'Stytch refuses the organization or project as a whole: it is suspended, or the feature is not enabled for it',
      fix: 'Contact Stytch support (support@stytch.com) about the suspension, or enable the feature for the project in the dashboard.',
    }),
    rule('waf-or-bot-block', 0.85, body(STYTCH_TYPE('captcha_required')), {
      blocks: true, why: 'Stytch\'s bot protection wants a CAPTCHA solved before this call (its Fraud & Risk settings for the project)',
      fix: 'Pass the CAPTCHA token the Stytch SDK collects with the request, or adjust the project\'s CAPTCHA settings.',
    }),
    rule('rate-limited', 0.93, body(STYTCH_TYPE('too_many_requests|rate_limit_exceeded')), {
      blocks: true, why: 'Stytch\'s rate limit for this endpoint (per project, per user or per IP) was exceeded',
      fix: 'Back off and retry later; avoid repeated sends to the same user (OTPs, magic links) and cache results.',
    }),
  ],
  checklist: { auth: 'Check the project ID and secret (and their environment), and read error_type and error_url in the JSON.' },
});

/**
 * Teleport (access plane for SSH, Kubernetes, databases, apps): its RBAC refusal "access denied to perform action
 * "<verb>" on "<kind>"" (trace.AccessDenied in its auth server, printed by tctl, tsh, the web UI and its API) and
 * its SSH login refusal "access denied to <login> connecting to <node>". Sources: gravitational/teleport#2132,
 * gravitational/teleport#4877 (RBAC verbs); gravitational/teleport#13523, gravitational/teleport#838 (logins).
 */
const TELEPORT_RBAC = /\baccess denied to perform action ["']?[a-z_]{2,30}["']? on ["']?[a-z_]{2,40}\b/;
const TELEPORT_LOGIN = /\baccess denied to (login )?["']?[\w.@<>-]{1,64}["']? (when )?connecting to\b/;

const teleport = defineProducer({
  id: 'teleport', kind: 'gateway', name: 'Teleport', family: 'teleport',
  bodyOnly: [body(TELEPORT_RBAC), body(TELEPORT_LOGIN)],
  causes: [
    rule('insufficient-permissions', 0.9, body(TELEPORT_RBAC), {
      blocks: true, why: 'Teleport\'s RBAC: none of your roles has a rule allowing this verb on this resource kind (or a deny rule matches), so the auth server refused the call',
      fix: 'Add the resource kind and verb to the rules of one of your roles (tctl edit role/<name>), or request a role that has it (tsh request create); a bot or service identity needs it in its own role.',
    }),
    rule('insufficient-permissions', 0.88, body(TELEPORT_LOGIN), {
      blocks: true, why: 'Teleport refused the session: the OS login you asked for is not among your roles\' logins, or the node\'s labels are not matched by your roles (or your certificate holds other principals)',
      fix: 'Connect as one of the logins listed by tsh status, or have a role grant that login and the node\'s labels (logins and node_labels); log in again (tsh login) after roles change.',
    }),
  ],
  checklist: { auth: 'Run tsh status to see your roles and logins, and check the role rules (tctl get roles) for the verb and resource kind or the node labels.' },
});

/**
 * Authelia (forward-auth portal in front of nginx, Traefik, Caddy): its API answers {"status":"KO","message":…}
 * and its logs carry its own messages and a stack of github.com/authelia/authelia/…/internal/… frames, which is
 * what users paste. Sources: authelia/authelia#1782 (wrong password at /api/firstfactor), authelia/authelia#9113
 * (Basic credentials refused by LDAP at /api/authz/forward-auth), authelia/authelia#10888 (an Authorization header
 * without a scheme).
 */
const AUTHELIA_STACK = /\bgithub\.com\/authelia\/authelia(\/v4)?\/internal\/[\w/]{1,60}\.go:\d+/;
const AUTHELIA_WRONG = /\bCredentials are wrong for user\b|\bUnsuccessful 1FA authentication attempt (made )?by user\b|"status"\s*:\s*"KO"\s*,\s*"message"\s*:\s*"Authentication failed\. Check your credentials\."/;
const AUTHELIA_HEADER = /\bfailed to parse content of (the )?(Proxy-)?Authorization header\b|\bfailed to validate (the )?(Proxy-)?Authorization header with \w+ scheme\b/;

const authelia = defineProducer({
  id: 'authelia', kind: 'gateway', role: 'identity-provider', name: 'Authelia', family: 'authelia',
  own: [body(AUTHELIA_STACK)],
  bodyOnly: [body(/"status"\s*:\s*"KO"\s*,\s*"message"\s*:\s*"Authentication failed\. Check your credentials\."/), body(/\bpath=\/api\/(firstfactor|secondfactor\/\w+|authz\/[\w-]{2,20}|verify)\b[^\n]{0,200}\bremote_ip=/)],
  causes: [
    rule('invalid-credentials', 0.9, body(AUTHELIA_WRONG), {
      blocks: true, why: 'Authelia checked the username and password against its user backend (users file or LDAP) and they do not match, so the first factor failed',
      fix: 'Check the username and password against the users database or LDAP directory Authelia uses (an LDAP bind error 49 means the password or the user DN is wrong); repeated failures get the user or IP banned by regulation for a while.',
    }),
    rule('invalid-credentials', 0.85, body(AUTHELIA_HEADER), {
      blocks: true, why: 'the request reached Authelia\'s authorization endpoint with an Authorization header it cannot use (no scheme, a scheme it does not accept, or Basic credentials its backend rejects), so it answered 401 instead of passing the request to the app',
      fix: 'Send Authorization with a scheme Authelia accepts (Basic user:password, or Bearer for its OAuth tokens), or stop the client or proxy forwarding its own Authorization header through the forward-auth check (let the app\'s API path bypass Authelia in access_control if it authenticates by itself).',
    }),
  ],
  checklist: { auth: 'Read Authelia\'s log for the request (path=/api/…): it names the user, the backend error and the rule that applied.' },
});

/**
 * Tailscale (control plane and its API): a node's login with an auth key the control server refuses ("invalid key:
 * API key <key> not valid" / "… does not exist", as tailscaled and tailscale status print it) and the API's refusal
 * of an auth key or device tagged beyond what the caller may own ("requested tags [tag:…] are invalid or not
 * permitted", HTTP 400, as the Terraform provider and the GitHub action print it). Sources: tailscale/tailscale#9715,
 * Fluent-networks/tailscale-mikrotik#20, tailscale/tailscale#17047 (keys); tailscale/tailscale#8299,
 * tailscale/terraform-provider-tailscale#437 (tags).
 */
const TS_KEY = /\binvalid key: API key (<?[\w-]{1,80}>? )?(not valid|does not exist)\b/;
const TS_TAGS = /\brequested tags \[tag:[^\]\n]{1,200}\] are invalid or not permitted\b/;

const tailscale = defineProducer({
  id: 'tailscale', kind: 'gateway', name: 'Tailscale', family: 'tailscale',
  bodyOnly: [body(TS_KEY), body(TS_TAGS)],
  causes: [
    rule('invalid-credentials', 0.9, body(TS_KEY), {
      blocks: true, why: 'Tailscale\'s control server does not accept the auth key the node logged in with: a one-off key already used, an expired or revoked key, or an OAuth client secret passed as an auth key without tags',
      fix: 'Generate a new auth key (reusable if several nodes or restarts use it) in the admin console (Settings → Keys) or through the API, or pass an OAuth client secret together with --advertise-tags; then run tailscale up --auth-key again.',
    }),
    rule('insufficient-permissions', 0.88, body(TS_TAGS), {
      blocks: true, why: 'Tailscale refused to create the auth key (or tag the device): the caller may not own these tags — they are missing from the tailnet policy\'s tagOwners for it, or an OAuth client asked for fewer or other tags than the ones it was granted',
      fix: 'Add the tags to tagOwners in the tailnet policy file (owned by the user or by the OAuth client\'s tags), and request exactly the tags the OAuth client holds (with the auth_keys scope).',
    }),
  ],
  checklist: { auth: 'Check the auth key in the admin console (used, expired, revoked) and the tags requested against tagOwners and the OAuth client\'s tags and scopes.' },
});

/**
 * Logto (hosted and self-hosted auth): its Management and account APIs answer {"message","code":"auth.…","data"}
 * with its own i18n sentences; auth.unauthorized reads "Unauthorized. Please check credentials and its scope." and
 * carries the JWT check that failed (ERR_JWT_CLAIM_VALIDATION_FAILED on aud or iss) in data. Sources:
 * logto-io/logto#5607 (an M2M token for another resource), logto-io/logto#7412 (Admin Console behind a proxy).
 */
const LOGTO_UNAUTHORIZED = /\bUnauthorized\. Please check credentials and its scope\./;

const logto = defineProducer({
  id: 'logto', kind: 'saas-api', role: 'identity-provider', name: 'Logto', family: 'logto',
  own: [all(body(/"code"\s*:\s*"auth\.[a-z_]{3,60}"/), body(LOGTO_UNAUTHORIZED))],
  bodyOnly: [body(LOGTO_UNAUTHORIZED), body(/\bLogto(Request|Client)Error\b/)],
  causes: [
    rule('invalid-credentials', 0.9, all(body(LOGTO_UNAUTHORIZED), body(/\bERR_JWT_CLAIM_VALIDATION_FAILED\b|"claim"\s*:\s*"(aud|iss)"/)), {
      blocks: true, why: 'Logto verified the access token and a claim failed: its audience (aud) is not this API\'s resource indicator (a Management API call needs a token for https://<tenant>/api or https://default.logto.app/api with the all scope) or its issuer (iss) is another endpoint',
      fix: 'Request the token with resource= the API\'s indicator (and the scope it needs) from the same Logto endpoint the API trusts; an M2M app also needs a role granting that API\'s permissions.',
    }),
    rule('invalid-credentials', 0.82, body(LOGTO_UNAUTHORIZED), {
      blocks: true, why: 'Logto did not accept the access token for this API: missing, expired, issued for another resource or by another endpoint (a self-hosted instance whose ENDPOINT / ADMIN_ENDPOINT differ from the URLs in use behind a proxy), or without the required scope',
      fix: 'Check ENDPOINT and ADMIN_ENDPOINT match the public URLs (with TRUST_PROXY_HEADER behind a reverse proxy), sign in again, and request tokens for the API\'s resource indicator with its scopes.',
    }),
  ],
  checklist: { auth: 'Decode the access token: its aud must be the API\'s resource indicator and its iss the Logto endpoint the API trusts; read code and data in the JSON.' },
});

/**
 * Pomerium (identity-aware access proxy): its services pass the browser between them with HMAC-signed, time-limited
 * URLs and answer a URL that fails the check with a plain "400 Bad Request: internal/urlutil: hmac failed" or
 * "internal/cryptutil: timestamp expired" (its Go package paths). Sources: pomerium/pomerium#667 (forward-auth
 * behind Traefik), pomerium/pomerium#3859 (a sign-in page left open for days).
 */
const POMERIUM_SIGNED = /\binternal\/(urlutil|cryptutil): (hmac failed|timestamp expired|timestamp too (old|new)|invalid signature)\b/;

const pomerium = defineProducer({
  id: 'pomerium', kind: 'gateway', name: 'Pomerium', family: 'pomerium',
  own: [body(POMERIUM_SIGNED)],
  causes: [
    rule('signature-or-clock-skew', 0.88, body(POMERIUM_SIGNED), {
      blocks: true, why: 'Pomerium refused a redirect URL between its services whose HMAC signature or timestamp failed: it was signed with another shared secret (services or replicas configured differently, forward-auth reached through another URL), or it expired (a sign-in page left open, clocks out of step)',
      fix: 'Start again from the protected URL (the signed redirect is short-lived); if it persists, give every Pomerium service the same shared_secret, reach forward-auth and authenticate by the URLs configured, and keep the hosts\' clocks in sync.',
    }),
  ],
  checklist: { server: 'Compare shared_secret and the authenticate / forward-auth URLs across Pomerium\'s services, and check their clocks.' },
});

/**
 * Ory Hydra (OAuth 2.0 / OIDC server, on the fosite library): its token endpoint answers RFC 6749 errors with a
 * status_code field, and its default error page (no OAUTH2_ERROR_URL set) prints Error / Description / Hint /
 * Debug lines. Sources: ory/hydra#2907 and ory/hydra#2140 (client_credentials refused), reactioncommerce/proxy-traefik#2
 * (the default error page for an unknown client).
 */
const HYDRA_PAGE = /\bThe OAuth2 request resulted in an error\.[\s\S]{0,600}\bOAUTH2_ERROR_URL\b|\bYou are seeing this default error page because the administrator has not set a dedicated error URL\b/;
const HYDRA_CLIENT_JSON = /"error_description"\s*:\s*"Client authentication failed \(e\.g\., unknown client, no client authentication included, or unsupported authentication method\)\.?"\s*,\s*"status_code"\s*:\s*40\d/;
const HYDRA_INVALID_CLIENT = /\binvalid_client\b/;

const oryHydra = defineProducer({
  id: 'ory-hydra', kind: 'saas-api', role: 'identity-provider', name: 'Ory Hydra (OAuth 2.0 server)', family: 'ory',
  own: [onPage(HYDRA_PAGE)],
  bodyOnly: [body(HYDRA_CLIENT_JSON)],
  causes: [
    rule('invalid-credentials', 0.9, all(any(body(HYDRA_PAGE), body(HYDRA_CLIENT_JSON)), body(HYDRA_INVALID_CLIENT)), {
      blocks: true, why: 'Hydra could not authenticate the OAuth 2.0 client: the client_id is unknown to this Hydra (not created, another database or environment), the secret does not match (or the client was created without one), or the client authenticates by another method than its token_endpoint_auth_method (client_secret_basic vs client_secret_post)',
      fix: 'Check the client with hydra get oauth2-client <id> on the admin API: it must exist, and the request must send its secret by the method the client is registered with (Basic header for client_secret_basic, form fields for client_secret_post).',
    }),
  ],
  checklist: { auth: 'Look the client up on Hydra\'s admin API and compare its token_endpoint_auth_method and secret with what the caller sends.' },
});

/**
 * Ory Oathkeeper (identity and access proxy): its authenticators and authorizers refuse with its own two reasons,
 * "Access credentials are invalid" (401) and "Access credentials are not sufficient to access this resource" (403),
 * in the herodot error object, its JSON logs (code, status) and its logfmt lines (granted=false, a stack of
 * github.com/ory/oathkeeper frames). Sources: ory/oathkeeper#158 (a Keto authorizer denying), ory/oathkeeper#886
 * (an authenticator rejecting).
 */
const OK_INVALID = /\bAccess credentials are invalid\b/;
const OK_INSUFFICIENT = /\bAccess credentials are not sufficient to access this resource\b/;
const OK_CONTEXT = /"status"\s*:\s*("(Unauthorized|Forbidden)"|40[13]\b)|\bstatus=(Unauthorized|Forbidden)\b|\bgranted=false\b|"granted"\s*:\s*false/;

const oryOathkeeper = defineProducer({
  id: 'ory-oathkeeper', kind: 'gateway', name: 'Ory Oathkeeper', family: 'ory',
  own: [body(/\bgithub\.com\/ory\/oathkeeper\/[\w/]{1,40}\.\(?\*?\w+/), body(/\bservice_name=(ORY|Ory) Oathkeeper\b/)],
  bodyOnly: [all(any(body(OK_INVALID), body(OK_INSUFFICIENT)), body(OK_CONTEXT))],
  causes: [
    rule('insufficient-permissions', 0.88, body(OK_INSUFFICIENT), {
      blocks: true, why: 'Oathkeeper authenticated the caller but the access rule\'s authorizer (Keto, a remote JSON check, deny) refused this subject for this URL and method',
      fix: 'Grant the subject the relation or permission the rule\'s authorizer checks (in Keto or the remote authorizer), or fix the rule\'s authorizer config (the subject and object templates it sends).',
    }),
    rule('invalid-credentials', 0.85, body(OK_INVALID), {
      blocks: true, why: 'none of the access rule\'s authenticators accepted the request\'s credentials: the session cookie or token is missing, expired or not valid for the authenticator configured (cookie_session, bearer_token, oauth2_introspection, jwt)',
      fix: 'Send the credential the matching rule expects (the Kratos session cookie or token, or an access token its introspection or JWKS accepts), or add an authenticator to the rule for the way the client authenticates.',
    }),
  ],
  checklist: { auth: 'Find the access rule that matched the URL (oathkeeper rules list) and check its authenticators and authorizer against what the client sends.' },
});

/** Zero-trust access proxies, identity-aware proxies and school or corporate web filters that refuse before the app. */
export const ZERO_TRUST_PRODUCERS: Producer[] = [googleIap, oryHydra, oryOathkeeper, ory, clerk, stytch, teleport, authelia, tailscale, logto, pomerium];
