import { any, body, cookie, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * eBay APIs: the REST APIs' `{"errors":[{"errorId":1001,"domain":"OAuth","category":"REQUEST","message":"Invalid
 * access token","longMessage":"Invalid access token. Check the value of the Authorization HTTP request header."}]}`
 * (developer.ebay.com handling error messages), the Trading API's `Auth token is invalid` (error 931), and its
 * clients (DTS eBaySDK's `Status Code: 401 1001: …`, hendt/ebay-api's EbayApiError). Sources:
 * davidtsadler/ebay-sdk-examples#81, #42 and #90, bhushankummar/eBay-node-client#13, hendt/ebay-api#77.
 */
const EBAY_ERROR = /"errorId"\s*:\s*\d{1,6}\s*,\s*"domain"\s*:\s*"\w{2,30}"/;
const EBAY_TOKEN_HINT = /Invalid access token\. Check the value of the Authorization HTTP request header/;
const EBAY_INVALID = /"errorId"\s*:\s*1001\s*,\s*"domain"\s*:\s*"OAuth"|\b1001: Invalid access token\b|IAF token supplied is invalid|Auth token is invalid\. Validation of the authentication token in API request failed/;

const ebayApi = defineProducer({
  id: 'ebay-api', kind: 'saas-api', name: 'eBay APIs', family: 'ebay',
  own: [body(EBAY_ERROR)],
  bodyOnly: [
    body(EBAY_TOKEN_HINT), body(/\bEbayApiError\b|\bDTS\\eBaySDK\\\w+/),
    body(/\bapi(\.sandbox)?\.ebay\.com\/(sell|buy|commerce|identity|developer|post-order)\//),
    body(/Auth token is invalid\. Validation of the authentication token in API request failed/),
  ],
  causes: [
    rule('invalid-credentials', 0.92, any(body(EBAY_INVALID), body(EBAY_TOKEN_HINT)), {
      blocks: true, why: 'eBay did not accept the OAuth token: a user access token expired (two hours), a sandbox token was sent to production (or the reverse), an application token was used where a user token is needed, or the header lacks "Bearer "',
      fix: 'Mint a new user access token from the refresh token (POST api.ebay.com/identity/v1/oauth2/token) for the environment you call, and send it as Authorization: Bearer …; Trading API calls take it in X-EBAY-API-IAF-TOKEN.',
    }),
  ],
  checklist: { auth: 'Check the token\'s environment (sandbox vs production), its kind (user vs application) and its age.' },
});

/**
 * Intercom REST API: `{"type":"error.list","request_id":…,"errors":[{"code":"token_unauthorized","message":…}]}`
 * (developers.intercom.com errors), its X-Intercom-Version header and Basic realm, and intercom-ruby's
 * `Intercom::UnexpectedError … It occurred with the message: … and http_code: '401'`. Sources:
 * intercom/intercom-node#27 and #78, intercom/intercom-php#257, intercom/intercom-dotnet#109,
 * intercom/intercom-ruby#145 and #323.
 */
const IC_ENVELOPE = /"type"\s*:\s*"error\.list"/;
const icCode = (codes: string) => new RegExp(`"code"\\s*:\\s*"(${codes})"`);

const intercomApi = defineProducer({
  id: 'intercom-api', kind: 'saas-api', name: 'Intercom API', family: 'intercom',
  own: [body(IC_ENVELOPE), hdr('x-intercom-version'), hdr('www-authenticate', /realm="intercom\.io"/i)],
  bodyOnly: [body(/\bIntercom::(UnexpectedError|AuthenticationError|ResourceNotFound|RateLimitExceeded)\b/), body(/\bapi\.intercom\.io\//)],
  causes: [
    rule('invalid-credentials', 0.92, any(body(icCode('token_not_found|token_revoked|token_invalid')), body(/\bAccess Token Invalid\b/), body(/It occurred with the message: Unauthorized( token)? and http_code: '401'/)), {
      blocks: true, why: 'Intercom does not know this access token: mistyped, revoked, of another workspace, or an old App ID + API key pair (retired in favour of access tokens)',
      fix: 'Copy the access token again from the Developer Hub (your app → Authentication) and send it as Authorization: Bearer …; OAuth apps need the token of the installing workspace.',
    }),
    rule('insufficient-permissions', 0.88, any(body(icCode('token_unauthorized|unauthorized_scope')), body(/\bNot authori[sz]ed to access resource\b/)), {
      blocks: true, why: 'the Intercom token is valid but its app was not granted the permission (scope) this endpoint needs — e.g. reading users and contacts needs the extended scopes',
      fix: 'Add the permission to the app in the Developer Hub (Authentication → Edit scopes), reinstall or re-authorise it, and use the new token.',
    }),
    rule('account-or-plan-restriction', 0.9, any(body(icCode('token_suspended')), body(/\bUnauthorized token, suspended application\b/)), {
      blocks: true, why: 'Intercom suspended the app this token belongs to (or the workspace\'s subscription lapsed): every call fails whatever the token',
      fix: 'Contact Intercom support (or the workspace admin) to reinstate the app or subscription; a new token of the same app does not help.',
    }),
  ],
  checklist: { auth: 'Check the access token\'s app, workspace and scopes in the Intercom Developer Hub.' },
});

/**
 * ClickUp API v2: `{"err":"Team not authorized","ECODE":"OAUTH_027"}` — its ECODE families (OAUTH_, ACCESS_, ITEM_…)
 * from clickup.com/api common errors — as clients print it (`Oauth token not found (OAUTH_018)`, clickup-cli's
 * hint). Sources: n8n-io/n8n#28584, raycast/extensions#23964, nicholasbester/clickup-cli#96.
 */
const CU_ECODE = /["']?ECODE["']?\s*:\s*["'](OAUTH|ACCESS|ITEM|TEAM|APP|INPUT|SUBCAT)_\d{3}["']/;
const CU_TEAM = /\bTeams?(\(s\))? not authori[sz]ed\b/;
const CU_TOKEN = /\b(Oauth token not found|Token invalid|Authorization header required)\b/i;

const clickupApi = defineProducer({
  id: 'clickup-api', kind: 'saas-api', name: 'ClickUp API', family: 'clickup',
  own: [body(CU_ECODE)],
  bodyOnly: [
    body(/\b(Oauth token not found|Token invalid|Authorization header required|Teams?(\(s\))? not authori[sz]ed) \(OAUTH_\d{3}\)/i),
    body(/\bapi\.clickup\.com\/api\/v2\//), body(/run 'clickup setup' to reconfigure/),
  ],
  causes: [
    rule('invalid-credentials', 0.9, body(CU_TOKEN), {
      blocks: true, why: 'ClickUp does not accept the token: a personal token (pk_…) mistyped or regenerated, an OAuth token revoked, or the header sent as "Bearer pk_…" where ClickUp wants the bare token',
      fix: 'Send the personal token as Authorization: pk_… (no Bearer), or the OAuth access token as Authorization: Bearer …; generate a new token under Settings → Apps if unsure.',
    }),
    rule('insufficient-permissions', 0.88, body(CU_TEAM), {
      blocks: true, why: 'the ClickUp token is valid but its user (or OAuth app) has no access to the workspace (team) that owns this item — another workspace\'s id, a workspace not selected when the app was authorised, or a wrong id that ClickUp cannot place',
      fix: 'Check the task/list id belongs to a workspace the token\'s user is a member of (GET /api/v2/team lists them); for OAuth apps, re-authorise and tick that workspace.',
    }),
  ],
  checklist: { auth: 'Check which workspaces the token can see (GET /api/v2/team) and the header format (pk_ tokens without Bearer).' },
});

/**
 * SAP Gateway / ABAP OData services (S/4HANA, NetWeaver): its CSRF check — 403 with `x-csrf-token: Required` and
 * the text `CSRF token validation failed` (translated, e.g. `CSRF-Token-Validierung ist fehlgeschlagen`), its
 * sap-server / sap-perf-fesrec headers and /IWFND/, /IWBEP/ message ids (help.sap.com, SAP Gateway CSRF
 * protection). Sources: SAP/cloud-sdk-js#1037, pfefferf/grunt-nwabap-ui5uploader#12,
 * odata2ts/odata2ts#212, SAP/cloud-sdk-java#379.
 */
const SAP_CSRF_WORDS = /\bCSRF token validation failed\b|\bCSRF-Token-Validierung ist fehlgeschlagen\b/i;

const sapGateway = defineProducer({
  id: 'sap-gateway', kind: 'gateway', name: 'SAP Gateway (ABAP OData)', family: 'sap',
  own: [hdr('sap-server'), hdr('sap-perf-fesrec'), body(/\/IW(FND|BEP)\/CM_[A-Z_]{2,40}\/\d{3}\b/)],
  bodyOnly: [body(/\bCSRF-Token-Validierung ist fehlgeschlagen\b/), body(/\/sap\/opu\/odata4?\/\w+/)],
  presence: [hdr('sap-processing-info'), cookie(/\b(SAP_SESSIONID_\w+|MYSAPSSO2|sap-usercontext)=/)],
  causes: [
    rule('csrf', 0.95, any(hdr('x-csrf-token', /^required$/i), body(SAP_CSRF_WORDS)), {
      blocks: true, why: 'SAP Gateway requires a CSRF token on every modifying request (POST, PUT, PATCH, DELETE, $batch): none was sent, or it was fetched in another session (the token is bound to the session cookies of the GET that fetched it)',
      fix: 'First GET the service root (or $metadata, with a trailing slash on some systems) with header X-CSRF-Token: Fetch, then send the returned token and the same session cookies with the modifying request.',
    }),
  ],
  checklist: { server: 'Check the request carries X-CSRF-Token from a Fetch in the same session, with its cookies.' },
});

/**
 * Asana API: `{"errors":[{"message":"Not Authorized","help":"For more information on API status codes and how to
 * handle them, read the docs on errors: https://developers.asana.com/docs/errors"}]}` (its errors page), its 401
 * sentence for an expired bearer token, and its clients' error classes (python-asana's asana.error.*, java-asana's
 * com.asana.errors.*, the Ruby gem's Asana::Errors::*). Sources: Asana/python-asana#105, Asana/java-asana#51,
 * getsentry/sentry#23399.
 */
const ASANA_SDK = /\b(asana\.error\.|com\.asana\.errors\.|Asana::Errors::)(NoAuthorization|Forbidden|NotFound|RateLimitEnforced|InvalidRequest)(Error)?\b/;
const ASANA_EXPIRED = /The bearer token has expired\. If you have a refresh token, please use it to request a new bearer token/;

const asanaApi = defineProducer({
  id: 'asana-api', kind: 'saas-api', name: 'Asana API', family: 'asana',
  own: [body(/\b(developers\.asana\.com\/docs\/errors|asana\.com\/developers\/documentation\/getting-started\/errors)\b/)],
  bodyOnly: [body(ASANA_SDK), body(ASANA_EXPIRED), body(/\bapp\.asana\.com\/api\/1\.0\//)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(/\b(asana\.error\.|com\.asana\.errors\.|Asana::Errors::)NoAuthorization(Error)?\b/), body(ASANA_EXPIRED)), {
      blocks: true, why: 'Asana did not accept the token (401 Not Authorized): an OAuth bearer token expired (they live an hour) or was revoked, a personal access token was deleted, or the client sent it without "Bearer " (or lost the header)',
      fix: 'Refresh the OAuth token with the refresh token (POST app.asana.com/-/oauth_token), or create a new personal access token in the developer console; send it as Authorization: Bearer ….',
    }),
  ],
  checklist: { auth: 'Check the Asana token\'s kind (OAuth vs personal access token), age and that the header reaches Asana.' },
});

/**
 * Amazon Product Advertising API (PA-API 5, its v4 XML predecessor, the Creators API that follows it): PA-API 5's
 * `{"__type":"com.amazon.paapi5#TooManyRequestsException","Errors":[{"Code":"TooManyRequests","Message":"The request
 * was denied due to request throttling. Please verify the number of requests made per second to the Amazon Product
 * Advertising API."}]}`, v4's `<ItemSearchErrorResponse xmlns="http://ecs.amazonaws.com/doc/…">` with
 * AWS.InvalidAssociate / RequestThrottled, and the associate-eligibility refusal (webservices.amazon.com/paapi5
 * documentation, error messages). Sources: sergioteula/python-amazon-paapi#32 and #144,
 * samirsalman/AmazonOffers-TelegramBot#1, nager/Nager.AmazonCreatorsApi#146, quodlibet/quodlibet#2508,
 * dmcquay/node-apac#86, t3chnoboy/amazon-product-api#104.
 */
const PAAPI_THROTTLE = /The request was denied due to request throttling\. Please verify the number of requests made per second to the Amazon Product Advertising API/;
const PAAPI_ASSOCIATE = /\bAWS\.InvalidAssociate\b|is not registered as an Amazon Associate\. Please register as an associate|"reason"\s*:\s*"AssociateNotEligible"|\bcom\.amazon\.paapi5#AccessDeniedException\b[^}]{0,120}AssociateNotEligible/;

const amazonPaapi = defineProducer({
  id: 'amazon-product-advertising-api', kind: 'saas-api', name: 'Amazon Product Advertising API', family: 'amazon-paapi',
  // its JSON errors carry AWS's __type and its v4 errors AWS's XML shape, but name its own service
  overrides: ['aws-services', 'aws-api-gateway', 'amazon-sp-api'],
  own: [body(/\bcom\.amazon\.paapi5#\w{3,60}/), body(PAAPI_THROTTLE), body(/<\w{4,40}ErrorResponse xmlns="http:\/\/(ecs\.amazonaws\.com\/doc|webservices\.amazon\.com\/AWSECommerceService)\/\d{4}-\d\d-\d\d\/?"/), body(/\bAWS\.InvalidAssociate\b/)],
  bodyOnly: [body(/is not registered as an Amazon Associate\. Please register as an associate/), body(/"reason"\s*:\s*"AssociateNotEligible"/), body(/\bwebservices\.amazon\.[a-z.]{2,10}\/paapi5\//)],
  causes: [
    rule('rate-limited', 0.92, any(body(/\bcom\.amazon\.paapi5#TooManyRequestsException\b/), body(PAAPI_THROTTLE), body(/You are submitting requests too quickly\. Please retry your requests at a slower rate/)), {
      blocks: true, why: 'the Product Advertising API throttled the associate: its allowance (one request a second and 8,640 a day to start) grows only with shipped sales referred in the last 30 days, so a new or idle associate tag is throttled from its first call',
      fix: 'Slow down to one request a second and cache results; if it fails from the first call, the associate account needs qualifying sales (or a tag of the marketplace you call) before the API serves it.',
    }),
    rule('account-or-plan-restriction', 0.92, body(PAAPI_ASSOCIATE), {
      blocks: true, why: 'Amazon does not let this associate use the API: the access key is not tied to an approved Amazon Associates account of this marketplace, or the account no longer meets the eligibility rules (qualifying sales in the last 180 days, completed tax and payment details)',
      fix: 'Register or re-activate the Associates account for this marketplace with the same login that created the API keys, meet the sales requirement, then create new PA-API credentials from Associates Central.',
    }),
  ],
  checklist: { server: 'Check the Associates account\'s eligibility and sales for this marketplace, and the request rate.' },
});

/**
 * Cloudinary Upload and Admin APIs: `{"error":{"message":"Invalid Signature <sha1>. String to sign - '…'."}}`
 * (401), `Must supply api_key`, `Unknown API key <key>` and its X-Cld-Error header (cloudinary.com documentation,
 * upload API errors), also as its SDKs return them (`{ error: { message, http_code } }`). Sources:
 * cloudinary/cloudinary_npm#59, #570, #288 and #214, nuxt-modules/cloudinary#69, keystonejs/keystone-classic#1198,
 * jrm2k6/cloudder#53, funador/react-image-upload#3.
 */
const CLD_SIGNATURE = /Invalid Signature [0-9a-f]{40}\. String to sign - '/;
const CLD_NO_KEY = /\bMust supply api_key\b/;
/**
 * The same sentence cut before its string to sign (an SDK's or a page's message at its first period): 'Invalid Signature' and
 * the 40-hex SHA-1 Cloudinary computed. Sources: github.com/cloudinary/cloudinary_npm/issues/59, github.com/jrm2k6/cloudder/issues/53,
 * github.com/jrm2k6/cloudder/issues/54, github.com/keystonejs/keystone-classic/issues/1198.
 */
const CLD_SIGNATURE_CUT = /\bInvalid Signature [0-9a-f]{40}\b/;

const cloudinaryApi = defineProducer({
  id: 'cloudinary-api', kind: 'saas-api', name: 'Cloudinary API', family: 'cloudinary',
  own: [hdr('x-cld-error'), body(CLD_SIGNATURE)],
  bodyOnly: [body(CLD_NO_KEY), body(/"error"\s*:\s*\{\s*"message"\s*:\s*"Unknown API key \w{6,40}"/), body(/\bapi\.cloudinary\.com\/v1_1\//), body(CLD_SIGNATURE_CUT)],
  causes: [
    rule('signature-or-clock-skew', 0.9, body(CLD_SIGNATURE), {
      blocks: true, why: 'Cloudinary computed another signature for the signed parameters: the API secret used to sign is wrong (cut, quoted in .env, of another account or stale until the server restarts), or parameters were added to the request but not to the signature (or the reverse)',
      fix: 'Sign with the account\'s API secret exactly (no quotes or spaces) using the SDK\'s api_sign_request over the very parameters sent (the message shows the string to sign), and restart the server after changing .env.',
    }),
    rule('signature-or-clock-skew', 0.86, body(CLD_SIGNATURE_CUT), { blocks: true, why: 'Cloudinary computed another signature for the signed parameters: the API secret used to sign is wrong, or the signed parameters differ from those sent' }),
    rule('missing-credentials', 0.88, body(CLD_NO_KEY), {
      blocks: true, why: 'the upload reached Cloudinary (or the SDK) without an api_key: the SDK was not configured (cloudinary.config not called, environment variables not loaded, CLOUDINARY_URL unset) or an unsigned upload lacks its upload preset',
      fix: 'Configure the SDK with cloud_name, api_key and api_secret (or CLOUDINARY_URL) on the server before uploading, or use an unsigned upload preset from the browser.',
    }),
    rule('invalid-credentials', 0.88, body(/\bUnknown API key \w{6,40}/), {
      blocks: true, why: 'Cloudinary does not know this API key for the cloud name in the URL: keys of two accounts mixed, or the key was deleted',
      fix: 'Use the API key and secret shown for this cloud name in the Cloudinary console (Settings → API Keys).',
    }),
  ],
  checklist: { auth: 'Check the cloud name, API key and secret come from the same Cloudinary account and reach the server.' },
});

/**
 * monday.com GraphQL API: its error object `{"error_code":"ComplexityException","status_code":429,"error_message":…,
 * "error_data":{},"errors":[…],"account_id":…}` (developer.monday.com rate limits and errors), which it may send with
 * HTTP 200, and its complexity-budget sentence. Sources: airbytehq/airbyte#31539 and #36717, ProdPerfect/monday#27.
 */
const MONDAY_BUDGET = /Complexity budget exhausted, query cost \d{1,9} budget remaining \d{1,9} out of \d{1,9} reset in \d{1,5} seconds/;
const mondayCode = (codes: string) => new RegExp(`"error_code"\\s*:\\s*"(${codes})"`);

const mondayApi = defineProducer({
  id: 'monday-api', kind: 'saas-api', name: 'monday.com API', family: 'monday',
  own: [body(MONDAY_BUDGET)],
  bodyOnly: [body(mondayCode('ComplexityException|complexityBudgetExhausted|UserUnauthorizedException|RateLimitExceeded|maxConcurrencyExceeded|DAILY_LIMIT_EXCEEDED')), body(/\bapi\.monday\.com\/v2\b/)],
  causes: [
    // its code complexityBudgetExhausted reads to the generic code words as a money budget: it is a rate limit
    rule('rate-limited', 0.99, any(body(MONDAY_BUDGET), body(mondayCode('ComplexityException|complexityBudgetExhausted'))), {
      blocks: true, why: 'the monday.com token spent its complexity budget for the minute (each query costs points by the items and columns it asks for; 10M a minute for personal tokens): sent as 429 or inside an HTTP 200 body',
      fix: 'Wait the seconds the message gives (retry_in_seconds), then ask for fewer items per page and fewer columns, or spread queries over time; read the complexity field to pace them.',
    }),
  ],
  checklist: { server: 'Check error_code and status_code inside the JSON: monday.com may send its limits with HTTP 200.' },
});

/** Work and business SaaS APIs, continued (the first file is full). */
export const WORK_SAAS_PRODUCERS_2: Producer[] = [ebayApi, intercomApi, clickupApi, sapGateway, asanaApi, amazonPaapi, cloudinaryApi, mondayApi];
