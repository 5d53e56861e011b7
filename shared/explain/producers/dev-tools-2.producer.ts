import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

// Self-hosted dev tools and backends (issue 11, round 6): forges, artifact repositories, BaaS and
// headless CMSs. Each is named by the sentences it writes itself, as its SDKs and CLIs print them;
// their generic neighbours ("Forbidden", "Only admins can…") never name one alone.

/** Gitea's (and Forgejo's) scoped-token refusal; newer versions append "required=[…], token scope=…". */
const GITEA_SCOPE = /token does not have at least one of required scope\(s\)/;

export const gitea = defineProducer({
  id: 'gitea', kind: 'saas-api', name: 'Gitea / Forgejo API', family: 'gitea',
  own: [body(GITEA_SCOPE)],
  // its APIError envelope links the instance's swagger page: {"message":"…","url":"https://<host>/api/swagger"}
  bodyOnly: [body(/"url"\s*:\s*"https?:\/\/[^"\s]+\/api\/swagger"/)],
  causes: [
    rule('insufficient-permissions', 0.9, body(GITEA_SCOPE), {
      blocks: true, why: 'the access token lacks the scope category this route needs (scoped tokens since Gitea 1.19/1.20: read:user for /user, write:repository for pushes and branch protection, write:issue for comments); the message names it',
      fix: 'Create a new token with the named scope (Settings → Applications; scopes cannot be edited later). A Forgejo token limited to specific repositories can only carry repository and issue scopes, so calls such as GET /user need an all-repositories token.',
    }),
  ],
  checklist: { auth: 'Compare the token\'s scopes (Settings → Applications) with the scope the refusal names.' },
});

/** Nexus Repository's challenge realm, in its header or a client's dump of the headers. */
const NEXUS_REALM = /realm="Sonatype Nexus Repository Manager"/i;
/** A hosted repository whose deployment policy forbids redeploying (Nexus 3 assets, Nexus 2 artifacts). */
const NEXUS_NO_REDEPLOY = /Repository does not allow updating assets: [\w.-]+|Repository with ID='[^']+' does not allow updating artifacts/;

export const sonatypeNexus = defineProducer({
  id: 'sonatype-nexus', kind: 'saas-api', name: 'Sonatype Nexus Repository', family: 'sonatype',
  own: [hdr('www-authenticate', NEXUS_REALM), hdr('server', /^Nexus\/\d/i)],
  // its error page (the rapture UI's nexus-body) and its write-policy sentence as clients print them
  bodyOnly: [body(NEXUS_REALM), body(NEXUS_NO_REDEPLOY), body(/class="nexus-body"|\/static\/rapture\/resources\//)],
  causes: [
    rule('invalid-credentials', 0.62, all(status(401), any(hdr('www-authenticate', NEXUS_REALM), body(NEXUS_REALM))), {
      blocks: true, why: 'Nexus did not authenticate the client: a wrong user, password or user token, or a token of a kind whose realm is off (npm, Docker and NuGet tokens need their Bearer Token / API-Key realm active)',
      fix: 'Check the credentials against the Nexus UI, and under Security → Realms activate the realm for the client\'s token (npm Bearer Token Realm, Docker Bearer Token Realm…).',
    }),
    rule('missing-credentials', 0.56, all(status(401), any(hdr('www-authenticate', NEXUS_REALM), body(NEXUS_REALM))), {
      why: 'no credentials reached Nexus: npm sends them only for a registry-scoped _auth/_authToken matching the URL (or always-auth), and a proxy may drop the header',
    }),
  ],
  checklist: { auth: 'Retry with curl -u user:password against the same repository URL, then check the active realms and the user\'s nx-repository-view privileges.' },
});

/** PocketBase's 401 for a route that needs an authenticated record (user) or superuser (formerly admin). */
const PB_TOKEN = /The request requires valid (record|admin|superuser) authorization token( to be set)?\./;
/** Its 403 for a collection rule left locked (superusers only); the sentence alone is anyone's. */
const PB_SUPERUSER = /Only (superusers|admins) can perform this action\./;
/** Its JS/Dart SDKs' error ("ClientResponseError 403: …") or its {code|status, message, data:{}} envelope. */
const PB_CONTEXT = /\bClientResponseError \d{3}\b|"data"\s*:\s*\{\s*\}\s*,\s*"message"|"message"\s*:\s*"[^"]*"\s*,\s*"data"\s*:\s*\{|"errorDetails"\s*:\s*"[^"]*"\s*,\s*"errorMessage"\s*:/;
/** Its deliberately generic answer to a wrong identity or password (400), beside its own envelope, SDK error or request log. */
const PB_BAD_LOGIN = all(body(/\bFailed to authenticate\./), body(PB_CONTEXT));

export const pocketbase = defineProducer({
  id: 'pocketbase', kind: 'saas-api', name: 'PocketBase', family: 'pocketbase',
  own: [body(PB_TOKEN)],
  bodyOnly: [all(body(PB_SUPERUSER), body(PB_CONTEXT)), body(/\bClientResponseError \d{3}: /), PB_BAD_LOGIN],
  causes: [
    rule('missing-credentials', 0.85, body(PB_TOKEN), {
      blocks: true, why: 'PocketBase saw no valid auth token for a route that needs a signed-in record (user) or a superuser: none sent (the authStore not loaded on the server side, the pb_auth cookie not forwarded), or the token expired or was invalidated by a password change',
      fix: 'Authenticate first and await it (pb.collection(\'users\').authWithPassword, or pb.collection(\'_superusers\') since v0.23), send the token as Authorization, and refresh it (authRefresh) before it expires.',
    }),
    rule('invalid-credentials', 0.6, body(PB_TOKEN), { why: 'a token was sent but PocketBase no longer accepts it (expired, signed before a password or token-key change, or of another instance)' }),
    rule('invalid-credentials', 0.86, PB_BAD_LOGIN, {
      blocks: true, why: 'PocketBase refused the identity and password (its answer is generic on purpose, sent with 400): an unknown email or username in this auth collection, a wrong password, or a superuser tried against a users collection (or the reverse)',
      fix: 'Check the credentials against the collection you call (users vs _superusers); start PocketBase with --debug or read Logs in the dashboard for the exact reason.',
    }),
    rule('insufficient-permissions', 0.85, all(body(PB_SUPERUSER), body(PB_CONTEXT)), {
      blocks: true, why: 'the collection\'s API rule for this action is locked (null: superusers only) and the request did not come as a superuser: the superuser login not awaited, made on another client instance, expired, or done with pb.admins, which v0.23 replaced by the _superusers collection',
      fix: 'Set an API rule that admits the caller (an empty rule for anyone, or a filter such as @request.auth.id != ""), or authenticate as a superuser with pb.collection(\'_superusers\').authWithPassword and await it.',
    }),
    rule('missing-credentials', 0.55, all(body(PB_SUPERUSER), body(PB_CONTEXT)), { why: 'the superuser\'s token may not have reached PocketBase at all' }),
  ],
  checklist: { auth: 'Check pb.authStore.isValid and its record\'s collection right before the call, and the collection\'s API rules in the dashboard.' },
});

/** Directus's permission refusal: its errors[] envelope (code FORBIDDEN), a Node inspect of it, or its error page. */
const DIRECTUS_FORBIDDEN = /\bmessage["']?\s*:\s*["']You don't have permission to access this\.["']\s*,\s*["']?extensions\b|\[?FORBIDDEN\]? You don't have permission to access this\./;

/** Its authentication refusals: the sentence and its own code side by side (JSON or a Node/console inspect of it). */
const DIRECTUS_AUTH = /\bmessage["']?\s*:\s*["'](Invalid user credentials\.|Token expired\.)["']\s*,\s*["']?extensions["']?\s*:\s*\{\s*["']?code["']?\s*:\s*["'](INVALID_CREDENTIALS|TOKEN_EXPIRED)["']/;

export const directus = defineProducer({
  id: 'directus', kind: 'saas-api', name: 'Directus', family: 'directus',
  own: [body(DIRECTUS_FORBIDDEN), body(DIRECTUS_AUTH)],
  causes: [
    rule('invalid-credentials', 0.88, all(body(DIRECTUS_AUTH), body(/Token expired\./)), {
      blocks: true, why: 'the access token Directus issued has expired (ACCESS_TOKEN_TTL, 15 minutes by default) and the client kept sending it instead of refreshing it',
      fix: 'Refresh with the refresh token (POST /auth/refresh, or the SDK\'s auto-refresh) or log in again; clear a stored expired token, which also breaks calls that the Public role would allow.',
    }),
    rule('missing-credentials', 0.8, all(body(DIRECTUS_AUTH), body(/Invalid user credentials\./)), {
      blocks: true, why: 'Directus found no valid session or token for this call (/users/me and other user routes): the token was not sent (lost on reload, a cookie not sent cross-site) — a login with a wrong email or password gets the same words',
      fix: 'Send the access token (Authorization: Bearer …) or the session cookie with credentials: \'include\'; for a login, check the email and password.',
    }),
    rule('invalid-credentials', 0.72, all(body(DIRECTUS_AUTH), body(/Invalid user credentials\./)), { why: 'a login with a wrong email or password, or a static token that matches no user' }),
    rule('insufficient-permissions', 0.85, body(DIRECTUS_FORBIDDEN), {
      blocks: true, why: 'Directus\' access control found no permission letting this user\'s role or policies — or the Public role, when no token arrived — do this on the collection or its fields; it answers the same FORBIDDEN for a collection or item that does not exist',
      fix: 'Grant the action on the collection (and directus_files for /assets) to the role or policy in Settings → Access Policies, check the collection name and id exist, and send the token (Authorization: Bearer <static token>).',
    }),
    rule('missing-credentials', 0.5, body(DIRECTUS_FORBIDDEN), { why: 'no token reached Directus, so the Public role\'s permissions applied' }),
  ],
});

/** sentry-cli's wrapper of an API refusal: "sentry reported an error: <detail> (http status: 403)". */
// (cut before its status, as a log's first line keeps it: sentry-cli's error chain 'caused by: sentry reported an error: …'; corpus sentry-api/)
const SENTRY_CLI = /\bsentry reported an error: [^\n]*\(http status: \d{3}\)|\bcaused by: sentry reported an error: /;

export const sentryApi = defineProducer({
  id: 'sentry-api', kind: 'saas-api', name: 'Sentry API', family: 'sentry',
  own: [body(SENTRY_CLI)],
  causes: [
    rule('insufficient-permissions', 0.88, body(/\bsentry reported an error: You do not have permission to perform this action\./), {
      blocks: true, why: 'Sentry accepted the auth token but it may not do this: a scope missing (project:releases or project:write to create releases and upload source maps or debug files), an org slug or project the token\'s user or organization cannot reach, or the user who made the token left the organization',
      fix: 'Run sentry-cli info with the same token to see its scopes and organization; create an organization auth token (Settings → Auth Tokens) for CI and check --org / --project.',
    }),
    rule('invalid-credentials', 0.9, body(/\bsentry reported an error: Invalid (org )?token\b/), {
      blocks: true, why: 'the Sentry server called does not know the token: mistyped or revoked, or sent to another Sentry (sentry.io while the token is of a self-hosted instance, or the reverse)',
      fix: 'Set the URL and token as a pair (defaults.url / SENTRY_URL with auth.token / SENTRY_AUTH_TOKEN, read from one config file), then check with sentry-cli info.',
    }),
  ],
  checklist: { auth: 'sentry-cli info shows the server, organization and scopes the CLI really uses.' },
});

/** Bitbucket Server / Data Center's REST envelope names the Java exception: {"errors":[{…,"exceptionName":"com.atlassian.bitbucket.…"}]} (also escaped, as Go clients print it). */
const BBS_ENVELOPE = /\\?"exceptionName\\?"\s*:\s*\\?"com\.atlassian\.bitbucket\.[\w.]+/;
/** Its permission refusal (British spelling, unlike the plugins' own AuthorizationException classes). */
const BBS_AUTHZ = /\bcom\.atlassian\.bitbucket\.AuthorisationException\b/;
/** Its CAPTCHA lock after failed logins, in the REST envelope or as git prints it ("fatal: remote error: CAPTCHA required"). */
const BBS_CAPTCHA = /\bcom\.atlassian\.bitbucket\.auth\.CaptchaRequiredAuthenticationException\b|\bYour Bitbucket account has been locked\. To unlock it and log in again you must\s+solve a CAPTCHA\b/;

export const bitbucketServer = defineProducer({
  id: 'bitbucket-server', kind: 'saas-api', name: 'Bitbucket Server / Data Center', family: 'atlassian',
  // it answers with Jira's X-AREQUESTID too: its own envelope or realm makes it the writer, not Jira/Confluence
  overrides: ['atlassian'],
  own: [hdr('www-authenticate', /realm="Atlassian Bitbucket"/i), body(BBS_ENVELOPE)],
  bodyOnly: [body(BBS_AUTHZ), body(BBS_CAPTCHA)],
  causes: [
    rule('account-or-plan-restriction', 0.9, body(BBS_CAPTCHA), {
      blocks: true, why: 'Bitbucket locked the account after too many logins with a wrong password, and refuses every REST and git call for it — even with the right password — until a CAPTCHA is solved in the browser',
      fix: 'Log out of Bitbucket in a browser, log in again and solve the CAPTCHA; then find the client still sending an old password (a CI job, a credential helper, an IDE) and give it a personal access token instead.',
    }),
    rule('invalid-credentials', 0.6, body(BBS_CAPTCHA), { blocks: true, why: 'a client kept sending a wrong or outdated password until Bitbucket locked the account' }),
    rule('insufficient-permissions', 0.88, body(BBS_AUTHZ), {
      blocks: true, why: 'Bitbucket\'s permission check refused the call (it answers 401 or 403): the user or token lacks the project, repository or global permission the endpoint needs (admin endpoints need Admin or System admin; a project or repository HTTP access token reaches only its own project or repository)',
      fix: 'Grant the user the permission the REST endpoint lists (Project settings → Permissions, or Administration → Global permissions), or create the access token with that permission, then retry with it as a Bearer token.',
    }),
    rule('missing-credentials', 0.55, all(status(401), body(BBS_AUTHZ)), { why: 'the credential was not honoured (an authentication plugin or proxy dropped it), so Bitbucket checked the call as anonymous' }),
  ],
  checklist: { auth: 'Call GET /rest/api/1.0/users/<user> with the same credential to see who Bitbucket takes you for, then compare the permission the endpoint needs.' },
});

/**
 * Appwrite's scope refusal: "<who> (role: <role>) missing scope (<scope>)", type general_unauthorized_scope,
 * as JSON or as its SDKs' AppwriteException. The role says which: guests had no session, applications is an API key.
 */
const APPWRITE_SCOPE = /\(role: \w+\) missing scope \([\w.]+\)/;
const APPWRITE_GUEST = /\(role: guests?\) missing scope/;
const APPWRITE_KNOWN_CALLER = /\(role: (?!guests?\))\w+\) missing scope \(/;

export const appwrite = defineProducer({
  id: 'appwrite', kind: 'saas-api', name: 'Appwrite', family: 'appwrite',
  own: [body(/"type"\s*:\s*"general_unauthorized_scope"|\bAppwriteException\b[^\n]{0,40}missing scope/)],
  bodyOnly: [body(APPWRITE_SCOPE)],
  causes: [
    rule('missing-credentials', 0.9, body(APPWRITE_GUEST), {
      blocks: true, why: 'Appwrite saw no session (role: guests), so the call that needs a signed-in user was refused: not logged in yet, the session cookie blocked as third-party, or a server-side client not given the user\'s session',
      fix: 'Create the session first (createEmailPasswordSession) and wait for it; serve the app and Appwrite from one domain (a custom API domain) so the cookie is sent, or call setSession(secret) on the server-side client.',
    }),
    rule('insufficient-permissions', 0.88, body(APPWRITE_KNOWN_CALLER), {
      blocks: true, why: 'the caller is known but its role lacks the scope this endpoint needs: an API key (role: applications) created without that scope, or a user\'s role on a console-only endpoint',
      fix: 'Add the named scope to the API key (Project → Overview → API keys), or call the endpoint with a client that has it (user-facing account calls take a session, not a key).',
    }),
  ],
});

/** Grafana's RBAC refusal: an accessErrorId (ACE + digits, logged server-side) and the actions the caller lacks. */
const GRAFANA_RBAC = /You'll need additional permissions to perform this action\. Permissions needed: [\w.:-]+/;

export const grafana = defineProducer({
  id: 'grafana', kind: 'saas-api', name: 'Grafana HTTP API', family: 'grafana',
  own: [body(/\baccessErrorId\\?"\s*:\s*\\?"ACE\d+/)],
  bodyOnly: [body(GRAFANA_RBAC)],
  causes: [
    rule('insufficient-permissions', 0.9, body(GRAFANA_RBAC), {
      blocks: true, why: 'Grafana\'s role-based access control found the user, API key or service account without the named action (a Viewer or Editor role, an org role where a server-admin action such as users:read or orgs:read is needed)',
      fix: 'Give the identity a role with the named permission (Admin, a fixed or custom role, or Grafana server admin for server-wide actions); a service account\'s role is set on the account, not on its token.',
    }),
  ],
});
