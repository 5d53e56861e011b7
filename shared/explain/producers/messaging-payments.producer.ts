import { all, any, body, hdr } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Telegram Bot API's envelope: ok false beside a numeric error_code and a description, as JSON or as a
 * Python dict an SDK printed (keys in any order, u'' prefixes). Slack's "ok":false carries "error" instead.
 */
const TELEGRAM_ENVELOPE = all(body(/['"]ok['"]\s*:\s*(false|False)\b/), body(/['"]error_code['"]\s*:\s*[1-5]\d\d\b/), body(/['"]description['"]\s*:/));
/** The SDKs' own lines: pyTelegramBotAPI (telebot), OctoPrint's plugin, the Bot API host with a token path. */
const TELEGRAM_SDK = /A request to the Telegram API was unsuccessful|telebot\.apihelper\.ApiTelegramException|Telegram returned error code \d{3}|\bapi\.telegram\.org\/bot\d+:|\btelegram\.error\.(RetryAfter|InvalidToken|Unauthorized|Forbidden): /;
/** python-telegram-bot's RetryAfter, raised from the Bot API's retry_after. */
const TELEGRAM_FLOOD = /telegram\.error\.RetryAfter: Flood control exceeded\. Retry in [\d.]+ seconds/;

export const telegramBotApi = defineProducer({
  id: 'telegram-bot-api', kind: 'saas-api', name: 'Telegram Bot API', family: 'telegram',
  own: [TELEGRAM_ENVELOPE],
  // … and its flood-wait description alone, 'Too Many Requests: retry after N' (core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this,
  // corpus telegram-bot-api/)
  bodyOnly: [body(TELEGRAM_SDK), body(/\bToo Many Requests: retry after \d+\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(/['"]error_code['"]\s*:\s*401\b|Error code: 401\. Description: Unauthorized|HTTP 401 Unauthorized|Telegram returned error code 401/), {
      blocks: true, why: 'Telegram does not know this bot token (mistyped, cut short, or revoked with @BotFather\'s /revoke): 401 has no other meaning in the Bot API',
      fix: 'Copy the token again from @BotFather (/token) and send it in the path as /bot<token>/<method>.',
    }),
    rule('rate-limited', 0.95, any(body(/['"]error_code['"]\s*:\s*429\b/), all(TELEGRAM_ENVELOPE, body(/Too Many Requests: retry after \d+/)), body(TELEGRAM_FLOOD)), {
      blocks: true, why: 'Telegram\'s flood limit for bots (about one message per second per chat, 20 per minute per group, 30 per second overall) was hit',
      fix: 'Wait the retry_after seconds it gives, then send more slowly (queue the messages per chat).',
    }),
  ],
  checklist: { auth: 'Check the bot token from @BotFather (digits, a colon, then 35 characters) is whole in the URL path.' },
});

/** SendGrid's v3 error envelope: errors[] of {message, field, help} (field and help often null). */
const SENDGRID_ENVELOPE = /"errors"\s*:\s*\[\s*\{\s*"message"\s*:\s*"[^"]*"\s*,\s*"field"\s*:\s*(null|"[^"]*")\s*,\s*"help"\s*:/;
/** SendGrid's 401 sentence (its API and its SMTP relay): OAuth servers word invalid_grant differently. */
const SENDGRID_GRANT = /The provided authorization grant is invalid,\s+expired,?\s+or\s+revoked/;
/** SendGrid's other errors[] order {field, message} carries its own messages; the shape alone is anybody's. */
const SENDGRID_FIELD_FIRST = all(body(/"errors"\s*:\s*\[\s*\{\s*"field"\s*:\s*(null|"[^"]*")\s*,\s*"message"\s*:/), body(/"message"\s*:\s*"(access forbidden|authorization required|Maximum credits exceeded)"/));
/** Mail Send's 403 for a from address the account has not verified. */
const SENDGRID_SENDER = /The from address does not match a verified Sender Identity/;

export const sendgridApi = defineProducer({
  id: 'sendgrid-api', kind: 'saas-api', name: 'Twilio SendGrid API', family: 'sendgrid',
  own: [body(SENDGRID_ENVELOPE), hdr('x-no-cors-reason', /sendgrid/i)],
  // the sentence alone, or the Python SDK's HTTP client (python_http_client is SendGrid's)
  bodyOnly: [body(SENDGRID_GRANT), body(/\bpython_http_client\.exceptions\.\w+Error\b/), body(/\bapi\.sendgrid\.com\/v3\/|default-src https:\/\/api\.sendgrid\.com\b/), SENDGRID_FIELD_FIRST, body(SENDGRID_SENDER)],
  causes: [
    rule('invalid-credentials', 0.93, body(SENDGRID_GRANT), {
      blocks: true, why: 'SendGrid does not accept the API key (mistyped, deleted, its id sent instead of the SG.… key, or an old key in the deployed environment)',
      fix: 'Create a new API key (it is shown once, starting with SG.) and send it as Authorization: Bearer SG.…',
    }),
    rule('insufficient-permissions', 0.85, body(/"message"\s*:\s*"access forbidden"/), {
      why: 'the API key lacks the scope (permission) for this endpoint: a restricted key, or a feature (Marketing Campaigns, Email Activity) the plan does not include', blocks: true,
      fix: 'Edit the key under Settings → API Keys and give it the scope this endpoint needs (or create a Full Access key).',
    }),
    rule('account-or-plan-restriction', 0.92, body(SENDGRID_SENDER), {
      blocks: true, why: 'the from address is not a verified Sender Identity of this SendGrid account: it sends only from a verified single sender or an authenticated domain',
      fix: 'Verify the from address (Settings → Sender Authentication → Single Sender) or authenticate its domain, or send from an address that is.',
    }),
  ],
  checklist: { auth: 'Check the key starts with SG., is the whole key (not its id), and has the Mail Send scope.' },
});

/** PayPal REST's 401 sentence, in every SDK's printing. */
const PAYPAL_AUTH = /Authentication failed due to invalid authentication credentials or a missing Authorization header/;
/** Its token endpoint's refusal (/v1/oauth2/token): RFC 6749's invalid_client with PayPal's own capitalised description. */
const PAYPAL_CLIENT = /"error"\s*:\s*"invalid_client"\s*,\s*"error_description"\s*:\s*"Client Authentication failed"/;

export const paypalApi = defineProducer({
  id: 'paypal-api', kind: 'saas-api', name: 'PayPal REST API', family: 'paypal',
  // its error envelope names a debug_id and links to developer.paypal.com's error sections
  own: [body(/developer\.paypal\.com\/docs\/api\/[\w/.-]*#errors?\b/), all(body(/"name"\s*:\s*"[A-Z_]+"/), body(/"debug_id"\s*:\s*"\w+"/)), hdr('paypal-debug-id')],
  bodyOnly: [body(PAYPAL_AUTH), body(/\bapi(-m)?\.(sandbox\.)?paypal\.com\/v\d\/|\bcom\.paypal\.(http|core)\.\w+/), body(PAYPAL_CLIENT)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(PAYPAL_AUTH), body(/"name"\s*:\s*"AUTHENTICATION_FAILURE"/)), {
      blocks: true, why: 'PayPal did not accept the access token (expired, of the other environment: sandbox vs live, or no Authorization header)',
      fix: 'Get a fresh token from /v1/oauth2/token with the client id and secret of the same environment (api-m.sandbox.paypal.com or api-m.paypal.com) and send it as Authorization: Bearer …',
    }),
    rule('invalid-credentials', 0.92, body(PAYPAL_CLIENT), {
      blocks: true, why: 'PayPal\'s token endpoint did not accept the REST app\'s client id and secret: sandbox credentials sent to live (or the reverse), a regenerated secret, or classic NVP/SOAP credentials',
      fix: 'Copy the client id and secret of the REST app for the same environment (developer.paypal.com → Apps & Credentials → Sandbox or Live) and call that environment\'s host.',
    }),
    rule('insufficient-permissions', 0.88, body(/"name"\s*:\s*"(NOT_AUTHORIZED|PERMISSION_DENIED)"|Authorization failed due to insufficient permissions/), { why: 'the app or account lacks the permission (feature) for this call', blocks: true }),
    rule('rate-limited', 0.92, body(/"name"\s*:\s*"RATE_LIMIT_REACHED"/), { why: 'PayPal rate limited the calls', blocks: true }),
  ],
  checklist: { auth: 'Check the client id/secret and the API host belong to the same environment (sandbox or live).' },
});

export const mailgunApi = defineProducer({
  id: 'mailgun-api', kind: 'saas-api', name: 'Mailgun API', family: 'mailgun',
  // Mailgun answers a bad key with the bare word Forbidden: only its SDKs (mailgun.js's error type, mailgun-js's frames) and host name it
  bodyOnly: [body(/\bMailgunAPIError\b|node_modules\/mailgun(-js|\.js)\/|\bapi(\.eu)?\.mailgun\.net\b/)],
  causes: [
    rule('invalid-credentials', 0.85, all(body(/\b(status:? 401|401 Unauthorized|Unauthorized)\b/), body(/\b(Forbidden|Unauthorized|Invalid private key)\b/)), {
      blocks: true, why: 'Mailgun does not accept the key for this call: a wrong or deleted key, a domain sending key used outside its domain, or the EU/US region mixed up',
      fix: 'Use the private API key (or the sending key of this domain), username "api", and api.eu.mailgun.net for an EU domain.',
    }),
  ],
});

/** Postmark's token refusals (its {"ErrorCode":10,"Message"} body, or as its SDKs print them): which token header, which kind. */
const POSTMARK_MISSING = /No Account or Server API tokens were supplied in the HTTP headers/;
const POSTMARK_INVALID = /Request does not contain a valid (Server|Account) token|Please do not include Account API Token for Server API Token calls|Missing or incorrect API token in header/;

export const postmarkApi = defineProducer({
  id: 'postmark-api', kind: 'saas-api', name: 'Postmark API', family: 'postmark',
  own: [body(POSTMARK_MISSING), body(POSTMARK_INVALID)],
  bodyOnly: [body(/\bPostmark::\w+Error\b|\bPostmark\\{1,2}Models\\{1,2}PostmarkException\b|\bapi\.postmarkapp\.com\b/)],
  causes: [
    rule('missing-credentials', 0.93, body(POSTMARK_MISSING), { why: 'neither X-Postmark-Server-Token nor X-Postmark-Account-Token reached Postmark', blocks: true }),
    rule('invalid-credentials', 0.9, body(POSTMARK_INVALID), {
      blocks: true, why: 'Postmark did not accept the token: unknown, or the wrong kind (an Account token where a Server token is needed, or both sent)',
      fix: 'Send the Server token (Servers → your server → API Tokens) as X-Postmark-Server-Token for sending; account-level endpoints take X-Postmark-Account-Token.',
    }),
  ],
});

/** Square's errors[] of {code, detail, category}: its categories are its own vocabulary (quoted or as an SDK printed them). */
const SQUARE_CATEGORY = /['"]?category['"]?\s*:\s*['"](AUTHENTICATION_ERROR|INVALID_REQUEST_ERROR|RATE_LIMIT_ERROR|PAYMENT_METHOD_ERROR|REFUND_ERROR)['"]/;
const SQUARE_AUTH_HEADER = /The `Authorization` http header of your request was (malformed|incorrect or expired)/;

export const squareApi = defineProducer({
  id: 'square-api', kind: 'saas-api', name: 'Square API', family: 'square',
  own: [all(body(SQUARE_CATEGORY), body(/['"]?code['"]?\s*:\s*['"][A-Z_]+['"]/)), body(SQUARE_AUTH_HEADER), body(/\b(developer|connect|pci-connect)\.squareup(sandbox)?\.com\b/)],
  causes: [
    rule('missing-credentials', 0.8, body(/The `Authorization` http header of your request was malformed/), { why: 'no usable "Authorization: Bearer <access token>" reached Square (the client had no token configured)', blocks: true }),
    rule('invalid-credentials', 0.92, any(body(/The `Authorization` http header of your request was incorrect or expired|This request could not be authorized/), body(/['"](ACCESS_TOKEN_EXPIRED|ACCESS_TOKEN_REVOKED)['"]/)), {
      blocks: true, why: 'Square does not accept the access token: expired, revoked, of the other environment (sandbox vs production), or an application id sent where the token belongs',
      fix: 'Use the access token (not the application id) of the same environment: connect.squareupsandbox.com takes sandbox tokens, connect.squareup.com production ones.',
    }),
    rule('insufficient-permissions', 0.9, body(/['"]INSUFFICIENT_SCOPES['"]/), { why: 'the OAuth token lacks a permission (scope) this endpoint needs', blocks: true }),
    rule('rate-limited', 0.92, body(/['"]RATE_LIMIT_ERROR['"]|['"]RATE_LIMITED['"]/), { why: 'Square rate limited the calls', blocks: true }),
  ],
});

/**
 * Adyen's error object {status, errorCode, message, errorType} (errorType security/validation/configuration),
 * as JSON or PHP's print_r ([errorType] => security): the errorType beside a three-digit errorCode is Adyen's.
 */
const ADYEN_FIELD = (key: string, value: string) => `(["']${key}["']\\s*:\\s*["']?|\\[${key}\\] => )(${value})\\b`;
const ADYEN_ENVELOPE = all(body(new RegExp(ADYEN_FIELD('errorType', 'security|validation|configuration'))), body(new RegExp(ADYEN_FIELD('errorCode', '\\d{3}'))));
const adyenCode = (codes: string) => body(new RegExp(ADYEN_FIELD('errorCode', codes)));

export const adyenApi = defineProducer({
  id: 'adyen-api', kind: 'saas-api', name: 'Adyen API', family: 'adyen',
  own: [body(/\b(pal|checkout|management)-(test|live)\.adyen\.com\b|\.adyenpayments\.com\b/)],
  bodyOnly: [ADYEN_ENVELOPE],
  causes: [
    rule('missing-credentials', 0.9, all(adyenCode('000'), body(/HTTP Credentials are missing/)), { why: 'no API key (X-API-Key) or Basic credentials of a web-service user reached Adyen', blocks: true }),
    rule('invalid-credentials', 0.9, all(adyenCode('000'), body(/Unauthorized/)), {
      blocks: true, why: 'Adyen did not accept the credentials (error 000): a wrong or regenerated API key or web-service password, the API key sent as a Basic user name, or test credentials sent to live',
      fix: 'Send the API key of the API credential as X-API-Key (or ws@Company.<account> with its password as Basic auth), from the same environment (test or live) as the endpoint.',
    }),
    rule('insufficient-permissions', 0.9, all(adyenCode('010'), body(/Not allowed/)), {
      blocks: true, why: 'the API credential lacks the role this API needs (error 010 "Not allowed"), or the call comes from an IP or origin it does not allow',
      fix: 'Give the API credential the role for this API (Developers → API credentials → Roles) and check its allowed IPs and origins.',
    }),
  ],
  checklist: { auth: 'Check the API credential (ws@Company.…): its API key, roles and allowed origins, and test vs live endpoints.' },
});
