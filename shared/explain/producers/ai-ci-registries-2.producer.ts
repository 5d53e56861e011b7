import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Open VSX (open-vsx.org and its self-hosted servers), the extension registry of VS Code forks: its publish refusals
 * as ovsx and the web dialog print them — 'Insufficient access rights for publisher: <ns>' (the namespace belongs to
 * others), 'Authorization by Eclipse required.' (the account's Eclipse login behind the publisher agreement is missing
 * or expired). Sources: EclipseFdn/open-vsx.org#8960, eclipse-openvsx/openvsx#913, eclipse-openvsx/openvsx#1634.
 */
const OVSX_PUBLISHER = /\binsufficient access rights for (publisher|namespace|extension):? [\w.-]{1,80}/i;
const OVSX_ECLIPSE = /\bAuthorization by Eclipse required\b|\bsign a Publisher Agreement before publishing\b/;

const openVsx = defineProducer({
  id: 'open-vsx', kind: 'saas-api', name: 'Open VSX Registry', family: 'open-vsx',
  own: [body(OVSX_PUBLISHER), body(OVSX_ECLIPSE), body(/\bgithub\.com\/eclipse(-openvsx)?\/openvsx\/wiki\/Publishing-Extensions\b/)],
  causes: [
    rule('insufficient-permissions', 0.92, body(OVSX_PUBLISHER), {
      blocks: true, why: 'Open VSX knows the token\'s user, but the user is no member (owner or contributor) of the namespace named by the extension\'s publisher field, often because the namespace was created earlier by someone else or by the auto-publish service',
      fix: 'Ask the namespace\'s owner to add you as a contributor, or claim the namespace with an issue on EclipseFdn/open-vsx.org; check the publisher field in package.json is your namespace.',
    }),
    rule('account-or-plan-restriction', 0.9, any(body(OVSX_ECLIPSE)), {
      blocks: true, why: 'Open VSX publishes only for accounts linked to an Eclipse Foundation account that has signed the Publisher Agreement; that link is missing or its Eclipse authorization has expired, though the Open VSX token itself is valid',
      fix: 'Log in to open-vsx.org, open User settings and "Log in with Eclipse" (and sign the Publisher Agreement if asked), then publish again with the same token.',
    }),
  ],
  checklist: { auth: 'Check the Open VSX account is linked to Eclipse with a signed Publisher Agreement and is a member of the namespace.' },
});

/**
 * Clarifai's v2 API: `{"status":{"code":<5 digits>,"description":"…","details":"…","req_id":"…"}}` with its own code
 * space (1100x connection/auth: 11008 'Invalid API key or Invalid API key/application pair', 11009 'API key not
 * found'), and its Python client's 'clarifai.errors.ApiError: … error_code: …, error_description: …'. Sources:
 * Clarifai/clarifai-python#96, JettChenT/scan-for-webcams#32, mongodb/kingfisher#78.
 */
const CLARIFAI_STATUS = /"status"\s{0,3}:\s{0,3}\{\s{0,20}"code"\s{0,3}:\s{0,3}(1\d{4}|[2-9]\d{4})\s{0,3},\s{0,20}"description"\s{0,3}:\s{0,3}"[^"]{1,200}"\s{0,3},\s{0,20}"details"\s{0,3}:\s{0,3}"[^"]{0,300}"\s{0,3},\s{0,20}"req_id"/;
const CLARIFAI_CLIENT = /\bclarifai\.errors\.ApiError\b|\bapi\.clarifai\.com\/v2\/[\w/]{0,80} FAILED\(/;
const clarifaiCode = (codes: string) => new RegExp(`"code"\\s{0,3}:\\s{0,3}(${codes})\\b|\\berror_code: (${codes})\\b`);

const clarifaiApi = defineProducer({
  id: 'clarifai-api', kind: 'saas-api', name: 'Clarifai API', family: 'clarifai',
  own: [body(CLARIFAI_CLIENT)],
  bodyOnly: [body(CLARIFAI_STATUS)],
  causes: [
    // the rules run once its envelope or client named Clarifai: their own codes and sentences suffice
    rule('invalid-credentials', 0.92, any(body(clarifaiCode('11008|11009')), body(/\bAPI key not found\b|\bInvalid API key or Invalid API key\/application pair\b/)), {
      blocks: true, why: 'Clarifai does not accept the key: 11009 "API key not found" (none sent, or a deleted key), 11008 "Invalid API key or Invalid API key/application pair" (malformed, quoted, or a key of another app)',
      fix: 'Send "Authorization: Key <key>" with a Personal Access Token or an app key copied without quotes from the Clarifai portal; with an app-specific key, call that app\'s resources (user_id/app_id) only.',
    }),
    rule('insufficient-permissions', 0.85, any(body(clarifaiCode('11007')), body(/\binsufficient scopes?\b/i)), {
      blocks: true, why: 'the Clarifai key authenticates but lacks the scope this call needs (an app key made with limited scopes)',
      fix: 'Add the scope to the key in the Clarifai portal, or use a Personal Access Token.',
    }),
  ],
  checklist: { auth: 'Check the Authorization: Key header and the key\'s scopes and app in the Clarifai portal.' },
});

/**
 * Weights & Biases (wandb.ai and W&B Server): its SDK prints the API's answers as 'wandb: ERROR Error while calling W&B
 * API: <reason> (<Response [4xx]>)' and raises CommError / AuthenticationError with W&B's own sentences — 'It appears
 * that you do not have permission to access the requested resource. Please reach out to the project owner…', 'The API
 * key you provided is either invalid or missing.', 'anonymous user cannot …', 'user is not logged in'. Sources:
 * Sharath-girish/LilNetX#4, wandb/wandb#1003, #7118, #7783, #3166, dotchen/LAV#45.
 */
const WANDB_CALL = /\bError while calling W&B API: [^\n(]{1,120}\(<Response \[\d{3}\]>\)/;
const WANDB_PERMISSION = /\bdo not have permission to access the requested resource\. Please reach out to the project owner to grant you access\b|\bError while calling W&B API: permission denied \(<Response \[403\]>\)|\bLaunch exception: Permission denied to access [\w.-]{1,80}\/|\bwandb\.errors\.CommError: Permission denied, ask the project owner to grant you access\b/;
const WANDB_INVALID_KEY = /\bThe API key you provided is either invalid or missing\b|\bwandb\.errors\.CommError: Invalid or missing api_key\b|\bError while calling W&B API: permission denied \(<Response \[401\]>\)/;
const WANDB_ANON = /\bError while calling W&B API: (anonymous user cannot [\w ]{1,60}|user is not logged in) \(<Response \[40[13]\]>\)/;

const wandb = defineProducer({
  id: 'wandb', kind: 'saas-api', name: 'Weights & Biases', family: 'wandb',
  own: [body(WANDB_CALL), body(/\bPlease reach out to the project owner to grant you access\b/), body(/\bwandb\.errors\.(CommError|AuthenticationError|AuthorizationError)\b/)],
  causes: [
    rule('missing-credentials', 0.9, body(WANDB_ANON), {
      blocks: true, why: 'the W&B API got no API key with the request (anonymous), e.g. WANDB_API_KEY set after the wandb session had started, or no wandb login on this machine',
      fix: 'Run wandb login (or set WANDB_API_KEY before the first wandb call, or wandb.login(key=…)); on a W&B Server, log in to that host with --host.',
    }),
    rule('invalid-credentials', 0.9, body(WANDB_INVALID_KEY), {
      blocks: true, why: 'W&B does not accept the API key: mistyped, revoked, or a key of wandb.ai sent to a self-hosted W&B Server (or the reverse)',
      fix: 'Copy a key from the user settings of the host you call (wandb.ai/authorize or your server), then wandb login --relogin [--host <server>].',
    }),
    rule('insufficient-permissions', 0.92, body(WANDB_PERMISSION), {
      blocks: true, why: 'the W&B user of the key may not write to this entity or project: the code logs into another team or user\'s entity (often the one hard-coded by the repository\'s authors), or the team has not given you access',
      fix: 'Set entity= to your own user or team (or drop it), and a project you own; or ask the project\'s owner to add you to the team.',
    }),
  ],
  checklist: { auth: 'Check wandb login for this host and the entity/project the run logs into.' },
});

/**
 * Clojars (the Clojure Maven repository): Maven's wagon prints its answers as 'Could not transfer artifact … from/to
 * clojars (https://repo.clojars.org/): Access denied to: …, ReasonPhrase: Forbidden[ - <Clojars' reason>]' or 'Return
 * code is: 401'; Clojars' own reasons: 'redeploying non-snapshots is not allowed', 'a deploy token is required to
 * deploy'. Sources: clojars/clojars-web#277, #774, #550.
 */
const CLOJARS_REPO = /\bfrom\/to [\w.-]{1,40} \(https?:\/\/(repo\.)?clojars\.org\/(repo\/?)?\)/;
const CLOJARS_REASON = /\bReasonPhrase: (Forbidden|Unauthorized) - (redeploying non-snapshots is not allowed|a deploy token is required to deploy|[\w ,'-]{1,80}) \(see https:\/\/git\.io\/\w+\)/;

const clojars = defineProducer({
  id: 'clojars', kind: 'saas-api', name: 'Clojars', family: 'clojars',
  own: [body(CLOJARS_REPO), body(/\bredeploying non-snapshots is not allowed\b|\ba deploy token is required to deploy\b/)],
  bodyOnly: [body(CLOJARS_REASON)],
  causes: [
    rule('resource-policy-deny', 0.92, body(/\bredeploying non-snapshots is not allowed\b/), {
      blocks: true, why: 'Clojars never lets a released (non-SNAPSHOT) version be deployed again: this group/artifact/version already exists there',
      fix: 'Bump the version (or deploy a -SNAPSHOT); a published release cannot be replaced.',
    }),
    rule('invalid-credentials', 0.88, any(body(/\ba deploy token is required to deploy\b/), all(body(CLOJARS_REPO), body(/\b(Return code is: 401|status code: 401|ReasonPhrase: Unauthorized)\b/))), {
      blocks: true, why: 'Clojars did not accept the deploy credentials: it takes the user name with a deploy token (not the account password), and the token may be expired, revoked or scoped to another group',
      fix: 'Create a deploy token on clojars.org (Dashboard → Deploy Tokens) and use it as the password for your user name (CLOJARS_USERNAME / CLOJARS_PASSWORD, or ~/.lein/credentials).',
    }),
    rule('insufficient-permissions', 0.86, all(body(CLOJARS_REPO), body(/\bAccess denied to: [^\n]{1,300}ReasonPhrase: Forbidden(?! - )/)), {
      blocks: true, why: 'Clojars authenticated the user, but it may not deploy to this group: the account is no member of the group (or the group is not verified for it), or the token is limited to another group',
      fix: 'Deploy under a group you own (org.clojars.<user>, or a verified domain group), or ask a member to add you to the group on clojars.org.',
    }),
  ],
  checklist: { auth: 'Check the deploy token and the groups your Clojars account belongs to.' },
});

/**
 * Roboflow (hosted models and datasets): its inference SDK's words around the API's answers — 'Unsuccessful request to
 * Roboflow API with response code: <status>', RoboflowAPINotAuthorizedError ('Unauthorized access to roboflow API'),
 * and requests' HTTPError raised inside inference/core/roboflow_api.py. Sources: roboflow/rf-detr#385,
 * a-Fig/Automated-Game-Bot#3.
 */
const RF_UNSUCCESSFUL = /\bUnsuccessful request to Roboflow API with response code: (\d{3})\b/;
const RF_SDK = /\bRoboflowAPI(NotAuthorized|NotFound|Connection|Unsuccessful)\w*Error\b|\bUnauthorized access to roboflow API\b|inference[\\/]{1,2}core[\\/]{1,2}roboflow_api\.py/;

const roboflowApi = defineProducer({
  id: 'roboflow-api', kind: 'saas-api', name: 'Roboflow API', family: 'roboflow',
  own: [body(RF_UNSUCCESSFUL), body(RF_SDK)],
  causes: [
    rule('invalid-credentials', 0.88, any(body(/\bUnauthorized access to roboflow API\b|\bRoboflowAPINotAuthorizedError\b/), all(body(RF_SDK), body(/\b401 Client Error\b/))), {
      blocks: true, why: 'Roboflow does not accept the API key for this workspace: mistyped, revoked, or a key of another workspace than the model\'s or dataset\'s',
      fix: 'Use the Private API Key of the workspace that owns the model (Roboflow → Settings → API Keys), passed as api_key= or ROBOFLOW_API_KEY.',
    }),
    rule('insufficient-permissions', 0.8, any(body(/\bUnsuccessful request to Roboflow API with response code: 403\b/), all(body(RF_SDK), body(/\b403 Client Error\b/))), {
      blocks: true, why: 'the Roboflow API refused this model or dataset to the key (403): no key was accepted for it, it belongs to another workspace, or the plan does not include it',
      fix: 'Set ROBOFLOW_API_KEY to a key of a workspace with access to the model (public models too need a key), and check the model id.',
    }),
  ],
  checklist: { auth: 'Check ROBOFLOW_API_KEY belongs to the workspace that owns the model or dataset.' },
});

/**
 * Hackage (hackage.haskell.org, the Haskell package server): its plain-text refusals as cabal and stack print them —
 * 'You are not authorised to upload (candidates|new versions) of this package. … you are not a member of the maintainer
 * group', 'No access for this resource.' (not in the uploaders group), 'No authorization provided' (401), after cabal's
 * 'Error uploading <tarball>: http code <n>' or 'Error: <tarball>: 403 Forbidden'. Sources:
 * hackage-trustees/hackage-cli#14, yesodweb/serversession#33, haskell/hackage-server#235, haskell/cabal#7666.
 */
const HACKAGE_MAINTAINER = /\bYou are not authorised to upload (candidates|new versions|documentation) (of|for) this package\b|\byou are not a member of the maintainer group for this package\b/;
const HACKAGE_UPLOAD = /\bError uploading\s{1,3}[\w./-]{1,200}\.tar\.gz:\s{1,3}http code \d{3}\b|\bError: [\w./-]{1,200}\.tar\.gz: 40[13] (Forbidden|Unauthorized)\b|\bhackage\.haskell\.org\/(packages\/candidates|upload)\b/;

const hackage = defineProducer({
  id: 'hackage', kind: 'saas-api', name: 'Hackage', family: 'hackage',
  own: [body(HACKAGE_MAINTAINER)],
  bodyOnly: [all(body(HACKAGE_UPLOAD), body(/\bNo access for this resource\.|\b(No authorization provided|Username or password incorrect|Upload failed)\b/))],
  causes: [
    rule('insufficient-permissions', 0.92, any(body(HACKAGE_MAINTAINER), body(/\bNo access for this resource\./)), {
      blocks: true, why: 'Hackage knows the account, but it may not upload this package: the name exists and the account is not in its maintainer group, or the account itself is not yet in the uploaders group (new accounts need endorsements)',
      fix: 'Ask a maintainer to add you on hackage.haskell.org/package/<name>/maintainers, or pick another name; for a new account, get it endorsed into the uploaders group first.',
    }),
    rule('missing-credentials', 0.88, body(/\bNo authorization provided\b/), {
      blocks: true, why: 'the upload reached Hackage without credentials (no user/password or token was sent)',
      fix: 'Pass --username/--password or --token to cabal upload (or set them in the cabal config), and check the client version sends them.',
    }),
    rule('invalid-credentials', 0.88, body(/\bUsername or password incorrect\b/), {
      blocks: true, why: 'Hackage does not accept the user name and password (or token) of the upload', fix: 'Check the Hackage credentials, or create an API token on your Hackage account page.',
    }),
  ],
  checklist: { auth: 'Check the Hackage account is in the uploaders group and in the package\'s maintainer group.' },
});

/** AI platforms, CI services and registries, continued (the first file is full). */
export const AI_CI_REGISTRY_PRODUCERS_2: Producer[] = [openVsx, clarifaiApi, wandb, clojars, roboflowApi, hackage];
