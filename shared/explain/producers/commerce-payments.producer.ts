import { all, any, body, not, status } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * WooCommerce REST API (wp-json/wc/v1…v3) and its legacy API (wc-api/v1…v3): WordPress's error object with
 * WooCommerce's own codes (woocommerce.github.io/woocommerce-rest-api-docs, errors and authentication) —
 * `woocommerce_rest_cannot_{view,create,edit,delete,batch}` (data.status 401: no user reached the endpoint, the
 * keys did not arrive or were not read; 403: a user or key without the capability) and
 * `woocommerce_rest_authentication_error` / legacy `woocommerce_api_authentication_error` (consumer key or secret,
 * OAuth 1.0a signature, timestamp or nonce). Clients print it as JSON, a Python dict, a .NET `Message=` or the PHP
 * client's `Error: <message> [<code>]`, in the site's language. Sources: inspireui/support#5038,
 * XiaoFaye/WooCommerce.NET#296, woocommerce/woocommerce-rest-api#110, Codexshaper/laravel-woocommerce#78,
 * woocommerce/woocommerce#9385, woocommerce/wc-api-python#11, JamesUgbanu/react-native-woocommerce-api#21,
 * imranhsayed/nextjs-woocommerce-restapi#44, woocommerce/wc-api-python#17. The 401/403 split is WordPress's own
 * (rest_authorization_required_code: 401 without a user, 403 with one), as for WordPress's rest_cannot_* codes.
 */
const WC_CANNOT_CODE = /\bwoocommerce_rest_cannot_(view|create|edit|delete|batch|read)\b/;
const WC_AUTH_CODE = /\bwoocommerce_(rest|api)_authentication_error\b/;
/** Its own English sentences (WordPress core says "Sorry, you are not allowed to …"), for a message pasted alone. */
const WC_CANNOT_SENTENCE = /Sorry, you cannot (list resources|view this resource|create resources|edit this resource|delete this resource|batch manipulate)/;
const WC_AUTH_SENTENCE = /\bConsumer (Key|key|Secret|secret) is invalid\b|Invalid signature - provided signature does not match/;
const WC_CANNOT = any(body(WC_CANNOT_CODE), body(WC_CANNOT_SENTENCE));
const WC_AUTH = any(body(WC_AUTH_CODE), body(WC_AUTH_SENTENCE));
const WC_STATUS = (code: number) => any(status(code), body(new RegExp(`['"]?status['"]?\\s*:\\s*${code}\\b`)));

const woocommerceRestApi = defineProducer({
  id: 'woocommerce-rest-api', kind: 'framework', name: 'WooCommerce REST API', family: 'woocommerce',
  overrides: ['wordpress'],
  own: [body(WC_CANNOT_CODE), body(WC_AUTH_CODE)],
  bodyOnly: [body(WC_CANNOT_SENTENCE), body(WC_AUTH_SENTENCE)],
  causes: [
    rule('missing-credentials', 0.9, all(WC_CANNOT, not(WC_STATUS(403))), {
      blocks: true, why: 'WooCommerce found no authenticated user for this request (its 401 woocommerce_rest_cannot_*): the consumer key and secret did not reach it — the Authorization header stripped by Apache/CGI or a proxy, Basic auth sent over plain HTTP (which needs OAuth 1.0a), or the keys sent to the wrong site or path',
      fix: 'Over HTTPS send the ck_/cs_ keys as Basic auth, or as consumer_key/consumer_secret query parameters when the server strips Authorization (query_string_auth); over HTTP sign with OAuth 1.0a; check the permalink (wp-json) route reaches WordPress.',
    }),
    rule('insufficient-permissions', 0.9, all(WC_CANNOT, WC_STATUS(403)), {
      blocks: true, why: 'the WooCommerce key\'s user (or the key itself) lacks the capability for this resource: a Read key used to write, or a user who is not a shop manager or administrator',
      fix: 'Create a Read/Write key for a user with the manage_woocommerce capability (WooCommerce → Settings → Advanced → REST API).',
    }),
    rule('signature-or-clock-skew', 0.93, all(WC_AUTH, body(/Invalid signature|Invalid timestamp|nonce has already been used|oauth_signature/i)), {
      blocks: true, why: 'WooCommerce rejected the OAuth 1.0a signature (plain-HTTP sites need it): the signature base string differs (URL, parameters, method), the timestamp is off, or the nonce was reused',
      fix: 'Use HTTPS with Basic auth instead, or let a WooCommerce client library sign the request (the exact URL, sorted parameters, HMAC-SHA1 or SHA256).',
    }),
    rule('invalid-credentials', 0.86, all(WC_AUTH, not(body(/Invalid signature|Invalid timestamp|nonce has already been used/i))), {
      blocks: true, why: 'WooCommerce does not know the consumer key or the secret does not match it (revoked, copied with spaces, or a key of another site)',
      fix: 'Copy the ck_ and cs_ pair again from WooCommerce → Settings → Advanced → REST API, or generate a new pair.',
    }),
  ],
  checklist: { auth: 'Check the ck_/cs_ key pair reaches WordPress (Authorization header or query string) and its Read/Write permission.' },
});

/**
 * Authorize.net API (api.authorize.net/xml/v1/request.api): `messages.resultCode: "Error"` with `message[{code,
 * text}]` codes E000nn (its response code reference); E00007 "User authentication failed due to invalid
 * authentication values." is a wrong API Login ID / Transaction Key or the sandbox pair sent to production.
 * Sources: AuthorizeNet/sdk-php#426, drewisme/authorizesauce#38, castlamp/zenbership#78.
 */
const ANET_SENTENCE = /User authentication failed due to invalid authentication values/;

const authorizeNetApi = defineProducer({
  id: 'authorize-net-api', kind: 'saas-api', name: 'Authorize.net API', family: 'authorize-net',
  own: [
    body(/AnetApi\/xml\/v1\/schema\/AnetApiSchema\.xsd/), body(/\b(api|apitest|api2)\.authorize\.net\/xml\/v1\//),
    all(body(/['"]?resultCode['"]?\s*[:=]\s*\[?\s*['"]Error['"]/), body(/['"]?code['"]?\s*[:=]\s*\[?\s*['"]E000\d\d['"]/)),
  ],
  bodyOnly: [body(ANET_SENTENCE)],
  causes: [
    rule('invalid-credentials', 0.93, body(ANET_SENTENCE), {
      blocks: true, why: 'Authorize.net does not accept the API Login ID and Transaction Key (E00007): mistyped, a regenerated key, or sandbox credentials sent to the production endpoint (or the reverse)',
      fix: 'Use the API Login ID and Transaction Key of the same environment as the endpoint (apitest.authorize.net for sandbox accounts, api.authorize.net for production); generate a new Transaction Key if unsure.',
    }),
  ],
  checklist: { auth: 'Check the API Login ID and Transaction Key belong to the environment (sandbox vs production) of the endpoint.' },
});

/**
 * Mandrill (Mailchimp Transactional): `{"status":"error","code":-1,"name":"Invalid_Key","message":"Invalid API
 * key"}` (its API docs' error names: Invalid_Key, ValidationError, PaymentRequired, Unknown_*), and its PHP client's
 * `Mandrill_<Name>` exceptions. A Mailchimp Marketing key is not a Transactional key. Sources:
 * mailchimp/mailchimp-client-lib-codegen#146, petehouston/simple-newsletter#1, Wylio/meteor-mandrill#12,
 * nickcv-ln/yii2-mandrill#29.
 */
const MANDRILL_ENV = /['"]?status['"]?\s*:\s*['"]error['"]\s*,\s*['"]?code['"]?\s*:\s*-?\d{1,4}\s*,\s*['"]?name['"]?\s*:\s*['"](Invalid_Key|ValidationError|PaymentRequired|GeneralError|Unknown_\w{1,30}|Invalid_\w{1,30})['"]/;
const MANDRILL_SDK = /\bMandrill_(Invalid_Key|ValidationError|PaymentRequired|GeneralError|Unknown_\w{1,30}|HttpError|Error)\b|\bmandrillapp\.com\/api\//;

const mandrillApi = defineProducer({
  id: 'mandrill-api', kind: 'saas-api', name: 'Mandrill (Mailchimp Transactional) API', family: 'mailchimp',
  own: [body(MANDRILL_ENV), body(MANDRILL_SDK)],
  causes: [
    rule('invalid-credentials', 0.93, body(/['"]?name['"]?\s*:\s*['"]Invalid_Key['"]|\bMandrill_Invalid_Key\b/), {
      blocks: true, why: 'Mandrill does not know the API key: mistyped, deleted, or a Mailchimp Marketing key (…-us1) instead of a Transactional one',
      fix: 'Create a key in Mailchimp Transactional (Settings → SMTP & API Info) and send it as "key" in the JSON body.',
    }),
    rule('missing-credentials', 0.92, body(/You must specify a key value/), {
      blocks: true, why: 'Mandrill received no API key: the JSON body lacks "key" (a misspelled field or setting), or the body was not sent as JSON',
      fix: 'Send {"key": "<Transactional API key>", …} as the JSON request body (Content-Type: application/json).',
    }),
  ],
  checklist: { auth: 'Check the body\'s "key" is a Mailchimp Transactional key, not a Marketing one.' },
});

/**
 * Xendit API (api.xendit.co): `{"error_code": …, "message": …}` — INVALID_API_KEY (no key, or a public key where a
 * secret one is needed) and REQUEST_FORBIDDEN_ERROR (the key lacks the product permission, e.g. Money-out Read for
 * balance) — its docs at developers.xendit.co, its PHP SDK's `Xendit\Exceptions\ApiException`. Sources:
 * xendit/xendit-node#168, xendit/xendit-node#191, xendit/xendit-php#82, xendit/xendit-php#63.
 */
const XENDIT_MISSING = /No API Key detected\. Please provide your API key in the Authorization header/;
const XENDIT_FORBIDDEN = /API key is not authorized for this API service|The API key is forbidden to perform this request|['"]error_code['"]\s*:\s*['"]REQUEST_FORBIDDEN_ERROR['"]/;

const xenditApi = defineProducer({
  id: 'xendit-api', kind: 'saas-api', name: 'Xendit API', family: 'xendit',
  own: [body(/\bXendit\\{1,2}Exceptions\\{1,2}ApiException\b|\bdevelopers\.xendit\.co\/api-reference\b|\bxendit\.github\.io\/apireference\b/)],
  bodyOnly: [body(/API key that you can obtain from the Xendit Dashboard/), body(XENDIT_MISSING)],
  causes: [
    rule('missing-credentials', 0.93, body(XENDIT_MISSING), {
      blocks: true, why: 'Xendit received no API key: it wants the secret key as the Basic auth username with an empty password',
      fix: 'Send Authorization: Basic base64("<secret key>:") — the xnd_development_/xnd_production_ secret key followed by a colon.',
    }),
    rule('invalid-credentials', 0.92, body(/The API key provided is invalid|API key format is invalid/), {
      blocks: true, why: 'Xendit does not accept the API key: a public key (xnd_public_…) where a secret one is needed, a key of the other mode, or a deleted key',
      fix: 'Create a secret API key in the Xendit Dashboard (Settings → API keys) for the mode you call (test or live).',
    }),
    rule('insufficient-permissions', 0.93, body(XENDIT_FORBIDDEN), {
      blocks: true, why: 'the Xendit secret key lacks the permission this product needs (each key has None/Read/Write per product, e.g. Money-out Read for the balance)',
      fix: 'Edit or recreate the key in the Xendit Dashboard with Read or Write on this product.',
    }),
  ],
  checklist: { auth: 'Check the Xendit secret key (not the public one) and its per-product permissions.' },
});

/**
 * Mercado Pago / Mercado Libre API (api.mercadopago.com): `{"message", "error": "unauthorized", "status": 401,
 * "cause": [{"code", "description", "data"}]}` (its API reference's error object), relayed by its SDKs as
 * MercadoPagoError or a PHP array. Sources: mercadopago/sdk-php#118, mercadopago/sdk-nodejs#161; a 400 of the
 * same shape (mercadopago/sdk-nodejs#179) is a bad payment, no refusal.
 */
const MP_ENV = /['"]?error['"]?\s*(:|=>)\s*['"](unauthorized|forbidden|bad_request|not_found|invalid_token)['"]\s*,?\s*['"]?status['"]?\s*(:|=>)\s*\d{3}\s*,?\s*['"]?cause['"]?\s*(:|=>)\s*(\[|array)/;

const mercadoPagoApi = defineProducer({
  id: 'mercado-pago-api', kind: 'saas-api', name: 'Mercado Pago API', family: 'mercadolibre',
  own: [body(MP_ENV), body(/\bMercadoPagoError\b/)],
  bodyOnly: [body(/Must provide your access_token to proceed|Unauthorized use of live credentials/)],
  causes: [
    rule('missing-credentials', 0.93, body(/Must provide your access_token to proceed/), {
      blocks: true, why: 'Mercado Pago received no access token (cause code 5): the SDK was not configured with it, or the Authorization header was not sent',
      fix: 'Send Authorization: Bearer <ACCESS_TOKEN> (APP_USR-… or TEST-…), or configure the SDK with it before the call.',
    }),
    rule('insufficient-permissions', 0.88, body(/Unauthorized use of live credentials/), {
      blocks: true, why: 'Mercado Pago refuses production credentials for this call (cause code 7): the application is not yet approved for production, the card token was made with another account\'s public key, or test users mixed with live keys',
      fix: 'Use test credentials (and test users) until the application is approved, and create the card token with the public key of the same account whose access token pays.',
    }),
  ],
  checklist: { auth: 'Check the access token and public key come from the same Mercado Pago account and mode.' },
});

/**
 * Tuya IoT cloud (openapi.tuya{us,eu,cn,in}.com): HTTP 200 with `{"code":N,"msg":…,"success":false,"t":…,"tid":…}`
 * (its global error-code page): 1010 token invalid/expired, 1004 sign invalid, 1013 request time invalid, 1106
 * permission deny (app account not linked, wrong data centre), 28841002 cloud development plan expired. Its SDKs
 * log `TuyaOpenAPI response:` or raise TuyaCloudSDKException. Sources: tuya/tuya-iot-python-sdk#76,
 * tuya/tuya-homebridge#353, EnzoD86/tuya-smart-ir-ac#108, rospogrigio/localtuya#1678, jurgenheine/com.tuya.cloud#121,
 * tuya/tuya-iot-python-sdk#18, tuya/tuya-homebridge#355; 0x5e/homebridge-tuya-platform#36 (1010 = token expired).
 */
const TUYA_FAIL = /['"]?success['"]?\s*:\s*(false|False)\b/;
const TUYA_TID = /['"]?tid['"]?\s*:\s*['"][0-9a-f]{32}['"]/;
const TUYA_CODE = /['"]?code['"]?\s*:\s*(1004|1010|1011|1013|1106|28841\d{3})\s*,\s*['"]?msg['"]?\s*:/;
/** Its SDKs' log prefix and exception, and its API hosts (each one more mark when a log quotes several). */
const TUYA_SDK = [/\bTuyaOpenAPI (response|request)\b|\bTuyaCloudSDKException\b/, /\bopenapi\.tuya(us|eu|cn|in|weu|ueaz)\.com\b/];
const tuyaCode = (codes: string, msg: string) => any(body(new RegExp(`['"]?code['"]?\\s*:\\s*(${codes})\\b`)), body(new RegExp(`['"]?msg['"]?\\s*:\\s*['"](${msg})`)), body(new RegExp(`TuyaCloudSDKException \\[Error\\]: (${msg})`)));

const tuyaOpenApi = defineProducer({
  id: 'tuya-openapi', kind: 'saas-api', name: 'Tuya IoT Cloud OpenAPI', family: 'tuya',
  own: [all(body(TUYA_FAIL), body(TUYA_TID)), ...TUYA_SDK.map((re) => body(re))],
  bodyOnly: [all(body(TUYA_CODE), body(TUYA_FAIL)), body(/Your subscription to cloud development plan has expired/)],
  causes: [
    rule('invalid-credentials', 0.92, tuyaCode('1010|1011', 'token invalid|token expired'), {
      blocks: true, why: 'Tuya does not accept the access token (1010): expired (2 hours), refreshed elsewhere — the same account logged in from another app or integration — or taken from another data centre',
      fix: 'Get a new token (GET /v1.0/token?grant_type=1, or refresh it), and use one Tuya cloud project per integration.',
    }),
    rule('signature-or-clock-skew', 0.92, tuyaCode('1004|1013', 'sign invalid|request time is invalid'), {
      blocks: true, why: 'Tuya rejected the request signature (1004: HMAC-SHA256 over client_id, token, t, nonce and the string to sign) or its timestamp t (1013: the clock is off)',
      fix: 'Sign with the project\'s Access Secret exactly as the signing guide says (the v2 string-to-sign with method, body hash and URL), send t in milliseconds, and sync the clock.',
    }),
    rule('insufficient-permissions', 0.9, tuyaCode('1106', 'permission deny'), {
      blocks: true, why: 'the Tuya cloud project may not act for this user or device (1106): the Smart Life/Tuya app account is not linked to the project, the project is in another data centre than the devices, or an API service is not authorised',
      fix: 'Link the app account (Devices → Link App Account) in the project of the devices\' data centre, check the country code, and authorise the API services the call needs.',
    }),
    rule('account-or-plan-restriction', 0.94, any(body(/subscription to cloud development plan has expired/), tuyaCode('28841002', 'No permissions\\. Your subscription')), {
      blocks: true, why: 'the Tuya cloud project\'s free IoT Core (or another service\'s) trial has expired (28841002), so Tuya refuses every call',
      fix: 'Extend the IoT Core trial (or the service\'s plan) in the Tuya Developer Platform (Cloud → Cloud Services); it can take a while to apply.',
    }),
  ],
  checklist: { auth: 'Check the project\'s Access ID/Secret, its data centre and the linked app account.', server: 'Tuya answers with HTTP 200: read code and msg.' },
});

/**
 * Philips Hue bridge API v1 (http://<bridge>/api/<username>/…): HTTP 200 with `[{"error":{"type":N,"address":…,
 * "description":…}}]` (Hue developer docs, error messages); type 1 "unauthorized user" is a username the bridge does
 * not know. homebridge-hue logs it as `api error 1: unauthorized user`. Sources: bwssytems/ha-bridge#410,
 * ebaauw/homebridge-hue#1181, ebaauw/homebridge-hue#265.
 */
const HUE_ERR = /\[\s*\{\s*['"]error['"]\s*:\s*\{\s*['"]type['"]\s*:\s*\d{1,3}\s*,\s*['"]address['"]\s*:\s*['"]/;

const philipsHueBridge = defineProducer({
  id: 'philips-hue-bridge', kind: 'saas-api', name: 'Philips Hue bridge API', family: 'philips-hue',
  own: [body(HUE_ERR)],
  bodyOnly: [body(/\[Hue\][^\n]{0,80}\b(bridge|api) error 1: unauthorized user/)],
  causes: [
    rule('invalid-credentials', 0.92, body(/['"]type['"]\s*:\s*1\s*,[^\]]{0,80}unauthorized user|\berror 1: unauthorized user/), {
      blocks: true, why: 'the Hue bridge does not know this username (application key): never created on this bridge, deleted from its whitelist, or a bridge reset',
      fix: 'Create a new user: press the bridge\'s link button, then POST {"devicetype":"app#device"} to /api within 30 seconds, and use the returned username.',
    }),
  ],
  checklist: { auth: 'Check the username (application key) was created on this very bridge.' },
});

/**
 * SparkPost API (api.sparkpost.com, api.eu.sparkpost.com /api/v1): `{"errors":[{"message":"Unauthorized."}]}` for a
 * key it does not know, `Forbidden.` for a key without the permission (Transmissions, Suppression Lists, Webhooks…
 * each granted per key); the bare envelope is anyone's, so its clients and host name it. Sources:
 * SparkPost/php-sparkpost#64, the-refinery/sparkpost_rails#47, cividesk/com.cividesk.email.sparkpost#38.
 */
const SPARKPOST = /\bSparkPost\\{1,2}APIResponseException\b|\bSparkPostRails::DeliveryException\b|\bSparkPostError\b|\bapi(\.eu)?\.sparkpost\.com\/api\/v1\b/;

const sparkpostApi = defineProducer({
  id: 'sparkpost-api', kind: 'saas-api', name: 'SparkPost API', family: 'sparkpost',
  own: [body(SPARKPOST)],
  causes: [
    rule('insufficient-permissions', 0.92, any(body(/['"]?(api)?[mM]essage['"]?\s*(=>|:)\s*(string '|['"])Forbidden\./), body(/Sparkpost error: Permission denied\. Check that the API key is authorized/)), {
      blocks: true, why: 'the SparkPost API key lacks the permission for this endpoint (each key is granted Transmissions, Suppression Lists, Webhooks, Sending Domains… one by one)',
      fix: 'Edit the key in SparkPost (Configuration → API Keys) and grant the permission this call needs (e.g. Transmissions: Read/Write), or use a key that has it.',
    }),
    rule('invalid-credentials', 0.9, body(/['"]?message['"]?\s*(=>|:)\s*['"]Unauthorized\.['"]/), {
      blocks: true, why: 'SparkPost does not know the API key: mistyped, deleted, or a key of the other region (EU keys work only on api.eu.sparkpost.com)',
      fix: 'Send a valid key in the Authorization header (no Bearer prefix) to the API host of the account\'s region.',
    }),
  ],
  checklist: { auth: 'Check the SparkPost key\'s region and its per-endpoint permissions.' },
});

/**
 * ecobee API (api.ecobee.com/1): HTTP 500 with `{"status":{"code":N,"message":…}}` (its API status codes); code 14
 * "Authentication token has expired. Refresh your tokens." asks for the refresh-token grant. Sources:
 * openhab/openhab-addons#9039, openhab/openhab-addons#16467, SmartThingsCommunity/SmartThingsPublic#525.
 */
const ECOBEE_EXPIRED = /Authentication token has expired\.\s{1,3}Refresh your tokens/;

const ecobeeApi = defineProducer({
  id: 'ecobee-api', kind: 'saas-api', name: 'ecobee API', family: 'ecobee',
  own: [body(/\bEcobee API returned unsuccessful status: code=\d{1,3}\b|\bapi\.ecobee\.com\/1\//)],
  bodyOnly: [body(ECOBEE_EXPIRED)],
  causes: [
    rule('invalid-credentials', 0.92, body(ECOBEE_EXPIRED), {
      blocks: true, why: 'the ecobee access token has expired (they last an hour; code 14): the client must refresh it',
      fix: 'POST grant_type=refresh_token with the refresh token and the app\'s API key to https://api.ecobee.com/token, store both new tokens, and retry; re-authorise with a PIN if the refresh token is refused.',
    }),
  ],
  checklist: { auth: 'Check the ecobee access token is refreshed before it expires (hourly).' },
});

/** Payment, commerce, e-mail and IoT APIs (filled by family; the trading APIs are in the second file). */
export const COMMERCE_PAYMENT_PRODUCERS: Producer[] = [woocommerceRestApi, authorizeNetApi, mandrillApi, xenditApi, mercadoPagoApi, tuyaOpenApi, philipsHueBridge, sparkpostApi, ecobeeApi];
