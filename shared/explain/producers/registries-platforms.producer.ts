import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Apple Push Notification service (api.push.apple.com over HTTP/2): a JSON body `{"reason":"<Reason>"}` whose reasons
 * are Apple's documented list ("Handling notification responses from APNs"), as providers print them: node-apn's
 * `failed[].response.reason`, Pushy's `Notification rejected by the APNs gateway: Optional[…]`, APNSwift's
 * `APNSError.ResponseErrorMessage.…`, dotAPNS. Only the reasons no other API uses name it (Kubernetes also says
 * TooManyRequests). Sources: node-apn/node-apn#450, parse-community/node-apn#144, jchambers/pushy#914,
 * firebase/firebase-ios-sdk#4042, alexalok/dotAPNS#128; 400 BadDeviceToken (a token problem, no refusal):
 * node-apn/node-apn#483, aldero-io/faxdash#250.
 */
const APNS_ONLY = 'InvalidProviderToken|ExpiredProviderToken|MissingProviderToken|BadCertificateEnvironment|TopicDisallowed|BadDeviceToken|DeviceTokenNotForTopic|TooManyProviderTokenUpdates|BadCollapseId|BadExpirationDate|MissingDeviceToken';
const apnsReason = (reasons: string) => new RegExp(`['"]?reason['"]?\\s*[:=]\\s*['"]?(${reasons})\\b|\\b(rejected by the APNs gateway: Optional\\[|APNSError\\.ResponseErrorMessage\\.|APNs (error|response)[: ]+)(${reasons})\\b`, 'i');
const APNS_SDK = /\brejected by the APNs gateway\b|\bAPNSwift\.APNSError\b|\bApnsResponse\b.{0,80}\bReason\b/;

const appleApns = defineProducer({
  id: 'apple-apns', kind: 'saas-api', name: 'Apple Push Notification service (APNs)', family: 'apple',
  own: [body(apnsReason(APNS_ONLY)), body(APNS_SDK)],
  causes: [
    rule('invalid-credentials', 0.93, body(apnsReason('InvalidProviderToken|BadCertificate|BadCertificateEnvironment')), {
      blocks: true, why: 'APNs does not accept the provider token (403 InvalidProviderToken): the JWT is signed with another .p8 key, its kid is not that key\'s Key ID, its iss is not the Team ID (the two are often swapped), the key was revoked, or the bundle belongs to another team',
      fix: 'Sign an ES256 JWT with the .p8 auth key whose Key ID is in the header (kid) and your Team ID as iss; check the key is not revoked in Certificates, Identifiers & Profiles.',
    }),
    rule('signature-or-clock-skew', 0.9, body(apnsReason('ExpiredProviderToken')), {
      blocks: true, why: 'APNs says the provider token is too old (403 ExpiredProviderToken): its iat is more than an hour behind APNs\' clock — a token kept too long, or the server\'s clock is off',
      fix: 'Sync the server clock (NTP) and re-sign the token every 20–60 minutes (never more often than every 20 minutes: TooManyProviderTokenUpdates).',
    }),
    rule('missing-credentials', 0.9, body(apnsReason('MissingProviderToken')), {
      blocks: true, why: 'APNs got no provider token and no client certificate on this connection (403 MissingProviderToken)',
      fix: 'Send authorization: bearer <JWT> on every request, or connect with the app\'s push certificate.',
    }),
    rule('insufficient-permissions', 0.85, body(apnsReason('TopicDisallowed|DeviceTokenNotForTopic')), {
      blocks: true, why: 'the token or certificate is valid but not for this app: apns-topic names a bundle id the key\'s team or the certificate does not cover, or the device token belongs to another app',
      fix: 'Set apns-topic to the app\'s bundle id (with .voip/.complication suffix when needed) that the key\'s team owns, and use a device token from that app.',
    }),
    rule('rate-limited', 0.9, body(apnsReason('TooManyProviderTokenUpdates')), {
      blocks: true, why: 'the provider token was replaced too often (429 TooManyProviderTokenUpdates): APNs wants one token reused for 20–60 minutes, shared across the provider\'s connections',
      fix: 'Cache the JWT and reuse it on every connection for at least 20 minutes; share it between processes or pods.',
    }),
  ],
  checklist: { auth: 'Check the .p8 Key ID, Team ID, bundle id (apns-topic) and sandbox vs production host together.' },
});

/**
 * App Store Connect API (api.appstoreconnect.apple.com): a JSON:API `errors[]` with `status`, `code`, `title`,
 * `detail` (Apple's "Interpreting and handling errors"): FORBIDDEN_ERROR "This request is forbidden for security
 * reasons", NOT_AUTHORIZED "Authentication credentials are missing or invalid", FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED,
 * RATE_LIMIT_EXCEEDED; fastlane prints it as a Ruby hash (`"code"=>"…"`) and raises Spaceship::AccessForbiddenError.
 * Sources: AvdLee/appstoreconnect-swift-sdk#182, fastlane/fastlane#21544, fastlane/fastlane#16688,
 * bitrise-steplib/steps-ios-auto-provision-appstoreconnect#14.
 */
const ascCode = (codes: string) => new RegExp(`['"]?code['"]?\\s*(:|=>)\\s*['"]?(${codes})\\b`);
const ASC_CODES = 'FORBIDDEN_ERROR|NOT_AUTHORIZED|FORBIDDEN\\.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED|RATE_LIMIT_EXCEEDED';
/** A client's one-line form: the code, then its title. */
const ASC_CODE_TITLE = /\b(FORBIDDEN_ERROR|NOT_AUTHORIZED)\W{1,6}(This request is forbidden for security reasons|Authentication credentials are missing or invalid)/;
const ASC_WORDS = /This request is forbidden for security reasons|Authentication credentials are missing or invalid|The API key in use does not allow this request|api\.appstoreconnect\.apple\.com|App Store Connect|developer\.apple\.com\/go\/\?id=api-generating-tokens/;

const appStoreConnectApi = defineProducer({
  id: 'app-store-connect-api', kind: 'saas-api', name: 'App Store Connect API', family: 'apple',
  own: [all(body(ascCode(ASC_CODES)), body(ASC_WORDS)), body(ASC_CODE_TITLE), body(/\bSpaceship::(AccessForbiddenError|UnauthorizedAccessError)\b/)],
  bodyOnly: [body(/This request is forbidden for security reasons\s*[-:,]?\s*"?\s*[,]?\s*("?detail"?\s*(:|=>)\s*)?"?The API key in use does not allow this request/)],
  causes: [
    rule('insufficient-permissions', 0.92, any(body(/The API key in use does not allow this request/), all(body(ascCode('FORBIDDEN_ERROR')), body(/This request is forbidden for security reasons/)), body(/\bFORBIDDEN_ERROR\W{1,6}This request is forbidden for security reasons/), body(/\bSpaceship::AccessForbiddenError\b/)), {
      blocks: true, why: 'App Store Connect knows the API key but its role does not allow this call (403 FORBIDDEN_ERROR): a Developer or App Manager key used for Admin-only resources (users, agreements, some submission attributes), or an individual key on team-only resources',
      fix: 'Use a key whose role covers the call (Admin for users/finance, App Manager for submissions), or create one with that role under Users and Access → Integrations.',
    }),
    rule('account-or-plan-restriction', 0.93, body(ascCode('FORBIDDEN\\.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED')), {
      blocks: true, why: 'the team has a required agreement that is missing or expired (the Account Holder must accept the updated Program License Agreement or paid apps agreement)',
      fix: 'Have the Account Holder sign in to App Store Connect (Business) or developer.apple.com and accept the pending agreements.',
    }),
    rule('invalid-credentials', 0.92, any(all(body(ascCode('NOT_AUTHORIZED')), body(/Authentication credentials are missing or invalid/)), body(/\bNOT_AUTHORIZED\W{1,6}Authentication credentials are missing or invalid/), body(/\bSpaceship::UnauthorizedAccessError\b/)), {
      blocks: true, why: 'App Store Connect did not accept the bearer token (401 NOT_AUTHORIZED): a JWT signed with the wrong .p8 key or Key ID, the wrong Issuer ID, aud not appstoreconnect-v1, or exp more than 20 minutes ahead or already past',
      fix: 'Sign an ES256 JWT with the key\'s .p8, kid = Key ID, iss = Issuer ID, aud = appstoreconnect-v1 and exp at most 20 minutes ahead; check the server clock.',
    }),
    rule('rate-limited', 0.92, body(ascCode('RATE_LIMIT_EXCEEDED')), {
      blocks: true, why: 'the App Store Connect API\'s hourly request limit for this key was reached (429 RATE_LIMIT_EXCEEDED; X-Rate-Limit shows user-hour-lim and user-hour-rem)',
      fix: 'Slow down until the hour resets; cache list calls and use fields/limit to fetch fewer pages.',
    }),
  ],
  checklist: { auth: 'Check the API key\'s role in Users and Access → Integrations, its Issuer ID and Key ID, and pending agreements.' },
});

/**
 * TMDB (api.themoviedb.org): `{"status_code":N,"status_message":"…","success":false}` with its documented codes
 * (developer.themoviedb.org/docs/errors): 7 invalid key, 3/14 authentication failed, 10 suspended key, 25 request
 * count over the limit, 33/35 invalid token, 36 no write permission, 34 not found. Apps relay the sentence alone.
 * Sources: FuzzyGrim/Yamtrack#1518, n00bcodr/Jellyfin-Enhanced#69, sbondCo/Watcharr#687; 34 not found (no refusal):
 * cavestri/themoviedb-javascript-library#34, leolabs/gatsby-source-trakt-tmdb#1.
 */
const TMDB_ENVELOPE = /['"]?status_code['"]?\s*:\s*\d+\s*,\s*['"]?status_message['"]?\s*:/;
const TMDB_KEY = /Invalid API key: You must be granted a valid key\b/;
const TMDB_WORDS = /Invalid API key: You must be granted a valid key|Authentication failed: You do not have permissions to access the service|Suspended API key: Access to your account has been suspended|Your request count \(\d+\) is over the allowed limit of \(\d+\)|This token hasn't been granted write permission by the user|The resource you requested could not be found|\b(api\.)?themoviedb\.org\b|\bThe Movie Database\b/;

const tmdbApi = defineProducer({
  id: 'tmdb-api', kind: 'saas-api', name: 'TMDB API (The Movie Database)', family: 'tmdb',
  own: [all(body(TMDB_ENVELOPE), body(TMDB_WORDS))],
  bodyOnly: [body(TMDB_KEY), body(/Suspended API key: Access to your account has been suspended, contact TMDb/i)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(TMDB_KEY), body(/['"]?status_code['"]?\s*:\s*7\b/)), {
      blocks: true, why: 'TMDB does not accept the API key (status_code 7): mistyped, empty, or the v4 read access token sent as api_key (or the v3 key sent as a Bearer token)',
      fix: 'Send the v3 API key as ?api_key=, or the long API Read Access Token as Authorization: Bearer (both are under Settings → API on themoviedb.org).',
    }),
    rule('account-or-plan-restriction', 0.9, any(body(/Suspended API key/i), body(/['"]?status_code['"]?\s*:\s*10\b/)), {
      blocks: true, why: 'TMDB suspended this API key or its account (status_code 10)',
      fix: 'Contact TMDB about the suspension, or use a key of an account in good standing.',
    }),
    rule('insufficient-permissions', 0.88, any(body(/Authentication failed: You do not have permissions to access the service|This token hasn't been granted write permission by the user/), body(/['"]?status_code['"]?\s*:\s*(3|36)\b/)), {
      blocks: true, why: 'TMDB knows the caller but this call needs more: a user session (session_id) or a v4 user access token the user approved for writing',
      fix: 'Create a session (request token → user approval → session) or a v4 user access token with write access for account and list calls.',
    }),
    rule('rate-limited', 0.92, any(body(/Your request count \(\d+\) is over the allowed limit/), body(/['"]?status_code['"]?\s*:\s*25\b/)), {
      blocks: true, why: 'TMDB\'s request-rate limit for this key or IP was exceeded (status_code 25, HTTP 429)',
      fix: 'Slow down to TMDB\'s limits (about 40–50 requests a second per IP), honour Retry-After and cache results.',
    }),
    rule('none', 0.6, all(body(/['"]?status_code['"]?\s*:\s*34\b/), body(/The resource you requested could not be found/)), { template: true, why: 'TMDB has no such movie, show or person (status_code 34, HTTP 404)' }),
  ],
  checklist: { auth: 'Check which TMDB credential is sent where: v3 key as api_key, v4 read token as Bearer.' },
});

/**
 * Last.fm API (ws.audioscrobbler.com/2.0): `{"error":N,"message":"…"}` in JSON or `<lfm status="failed"><error code="N">`
 * in XML, with its documented codes (last.fm/api/errorcodes): 10 invalid key "You must be granted a valid key by
 * last.fm", 26 suspended key, 29 rate limit, 4 authentication failed, 9 invalid session key, 13 invalid signature;
 * its sign-in page says "Invalid API key. If you are a third party developer see our authentication how-to".
 * Sources: rembo10/headphones#3257, mihaiolteanu/lastfm.el#6, mariusor/mpris-scrobbler#109, nick1n/nicholast.fm#22.
 */
const LFM_WORDS = /You must be granted a valid key by last\.fm|API Key Suspended - This\s+application is not allowed to make requests to the web services|Suspended API key - Access for your account has been suspended|If you are a third party developer see our authentication how-to|Rate Limit Exce\w+ - Your IP has made too many requests|<lfm status="failed">|\bws\.audioscrobbler\.com\b|\bpylast\.WSError\b/;
const lfmCode = (codes: string) => new RegExp(`['"]?error['"]?\\s*:\\s*(${codes})\\s*,\\s*['"]?message['"]?\\s*:|<error code="(${codes})">`);

const lastfmApi = defineProducer({
  id: 'lastfm-api', kind: 'saas-api', name: 'Last.fm API', family: 'lastfm',
  own: [body(LFM_WORDS)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(/Invalid API key - You must be granted a valid key by last\.fm|Invalid API key\. If you are a third party developer/), all(body(LFM_WORDS), body(lfmCode('10')))), {
      blocks: true, why: 'Last.fm does not know the API key (error 10): mistyped, a shared key that was revoked, or the shared secret sent as the key',
      fix: 'Create an API account at last.fm/api/account/create and send its API key (not the shared secret) as api_key.',
    }),
    rule('account-or-plan-restriction', 0.92, any(body(/API Key Suspended|Suspended API key/), all(body(LFM_WORDS), body(lfmCode('26')))), {
      blocks: true, why: 'Last.fm suspended this API key (error 26, HTTP 403): keys built into shared apps are often suspended for overuse',
      fix: 'Use your own API key (last.fm/api/account/create), or contact Last.fm about the suspension.',
    }),
    rule('rate-limited', 0.92, any(body(/Rate Limit Exce\w+ - Your IP has made too many requests/), all(body(LFM_WORDS), body(lfmCode('29')))), {
      blocks: true, why: 'Last.fm rate-limited this IP or key (error 29): too many requests in a short period',
      fix: 'Slow down (about 5 requests a second averaged over 5 minutes) and cache responses.',
    }),
    rule('invalid-credentials', 0.85, any(body(/Invalid session key - Please re-authenticate/), all(body(LFM_WORDS), body(lfmCode('9')))), {
      blocks: true, why: 'the Last.fm session key is no longer valid (error 9): the user revoked the app or the key belongs to another API account',
      fix: 'Re-authenticate the user (auth.getToken → approval → auth.getSession) and store the new session key.',
    }),
    rule('signature-or-clock-skew', 0.88, any(body(/Invalid method signature supplied/), all(body(LFM_WORDS), body(lfmCode('13')))), {
      blocks: true, why: 'the api_sig does not match (error 13): parameters not sorted, format or callback included in the signature, or the wrong shared secret',
      fix: 'Sign the md5 of the alphabetically sorted name+value pairs (without format and callback) followed by the shared secret.',
    }),
  ],
  checklist: { auth: 'Check the API key and shared secret of your own Last.fm API account.' },
});

/**
 * OpenStreetMap Foundation services: the Nominatim usage-policy page (`<title>Access blocked</title>` linking
 * operations.osmfoundation.org/policies/nominatim) and the tile servers' blocked tiles ("App is not following the tile
 * usage policy of OpenStreetMap's volunteer-run servers: osm.wiki/Blocked", "Referer is required by tile usage
 * policy…"). Sources: hipudding/teslamate_fix_addrs#10, gboeing/osmnx#385, steve8x8/geotoad#375, tumic0/GPXSee#669,
 * IITC-CE/ingress-intel-total-conversion#848, openstreetmap/operations#1349.
 */
const OSM_NOMINATIM = /\bof OSM's Nominatim geocoding service\b|operations\.osmfoundation\.org\/policies\/nominatim/;
const OSM_TILES = /\btile usage policy of (to )?OpenStreetMap's volunteer-run servers\b|\bosm\.wiki\/Blocked\b|wiki\.openstreetmap\.org\/wiki\/Blocked_tiles/;

const osmfServices = defineProducer({
  id: 'osmf-services', kind: 'saas-api', name: 'OpenStreetMap Foundation services (tiles, Nominatim)', family: 'openstreetmap',
  own: [all(body(/Access blocked|blocked because you have violated/i), body(OSM_NOMINATIM)), body(OSM_TILES)],
  causes: [
    rule('waf-or-bot-block', 0.9, any(all(body(/You have been blocked because you have violated/), body(OSM_NOMINATIM)), body(/App is not following the tile usage policy|Referer is required by tile usage policy|not following the tile usage policy/)), {
      blocks: true, why: 'an OpenStreetMap Foundation server blocked this client under its usage policy: a stock or faked User-Agent (python-requests, okhttp, curl, a browser string from a script), no Referer from a web page, bulk or parallel requests, or more than one Nominatim request a second',
      fix: 'Send a User-Agent naming your app (with contact), keep the page\'s Referer, cache results and stay within 1 request/second; for bulk use, host Nominatim/tiles yourself or use a commercial provider.',
    }),
  ],
  checklist: { server: 'Read the OSMF usage policies (operations.osmfoundation.org/policies) and compare with the headers your client sends.' },
});

/**
 * Overpass API (overpass-api.de and other instances): its "OSM3S Response" page with `runtime error: open64: 0 Success
 * /osm3s_…_osm_base Dispatcher_Client::request_read_and_idx::rate_limited` and "Please check /api/status for the quota
 * of your IP address" or "Another request from your IP is still running" (HTTP 429); overpy raises
 * OverpassTooManyRequests. Sources: drolbr/Overpass-API#447, drolbr/Overpass-API#229,
 * maproulette/maproulette-frontend#605, DinoTools/python-overpy#56.
 */
const OVERPASS_DISPATCH = /Dispatcher_Client::request_read_and_idx::(rate_limited|timeout)/;

const overpassApi = defineProducer({
  id: 'overpass-api', kind: 'saas-api', name: 'Overpass API', family: 'openstreetmap',
  own: [body(OVERPASS_DISPATCH), all(body(/<title>OSM3S Response<\/title>/), body(/runtime (error|remark)/)), body(/\bOverpassTooManyRequests\b|\boverpy\.exception\.Overpass\w+/)],
  causes: [
    rule('rate-limited', 0.93, any(body(/request_read_and_idx::rate_limited/), body(/Please check \/api\/status for the quota of your IP address|Another request from your IP is still running/), body(/\bOverpassTooManyRequests\b/)), {
      blocks: true, why: 'the Overpass instance rate-limited this IP (429): its slots per IP are in use — a query still running, too many in a row, or a long query that used the quota',
      fix: 'Run one query at a time, wait for /api/status to show a free slot (at least 30 s after a 429), set a User-Agent naming your app, or use another instance or your own.',
    }),
  ],
  checklist: { server: 'Check /api/status on the instance for your IP\'s slots and when they free up.' },
});

/**
 * Gradle Plugin Portal (plugins.gradle.org), as the plugin-publish plugin prints its answers: "Failed to post to
 * server. Server responded with: <sentence>" — "The user '<name>' does not have write permissions to plugin [<id>]",
 * "The user does not have permission to create a new plugin with ID: <id>", "Plugin: '<id>', version: '<v>' exists
 * already" — and its "Unauthorized! Login from command line using: gradle login or login and download user API keys
 * on: https://plugins.gradle.org/user/login". Sources: palantir/gradle-baseline#613, gradle/plugin-portal-requests#87,
 * gradle/plugin-portal-requests#199, gradle/plugin-portal-requests#149.
 */
const GPP_POSTED = /Failed to post to server\.\s+Server responded with:/;
const GPP_LOGIN = /login and download user API keys on:\s+https:\/\/plugins\.gradle\.org\/user\/login/;
const GPP_NO_PERMISSION = /\bThe user ('[^']{1,80}' )?does not have (write )?permissions? to (plugin \[|create a new plugin with ID)/;

const gradlePluginPortal = defineProducer({
  id: 'gradle-plugin-portal', kind: 'saas-api', name: 'Gradle Plugin Portal', family: 'gradle',
  own: [body(GPP_LOGIN), all(body(GPP_POSTED), body(/\b(plugin|Plugin:|Artifact \[group:)/))],
  causes: [
    rule('insufficient-permissions', 0.92, body(GPP_NO_PERMISSION), {
      blocks: true, why: 'the Plugin Portal knows the account but it does not own this plugin id (or may not create ids under this namespace): plugins belong to the account that first published them, and new ids must match a namespace the account has proven (e.g. its verified GitHub or domain)',
      fix: 'Publish with the owning account\'s API key, ask Gradle for an ownership transfer (gradle/plugin-portal-requests), or use a plugin id under a namespace you own.',
    }),
    rule('invalid-credentials', 0.88, all(body(/\bUnauthorized!/), body(GPP_LOGIN)), {
      blocks: true, why: 'the Plugin Portal did not accept the publish key and secret (gradle.publish.key / gradle.publish.secret or GRADLE_PUBLISH_KEY / GRADLE_PUBLISH_SECRET): missing in this environment, of another account, or regenerated since',
      fix: 'Copy a fresh key pair from plugins.gradle.org (API Keys) into ~/.gradle/gradle.properties or the CI secrets, or run gradle login.',
    }),
    rule('none', 0.6, all(body(GPP_POSTED), body(/version: '[^']{1,40}' exists already|has already been published/)), { template: true, why: 'the Plugin Portal already has this version (versions are immutable): publish a new version' }),
  ],
  checklist: { auth: 'Check which Plugin Portal account the publish key belongs to and that it owns the plugin id.' },
});

/**
 * pub.dev (Dart and Flutter packages), as `dart pub publish` prints its answers: "Insufficient permissions to upload
 * new versions of package `<name>`" / "<email> has insufficient permissions to upload new versions of package '<name>'",
 * "UnauthorizedAccess: Unauthorized user: <email> is not allowed to upload versions to package <name>", automated
 * publishing refusals ("Insufficient permissions to the resource at the https://pub.dev/ package repository … The calling
 * GitHub Action is not allowed to publish, because: …").
 * Sources: dart-lang/pub-dev#4298, dart-lang/pub-dev#4693, petercinibulk/envied#69, dart-lang/pub-dev#2281.
 */
const PUB_PERMISSION = /\b(has )?insufficient permissions to upload new versions of package\b|\bUnauthorizedAccess: Unauthorized user: \S{1,120} is not allowed to upload versions to package\b|Insufficient permissions to the resource at the https:\/\/pub\.dev\/? package repository/i;
const PUB_AUTOMATED = /\bis not allowed to publish, because: (publishing from github is not enabled|[^\n]{0,120})/;

const pubDev = defineProducer({
  id: 'pub-dev', kind: 'saas-api', name: 'pub.dev', family: 'pub',
  own: [body(PUB_PERMISSION), body(/\bdart pub token add https:\/\/pub\.dev\b|dart\.dev\/go\/publishing-from-github/)],
  causes: [
    rule('insufficient-permissions', 0.92, any(body(PUB_PERMISSION), body(PUB_AUTOMATED)), {
      blocks: true, why: 'pub.dev knows the signed-in account (or the CI identity) but it is not an uploader of this package or an admin of its verified publisher — the name may already belong to another (even discontinued) package — or automated publishing from this repository/tag pattern is not enabled in the package\'s admin page',
      fix: 'Have an uploader or publisher admin invite this account (or enable publishing from GitHub Actions for this repository and tag pattern), or choose a package name that is free.',
    }),
  ],
  checklist: { auth: 'Check dart pub publish signs in as an uploader of the package (or that automated publishing is enabled for this repository).' },
});

/** Package registries, app-store and push platforms, maps, weather and open-data APIs. */
export const REGISTRY_PLATFORM_PRODUCERS: Producer[] = [appleApns, appStoreConnectApi, tmdbApi, lastfmApi, osmfServices, overpassApi, gradlePluginPortal, pubDev];
