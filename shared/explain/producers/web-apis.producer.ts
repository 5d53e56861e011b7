import { all, any, body, hdr } from '../match';
import { rule } from '../rule';
import type { Producer } from '../types';
import { defineProducer } from './define';

/**
 * OpenWeatherMap: its `{cod, message}` errors point at its own pages — a key it does not know (or a free key sent to a paid endpoint: 'Invalid API key. Please see
 * …/faq#error401') and a key blocked for exceeding its plan's calls ('Your account is temporary blocked … choose the proper subscription …/price'). Sources:
 * martykan/forecastie#251, CICCIOSGAMINO/openweather-apis#29, cmfcmf/OpenWeatherMap-PHP-API#46, dblock/open-weather-ruby-client#17, dglent/meteo-qt#162.
 */
const OWM_KEY = /Invalid API key\. Please see https?:\/\/openweathermap\.org\/faq#error401/;
const OWM_BLOCKED = /Your account is temporary blocked due to exceeding of requests limitation of your subscription type/;
export const openWeatherMap = defineProducer({
  id: 'openweathermap-api', kind: 'saas-api', name: 'OpenWeatherMap API', family: 'openweathermap',
  own: [body(/\bopenweathermap\.org\/faq#error\d{3}\b/), body(OWM_BLOCKED)],
  bodyOnly: [all(body(/['"]?cod['"]?\s*:\s*['"]?[45]\d\d\b/), body(/\bopenweathermap\.org\/price\b/))],
  causes: [
    rule('invalid-credentials', 0.92, body(OWM_KEY), {
      blocks: true, why: 'OpenWeatherMap does not accept the appid: mistyped, deleted, not yet active (a new key takes up to a couple of hours), or a free key sent to an endpoint its plan lacks (One Call 3.0, 16-day forecast), which it answers with the same 401',
      fix: 'Copy the key from home.openweathermap.org/api_keys into appid=, wait for a new key to activate, and check the endpoint is in your subscription (One Call 3.0 needs its own subscription).',
    }),
    rule('account-or-plan-restriction', 0.55, body(OWM_KEY)),
    rule('rate-limited', 0.9, body(OWM_BLOCKED), {
      blocks: true, why: 'the key exceeded its plan\'s calls per minute or per day, so OpenWeatherMap blocked it for a while (429): the free plan allows 60 calls a minute and 1,000 One Call calls a day',
      fix: 'Call less often (cache results, one request per location every 10 minutes), or move to a subscription with a higher limit (openweathermap.org/price).',
    }),
    rule('account-or-plan-restriction', 0.6, body(OWM_BLOCKED)),
  ],
  checklist: { auth: 'Check the appid on home.openweathermap.org/api_keys and that it is active.', server: 'Check the subscription covers the endpoint and the call volume.' },
});

/**
 * Spotify Web API: `{"error":{"status":…,"message":…}}` with its own messages, as its SDKs print them (spotipy's SpotifyException, spotify-web-api-node's
 * WebapiRegularError, spotify-web-api-php's SpotifyWebAPIException). Sources: Aveek-Saha/spotify-box#3, rckclmbr/pyportify#60,
 * sigma67/spotify_to_ytmusic#122, Lioncat6/OSC-Chat-Tools#11 and #32, jwilsson/spotify-web-api-php#260.
 */
const SPOTIFY_UNREGISTERED = /User not registered in the Developer Dashboard|developer\.spotify\.com\/dashboard, the user may not be registered|user is not registered for this application/;
const SPOTIFY_SDK = /\bspotipy\.(client|exceptions)\.SpotifyException\b|\bWebapiRegularError\b|communicating with Spotify's Web API|\bSpotifyWebAPI\\+SpotifyWebAPIException\b/;
const SPOTIFY_ENVELOPE = /['"]?error['"]?\s*:\s*\{\s*['"]?(status['"]?\s*:\s*\d{3}\s*,\s*['"]?message|message['"]?\s*:\s*['"][^'"]{1,80}['"]\s*,\s*['"]?status['"]?\s*:\s*\d{3})/;
const SPOTIFY_SCOPE = /Insufficient client scope/;
const SPOTIFY_TOKEN = /The access token expired|Missing\/invalid\/expired access token|Invalid access token|Invalid refresh token/;
export const spotifyWebApi = defineProducer({
  id: 'spotify-web-api', kind: 'saas-api', name: 'Spotify Web API', family: 'spotify',
  own: [body(SPOTIFY_UNREGISTERED), body(SPOTIFY_SDK)],
  bodyOnly: [all(body(SPOTIFY_ENVELOPE), body(/Insufficient client scope|The access token expired|Missing\/invalid\/expired access token|No token provided|Only valid bearer authentication supported/))],
  causes: [
    rule('insufficient-permissions', 0.92, body(SPOTIFY_SCOPE), {
      blocks: true, why: 'the access token was granted without the scope this endpoint needs (user-read-recently-played, playlist-modify-private, …): Spotify checks scopes per endpoint',
      fix: 'Add the endpoint\'s scope to the authorization request and have the user authorize again (delete the cached token, e.g. spotipy\'s .cache file, so a new one is issued).',
    }),
    rule('account-or-plan-restriction', 0.88, body(SPOTIFY_UNREGISTERED), {
      blocks: true, why: 'the app is in Development Mode and the signed-in Spotify user is not on its allow-list: only users added in the Developer Dashboard may use it',
      fix: 'Add the user\'s Spotify e-mail in the Developer Dashboard (your app > Settings > User Management), or apply for extended quota mode.',
    }),
    rule('insufficient-permissions', 0.6, body(SPOTIFY_UNREGISTERED)),
    rule('invalid-credentials', 0.9, body(SPOTIFY_TOKEN), { why: 'Spotify does not accept the access token: expired (they last an hour) or not a Spotify token' }),
    rule('missing-credentials', 0.88, body(/No token provided|Only valid bearer authentication supported/), { why: 'the request carried no Bearer access token Spotify accepts' }),
  ],
  checklist: { auth: 'Check the token\'s scopes and expiry; refresh it with the refresh token.', server: 'Check the app\'s mode and user allow-list in the Spotify Developer Dashboard.' },
});

/** Mapbox APIs: `{"message":"Not Authorized - Invalid Token"}`. Sources: valhalla/valhalla#3049, arank/marauders-map#10, Imperial-lord/mapbox-flutter#9, haoliangyu/ngx-mapboxgl-starter#8. */
const MAPBOX_INVALID = /Not Authorized - Invalid Token/;
export const mapboxApi = defineProducer({
  id: 'mapbox-api', kind: 'saas-api', name: 'Mapbox API', family: 'mapbox',
  own: [body(MAPBOX_INVALID)],
  causes: [
    rule('invalid-credentials', 0.92, body(MAPBOX_INVALID), {
      blocks: true, why: 'Mapbox does not accept the access token: mistyped, deleted or rotated, a secret sk. token where a public pk. one is expected, or sent with extra characters (quotes, <>)',
      fix: 'Copy a current public token (pk.…) from account.mapbox.com/access-tokens and pass it as access_token= (or in the SDK settings) exactly as shown.',
    }),
  ],
  checklist: { auth: 'Check the access token on account.mapbox.com/access-tokens, its scopes and URL restrictions.' },
});

/**
 * Contentful (CDA, CPA, CMA): its `{"sys":{"type":"Error","id":…},"message":…,"requestId":…}` errors, and contentful-management.js errors named by the id.
 * Sources: contentful/contentful.js#13 and #721, lotas/contentful-graph#43, contentful/contentful-export#98, carrot/sprout-static-cms#7.
 */
const CF_SYS = /['"]?sys['"]?\s*:\s*\{\s*['"]?type['"]?\s*:\s*['"]Error['"]\s*,\s*['"]?id['"]?\s*:\s*['"]\w+['"]/;
const CF_TOKEN = /The access token you sent could not be found or is invalid/;
export const contentfulApi = defineProducer({
  id: 'contentful-api', kind: 'saas-api', name: 'Contentful API', family: 'contentful',
  own: [body(CF_SYS), body(CF_TOKEN), body(/\bX-Contentful-User-Agent\b|application\/vnd\.contentful\.management\.v1\+json/)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(CF_TOKEN), body(/['"]id['"]\s*:\s*['"]AccessTokenInvalid['"]|\bAccessTokenInvalid: \{/)), {
      blocks: true, why: 'Contentful does not accept the token for this API: a Delivery token sent to the Management API (or to preview.contentful.com), a Preview token to cdn.contentful.com, or a revoked or mistyped token',
      fix: 'Use the token of the API you call: CMA personal access token for api.contentful.com, Delivery token for cdn.contentful.com, Preview token with host preview.contentful.com.',
    }),
    rule('rate-limited', 0.92, any(body(/['"]id['"]\s*:\s*['"]RateLimitExceeded['"]|\bRateLimitExceeded: \{/), body(/You have exceeded the rate limit of (this Space|the Organization)/)), {
      why: 'the space or organization exceeded its Contentful API rate limit (Management API about 7-10 requests a second, plus hourly limits by plan); X-Contentful-RateLimit-Reset gives the wait',
      fix: 'Send fewer requests in parallel (batch or sequence them), let the SDK retry after X-Contentful-RateLimit-Reset, or raise the plan\'s limits.',
    }),
  ],
  checklist: { auth: 'Check which Contentful API the token belongs to (Delivery, Preview, Management) and the host you call.' },
});

/**
 * Riot Games API: `{"status":{"message":…,"status_code":…}}` and its X-Riot-Edge-Trace-Id / X-App-Rate-Limit headers. Sources: RiotGames/developer-relations#1107,
 * #1103, #760.
 */
const RIOT_ENVELOPE = /['"]?status['"]?\s*:\s*\{\s*['"]?message['"]?\s*:\s*['"][^'"]{1,80}['"]\s*,\s*['"]?status_code['"]?\s*:\s*\d{3}\s*\}/;
export const riotGamesApi = defineProducer({
  id: 'riot-games-api', kind: 'saas-api', name: 'Riot Games API', family: 'riot',
  own: [hdr('x-riot-edge-trace-id'), hdr('x-app-rate-limit')],
  bodyOnly: [body(RIOT_ENVELOPE)],
  causes: [
    rule('invalid-credentials', 0.92, all(body(RIOT_ENVELOPE), body(/Unknown apikey/i)), {
      blocks: true, why: 'Riot does not know the API key: a development key expires 24 hours after it is generated, and a regenerated key replaces the old one',
      fix: 'Regenerate the development key on developer.riotgames.com (or use the approved personal/production key) and send it as X-Riot-Token.',
    }),
    rule('invalid-credentials', 0.75, all(body(RIOT_ENVELOPE), body(/['"]Forbidden['"]/)), {
      why: 'Riot refused the key: most often an expired development key or none sent (an unset environment variable); Riot also answers Forbidden for endpoints removed or not granted to the key',
      fix: 'Check the key is set and current on developer.riotgames.com, and that the endpoint still exists (e.g. Match-V5, not the removed V4) and is granted to your key.',
    }),
    rule('insufficient-permissions', 0.55, all(body(RIOT_ENVELOPE), body(/['"]Forbidden['"]/))),
    rule('rate-limited', 0.92, all(body(RIOT_ENVELOPE), body(/Rate limit exceeded/i)), {
      why: 'the key exceeded its application or method rate limit (a development key allows 20 requests a second and 100 every 2 minutes; X-App-Rate-Limit and X-Method-Rate-Limit give the limits, Retry-After the wait)',
      fix: 'Wait for Retry-After and pace requests under the limits the X-App-Rate-Limit / X-Method-Rate-Limit headers state; apply for a production key for higher limits.',
    }),
  ],
  checklist: { auth: 'Check the key on developer.riotgames.com (development keys last 24 hours).', server: 'Check the endpoint is granted to your key and not deprecated.' },
});

/**
 * Twitch Helix: `{"error":"Unauthorized","status":401,"message":…}` with its own messages (OAuth token or Client ID missing or not matching, a missing scope).
 * Sources: twitchdev/issues#105, true-dubach/node-twitch-webhook#18, louis70109/Twitch-Bot#19, pilcrowonpaper/arctic#35, atheriel/helm-twitch#3.
 */
const TWITCH_ENVELOPE = /['"]?error['"]?\s*:\s*['"](Unauthorized|Forbidden|Bad Request)['"]\s*,\s*['"]?(status['"]?\s*:\s*\d{3}\s*,\s*['"]?message|message)['"]?\s*:/;
const TWITCH_MISSING = /OAuth token is missing|Client ID is missing/;
const TWITCH_INVALID = /Client ID and OAuth token do not match|Invalid OAuth token/i;
export const twitchHelix = defineProducer({
  id: 'twitch-helix', kind: 'saas-api', name: 'Twitch API (Helix)', family: 'twitch',
  own: [body(/Client ID and OAuth token do not match/)],
  bodyOnly: [all(body(TWITCH_ENVELOPE), body(/OAuth token is missing|Client ID is missing|Invalid OAuth token|Missing scope:? [\w:]+/i)), body(/\bapi\.twitch\.tv\/helix\b/)],
  causes: [
    rule('missing-credentials', 0.9, body(TWITCH_MISSING), {
      why: 'Helix requires both headers on every call: Authorization: Bearer <token> and Client-Id; one was absent (or sent as "OAuth <token>", which Helix does not read)',
      fix: 'Send Authorization: Bearer <access token> and Client-Id: <the app\'s client id>; get an app token with the client-credentials flow at id.twitch.tv/oauth2/token.',
    }),
    rule('invalid-credentials', 0.9, body(TWITCH_INVALID), {
      why: 'Twitch does not accept the token with this Client-Id: expired or revoked, or issued to another application (a token from a token-generator site belongs to that site\'s client id)',
      fix: 'Check the token at id.twitch.tv/oauth2/validate (it shows its client_id), and send the Client-Id it was issued to, or create a token for your own app.',
    }),
    rule('insufficient-permissions', 0.9, body(/Missing scope:? [\w:]+/i), { why: 'the user token lacks the scope this endpoint needs' }),
  ],
  checklist: { auth: 'Validate the token at id.twitch.tv/oauth2/validate: client_id and scopes.' },
});

/**
 * Steam Web API: its plain HTML refusal 'Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.' (403 for a bad key, 401 when the
 * method needs a key none was given), and steam-condenser's WebApi error. Sources: EionRobb/pidgin-opensteamworks#81 (the page, and its
 * key=-parameter text quoted again in the thread), bfosberry/GameSocial#272.
 */
const STEAM_KEY = /Retrying will not help\.\s*Please verify your\s+(<pre>)?key=(<\/pre>)?\s+parameter/;
const STEAM_CONDENSER = /Your Web API request has been rejected\. You most likely did not specify a valid Web API key/;
export const steamWebApi = defineProducer({
  id: 'steam-web-api', kind: 'saas-api', name: 'Steam Web API', family: 'valve',
  own: [body(STEAM_KEY), body(STEAM_CONDENSER)],
  causes: [
    rule('invalid-credentials', 0.9, any(all(body(STEAM_KEY), body(/Forbidden/)), body(STEAM_CONDENSER)), {
      blocks: true, why: 'Steam does not accept the key= parameter: mistyped, revoked, or the key of an account that may not hold one (limited accounts)',
      fix: 'Copy the key from steamcommunity.com/dev/apikey into key= (check the config file your tool actually reads).',
    }),
    rule('missing-credentials', 0.8, all(body(STEAM_KEY), body(/Unauthorized/)), {
      blocks: true, why: 'this Steam Web API method needs a key= parameter (a publisher or user key) and the request had none it accepts',
      fix: 'Add key=<Web API key> to the request; methods of ISteamWebUserPresenceOAuth and publisher interfaces need their own kind of key.',
    }),
    rule('invalid-credentials', 0.6, all(body(STEAM_KEY), body(/Unauthorized/))),
  ],
  checklist: { auth: 'Check the key= parameter against steamcommunity.com/dev/apikey.' },
});

/**
 * LinkedIn REST API: `{"serviceErrorCode":…,"message":…,"status":…}` (and `code` in newer answers): 100 with 'Not enough permissions to access: <METHOD>
 * <resource>', 65600-65601 for a token it refuses. Sources: Light-it-labs/laravel-linkedin-share#9, linkedin-developers/linkedin-api-python-client#49,
 * zoonman/linkedin-api-php-client#30, xcarpentier/react-native-linkedin#80, decioferreira/omniauth-linkedin-oauth2#81.
 */
const LI_ENVELOPE = /['"]?serviceErrorCode['"]?\s*(:|=>)\s*\d+/;
export const linkedinApi = defineProducer({
  id: 'linkedin-api', kind: 'saas-api', name: 'LinkedIn API', family: 'linkedin',
  own: [body(LI_ENVELOPE)],
  causes: [
    rule('insufficient-permissions', 0.92, all(body(LI_ENVELOPE), body(/Not enough permissions to access: /)), {
      blocks: true, why: 'the token lacks the permission (scope or product) this resource needs: /v2/me needs r_liteprofile (or profile via OpenID Connect), posting needs w_member_social, other resources need an approved partner product',
      fix: 'Add the product to the app in the LinkedIn developer portal, request its scope in the authorization URL, and have the member authorize again; use /v2/userinfo with OpenID Connect tokens.',
    }),
    rule('invalid-credentials', 0.9, all(body(LI_ENVELOPE), body(/Invalid access token|has been revoked|has expired|(REVOKED|EXPIRED)_ACCESS_TOKEN/)), {
      blocks: true, why: 'LinkedIn does not accept the access token: expired (60 days), revoked by the member, or not the access_token at all (the authorization code or another field)',
      fix: 'Exchange the authorization code for a token at www.linkedin.com/oauth/v2/accessToken and send that access_token as Bearer; have the member sign in again when revoked.',
    }),
  ],
  checklist: { auth: 'Check the token\'s scopes and the products added to the app in the LinkedIn developer portal.' },
});

/**
 * Mailjet: its `{ErrorIdentifier, ErrorCode, StatusCode, ErrorMessage}` errors with its key sentence, and its Java client's MailjetUnauthorizedException. Sources:
 * mailjet/mailjet-apiv3-php#109, mailjet/mailjet-apiv3-python#90, mailjet/mailjet-apiv3-java#189, ThetaTau/CMT#903.
 */
const MJ_KEY = /API key authentication\/authorization failure/;
export const mailjetApi = defineProducer({
  id: 'mailjet-api', kind: 'saas-api', name: 'Mailjet API', family: 'mailjet',
  own: [body(MJ_KEY), body(/\bcom\.mailjet\.client\.errors\.Mailjet\w+Exception\b|\bMailjet API response \d{3}\b/)],
  bodyOnly: [all(body(/\[?['"]ErrorIdentifier['"]\]?\s*(:|=>)/), body(/['"]ErrorMessage['"]/))],
  causes: [
    rule('invalid-credentials', 0.92, any(body(MJ_KEY), body(/MailjetUnauthorizedException\b/)), {
      blocks: true, why: 'Mailjet does not accept the API key and secret pair: swapped (key first, secret second), a sub-account\'s key, or a regenerated secret',
      fix: 'Pass the public API key and the secret key in that order (MJ_APIKEY_PUBLIC, MJ_APIKEY_PRIVATE) from app.mailjet.com/account/apikeys.',
    }),
  ],
  checklist: { auth: 'Check the API key / secret pair and their order on app.mailjet.com/account/apikeys.' },
});

/**
 * Vimeo API: errors sent as application/vnd.vimeo.error+json with `error`, `developer_message` and a four-digit `error_code`. Sources: vimeo/laravel#53 (8003),
 * vimeo/vimeo.php#185 (8002), vimeo/VIMNetworking#65.
 */
export const vimeoApi = defineProducer({
  id: 'vimeo-api', kind: 'saas-api', name: 'Vimeo API', family: 'vimeo',
  own: [hdr('content-type', /application\/vnd\.vimeo\.error\+json/)],
  bodyOnly: [all(body(/['"]?developer_message['"]?\s*\]?\s*(:|=>)/), body(/['"]?error_code['"]?\s*\]?\s*(:|=>)\s*\d{4}/))],
  causes: [
    rule('missing-credentials', 0.85, body(/No user credentials were provided/), {
      why: 'the request carried no user access token Vimeo accepts (only the app\'s client id and secret): this endpoint acts on a user\'s account',
      fix: 'Generate a personal access token (developer.vimeo.com/apps > your app) with the scopes you need, and send it as Authorization: bearer <token>.',
    }),
    rule('insufficient-permissions', 0.8, body(/token is missing a user ID|does not have the \S+ scope/), {
      why: 'the token is an unauthenticated app token (no user) or lacks the scope this call needs (upload, edit, private…)',
      fix: 'Use an authenticated personal access token with the needed scopes (upload, edit, private) instead of a client-credentials token.',
    }),
    rule('missing-credentials', 0.6, body(/token is missing a user ID/)),
  ],
  checklist: { auth: 'Check the token is an authenticated (user) token with the scopes the call needs.' },
});

/**
 * HERE Location Services: `{"error":"Unauthorized","error_description":"apiKey invalid. apiKey <reason>."}` and 'These credentials do not authorize access' (403,
 * a key without the service). Sources: iobroker-community-adapters/ioBroker.roadtraffic#25, heremaps/here-sdk-examples#189, home-assistant/core#99437.
 */
const HERE_APIKEY = /apiKey invalid\. apiKey [\w ]{3,40}\./;
const HERE_CREDS = /These credentials do not authorize access/;
export const hereApi = defineProducer({
  id: 'here-api', kind: 'saas-api', name: 'HERE Location Services', family: 'here',
  own: [body(HERE_APIKEY), all(body(/['"]?error_description['"]?\s*:/), body(HERE_CREDS))],
  causes: [
    rule('invalid-credentials', 0.92, body(HERE_APIKEY), {
      blocks: true, why: 'HERE does not accept the apiKey: not found (mistyped, deleted), expired (an account whose e-mail was never verified loses its keys) or disabled',
      fix: 'Copy a current API key from the HERE platform (platform.here.com > Access manager > Apps) into apiKey=, and verify the account\'s e-mail.',
    }),
    rule('insufficient-permissions', 0.85, body(HERE_CREDS), {
      why: 'the credentials are valid but not entitled to this service: a key of a plan or SDK edition that lacks it (Explore or Lite keys do not work with Navigate, a legacy key with v8 routing)',
      fix: 'Enable the service for the app on the HERE platform, or use credentials of the plan or SDK edition that includes it.',
    }),
    rule('account-or-plan-restriction', 0.6, body(HERE_CREDS)),
  ],
  checklist: { auth: 'Check the apiKey and the services enabled for the app on the HERE platform.' },
});

/**
 * Figma REST API: `{"status":…,"err":…}` — 'Invalid token' (403, also for a token never sent: X-Figma-Token: None) and 'Invalid scope(s): …' for a token without
 * the scopes. Sources: risa-labs-inc/MagicPencil#2, HaikuTeam/animator#1061, figma/code-connect#303.
 */
const FIGMA_ENVELOPE = /['"]status['"]\s*:\s*\d{3}\s*,\s*['"]err['"]\s*:\s*['"]/;
export const figmaApi = defineProducer({
  id: 'figma-api', kind: 'saas-api', name: 'Figma API', family: 'figma',
  own: [body(/\bInvalid scope\(s\): Please ensure that you have selected\b/)],
  bodyOnly: [body(FIGMA_ENVELOPE)],
  causes: [
    rule('invalid-credentials', 0.88, all(body(FIGMA_ENVELOPE), body(/['"]err['"]\s*:\s*['"]Invalid token['"]/)), {
      why: 'Figma does not accept the X-Figma-Token: expired (personal access tokens now expire), revoked, an OAuth token sent in X-Figma-Token instead of Authorization: Bearer, or no token at all (the header carried "None")',
      fix: 'Create a personal access token in Figma (Settings > Security > Personal access tokens) with the scopes you need and send it as X-Figma-Token; send OAuth tokens as Authorization: Bearer.',
    }),
    rule('insufficient-permissions', 0.9, body(/Invalid scope\(s\)/), { why: 'the token was created without a scope this endpoint needs (File content read, Code Connect write, …)' }),
  ],
  checklist: { auth: 'Check the token\'s expiry and scopes in Figma\'s personal access token settings.' },
});

/**
 * Datadog APIs and Agent: the legacy envelope `{"errors":["Forbidden"], … "statuspage":"http://status.datadoghq.com", "twitter":"http://twitter.com/datadogops"
 * …}` and the Agent's forwarder log 'API Key invalid, dropping transaction for https://…datadoghq.com|ddog-gov.com'. Sources: dbader/node-datadog-metrics#115,
 * DataDog/datadogpy#724, DataDog/hiring-engineers#912, department-of-veterans-affairs/notification-api#1083.
 */
const DD_ENVELOPE = /status\.datadoghq\.com['"]\s*,\s*['"]twitter['"]\s*:\s*['"]http:\/\/twitter\.com\/datadogops/;
const DD_AGENT = /API Key invalid, dropping transaction for https:\/\/[\w.-]*(datadoghq\.(com|eu)|ddog-gov\.com)\//;
export const datadogApi = defineProducer({
  id: 'datadog-api', kind: 'saas-api', name: 'Datadog API', family: 'datadog',
  own: [body(DD_ENVELOPE), body(DD_AGENT)],
  causes: [
    rule('invalid-credentials', 0.88, any(all(body(DD_ENVELOPE), body(/['"]errors['"]\s*:\s*\[\s*['"]Forbidden['"]/)), body(DD_AGENT)), {
      blocks: true, why: 'Datadog refuses the API key for this site: mistyped or revoked, an application key sent as the API key, or a key of another Datadog site (an EU key sent to datadoghq.com, a US key to datadoghq.eu or ddog-gov.com)',
      fix: 'Use an API key (not an application key) from Organization Settings > API Keys of the org, and set DD_SITE to that org\'s site (datadoghq.com, datadoghq.eu, us3/us5, ddog-gov.com).',
    }),
    rule('insufficient-permissions', 0.55, all(body(DD_ENVELOPE), body(/['"]errors['"]\s*:\s*\[\s*['"]Forbidden['"]/))),
  ],
  checklist: { auth: 'Check DD_API_KEY (and DD_APP_KEY for reads) belong to the org of DD_SITE.' },
});

/**
 * Brevo (formerly Sendinblue) API v3: `{"message":…,"code":"unauthorized"}` behind its sib-request-id / X-Sib-Server headers. Sources:
 * sendinblue/APIv3-python-library#63, getbrevo/brevo-python#13.
 */
const BREVO_CODE = /['"]code['"]\s*:\s*['"]unauthorized['"]/;
export const brevoApi = defineProducer({
  id: 'brevo-api', kind: 'saas-api', name: 'Brevo (Sendinblue) API', family: 'brevo',
  // its API sits behind Cloudflare and Envoy: their headers only carry its answer
  overrides: ['cloudflare', 'envoy'],
  own: [hdr('sib-request-id'), hdr('x-sib-server')],
  bodyOnly: [all(body(BREVO_CODE), body(/['"]message['"]\s*:\s*['"](Key not found|authentication not found in headers)['"]/))],
  causes: [
    rule('invalid-credentials', 0.9, all(body(BREVO_CODE), body(/Key not found/)), {
      why: 'Brevo does not know the api-key: mistyped, deleted, an SMTP key (xsmtpsib-) instead of an API key (xkeysib-), or the shortened key shown in the key list instead of the full key shown once at creation',
      fix: 'Create an API v3 key (Settings > SMTP & API > API keys), copy it in full when it is shown, and send it in the api-key header.',
    }),
    rule('missing-credentials', 0.9, all(body(BREVO_CODE), body(/authentication not found in headers/)), {
      why: 'the request carried no api-key header Brevo reads (the SDK was configured without the key, or the key was set on another client instance)',
      fix: 'Set the key on the client configuration (configuration.api_key[\'api-key\'] in the Python SDK) before creating the API instance.',
    }),
  ],
  checklist: { auth: 'Check the api-key header carries a full xkeysib- API v3 key.' },
});

/**
 * Resend: `{statusCode, message, name}` errors named by their code — validation_error 'The <domain> domain is not verified. Please, add and verify your domain on
 * https://resend.com/domains', restricted_api_key 'This API key is restricted to only send emails' (its Ruby SDK's Resend::Error::InvalidRequestError). Sources:
 * resend/resend-node#455, code-with-antonio/nextjs-next-auth-v5-masterclass#35, oiov/wr.do#37, antiwork/gumroad#4417.
 */
const RESEND_DOMAIN = /domain is not verified\. Please, add and verify your domain on https:\/\/resend\.com\/domains/;
const RESEND_RESTRICTED = /This API key is restricted to only send emails/;
export const resendApi = defineProducer({
  id: 'resend-api', kind: 'saas-api', name: 'Resend API', family: 'resend',
  own: [body(RESEND_DOMAIN), body(RESEND_RESTRICTED), body(/\bResend::Error::\w+Error\b/)],
  causes: [
    rule('account-or-plan-restriction', 0.88, body(RESEND_DOMAIN), {
      blocks: true, why: 'the from address uses a domain that is not verified in the Resend account the key belongs to (or a key of another Resend account): until then Resend sends only from onboarding@resend.dev to your own address',
      fix: 'Add and verify the sending domain (DNS records) on resend.com/domains in the account whose key you use, and send from an address of that exact domain.',
    }),
    rule('insufficient-permissions', 0.6, body(RESEND_DOMAIN)),
    rule('insufficient-permissions', 0.9, body(RESEND_RESTRICTED), {
      blocks: true, why: 'the key has Sending access only: it may call POST /emails, not batch sends, domains, contacts or other resources',
      fix: 'Use a Full access key for that call, or send one email at a time with POST /emails.',
    }),
  ],
  checklist: { auth: 'Check the key\'s permission (Full or Sending access) and its account on resend.com/api-keys.', server: 'Check the sending domain is verified on resend.com/domains.' },
});

/**
 * Reddit API: its clients' errors — prawcore's ResponseException / OAuthException / Forbidden, snoowrap's StatusCodeError with Reddit's
 * `{"reason":…,"message":…,"error":…}`. Sources: elebumm/RedditVideoMakerBot#192 and #62, iam-abbas/Reddit-Stock-Trends#41, csu/export-saved-reddit#54,
 * google-research-datasets/coarse-discourse#2, mikeizbicki/cmc-csci040#64, not-an-aardvark/snoowrap#254.
 */
const PRAW_401 = /\bprawcore\.exceptions\.ResponseException: received 401 HTTP response/;
const PRAW_GRANT = /\b(prawcore\.exceptions\.)?OAuthException:?\s+invalid_grant error processing request/;
const PRAW_403 = /\bprawcore\.exceptions\.Forbidden: received 403 HTTP response/;
const REDDIT_REASON = /['"]reason['"]\s*:\s*['"](private|banned|quarantined)['"]\s*,\s*['"]message['"]\s*:\s*['"]Forbidden['"]\s*,\s*['"]error['"]\s*:\s*403/;
export const redditApi = defineProducer({
  id: 'reddit-api', kind: 'saas-api', name: 'Reddit API', family: 'reddit',
  own: [body(PRAW_401), body(PRAW_GRANT), body(PRAW_403), body(/\bprawcore\/(sessions|auth)\.py\b/)],
  bodyOnly: [body(REDDIT_REASON)],
  causes: [
    rule('invalid-credentials', 0.88, body(PRAW_401), {
      why: 'Reddit refused the app\'s OAuth credentials: the client id or secret is wrong (swapped, with stray quotes or spaces from a .env file), or the app is not a "script" app for password login',
      fix: 'Copy the client id (under the app name) and the secret from reddit.com/prefs/apps without quotes, and create a "script" app for username/password login.',
    }),
    rule('invalid-credentials', 0.9, body(PRAW_GRANT), {
      blocks: true, why: 'Reddit refused the username and password grant: a wrong password, or an account with two-factor authentication (password login needs "password:otp")',
      fix: 'Check the Reddit username and password in the config; with 2FA, use a refresh token (or append the one-time code) instead.',
    }),
    rule('insufficient-permissions', 0.75, any(body(PRAW_403), body(REDDIT_REASON)), {
      why: 'Reddit refused the action for this account: the subreddit is private or banned for it, the account is banned there, or the client is not logged in (read-only) for an action that needs a user',
      fix: 'Check the subreddit is public (or the account approved), that the account is not banned there, and that the client logs in with a user for posting.',
    }),
    rule('resource-policy-deny', 0.55, any(body(PRAW_403), body(REDDIT_REASON))),
  ],
  checklist: { auth: 'Check the app\'s client id and secret on reddit.com/prefs/apps and the account\'s password / 2FA.' },
});

/**
 * Pinterest API: `{"code":…,"message":…,"status":"failure"}` with its Pinterest-Generated-By / X-Pinterest-RID headers, and the PHP wrapper's
 * PinterestException. Sources: pinterest/pinterest-python-generated-api-client#31, vijaypatoliya/pinterest-node-api#20, dirkgroenen/pinterest-api-php#58.
 */
const PIN_ENVELOPE = /['"]?code['"]?\s*:\s*\d+\s*,\s*['"]?message['"]?\s*:\s*['"][^'"]{1,120}['"]\s*,\s*['"]?status['"]?\s*:\s*['"]failure['"]/;
export const pinterestApi = defineProducer({
  id: 'pinterest-api', kind: 'saas-api', name: 'Pinterest API', family: 'pinterest',
  overrides: ['envoy', 'fastly'],
  own: [hdr('pinterest-generated-by'), hdr('x-pinterest-rid'), body(/\bDirkGroenen\\+Pinterest\\+Exceptions\\+PinterestException\b|\bPinterest error \(code: \d{3}\) with message: /)],
  bodyOnly: [all(body(PIN_ENVELOPE), body(/Authentication failed\.|Authorization failed/))],
  causes: [
    rule('invalid-credentials', 0.88, body(/Authentication failed\.|Authorization failed|with message: invalid_grant/), {
      why: 'Pinterest does not accept the access token: expired (they last 30 days), without the scopes, or a sandbox token (apps on Trial access) sent to the production api.pinterest.com instead of api-sandbox.pinterest.com',
      fix: 'Refresh or regenerate the token with the needed scopes; with Trial access, send sandbox tokens to api-sandbox.pinterest.com.',
    }),
  ],
  checklist: { auth: 'Check the token\'s expiry, scopes and environment (sandbox vs production) in the Pinterest developer app.' },
});

/** Consumer and platform web APIs (maps, weather, games, media, social, messaging, observability, CMS, model hosts) with their own error formats. */
export const WEB_API_PRODUCERS: Producer[] = [
  openWeatherMap, spotifyWebApi, mapboxApi, contentfulApi, riotGamesApi, twitchHelix, steamWebApi, linkedinApi, mailjetApi, vimeoApi, hereApi,
  figmaApi, datadogApi, brevoApi, resendApi, redditApi, pinterestApi,
];
