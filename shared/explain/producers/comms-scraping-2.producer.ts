import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * MessageBird (Bird) REST API (rest.messagebird.com): `{"errors":[{"code":2,"description":"Request not allowed
 * (incorrect access_key)","parameter":"access_key"}]}` with 401, as its SDKs raise it (messagebird.client.ErrorException,
 * MessageBird::ErrorException, com.messagebird.exceptions.UnauthorizedException, the Node client's 'api error(s):').
 * Sources: messagebird/python-rest-api#90, messagebird/messagebird-nodejs#124, messagebird/ruby-rest-api#89,
 * messagebird/java-rest-api#269.
 */
const MB_KEY = /Request not allowed \((incorrect access_key|access key is invalid)\)/;
const MB_SDK = /\bmessagebird\.client\.ErrorException\b|\bMessageBird::ErrorException\b|\bcom\.messagebird\.exceptions\.\w+Exception\b|You are not authorised for the MessageBird service/;

const messageBirdApi = defineProducer({
  id: 'messagebird-api', kind: 'saas-api', name: 'MessageBird (Bird) REST API', family: 'messagebird',
  own: [body(MB_SDK), all(body(/\brest\.messagebird\.com\b/), body(MB_KEY))],
  bodyOnly: [body(MB_KEY)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(MB_KEY), body(/You are not authorised for the MessageBird service/)), {
      blocks: true, why: 'MessageBird does not accept the access key (error code 2): mistyped, a test key where a live one is needed, or an access key of the new Bird platform (app.bird.com), which the legacy REST API at rest.messagebird.com does not know',
      fix: 'Use a live API access key from the legacy MessageBird dashboard (Developers → API access) with rest.messagebird.com, or call api.bird.com with "Authorization: AccessKey <key>" for Bird access keys.',
    }),
  ],
  checklist: { auth: 'Check which platform issued the access key (legacy dashboard vs app.bird.com) and that it is a live key.' },
});

/**
 * Apify API (api.apify.com/v2): `{"error":{"type":"user-or-token-not-found","message":"User was not found or
 * authentication token is not valid"}}` and its other types (insufficient-permissions, rate-limit-exceeded…),
 * as apify-client raises them (apify_client._errors.ApifyApiError, ApifyClientError with 'type=…, statusCode=…').
 * Sources: apify/apify-sdk-python#183, ammarsaber-dev/AcquiFinder#1, apify/crawlee#485.
 */
const APIFY_TYPES = /['"]?type['"]?\s{0,2}[:=]\s{0,2}['"]?(user-or-token-not-found|insufficient-permissions|token-not-provided|rate-limit-exceeded|not-enough-usage-to-run-paid-actor|platform-feature-disabled)\b/;
const APIFY_SDK = /\bapify_client\._errors\.ApifyApiError\b|\bApifyApiError\b|\bApifyClientError\b|\bapi\.apify\.com\/v2\//;
const APIFY_TOKEN = /User was not found or authentication token is not valid/;

const apifyApi = defineProducer({
  id: 'apify-api', kind: 'saas-api', name: 'Apify API', family: 'apify',
  own: [body(APIFY_SDK)],
  bodyOnly: [body(APIFY_TOKEN), all(body(APIFY_TYPES), body(/['"]error['"]\s{0,2}:\s{0,2}\{/))],
  causes: [
    rule('invalid-credentials', 0.93, any(body(APIFY_TOKEN), body(/\buser-or-token-not-found\b/)), {
      blocks: true, why: 'Apify does not know the API token (user-or-token-not-found): mistyped, revoked, or not sent where the client expects it (APIFY_TOKEN not set, a token of another account)',
      fix: 'Copy the personal API token again from Apify Console → Settings → API & Integrations and pass it to ApifyClient (or set APIFY_TOKEN).',
    }),
    rule('insufficient-permissions', 0.92, body(/\binsufficient-permissions\b|Insufficient permissions\. Make sure you're passing a correct API token/), {
      blocks: true, why: 'the Apify token (or the lack of one) does not allow this call (insufficient-permissions, 403): no token was passed, a scoped token lacks access to this Actor/storage, or the resource belongs to another user',
      fix: 'Pass the token of the account that owns the Actor or storage (APIFY_TOKEN or the token option), or widen the scoped token\'s permissions.',
    }),
    rule('rate-limited', 0.92, body(/\brate-limit-exceeded\b/), {
      blocks: true, why: 'the Apify API rate limit for this endpoint or resource was exceeded (429 rate-limit-exceeded)',
      fix: 'Retry with exponential back-off (the API clients do this by themselves) and spread the calls.',
    }),
    rule('account-or-plan-restriction', 0.9, body(/\bnot-enough-usage-to-run-paid-actor\b|\bplatform-feature-disabled\b/), {
      blocks: true, why: 'the Apify account\'s plan or remaining usage does not allow this (a paid Actor without enough prepaid usage, a feature disabled for the plan)',
      fix: 'Top up usage or upgrade the Apify plan, or use an Actor the plan includes.',
    }),
  ],
  checklist: { auth: 'Check the Apify API token passed to the client (APIFY_TOKEN) and its scope.' },
});

/**
 * Ably (REST and realtime): ErrorInfo `{"error":{"message":"…","code":40101,"statusCode":401,"href":
 * "https://help.ably.io/error/40101"}}`, its help links, the '(Ably error 40101)' suffix of its Pusher adapter, and its
 * token-request sentence 'Request mac does not match'. Codes: 40101 invalid credentials, 40100 unauthorised,
 * 40140-40142 token errors, 40160 capability refused, 40106/40102 no or bad credentials, 42910-42922 rate limits.
 * Sources: ably/ably-php-laravel#13, ably/ably-cocoa#1093.
 */
const ABLY_MARK = /\bhelp\.ably\.io\/error\/\d{5}\b|\(Ably error \d{5}\)|\bably\.com\/docs\/errors\b/;
const ABLY_MAC = /Request mac does not match/;

const ablyApi = defineProducer({
  id: 'ably', kind: 'saas-api', name: 'Ably realtime / REST API', family: 'ably',
  own: [body(ABLY_MARK)],
  bodyOnly: [body(ABLY_MAC)],
  causes: [
    rule('insufficient-permissions', 0.93, body(/\b4016[01]\b|[Cc]hannel denied access based on given capability|lacks permission/), {
      blocks: true, why: 'the Ably key or token is valid but its capability does not allow this operation on this channel (40160)',
      fix: 'Give the API key (or the token request\'s capability) the operation needed on this channel name or namespace in the Ably dashboard / token params.',
    }),
    rule('invalid-credentials', 0.93, any(body(/\b40101\b|\b4014[0-4]\b|\b40100\b|\b40102\b/), body(ABLY_MAC)), {
      blocks: true, why: 'Ably does not accept the credentials: an unknown or malformed key (40101; the secret part used where the key name belongs), a token request signed with another key (\'Request mac does not match\'), or an expired or revoked token (40140-40142)',
      fix: 'Use the full API key (appId.keyId:secret) only on the server, give browsers the key name or a token from your auth endpoint, and sign token requests with the same key the client uses.',
    }),
    rule('missing-credentials', 0.9, body(/\b40106\b|No authentication options provided/)),
    rule('rate-limited', 0.92, body(/\b429\d{2}\b/), {
      blocks: true, why: 'an Ably rate limit of the account or connection was exceeded (429xx)',
      fix: 'Publish less often per connection/channel or raise the account\'s package limits.',
    }),
  ],
  checklist: { auth: 'Check the Ably key (name vs full key with secret), token requests and their capability.' },
});

/**
 * Vonage (Nexmo) APIs: RFC 7807 problems whose type is a developer.nexmo.com / developer.vonage.com api-errors link
 * (`#unauthorized` 'Invalid credentials supplied' / 'You did not provide correct credentials.', `#throttled`), and its
 * SDKs' exceptions (Vonage\Client\Exception\Request, Nexmo\Client\Exception\Request, vonage.errors.AuthorizationError).
 * Sources: developer.vonage.com/en/api-errors, Vonage/vonage-php-sdk-core#376, Vonage/vonage-php-sdk-core#129,
 * Vonage/vonage-python-sdk#203.
 */
const VONAGE_DOCS = /\bdeveloper\.(nexmo|vonage)\.com\/(en\/)?api-errors\b/;
const VONAGE_SDK = /\b(Vonage|Nexmo)\\{1,2}Client\\{1,2}Exception\\{1,2}\w+|\bvonage\.errors\.\w+Error\b|\bcom\.vonage\.client\.\w+Exception\b|\b(Nexmo|Vonage)ClientException\b|\b(Nexmo|Vonage)\.Api\.\w+Exception\b/;

const vonageApi = defineProducer({
  id: 'vonage-api', kind: 'saas-api', name: 'Vonage (Nexmo) API', family: 'vonage',
  own: [body(VONAGE_DOCS), body(VONAGE_SDK)],
  causes: [
    rule('rate-limited', 0.93, body(/api-errors(\/[\w-]+)?#(throttled|too-many-requests)|api-errors\/traffic-control/), {
      blocks: true, why: 'a Vonage API rate limit for the account or application was exceeded (throttled)',
      fix: 'Retry after the Retry-After delay and send fewer requests per second (SMS allows about 30 per second per account).',
    }),
    rule('invalid-credentials', 0.92, any(body(/api-errors#unauthori[sz]ed|Invalid credentials|You did not provide correct credentials|Authori[sz]ationError|AuthenticationError|Authentication failed|Unauthori[sz]ed/)), {
      blocks: true, why: 'Vonage does not accept the credentials: the API key and secret (Basic auth, SMS/Number Insight) or the application\'s JWT (Voice, Messages: application id + private key) are wrong, of another account, or the wrong kind for this API',
      fix: 'Check the API key/secret in the Vonage dashboard, and for Voice/Messages the application id with its private.key; the SDK picks Basic or JWT auth per API, so give it both when using both kinds.',
    }),
  ],
  checklist: { auth: 'Check the Vonage API key/secret, or the application id and private key for JWT APIs.' },
});

/**
 * Telnyx API v2: `{"errors":[{"code":"10009","title":"Authentication failed","detail":"…","meta":{"url":
 * "https://developers.telnyx.com/docs/overview/errors/10009"}}]}` — its five-digit codes (10009 authentication,
 * 10010 authorization, 10011 too many requests). Sources: support.telnyx.com messaging error codes article,
 * the Telnyx API error list (preview.redoc.ly/telnyx …/docs/errors).
 */
const TELNYX_DOCS = /\bdevelopers\.telnyx\.com\/docs\/[\w/-]*errors\/\d{5}\b/;
const TELNYX_ENVELOPE = /['"]code['"]\s{0,2}:\s{0,2}['"]100(09|10|11)['"][^}]{0,200}['"]title['"]\s{0,2}:\s{0,2}['"](Authentication failed|Authorization failed|Too many requests)['"]/;

const telnyxApi = defineProducer({
  id: 'telnyx-api', kind: 'saas-api', name: 'Telnyx API', family: 'telnyx',
  own: [body(TELNYX_DOCS), body(/\btelnyx\.error\.\w+Error\b|\bTelnyx::\w+Error\b/)],
  bodyOnly: [body(TELNYX_ENVELOPE)],
  causes: [
    rule('insufficient-permissions', 0.92, any(body(/['"]code['"]\s{0,2}:\s{0,2}['"]10010['"]/), body(/errors\/10010\b/)), {
      blocks: true, why: 'the Telnyx API key is valid but may not act on this resource (10010 Authorization failed): another account\'s or a managed account\'s resource, or a feature not enabled for the account',
      fix: 'Use the API key of the account that owns the resource (or of its manager), and check the feature is enabled for the account.',
    }),
    rule('rate-limited', 0.92, any(body(/['"]code['"]\s{0,2}:\s{0,2}['"]10011['"]/), body(/errors\/10011\b/)), {
      blocks: true, why: 'the Telnyx API rate limit was exceeded (10011 Too many requests)',
      fix: 'Back off and retry; spread requests over time.',
    }),
    rule('invalid-credentials', 0.93, any(body(/['"]code['"]\s{0,2}:\s{0,2}['"]10009['"]/), body(/errors\/10009\b/)), {
      blocks: true, why: 'Telnyx did not accept the API key (10009 Authentication failed): missing from "Authorization: Bearer", malformed (V2 keys begin with KEY), deleted, or a V1 key/secret pair sent to API v2',
      fix: 'Send "Authorization: Bearer KEY…" with a V2 API key from Mission Control Portal → Auth → API Keys, copied without quotes or spaces.',
    }),
  ],
  checklist: { auth: 'Check the Telnyx V2 API key in the Authorization: Bearer header.' },
});

/**
 * Expo push service (exp.host/--/api/v2/push/send): a ticket or receipt with `status: "error"` and
 * `details: {error: "InvalidCredentials", fault: "developer"}` — sent with HTTP 200 — whose messages name the push
 * credentials Expo holds for the app (the FCM server key / V1 service account, the APNs key). Sources: expo/expo#14022,
 * expo/expo#4998, expo/expo#31388 (and Expo's sending-notifications docs on InvalidCredentials, MessageRateExceeded).
 */
const EXPO_CRED = /Unable to retrieve the FCM server key for the recipient's app|Failed to authenticate with the FCM server\. Ensure the FCM server key you uploaded is correct|Could not find APNs credentials for/;
const EXPO_DETAILS = /['"]?error['"]?\s{0,2}:\s{0,2}['"](InvalidCredentials|MessageRateExceeded|MismatchSenderId)['"][^}]{0,40}['"]?fault['"]?\s{0,2}:\s{0,2}['"](developer|expo|provider)['"]/;

const expoPush = defineProducer({
  id: 'expo-push', kind: 'saas-api', name: 'Expo push notification service', family: 'expo',
  own: [body(EXPO_CRED), all(body(/\bExponentPushToken\[/), body(/\bInvalidCredentials\b/))],
  bodyOnly: [body(EXPO_DETAILS)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(EXPO_CRED), body(/\bInvalidCredentials\b/)), {
      blocks: true, why: 'Expo accepted the request but FCM or APNs refused the push credentials Expo holds for this app (InvalidCredentials, fault: developer): no FCM V1 service-account key (or legacy server key) uploaded for the Android package, a revoked APNs key, or credentials of another project; it arrives as HTTP 200 with status "error" in the ticket or receipt',
      fix: 'Upload the app\'s FCM V1 service-account key (eas credentials → Android → Push notifications) or a valid APNs key for the bundle id, for the same Firebase project as google-services.json, then resend.',
    }),
    rule('rate-limited', 0.9, body(/['"]MessageRateExceeded['"]/), {
      blocks: true, why: 'too many push messages to one device in a short time (MessageRateExceeded)',
      fix: 'Back off exponentially before sending to this device again.',
    }),
  ],
  checklist: { auth: 'Check the push credentials uploaded to Expo for this app (FCM V1 key, APNs key).' },
});

/**
 * Pusher Channels (and servers speaking its protocol, such as Poxa or Soketi): a private or presence channel's
 * authorisation signature that does not match — 'Invalid signature: Expected HMAC SHA256 hex digest of
 * <socket_id>:<channel>…, but got …' in a pusher:error event or the debug console — and its REST API's 'Unknown auth_key'.
 * Sources: pusher/pusher-websocket-java#205, pusher/pusher-http-php#37, HomeX-It/pusher-websocket-flutter#20.
 */
const PUSHER_SIG = /Invalid signature: Expected HMAC SHA256 hex digest of [\w.:-]{3,120}/;

const pusherChannels = defineProducer({
  id: 'pusher-channels', kind: 'saas-api', name: 'Pusher Channels', family: 'pusher',
  own: [body(PUSHER_SIG)],
  bodyOnly: [body(/\bUnknown auth_key\b/)],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(PUSHER_SIG), {
      blocks: true, why: 'Pusher refused the channel subscription: the auth signature your auth endpoint returned is not the HMAC-SHA256 of socket_id:channel_name[:channel_data] with this app\'s secret (a secret of another app, a wrong socket id or channel name, channel_data changed after signing, or the auth JSON wrapped twice)',
      fix: 'Sign with the secret of the same app as the client\'s key (and cluster), return the library\'s auth JSON unchanged, and sign exactly the channel_data you return.',
    }),
    rule('invalid-credentials', 0.9, body(/\bUnknown auth_key\b/), {
      blocks: true, why: 'Pusher does not know the app key the request was signed with (Unknown auth_key): a key of another app or cluster',
      fix: 'Use the app_id, key, secret and cluster of one Pusher app together.',
    }),
  ],
  checklist: { auth: 'Check the app key, secret and cluster belong to the same Pusher app, and what the auth endpoint returns.' },
});

/**
 * Africa's Talking (api.africastalking.com, api.sandbox.africastalking.com): a plain-text 401 'The supplied
 * authentication is invalid', as Guzzle, its SDKs (AfricasTalking::AfricasTalkingException, africastalking-python)
 * and notification channels print it. Sources: AfricasTalkingLtd/africastalking-php#11,
 * laravel-notification-channels/africastalking#13, AfricasTalkingLtd/africastalking-ruby#61,
 * AfricasTalkingLtd/africastalking-python#52.
 */
const AT_AUTH = /The supplied authentication is invalid/;
const AT_MARK = /\bapi\.(sandbox\.)?africastalking\.com\b|\bAfricasTalking(::AfricasTalkingException|\\{1,2}\w+|Exception)\b|\bAfricasTalking service responded with an error\b/;

const africasTalking = defineProducer({
  id: 'africas-talking-api', kind: 'saas-api', name: 'Africa\'s Talking API', family: 'africastalking',
  // the sentence alone is also Akka HTTP's default CredentialsRejected text (OpenWhisk and other Akka apps): not a mark
  own: [all(body(AT_MARK), body(AT_AUTH))],
  bodyOnly: [body(AT_MARK)],
  causes: [
    rule('invalid-credentials', 0.92, body(AT_AUTH), {
      blocks: true, why: 'Africa\'s Talking does not accept the username and apiKey pair: a key of the other environment (sandbox keys work only with username "sandbox" on api.sandbox.africastalking.com, live keys with the app\'s username on the live host), a key regenerated minutes ago (it takes a while to apply), or a sender id/shortcode the app may not use',
      fix: 'Pair the key with its own username and environment (sandbox vs live), wait a few minutes after generating a new key, and drop or fix the from/sender id; the key goes in the apiKey header.',
    }),
  ],
  checklist: { auth: 'Check the username/apiKey pair belongs to the environment (sandbox or live) of the host called.' },
});

/** Messaging, scraping and translation APIs, continued (the first file is full). */
export const COMMS_SCRAPING_PRODUCERS_2: Producer[] = [messageBirdApi, apifyApi, ablyApi, vonageApi, telnyxApi, expoPush, pusherChannels, africasTalking];
