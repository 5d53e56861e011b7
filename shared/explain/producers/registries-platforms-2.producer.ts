import { all, any, body, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * AccuWeather APIs (dataservice.accuweather.com): a PascalCase `{"Code":"…","Message":"…","Reference":"/<path>?…"}`
 * (developer.accuweather.com HTTP status codes): 401 Unauthorized "Api Authorization failed", 503 ServiceUnavailable
 * "The allowed number of requests has been exceeded" (the daily call allowance), 403 for a package without the
 * endpoint; Home Assistant's client relays the message. Sources: home-assistant/core#61812,
 * WangDaYeeeeee/GeometricWeather#303, home-assistant/core#42166.
 */
const AW_ENVELOPE = /['"]Code['"]\s*:\s*['"](Unauthorized|ServiceUnavailable|PermissionDenied|Forbidden|BadRequest)['"]\s*,\s*['"]Message['"]\s*:/;
const AW_REFERENCE = /['"]Reference['"]\s*:\s*['"]\/(locations|currentconditions|forecasts|airquality|indices|alerts|alarms|imagery|tropical|translations)\/v\d/;
const AW_EXCEEDED = /The allowed number of requests has been exceeded/;

const accuweatherApi = defineProducer({
  id: 'accuweather-api', kind: 'saas-api', name: 'AccuWeather API', family: 'accuweather',
  own: [all(body(AW_ENVELOPE), body(AW_REFERENCE)), body(/\bdataservice\.accuweather\.com\b/), body(/\b(components\.accuweather|accuweather\.exceptions)\b[^\n]{0,80}/)],
  bodyOnly: [body(/Error fetching accuweather data: /i)],
  causes: [
    rule('invalid-credentials', 0.92, all(body(/Api Authorization failed/), any(body(AW_ENVELOPE), body(AW_REFERENCE))), {
      blocks: true, why: 'AccuWeather does not accept the apikey (401 "Api Authorization failed"): mistyped, not yet active, the app deleted, or a key of another package or API version (a key of the new developer portal on the old host, or the reverse)',
      fix: 'Copy the key from your app in the AccuWeather developer portal and test it on the portal\'s own API page; if that fails too, create a new app (new keys sometimes work only after a while).',
    }),
    rule('rate-limited', 0.92, all(body(AW_EXCEEDED), any(body(AW_ENVELOPE), body(/accuweather/i))), {
      blocks: true, why: 'the key\'s daily call allowance is used up (503 ServiceUnavailable "The allowed number of requests has been exceeded"; the free tier allows 50 calls a day)',
      fix: 'Wait for the daily reset, cache results (each restart of an integration spends calls), or move to a paid package.',
    }),
    rule('account-or-plan-restriction', 0.8, all(body(/['"]Code['"]\s*:\s*['"](PermissionDenied|Forbidden)['"]/), body(AW_REFERENCE)), {
      blocks: true, why: 'the AccuWeather package of this key does not include this endpoint (403)',
      fix: 'Use an endpoint of your package or upgrade the package.',
    }),
  ],
  checklist: { auth: 'Check the apikey on the AccuWeather portal\'s API page and the package\'s daily allowance.' },
});

/**
 * US Census Bureau Data API (api.census.gov/data): its "Invalid Key" / "Missing Key" HTML pages (HTTP 200 after a
 * redirect: "A valid key must be included with each data API request. You included a key with this request, however,
 * it is not valid."), the X-DataWebAPI-KeyError header, and clients' sentences pointing at
 * api.census.gov/data/key_signup.html (tidycensus, census, censusdis). Sources: censusdis/censusdis#319,
 * walkerke/tidycensus#237, npr99/intersect-community-data#135.
 */
const CENSUS_PAGE = /A valid (<em>)?key(<\/em>)? must be included with each data API request/;
const CENSUS_LINKS = /api\.census\.gov\/data\/(key_signup|invalid_key|missing_key)\.html/;

const censusDataApi = defineProducer({
  id: 'census-data-api', kind: 'saas-api', name: 'US Census Bureau Data API', family: 'census',
  own: [body(CENSUS_PAGE), body(CENSUS_LINKS), hdr('x-datawebapi-keyerror')],
  causes: [
    rule('invalid-credentials', 0.93, any(body(/You included a key with this request, however, it is not valid/), body(/supplied an invalid or inactive API key/), all(body(CENSUS_LINKS), body(/invalid_key\.html/))), {
      blocks: true, why: 'the Census Data API does not accept the key: mistyped, or never activated (the link in the sign-up e-mail must be clicked within 48 hours); it answers with an HTML page, often as HTTP 200, instead of JSON',
      fix: 'Activate the key from its e-mail (or request a new one at api.census.gov/data/key_signup.html) and send it as &key=.',
    }),
    rule('missing-credentials', 0.9, any(body(/<h1>Missing Key<\/h1>|missing_key\.html/), all(body(CENSUS_PAGE), body(/did not include a key|no key/i))), {
      blocks: true, why: 'the request carried no key: since May 2026 the Census Data API requires one on every query and redirects keyless calls to its Missing Key page',
      fix: 'Request a free key at api.census.gov/data/key_signup.html, activate it, and add &key= to every query.',
    }),
  ],
  checklist: { auth: 'Check the key is activated and sent as &key= on every Census Data API query.' },
});

/**
 * Hex.pm, Elixir/Erlang's package registry: its API's `{"status":403,"message":"… not authorized for this action"}`
 * as mix ("Publishing failed"), rebar3 and Gleam's hexpm client print it: the account is not an owner of the package,
 * or the key lacks the api:write permission. Sources: hexpm/hex#923, dwyl/learn-elixir#236, gleam-lang/gleam#810,
 * hexpm/hex#565.
 */
const HEX_NOT_AUTH = /\b(this )?(account|key) (is )?not authorized for this action\b/;
const HEX_CLIENT = /\bPublishing failed\b|\bHex API failure\b|\berror from the Hex client library\b|\bmix hex\.\w+|\brebar3 hex\b/;

const hexPm = defineProducer({
  id: 'hex-pm', kind: 'saas-api', name: 'Hex.pm', family: 'hexpm',
  own: [all(body(HEX_NOT_AUTH), body(HEX_CLIENT))],
  bodyOnly: [all(body(HEX_NOT_AUTH), body(/\bhex(\.pm|pm)?\b/i))],
  causes: [
    rule('insufficient-permissions', 0.92, body(HEX_NOT_AUTH), {
      blocks: true, why: 'Hex.pm knows the caller but refuses the action: the account is not an owner of the package (another user published it, or the package name differs from the app name), or the API key lacks api:write (a read-only or organization key)',
      fix: 'Publish as an owner (mix hex.owner list / add), check the package name, or use a key with api:write (HEX_API_KEY); 2FA may be required for publishing.',
    }),
  ],
  checklist: { auth: 'Check the package\'s owners on hex.pm and the key\'s permissions (api:write to publish).' },
});

/**
 * CocoaPods Trunk (trunk.cocoapods.org), the pod registry's push service, as `pod trunk` prints its refusals after
 * `[!]`: a session token it does not accept ("Authentication token is invalid or unverified. Either verify it with the
 * email that was sent or register a new session.") and a pod the account does not own ("You [(<email>)] are not
 * allowed to push new versions for this pod[. The owners of this pod are …]"). Sources: CocoaPods/Specs#13272,
 * CocoaPods/trunk.cocoapods.org#308, CocoaPods/CocoaPods#4850, CocoaPods/cocoapods-trunk#117.
 */
const TRUNK_TOKEN = /Authentication token is invalid or unverified\.\s+Either verify it with the email that was sent or register a new session/;
const TRUNK_OWNER = /\bare not allowed to push new versions for this pod\b/;

const cocoapodsTrunk = defineProducer({
  id: 'cocoapods-trunk', kind: 'saas-api', name: 'CocoaPods Trunk', family: 'cocoapods',
  own: [body(TRUNK_TOKEN), body(TRUNK_OWNER), body(/\btrunk\.cocoapods\.org\/(api\/v1|claims)\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(TRUNK_TOKEN), {
      blocks: true, why: 'CocoaPods Trunk does not accept the session token: never verified (the e-mail link was not clicked), expired, or revoked — all sessions were reset after the 2021 trunk incident',
      fix: 'Run pod trunk register <email> \'<name>\', click the link in the e-mail, then use the new token (pod trunk me --verbose shows it; CI reads COCOAPODS_TRUNK_TOKEN).',
    }),
    rule('insufficient-permissions', 0.92, body(TRUNK_OWNER), {
      blocks: true, why: 'the Trunk account is known but is not an owner of this pod: another e-mail registered it (the podspec\'s author e-mail does not matter), or the pod was never claimed',
      fix: 'Register the session with an owner\'s e-mail, ask an owner to run pod trunk add-owner <pod> <email>, or claim the pod at trunk.cocoapods.org/claims/new.',
    }),
  ],
  checklist: { auth: 'Check pod trunk me: the session\'s e-mail, its verification, and the pods it owns.' },
});

/**
 * Private Packagist (packagist.com, repo.packagist.com), Composer's hosted private registry: its warning block
 * relayed by Composer ("Warning from repo.packagist.com: … AUTHENTICATION FAILURE / Username and authentication token
 * required, see https://packagist.com/profile/auth - this is not your regular password") and Composer's own sentences
 * naming its host ("The 'https://repo.packagist.com/<org>/…' URL required authentication (HTTP 401)", "could not be
 * accessed (HTTP 403)"), also wrapped by the console width. Sources: craftcms/cms#7503, yireo/magento2-replace-tools#13.
 */
const PP_WARNING = /Warning from repo\.packagist\.com\b|packagist\.com\/profile\/auth\b/;
const PP_COMPOSER = /The '?https?:\/\/repo\.packagist\.com\/[^'\s]{0,200}'? URL (require\s*d authentication|could not be accessed \(HTTP 40[13]\))/;

const privatePackagist = defineProducer({
  id: 'private-packagist', kind: 'saas-api', name: 'Private Packagist', family: 'packagist',
  own: [body(PP_WARNING), body(PP_COMPOSER)],
  causes: [
    rule('missing-credentials', 0.9, any(body(/AUTHENTICATION FAILURE\s+Username and authentication token required/), all(body(PP_COMPOSER), body(/require\s*d authentication/))), {
      blocks: true, why: 'Private Packagist got no usable credentials: Composer sent no http-basic entry for repo.packagist.com (auth.json missing, unread in this environment or CI, or COMPOSER_AUTH unset), or a password was used instead of an authentication token',
      fix: 'Add the token: composer config --global --auth http-basic.repo.packagist.com token <token> (or COMPOSER_AUTH in CI); the username is "token" or your username and the password is the token from packagist.com, not your account password.',
    }),
    rule('insufficient-permissions', 0.8, all(body(PP_COMPOSER), body(/\(HTTP 403\)/)), {
      blocks: true, why: 'Private Packagist knows the token but it does not grant this package or subrepository (a token limited to some packages, or a subrepository it is not in)',
      fix: 'Grant the token (or its team) access to the package/subrepository on packagist.com, or use a token that has it.',
    }),
  ],
  checklist: { auth: 'Check the http-basic entry for repo.packagist.com that Composer reads in this environment (auth.json or COMPOSER_AUTH).' },
});

/**
 * Open-Meteo (api.open-meteo.com, archive-api…): its free tier's per-IP limits answered as HTTP 429 with
 * `{"error":true,"reason":"<Minutely|Hourly|Daily|Monthly> API request limit exceeded. Please try again …"}` or "Too many
 * concurrent requests" (one request at a time per IP, a queue of six); the Python SDK raises OpenMeteoRequestsError.
 * Sources: open-meteo/open-meteo#832, open-meteo/open-meteo#854, open-meteo/open-meteo#1495, open-meteo/open-meteo#1493.
 */
const OM_LIMIT = /\b(Minutely|Hourly|Daily|Monthly) API request limit exceeded\. Please try again (in one minute|in one hour|tomorrow|next month)\b/;
const OM_SDK = /\bOpenMeteoRequestsError\b/;

const openMeteoApi = defineProducer({
  id: 'open-meteo-api', kind: 'saas-api', name: 'Open-Meteo API', family: 'open-meteo',
  own: [body(OM_LIMIT), body(OM_SDK), all(body(/['"]?reason['"]?\s*:\s*['"]Too many concurrent requests['"]/), body(/['"]?error['"]?\s*:\s*[Tt]rue\b/))],
  causes: [
    rule('rate-limited', 0.93, any(body(OM_LIMIT), body(/\bToo many concurrent requests?\b/i)), {
      blocks: true, why: 'Open-Meteo\'s free tier limited this IP (429): its minutely, hourly, daily or monthly call allowance (expensive calls — many variables, long ranges, many locations — count as several), or more than one request at a time; an IP shared with others (a cloud host, Cloudflare Pages, a NAT) shares the allowance',
      fix: 'Wait as the reason says, send requests one at a time, fetch fewer variables or locations per call, or use an API key from a paid plan (customer-api.open-meteo.com) for a quota of your own.',
    }),
  ],
  checklist: { server: 'Check whether the IP you call from is shared and how many calls each request counts as (open-meteo.com/en/pricing).' },
});

/**
 * OpenCage Geocoding API (api.opencagedata.com): every answer, success or refusal, carries its envelope — "thanks":
 * "For using an OpenCage … API", "documentation":"https://opencagedata.com/api", "licenses", "rate":{limit,remaining,
 * reset} — and a "status":{"code","message"} whose codes are documented (opencagedata.com/api#codes): 401/403 invalid
 * or disabled key, 402 quota exceeded (payment required), 403 IP address rejected, 429 too many requests.
 * Sources: alexreisner/geocoder test fixtures (recorded responses), OpenCageData/python-opencage-geocoder#13,
 * owntracks/recorder#453.
 */
const OC_MARK = /For using an OpenCage (Data |Geocoding |Geocoder )?API|\bopencagedata\.com\/(api|credits)\b/;
const ocStatus = (codes: string, words: string) => new RegExp(`['"]status['"]\\s*:\\s*\\{\\s*['"]code['"]\\s*:\\s*(${codes})\\s*,\\s*['"]message['"]\\s*:\\s*['"](${words})`, 'i');
/** Its envelope without the marks (a fragment): the rate object beside the status object. */
const OC_SHAPE = all(body(/['"]rate['"]\s*:\s*\{\s*['"]limit['"]\s*:\s*\d+\s*,\s*['"]remaining['"]\s*:/), body(/['"]status['"]\s*:\s*\{\s*['"]code['"]\s*:\s*\d{3}\s*,\s*['"]message['"]/));

const opencageApi = defineProducer({
  id: 'opencage-api', kind: 'saas-api', name: 'OpenCage Geocoding API', family: 'opencage',
  own: [body(OC_MARK)],
  bodyOnly: [OC_SHAPE],
  causes: [
    rule('invalid-credentials', 0.92, body(ocStatus('401|403', 'invalid API key|missing API key')), {
      blocks: true, why: 'OpenCage does not accept the key (status 401/403 "invalid API key"): mistyped, deleted, or sent under another parameter name than key=',
      fix: 'Copy the key from the OpenCage dashboard and send it as key=<key>; check it is not a key of another OpenCage product.',
    }),
    rule('account-or-plan-restriction', 0.9, any(body(ocStatus('402', 'quota exceeded')), body(ocStatus('403', 'disabled|suspended'))), {
      blocks: true, why: 'the key\'s OpenCage quota is used up (402 "quota exceeded": the free trial\'s daily requests, or a prepaid plan\'s) or the account was disabled; it resets at midnight UTC for daily quotas',
      fix: 'Wait for the reset shown in rate.reset, or buy a plan or top up; keep the free trial for testing only.',
    }),
    rule('ip-or-geo-blocked', 0.85, body(ocStatus('403', 'IP address rejected')), {
      blocks: true, why: 'the key has an IP allow-list in the OpenCage dashboard and this caller\'s IP is not on it',
      fix: 'Add the egress IP to the key\'s allowed IPs in the dashboard, or call from an allowed server.',
    }),
    rule('rate-limited', 0.9, body(ocStatus('429', 'too many requests[^\'"]{0,40}')), {
      blocks: true, why: 'OpenCage rate-limited the key (429): more requests per second than the plan allows',
      fix: 'Slow down to the plan\'s requests per second and retry with back-off.',
    }),
    rule('none', 0.5, all(body(OC_MARK), body(/['"]status['"]\s*:\s*\{\s*['"]code['"]\s*:\s*200\b|['"]rate['"]\s*:\s*\{\s*['"]limit['"]\s*:\s*\d+\s*,\s*['"]remaining['"]\s*:\s*[1-9]/)), { template: true, why: 'OpenCage answered (status 200, requests remaining)' }),
  ],
  checklist: { auth: 'Check the key, its quota (rate.remaining) and its IP allow-list in the OpenCage dashboard.' },
});

/** Package registries, app platforms, maps, weather and open-data APIs, continued (the first file is full). */
export const REGISTRY_PLATFORM_PRODUCERS_2: Producer[] = [accuweatherApi, censusDataApi, hexPm, cocoapodsTrunk, privatePackagist, openMeteoApi, opencageApi];
