import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Deepgram (speech to text / text to speech): `{"err_code":"<CODE>","err_msg":"…","request_id":"…"}` with its own
 * upper-case codes (developers.deepgram.com/docs/errors: INVALID_AUTH, INSUFFICIENT_PERMISSIONS,
 * ASR_PAYMENT_REQUIRED, TOO_MANY_REQUESTS), also inside its SDKs' DeepgramApiError and a ws client's handshake line.
 * Sources: developers.deepgram.com/docs/errors, Natively-AI-assistant/natively-cluely-ai-assistant#369,
 * deepgram-devs/nextjs-live-transcription#38.
 */
const DG_ENVELOPE = /"err_code"\s{0,3}:\s{0,3}"(INVALID_AUTH|INSUFFICIENT_PERMISSIONS|ASR_PAYMENT_REQUIRED|TOO_MANY_REQUESTS|PROJECT_NOT_FOUND|BAD_REQUEST|Bad Request)"\s{0,3},\s{0,3}"err_msg"/;
const dgCode = (codes: string) => new RegExp(`"err_code"\\s{0,3}:\\s{0,3}"(${codes})"`);

const deepgramApi = defineProducer({
  id: 'deepgram-api', kind: 'saas-api', name: 'Deepgram API', family: 'deepgram',
  own: [body(/\bDeepgramApiError\b|\bDeepgramError\b/), all(body(DG_ENVELOPE), body(/\bapi\.deepgram\.com\b|\bDeepgram/))],
  bodyOnly: [body(DG_ENVELOPE)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(dgCode('INVALID_AUTH')), all(body(DG_ENVELOPE), body(/"err_msg"\s{0,3}:\s{0,3}"Invalid credentials\./))), {
      blocks: true, why: 'Deepgram does not accept the API key (INVALID_AUTH): mistyped, deleted or expired, or sent with the wrong scheme (API keys go as "Authorization: Token <key>"; "Bearer" is only for the short-lived tokens of /v1/auth/grant)',
      fix: 'Send the key as "Authorization: Token <key>" (or a /v1/auth/grant JWT as Bearer), from a key the Deepgram console still lists; create a new key if unsure.',
    }),
    rule('insufficient-permissions', 0.9, body(dgCode('INSUFFICIENT_PERMISSIONS')), {
      blocks: true, why: 'the Deepgram key or project lacks what the call needs: a key role without the permission (Member/Admin for key and usage calls, 401) or a model the project may not use (403 "Project does not have access to the requested model", also sent for a misspelt model name)',
      fix: 'Check the model name against GET /v1/models; use a key with the needed role, or ask Deepgram for access to the model for this project.',
    }),
    rule('account-or-plan-restriction', 0.94, any(body(dgCode('ASR_PAYMENT_REQUIRED')), body(/Project does not have enough credits for an ASR request/)), {
      blocks: true, why: 'the Deepgram project has no credits left and no overage agreement (402 ASR_PAYMENT_REQUIRED): every transcription fails until it is topped up',
      fix: 'Add credits or a payment method to the project in the Deepgram console (Billing), or use a key of a project with balance.',
    }),
    rule('rate-limited', 0.93, body(dgCode('TOO_MANY_REQUESTS')), {
      blocks: true, why: 'more concurrent requests than the Deepgram project\'s plan allows (429 TOO_MANY_REQUESTS)',
      fix: 'Retry with exponential back-off and keep concurrent requests within the plan\'s limit.',
    }),
  ],
  checklist: { auth: 'Check the key is sent as "Authorization: Token <key>" and belongs to the project that owns the model.', server: 'Check the project\'s credits and concurrency limit in the Deepgram console.' },
});

/**
 * Verdaccio (and its ancestor Sinopia), the self-hosted npm registry: its package-access sentences, relayed by npm
 * and printed in its own log — 'unregistered users are not allowed to access package X' (no token sent, 403),
 * 'user X is not allowed to publish package Y' (the user's groups do not match the packages block), 'authorization
 * required to access/publish package X' (v5+, 401). Sources: verdaccio/verdaccio#643, #1683, #5217, #487,
 * bufferoverflow/verdaccio-gitlab#61, rlidwka/sinopia#168.
 */
const VD_ANON = /\bunregistered users are not allowed to (access|publish|unpublish) package\b|\bauthorization required to (access|publish|unpublish) package\b/;
const VD_USER = /\buser [\w.@+-]{1,80} (is not allowed to access package|is not allowed to publish package|is not allowed to unpublish package|not allowed to publish it)\b/;

const verdaccio = defineProducer({
  id: 'verdaccio', kind: 'saas-api', name: 'Verdaccio (npm registry)', family: 'verdaccio',
  // npm only relays its sentence
  overrides: ['npm-registry'],
  own: [body(VD_ANON), body(VD_USER)],
  causes: [
    rule('missing-credentials', 0.92, body(VD_ANON), {
      blocks: true, why: 'Verdaccio received no token for this package (the request is anonymous) and its packages block allows only $authenticated users or named groups to read or publish it',
      fix: 'Log in to this registry (npm login --registry <url>, or an _authToken for its host in .npmrc, scoped if the package is); check the token is sent to the exact registry URL, including its path prefix.',
    }),
    rule('insufficient-permissions', 0.92, body(VD_USER), {
      blocks: true, why: 'Verdaccio knows the user, but the packages block in its config.yaml (access, publish, unpublish) does not grant this user or their groups the action for this package name',
      fix: 'Add the user or one of their groups to the matching access/publish rule in config.yaml (the first pattern that matches the name applies), or publish under a scope they may use.',
    }),
  ],
  checklist: { auth: 'Check which packages pattern in Verdaccio\'s config.yaml matches the name, and the groups the auth plugin gives the user.' },
});

/**
 * Gerrit Code Review: its REST API's plain-text refusals ('<permission> not permitted', 'Invalid authentication
 * method. In order to authenticate, prefix the REST endpoint URL with /a/'), its receive hook's words relayed by git
 * ('prohibited by Gerrit', "you need 'Push' rights") and googlesource.com's PERMISSION_DENIED_BY_GERRIT_ACL.
 * Sources: SanderRonde/VSCode-Gerrit#58, uwolfer/gerrit-intellij-plugin#71, flutter/flutter#90409,
 * mloskot/qt-creator-plugin-boostbuild#13.
 */
const GERRIT_AUTH_METHOD = /Invalid authentication method\. In order to authenticate, prefix the REST endpoint URL with \/a\//;
const GERRIT_ACL = /\bprohibited by Gerrit\b|\bPERMISSION_DENIED_BY_GERRIT_ACL\b|\bgerritcodereview\.proto\.GerritCodeReviewError\b|\bcom\.google\.gerrit\.extensions\.restapi\.AuthException\b|To push into this reference you need '\w[\w ]{0,30}' rights/;
/** Its permission names before 'not permitted' (PermissionBackend's messages), alone as a text/plain body. */
const GERRIT_NOT_PERMITTED = /^\s{0,3}(administrate server|submit|read|push|create change|abandon|rebase|add patch set|delete (own )?changes?|view access|restore|revert|edit topic name|create ref|delete ref|create tag|forge (author|committer|server)|remove reviewer|label [\w-]{1,40}( [+-]?\d)?)( on [\w/.-]{1,120})? not permitted\s{0,3}$/;

const gerrit = defineProducer({
  id: 'gerrit', kind: 'saas-api', name: 'Gerrit Code Review', family: 'gerrit',
  // googlesource.com wraps Gerrit's ACL refusal in Google's RPC error details
  overrides: ['google-apis'],
  own: [body(GERRIT_AUTH_METHOD), body(GERRIT_ACL)],
  bodyOnly: [body(GERRIT_NOT_PERMITTED)],
  causes: [
    rule('invalid-credentials', 0.9, body(GERRIT_AUTH_METHOD), {
      blocks: true, why: 'Gerrit does not accept this way of authenticating for a REST call: a session cookie or anonymous request on a write, where Gerrit wants the authenticated /a/ endpoints with the account\'s HTTP password or token',
      fix: 'Call the REST API under /a/ (https://host/a/changes/…) with HTTP basic auth of the user name and the HTTP password generated in Settings → HTTP Credentials (not the SSO/LDAP password).',
    }),
    rule('insufficient-permissions', 0.9, any(body(GERRIT_ACL), body(/\b(administrate server|submit|read|push|create change|abandon|rebase|add patch set|view access|create ref|delete ref|create tag|forge (author|committer|server))( to at least one ref)?( on [\w/.-]{1,120})? not permitted\b/)), {
      blocks: true, why: 'Gerrit authenticated the account, but the project\'s access rights (its own or inherited from All-Projects) do not grant this permission on this ref: push, submit, create change, read or administrate server',
      fix: 'Ask a project owner to grant the named permission to one of your groups on the ref (refs/for/* for reviews, refs/heads/* for direct pushes), or push for review to refs/for/<branch> instead of the branch.',
    }),
  ],
  checklist: { auth: 'Check REST calls use the /a/ prefix with the HTTP password from Gerrit\'s settings.', server: 'Check the project\'s Access page (and All-Projects) for the permission Gerrit names.' },
});

/**
 * Pulumi Cloud (api.pulumi.com): its `{"code":401,"message":"Unauthorized: No credentials provided or are invalid."}`,
 * printed by the CLI as '[401] Unauthorized: …' and by the Pulumi Service provider as '401 API error: …'.
 * Sources: pulumi/pulumi-pulumiservice#160, pulumi/pulumi#16509.
 */
const PULUMI_401 = /Unauthorized: No credentials provided or are invalid\./;

const pulumiCloud = defineProducer({
  id: 'pulumi-cloud', kind: 'saas-api', name: 'Pulumi Cloud', family: 'pulumi',
  own: [body(PULUMI_401), body(/\bgetting user info from https:\/\/api\.pulumi\.com\b/)],
  causes: [
    rule('invalid-credentials', 0.92, body(PULUMI_401), {
      blocks: true, why: 'Pulumi Cloud does not accept the access token (or got none): expired, deleted, mistyped (spaces or a newline around PULUMI_ACCESS_TOKEN), or a token of another Pulumi Cloud (a self-hosted one) sent to api.pulumi.com',
      fix: 'Set PULUMI_ACCESS_TOKEN to a live token from app.pulumi.com (Personal/Organization access tokens), without surrounding spaces, and point the backend URL at the Pulumi Cloud that issued it.',
    }),
    rule('missing-credentials', 0.55, body(PULUMI_401)),
  ],
  checklist: { auth: 'Check PULUMI_ACCESS_TOKEN (or ~/.pulumi/credentials.json) and the backend URL it is sent to.' },
});

/**
 * Buildkite's REST API (api.buildkite.com/v2): its 401 sentence with its docs link, and `{"message":"Forbidden"}` on
 * its own host for a token without the scope or role. Sources: buildkite.com/docs/apis/rest-api, buildkite/docs#689.
 */
const BK_401 = /Authentication required\. Please supply a valid API Access Token(: https:\/\/buildkite\.com\/docs\/apis\/rest-api#authentication)?/;
const BK_HOST = /\bapi\.buildkite\.com\/v2\//;

const buildkiteApi = defineProducer({
  id: 'buildkite-api', kind: 'saas-api', name: 'Buildkite API', family: 'buildkite',
  own: [body(/\bbuildkite\.com\/docs\/apis\/rest-api#authentication\b/)],
  bodyOnly: [body(/"message"\s{0,3}:\s{0,3}"Authentication required\. Please supply a valid API Access Token/), all(body(BK_HOST), body(/"message"\s{0,3}:\s{0,3}"Forbidden"/))],
  causes: [
    rule('invalid-credentials', 0.88, body(BK_401), {
      blocks: true, why: 'Buildkite did not get a valid API access token: none in the Authorization header, a revoked or mistyped one, or a token without access to this organization',
      fix: 'Send "Authorization: Bearer <token>" with an API access token from Personal Settings → API Access Tokens that lists this organization.',
    }),
    rule('missing-credentials', 0.6, body(BK_401)),
    rule('insufficient-permissions', 0.85, all(body(BK_HOST), body(/"message"\s{0,3}:\s{0,3}"Forbidden"/)), {
      blocks: true, why: 'the Buildkite token authenticates, but lacks the REST scope this call needs (write_builds, read_artifacts…) or its user may not act on this pipeline (team permissions)',
      fix: 'Add the needed scope to the API access token (or create one with it), and check the user\'s team gives Build & Read access to the pipeline.',
    }),
  ],
  checklist: { auth: 'Check the API access token\'s scopes and organizations on buildkite.com/user/api-access-tokens.' },
});

/**
 * HCP Terraform / Terraform Cloud and Terraform Enterprise: go-tfe turns its 401 into 'unauthorized', which Terraform
 * and HashiCorp's actions print after their own words (the remote backend's 'failed to read organization
 * entitlements', the actions' 'error uploading configuration version to Terraform Cloud'). Sources:
 * hashicorp/tfc-workflows-tooling#19, hashicorp/terraform#29586.
 */
const TFC_UNAUTH = /\b(to|from|in|with) (Terraform Cloud: unauthorized|HCP Terraform: unauthorized|Terraform Enterprise: unauthorized)\b|\bfailed to read organization entitlements: unauthorized\b/;

const terraformCloud = defineProducer({
  id: 'terraform-cloud', kind: 'saas-api', name: 'HCP Terraform (Terraform Cloud / Enterprise)', family: 'hashicorp-terraform',
  own: [body(TFC_UNAUTH)],
  causes: [
    rule('invalid-credentials', 0.88, body(TFC_UNAUTH), {
      blocks: true, why: 'HCP Terraform (or Terraform Enterprise) does not accept the API token: expired or revoked, a team/organization token where a user token is needed, a token for another hostname, or an SSO session behind the token that lapsed',
      fix: 'Run terraform login <hostname> (or set TF_TOKEN_<host> / TF_API_TOKEN) with a live user or team token for that exact host; with SSO, log in to the web UI again.',
    }),
  ],
  checklist: { auth: 'Check the token in credentials.tfrc.json or TF_TOKEN_app_terraform_io matches the hostname and has not expired.' },
});

/**
 * Travis CI's API: v3's `{"@type":"error","error_type":"…","error_message":"…"}` (not_found 'resource not found (or
 * insufficient access)', insufficient_access, login_required), v2's bare 'access denied' on api.travis-ci.org/.com,
 * and the travis gem's Travis::Client exceptions. Sources: travis-ci/travis-ci#10519, travis-ci/travis.rb#449,
 * grosser/travis_dedup#6.
 */
const TRAVIS_V3 = /"@type"\s{0,3}:\s{0,3}"error"\s{0,3},\s{0,3}"error_type"\s{0,3}:/;
const travisType = (types: string) => new RegExp(`"error_type"\\s{0,3}:\\s{0,3}"(${types})"`);
const TRAVIS_CLIENT = /\bTravis::Client::(NotLoggedIn|Error|NotFound|AssertionFailed)\b/;

const travisCi = defineProducer({
  id: 'travis-ci', kind: 'saas-api', name: 'Travis CI API', family: 'travis-ci',
  own: [body(TRAVIS_CLIENT), all(body(/\bapi\.travis-ci\.(org|com)\//), body(/@body="access denied"|^access denied$/))],
  bodyOnly: [body(TRAVIS_V3)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(/Travis::Client::NotLoggedIn: invalid access token/), all(body(/\bapi\.travis-ci\.(org|com)\//), body(/@body="access denied"|^access denied$/))), {
      blocks: true, why: 'Travis CI does not accept the API token: the token from another Travis site (travis-ci.org vs travis-ci.com), a GitHub token sent where a Travis token is expected, or one that was regenerated',
      fix: 'Copy the API token from Settings of the same Travis site you call (app.travis-ci.com → Settings → API authentication) and send it as "Authorization: token <token>" with "Travis-API-Version: 3".',
    }),
    rule('missing-credentials', 0.9, all(body(TRAVIS_V3), body(travisType('login_required'))), {
      blocks: true, why: 'this Travis CI API call needs a token and none was sent', fix: 'Send "Authorization: token <Travis API token>".',
    }),
    rule('insufficient-permissions', 0.88, all(body(TRAVIS_V3), any(body(travisType('insufficient_access')), body(/resource not found \(or insufficient access\)/))), {
      blocks: true, why: 'the Travis CI token\'s user may not see or act on this repository: Travis answers not_found "(or insufficient access)" for a repository it hides, insufficient_access for an action the user lacks (activate, restart, settings)',
      fix: 'Check the slug (URL-encode the "/" as %2F) and that the token\'s user has the needed access to the repository on GitHub and has synced it in Travis; use that user\'s token.',
    }),
  ],
  checklist: { auth: 'Check the token comes from the same Travis site (travis-ci.com) and that the user has access to the repository.' },
});

/**
 * Modal (serverless GPUs): its web endpoints' edge (*.modal.run) answers in plain text prefixed 'modal-http: ' —
 * proxy auth without or with wrong Modal-Key/Modal-Secret (401), a workspace disabled for billing. Sources:
 * modal.com/docs/guide/webhook-proxy-auth, modal-labs/modal-examples#1140.
 */
const MODAL_PROXY_MISSING = /\bmodal-http: missing credentials for proxy authorization\b/;
const MODAL_PROXY_INVALID = /\bmodal-http: invalid credentials for proxy authorization\b/;
const MODAL_DISABLED = /\bmodal-http: workspace [\w-]{1,80} is disabled\b/;

const modal = defineProducer({
  id: 'modal', kind: 'saas-api', name: 'Modal (web endpoints)', family: 'modal',
  own: [body(/\bmodal-http: (missing|invalid) credentials for proxy authorization\b|\bmodal-http: workspace [\w-]{1,80} is disabled\b|\bmodal-http: (invalid function call|internal error|bad redirect method)\b/)],
  causes: [
    rule('missing-credentials', 0.93, body(MODAL_PROXY_MISSING), {
      blocks: true, why: 'the Modal web endpoint was deployed with requires_proxy_auth=True and the request carried no Modal-Key / Modal-Secret headers (a browser\'s CORS preflight never does)',
      fix: 'Send "Modal-Key: wk-…" and "Modal-Secret: ws-…" from a Proxy Auth Token of the endpoint\'s workspace (Settings → Proxy Auth Tokens), or deploy the endpoint without requires_proxy_auth if it must be public.',
    }),
    rule('invalid-credentials', 0.92, body(MODAL_PROXY_INVALID), {
      blocks: true, why: 'Modal does not accept the proxy auth token pair: an account API token (ak-/as-) instead of a workspace Proxy Auth Token (wk-/ws-), a deleted token, another workspace\'s, or one not allowed into this environment',
      fix: 'Create a Proxy Auth Token in the endpoint\'s workspace and send its wk-/ws- pair as Modal-Key / Modal-Secret.',
    }),
    rule('account-or-plan-restriction', 0.9, body(MODAL_DISABLED), {
      blocks: true, why: 'the Modal workspace that owns the endpoint is disabled (usually billing: a spend limit reached or a failed payment), so every endpoint of it answers 404',
      fix: 'Check the workspace\'s billing and usage limits on modal.com/settings, then redeploy if needed.',
    }),
  ],
  checklist: { auth: 'Check the Modal-Key / Modal-Secret pair is a workspace Proxy Auth Token.', server: 'Check the workspace is not disabled for billing.' },
});

/**
 * Stability AI (DreamStudio, the REST v1/v2beta and gRPC APIs): its account-balance sentence ('Your organization does
 * not have enough balance to request this action (need $…, have $… in active grants, $… in balance)'), relayed by its
 * SDK's gRPC PERMISSION_DENIED and by gateways, and v2beta's `{"errors":[…],"name":"<code>"}` with its moderation
 * sentence. Sources: dmarx/video-killed-the-radio-star#59 and #23, gladiaio/gladia#865,
 * ZHO-ZHO-ZHO/ComfyUI-StableDiffusion3-API#2.
 */
const STAB_BALANCE = /Your organization does not have enough balance to request this action/;
const STAB_MODERATION = /Your request was flagged by our content moderation system, as a result your request was denied and you were not charged/;
const STAB_V2 = /"errors"\s{0,3}:\s{0,3}\[[^\]]{0,400}\]\s{0,3},\s{0,3}"name"\s{0,3}:\s{0,3}"(content_moderation|payment_required|unauthorized|invalid_api_key|insufficient_balance)"/;

const stabilityAiApi = defineProducer({
  id: 'stability-ai-api', kind: 'saas-api', name: 'Stability AI API', family: 'stability-ai',
  own: [body(STAB_BALANCE), body(STAB_MODERATION)],
  bodyOnly: [body(STAB_V2)],
  causes: [
    rule('account-or-plan-restriction', 0.93, any(body(STAB_BALANCE), body(/"name"\s{0,3}:\s{0,3}"(payment_required|insufficient_balance)"/)), {
      blocks: true, why: 'the Stability AI organisation behind the key has no credits left (no balance and no active grants) for this generation: every paid call fails, whatever the key',
      fix: 'Buy credits for the organisation on platform.stability.ai (Account → Billing), or use a key of an organisation with balance; a gateway relaying this speaks of its own Stability account.',
    }),
    rule('other', 0.85, any(body(STAB_MODERATION), all(body(STAB_V2), body(/"name"\s{0,3}:\s{0,3}"content_moderation"/))), {
      blocks: true, why: 'Stability AI\'s content moderation refused the prompt or input image (403 content_moderation); nothing was charged',
      fix: 'Reword the prompt (or change the input image) so it passes Stability\'s acceptable use policy; the key and balance are fine.',
    }),
    // its 401 (name "unauthorized") is left to the generic words: a blocking rule anchored on "name" would hold for any JSON
  ],
  checklist: { server: 'Check the organisation\'s credit balance on platform.stability.ai.' },
});

/**
 * Octopus Deploy (server and Octopus Cloud): its own sentences — 401 'You must be logged in to request this resource
 * or provide a valid API key', 403 'You do not have permission to perform this action. Please contact your Octopus
 * administrator. Missing permission: <Permission>' — and Octopus.Client's OctopusSecurityException. Sources:
 * OctopusDeploy/Issues#5625, #493, #6787.
 */
const OCTO_LOGIN = /You must be logged in to request this resource or provide a valid API key/;
const OCTO_PERMISSION = /You do not have permission to perform this action\. Please contact your Octopus administrat(or|ion)\b|\bOctopusSecurityException\b/;

const octopusDeploy = defineProducer({
  id: 'octopus-deploy', kind: 'saas-api', name: 'Octopus Deploy', family: 'octopus',
  own: [body(/\bplease contact your Octopus administrat(or|ion)\b/i), body(/\bOctopus\.Client\.Exceptions\.Octopus\w+Exception\b/)],
  causes: [
    rule('invalid-credentials', 0.86, body(OCTO_LOGIN), {
      blocks: true, why: 'Octopus did not accept the request\'s identity: the API key is wrong, expired or belongs to a disabled user or service account, or the client sent a user name and password the server no longer takes for the API',
      fix: 'Send a valid API key (X-Octopus-ApiKey header, or --apiKey for the CLI) created in your profile or for a service account, and check the account is enabled.',
    }),
    rule('missing-credentials', 0.6, body(OCTO_LOGIN)),
    rule('insufficient-permissions', 0.92, body(OCTO_PERMISSION), {
      blocks: true, why: 'Octopus knows the user, but none of their teams grants the permission this action needs (named after "Missing permission:"), in this space, project or environment',
      fix: 'Ask an Octopus administrator to add a user role with the named permission to one of your teams, scoped to this space/project/environment (Configuration → Test Permissions shows what you have).',
    }),
  ],
  checklist: { auth: 'Check the API key and the user\'s teams (Configuration → Test Permissions).' },
});

/** AI inference platforms, CI services and package registries (filled by family). */
export const AI_CI_REGISTRY_PRODUCERS: Producer[] = [deepgramApi, verdaccio, gerrit, pulumiCloud, buildkiteApi, terraformCloud, travisCi, modal, stabilityAiApi, octopusDeploy];
