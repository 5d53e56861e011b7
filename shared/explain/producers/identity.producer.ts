import { all, body, hdr, status, type Matcher } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';

/**
 * An identity provider demanding a second factor the grant cannot give: a policy of the tenant refused
 * this sign-in (ranked first), read also as the missing factor.
 */
function mfaRequired(when: Matcher, text: { why: string; fix: string }): CauseRule[] {
  return [
    rule('resource-policy-deny', 0.88, when, { blocks: true, ...text }),
    rule('missing-credentials', 0.6, when, { blocks: true, why: 'the sign-in lacks the second factor the tenant requires' }),
  ];
}

/** Auth0's sentence when the application does not have the grant type enabled (Advanced Settings → Grant Types). */
const AUTH0_GRANT_TYPE = /Grant type '[^'\n]{1,80}' not allowed for the client/;
/** Auth0's token endpoint refusing a password login, in its OAuth envelope (the bare sentence is any web app's). */
const AUTH0_WRONG_PASSWORD = /"error"\s*:\s*"(invalid_grant|access_denied)"\s*,\s*"error_description"\s*:\s*"Wrong email or password\."/;
/** Auth0's audience refusal: no API with this identifier in the tenant ("Service not found" in a redirect's error). */
const AUTH0_NO_SERVICE = /Service not enabled within domain: https?:\/\/|access_denied\W{1,40}(?:error_?[dD]escription\W{1,6})?Service not found: https?:\/\//;
/** Auth0's answer for a user an administrator blocked (the OAuth envelope, or the same in a callback's query). */
const AUTH0_USER_BLOCKED = /error_description\W{1,6}user(?: |%20|\+)is(?: |%20|\+)blocked\b/;
/** Auth0's step-up demand: the tenant requires MFA and the grant did not perform it (403 with an mfa_token). */
const AUTH0_MFA_REQUIRED = /\bmfa_required\W{1,40}(?:error_description\W{1,6})?Multifactor authentication required/;
/** Auth0's refusal of a refresh token it no longer knows (revoked, expired, or an older token of a rotation). */
const AUTH0_REFRESH_REFUSED = /Unknown or invalid refresh token/;
/** Auth0's bot detection: the login must pass a CAPTCHA first (requires_validation / requires_verification). */
const AUTH0_BOT_CHECK = /Suspicious request requires verification/;
/** Auth0's brute-force protection: the user is blocked for the IP after repeated failed logins (an email unblocks it). */
const AUTH0_BRUTE_FORCE = /Your account has been blocked after multiple consecutive login attempts|\btoo_many_attempts\b[^\n]{0,40}?Your account has been blocked/;

export const auth0 = defineProducer({
  id: 'auth0', kind: 'saas-api', role: 'identity-provider', name: 'Auth0', family: 'auth0',
  // its token endpoint's client-grant refusal, as SDKs print it without headers
  bodyOnly: [
    body(/\baccess_denied\b[^\n]{0,60}?Client has not been granted scopes: [\w:]+/), body(AUTH0_GRANT_TYPE), body(AUTH0_WRONG_PASSWORD),
    body(AUTH0_NO_SERVICE), body(AUTH0_USER_BLOCKED), body(AUTH0_MFA_REQUIRED), body(AUTH0_BRUTE_FORCE), body(AUTH0_BOT_CHECK), body(AUTH0_REFRESH_REFUSED),
  ],
  own: [hdr('x-auth0-requestid'), body(/"errorCode"\s*:\s*"(insufficient_scope|invalid_token|access_denied|too_many_requests)"|Insufficient scope, expected any of:|You need to create a "client-grant"/)],
  causes: [
    rule('insufficient-permissions', 0.95, body(/Insufficient scope, expected any of:|"errorCode"\s*:\s*"insufficient_scope"/), { why: 'the Management API token lacks the scope named (expected any of: …)' }),
    rule('insufficient-permissions', 0.9, body(/Client has not been granted scopes: [\w:, .-]+/), {
      why: 'the machine-to-machine application asked for scopes its client grant for this API does not include',
      fix: 'Authorise the application for the API (APIs → Machine to Machine Applications) with the scopes named, or stop requesting them.',
    }),
    rule('insufficient-permissions', 0.9, body(AUTH0_GRANT_TYPE), {
      why: 'the application is not allowed this grant type (client credentials, password, refresh token…): it is not enabled in the application\'s settings',
      fix: 'Enable the grant type under the application\'s Advanced Settings → Grant Types, or use a flow the application type allows.',
    }),
    rule('insufficient-permissions', 0.88, body(/is not authorized to access "[^"]+"|client-grant/), { why: 'the application has no client grant for this API (audience)' }),
    rule('invalid-credentials', 0.9, body(/"message"\s*:\s*"(Invalid token|Expired token|Bad audience[^"]*|Unauthorized)"|"errorCode"\s*:\s*"invalid_token"/), { why: 'Auth0 rejected the token (invalid, expired or wrong audience)' }),
    rule('invalid-credentials', 0.9, body(AUTH0_WRONG_PASSWORD), {
      blocks: true, why: 'Auth0 did not accept the email and password for this connection (a wrong password, an unknown user, or a user of another connection than the realm asked for)',
      fix: 'Check the credentials and the realm (connection) the login names; the tenant\'s logs show a Failed Login (invalid email/username or wrong password) entry.',
    }),
    rule('insufficient-permissions', 0.85, body(AUTH0_NO_SERVICE), {
      blocks: true, why: 'the audience asked for names no API of this Auth0 tenant (often the custom domain used where the tenant\'s own domain is expected, or an API identifier never created), so Auth0 issues no token for it',
      fix: 'Use an API identifier from APIs in the dashboard as audience, exactly as written there; for the Management API use https://<tenant>.auth0.com/api/v2/ even behind a custom domain.',
    }),
    rule('account-or-plan-restriction', 0.9, body(AUTH0_USER_BLOCKED), {
      blocks: true, why: 'an administrator blocked this user in Auth0, so every login and refresh for the user is refused',
      fix: 'Unblock the user (User Management → Users → the user → Unblock, or PATCH blocked:false in the Management API) if the account should have access.',
    }),
    rule('invalid-credentials', 0.9, body(AUTH0_REFRESH_REFUSED), {
      blocks: true, why: 'Auth0 no longer honours this refresh token: it expired (idle or absolute lifetime), was revoked (logout, password change, an admin), or is an older token of a rotation that was already exchanged (two tabs, replicas or retries racing)',
      fix: 'Sign the user in again; with rotation on, store the newest refresh token after every exchange and raise the reuse interval if concurrent refreshes are expected.',
    }),
    rule('waf-or-bot-block', 0.88, body(AUTH0_BOT_CHECK), {
      blocks: true, why: 'Auth0\'s bot detection scored this login as automated (a script, a headless client, a data-centre IP) and wants a CAPTCHA solved first, which a direct API or SDK login cannot do',
      fix: 'Log in through Universal Login in a browser where the CAPTCHA can be solved; for trusted automation, use a flow bot detection does not guard (client credentials) or ask the tenant to allow-list the IP.',
    }),
    // sent with 429 and counted among Auth0's rate limits, but it lasts until unblocked: waiting does not lift it
    rule('rate-limited', 0.95, body(AUTH0_BRUTE_FORCE), {
      blocks: true, why: 'Auth0\'s brute-force protection blocked logins as this user from this IP address after repeated failed attempts (too_many_attempts); the block stays until it is lifted, it does not pass with time',
      fix: 'Use the unblock link Auth0 emailed to the user, reset the password, or have an administrator remove the block (Management API: DELETE /api/v2/user-blocks/{id}); then find what kept sending the wrong password.',
    }),
    rule('account-or-plan-restriction', 0.8, body(AUTH0_BRUTE_FORCE), { blocks: true, why: 'the user is blocked from this IP address until the block is removed' }),
    ...mfaRequired(body(AUTH0_MFA_REQUIRED), {
      why: 'the password was accepted but the tenant demands multi-factor authentication for this login (mfa_required), which a password or refresh-token grant does not perform by itself',
      fix: 'Continue with the mfa_token the answer carries (MFA API: challenge, then the mfa-otp / mfa-oob grant), or log in through Universal Login where Auth0 prompts for the factor.',
    }),
    rule('missing-credentials', 0.88, body(/Missing authentication/), { why: 'no bearer token was sent' }),
    rule('rate-limited', 0.93, body(/too_many_requests|Global limit has been reached/), { why: 'an Auth0 rate limit was hit' }),
    rule('invalid-credentials', 0.7, all(status(401, 403), body(/"error"\s*:\s*"(access_denied|unauthorized_client|invalid_client)"/)), { why: 'the client credentials or grant were refused by the Auth0 token endpoint' }),
  ],
});

/** Okta's authorization server when no access policy rule matches the client, user and scopes (also URL-encoded in a redirect). */
const OKTA_NO_MATCHING_POLICY = /Policy[ +]evaluation[ +]failed[ +]for[ +]this[ +]request(,|%2C)[ +]please[ +]check[ +]the[ +]policy[ +]configurations/;
/** Okta's invalid_scope descriptions: scopes its authorization server does not define, or custom scopes asked of the org server ('+'-encoded in a callback too). */
const OKTA_SCOPE_NOT_CONFIGURED = /One[ +]or[ +]more[ +]scopes[ +]are[ +]not[ +]configured[ +]for[ +]the[ +]authorization[ +]server[ +]resource/;
const OKTA_CUSTOM_SCOPES = /Custom[ +]scopes[ +]are[ +]not[ +]allowed[ +]for[ +]this[ +]request/;
/** Okta's refusal when the user (or none of the user's groups) is assigned to the app, also '+'-encoded in a callback. */
const OKTA_NOT_ASSIGNED = /User[ +]is[ +]not[ +]assigned[ +]to[ +]the[ +]client[ +]application/;
/** Okta's Authentication API transaction states that stop a sign-in, sent with 200 (its stateToken or /api/v1/authn links beside them). */
const OKTA_AUTHN_BLOCKED = /"status"\s*:\s*"(?:LOCKED_OUT|PASSWORD_EXPIRED)"/;
const OKTA_AUTHN = /\/api\/v1\/authn\b|"stateToken"\s*:/;
/** Okta's invalid_client for a client id it does not know (its errorSummary, an OAuth envelope, or its hosted error page). */
const OKTA_UNKNOWN_CLIENT = /\binvalid_client\W{1,60}(?:error_?[dD]escription|errorSummary|Description)\W{1,6}Invalid value for 'client_id' parameter/;

export const okta = defineProducer({
  id: 'okta', kind: 'saas-api', role: 'identity-provider', name: 'Okta', family: 'okta',
  // its E-codes as SDKs and logs print them without the JSON envelope, and its access-policy sentence
  bodyOnly: [body(/\bHTTP [45]\d\d,? Okta E0\d{6}\b|\berrorCode=E0\d{6}, errorSummary=/), body(OKTA_NO_MATCHING_POLICY), body(OKTA_NOT_ASSIGNED), body(OKTA_UNKNOWN_CLIENT), all(body(OKTA_AUTHN_BLOCKED), body(OKTA_AUTHN)),
    body(OKTA_SCOPE_NOT_CONFIGURED), body(OKTA_CUSTOM_SCOPES)],
  own: [body(/"errorCode"\s*:\s*"E\d{7}"/), hdr('x-okta-request-id')],
  presence: [hdr('x-rate-limit-limit')],
  causes: [
    rule('invalid-credentials', 0.95, body(/E0000011|E0000004|E0000005|Invalid token provided|Invalid session/), { why: 'Okta rejected the API token/session (E0000011 invalid token, E0000004 authentication failed)' }),
    rule('insufficient-permissions', 0.93, body(/E0000006|You do not have permission to perform the requested action/), { why: 'the admin role/scopes of the token do not allow this action (E0000006)' }),
    rule('account-or-plan-restriction', 0.9, body(/E0000015|You do not have permission to access the feature you are requesting/), { why: 'the org does not have this feature (E0000015)' }),
    rule('rate-limited', 0.95, body(/E0000047|API call exceeded rate limit/), { why: 'an Okta rate limit was exceeded (E0000047)' }),
    rule('account-or-plan-restriction', 0.88, all(body(OKTA_AUTHN_BLOCKED), body(OKTA_AUTHN)), {
      blocks: true, why: 'Okta\'s Authentication API stopped the sign-in at the account itself, though it answers 200: LOCKED_OUT (too many failed attempts under the password policy) or PASSWORD_EXPIRED (the password must be changed first)',
      fix: 'Unlock the account (the unlock link in the answer for self-service, or an admin in the Okta console) or change the expired password through the changePassword link, then sign in again.',
    }),
    rule('invalid-credentials', 0.88, body(OKTA_UNKNOWN_CLIENT), {
      blocks: true, why: 'Okta knows no active application with this client id at this authorization server: a typo or placeholder, an app of another org (preview vs production), a deactivated app, or an issuer (org vs default or custom server) the app does not use',
      fix: 'Copy the client id from the app\'s General tab in the same Okta org as the issuer URL, and check the app is Active.',
    }),
    rule('insufficient-permissions', 0.9, body(OKTA_NOT_ASSIGNED), {
      blocks: true, why: 'Okta authenticated the user but neither the user nor a group of the user is assigned to this application, so it issues no token (access_denied)',
      fix: 'Assign the user, or a group the user belongs to (Everyone for all), on the application\'s Assignments tab; a sign-in session from another app does not carry over.',
    }),
    rule('insufficient-permissions', 0.88, body(OKTA_SCOPE_NOT_CONFIGURED), {
      blocks: true, why: 'the client asked Okta\'s authorization server for a scope it does not define (invalid_scope): a custom authorization server knows only the scopes listed under its Scopes tab, so a scope such as groups, or one of another server, is refused and no token is issued',
      fix: 'Request only scopes the authorization server lists (Security → API → Authorization Servers → the server → Scopes), or add the missing scope there; for group claims use a groups claim instead of a groups scope.',
    }),
    rule('insufficient-permissions', 0.86, body(OKTA_CUSTOM_SCOPES), {
      blocks: true, why: 'the request went to Okta\'s org authorization server (https://<org>.okta.com without /oauth2/<server id>), which grants only the built-in OpenID Connect scopes; custom scopes need a custom authorization server',
      fix: 'Point the issuer or discovery URL at the custom authorization server (https://<org>.okta.com/oauth2/default or /oauth2/<id>), or drop the custom scopes.',
    }),
    rule('resource-policy-deny', 0.88, body(OKTA_NO_MATCHING_POLICY), {
      blocks: true, why: 'no access policy rule of the custom authorization server matches this request (its client, the user\'s groups, the grant type or the scopes asked for), so Okta mints no token (no_matching_policy)',
      fix: 'Assign an Access Policy to the application in the authorization server and give it a rule covering the grant type, the user or group and every scope requested; the System Log names the failed evaluation.',
    }),
  ],
});

/** Keycloak's token-endpoint sentences (error_description of its OAuth errors, or as a client library prints them). */
const KEYCLOAK_NOT_SET_UP = /Account is not fully set up/;
const KEYCLOAK_DISABLED = /Account (is |temporarily )?disabled|User is disabled/;
const KEYCLOAK_BAD_LOGIN = /Invalid user credentials|Invalid client or Invalid client credentials|Invalid client credentials/;
/** The client lacks the capability for this grant (Direct access grants, Service accounts roles). */
const KEYCLOAK_CLIENT_CAPABILITY = /Client not (?:permitted|allowed) for direct access grants|Client not enabled to retrieve service account/;
/** A refresh token whose session has ended: Keycloak's invalid_grant descriptions (other servers word these differently). */
const KEYCLOAK_INACTIVE = /\binvalid_grant\W{1,30}(?:error_description\W{1,6})?(?:Token is not active|Session not active)\b/;
/** An authorization code Keycloak will not redeem (already used or expired). */
const KEYCLOAK_CODE_INVALID = /\binvalid_grant\W{1,30}(?:error_description\W{1,6})?Code not valid\b/;
/** A confidential client's secret refused or absent, in Keycloak's unauthorized_client descriptions. */
const KEYCLOAK_SECRET_REFUSED = /\bunauthorized_client\W{1,30}(?:error_description\W{1,6})?Invalid client secret\b/;
const KEYCLOAK_SECRET_MISSING = /\bunauthorized_client\W{1,30}(?:error_description\W{1,6})?(?:Client secret not provided in request|UNKNOWN_CLIENT: Client was not identified by any client authenticator)/;

export const keycloak = defineProducer({
  id: 'keycloak', kind: 'saas-api', role: 'identity-provider', name: 'Keycloak', family: 'keycloak',
  // the OAuth envelope is everybody's; these descriptions are Keycloak's own wording
  bodyOnly: [
    all(body(/invalid_grant|invalid_client|unauthorized_client/), body(new RegExp(`${KEYCLOAK_NOT_SET_UP.source}|${KEYCLOAK_DISABLED.source}|${KEYCLOAK_BAD_LOGIN.source}|${KEYCLOAK_CLIENT_CAPABILITY.source}`))),
    body(KEYCLOAK_INACTIVE), body(KEYCLOAK_SECRET_REFUSED), body(KEYCLOAK_SECRET_MISSING), body(KEYCLOAK_CODE_INVALID),
    // its longer descriptions alone, as a message-only fragment keeps them (keycloak/keycloak services TokenEndpoint and
    // ClientAuthenticator messages; corpus keycloak/); its short ones ('Invalid user credentials', 'Code not valid') still need the envelope
    body(/\b(Account is not fully set up|Client secret not provided in request|UNKNOWN_CLIENT: Client was not identified by any client authenticator|Client not (?:permitted|allowed) for direct access grants|Client not enabled to retrieve service account)\b/),
  ],
  presence: [hdr('set-cookie', /KC_RESTART|KEYCLOAK_SESSION|AUTH_SESSION_ID/)],
  causes: [
    rule('account-or-plan-restriction', 0.9, body(KEYCLOAK_NOT_SET_UP), {
      blocks: true, why: 'the user has required actions pending (verify email, update profile or password, or a required attribute such as first or last name is empty), so Keycloak issues no token',
      fix: 'Complete or remove the user\'s required actions (and fill required user-profile attributes) in the realm\'s admin console, then log in again.',
    }),
    rule('account-or-plan-restriction', 0.9, body(KEYCLOAK_DISABLED), { blocks: true, why: 'the Keycloak user is disabled (by an admin or temporarily by brute-force detection)' }),
    rule('invalid-credentials', 0.9, body(KEYCLOAK_BAD_LOGIN), { blocks: true, why: 'Keycloak did not accept the username and password (or the client id and secret)' }),
    rule('invalid-credentials', 0.9, body(KEYCLOAK_SECRET_REFUSED), {
      blocks: true, why: 'Keycloak does not accept the client secret sent for this confidential client: it was regenerated, belongs to another client or realm, or arrived mangled',
      fix: 'Copy the secret again from the client\'s Credentials tab (regenerating it voids the old one) into the application\'s configuration.',
    }),
    rule('missing-credentials', 0.88, body(KEYCLOAK_SECRET_MISSING), {
      blocks: true, why: 'the client is confidential (Client authentication on) but the request carried no client secret or other client authentication, as browser adapters and public apps do not',
      fix: 'Send the client secret (HTTP Basic or client_secret in the form) from a backend, or turn Client authentication off to make the client public if it runs in a browser or on a device.',
    }),
    rule('invalid-credentials', 0.88, body(KEYCLOAK_CODE_INVALID), {
      blocks: true, why: 'Keycloak will not redeem this authorization code: it was already exchanged (a callback handled twice, a retried request, two replicas racing, a browser adapter and a backend both redeeming it) or it expired (codes live about a minute)',
      fix: 'Exchange each code exactly once, right after the redirect; the Keycloak log names it (CODE_TO_TOKEN_ERROR, "already used for userSession"). Start the login again for a new code.',
    }),
    rule('invalid-credentials', 0.9, body(KEYCLOAK_INACTIVE), {
      blocks: true, why: 'Keycloak no longer honours the refresh token: the user session it belongs to ended (SSO Session Idle or Max passed, a logout or an admin revoked it, a restart without persistent sessions, or the refresh reached a node that does not hold the session)',
      fix: 'Sign in again for a new token pair; if sessions end too early, raise SSO Session Idle / Max in the realm\'s Sessions settings, or use offline_access for long-lived tokens.',
    }),
    rule('insufficient-permissions', 0.9, body(KEYCLOAK_CLIENT_CAPABILITY), {
      blocks: true, why: 'the client is not allowed this grant: Direct access grants (password grant) or Service accounts roles (client credentials) is off in its settings',
      fix: 'Turn on the capability in the client\'s settings (Capability config), or use the flow the client is set up for.',
    }),
  ],
  checklist: { auth: 'Check the user in the realm (enabled, required actions, credentials) and the client\'s settings (direct access grants, client authentication).' },
});

/** UAA's own scope names (uaa.*, scim.*, clients.*, zones.*, cloud_controller.*…): Spring's insufficient_scope message alone is generic. */
const UAA_SCOPES = String.raw`(uaa|scim|clients|zones|cloud_controller|cloud_controller_service_permissions|doppler|routing|network|password|oauth|idps|sps)\.[\w.]+`;
const UAA_SCOPE_DENIED = new RegExp(String.raw`Insufficient scope for this resource[^\n]{0,40}?scope\W{1,6}(${UAA_SCOPES})|insufficient_scope[^}]{0,120}"scope"\s*:\s*"(${UAA_SCOPES})`);

export const cloudfoundryUaa = defineProducer({
  id: 'cloudfoundry-uaa', kind: 'saas-api', role: 'identity-provider', name: 'Cloud Foundry UAA', family: 'cloudfoundry',
  // without headers: the envelope naming a UAA scope, or the cf CLI's "error code: insufficient_scope" line
  bodyOnly: [body(UAA_SCOPE_DENIED), body(/Server error, status code: \d{3}, error code: insufficient_scope, message: Insufficient scope for this resource/)],
  causes: [
    rule('insufficient-permissions', 0.92, body(/insufficient_scope|Insufficient scope for this resource/), {
      why: 'the UAA token lacks the scope named in the refusal (uaa.admin, scim.write, cloud_controller.admin…): the user is not in that group, or the client may not request it',
      fix: 'Add the user to the group (uaac member add <scope> <user>) or the scope to the client\'s authorities/scope, then fetch a new token.',
    }),
  ],
  checklist: { auth: 'Decode the token (uaac token decode) and compare its scope with the one the refusal names.' },
});

/** Microsoft Entra ID's own error codes: "AADSTS<number>: <sentence>", in the token endpoint's JSON, an SDK's exception or a SOAP fault. */
const AADSTS = /\bAADSTS\d{5,7}\b/;
/** Azure AD B2C's own codes (AADB2C<number>), in its token endpoint's JSON or a custom policy's answer. */
const AADB2C = /\bAADB2C9\d{4}\b/;
const B2C_BAD_LOGIN = /\bAADB2C(90225|90052|90053)\b/;
const ENTRA_CLIENT = /\bAADSTS(7000215|7000222|50012|700016|70001)\b/;
/** Conditional Access refusals, with the device-management ones (530003, 530033) and their sign-in page's sentence. */
const ENTRA_DEVICE_PAGE = /your admin requires the device (?:that's )?requesting access to be managed by/;
const ENTRA_CONDITIONAL_ACCESS = new RegExp(String.raw`\bAADSTS(53003|53000|53001|530032|530003|530033)\b|blocked by Conditional Access polic|${ENTRA_DEVICE_PAGE.source}`);
/** A token request that carried no client secret or assertion: a public-client flow against an app registered as confidential. */
const ENTRA_NO_CLIENT_SECRET = /\bAADSTS7000218\b/;
/** A silent (prompt=none) sign-in that found no user session: third-party cookies blocked, a private window, another IE zone. */
const ENTRA_NO_SESSION = /\bAADSTS50058\b/;
/** A token requested for a resource (API) that has no service principal in the tenant. */
const ENTRA_NO_RESOURCE = /\bAADSTS500011\b/;
/** The client's signed assertion (certificate JWT or federated token) outside its validity window. */
const ENTRA_ASSERTION_TIME = /\bAADSTS700024\b|Client assertion is not within its valid time range/;
/** Entra's consent sentence is its own even when an SDK drops the code. */
// AADSTS65001's sentence, also cut before its advice (learn.microsoft.com/entra/identity-platform/reference-error-codes, corpus microsoft-entra-id/)
const ENTRA_CONSENT = /has not consented to use the application with ID '[^']*'[^\n]{0,80}?Send an interactive authorization request|\bThe user or administrator has not consented to use the application with ID '/;
const ENTRA_NOT_GRANTED = /\bAADSTS(65001|50105|90094|900941|90093)\b/;
/** The sign-in page's consent refusal ("Need admin approval"), also when a user pastes it without the code. */
const ENTRA_ADMIN_ONLY = /needs permission to access resources in your organi[sz]ation that only an admin can grant/;
const ENTRA_ACCOUNT = /\bAADSTS(50057|500571|50053)\b/;
/** MFA demanded by Conditional Access or security defaults: a password or refresh-token flow cannot answer it. */
const ENTRA_MFA = /\bAADSTS(50076|50079|50074|50158|50072)\b|you must (use|enroll in) multi-factor authentication to access/;
/** A refresh token or grant Entra no longer honours: unused for 90 days, revoked, or older than a password change. */
const ENTRA_EXPIRED_GRANT = /\bAADSTS(700082|70008|50173|700084|50132|50133)\b|The refresh token has expired due to inactivity/;
/** The application itself (its service principal) is disabled in the tenant, by an admin or by Microsoft. */
const ENTRA_APP_DISABLED = /\bAADSTS7000112\b|Application '[\w-]{8,40}'\([^)\n]{1,80}\) is disabled/;

export const microsoftEntraId = defineProducer({
  id: 'microsoft-entra-id', kind: 'saas-api', role: 'identity-provider', name: 'Microsoft Entra ID (Azure AD)', family: 'microsoft-identity',
  own: [body(/https:\/\/login\.microsoft(online)?\.com\/error\?code=\d+/), hdr('x-ms-ests-server')],
  bodyOnly: [body(AADSTS), body(AADB2C), body(ENTRA_CONSENT), body(ENTRA_ADMIN_ONLY), body(ENTRA_DEVICE_PAGE), body(ENTRA_ASSERTION_TIME)],
  causes: [
    rule('invalid-credentials', 0.9, body(ENTRA_CLIENT), {
      blocks: true,
      why: 'Entra ID does not accept the application\'s credential: a wrong or expired client secret (or its ID sent instead of its value), or a client id the tenant does not know (another tenant, a placeholder)',
      fix: 'Copy the client secret\'s Value (not its Secret ID) from the app registration, create a new one if it expired, and check the client id and tenant id point at the same app registration.',
    }),
    rule('missing-credentials', 0.9, body(ENTRA_NO_CLIENT_SECRET), {
      blocks: true, why: 'the token request carried no client secret or client assertion, which Entra ID requires from an app registered as a confidential (Web) client: a desktop, CLI or single-page app redeeming a code or a password as if it were public',
      fix: 'Register the redirect URI under the right platform (Single-page application or Mobile and desktop) or turn on Allow public client flows for device-code and password flows; a server-side app must send its client secret or certificate.',
    }),
    rule('missing-credentials', 0.88, body(ENTRA_NO_SESSION), {
      blocks: true, why: 'a silent sign-in (prompt=none, an iframe or ssoSilent) reached Entra ID without the user\'s session cookies: third-party cookies blocked, a private window, or another browser security zone, so it cannot issue a token without interaction (login_required)',
      fix: 'Fall back to an interactive sign-in (loginRedirect or loginPopup) when silent acquisition fails with login_required or interaction_required.',
    }),
    rule('insufficient-permissions', 0.88, body(ENTRA_NO_RESOURCE), {
      blocks: true, why: 'the resource (API) the token is asked for has no service principal in this tenant: it was never installed or consented to there, its identifier URI is mistyped (a doubled https://, a missing or extra trailing slash), or the request went to the wrong tenant',
      fix: 'Check the scope or resource URI against the API\'s Application ID URI, have an administrator consent to (provision) the API in the tenant, and sign in to the tenant that owns it.',
    }),
    rule('signature-or-clock-skew', 0.96, body(ENTRA_ASSERTION_TIME), {
      blocks: true, why: 'Entra ID found the client assertion outside its validity window: the clock that signed it is off (or used local time for UTC), or the assertion (a certificate-signed JWT, a federated token such as a CI job\'s OIDC token) was minted too long before it was used',
      fix: 'Sync the signing machine\'s clock and build the assertion from UTC right before each token request; for workload identity federation, fetch the federated token again instead of reusing a cached one.',
    }),
    rule('resource-policy-deny', 0.88, body(ENTRA_CONDITIONAL_ACCESS), {
      blocks: true,
      why: 'the credentials were accepted but a Conditional Access policy of the tenant blocks this sign-in (device, location, client app or MFA conditions; 530003 and 530033 want a managed or compliant device, which a container, VM or CLI outside the device\'s broker is not)',
      fix: 'Look up the sign-in in the tenant\'s sign-in logs (trace and correlation id) to see which Conditional Access policy applied; sign in from a compliant device or network, or ask an administrator for an exception.',
    }),
    rule('insufficient-permissions', 0.9, body(new RegExp(`${ENTRA_NOT_GRANTED.source}|${ENTRA_CONSENT.source}|${ENTRA_ADMIN_ONLY.source}`)), {
      blocks: true,
      why: 'the sign-in worked but the tenant has not granted this application what it asks for: no consent to its permissions (AADSTS65001; 90094 or 900941 when only an admin may consent), or the app requires assignment and the user or client app holds no role in it (AADSTS50105)',
      fix: 'Have an administrator grant consent to the app\'s API permissions (or allow user consent), or assign the user, group or client app to the enterprise application.',
    }),
    ...mfaRequired(body(ENTRA_MFA), {
      why: 'the password was accepted but the tenant (Conditional Access or security defaults) demands multi-factor authentication for this sign-in, which a username-password, refresh-token or on-behalf-of flow cannot perform',
      fix: 'Sign in interactively (device code or browser) to complete MFA, or use a service principal or managed identity for unattended access; an administrator can see the policy in the sign-in log.',
    }),
    rule('invalid-credentials', 0.9, body(ENTRA_EXPIRED_GRANT), {
      blocks: true, why: 'Entra ID no longer honours the cached refresh token or grant: unused for 90 days, revoked, or issued before a password change',
      fix: 'Sign in again (az login, Connect-AzAccount, or the app\'s sign-in) to get a new refresh token; clear the tool\'s token cache if it keeps the old one.',
    }),
    rule('invalid-credentials', 0.9, body(B2C_BAD_LOGIN), {
      blocks: true, why: 'Azure AD B2C did not accept the user name and password (AADB2C90225, or 90052 from a custom policy): wrong, for a user of another sign-in type, or the policy\'s login-noninteractive profile points at the wrong app registrations',
      fix: 'Check the credentials and that the user is a local account of this tenant; for custom policies check the IdentityExperienceFramework and ProxyIdentityExperienceFramework app ids in login-noninteractive.',
    }),
    rule('account-or-plan-restriction', 0.9, body(ENTRA_APP_DISABLED), {
      blocks: true, why: 'the application itself is disabled in the tenant (its service principal\'s accountEnabled is false, set by an administrator or by Microsoft after a verification or abuse review)',
      fix: 'Ask the tenant administrator to re-enable the enterprise application (Enabled for users to sign in), or register your own application if Microsoft disabled the publisher\'s.',
    }),
    rule('account-or-plan-restriction', 0.9, body(ENTRA_ACCOUNT), {
      blocks: true,
      why: 'Entra ID refuses this account itself: it is disabled (AADSTS50057, 500571 for a guest) or smart lockout locked it after failed sign-ins (AADSTS50053)',
      fix: 'Ask the tenant administrator to re-enable or unlock the account (or reset the password); a lockout also clears after its lockout period.',
    }),
  ],
  checklist: { auth: 'Check the app registration (client id, secret value and expiry, tenant) and the sign-in log entry for the trace id.', server: 'Check the tenant\'s Conditional Access policies and the app\'s consent and role assignments.' },
});

/** Google's OAuth error codes a Workspace policy sends: its sign-in page ("Error 403: org_internal", localized) or the token endpoint's JSON. */
const GOOGLE_ORG_INTERNAL = /\b4\d\d(?: \S+)?: org_internal\b|This client is restricted to users within its organization/;
const GOOGLE_ADMIN_POLICY = /\bError 400: admin_policy_enforced\b|"error"\s*:\s*"admin_policy_enforced"|Access to your account data is restricted by policies within your organization/;
/** An OAuth app in Testing that the account is not a test user of (the sign-in page's 403 access_denied, old and new wording). */
const GOOGLE_TESTERS_ONLY = /has not completed the Google verification process|can only be accessed by developer-approved testers|The developer hasn[’']t given you access to this app/;
/** Google's block of an unverified app asking for sensitive or restricted scopes (or one the Workspace does not allow). */
const GOOGLE_APP_BLOCKED = /This app tried to access sensitive info in your Google Account\b/;
/** A request Google's OAuth policy refuses outright (out-of-band redirect, a redirect or client type it no longer allows). */
const GOOGLE_OAUTH_POLICY = /doesn[’']t comply with Google[’']s OAuth 2\.0 policy/;

/** Google's refusal of an OAuth sign-in from an embedded web view (its error code, or the page's old and new sentences). */
const GOOGLE_EMBEDDED_UA = /\bdisallowed_useragent\b|classified as an embedded user-agent \(also known as a web-view\)|comply with Google[’']s [”"“]?Use secure browsers[”"“]? policy/;
/** Its token endpoint refusing a service account's domain-wide delegation (a subject to impersonate) it has not been granted. */
const GOOGLE_DWD = /\bClient is unauthorized to retrieve access tokens using this method\b/;

export const googleIdentity = defineProducer({
  id: 'google-identity', kind: 'saas-api', role: 'identity-provider', name: 'Google Identity (OAuth sign-in)', family: 'google',
  bodyOnly: [body(GOOGLE_ORG_INTERNAL), body(GOOGLE_ADMIN_POLICY), body(GOOGLE_TESTERS_ONLY), body(GOOGLE_OAUTH_POLICY), body(GOOGLE_APP_BLOCKED), body(GOOGLE_EMBEDDED_UA), body(GOOGLE_DWD)],
  causes: [
    // org_internal: an Internal OAuth client met an account from outside its organisation
    rule('resource-policy-deny', 0.9, body(GOOGLE_ORG_INTERNAL), { blocks: true, why: 'the OAuth client is Internal to a Google Workspace organisation and the account signing in is not in it (org_internal)', fix: 'Sign in with an account of the app\'s organisation, or have the app\'s owner make its OAuth consent screen External.' }),
    rule('resource-policy-deny', 0.88, body(GOOGLE_TESTERS_ONLY), {
      blocks: true, why: 'the OAuth app is in Testing and unverified, so Google lets only the test users its developer listed sign in, and this account is not one of them (Error 403: access_denied)',
      fix: 'Add the account under the consent screen\'s Test users (Google Auth Platform → Audience), or publish the app In production; test-mode refresh tokens also expire after seven days.',
    }),
    rule('resource-policy-deny', 0.86, body(GOOGLE_APP_BLOCKED), {
      blocks: true, why: 'Google blocked this app\'s sign-in because it asks for sensitive or restricted scopes (Drive, Gmail, Calendar data) without completing Google\'s verification, or the account\'s Workspace does not allow unconfigured third-party apps',
      fix: 'Use the app\'s verified client or your own OAuth client (in Testing, with your account as a test user), request narrower scopes, or ask the Workspace admin to trust the app (API controls).',
    }),
    rule('resource-policy-deny', 0.9, body(GOOGLE_EMBEDDED_UA), {
      blocks: true, why: 'Google refuses OAuth sign-in inside an embedded web view (an app\'s WebView, an in-app browser of a chat or social app, a user agent with "; wv"): its secure-browsers policy allows only full browsers, whatever the account or app',
      fix: 'Open the sign-in in the system browser or Custom Tabs / ASWebAuthenticationSession (AppAuth, Google Sign-In SDKs); users of an in-app browser can open the page in Chrome or Safari.',
    }),
    rule('insufficient-permissions', 0.88, body(GOOGLE_DWD), {
      blocks: true, why: 'the service account asked for a token impersonating a Workspace user (a subject), but the Workspace has not granted its client id domain-wide delegation for these scopes: the client id is not listed in the Admin console, a requested scope is missing there (the list must match exactly), or the grant has not propagated yet',
      fix: 'In the Admin console (Security → API controls → Domain-wide delegation) add the service account\'s numeric client id with every scope the code requests, wait for it to take effect, and impersonate a user of that Workspace.',
    }),
    rule('resource-policy-deny', 0.86, body(GOOGLE_OAUTH_POLICY), {
      blocks: true, why: 'Google\'s OAuth policy refuses this authorization request as the client sent it (Error 400: invalid_request): most often the retired out-of-band redirect urn:ietf:wg:oauth:2.0:oob, or a redirect or client type the project may no longer use',
      fix: 'Move the client off the out-of-band flow to a loopback (http://127.0.0.1:<port>) or web redirect, or create a current OAuth client of the right type in a new project.',
    }),
    // admin_policy_enforced: the account's own organisation does not trust the app
    rule('resource-policy-deny', 0.9, body(GOOGLE_ADMIN_POLICY), { blocks: true, why: 'the account\'s Workspace administrator does not trust this app or the scopes it asks for (admin_policy_enforced)', fix: 'Ask the Workspace administrator to trust the app\'s client id (Security, API controls, App access control).' }),
  ],
  checklist: { auth: 'Check which account signed in and whether the OAuth client is Internal or External; the client id is in the error\'s request details.' },
});

/** Duo's API refusals name the "request credentials" (its HMAC-signed Authorization header), with a 401xx code. */
const DUO_CREDENTIALS = /\b(Missing request credentials|Invalid (signature|integration key|identity) in request credentials)\b/;
/** Duo's clients report its answer as 'Received <status> <message>' (duo_client's RuntimeError, DuoLogSync's shutdown line). */
const DUO_CLIENT_LINE = /\bDuoLogSync\b[^\n]{0,80}Received 4\d\d [A-Z]|duo_client\/\w+\.py[\s\S]{0,600}?Received 4\d\d [A-Z]|\bReceived 403 Access forbidden\b/;
/** 40301: the application may not make this call (its Admin API permissions, or the plan). */
const DUO_FORBIDDEN = /(\bcode\W{1,4}|\()40301\b|\bReceived 403 Access forbidden\b/;

export const duo = defineProducer({
  id: 'duo', kind: 'saas-api', role: 'identity-provider', name: 'Duo Security (Cisco Duo)', family: 'duo',
  own: [body(/"code"\s*:\s*4\d{4}\s*,\s*"message"\s*:\s*"[^"]{1,120}"\s*,\s*"stat"\s*:\s*"FAIL"/)],
  // its sentences as duo_client (Python, Java, C#) and integrations print them
  bodyOnly: [body(DUO_CREDENTIALS), body(/\bDuo error code \(4\d{4}\)/), body(DUO_CLIENT_LINE)],
  causes: [
    rule('signature-or-clock-skew', 0.85, body(/Invalid signature in request credentials|(\bcode\W{1,4}|\()40103\b/), {
      blocks: true, why: 'Duo could not verify the request\'s HMAC signature (40103): the secret key (skey) is wrong, rotated or cut on copy, or the signed date, method, host, path or parameters differ from what was sent',
      fix: 'Copy the secret key again from the Duo application and sign exactly what is sent (Date header in RFC 2822, lower-case host, sorted and URL-encoded parameters); Duo\'s client libraries do this.',
    }),
    rule('invalid-credentials', 0.7, body(/Invalid signature in request credentials/), { blocks: true, why: 'the secret key does not belong to this integration' }),
    rule('invalid-credentials', 0.9, body(/Invalid (integration key|identity) in request credentials|(\bcode\W{1,4}|\()40102\b/), {
      blocks: true, why: 'Duo does not know the integration key (40102) for this API: a key of another application or of the wrong type (an Auth API or Web SDK key on the Admin API)',
      fix: 'Create an application of the type the API needs (Admin API, Auth API) in the Duo Admin Panel and use its integration key, secret key and API hostname together.',
    }),
    rule('insufficient-permissions', 0.88, body(DUO_FORBIDDEN), {
      blocks: true, why: 'Duo accepted the signature but this application may not make the call (40301 Access forbidden): its Admin API permissions lack the one the endpoint needs (Grant read resource, Grant administrators, Grant read log, Grant write resource…), or the account\'s plan lacks the API',
      fix: 'In the Duo Admin Panel open the Admin API application and enable the permission the endpoint\'s documentation names, then retry with the same keys.',
    }),
    rule('missing-credentials', 0.9, body(/Missing request credentials|(\bcode\W{1,4}|\()40101\b/), { blocks: true, why: 'the request carried no Duo Authorization header (HTTP Basic of the integration key and the HMAC signature)' }),
  ],
  checklist: { auth: 'Check the application type, its integration key, secret key and API hostname belong together, and how the request is signed.' },
});
