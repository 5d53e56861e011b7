import { all, any, body, hdr, not } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** A scoped package published as private (the default for a new scope) by an account or org without paid private packages. */
const NPM_PRIVATE_UNPAID = /You must sign up for private packages|You need a paid account to perform this action/i;
/** The registry answers a publish it refuses for a scope with 404 ("not in the npm registry") so as not to reveal the scope. */
const NPM_PUBLISH_404 = all(body(/publish Failed PUT 404|404 Not Found - PUT https?:\/\//), body(/is not in (the npm|this) registry/));
/** A version number once published (even if unpublished since) can never be published again. */
const NPM_REPUBLISH = /You cannot publish over the previously published versions?\b|Attempting to modify version \S+\s+(npm ERR! )?which was previously published/;

export const npmRegistry = defineProducer({
  id: 'npm-registry', kind: 'saas-api', name: 'npm registry', family: 'npm',
  own: [hdr('npm-notice'), body(/You do not have permission to publish|You must be logged in to publish packages|This operation requires a one-time password|registry\.npmjs\.org|npmjs\.com/i)],
  // its own sentences as the npm CLI prints them without a registry URL
  bodyOnly: [body(NPM_PRIVATE_UNPAID), body(/' is not in the npm registry\./), body(NPM_REPUBLISH)],
  causes: [
    rule('resource-policy-deny', 0.92, body(NPM_REPUBLISH), {
      blocks: true, why: 'this version of the package was already published (perhaps since unpublished): the registry never accepts the same name and version twice, to keep installs reproducible',
      fix: 'Bump the version (npm version patch) and publish again; a CI job that publishes twice for one release needs to skip versions already on the registry.',
    }),
    rule('account-or-plan-restriction', 0.9, body(NPM_PRIVATE_UNPAID), {
      blocks: true, why: 'the registry takes the scoped package as private (the default for a new scoped package) and the account or organisation has no paid private packages (E402)',
      fix: 'Publish it as public (npm publish --access public, or publishConfig.access: "public" in package.json), or subscribe the scope to private packages.',
    }),
    rule('insufficient-permissions', 0.8, NPM_PUBLISH_404, {
      blocks: true, why: 'a publish (PUT) answered 404: the registry hides scopes the token may not publish to — the scope (user or org) is not yours, or the token is missing, read-only or for another account',
      fix: 'Check npm whoami, that the scope is your user or an org you can publish to, and that the CI token is a publish (automation or granular read-write) token for it.',
    }),
    rule('invalid-credentials', 0.6, NPM_PUBLISH_404, { blocks: true, why: 'the registry did not take the token as one allowed to publish (a mistyped or expired NPM_TOKEN answers the same 404)' }),
    rule('insufficient-permissions', 0.9, body(/You do not have permission to publish|not in this registry|is not a member of/i), { why: 'the npm user is not a maintainer of this package or scope' }),
    rule('missing-credentials', 0.9, body(/You must be logged in to publish packages|one-time password|\bOTP\b/i), { why: 'no npm token was sent (or the OTP for 2FA is missing)' }),
    rule('invalid-credentials', 0.85, body(/(token|login) (is )?(expired|revoked|invalid)|Incorrect or missing password/i), { why: 'the npm token is invalid or expired' }),
  ],
});

/** PyPI's API tokens are macaroons: its refusal names them ("Invalid API Token: InvalidMacaroon(…)", "invalid macaroon signature"). */
const PYPI_MACAROON = /Invalid API Token: (InvalidMacaroon\b|invalid macaroon|token with user restriction|caveat )/;
/** A distribution file name already used on the index (its old and new wordings, 400). */
const PYPI_FILE_REUSE = /This filename has already been used, use a different version|File already exists\. See https:\/\/(test\.)?pypi\.org\/help\/#file-name-reuse|A file named "[^"]+" already exists for\s+\S+\. To fix problems with that file you should create a new release/;

export const pypi = defineProducer({
  id: 'pypi', kind: 'saas-api', name: 'PyPI', family: 'pypi',
  own: [body(/pypi\.org\/help|isn't allowed to upload to project|Invalid or non-existent authentication information/i), body(PYPI_MACAROON), body(PYPI_FILE_REUSE)],
  presence: [hdr('x-pypi-last-serial'), hdr('warehouse')],
  causes: [
    rule('invalid-credentials', 0.93, body(/Invalid or non-existent authentication information/i), { why: 'PyPI did not accept the upload credentials (use __token__ with an API token)' }),
    rule('invalid-credentials', 0.9, body(PYPI_MACAROON), {
      blocks: true, why: 'PyPI could not verify the API token (a macaroon): cut short, of the other index (pypi vs testpypi), revoked, or scoped to a project or user it does not match',
      fix: 'Create a token on the index you upload to (testpypi tokens start with pypi- too but only work there), and pass it whole with the user name __token__.',
    }),
    rule('insufficient-permissions', 0.93, body(/isn't allowed to upload to project/i), { why: 'the user/token is not an owner/maintainer of this project (or the token is scoped to another project)' }),
    rule('rate-limited', 0.85, body(/Too many failed login attempts/i), { why: 'too many failed logins' }),
  ],
});

/** Docker Hub's overall request limit (its HAProxy front's code), distinct from the pull rate limit. */
const HUB_OVERALL_LIMIT = /Too Many Requests \(HAP429\)/;

const REGISTRY_QUOTA = /\bquota exceeded\b|\bexceed the configured upper limit\b/i;

export const dockerRegistry = defineProducer({
  id: 'docker-registry', kind: 'saas-api', name: 'Docker / OCI registry', family: 'docker',
  own: [body(/"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"(UNAUTHORIZED|DENIED|TOOMANYREQUESTS|NAME_UNKNOWN|MANIFEST_UNKNOWN)"\s*,\s*"message"/), hdr('docker-distribution-api-version')],
  // pasted without headers: the client prints the v2 error code in lower case before the message (toomanyrequests: …, denied: …);
  // Docker Hub's own limit URLs (docker.com/increase-rate-limit, docs.docker.com/docker-hub/…) name it too
  bodyOnly: [body(/\b(toomanyrequests|denied|unauthorized): (You have reached your (unauthenticated )?pull rate limit|Too Many Requests|Rate exceeded|requested access to the resource is denied|authentication required|incorrect username or password)|docker\.com\/increase-rate-limit|docs\.docker\.com\/docker-hub\/(download-rate-limit|usage)/i), body(HUB_OVERALL_LIMIT)],
  presence: [hdr('docker-ratelimit-source'), hdr('www-authenticate', /realm="[^"]*token[^"]*"[\s\S]*service=/i)],
  causes: [
    rule('rate-limited', 0.92, body(HUB_OVERALL_LIMIT), {
      why: 'Docker Hub\'s overall (anti-abuse) limit on all requests from this IP, set far above the pull limit: something sends thousands of requests a minute, or many hosts share one NAT address',
      fix: 'Find and slow down what floods the registry (a scanner, a retry loop), spread traffic over more egress IPs, or use a pull-through mirror.',
    }),
    rule('rate-limited', 0.95, body(/TOOMANYREQUESTS|pull rate limit|download-rate-limit|increase-rate-limit/i), { why: 'the registry pull rate limit was reached (Docker Hub counts anonymous pulls per IP)', fix: 'Authenticate (docker login) to get a higher limit, use a mirror, or wait.' }),
    // DENIED is the distribution spec's code for any refused action, quota refusals of registries built on it included
    // (Harbor's "… will exceed the configured upper limit of 200.0 MiB", goharbor/harbor#11712; "Quota exceeded when processing
    // the request", harbor/quota-*): with those words the quota reading (plan words) leads, not a permission
    rule('insufficient-permissions', 0.88, all(body(/"code"\s*:\s*"DENIED"|requested access to the resource is denied/i), not(body(REGISTRY_QUOTA))), { why: 'the registry denied the action on this repository (no push/pull permission, or it does not exist)' }),
    rule('invalid-credentials', 0.9, body(/\bunauthorized: incorrect username or password\b/), {
      blocks: true, why: 'Docker Hub refused the stored login: a changed password, an e-mail address where the Docker ID is expected, or an access token that was revoked — docker sends the cached login even for public images',
      fix: 'Run docker logout, then docker login with the Docker ID (not the e-mail) and a personal access token.',
    }),
    rule('missing-credentials', 0.9, body(/"code"\s*:\s*"UNAUTHORIZED"[\s\S]{0,80}authentication required/i), { why: 'the registry wants a bearer token for this repository scope (private repository, or it does not exist)' }),
    rule('insufficient-permissions', 0.5, body(/"code"\s*:\s*"UNAUTHORIZED"/)),
    rule('insufficient-permissions', 0.6, hdr('www-authenticate', /error="insufficient_scope"/), { why: 'the token does not cover the repository:name:action scope requested' }),
  ],
});

/** Artifactory's REST error envelope: errors[] of {status (a number), message}, as curl and the JFrog CLI print it. */
const ARTIFACTORY_ENVELOPE = /"errors"\s*:\s*\[\s*\{\s*"status"\s*:\s*\d{3}\s*,\s*"message"\s*:/;

export const jfrogArtifactory = defineProducer({
  id: 'jfrog-artifactory', kind: 'saas-api', name: 'JFrog Artifactory', family: 'jfrog',
  own: [hdr('x-artifactory-id'), hdr('x-jfrog-version'), hdr('server', /Artifactory/i)],
  bodyOnly: [body(ARTIFACTORY_ENVELOPE), body(/\bArtifactory (response|returned the following errors)\b/)],
  causes: [
    rule('invalid-credentials', 0.9, body(/"message"\s*:\s*"Bad credentials"/), { why: 'Artifactory did not accept the user/password, API key or access token (wrong, expired or revoked)' }),
    rule('insufficient-permissions', 0.9, body(/is not permitted to (deploy|delete|overwrite|read|annotate|download)\b/i), {
      why: 'the user or token is known but its permission target lacks this action (deploy, delete/overwrite, read) on the repository path',
      fix: 'Add the action to a permission target covering this repository and path for the user or group (build-info needs the build repository too).',
    }),
  ],
  checklist: { auth: 'Check the access token or API key belongs to this instance (jf rt ping with the same credentials).', server: 'Check the permission targets for the repository and path.' },
});

export const akamaiApi = defineProducer({
  id: 'akamai-api', kind: 'saas-api', name: 'Akamai APIs (EdgeGrid)', family: 'akamai',
  own: [body(/problems\.luna\.akamaiapis\.net|akamaiapis\.net/i)],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(/The signature does not match|Invalid timestamp|timestamp (is )?(too old|invalid)/i), { why: 'the EdgeGrid signature did not verify or the timestamp is off (clock skew)' }),
    rule('invalid-credentials', 0.93, body(/Invalid authorization (client|access) token|Invalid client token|expired/i), { why: 'the EdgeGrid client token/access token is invalid or expired' }),
    rule('insufficient-permissions', 0.92, body(/does not have the grant needed|not authorized to access|insufficient (grants|permissions)/i), { why: 'the API client lacks the grant (API and access level) for this call' }),
    rule('ip-or-geo-blocked', 0.9, body(/client IP is not authorized|IP (address )?not allowed/i), { why: 'the API client restricts the allowed IPs' }),
  ],
});

/**
 * Its authentication refusal as its clients print it without the JSON envelope (JS ResponseError, the Java
 * client's "[type=security_exception, reason=…]", elastic4s): "… for REST request [/path]" is its own phrase;
 * 5.x and 6.x said "missing authentication token", later versions "credentials".
 */
const ES_REST_AUTH = /\b(missing authentication (credentials|token)|unable to authenticate user \[[^\]]*\]) for REST request \[/;
/**
 * Its write block on indices of a node past the flood-stage disk watermark, as clients print it:
 * FORBIDDEN/12 (403) in older versions, TOO_MANY_REQUESTS/12 (429) since 7.7, later reworded to name the disk.
 */
const ES_DISK_BLOCK = /blocked by: \[(FORBIDDEN|TOO_MANY_REQUESTS)\s*\/\s*12\s*\/\s*(index read-only \/ allow delete \(api\)|disk usage exceeded flood-stage watermark, index has read-only-allow-delete block)\]/;

export const elasticsearch = defineProducer({
  id: 'elasticsearch', kind: 'saas-api', name: 'Elasticsearch / OpenSearch', family: 'elastic',
  own: [hdr('x-elastic-product'), body(/"type"\s*:\s*"(security_exception|cluster_block_exception|es_rejected_execution_exception)"|no permissions for \[[^\]]+\] and User \[name=/), body(ES_DISK_BLOCK)],
  // its REST error envelope ("root_cause":[{"type":"…_exception") names it too, whatever the error
  bodyOnly: [body(/ElasticsearchSecurityException|\baction \[[\w:\/*.-]+\] is unauthorized for (user|API key|run as user) \[/),
    body(/"root_cause"\s*:\s*\[\s*\{\s*"type"\s*:\s*"\w+_exception"/), body(ES_REST_AUTH)],
  presence: [hdr('www-authenticate', /realm="security"/)],
  causes: [
    rule('missing-credentials', 0.95, body(/missing authentication (credentials|token) for REST request/), { why: 'no credentials (Authorization: Basic/ApiKey/Bearer) reached the cluster' }),
    rule('invalid-credentials', 0.93, body(/unable to authenticate (user|with provided credentials)|failed to authenticate/), { why: 'the user/password or API key was rejected' }),
    rule('insufficient-permissions', 0.93, body(/is unauthorized for (user|API key)|no permissions for \[/), { why: 'the roles of this user/API key do not grant the action on these indices (the message names the privilege)' }),
    rule('account-or-plan-restriction', 0.88, body(/current license is non-compliant|license (is )?expired/i), { why: 'the license does not allow this feature' }),
    // its 429 is no rate limit: waiting does not lift the block until disk is freed
    rule('other', 0.95, body(ES_DISK_BLOCK), {
      blocks: true, why: 'the index is write-blocked (index.blocks.read_only_allow_delete): a node holding it passed the flood-stage disk watermark (95 % by default), so writes are refused — sent with 429 since 7.7, 403 before — until disk is freed',
      fix: 'Free disk on the data nodes (delete old indices, add disk or nodes); 7.4 and later lift the block by themselves once usage drops below the high watermark, older versions need PUT <index>/_settings {"index.blocks.read_only_allow_delete": null}.',
    }),
    rule('other', 0.75, body(/cluster_block_exception|index read-only/), { why: 'the index is write-blocked (read_only_allow_delete after the disk flood-stage watermark)', blocks: true }),
    rule('rate-limited', 0.8, body(/es_rejected_execution_exception/), { why: 'the node\'s thread pool queue is full (429 backpressure)', blocks: true }),
  ],
});

/** Supabase Auth (GoTrue): supabase-js's AuthApiError, its /auth/v1/ endpoints, its invalid_credentials object. */
const SUPABASE_AUTH = /\bAuthApiError\b|\.supabase\.co\/auth\/v1\/|"code"\s*:\s*"invalid_credentials"\s*,\s*"message"\s*:\s*"Invalid login credentials"|"code"\s*:\s*"email_not_confirmed"/;

export const supabasePostgrest = defineProducer({
  id: 'supabase-postgrest', kind: 'saas-api', name: 'Supabase / PostgREST', family: 'supabase', overrides: ['kong'],
  own: [body(/"code"\s*:\s*"(PGRST\d+|42501)"|No `apikey` request header or url param was found|Supabase `anon` or `service_role` API key/), hdr('sb-gateway-version'), hdr('sb-project-ref')],
  bodyOnly: [body(/violates row-level security policy for table|new row violates row-level security/i), body(SUPABASE_AUTH)],
  presence: [hdr('content-profile'), hdr('sb-request-id'), hdr('server', /^postgrest/i)],
  causes: [
    rule('missing-credentials', 0.95, body(/No `apikey` request header or url param was found|No API key found in request|"code"\s*:\s*"PGRST302"|Anonymous access is disabled/), { why: 'Supabase\'s API gateway wants the project key in the apikey header (or ?apikey=)' }),
    rule('invalid-credentials', 0.93, body(/Invalid API key|JWT expired|"code"\s*:\s*"PGRST30[13]"|JWSError|JWT invalid/), { why: 'the apikey/JWT is invalid or expired' }),
    rule('invalid-credentials', 0.9, body(/Invalid login credentials/), {
      blocks: true, why: 'Supabase Auth refused the email/password sign-in (400 invalid_credentials): a wrong password, an unknown email, or a user created without a password',
      fix: 'Check the email and password (or reset the password); users invited or created through OAuth need a password set before signInWithPassword works.',
    }),
    rule('account-or-plan-restriction', 0.88, body(/\bEmail not confirmed\b|"email_not_confirmed"/), {
      blocks: true, why: 'Supabase Auth will not sign this user in until the email address is confirmed (400 email_not_confirmed): the confirmation link was not followed (or not sent), and a user created through the admin API without email_confirm stays unconfirmed even with confirmations turned off',
      fix: 'Follow the confirmation link (resend it with auth.resend({ type: \'signup\', email })), or create the user with email_confirm: true / confirm it in the dashboard.',
    }),
    rule('insufficient-permissions', 0.9, body(/"code"\s*:\s*"42501"|permission denied for (table|schema|function|sequence)|violates row-level security policy/), {
      why: 'Postgres refused: the role (anon/authenticated) lacks the GRANT or a row-level security policy rejects the row',
      fix: 'Add an RLS policy for this role/operation (or GRANT the privilege), or call with the user\'s JWT rather than anon.',
    }),
  ],
});

/** Bitbucket Cloud's own 401 sentences (its {"type":"error","error":{"message"}} envelope or as clients print them). */
const BITBUCKET_AUTH = /Bitbucket Cloud recently stopped supporting account passwords for (API|Git) authentication|Access token expired\. Use your refresh token|Token is invalid, expired, or not supported for this endpoint|Login failed due to incorrect login credentials or method\.(\s|\\n)+For information on authentication methods for Bitbucket Cloud/;

export const bitbucketCloud = defineProducer({
  id: 'bitbucket-cloud', kind: 'saas-api', name: 'Bitbucket Cloud API', family: 'bitbucket',
  own: [all(body(/"type"\s*:\s*"error"\s*,\s*"error"\s*:\s*\{\s*"message"\s*:/), body(/\bbitbucket\.org\b|Bitbucket|Use your refresh token|not supported for this endpoint/))],
  bodyOnly: [body(BITBUCKET_AUTH), body(/\bapi\.bitbucket\.org\/2\.0\//)],
  causes: [
    rule('invalid-credentials', 0.9, body(BITBUCKET_AUTH), {
      blocks: true, why: 'Bitbucket Cloud did not accept the credential: an expired OAuth access token, an API token without the scope for this endpoint, or a password or app password where an API token is required',
      fix: 'Refresh the OAuth token; for API tokens use your Atlassian account email as the user and check the token\'s scopes (app passwords are being retired).',
    }),
  ],
});

/**
 * CircleCI's refusal of a token it cannot tie to a user (a project token, or a revoked personal token on /me),
 * as its whole body with its Jackson spacing: the bare sentence is every web app's login flash message.
 */
const CIRCLECI_LOGIN = /^\s*\{\s*"message" : "You must log ?in first\."\s*\}\s*$/;

export const circleciApi = defineProducer({
  id: 'circleci-api', kind: 'saas-api', name: 'CircleCI API', family: 'circleci',
  // its {"message" : "…"} is anyone's; its login sentence or its API URL beside it names CircleCI
  bodyOnly: [body(CIRCLECI_LOGIN), all(body(/\bcircleci\.com\/api\/v(1\.1|2)\//), body(/"message"\s*:\s*"(Permission denied|You must log ?in first\.)"/))],
  causes: [
    rule('invalid-credentials', 0.75, body(/"message"\s*:\s*"(Permission denied|You must log ?in first\.)"/), {
      blocks: true, why: 'CircleCI did not accept the token for this endpoint: a project API token where a personal token is needed, or a revoked or recycled personal token',
      fix: 'Create a personal API token (User Settings → Personal API Tokens) and send it as Circle-Token: <token>.',
    }),
    rule('missing-credentials', 0.55, body(CIRCLECI_LOGIN), { why: 'no token reached CircleCI' }),
  ],
});

/** Quay's two refusals of a credential it cannot use: Basic credentials on /v2/, and an API token that is not an OAuth application's. */
const QUAY_REFUSAL = /"error": "(Invalid bearer token format|CSRF token was invalid or missing\.?)"/;

export const quay = defineProducer({
  id: 'quay', kind: 'saas-api', name: 'Quay (quay.io / Red Hat Quay)', family: 'quay',
  // its API's problem type URLs are its own; its short sentences are anyone's, so they need quay.io beside them
  own: [body(/\bquay\.io\/api\/v1\/error\/\w+/)],
  bodyOnly: [all(body(/\bquay\.io\b/i), body(QUAY_REFUSAL))],
  causes: [
    rule('invalid-credentials', 0.85, any(body(/Invalid bearer token format/), body(/"error_type"\s*:\s*"invalid_token"|\/api\/v1\/error\/invalid_token/)), {
      blocks: true, why: 'Quay wants a bearer token here: user/password (Basic) on /v2/ must first be exchanged at /v2/auth, and its API needs an OAuth application token',
      fix: 'Get a registry token from /v2/auth?service=<host>&scope=… (or use docker/podman login), and for /api/v1 create an OAuth application token in the organisation.',
    }),
    rule('invalid-credentials', 0.8, body(/CSRF token was invalid or missing/), {
      blocks: true, why: 'Quay did not take the bearer token as an OAuth application token, so it treated the call as a browser session and asked for its CSRF token',
      fix: 'Create an OAuth application in the Quay organisation, generate its token with the needed scopes, and send it as Authorization: Bearer …',
    }),
  ],
});

/**
 * Azure DevOps (and TFS) number their messages: "TF401027: …", "VS30063: …"; the REST envelope names its .NET exception. git prints
 * the code right after a pkt-line length when the server refuses a push ("remote: 0000000000aaTF401027: …", github.com/gbrueckl/PowerBI.CICD/issues/2).
 */
const ADO_CODE = /(?:TF|VS)(?<![G-Zg-z_]..)\d{5,6}: [A-Z]/;
const ADO_BRANCH_POLICY = /\bTF402455\b|Pushes to this branch (are not|aren't) (permitted|allowed); you must use a pull request to update this branch/;
const ADO_NOT_AUTHORIZED = /\bTF400813\b|\bVS30063: You are not authorized to access/;
const ADO_NEEDS_PERMISSION = /\bTF401027: You need the (Git )?'\w+' permission|\bGitNeedsPermissionException\b/;
const ADO_REPO_HIDDEN = /\bTF401019: The Git repository with name or identifier \S+ does not exist or you do not have permissions/;
/** Its throttling of a user or pipeline identity: a resource's usage over the limit in a namespace (TSTUs, 'Concurrency', 'ATCPU' in 'VSID'). */
const ADO_THROTTLED = /\bRequest was blocked due to exceeding usage of resource '[\w ]+' in namespace '\w+'/;
/** Its Entra ID Conditional Access check on a PAT or an alternate credential (VS403463). */
const ADO_CONDITIONAL_ACCESS = /\bVS403463: The conditional access policy defined by your Azure Active Directory administrator has failed/;

export const azureDevops = defineProducer({
  id: 'azure-devops', kind: 'saas-api', name: 'Azure DevOps', family: 'microsoft-devops',
  own: [body(/"typeName"\s*:\s*"Microsoft\.(TeamFoundation|VisualStudio\.Services)\.[\w.]+Exception/)],
  // its numbered messages as git, az devops or a pipeline print them, and its branch-policy sentence
  bodyOnly: [body(ADO_CODE), body(ADO_BRANCH_POLICY), body(ADO_THROTTLED)],
  presence: [hdr('x-tfs-processid'), hdr('x-vss-e2eid'), hdr('x-tfs-session')],
  causes: [
    rule('rate-limited', 0.92, body(ADO_THROTTLED), {
      blocks: true, why: 'Azure DevOps throttled this identity: its usage of a shared resource (TSTUs of server load, concurrent requests, CPU in the VSID namespace) over the last minutes passed the limit, so requests are delayed and then blocked until usage falls back',
      fix: 'Slow the tool down and honour Retry-After and the X-RateLimit-* headers; spread a migration or bulk job over time or split it across identities (Organization settings → Usage shows the commands that cost the most).',
    }),
    rule('resource-policy-deny', 0.9, body(ADO_CONDITIONAL_ACCESS), {
      blocks: true, why: 'the credential is valid, but the organisation validates PATs and other non-browser credentials against the tenant\'s Entra ID Conditional Access policies, and this request failed one: most often a location or IP policy (a call from outside the corporate network or VPN) or a device condition',
      fix: 'Call from a network or device the tenant\'s Conditional Access policies allow (VPN, a named location), or ask an administrator which policy applies to Azure DevOps in the Entra sign-in logs.',
    }),
    rule('resource-policy-deny', 0.92, body(ADO_BRANCH_POLICY), {
      blocks: true, why: 'a branch policy of the repository requires changes to reach this branch through a pull request, so a direct push is refused whatever the pusher\'s permissions',
      fix: 'Push to another branch and open a pull request, or grant the identity "Bypass policies when pushing" on the branch.',
    }),
    rule('insufficient-permissions', 0.92, body(ADO_NEEDS_PERMISSION), {
      blocks: true, why: 'the identity is known but lacks the named repository permission (GenericContribute is Contribute, PullRequestContribute is Contribute to pull requests); a pipeline pushes as its Build Service identity',
      fix: 'Allow the permission for that identity (often "<project> Build Service (<org>)" or "Project Collection Build Service") under Project settings → Repositories → Security.',
    }),
    rule('insufficient-permissions', 0.8, body(ADO_REPO_HIDDEN), {
      blocks: true, why: 'Azure DevOps answers alike for a repository that does not exist and one the identity may not read: a pipeline\'s job access token scoped to its own project, or a name with a typo',
      fix: 'Check the repository name and project; give the build identity Read on that repository or turn off "Limit job authorization scope to current project".',
    }),
    rule('invalid-credentials', 0.8, body(ADO_NOT_AUTHORIZED), {
      blocks: true, why: 'the organisation does not accept this identity: an expired or revoked PAT, a token of another organisation, or a service principal or managed identity not added to the organisation as a user',
      fix: 'Create a new PAT in this organisation with the needed scopes, or add the service principal or managed identity to the organisation (Organization settings → Users) before calling its APIs.',
    }),
  ],
  checklist: { auth: 'Check which identity called (PAT owner, Build Service, service principal), that it is a user of the organisation, and its permissions on the project and repository.' },
});

/** Harbor wraps its access error in itself: "unauthorized to access repository: p/r, action: push: unauthorized to access repository: p/r, action: push". */
const HARBOR_DENIED = /unauthorized to access repository: \S+, action: \w+: unauthorized to access repository: /;

/** Its project policy 'Prevent vulnerable images from running' refusing a pull (412): scanned above the severity, or not yet scanned. */
const HARBOR_VULN_POLICY = /cannot be pulled due to configured policy in 'Prevent images with vulnerability severity of /;

/** Its project quota refusing a push (DENIED envelope or docker's line): 1.9's "Quota exceeded when processing the request of adding …",
 * 2.x's "adding … of storage resource, which when updated to current usage of … will exceed the configured upper limit of …"
 * (github.com/goharbor/harbor/issues/17390, /11712), 1.9-rc's "Not enough quota available … overflow the hard limit". */
const HARBOR_QUOTA = /\bQuota exceeded when processing the request of adding\b|\b(?:adding|subtracting) [\d.]{1,12} ?[KMGTP]?i?B(?: of storage resource)?, which when (?:updated|added) to current usage of\b|\bNot enough quota available to process the request, add [\d.]{1,12} ?[KMGTP]?i?B of storage resource overflow the hard limit\b/;

export const harbor = defineProducer({
  id: 'harbor', kind: 'saas-api', name: 'Harbor registry', family: 'harbor', overrides: ['docker-registry'],
  bodyOnly: [body(HARBOR_DENIED), body(HARBOR_VULN_POLICY), body(HARBOR_QUOTA)],
  // its token service's realm (…/service/token, service="harbor-registry")
  presence: [hdr('www-authenticate', /realm="[^"]*\/service\/token"/)],
  causes: [
    rule('insufficient-permissions', 0.85, body(HARBOR_DENIED), {
      blocks: true, why: 'Harbor found no role allowing this action on the project for the caller: the account (or robot) is not a member with Developer or higher for push, the login did not reach Harbor (anonymous), or the image name lacks the project',
      fix: 'Tag the image as <harbor-host>/<project>/<repo>:<tag>, docker login to that exact host (no other port or proxy host), and give the account or robot account push rights in the project.',
    }),
    rule('missing-credentials', 0.6, body(HARBOR_DENIED), { blocks: true, why: 'the push reached Harbor without the login (not logged in to that host name, or a proxy in front dropped the token)' }),
    rule('account-or-plan-restriction', 0.93, body(HARBOR_QUOTA), {
      blocks: true, why: 'the project\'s storage quota (set by a Harbor admin) would be exceeded by this push: Harbor refuses the blobs or manifest whatever the caller\'s rights, and docker keeps retrying',
      fix: 'Delete unused tags and run garbage collection in the project, or have a Harbor admin raise the project quota (Administration → Projects → Quotas).',
    }),
    rule('resource-policy-deny', 0.92, body(HARBOR_VULN_POLICY), {
      blocks: true, why: 'the project\'s "Prevent vulnerable images from running" policy refused the pull, whatever the caller\'s rights: the image\'s scan found vulnerabilities at or above the project\'s severity, or its scan is still pending or missing (a pull right after the push)',
      fix: 'Fix and rebuild the image, or have a project admin add the CVEs to the project\'s CVE allowlist or raise the severity threshold (Project → Configuration); for a pending scan, wait for it to finish before pulling.',
    }),
  ],
});

/** nuget.org's push refusal (a 403's reason phrase, as nuget.exe, dotnet nuget push and CI deployers print it). */
const NUGET_API_KEY = /The specified API key (is )?invalid(, has expired,)? or does not have permission to access the specified package/;

export const nugetGallery = defineProducer({
  id: 'nuget-gallery', kind: 'saas-api', name: 'NuGet Gallery (nuget.org)', family: 'nuget',
  bodyOnly: [body(NUGET_API_KEY)],
  causes: [
    rule('invalid-credentials', 0.8, body(NUGET_API_KEY), {
      blocks: true, why: 'nuget.org did not accept the API key for this push: most often it expired (keys last a year at most) or was regenerated, or it is another account\'s key',
      fix: 'Create or regenerate the key on nuget.org (Account → API Keys) and update the CI secret; if it is current, see the next cause.',
    }),
    rule('insufficient-permissions', 0.7, body(NUGET_API_KEY), {
      blocks: true, why: 'the key is valid but its scopes do not cover this package: no "push new packages" scope for a new id, or a glob pattern that does not match the package id',
      fix: 'Edit the key\'s scopes and glob pattern on nuget.org (or create one with Push new packages and package versions for this id).',
    }),
  ],
});

/** rubygems.org's refusal of a push by an account that does not own the gem (newer servers add the owner hint). */
const RUBYGEMS_NOT_OWNER = /You do not have permission to push to this gem\./;
/** A gem version pushed before (yanked or not) cannot be pushed again (409). */
const RUBYGEMS_REPUSH = /Repushing of gem versions is not allowed\./;

export const rubygems = defineProducer({
  id: 'rubygems', kind: 'saas-api', name: 'RubyGems.org', family: 'rubygems',
  bodyOnly: [body(RUBYGEMS_NOT_OWNER), body(RUBYGEMS_REPUSH)],
  causes: [
    rule('insufficient-permissions', 0.9, body(RUBYGEMS_NOT_OWNER), {
      blocks: true, why: 'the account behind the API key is not an owner of this gem (or has not confirmed its ownership invitation), so rubygems.org refuses the push',
      fix: 'Have an owner run gem owner <gem> --add <your email> and accept the confirmation, or push with a key of an owning account.',
    }),
  ],
});

/** crates.io's refusal of a publish by an account that is not (or not yet) an owner of the crate. */
const CRATES_NOT_OWNER = /this crate exists but you don't seem to be an owner/;
/** Its publish rate limit (new crate names: a burst of 5, then one per 10 minutes), with the time to retry. */
const CRATES_RATE = /You have published too many (new )?crates in a\s+short period of time/;

export const cratesIo = defineProducer({
  id: 'crates-io', kind: 'saas-api', name: 'crates.io', family: 'crates-io',
  // … and cargo's own line naming the registry that refused the publish (doc.rust-lang.org/cargo/commands/cargo-publish.html, corpus crates-io/)
  bodyOnly: [body(CRATES_NOT_OWNER), body(CRATES_RATE), body(/\bfailed to publish (\S+ v[\w.+-]+ )?to registry at https:\/\/crates\.io\b/)],
  causes: [
    rule('rate-limited', 0.92, body(CRATES_RATE), {
      blocks: true, why: 'crates.io\'s publish rate limit: new crate names are allowed in a small burst, then about one every ten minutes (new versions more often); the message says when to retry',
      fix: 'Wait until the time the message names and publish the rest (tools such as cargo-release can pace it), or email help@crates.io to raise the limit for a large workspace.',
    }),
    // older crates.io sent it with 200 and an errors list ("api errors (status 200 OK)"), today with 403
    rule('insufficient-permissions', 0.9, body(CRATES_NOT_OWNER), {
      blocks: true, why: 'the token\'s account is not an owner of this crate: an owner invitation not accepted yet, or a GitHub team owner crates.io can no longer see (the team was recreated, or the org restricts third-party access)',
      fix: 'Accept the owner invitation on crates.io (or have an owner run cargo owner --add <you>); for team owners, check the team exists and the org grants crates.io access.',
    }),
  ],
});
