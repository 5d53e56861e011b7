import { all, any, body, hdr, not, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** Stripe's SDKs' own refusal before any request: the HINT names each SDK's key setter (Ruby, PHP, Python). */
/** Stripe's account stops: charges disabled on the (connected) account, or the account deleted. */
const STRIPE_ACCOUNT_STOP = /\b(This Connect account|Your account) cannot currently make live charges\b|The account acct_\w+ has been deleted, so we can't complete this action/;
const STRIPE_SDK_HINT = /No API key provided\.\s+\(HINT: set your API key using "(Stripe\.api_key = |stripe\.api_key = |(\\?Stripe\\)?Stripe::setApiKey\()/;

export const stripeApi = defineProducer({
  id: 'stripe-api', kind: 'saas-api', name: 'Stripe API', family: 'stripe',
  own: [body(/(sk|rk|pk)_(test|live)_\**\w*|stripe\.com\/docs|"doc_url"\s*:\s*"https:\/\/stripe\.com/), hdr('stripe-version'), hdr('stripe-should-retry')],
  // Stripe masks the key it refuses ("*****ined", "tok_****rPGQ"); its support URL and SDK path name it too
  bodyOnly: [body(/Invalid API Key provided: \w*\*{3,}\w*|support\.stripe\.com|node_modules\/stripe\/lib\//), body(STRIPE_SDK_HINT), body(STRIPE_ACCOUNT_STOP),
    // its missing-key message without the envelope (stripe.com/docs/api/authentication, corpus stripe-api/ and heldout/)
    body(/You did not provide an API key\. You need to provide your API key in the Authorization header/)],
  presence: [hdr('request-id', /^req_\w+$/), hdr('idempotency-key')],
  causes: [
    rule('missing-credentials', 0.95, any(body(/You did not provide an API key/), body(STRIPE_SDK_HINT)), { why: 'no Stripe secret key was sent (Authorization: Bearer sk_…): the SDK\'s key is unset, often an environment variable not loaded' }),
    rule('invalid-credentials', 0.95, body(/(Invalid|Expired) API Key provided/), { why: 'the Stripe key is invalid, expired or rolled' }),
    rule('insufficient-permissions', 0.95, body(/does not have the required permissions for this endpoint|Having the '\w+' permission would allow this request/), { why: 'the restricted key (rk_) lacks the permission this endpoint needs' }),
    rule('rate-limited', 0.95, body(/"code"\s*:\s*"rate_limit"|Request rate limit exceeded|too many requests/i), { why: 'Stripe rate limited the account' }),
    rule('account-or-plan-restriction', 0.85, body(/account (has been|is) (rejected|restricted|deactivated)|platform_api_key_expired|not activated/i), { why: 'the Stripe account is restricted or not activated for this' }),
    rule('account-or-plan-restriction', 0.92, body(STRIPE_ACCOUNT_STOP), {
      blocks: true, why: 'the Stripe account may not do this: its charges are disabled until it completes the requirements Stripe asks for (requirements.disabled_reason), or it was deleted',
      fix: 'Complete the account\'s requirements in the Dashboard (or the connected account\'s onboarding link) until charges_enabled is true.',
    }),
  ],
  checklist: { auth: 'Check test vs live key, restricted-key permissions, and Stripe-Account for connected accounts.' },
});

// its v1.1 envelope {"errors":[{"code","message"}]} is others' too (Cloudflare's API): only its own codes name it
export const twitterApi = defineProducer({
  id: 'twitter-api', kind: 'saas-api', name: 'X (Twitter) API', family: 'twitter',
  own: [body(/api\.twitter\.com\/2\/problems|developer\.(twitter|x)\.com|"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*(32|64|88|89|99|135|161|179|185|215|220|226|261|326|453)\s*,\s*"message"|"(client_id|required_enrollment|registration_url)"\s*:/), hdr('x-transaction-id'), hdr('x-connection-hash')],
  // its access-tier sentence names it on its own, as tweepy, twython and others print it
  // … and its client-not-enrolled sentence (developer.x.com/en/support/twitter-api/error-troubleshooting, corpus twitter-api/)
  bodyOnly: [body(/You currently have (access to a subset of Twitter API v2 endpoints|Essential access which includes access to Twitter API v2)/),
    body(/you must use keys and tokens from a Twitter developer App that is attached to a Project/)],
  presence: [hdr('x-rate-limit-limit'), hdr('x-response-time'), hdr('server', /^tsa_\w$/)],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(/client-not-enrolled|Client Forbidden|attached to a Project|different access level|"code"\s*:\s*453|Appropriate Level of API Access|Essential access which includes access to Twitter API v2 endpoints only/i), { why: 'the app/project lacks the access level (tier) for this endpoint, or is not attached to a Project' }),
    rule('account-or-plan-restriction', 0.9, body(/"code"\s*:\s*(64|326)\b|account is (suspended|temporarily locked)/i), { why: 'the account is suspended or locked' }),
    rule('invalid-credentials', 0.93, body(/"code"\s*:\s*(89|32)\b|Invalid or expired token|Could not authenticate you/i), { why: 'the token is invalid/expired or the OAuth signature did not verify' }),
    rule('missing-credentials', 0.85, body(/"code"\s*:\s*215\b|Bad Authentication data/i), { why: 'the request carried no usable authentication' }),
    rule('signature-or-clock-skew', 0.93, body(/"code"\s*:\s*135\b|Timestamp out of bounds/i), { why: 'the OAuth 1.0a timestamp is out of bounds (clock skew)' }),
    rule('insufficient-permissions', 0.88, body(/"code"\s*:\s*261\b|Application cannot perform write actions|Unsupported Authentication[\s\S]{0,200}OAuth 2\.0 Application-Only is forbidden/i), { why: 'the app/auth type lacks write (or user-context) permission for this endpoint' }),
    rule('rate-limited', 0.95, any(body(/"code"\s*:\s*88\b|Rate limit exceeded/i), all(status(429), hdr('x-rate-limit-remaining', /^0$/))), { why: 'the endpoint\'s 15-minute window or the tier\'s monthly cap is exhausted' }),
  ],
});

/** Salesforce's username-password login refusal (INVALID_LOGIN / LOGIN_MUST_USE_SECURITY_TOKEN). */
const SALESFORCE_LOGIN = /\b(INVALID_LOGIN|LOGIN_MUST_USE_SECURITY_TOKEN)\b[^\n]{0,40}\n?[^\n]{0,40}?Invalid username, password, security token; or user locked out/;

/** Its clients' "CODE: message" line (jsforce, restforce, SalesforceRestError): the code then Salesforce's own message. */
const SALESFORCE_CODE_LINE = /\b(INVALID_SESSION_ID: (Session expired or invalid|Invalid Session ID found)|INSUFFICIENT_ACCESS\w*: |REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded|API_DISABLED_FOR_ORG: |API_CURRENTLY_DISABLED: )/;

export const salesforce = defineProducer({
  id: 'salesforce', kind: 'saas-api', name: 'Salesforce', family: 'salesforce',
  own: [body(/"errorCode"\s*:\s*"(INVALID_SESSION_ID|INSUFFICIENT_ACCESS\w*|API_DISABLED_FOR_ORG|REQUEST_LIMIT_EXCEEDED|API_CURRENTLY_DISABLED|FUNCTIONALITY_NOT_ENABLED|INVALID_AUTH_HEADER|NOT_FOUND|INVALID_TYPE|FORBIDDEN)"/), hdr('sforce-limit-info')],
  // its login fault (SOAP LoginFault, simple-salesforce, jsforce, the Java connector), without the REST envelope
  // … and its REST messages alone (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm, corpus salesforce/)
  bodyOnly: [body(SALESFORCE_LOGIN), body(SALESFORCE_CODE_LINE), body(/^\s*Session expired or invalid\s*$|The REST API is not enabled for this Organization\.|\bTotalRequests Limit exceeded\b/)],
  causes: [
    rule('invalid-credentials', 0.9, body(SALESFORCE_LOGIN), {
      blocks: true, why: 'Salesforce refused the username-password login: a wrong password or user name, a missing or reset security token (appended to the password outside trusted IP ranges), a sandbox user sent to login.salesforce.com, or a locked user',
      fix: 'Append the current security token to the password (or add the client IP to the trusted ranges), use test.salesforce.com for sandboxes, and check the login history for the user.',
    }),
    rule('invalid-credentials', 0.93, body(/INVALID_SESSION_ID|INVALID_AUTH_HEADER/), { why: 'the Salesforce session/access token is invalid or expired' }),
    rule('insufficient-permissions', 0.9, body(/INSUFFICIENT_ACCESS\w*/), { why: 'the user\'s profile/permission sets or sharing rules do not allow this' }),
    rule('account-or-plan-restriction', 0.93, body(/API_DISABLED_FOR_ORG|API_CURRENTLY_DISABLED|FUNCTIONALITY_NOT_ENABLED|The REST API is not enabled/), { why: 'the org/edition or the user lacks "API Enabled"' }),
    rule('rate-limited', 0.93, body(/REQUEST_LIMIT_EXCEEDED/), { why: 'the org\'s 24-hour API request limit (or concurrent limit) is exceeded' }),
  ],
});

const SLACK_SDK = /\bslacker\.Error: [a-z_]+\b|\bSlack::Web::Api::Errors::\w+: [a-z_]+\b|Slack API returned an error `[a-z_]+|\b[a-z_]+ \(Slack::Web::Api::Error\)|node_modules\/@slack\/web-api\//;
/** Slack's refusal codes: @slack/web-api's "An API error occurred: <code>" names Slack only with one of them. */
const SLACK_REFUSALS = 'not_authed|invalid_auth|token_revoked|token_expired|not_allowed_token_type|invalid_token|account_inactive|missing_scope|no_permission|not_in_channel|restricted_action|access_denied|team_access_not_granted|org_login_required|paid_only|ekm_access_denied|team_is_restricted|ratelimited';
/** A Slack error code as its envelope (JSON or a Python dict) or one of its SDKs prints it. */
const slackCode = (codes: string) => new RegExp(`(["']error["']\\s*:\\s*["']|An API error occurred: |Slack::Web::Api::Errors::\\w+: |slacker\\.Error: |Slack API returned an error \`)(${codes})\\b|\\b(${codes}) \\(Slack::Web::Api::Error\\)`);

export const slackApi = defineProducer({
  id: 'slack-api', kind: 'saas-api', name: 'Slack Web API', family: 'slack',
  own: [all(body(/["']ok["']\s*:\s*(false|False)\b/), body(/["']error["']\s*:\s*["'][a-z_]+["']/)), hdr('x-slack-req-id'), hdr('x-slack-backend')],
  presence: [hdr('x-slack-unique-id'), hdr('x-slack-edge-shared-secret-outcome')],
  // its clients' lines carrying the error code alone: slacker (Python), slack-ruby-client, Elixir-Slack, @slack/web-api
  bodyOnly: [body(SLACK_SDK), body(new RegExp(`An API error occurred: (${SLACK_REFUSALS})\\b`))],
  causes: [
    rule('missing-credentials', 0.93, body(slackCode('not_authed')), { why: 'Slack received no token', blocks: true }),
    rule('invalid-credentials', 0.93, body(slackCode('invalid_auth|token_revoked|token_expired|not_allowed_token_type|invalid_token')), { why: 'the Slack token is invalid, revoked, expired or of the wrong type for this method', blocks: true }),
    rule('insufficient-permissions', 0.95, body(slackCode('missing_scope|no_permission|not_in_channel|restricted_action|access_denied')), {
      why: 'the token lacks the scope in "needed" (compare "provided"), or the bot is not a member of the channel (not_in_channel) or not allowed here', blocks: true,
      fix: 'Invite the bot to the channel (/invite @bot) or add the missing scope (chat:write, channels:history…) and reinstall the app.',
    }),
    rule('account-or-plan-restriction', 0.9, body(slackCode('account_inactive|team_access_not_granted|org_login_required|paid_only|ekm_access_denied|team_is_restricted')), { why: 'the workspace/account is inactive or not granted to this app', blocks: true }),
    rule('rate-limited', 0.95, body(slackCode('ratelimited')), { why: 'Slack rate limited this method (see Retry-After)', blocks: true }),
  ],
  checklist: { auth: 'Compare x-oauth-scopes (granted) with x-accepted-oauth-scopes / the "needed" field; reinstall the app after adding scopes.' },
});

export const shopify = defineProducer({
  id: 'shopify', kind: 'saas-api', name: 'Shopify Admin API', family: 'shopify',
  own: [body(/\[API\] [^"]+|"errors"\s*:\s*"[^"]*merchant approval[^"]*"|Exceeded \d+ calls per second for api client/), hdr('x-shopify-stage'), hdr('x-shopify-api-version')],
  presence: [hdr('x-shopid'), hdr('x-shardid'), hdr('x-sorting-hat-podid'), hdr('x-shopify-shop-api-call-limit')],
  causes: [
    rule('invalid-credentials', 0.95, body(/Invalid API key or access token/), { why: 'Shopify does not accept the access token (X-Shopify-Access-Token) or API key' }),
    rule('insufficient-permissions', 0.95, body(/requires merchant approval for [\w_]+ scope/), { why: 'the app lacks the access scope named in the error' }),
    rule('rate-limited', 0.95, body(/Exceeded \d+ calls per second|Throttled/), { why: 'Shopify\'s leaky-bucket call limit is exhausted' }),
    rule('account-or-plan-restriction', 0.85, all(status(402, 403, 423), body(/Unavailable Shop|shop is (frozen|locked|unavailable)/i)), { why: 'the shop is frozen, locked or unpaid', blocks: true }),
  ],
});

const DISCORD_SDK = /\bDiscordAPIError(\[\d{5}\])?: |\bDiscordRESTError \[\d{5}\]|\bErrorResponseException: \d{5}: |\bdiscord\.errors\.(Forbidden|HTTPException|LoginFailure)\b/;

/**
 * Discord's {"message", "code"} body: many APIs (QQ bots and other Chinese platforms) send the same shape, so only
 * Discord's codes name it — 0 (with an HTTP line), the five-digit families 10xxx…90xxx, the six-digit 150006…530010 —
 * in English words (its API never answers in CJK).
 */
const DISCORD_BODY = all(
  body(/^\s*\{\s*"message"\s*:\s*"[^"]*"\s*,\s*"code"\s*:\s*(0|[1-9]0\d{3}|(1[5-8]|2[024]|35|5[0-3])0\d{3})\s*[,}]/),
  not(body(/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/)),
);

export const discordApi = defineProducer({
  id: 'discord-api', kind: 'saas-api', name: 'Discord API', family: 'discord',
  own: [DISCORD_BODY, body(/"retry_after"\s*:\s*[\d.]+\s*,\s*"global"\s*:/), hdr('x-ratelimit-bucket')],
  // its libraries' errors with Discord's five-digit JSON error code: discord.js, @discordjs/rest, eris, JDA
  // … and, anywhere in a line (a client's log, an escaped body), its envelope with one of its refusal codes beside that code's own
  // message (discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes, corpus discord-api/)
  bodyOnly: [body(DISCORD_SDK), body(/\{\s*"message"\s*:\s*"(Missing Access"\s*,\s*"code"\s*:\s*50001|Missing Permissions"\s*,\s*"code"\s*:\s*50013|401: Unauthorized"\s*,\s*"code"\s*:\s*0)\s*[,}]/)],
  presence: [hdr('x-ratelimit-scope')],
  causes: [
    rule('rate-limited', 0.95, body(/You are being rate limited\.|"global"\s*:\s*(true|false)/), { why: 'a Discord rate-limit bucket (or the global limit) is exhausted; wait retry_after seconds' }),
    rule('insufficient-permissions', 0.92, body(/"code"\s*:\s*(50001|50013|20012)\b|\bcode: (50001|50013)\b|\[(50001|50013)\]|\b(50001|50013): Missing|Missing (Access|Permissions)/), { why: 'the bot lacks access to the channel/guild or a permission (50001/50013)' }),
    rule('account-or-plan-restriction', 0.9, body(/"code"\s*:\s*4000[27]\b|You need to verify your account/), { why: 'the account must be verified or is restricted' }),
    rule('invalid-credentials', 0.8, body(/"message"\s*:\s*"401: Unauthorized"/), { why: 'the bot token is invalid (or missing the "Bot " prefix)' }),
  ],
});

/** Twilio's SDK exceptions (Twilio\\Exceptions\\RestException, twilio.base.exceptions.TwilioRestException, twilio-node's RestException) and API host. */
const TWILIO_SDK = /\bTwilio\\{1,2}Exceptions\\{1,2}RestException\b|\btwilio(\.base\.exceptions)?\.TwilioRestException\b|node_modules\/twilio\/lib\/|(\[HTTP \d{3}\]|\bHTTP \d{3} error:) Unable to (create|fetch|update|delete) (record|page): |\bapi\.twilio\.com\/2010-04-01\/|twilio\.com\/docs\/errors\/\d+/;
/** Error 20003 as the SDKs print it: "[HTTP 401] Unable to create record: Authenticate", "HTTP ERROR 401: 20003: Authenticate". */
/** Account stops in Twilio's own words: a trial account's unverified destination (21608, 21219), SMS geo permissions (21408). */
const TWILIO_TRIAL = /is unverified\. Trial accounts (cannot send messages to unverified numbers|may only make calls to verified numbers)/;
const TWILIO_GEO = /Permission to send an SMS has not been enabled for the region indicated by the 'To' number/;
const TWILIO_AUTHENTICATE = /(\[HTTP 401\]|HTTP (ERROR |error: )?401|RestException \[Error\])[^\n]{0,60}\bAuthenticate\b|\b20003: Authenticate\b/;

export const twilio = defineProducer({
  id: 'twilio', kind: 'saas-api', name: 'Twilio API', family: 'twilio',
  own: [body(/"more_info"\s*:\s*"https:\/\/www\.twilio\.com\/docs\/errors\/\d+"/), hdr('twilio-request-id')],
  // its SDKs' exceptions (PHP, Python, Node) and its API host, pasted without the JSON
  bodyOnly: [body(TWILIO_SDK), body(TWILIO_TRIAL), body(TWILIO_GEO)],
  presence: [hdr('twilio-request-duration'), hdr('x-shenanigans')],
  causes: [
    rule('invalid-credentials', 0.85, any(body(/"code"\s*:\s*20003\b/), body(TWILIO_AUTHENTICATE)), { why: 'Twilio authentication failed (20003): wrong Account SID/Auth Token or API key pair (also sent when none)' }),
    rule('missing-credentials', 0.45, any(body(/"code"\s*:\s*20003\b/), body(TWILIO_AUTHENTICATE))),
    rule('account-or-plan-restriction', 0.92, body(/"code"\s*:\s*(20005|10001|20008)\b|Account (is )?not active|Test Account Credentials/), { why: 'the account is suspended/closed or test credentials cannot access this resource' }),
    rule('rate-limited', 0.93, body(/"code"\s*:\s*20429\b/), { why: 'Twilio concurrency/rate limit reached' }),
    rule('account-or-plan-restriction', 0.85, body(/Unable to create record: Account not authorized to call\b/), {
      blocks: true, why: 'the account may not call this number: its Voice geographic permissions exclude the destination, or a trial account may only call verified numbers',
      fix: 'Enable the destination country under Voice → Settings → Geo permissions, or upgrade the trial account / verify the number.',
    }),
    rule('insufficient-permissions', 0.75, body(/"code"\s*:\s*20006\b/), { why: 'access denied for this account/subaccount' }),
    rule('account-or-plan-restriction', 0.93, body(TWILIO_TRIAL), {
      blocks: true, why: 'a Twilio trial account may only text or call verified numbers (21608 / 21219)',
      fix: 'Verify the destination under Phone Numbers → Verified Caller IDs, or upgrade the account.',
    }),
    rule('account-or-plan-restriction', 0.93, body(TWILIO_GEO), {
      blocks: true, why: 'the account\'s SMS geographic permissions do not include the destination country (21408)',
      fix: 'Enable the country under Messaging → Settings → Geo permissions (trial accounts may be limited to some countries).',
    }),
  ],
});

export const heroku = defineProducer({
  id: 'heroku', kind: 'saas-api', name: 'Heroku Platform API', family: 'heroku',
  own: [body(/"id"\s*:\s*"(unauthorized|forbidden|rate_limit|suspended|verification_required|two_factor|invalid_params|not_found)"\s*,\s*"message"/), body(/heroku(app)?\.com/i)],
  // RateLimit-Remaining is an IETF draft header (express-rate-limit sends it too): not Heroku's mark
  presence: [hdr('via', /vegur/i), hdr('server', /^Cowboy$|heroku/i)],
  causes: [
    rule('invalid-credentials', 0.93, body(/"id"\s*:\s*"unauthorized"/), { why: 'the Heroku API key/OAuth token is invalid or expired' }),
    rule('insufficient-permissions', 0.9, body(/"id"\s*:\s*"forbidden"/), { why: 'the user has no access to this app/team resource' }),
    rule('account-or-plan-restriction', 0.93, body(/"id"\s*:\s*"(suspended|verification_required|delinquent)"/), { why: 'the account is suspended or needs payment verification' }),
    rule('missing-credentials', 0.7, body(/"id"\s*:\s*"two_factor"/), { why: 'a second factor is required' }),
    rule('rate-limited', 0.95, body(/"id"\s*:\s*"rate_limit"/), { why: 'the Heroku API rate limit is exhausted' }),
  ],
});

/** DigitalOcean's API error object {"id", "message"} with its own sentences; Heroku's shares the shape, not the words. */
const DO_AUTH = /Unable to authenticate you\.?/;

export const digitaloceanApi = defineProducer({
  id: 'digitalocean-api', kind: 'saas-api', name: 'DigitalOcean API', family: 'digitalocean', overrides: ['heroku'],
  own: [body(/\bapi\.digitalocean\.com\/v2\//)],
  // its 401 sentence in its {"id":"unauthorized"} object (JSON, a Ruby hash, an SDK's exception), or python-digitalocean's error class
  bodyOnly: [body(/["']id["']\s*(:|=>)\s*["']unauthorized["']\s*,\s*["']message["']\s*(:|=>)\s*["']Unable to authenticate you/), body(/\bdigitalocean(\.baseapi)?\.DataReadError\b/)],
  causes: [
    rule('invalid-credentials', 0.88, body(DO_AUTH), {
      blocks: true, why: 'DigitalOcean did not accept the personal access token: revoked, expired, mistyped, of a deleted team, or none sent (it answers an absent token the same way)',
      fix: 'Create a new token under API → Tokens (with the scopes the call needs) and send it as Authorization: Bearer <token>.',
    }),
    rule('missing-credentials', 0.45, body(DO_AUTH)),
    rule('insufficient-permissions', 0.9, body(/You do not have access for the attempted action/), { why: 'the token is valid but read-only or its custom scopes do not include this action', blocks: true }),
    rule('rate-limited', 0.9, body(/API Rate limit exceeded|"id"\s*:\s*"too_many_requests"/), { why: 'the token\'s hourly or per-minute DigitalOcean API limit is used up' }),
  ],
  checklist: { auth: 'Check the token on API → Tokens: not expired, read/write or the custom scopes the endpoint needs, and of the team that owns the resource.' },
});

/**
 * Meta's Graph API error object {"error":{"message","type":"OAuthException","code","fbtrace_id"}} and its SDKs'
 * lines (the PHP SDK's "Graph returned an error:", Android's GraphResponse, restfb, Koala, FacebookServiceException).
 */
const FB_ENVELOPE = /["']type["']\s*:\s*["']OAuthException["'][\s\S]{0,200}["']fbtrace_id["']|["']fbtrace_id["'][\s\S]{0,200}["']type["']\s*:\s*["']OAuthException["']/;
const FB_SDK = /\bGraph returned an error: |\bfacebookErrorType: OAuthException\b|\berrorType: OAuthException, errorMessage: |Received Facebook error response of type OAuthException|\bKoala::Facebook::\w+Error: type: OAuthException|\bOAuthException:\d+:\(#\d+\)|\bgraph\.facebook\.com\//;
const FB_TOKEN = /Error validating access token|Invalid OAuth access token|"code"\s*:\s*190\b|facebookErrorCode: 190\b|access token is invalid since the user/;

export const facebookGraphApi = defineProducer({
  id: 'facebook-graph-api', kind: 'saas-api', name: 'Meta (Facebook) Graph API', family: 'facebook',
  // … and the Graph API's numbered message prefix "(#<code>) …" at the start of a message, as SDKs print the message alone
  // (github.com/facebook/facebook-nodejs-business-sdk/issues/97,
  // github.com/facebook/facebook-android-sdk/issues/582, github.com/restfb/restfb-examples/issues/8, github.com/arsduo/koala/issues/644)
  bodyOnly: [body(FB_ENVELOPE), body(FB_SDK), body(/\((?<=(?:^|["']|["'] |: )\()#[1-9]\d{0,5}\) [A-Z][a-z]/m)],
  presence: [hdr('x-fb-trace-id'), hdr('x-fb-rev'), hdr('x-app-usage'), hdr('x-business-use-case-usage')],
  causes: [
    rule('invalid-credentials', 0.92, body(FB_TOKEN), {
      blocks: true, why: 'Meta does not accept the access token (code 190): expired, invalidated by a password change or logout, an app token where a user or page token is needed, or a placeholder',
      fix: 'Send the user or page through login again for a fresh token (exchange it for a long-lived one), and check its type and app in the Access Token Debugger.',
    }),
    rule('insufficient-permissions', 0.9, body(/\(#(10|2\d\d)\) [^"\n]{0,200}permission|"message"\s*:\s*"Permissions error"|Requires (extended )?permission/i), {
      blocks: true, why: 'the token lacks a permission this call needs (codes 10 and 200-299: pages_manage_posts, pages_read_engagement…) or the user lacks the role on the Page',
      fix: 'Request the permission named in the login dialog (and through App Review for live apps), and check the user\'s role on the Page or group.',
    }),
    rule('rate-limited', 0.93, body(/\(#(4|17|32|613)\) (Application|User|Page|Calls to this api have exceeded the) ?(request limit reached|rate limit)?|Application request limit reached|User request limit reached/), {
      blocks: true, why: 'a Graph API rate limit is used up: the app\'s (#4), the user\'s (#17) or the Page\'s (#32) call budget for the rolling hour',
      fix: 'Slow down and spread calls (watch the X-App-Usage / X-Business-Use-Case-Usage headers), batch requests, and retry after the window.',
    }),
  ],
  checklist: { auth: 'Check the token in the Access Token Debugger: type (user, page, app), expiry, app and granted permissions.' },
});
