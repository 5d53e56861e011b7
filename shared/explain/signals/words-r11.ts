import { all, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBodyWords } from './short-body';

// Round 11's layers refuse in words the other word files do not read when their producer is unregistered
// (unseen-layer misses). Each family names its sources (each fixture folder under test/fixtures/responses/
// cites one public issue; two or more different issues or pages per family). Rules marked blocks: true read
// words that cannot be anything but a refusal: they stand also on a 200/400/500 (SDK logs, RPC-style APIs).

const w = shortBodyWords;

// ---- insufficient-permissions ----

// Trino/Presto's access control: "Access Denied: Cannot select from table …", "Access Denied: Cannot execute function …",
// "Access Denied: Cannot execute query" (github.com/trinodb/trino/issues/6670, #16722, github.com/DragonPomelo/trino-opa-example/issues/38),
// printed by the CLI and the Python client under a 200 query-status answer.
const CANNOT_OP = /\bAccess Denied: Cannot (?:select|insert|delete|execute|create|drop|show|access|update|set|impersonate|view|alter|rename|grant|revoke|truncate|read|write|kill|comment|add|refresh|query)\b/;
// SurrealDB's IAM "Not enough permissions to perform this action" (github.com/surrealdb/surrealdb/issues/3752,
// github.com/surrealdb/surrealdb.js/issues/193, github.com/surrealdb/surrealist/issues/1101) and the same words of other APIs.
const NOT_ENOUGH_PERMISSIONS = /\bnot enough permissions? to (?:perform|run|execute|do|access|make|use|complete|view)\b/i;
// Mastodon's scope check: "This action is outside the authorized scopes" (github.com/mastodon/mastodon/issues/1367, #14272,
// github.com/halcy/Mastodon.py/issues/263, github.com/snarfed/bridgy/issues/894): the token lacks the scope (read/write/admin:…).
const OUTSIDE_SCOPES = /\boutside (?:of )?the authori[sz]ed scopes?\b/i;
// A token without a scope it needs: Dynatrace "Token is missing required scope. Use one of: …" (github.com/Dynatrace/dynatrace-api/issues/10,
// github.com/dynatrace-oss/terraform-provider-dynatrace/issues/327) — a token arrived; its scopes are short.
const MISSING_SCOPE = /\b(?:token|key|client) (?:is |was )?missing (?:the )?required scopes?\b|\bmissing required scopes?\b/i;
// Parse Server's 119 OPERATION_FORBIDDEN: "Permission denied for action count on class …", "Permission denied for this action.",
// "This user is not allowed to access non-existent class" (github.com/parse-community/parse-server/issues/1822, #6295,
// github.com/parse-community/Parse-SDK-JS/issues/1995), sent with 400.
const PERMISSION_DENIED_ACTION = /\bpermission denied for (?:this )?action\b|\bnot allowed to access non-existent class\b/i;
// Tuya's 1106 "permission deny" as its msg field (github.com/tuya/tuya-homebridge/issues/353, github.com/EnzoD86/tuya-smart-ir-ac/issues/108), on 200.
const MSG_PERMISSION_DENY = /\bmsg\W{1,5}permission deny\b/i;
// Redis ACL's NOPERM ("NOPERM this user has no permissions to run the 'evalsha' command", "NOPERM User x has no permissions to access
// one of the keys") relayed by Upstash and Redis clients (github.com/revokslab/waitly/issues/4, github.com/redis/redis/issues/6984, github.com/redis/lettuce/issues/1379).
const REDIS_NOPERM = /\bNOPERM\b[^\n"]{0,30}\bno permissions? to\b/;
// WebSphere's SECJ0129E "Authorization failed for user {0} while invoking {1} on {2}" (github.com/OpenLiberty/open-liberty/wiki/Message-ID-Mapping;
// IBM's WebSphere message reference) and Yii's ForbiddenHttpException (github.com/yii-starter-kit/yii2-starter-kit/issues/635; yiiframework.com api).
const AUTHZ_FAILED_FOR_USER = /\bauthori[sz]ation failed for user\b[^\n]{0,80}\bwhile invoking\b|\bSECJ0129E\b|\bForbiddenHttpException\b/;
// A user not authorised for an upload or a group's action: Hackage "You are not authorised to upload candidates of this package … not a
// member of the maintainer group" and "No access for this resource" (github.com/hackage-trustees/hackage-cli/issues/14,
// github.com/yesodweb/serversession/issues/33, github.com/haskell/hackage-server/issues/235).
const NOT_AUTHORISED_TO = /\byou are not authori[sz]ed to (?:upload|publish|modify|edit|delete|create|update|submit|change|manage|remove)\b|\bnot a member of the [\w-]{1,30} group\b|\bno access for this resource\b/i;
// An API key known but not granted the service or call: Xendit "The API key is forbidden to perform this request", "API key is not authorized
// for this API service" (github.com/xendit/xendit-php/issues/63, #82).
const KEY_NOT_GRANTED = /\bapi key is (?:forbidden to perform|not authori[sz]ed for) this\b/i;

// ---- missing-credentials ----

// The JWT middleware of Echo and Fiber: "missing or malformed jwt" (github.com/labstack/echo/issues/1552; gofiber's jwt middleware
// "Missing or malformed JWT", which apps' ErrorHandlers match to answer 400, github.com/gofiber/contrib jwt), sent with 400 when no token is in the header, query or cookie looked at.
const MISSING_JWT = /\bmissing or malformed jwt\b/i;
// Loki, Cortex and Mimir without the tenant header X-Scope-OrgID: "no org id" (github.com/grafana/loki/issues/7081, #1386).
const NO_ORG_ID = /\bno org id\b/i;
// WordPress's REST API answers rest_cannot_* with 401 when no one is logged in (rest_authorization_required_code) and 403 when the user
// may not: WooCommerce's woocommerce_rest_cannot_view / _create "Sorry, you cannot list resources." (github.com/woocommerce/wc-api-python/issues/17,
// github.com/woocommerce/woocommerce-rest-api/issues/110, github.com/XiaoFaye/WooCommerce.NET/issues/296).
const WP_CANNOT = /\b\w{0,30}rest_cannot_(?:view|create|read|edit|delete|list|update|access)\b/;
// No key at all, in Mandrill's ValidationError "You must specify a key value" (github.com/Wylio/meteor-mandrill/issues/12,
// github.com/nickcv-ln/yii2-mandrill/issues/29).
const MUST_SPECIFY_KEY = /\bmust specify an? (?:api )?key( value)?\b/i;
// A registry refusing anonymous users: Verdaccio "unregistered users are not allowed to access package", "authorization required to
// publish package" (github.com/verdaccio/verdaccio/issues/643, #5217).
const ANONYMOUS_REGISTRY = /\bunregistered users are not allowed to\b|\bauthori[sz]ation required to (?:publish|access|unpublish)\b/i;
// An Authorization header or JWT absent: libSQL/Turso "The `Authorization` HTTP header is required but was not specified"
// (github.com/drizzle-team/drizzle-orm/issues/902), "empty JWT token" (github.com/tursodatabase/sqlalchemy-libsql/issues/3).
const HEADER_NOT_SPECIFIED = /\bheader is required but was not (?:specified|provided|sent)\b|\bempty jwt(?: token)?\b/i;
// AT Protocol XRPC error names (atproto lexicons): AuthMissing (github.com/bluesky-social/cookbook/issues/52), InvalidToken / ExpiredToken
// (github.com/aliceisjustplaying/labeler-starter-kit-bsky/issues/2), and "Bad token scope" (github.com/bluesky-social/goat/issues/24), on 400.
const XRPC_AUTH_MISSING = /"error"\s{0,3}:\s{0,3}"AuthMissing"|\bXRPCError: AuthMissing\b/;
const XRPC_INVALID_TOKEN = /"error"\s{0,3}:\s{0,3}"(?:InvalidToken|ExpiredToken)"|\bXRPCError: (?:InvalidToken|ExpiredToken)\b/;
const BAD_TOKEN_SCOPE = /\bbad token scope\b/i;

// ---- invalid-credentials ----

// "No key or a bad one" in one sentence: New Relic "Bad API Key or no API Key provided", "Missing API key or an invalid API key was provided"
// (github.com/newrelic/newrelic-cli/issues/191, github.com/newrelic/terraform-provider-newrelic/issues/951), Pulumi "No credentials provided
// or are invalid" (github.com/pulumi/pulumi/issues/16509, github.com/pulumi/pulumi-pulumiservice/issues/160): most who read it sent one.
const EITHER_OR = /\bbad api key or no api key\b|\bmissing api key or an invalid api key\b|\bno (?:credentials|api key|token) (?:was )?provided or (?:are |is )?invalid\b/i;
// A key of the wrong shape: Opsgenie 422 "Key format is not valid!" (github.com/falcosecurity/falcosidekick/issues/719,
// github.com/opsgenie/opsgenie-lamp/issues/50), Flickr 100 "Invalid API Key (Key has invalid format)" on 200
// (github.com/boncey/Flickr4Java/issues/94, github.com/hanklords/flickraw/issues/15).
const KEY_FORMAT = /\bkey format is (?:not valid|invalid)\b|\bkey has (?:an )?invalid format\b/i;
// A key the API does not know: Bitget 40037 "Apikey does not exist" (github.com/ccxt/ccxt/pull/19778), Qdrant "key doesn't exist"
// (github.com/qdrant/qdrant-client/issues/127), Bitfinex 10100 "apikey: invalid" (github.com/JKorf/Bitfinex.Net/issues/7,
// github.com/bitfinexcom/bitfinex-api-node/issues/80), on 400/500.
// Kraken's "EAPI:Invalid key" (github.com/ccxt/ccxt/issues/8634, github.com/knowm/XChange/issues/3698) says the same in its own prefix.
const KEY_UNKNOWN = /\b(?:api ?key|access[ _]key) (?:does not|doesn'?t|doesn\\'t) exist\b|\bapikey: invalid\b|\bEAPI:Invalid key\b/i;
// Bare "key doesn't exist" is also a key-value store's ordinary 404 (S3 NoSuchKey "The specified key does not exist."): read only as a
// whole quoted message on a 403.
const QUOTED_KEY_UNKNOWN = /"key (?:does not|doesn'?t|doesn\\'t) exist"/i;
// A token expired, whatever the status: ecobee "Authentication token has expired. Refresh your tokens." sent with 500
// (github.com/openhab/openhab-addons/issues/9039, github.com/SmartThingsCommunity/SmartThingsPublic/pull/525).
const TOKEN_EXPIRED = /\b(?:authentication|access|auth|bearer) token has expired\b/i;
// Authorize.Net's E00007 "User authentication failed due to invalid authentication values." on 200
// (github.com/AuthorizeNet/sdk-php/issues/426, github.com/drewisme/authorizesauce/issues/38).
const AUTH_FAILED_INVALID = /\bauthentication failed due to invalid\b/i;
// Redis's WRONGPASS "invalid username-password pair or user is disabled" (github.com/umami-software/umami/issues/4194;
// redis.io AUTH command docs): read before the account words its tail would match.
const REDIS_WRONGPASS = /\bWRONGPASS invalid username-password pair\b/;
// Splunk HEC's code 1 "Token disabled" (github.com/cisco-ai-defense/defenseclaw/pull/225; its 403 in the table of
// github.com/open-telemetry/opentelemetry-collector/issues/7312).
const TOKEN_DISABLED = /"text"\s{0,3}:\s{0,3}"token disabled"/i;

// ---- signature-or-clock-skew ----

// Exchange nonces: Gemini "InvalidNonce … has not increased since your last call" (github.com/ccxt/ccxt/issues/3603,
// github.com/gazbert/bxbot/issues/57), Bitfinex 10114 "nonce: small" (github.com/JKorf/Bitfinex.Net/issues/78, github.com/ohenrik/bitfinex/issues/18).
// Kraken's "EAPI:Invalid nonce" (github.com/jonatack/kraken_ruby_client/issues/27, github.com/knowm/XChange/issues/1347) is the same family.
const NONCE = /\bInvalidNonce\b|\bnonce: small\b|\bnonce\b[^\n"]{0,40}\bhas not increased\b|\bnonce (?:is )?too small\b|\bEAPI:Invalid nonce\b/i;
// A signature refused in exchange and IoT APIs: HTX "api-signature-not-valid: Signature not valid" (github.com/HuobiRDCenter/huobi_Golang/issues/4,
// github.com/huobiapi/REST-API-demos/issues/4), Bitget 40009 "sign signature error" (github.com/ccxt/ccxt/issues/27037,
// github.com/BitgetLimited/v3-bitget-api-sdk/issues/7), Tuya 1013 "request time is invalid" (github.com/tuya/tuya-homebridge/issues/355).
const SIGNATURE_NOT_VALID = /\bapi-signature-not-valid\b|\bsignature not valid\b|\bsign signature error\b|\brequest time is invalid\b/i;
// The same error naming the caller's IP as the reason (HTX "Incorrect IP address [IP地址错误]", github.com/HuobiRDCenter/huobi_Python/issues/110,
// github.com/huobiapi/API_Docs_en/issues/11).
const SIGNATURE_IP = /\bsignature not valid: (?:incorrect ip address|ip\\u5730\\u5740\\u9519\\u8bef|ip地址错误)/i;

// ---- waf-or-bot-block ----

// Imunify360's bot protection and greylist captcha, served with 200: "Access denied by Imunify360 bot-protection", "We have noticed an unusual
// activity from your IP … Please confirm that you are not a robot" (github.com/OpenLiveWriter/OpenLiveWriter/issues/804,
// github.com/riccardopirani/appcondomini BOT_PROTECTION_ISSUE.md); BitNinja's "Visitor anti-robot validation" (github.com/Ekultek/WhatWaf/issues/1177).
const ROBOT_CHECK = /\bplease confirm (?:that )?you are not a robot\b|\bunusual (?:activity|traffic) from your (?:ip|computer network)\b|\baccess denied by [\w-]{2,20} bot-protection\b|\banti-robot (?:validation|verification|check)\b/i;
// Wikimedia's User-Agent policy: "Please set a user-agent and respect our robot policy", "Please comply with the User-Agent policy"
// (github.com/dracor-org/dracor-api/pull/332, github.com/IsraelHikingMap/Site/issues/1573); SEC EDGAR "Your Request Originates from an
// Undeclared Automated Tool" (github.com/Gunratan/edgar/issues/10, github.com/joeyism/py-edgar/issues/24).
const AGENT_POLICY = /\brespect our robot policy\b|\bcomply with the user-agent policy\b|\bundeclared automated tool\b/i;

// ---- proxy-denied, csrf, rate-limited, account-or-plan-restriction, resource-policy-deny ----

// E2Guardian / DansGuardian web filter: its deny page "a website which has been deemed inappropriate" (served with 200) and its log's
// "*DENIED*" verdict (github.com/e2guardian/e2guardian/issues/247, #505, its data/languages template).
const WEB_FILTER = /\bhas been deemed inappropriate\b|\*DENIED\*/i;
// Yii's CSRF check "Unable to verify your data submission." (400; github.com/yiisoft/yii2/issues/15808, #19166) and Rack::Protection's
// "attack prevented by Rack::Protection::AuthenticityToken / HttpOrigin" (github.com/padrino/padrino-framework/issues/1113,
// github.com/pact-foundation/pact_broker/issues/108).
const CSRF_WORDS = /\bunable to verify your data submission\b|\battack prevented by Rack::Protection::(?:AuthenticityToken|HttpOrigin|RemoteToken|FormToken|JsonCsrf)\b/i;
// Azure API Management's quota policy: "Out of call volume quota. Quota will be replenished in 03:30:56." (github.com/TA2k/ioBroker.vaillant/issues/72,
// github.com/thomasddn/ha-volvo-cars/issues/171); Sentinel's flow control "Blocked by Sentinel (flow limiting)", ParamFlowException
// (github.com/alibaba/Sentinel/issues/1110, #2049); SEC EDGAR's "Request Rate Threshold Exceeded" (github.com/joeyism/py-edgar/issues/24).
const FLOW_LIMIT = /\bout of (?:call volume|bandwidth) quota\b|\bquota will be replenished in\b|\bblocked by sentinel \(flow limiting\)|\bParamFlowException\b|\brequest rate threshold exceeded\b/i;
// A balance too low for the call: Stability AI "Your organization does not have enough balance to request this action"
// (github.com/dmarx/video-killed-the-radio-star/issues/23, github.com/gladiaio/gladia/issues/865).
const BALANCE = /\bdoes not have enough (?:balance|credits?)\b|\bnot enough balance\b/i;
// A subscription run out, said with "No permissions": Tuya 28841002 "No permissions. Your subscription to cloud development plan has expired."
// (github.com/jurgenheine/com.tuya.cloud/issues/121, github.com/rospogrigio/localtuya/issues/1678), on 200.
const SUBSCRIPTION_EXPIRED = /\byour subscription\b[^.\n"<]{0,40}\bhas expired\b/i;
// An administrator's policy engine refusing: OPA "request rejected by administrative policy" and Docker's "authorization denied by plugin"
// (github.com/open-policy-agent/opa/pull/3078, github.com/open-policy-agent/opa-docker-authz/issues/44); Layer7's "Policy Falsified" SOAP fault
// (knowledge.broadcom.com article 42917, github.com/tenglongroy/transport-nsw-assessment-calendar), sent with 500.
const ADMIN_POLICY = /\brejected by administrative policy\b|\bauthori[sz]ation denied by plugin\b|<faultstring>Policy Falsified</;

// ---- second pass ----

// Strava's "Authorization Error" naming the missing scope as an AccessToken field "activity:read_permission", code "missing"
// (github.com/flopp/GpxTrackPoster/issues/111, github.com/node-strava/node-strava-v3/issues/97, github.com/iamstuartwilson/strava/issues/51):
// a token arrived without the scope, whatever the 401 says; printed as JSON, Python dicts or PHP print_r.
const FIELD_PERMISSION_MISSING = /\bfield\W{1,12}[\w:]{1,40}_permission\W{1,12}code\W{1,12}missing\b/;
// Philips Hue's bridge error type 1 "unauthorized user" (a username the bridge does not know), in a 200 list of errors
// (github.com/ebaauw/homebridge-hue/issues/265, #1181, github.com/bwssytems/ha-bridge/issues/410).
const HUE_UNAUTHORIZED_USER = /\b(?:bridge|api) error 1: unauthori[sz]ed user\b|"type"\s{0,3}:\s{0,3}1\s{0,3},\s{0,3}"address"\s{0,3}:\s{0,3}"[^"\n]{0,60}"\s{0,3},\s{0,3}"description"\s{0,3}:\s{0,3}"unauthori[sz]ed user"/;
// WSO2 API Manager's 900910 "The access token does not allow you to access the requested resource" (github.com/wso2/product-apim/issues/6761;
// the same 900910 message in WSO2 Micro Gateway's scope validation, github.com/wso2/product-microgateway): the token's scopes do not cover the resource.
const TOKEN_DOES_NOT_ALLOW = /\b(?:access )?token does not allow you to access\b/i;
// Elsevier's entitlement check: "The requestor is not authorized to access the requested view or fields of the resource"
// (github.com/pybliometrics-dev/pybliometrics/issues/181, github.com/ElsevierDev/elsapy/issues/23, github.com/muschellij2/rscopus/issues/9):
// the key's institution is not subscribed to that view.
const VIEW_ENTITLEMENT = /\bnot authori[sz]ed to access the requested view\b/i;
// ArangoDB's 401 "not authorized to execute this request" (error 11): the user name or password was refused
// (github.com/fMeow/arangors/issues/3, github.com/beoliver/clj-arangodb/issues/22).
const NOT_AUTHORIZED_TO_EXECUTE = /\bnot authori[sz]ed to execute this request\b/i;

// A push refused for the workflows scope: GitHub's "refusing to allow a GitHub App / an OAuth App / a Personal Access Token to create
// or update workflow … without `workflow(s)` permission/scope" (github.com/peter-evans/create-pull-request/issues/3558,
// github.com/microsoft/PowerPlatformConnectors/issues/378, github.com/flashcatcloud/categraf/issues/34), printed by git after a 200.
const WORKFLOW_SCOPE = /\brefusing to allow an? (?:GitHub App|OAuth App|Personal Access Token) to create or update workflow\b/i;
// Lark/Feishu's 99991672 "Access denied. One of the following scopes is required: [im:chat…]" on 400
// (github.com/modelzen/feishu-codex-bridge/issues/9, github.com/m1heng/clawdbot-feishu/issues/149).
const SCOPES_REQUIRED = /\bone of the following scopes is required\b/i;
// Graph API's OAuthException 190 "Error validating access token: …" (expired, session invalidated, app not authorized) on 400
// (github.com/yongjhih/RetroFacebook/issues/21, github.com/facebookarchive/php-graph-sdk/issues/937).
const VALIDATING_TOKEN = /\berror validating access token\b/i;
// Firebase Auth's sign-in codes INVALID_LOGIN_CREDENTIALS / INVALID_PASSWORD on 400 (github.com/firebase/FirebaseUI-Flutter/issues/226,
// github.com/firebase/firebase-js-sdk/issues/7812, github.com/firebase/flutterfire/issues/11750).
const LOGIN_CODES = /\bINVALID_LOGIN_CREDENTIALS\b|"message"\s{0,3}:\s{0,3}"INVALID_PASSWORD"/;
// Cloudflare's 6103 "Invalid format for X-Auth-Key header" (an API token sent as a global key; github.com/acmesh-official/acme.sh/issues/6435,
// github.com/undefinedplayer/cloudflare-ddns/issues/18).
const AUTH_HEADER_FORMAT = /\binvalid format for X-Auth-(?:Key|Email) header\b/i;

export const R11_WORD_RULES_2: CauseRule[] = [
  rule('insufficient-permissions', 0.7, w(WORKFLOW_SCOPE), { blocks: true, words: true, why: 'the token or app lacks the workflow(s) scope or permission needed to change workflow files' }),
  rule('insufficient-permissions', 0.7, w(SCOPES_REQUIRED), { blocks: true, words: true, why: 'the app or token lacks a scope this call requires: grant one of those named' }),
  rule('invalid-credentials', 0.68, w(VALIDATING_TOKEN), { blocks: true, words: true, why: 'the access token did not validate: expired, invalidated (password change, logout) or not authorized for the app' }),
  rule('invalid-credentials', 0.68, w(LOGIN_CODES), { blocks: true, words: true, why: 'the sign-in was refused: a wrong e-mail or password' }),
  rule('invalid-credentials', 0.68, w(AUTH_HEADER_FORMAT), { blocks: true, words: true, why: 'the key sent in X-Auth-Key is not a global API key (an API token goes in Authorization: Bearer)' }),
  rule('insufficient-permissions', 0.72, w(FIELD_PERMISSION_MISSING), { blocks: true, words: true, why: 'the token arrived without a scope this call needs (the field named): authorize the app again with it' }),
  rule('invalid-credentials', 0.66, w(HUE_UNAUTHORIZED_USER), { blocks: true, words: true, why: 'the bridge does not know the username (its API key): pair again by pressing the link button' }),
  rule('insufficient-permissions', 0.64, w(TOKEN_DOES_NOT_ALLOW), { blocks: true, words: true, why: 'the token is valid but its scopes do not allow this resource' }),
  rule('account-or-plan-restriction', 0.68, w(VIEW_ENTITLEMENT), { words: true, why: 'the key or institution is not entitled to this view or these fields: a subscription, not the key, decides' }),
  rule('invalid-credentials', 0.64, all(status(401), w(NOT_AUTHORIZED_TO_EXECUTE)), { words: true, why: 'the server refused the user name or password sent with the request' }),
];

/** Round 11's words. Confidence above the status defaults and the weaker generic words they overlap. */
export const R11_WORD_RULES: CauseRule[] = [
  rule('insufficient-permissions', 0.66, w(CANNOT_OP), { blocks: true, words: true, why: 'the query engine\'s access control says this user may not run this operation on this table, function or query' }),
  rule('insufficient-permissions', 0.64, w(NOT_ENOUGH_PERMISSIONS), { blocks: true, words: true, why: 'the body says the user or token has not enough permissions for this action' }),
  rule('insufficient-permissions', 0.68, w(OUTSIDE_SCOPES), { blocks: true, words: true, why: 'the action is outside the scopes the token was granted: authorize the app again with the scope it needs' }),
  rule('insufficient-permissions', 0.7, w(MISSING_SCOPE), { blocks: true, words: true, why: 'the token arrived but lacks a scope this call requires: create one with the scope named' }),
  rule('insufficient-permissions', 0.66, w(PERMISSION_DENIED_ACTION), { blocks: true, words: true, why: 'the class-level or object permissions refuse this action to this user' }),
  rule('insufficient-permissions', 0.64, w(MSG_PERMISSION_DENY), { blocks: true, words: true, why: 'the API says permission deny: the project or app is not granted this API or device' }),
  rule('insufficient-permissions', 0.66, w(REDIS_NOPERM), { blocks: true, words: true, why: 'the database\'s access control list does not let this user run the command or touch the key' }),
  rule('insufficient-permissions', 0.62, w(AUTHZ_FAILED_FOR_USER), { words: true, why: 'the server\'s authorization check failed for an authenticated user: a role or grant is missing' }),
  rule('insufficient-permissions', 0.6, w(NOT_AUTHORISED_TO), { words: true, why: 'the body says this user is not authorised for this upload or action (not a maintainer or member of the group that may)' }),
  rule('insufficient-permissions', 0.64, w(KEY_NOT_GRANTED), { words: true, why: 'the API key is known but not granted this service or request' }),
  rule('missing-credentials', 0.68, w(MISSING_JWT), { blocks: true, words: true, why: 'the JWT middleware found no token (or none in the expected form) in the header, query or cookie it reads' }),
  rule('missing-credentials', 0.66, all(status(401), w(NO_ORG_ID)), { words: true, why: 'no tenant (org id, X-Scope-OrgID) came with the request' }),
  rule('missing-credentials', 0.68, all(status(401), w(WP_CANNOT)), { words: true, why: 'WordPress answers 401 to this refusal when no user is logged in: the request\'s credentials (keys, cookie, application password) were not seen' }),
  rule('missing-credentials', 0.66, w(MUST_SPECIFY_KEY), { blocks: true, words: true, why: 'the API says a key must be specified: none came with the request' }),
  rule('missing-credentials', 0.66, w(ANONYMOUS_REGISTRY), { words: true, why: 'the registry refuses anonymous users here: log in (a token in .npmrc) first' }),
  rule('missing-credentials', 0.68, w(HEADER_NOT_SPECIFIED), { blocks: true, words: true, why: 'the server says the Authorization header or token was absent or empty' }),
  rule('missing-credentials', 0.68, w(XRPC_AUTH_MISSING), { blocks: true, words: true, why: 'the XRPC server says authentication is missing: no access token came with the call' }),
  rule('invalid-credentials', 0.66, w(XRPC_INVALID_TOKEN), { blocks: true, words: true, why: 'the XRPC server says the token sent is invalid or expired' }),
  rule('insufficient-permissions', 0.78, w(BAD_TOKEN_SCOPE), { blocks: true, words: true, why: 'the token is valid but its scope does not cover this call' }),
  rule('invalid-credentials', 0.7, w(EITHER_OR), { words: true, why: 'the API says the key was missing or invalid; a key was usually sent and refused (wrong account, region or type of key)' }),
  rule('invalid-credentials', 0.66, w(KEY_FORMAT), { blocks: true, words: true, why: 'the key sent is not in the format the API expects: a wrong, truncated or other kind of key' }),
  rule('invalid-credentials', 0.66, w(KEY_UNKNOWN), { blocks: true, words: true, why: 'the API does not know the key sent: mistyped, deleted or from another account or environment' }),
  rule('invalid-credentials', 0.64, all(status(403), w(QUOTED_KEY_UNKNOWN)), { words: true, why: 'the API does not know the key sent: mistyped, deleted or from another cluster' }),
  rule('invalid-credentials', 0.66, w(TOKEN_EXPIRED), { blocks: true, words: true, why: 'the token sent has expired: refresh it or sign in again' }),
  rule('invalid-credentials', 0.66, w(AUTH_FAILED_INVALID), { blocks: true, words: true, why: 'authentication failed on the values sent: the login id or transaction key is wrong or for another environment' }),
  rule('invalid-credentials', 0.76, w(REDIS_WRONGPASS), { blocks: true, words: true, why: 'the database refused the user name and password (or the user is disabled)' }),
  rule('invalid-credentials', 0.66, w(TOKEN_DISABLED), { words: true, why: 'the token sent is disabled: enable it or use another' }),
  rule('signature-or-clock-skew', 0.68, w(NONCE), { blocks: true, words: true, why: 'the request\'s nonce is not above the last one the API saw for this key: two clients share a key, or the nonce source went back' }),
  rule('signature-or-clock-skew', 0.66, w(SIGNATURE_NOT_VALID), { blocks: true, words: true, why: 'the request signature or its timestamp did not verify: check the secret, how the string to sign is built and the clock' }),
  rule('ip-or-geo-blocked', 0.72, w(SIGNATURE_IP), { blocks: true, words: true, why: 'the API key is bound to IP addresses and this request came from another' }),
  rule('waf-or-bot-block', 0.68, w(ROBOT_CHECK), { blocks: true, words: true, why: 'a bot protection took the client for a robot (unusual activity from its IP): pass the check or have the IP allowed' }),
  rule('waf-or-bot-block', 0.7, w(AGENT_POLICY), { words: true, why: 'the site blocks clients that do not identify themselves as its User-Agent policy asks (a descriptive User-Agent with contact)' }),
  rule('proxy-denied', 0.68, w(WEB_FILTER), { blocks: true, words: true, why: 'a web filter on the network refused the site (its category or a list)' }),
  rule('csrf', 0.7, w(CSRF_WORDS), { blocks: true, words: true, why: 'the framework\'s CSRF protection refused the form or request: its token or Origin did not check out' }),
  rule('rate-limited', 0.68, w(FLOW_LIMIT), { blocks: true, words: true, why: 'a quota or flow-control rule limits calls: wait for the window or quota to replenish' }),
  rule('account-or-plan-restriction', 0.72, w(BALANCE), { blocks: true, words: true, why: 'the account\'s balance or credits do not cover the call: top up or change plan' }),
  rule('account-or-plan-restriction', 0.7, w(SUBSCRIPTION_EXPIRED), { blocks: true, words: true, why: 'the subscription or plan has expired: renew it' }),
  rule('resource-policy-deny', 0.7, w(ADMIN_POLICY), { blocks: true, words: true, why: 'an administrator\'s policy (a policy engine or authorization plugin) refused the request, whoever sends it' }),
];

// ---- third pass: older layers' families the generic path missed ----

// A login refused in the database connector's words: Snowflake "Incorrect username or password (was) specified" (github.com/xlang-ai/Spider2/issues/107,
// github.com/dbt-labs/dbt-utils/issues/992, github.com/coiled/benchmarks/issues/1345), printed by clients after a 200 login answer.
const INCORRECT_LOGIN = /\bincorrect (?:username|user name|login|e-?mail) or password\b/i;
// OpenAI-style "Incorrect API key provided" (xAI on 400: github.com/continuedev/continue/issues/10778, github.com/autohandai/code-cli/issues/545).
const INCORRECT_KEY = /\bincorrect api key provided\b/i;
// Slack's not_in_channel (the bot is not a member of the channel: github.com/slackapi/slack-github-action/issues/186,
// github.com/sebseager/slack-exporter/issues/2, github.com/slack-ruby/slack-ruby-client/issues/124), on a 200 with ok:false.
const NOT_IN_CHANNEL = /\berror\W{1,6}not_in_channel\b|\bAPI error occurred: not_in_channel\b|\bnot_in_channel \(Slack::/;
// Twilio 21408 "Permission to send an SMS has not been enabled for the region indicated by the 'To' number" (github.com/sfreiberg/gotwilio/issues/17,
// github.com/appwrite/appwrite/issues/3859, github.com/laravel-notification-channels/twilio/issues/109): the account's geo permissions.
const REGION_NOT_ENABLED = /\bpermission to (?:send an? (?:sms|mms)|call)\b[^.\n]{0,20}\bhas not been enabled for the region\b/i;
// OpenRouter's account settings filtering every provider: "No endpoints found matching your data policy", "No allowed providers are available for the
// selected model" (github.com/dnakov/anon-kode/issues/13, github.com/unoplat/unoplat-code-confluence/issues/1080,
// github.com/TauricResearch/TradingAgents/issues/716, github.com/farion1231/cc-switch/issues/995), sent with 404.
const DATA_POLICY = /\bno endpoints (?:found|available) matching your (?:guardrail restrictions and )?data policy\b|\bno allowed providers are available for the selected model\b/i;
// Laravel's auth middleware redirecting an unauthenticated API call to a login route the API has not: "Route [login] not defined." (500;
// github.com/tymondesigns/jwt-auth/issues/1664, github.com/bradtraversy/laravel-sanctum-api/issues/3, github.com/rupadana/filament-api-service/issues/15).
const LOGIN_ROUTE = /\bRoute \[login\] not defined\b/;
// WSO2 API Manager's 900900 "Unclassified Authentication Failure" (a token its key manager could not validate; github.com/wso2/product-apim/issues/12019, #9286).
const UNCLASSIFIED_AUTH = /\bUnclassified Authentication Failure\b/;
// Reddit's token endpoint via PRAW: "OAuthException: invalid_grant error processing request" (a wrong password or 2FA account;
// github.com/elebumm/RedditVideoMakerBot/issues/59, github.com/csu/export-saved-reddit/issues/54).
const INVALID_GRANT_PROCESSING = /\binvalid_grant error processing request\b/i;
// Notion's object_not_found for pages not shared with the integration: "Make sure the relevant pages and databases are shared with your integration"
// (github.com/makenotion/notion-sdk-js/issues/612, github.com/alessandrobelli/NotionHook/issues/3), on 404.
const NOT_SHARED = /\bmake sure the relevant pages and databases are shared with your integration\b/i;

// Scrapers' reports of a bot challenge they could not pass: cloudscraper / cfscrape "Detected a Cloudflare version 2 challenge", "Detected the new
// Cloudflare challenge", CloudflareChallengeError (github.com/Anorov/cloudflare-scrape/issues/393, #432, github.com/VeNoMouS/cloudscraper/issues/257).
const SCRAPER_CHALLENGE = /\bDetected (?:a|the new) Cloudflare (?:version \d{1,2} )?challenge\b|\bCloudflareChallengeError\b/i;
// CloudFront's signed URL or cookie absent: "Missing Key-Pair-Id query parameter (or cookie value)" (github.com/tpyo/amazon-s3-php-class/issues/9,
// github.com/jasonsims/aws-cloudfront-sign/issues/35, #74).
const MISSING_KEY_PAIR = /\bmissing key-pair-id query parameter\b/i;
// Google's sign-in refusing an unverified app for everyone: "This app is blocked. This app tried to access sensitive info in your Google Account"
// (github.com/deanishe/alfred-gcal/issues/129, github.com/KarrLab/gdoc_down/issues/6, github.com/prasmussen/gdrive/issues/576).
const APP_BLOCKED = /\bthis app is blocked\W{1,8}this app tried to access sensitive info\b/i;
// A project id (the credential of Infura-style RPC endpoints) absent: "project ID is required" (github.com/kopanitsa/web3-arduino/issues/20,
// github.com/0xProject/0x-launch-kit/issues/40).
const PROJECT_ID_REQUIRED = /\bproject id is required\b/i;
// Lambda function URLs with AWS_IAM auth answer "Forbidden. For troubleshooting Function URL authorization issues" (the resource policy does not
// allow the caller; github.com/ant-media/Ant-Media-Server/issues/7827, github.com/brikis98/devops-book/pull/12).
const FUNCTION_URL_AUTHZ = /\bfor troubleshooting function url authorization issues\b/i;
// Azure Storage's AuthenticationFailed "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly
// including the signature" (github.com/Azure/azure-storage-python/issues/246, github.com/microsoft/AzureStorageExplorer/issues/62): a wrong key or
// SAS more often than a clock; its detail "The MAC signature found in the HTTP request … is not the same as any computed signature" names the
// signature (github.com/microsoft/AzureStorageExplorer/issues/661).
const STORAGE_AUTH_FAILED = /\bserver failed to authenticate the request\b/i;
const MAC_SIGNATURE = /\bMAC signature found in the HTTP request\b/;

export const R11_WORD_RULES_3: CauseRule[] = [
  rule('waf-or-bot-block', 0.68, w(SCRAPER_CHALLENGE), { blocks: true, words: true, why: 'the site served a bot challenge the client could not pass' }),
  rule('missing-credentials', 0.68, w(MISSING_KEY_PAIR), { blocks: true, words: true, why: 'the distribution requires signed URLs or cookies and none came with the request' }),
  rule('resource-policy-deny', 0.68, w(APP_BLOCKED), { blocks: true, words: true, why: 'the identity provider blocks this unverified app from sensitive scopes for every user: the app must be verified, or the admin must trust it' }),
  rule('missing-credentials', 0.66, w(PROJECT_ID_REQUIRED), { blocks: true, words: true, why: 'no project id (the endpoint\'s credential, in its URL) came with the request' }),
  rule('resource-policy-deny', 0.64, w(FUNCTION_URL_AUTHZ), { words: true, why: 'the function URL\'s auth type or resource policy does not allow this caller (sign the request with SigV4, or allow the principal)' }),
  rule('invalid-credentials', 0.58, w(STORAGE_AUTH_FAILED), { blocks: true, words: true, why: 'the storage service could not authenticate the request: a wrong account key or SAS, or a badly formed Authorization header' }),
  rule('signature-or-clock-skew', 0.66, w(MAC_SIGNATURE), { blocks: true, words: true, why: 'the request\'s signature does not match the one computed with the account key: a wrong key, or a string to sign built differently' }),
  rule('invalid-credentials', 0.66, w(INCORRECT_LOGIN), { blocks: true, words: true, why: 'the user name or password was refused (mistyped, rotated or for another account)' }),
  rule('invalid-credentials', 0.68, w(INCORRECT_KEY), { blocks: true, words: true, why: 'the API key sent is not one the API knows: mistyped, revoked or for another provider' }),
  rule('insufficient-permissions', 0.66, w(NOT_IN_CHANNEL), { blocks: true, words: true, why: 'the bot or user is not a member of the channel: invite it, or use a scope that allows posting without joining' }),
  rule('account-or-plan-restriction', 0.7, w(REGION_NOT_ENABLED), { blocks: true, words: true, why: 'the account\'s geographic permissions do not allow this destination: enable the region in its settings' }),
  rule('resource-policy-deny', 0.68, w(DATA_POLICY), { blocks: true, words: true, why: 'the account\'s data policy or provider restrictions exclude every provider of this model: change them in its settings' }),
  rule('missing-credentials', 0.66, w(LOGIN_ROUTE), { blocks: true, words: true, why: 'the request came without credentials and the auth middleware tried to redirect it to a login page (send the token, and Accept: application/json)' }),
  rule('invalid-credentials', 0.64, w(UNCLASSIFIED_AUTH), { blocks: true, words: true, why: 'the gateway could not validate the token sent with its key manager (a token from another issuer, or a key manager it cannot reach)' }),
  rule('invalid-credentials', 0.66, w(INVALID_GRANT_PROCESSING), { blocks: true, words: true, why: 'the token endpoint refused the grant: a wrong user name or password, or an account with two-factor sign-in' }),
  rule('insufficient-permissions', 0.66, w(NOT_SHARED), { blocks: true, words: true, why: 'the page or database is not shared with the integration: share it (Add connections) first' }),
];
