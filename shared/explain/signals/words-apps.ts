import { all, any, status, when, type Matcher } from '../match';
import { isRefusalStatus } from '../refusal';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBodyWords } from './short-body';

// Round 10's self-hosted apps and SaaS APIs refuse in words the other word files do not read when their
// producer is unregistered (unseen-layer misses). Each family below names its sources (fixture folders
// under test/fixtures/responses/ cite one public issue each; two or more different issues per family).

const w = shortBodyWords;
/** Words read on any status (a client's log line of a 200 JSON-RPC or form answer) — only unmistakable ones. */
const offStatus = (m: Matcher): Matcher => when((ctx) => !isRefusalStatus(ctx.status), m);

// ---- insufficient-permissions ----

// A named check of the caller's grants that failed: Proxmox VE "403 Permission check failed (/vms/100, VM.Allocate)"
// (github.com/Javisen/proxmox_sensors/issues/52, github.com/c0depool/c0depool-iac/issues/2), Dataverse
// "SecLib::CheckPrivilege failed … is missing prvReadAADUser privilege" (github.com/MicrosoftDocs/powerapps-docs/issues/4297,
// microsoft-dataverse/*), JupyterHub "Action is not authorized with current scopes; requires any of [admin:users]" and its
// log "Not authorizing access to /hub/admin. Requires any of [admin:users], not derived from scopes [read:users!user=…]" (both in
// github.com/jupyterhub/jupyterhub/issues/3929); with empty scopes ("not derived from scopes []") no credential was seen at all: not read here.
const GRANT_CHECK = /\bpermission check failed\b|\bSecLib::CheckPrivilege failed\b|\bis missing prv\w{2,60} privilege\b|\bnot authori[sz]ed with current scopes\b|\brequires any of \[[^\]\n]{1,80}\],? not derived from scopes (?!\[\])/i;
// A named right the session or caller has not: Nextcloud/ownCloud's Sabre "No read permissions" / "No write permissions"
// (github.com/nextcloud/server/issues/24794), Synology DSM's 105 "Insufficient user privilege" / "The logged in session does
// not have permission" (github.com/ProtoThis/python-synology/issues/8, github.com/N4S4/synology-api/issues/239).
const NAMED_RIGHT = /\bno (read|write|create|update|delete|share) permissions?\b|\binsufficient (user |account )?privilege\b|\bsession does not have permission\b/i;
// Odoo's AccessError: "You are not allowed to access 'Action Window' (ir.actions.act_window) records." with the groups that
// may, and its ACL log "Access Denied by ACLs for operation: read" (github.com/oca/social/issues/1041, github.com/odoo/odoo/issues/12815).
const RECORD_ACCESS = /\bnot allowed to (access|modify|create|delete|read|write) '[^'\n]{1,60}' \([\w.]{1,60}\) records\b|\baccess denied by acls for operation\b|\bthis operation is allowed for the following groups\b/i;
// An account, key or team not authorized for this action: Hex "account not authorized for this action" / "key not authorized for
// this action" (github.com/hexpm/hex/issues/923, github.com/dwyl/learn-elixir/issues/236, github.com/gleam-lang/gleam/issues/810),
// ClickUp "Team(s) not authorized" / "Team not authorized" (github.com/n8n-io/n8n/pull/28584, github.com/nicholasbester/clickup-cli/issues/96).
const NOT_AUTHORIZED_FOR = /\bnot authori[sz]ed for this (action|operation)\b|\bteam(\(s\)|s)? not authori[sz]ed\b/i;
// An authorization code token (CamelCase as the API sends it): QuickBooks Online "AuthorizationFailed; errorCode=003100"
// (github.com/mcohen01/node-quickbooks/issues/154, github.com/intuit/oauth-jsclient/issues/2), Xero "AuthorizationUnsuccessful"
// (github.com/XeroAPI/Xero-NetStandard/issues/100, github.com/foxbytehq/laravel-xero-oauth2/issues/99): the token is good, the
// tenant or company does not grant it this call.
const AUTHZ_CODE = /\bAuthori[sz]ation(?:Failed|Unsuccessful)\b/;
// Tags or scopes requested beyond what the key may assign: Tailscale "requested tags [tag:prod] are invalid or not permitted"
// (github.com/tailscale/tailscale/issues/8299, github.com/tailscale/terraform-provider-tailscale/issues/437).
const NOT_PERMITTED_TAGS = /\b(tags?|scopes?) \[[^\]\n]{1,80}\] (are|is) (invalid or )?not permitted\b/i;

// A 403 whose whole message is "Not authorized": the caller was authenticated (else 401) and this action is not granted —
// Graylog's {"type":"ApiError","message":"Not authorized"} (github.com/graylog-labs/graylog2-web-interface/issues/1687,
// github.com/Graylog2/graylog2-server/issues/1229).
const NOT_AUTHORIZED_MESSAGE = /"message"\s{0,3}:\s{0,3}"not authori[sz]ed\.?"/i;

// ---- missing-credentials ----

// No credential sent, in the words of APIs the other files miss: Cloudinary "Must supply api_key"
// (github.com/cloudinary/cloudinary_npm/issues/570, github.com/funador/react-image-upload/issues/3), LibreTranslate "You need to
// set an API key" / "Please contact the server operator to obtain an API key" (github.com/LibreTranslate/LibreTranslate/issues/85,
// github.com/franciscop/translate/issues/26), Rancher "must authenticate" (github.com/rancher/terraform-provider-rancher2/issues/94)
// as Composer's "URL required authentication" (github.com/yireo/magento2-replace-tools/issues/13, github.com/craftcms/cms/issues/7503).
const MUST_SUPPLY = /\bmust (supply|provide|pass|include|send) (an? |your )?api[ _-]?key\b|\bneed to (set|provide|supply|obtain|get) an api[ _-]?key\b|\bto obtain an api[ _-]?key\b|\bmust authenticate\b|\burl required authentication\b/i;
// A token or session that is empty or absent: IAP "Invalid IAP credentials: empty token" (github.com/epinio/epinio/issues/2560,
// github.com/flyteorg/flyte/issues/6089), Ory Kratos "No active session was found in this request" / "No valid session cookie found"
// (github.com/ory/kratos/issues/572), Proxmox VE "401 No ticket" (github.com/knisshoku/pvea/issues/16,
// github.com/Telmate/terraform-provider-proxmox/issues/1274).
const EMPTY_CREDENTIAL = /\bempty (token|credentials?|api[ _-]?key|bearer token)\b|\bno active session\b|\bno valid session cookie\b/i;
const NO_TICKET = /\bno ticket\b/i;

// Zabbix's JSON-RPC API (-32602 "Invalid params." with data "Not authorised."): no session, auth null or a session the server
// no longer knows (github.com/HenriWahl/Nagstamon/issues/269, github.com/lukecyca/pyzabbix/issues/130,
// github.com/intellitrend/zabbixapi-php/issues/15) — served with 200, so the two fields together, never "Not authorised" alone.
const RPC_NOT_AUTHORISED = /\binvalid params\.?"?[,\s]{1,12}(?:"data"\s{0,3}:\s{0,3}"|\[)?not authori[sz]ed\b/i;

// ---- invalid-credentials ----

// Home Assistant's login and config flows answer a wrong password or key with the form again, its errors.base "invalid_auth"
// (200; github.com/home-assistant/core/issues/153160, github.com/christiaangoossens/hass-oidc-auth/issues/64).
const FLOW_INVALID_AUTH = /"errors"\s{0,3}:\s{0,3}\{\s{0,20}"base"\s{0,3}:\s{0,3}"invalid_auth"/;

// DeepL's refused key: "Authorization failure, check authentication key" (github.com/DeepL/deepl-php/issues/53,
// github.com/DeepL/deepl-python/issues/23) and "Authorization failed. Please supply a valid auth_key parameter."
// (github.com/T3aHat/DeepLopener_PRO/issues/2); OneSignal's "Please include a case-sensitive header of Authorization: Basic … with a
// valid REST API key" / "Access denied. Please include an 'Authorization: ...' header with a valid API key"
// (github.com/norkunas/onesignal-php-api/issues/169, github.com/OneSignal/onesignal-dotnet-api/issues/73).
const CHECK_KEY = /\bauthori[sz]ation fail(ure|ed)[,.]? (please )?(check|supply|provide)[^.\n"<]{0,20}\b(auth(entication)?[ _]?key|api[ _]?key|credentials?)\b|\bplease include [^\n<]{0,40}\bheader\b[^\n]{0,160}?\bwith an? val(id (rest )?api key\b|\b[^\n]{0,5}\(truncated)/i;

// ---- signature-or-clock-skew ----

// Pomerium's signed redirect and callback: "internal/urlutil: hmac failed" (github.com/pomerium/pomerium/issues/667), "internal/cryptutil:
// timestamp expired" (github.com/pomerium/pomerium/issues/3859, #473); Baidu Translate's 54001 "Invalid Sign"
// (github.com/SvenZhao/var-translation/issues/53, github.com/MashiroSaber03/Saber-Translator/issues/116,
// github.com/fjqingyou/PotPlayer_Subtitle_Translate_Baidu/issues/21).
const HMAC_FAILED = /\bhmac (failed|mismatch|verification failed|validation failed)\b|\b(urlutil|cryptutil): timestamp expired\b/i;
const INVALID_SIGN = /\b54001\b[^\n]{0,40}\bInvalid Sign\b|\berror_msg\W{1,5}Invalid Sign\b/;

// ---- account-or-plan-restriction ----

// An account or application not admitted to the API: DeepL "This account is not allowed to access the API"
// (github.com/thieleundklose/tk-typo3-autotranslate/issues/125), Intercom "Unauthorized token, suspended application"
// (github.com/intercom/intercom-dotnet/issues/109), Last.fm's error 26 "API Key Suspended - This application is not allowed to make
// requests" (github.com/rembo10/headphones/issues/3257; last.fm/api/errorcodes "Suspended API key"), Amazon PA-API "is not registered as an Amazon Associate" / AssociateNotEligible
// (github.com/dmcquay/node-apac/issues/86, github.com/quodlibet/quodlibet/issues/2508, github.com/sergioteula/python-amazon-paapi/issues/144).
const NOT_ADMITTED = /\baccount is not allowed to access (the|this) api\b|\bsuspended application\b|\bapi key suspended\b|\bnot registered as an? amazon associate\b|\bAssociateNotEligible\b|\bAWS\.InvalidAssociate\b/i;

/** Words of round 10's apps (see above). Confidence above the status defaults and the weaker generic words they overlap. */
export const APP_WORD_RULES: CauseRule[] = [
  rule('insufficient-permissions', 0.63, w(GRANT_CHECK), { words: true, why: 'the body says the caller\'s grants were checked and lack this permission, privilege or scope' }),
  rule('insufficient-permissions', 0.6, w(NAMED_RIGHT), { words: true, why: 'the body says the session or user has no permission or privilege for this operation' }),
  rule('insufficient-permissions', 0.62, w(RECORD_ACCESS), { words: true, why: 'the body says the user may not access these records: only the groups named may' }),
  rule('insufficient-permissions', 0.58, w(NOT_AUTHORIZED_FOR), { words: true, why: 'the body says this account, key or team is not authorized for the action: the credential is known but not entitled' }),
  rule('insufficient-permissions', 0.56, w(AUTHZ_CODE), { words: true, why: 'the API\'s code says authorization failed for a known caller: the token is valid but not granted this company, tenant or call' }),
  rule('insufficient-permissions', 0.6, w(NOT_PERMITTED_TAGS), { words: true, why: 'the body says the tags or scopes requested are not permitted to this key or client' }),
  rule('insufficient-permissions', 0.29, offStatus(any(w(GRANT_CHECK), w(NAMED_RIGHT), w(RECORD_ACCESS), w(NOT_PERMITTED_TAGS))), { blocks: true, words: true, why: 'the body says a permission or privilege check failed, whatever the status' }),
  rule('insufficient-permissions', 0.45, all(status(403), w(NOT_AUTHORIZED_MESSAGE)), { words: true, why: 'a 403 that says only "Not authorized": the caller is known, this action is not granted to it' }),
  rule('missing-credentials', 0.62, w(RPC_NOT_AUTHORISED), { blocks: true, words: true, why: 'the JSON-RPC API answered "Not authorised": no session token (auth) came with the call, or the session ended; log in (user.login) and send its token' }),
  rule('invalid-credentials', 0.64, w(FLOW_INVALID_AUTH), { blocks: true, words: true, why: 'the login or config flow answered the form again with invalid_auth: the user name, password or key was not accepted' }),
  rule('missing-credentials', 0.64, w(MUST_SUPPLY), { words: true, why: 'the body says an API key or authentication must be supplied: none came with the request' }),
  rule('missing-credentials', 0.65, w(EMPTY_CREDENTIAL), { words: true, why: 'the body says the token was empty or no session came with the request' }),
  rule('missing-credentials', 0.6, all(status(401), w(NO_TICKET)), { words: true, why: 'the API found no ticket (its session cookie or header): sign in first and send the ticket' }),
  rule('invalid-credentials', 0.64, w(CHECK_KEY), { blocks: true, words: true, why: 'the body says authorization failed and asks for a valid key: the key sent was wrong or not in the expected header' }),
  rule('signature-or-clock-skew', 0.66, w(HMAC_FAILED), { blocks: true, words: true, why: 'the signed URL\'s HMAC did not verify or its timestamp expired: an old link, another instance\'s secret, or a clock out of step' }),
  rule('signature-or-clock-skew', 0.66, w(INVALID_SIGN), { blocks: true, words: true, why: 'the API says the request\'s sign (its MD5/HMAC of the parameters and secret) is invalid: check the secret key and how the sign is built' }),
  rule('account-or-plan-restriction', 0.72, w(NOT_ADMITTED), { blocks: true, words: true, why: 'the body says this account or application is not admitted to the API (not allowed, suspended, not a registered associate)' }),
];

// ---- round 10, second pass: refusals sent with a success or server status, in words that cannot be anything else ----

// A key said invalid or inactive by the API that refused it: the Census Data API's "You have supplied an invalid or inactive API key"
// (github.com/walkerke/tidycensus/issues/237) and its page "A valid key must be included with each data API request … it is not
// valid" (github.com/censusdis/censusdis/issues/319), both served with 200.
const SUPPLIED_INVALID_KEY = /\b(supplied|provided|used|sent) an? invalid (or (inactive|expired|revoked) )?api key\b|\ba valid key must be included with each\b/i;
// A login refused in the stock words of NetSuite's SOAP API and ASP.NET Identity's account controller: "Invalid login attempt."
// (github.com/netsuitephp/netsuite-php/issues/121; the ASP.NET MVC/Core Identity template's ModelState error).
const INVALID_LOGIN_ATTEMPT = /\binvalid login attempt\b/i;
// An error code naming refused credentials as a CamelCase class: Expo's push receipts and server logs "InvalidCredentials"
// (github.com/expo/expo/issues/31388, #14022), InvalidCredentialsException of PHP and Java auth libraries.
const INVALID_CREDENTIALS_CLASS = /\bInvalidCredentials(?:Exception|Error)?\b/;
// RFC 6749's description of invalid_client, as OAuth servers print it (Ory Hydra's default error page, github.com/reactioncommerce/proxy-traefik/issues/2;
// https://www.rfc-editor.org/rfc/rfc6749#section-5.2): the client's id or secret was not accepted.
const CLIENT_AUTH_FAILED = /\bclient authentication failed \(e\.g\.,? unknown client\b/i;
// A request count used up, in the words of AccuWeather ("The allowed number of requests has been exceeded", github.com/home-assistant/core/issues/42166,
// developer.accuweather.com) and others' "maximum number of requests exceeded"; monday.com's "Complexity budget exhausted … reset in N seconds"
// (github.com/airbytehq/airbyte/pull/36717, monday-api/*), served with 200 by its older API version.
const REQUESTS_USED_UP = /\b(allowed|maximum|max) number of (api )?(requests|calls) (has been |have been |was )?(exceeded|reached)\b|\bcomplexity budget (exhausted|exceeded)\b/i;
// DeepL's own status 456 "Quota exceeded. The character limit has been reached" (developers.deepl.com/docs/best-practices/error-handling,
// github.com/immersive-translate/immersive-translate/issues/2394): a plan's character quota, not a rate.
const QUOTA_456 = /\bquota exceeded\b|\bcharacter limit\b/i;
// OpenStreetMap's tile servers block apps that break the tile usage policy (no valid User-Agent or Referer, heavy use):
// "App is not following the tile usage policy" (github.com/IITC-CE/ingress-intel-total-conversion/issues/848), "Referer is required
// by tile usage policy" (github.com/openstreetmap/operations/issues/1349).
const USAGE_POLICY_BLOCK = /\b(not following|required by) (the )?tile usage policy\b/i;
// Ory Oathkeeper's (herodot's) forbidden message: "Access credentials are not sufficient to access this resource" (github.com/ory/oathkeeper/issues/158,
// ory-oathkeeper/*): the authorizer refused a known subject.
const NOT_SUFFICIENT = /\bcredentials are not sufficient to access\b/i;
// App Store Connect's FORBIDDEN_ERROR "This request is forbidden for security reasons - The API key in use does not allow this request"
// (github.com/fastlane/fastlane/issues/21544, github.com/bitrise-steplib/steps-ios-auto-provision-appstoreconnect/issues/14): the key's role.
const KEY_ROLE = /\bkey in use does not allow this request\b|\bforbidden for security reasons\b/i;

export const APP_WORD_RULES_2: CauseRule[] = [
  rule('invalid-credentials', 0.64, w(SUPPLIED_INVALID_KEY), { blocks: true, words: true, why: 'the API says the key supplied is invalid or inactive: a typo, an unactivated or revoked key' }),
  rule('invalid-credentials', 0.6, w(INVALID_LOGIN_ATTEMPT), { blocks: true, words: true, why: 'the login was refused: a wrong user name, password or account (or a role not allowed to log in this way)' }),
  rule('invalid-credentials', 0.62, w(INVALID_CREDENTIALS_CLASS), { blocks: true, words: true, why: 'the error code says the credentials sent (a key, server key or password) were refused' }),
  rule('invalid-credentials', 0.64, w(CLIENT_AUTH_FAILED), { blocks: true, words: true, why: 'the OAuth server could not authenticate the client: unknown client id, wrong secret or an authentication method it does not allow' }),
  rule('rate-limited', 0.66, w(REQUESTS_USED_UP), { blocks: true, words: true, why: 'the API says the allowed number of requests (or its complexity budget) is used up: wait for the window to reset' }),
  rule('account-or-plan-restriction', 0.7, all(status(456), w(QUOTA_456)), { blocks: true, words: true, why: 'status 456 with quota words: the plan\'s character quota is used up until the billing period resets or the plan is raised' }),
  rule('waf-or-bot-block', 0.64, w(USAGE_POLICY_BLOCK), { words: true, why: 'the tile server blocked this app for breaking its usage policy (no identifying User-Agent or Referer, or too heavy use)' }),
  rule('insufficient-permissions', 0.6, w(NOT_SUFFICIENT), { words: true, why: 'the access proxy says the credentials are valid but not sufficient for this resource: its authorizer refused the subject' }),
  rule('insufficient-permissions', 0.56, w(KEY_ROLE), { words: true, why: 'the API key is valid but its role does not allow this request' }),
];

// A sent token the server does not know, as codes say it (a token arrived: not "no token"): Intercom's token_not_found
// ("Unauthorized", github.com/intercom/intercom-node/issues/27; developers.intercom.com lists it under 401 for an unknown access
// token), ClickUp's "Oauth token not found (OAUTH_018)" (github.com/raycast/extensions/issues/23964). Not "JWT Token not found"
// (LexikJWT's missing header), which the missing words keep.
const TOKEN_UNKNOWN = /\btoken_not_found\b|\boauth token not found\b/i;
// Asana's SDKs raise NoAuthorizationError ("No Authorization: Not Authorized") for every 401 the API sends, an invalid or
// expired token included (github.com/Asana/python-asana/issues/105, github.com/Asana/java-asana/issues/51): the class names the
// status, not a missing header.
const SDK_401_CLASS = /\bNoAuthorizationError\b/;

// above the missing readings of the same words ("token … not found", "No Authorization"), which stay as alternatives
export const APP_WORD_RULES_3: CauseRule[] = [
  rule('invalid-credentials', 0.66, w(TOKEN_UNKNOWN), { words: true, why: 'the API says the token sent is not one it knows: revoked, from another app or workspace, or mistyped' }),
  rule('invalid-credentials', 0.68, all(status(401), w(SDK_401_CLASS)), { words: true, why: 'the SDK\'s NoAuthorizationError stands for any 401: the token sent was refused (invalid, expired or revoked) more often than missing' }),
];
