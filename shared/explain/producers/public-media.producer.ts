import { all, any, body, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * SEC EDGAR (www.sec.gov, data.sec.gov, efts.sec.gov): its fair-access policy (sec.gov/os/accessing-edgar-data,
 * webmaster FAQ) refuses tools that do not declare themselves in User-Agent with a page titled "Your Request
 * Originates from an Undeclared Automated Tool", and callers over 10 requests a second with "SEC.gov | Request Rate
 * Threshold Exceeded"; client libraries relay both (edgarWebR's "EDGAR request blocked from Undeclared Automated
 * Tool"). Sources: mwaldstein/edgarWebR#22, Gunratan/edgar#10, joeyism/py-edgar#24, areed1192/python-sec#6.
 */
const SEC_UNDECLARED = /Your Request Originates from an Undeclared Automated Tool|SEC reserves the right to limit requests originating from undeclared automated tools|EDGAR request blocked from Undeclared Automated Tool/i;
const SEC_RATE = /SEC\.gov \| Request Rate Threshold Exceeded|Your request rate has exceeded the SEC's maximum allowed rate|Request Rate Threshold Exceeded/;

const secEdgar = defineProducer({
  id: 'sec-edgar', kind: 'saas-api', name: 'SEC EDGAR (sec.gov)', family: 'sec-gov',
  own: [body(SEC_UNDECLARED), body(/SEC\.gov \| Request Rate Threshold Exceeded/)],
  bodyOnly: [all(body(/Request Rate Threshold Exceeded/), body(/\bsec\.gov\b/))],
  causes: [
    rule('waf-or-bot-block', 0.94, body(SEC_UNDECLARED), {
      blocks: true, why: 'the SEC refused the request as an undeclared automated tool: its fair-access policy requires every script to name itself and a contact in User-Agent (a browser User-Agent or a library default such as python-requests is refused)',
      fix: 'Send a declaring User-Agent such as "Sample Company Name AdminContact@example.com" on every request (and Accept-Encoding: gzip), stay under 10 requests per second, then retry.',
    }),
    rule('rate-limited', 0.93, body(SEC_RATE), {
      blocks: true, why: 'the SEC\'s request-rate threshold (10 requests per second per IP, across its hosts) was exceeded: the IP is refused for a while, and only recovers once the rate stays under the limit for about ten minutes',
      fix: 'Throttle to fewer than 10 requests per second for the whole IP (all threads and hosts), declare User-Agent, wait about ten minutes, then resume.',
    }),
  ],
  checklist: { auth: 'Check the User-Agent names your organisation and a contact e-mail (SEC fair-access policy).', server: 'Check the request rate stays under 10 per second per IP.' },
});

/**
 * Wikimedia (Wikipedia, Wikidata and its Query Service, Commons, upload.wikimedia.org): its edge refuses clients
 * without a descriptive User-Agent (the User-Agent policy at meta.wikimedia.org, moved to
 * foundation.wikimedia.org/wiki/Policy:…User-Agent_Policy; since 2025 the robot policy w.wiki/4wJS, task T400119).
 * Sources: IsraelHikingMap/Site#1573, dracor-org/dracor-api#332, python-social-auth/social-core#1241.
 */
const WM_UA_DOC = /\b(meta\.wikimedia\.org\/wiki\/(Special:MyLanguage\/)?User-Agent_policy|foundation\.wikimedia\.org\/wiki\/Policy:(Wikimedia_Foundation_)?User-Agent_Policy|w\.wiki\/4wJS)\b/i;
const WM_UA = /Please comply with the User-Agent policy|Please set a user-agent and respect our robot policy/i;

const wikimedia = defineProducer({
  id: 'wikimedia', kind: 'saas-api', name: 'Wikimedia (Wikipedia, Wikidata, Commons)', family: 'wikimedia',
  own: [all(body(WM_UA), body(WM_UA_DOC)), body(/\brespect our robot policy https?:\/\/w\.wiki\/4wJS/)],
  bodyOnly: [all(body(WM_UA_DOC), body(/\b(T400119|robot policy|User-Agent policy)\b/i))],
  causes: [
    rule('waf-or-bot-block', 0.94, any(body(WM_UA), body(/\bT400119\b/)), {
      blocks: true, why: 'Wikimedia refused the request for its User-Agent: a library default (python-requests, Python-urllib, aiohttp, Go-http-client, wget), a browser imitation or none at all breaks its User-Agent and robot policy',
      fix: 'Send a descriptive User-Agent naming the tool, a URL or contact e-mail, and the library — e.g. "MyTool/1.0 (https://example.org/mytool; me@example.org) python-requests/2.32" — and keep to the API etiquette (one request at a time, maxlag).',
    }),
  ],
  checklist: { auth: 'Check the User-Agent names the tool and a contact (Wikimedia User-Agent policy).' },
});

/**
 * Mastodon's REST API: a token whose scopes lack the call gets 403 `{"error":"This action is outside the authorized
 * scopes"}` (its API base controller); clients relay it — Mastodon.py's MastodonAPIError ('Mastodon API returned
 * error', 403, 'Forbidden', …), the mastodon-api gem's Mastodon::Error::Forbidden. Sources: mastodon/mastodon#1367,
 * halcy/Mastodon.py#263, snarfed/bridgy#894, mastodon/mastodon#14272.
 */
const MASTO_SCOPES = /This action is outside the authorized scopes/;
const MASTO_CLIENT = /\bMastodon API returned error\b|\bMastodon::Error::(Forbidden|Unauthorized|TooManyRequests|NotFound|UnprocessableEntity)\b/;

const mastodonApi = defineProducer({
  id: 'mastodon-api', kind: 'saas-api', name: 'Mastodon API', family: 'mastodon',
  own: [body(MASTO_SCOPES), body(MASTO_CLIENT)],
  causes: [
    rule('insufficient-permissions', 0.94, body(MASTO_SCOPES), {
      blocks: true, why: 'the Mastodon access token is valid but its OAuth scopes do not cover this call (write:statuses to post, read:accounts to verify credentials, admin:read… for moderation); scopes must be asked for both when the app is registered and when the token is requested, and default to read',
      fix: 'Register the app with the scopes the calls need and request the token with the same scope parameter (e.g. "read write follow push", plus admin:read/admin:write for admin endpoints), then re-authorise to get a new token.',
    }),
  ],
  checklist: { auth: 'Check the token\'s scopes (GET /api/v1/apps/verify_credentials) against the endpoint\'s required scope.' },
});

/**
 * Strava API v3: its errors are `{"message":"Authorization Error","errors":[{"resource":…,"field":…,"code":…}]}` with
 * its own resources (Athlete, Application, AccessToken, RefreshToken…) and fields (access_token, or the missing scope as
 * `activity:read_permission`), relayed by strava-api-v3 (Ruby), the PHP client's stdClass dump and node-strava.
 * GitHub uses the same envelope shape, so only Strava's resource names mark it. Sources: afryer/strava-react#4,
 * dblock/slack-strava#31, iamstuartwilson/strava#28, iamstuartwilson/strava#51, mpolla/stravaup#6,
 * flopp/GpxTrackPoster#111, node-strava/node-strava-v3#97, dwd0tcom/strava-scriptable-widget#3.
 */
const STRAVA_ITEM = /"resource"\s*:\s*"(Athlete|Application|AccessToken|RefreshToken|AuthorizationCode)"\s*,\s*"field"\s*:\s*"/;
const STRAVA_AUTH = /"message"\s*:\s*"Authorization Error"/;
/** The PHP client's var_export/print_r of the same envelope (iamstuartwilson/strava#28, #51), and stravalib's exceptions. */
const STRAVA_PHP = /'message' => 'Authorization Error',\s{0,40}'errors' => array|\[message\] => Authorization Error\s{1,40}\[errors\] => Array/;
const STRAVA_PHP_ITEM = /'?resource'?\]? => '?(Athlete|Application|AccessToken|RefreshToken|AuthorizationCode)'?,?\s{1,40}\[?'?field'?\]? =>/;
const STRAVA_LIB = /\bstravalib\.exc\.\w+|\bAccessUnauthorized: Unauthorized: Authorization Error\b/;
const STRAVA_SCOPE = /"field"\s*:\s*"\w+:\w+_permission"\s*,\s*"code"\s*:\s*"missing"|\[?'?field'?\]? => '?\w+:\w+_permission'?,?\s{1,40}\[?'?code'?\]? => '?missing/;

const stravaApi = defineProducer({
  id: 'strava-api', kind: 'saas-api', name: 'Strava API', family: 'strava',
  own: [all(body(STRAVA_AUTH), body(STRAVA_ITEM)), all(body(STRAVA_PHP), body(STRAVA_PHP_ITEM)), all(body(STRAVA_LIB), body(STRAVA_ITEM)), body(/\bstrava-api-v3-[\d.]+\/lib\/strava\/api\b/)],
  causes: [
    rule('insufficient-permissions', 0.94, body(STRAVA_SCOPE), {
      blocks: true, why: 'the Strava token lacks the scope this call needs (the field names it, e.g. activity:read_permission): the athlete unticked it on the consent screen, or the app never asked for it',
      fix: 'Send the athlete through /oauth/authorize again with the needed scope (activity:read_all, activity:write…), ask them to leave its box ticked, and use the new token.',
    }),
    rule('invalid-credentials', 0.92, any(
      all(body(STRAVA_AUTH), body(/"(field"\s*:\s*"(access_token|refresh_token|code|client_secret)"|resource"\s*:\s*"(Application|RefreshToken|AuthorizationCode)")[^}]{0,60}"code"\s*:\s*"invalid"/)),
      all(body(STRAVA_PHP), body(/'?code'?\]? => '?invalid\b/)),
      all(body(STRAVA_LIB), body(/"field"\s*:\s*"access_token"\s*,\s*"code"\s*:\s*"invalid"/)),
    ), {
      blocks: true, why: 'Strava does not accept the credential: an access token that expired (they last six hours) or was revoked, an authorization code sent as a token or used twice, or a wrong client id/secret',
      fix: 'Exchange the refresh token at /oauth/token for a fresh access token (or redo the authorization-code exchange with the right client_id and client_secret), then send it as Authorization: Bearer.',
    }),
  ],
  checklist: { auth: 'Check the access token is fresh (refresh every six hours) and carries the scopes the endpoint needs.' },
});

/**
 * Bluesky and any AT Protocol PDS or AppView (XRPC, /xrpc/<nsid>): errors are `{"error":"<Name>","message":"…"}` with
 * its own names (AuthMissing, AuthenticationRequired, InvalidToken, ExpiredToken…), sent as 400 or 401 and relayed
 * by the SDKs — @atproto/xrpc's XRPCError, @atcute's "XRPCError: InvalidToken > Token is invalid", the Python SDK's
 * XrpcError(error=…, message=…), goat's "API request failed (HTTP 400): InvalidToken: Bad token scope".
 * Sources: bluesky-social/goat#24, aliceisjustplaying/labeler-starter-kit-bsky#2, bluesky-social/cookbook#52,
 * MarshalX/atproto#517, DimensionDev/Flare#2429.
 */
const ATP_NAME = /\b(AuthMissing|AuthRequired|AuthenticationRequired|InvalidToken|ExpiredToken|AccountTakedown)\b/;
const ATP_MSG = /Bad token scope|Token is invalid|Token could not be verified|Token has expired|Authentication Required|Invalid identifier or password|OAuth tokens are meant for PDS access only/;
const ATP_SDK = /\bXRPCError\b|\bXrpcError\(|\bAtpErrorDescription\(|\/xrpc\/(com\.atproto|app\.bsky|chat\.bsky)\.\w+/;

const atprotoXrpc = defineProducer({
  id: 'atproto-xrpc', kind: 'saas-api', name: 'Bluesky / AT Protocol (XRPC)', family: 'bluesky',
  own: [all(body(ATP_SDK), body(ATP_NAME)), all(body(ATP_SDK), body(ATP_MSG))],
  bodyOnly: [all(body(/"error"\s*:\s*"(AuthMissing|AuthRequired|AuthenticationRequired|InvalidToken|ExpiredToken|AccountTakedown)"/), body(ATP_MSG))],
  causes: [
    rule('insufficient-permissions', 0.92, all(body(ATP_NAME), body(/Bad token scope|OAuth tokens are meant for PDS access only/)), {
      blocks: true, why: 'the AT Protocol token is valid but not for this call: an app password (or an OAuth token without the scope) may not use account-management routes such as PLC operations, and OAuth tokens only work against the account\'s own PDS',
      fix: 'Log in with the main password (or an OAuth grant with the needed scope) for account operations, and send requests to the PDS named in the token\'s aud, not the bsky.social entryway.',
    }),
    rule('missing-credentials', 0.92, any(body(/\bAuthMissing\b/), all(body(ATP_NAME), body(/Authentication Required/))), {
      blocks: true, why: 'the XRPC call needs an authenticated session and none was sent (or it went to the entryway instead of the account\'s PDS, which drops it)',
      fix: 'Create a session (com.atproto.server.createSession) and send its accessJwt as Authorization: Bearer to the account\'s PDS host.',
    }),
    rule('invalid-credentials', 0.9, all(body(ATP_NAME), body(/Token is invalid|Token could not be verified|Token has expired|Invalid identifier or password/)), {
      blocks: true, why: 'the PDS refused the credentials: a wrong handle or app password (no leading @ on the handle), or an access token that expired or was signed for another service',
      fix: 'Log in again with the handle (without @) and an app password, refresh the session with refreshJwt when the access token expires, and call the PDS that issued it.',
    }),
  ],
  checklist: { auth: 'Check the session (accessJwt) is fresh, from this PDS, and of the kind the route accepts (app password vs main password/OAuth).' },
});

/**
 * Imgur API v3 (api.imgur.com/3): errors are `{"data":{"error":…,"request":"/3/image","method":"POST"},"success":false,
 * "status":N}` (older ones nest `{"code":1016,"message":…,"type":"Exception_Logged"}`), served by its own "cat
 * factory" server with IMGURPLATFORM among the allowed headers. Sources: ShareX/ShareX#1191, ShareX/ShareX#3466,
 * ShareX/ShareX#7910, ShareX/ShareX#8200.
 */
const IMGUR_ENV = /"data"\s*:\s*\{\s*"error"\s*:[\s\S]{0,300}?"success"\s*:\s*false\s*,\s*"status"\s*:\s*\d{3}/;
const IMGUR_GEO = /Banned country attempt \(\w{2}\)|These actions are forbidden\./;

const imgurApi = defineProducer({
  id: 'imgur-api', kind: 'saas-api', name: 'Imgur API', family: 'imgur',
  own: [hdr('server', /^cat,? factory/i), hdr('access-control-allow-headers', /\bIMGURPLATFORM\b/), body(/"request"\s*:\s*"\\?\/3\\?\/\w+"\s*,\s*"method"\s*:\s*"[A-Z]+"/), body(/\bImgur upload failed\b/)],
  bodyOnly: [all(body(IMGUR_ENV), any(body(IMGUR_GEO), body(/The access token provided (is invalid|has expired)/)))],
  causes: [
    rule('ip-or-geo-blocked', 0.9, all(body(IMGUR_ENV), body(IMGUR_GEO)), {
      blocks: true, why: 'Imgur refuses requests from this network: a country it blocks (the error names it, or the United Kingdom since September 2025) or an IP range it treats as abusive (VPN, proxy, datacenter); it answers 400 or 403 with "These actions are forbidden."',
      fix: 'Upload from another network or country (or through a different host), or switch to another image host; a new client id does not help.',
    }),
    rule('invalid-credentials', 0.92, all(body(IMGUR_ENV), body(/The access token provided (is invalid|has expired)/)), {
      blocks: true, why: 'Imgur does not accept the OAuth access token: expired (they last a month) or revoked',
      fix: 'Refresh the token at api.imgur.com/oauth2/token with the refresh token (or log in again), then retry; anonymous uploads use Authorization: Client-ID instead.',
    }),
  ],
  checklist: { auth: 'Check the Authorization header: Client-ID <id> for anonymous calls, Bearer <token> (fresh) for account calls.' },
});

/**
 * NewsAPI (newsapi.org): errors are `{"status":"error","code":"<code>","message":"…"}` with its documented codes
 * (newsapi.org/docs/errors: apiKeyDisabled, apiKeyExhausted, apiKeyInvalid, apiKeyMissing, rateLimited,
 * maximumResultsReached, corsNotAllowed…); the free Developer plan refuses browser origins and deep paging.
 * Sources: airbytehq/airbyte#18301, c12i/covid-19-monitor#6.
 */
const NEWSAPI_CODE = /"code"\s*:\s*"(apiKeyDisabled|apiKeyExhausted|apiKeyInvalid|apiKeyMissing|parameterInvalid|parametersMissing|rateLimited|sourcesTooMany|sourceDoesNotExist|maximumResultsReached|corsNotAllowed)"/;
const NEWSAPI_PLAN = /Developer accounts are limited to|not allowed on the Developer plan, except from localhost/;

const newsApi = defineProducer({
  id: 'newsapi', kind: 'saas-api', name: 'NewsAPI (newsapi.org)', family: 'newsapi',
  own: [all(body(/"status"\s*:\s*"error"/), body(NEWSAPI_CODE))],
  bodyOnly: [body(NEWSAPI_PLAN)],
  causes: [
    rule('account-or-plan-restriction', 0.93, any(body(/"code"\s*:\s*"(maximumResultsReached|corsNotAllowed)"/), body(NEWSAPI_PLAN)), {
      blocks: true, why: 'the NewsAPI Developer (free) plan does not allow this: requests from a browser on a deployed site (only localhost), more than 100 results, or articles older than its window',
      fix: 'Call NewsAPI from a server (not the browser), keep to 100 results and the plan\'s date range, or upgrade to a paid plan.',
    }),
    rule('rate-limited', 0.93, body(/"code"\s*:\s*"(rateLimited|apiKeyExhausted)"/), {
      blocks: true, why: 'the NewsAPI key used up its allowance (Developer: 100 requests per 24 hours, 50 every 12 hours)',
      fix: 'Wait for the window to reset, cache results, or upgrade the plan.',
    }),
    rule('invalid-credentials', 0.92, body(/"code"\s*:\s*"(apiKeyInvalid|apiKeyDisabled)"/), {
      blocks: true, why: 'NewsAPI does not accept the key: mistyped, disabled, or not a newsapi.org key (NewsAPI.ai and newsdata.io are other services)',
      fix: 'Copy the key from newsapi.org/account and send it as X-Api-Key or apiKey=.',
    }),
    rule('missing-credentials', 0.92, body(/"code"\s*:\s*"apiKeyMissing"/), {
      blocks: true, why: 'no NewsAPI key was sent',
      fix: 'Send the key as the X-Api-Key header or the apiKey query parameter.',
    }),
  ],
  checklist: { auth: 'Check the key and plan at newsapi.org/account; the Developer plan works only from localhost in a browser.' },
});

/** Public-data, government, academic, news, media, social and game APIs (filled by family). */
export const PUBLIC_MEDIA_PRODUCERS: Producer[] = [secEdgar, wikimedia, mastodonApi, stravaApi, atprotoXrpc, imgurApi, newsApi];
