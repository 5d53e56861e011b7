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

/** Package registries, app platforms, maps, weather and open-data APIs, continued (the first file is full). */
export const REGISTRY_PLATFORM_PRODUCERS_2: Producer[] = [accuweatherApi, censusDataApi, hexPm];
