import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * OMDb API (omdbapi.com): errors are `{"Response":"False","Error":"…"}` (XML: `<root response="False"><error>…`) with
 * its own sentences — "Invalid API key!", "No API key provided.", "Request limit reached!" (1,000 a day for free
 * keys). Sources: omdbapi/OMDb-API#316, omdbapi/OMDb-API#126, omdbapi/OMDb-API#279, RUG-IDS/Course-2018#2.
 */
/** also as Python 2 prints the parsed JSON ({u'Response': u'False', …}) */
const OMDB_FALSE = /['"]Response['"]\s*:\s*u?['"]False['"]|<root response="False">/;

const omdbApi = defineProducer({
  id: 'omdb-api', kind: 'saas-api', name: 'OMDb API', family: 'omdb',
  own: [all(body(OMDB_FALSE), body(/['"]Error['"]\s*:\s*u?['"]|<error>/))],
  causes: [
    rule('invalid-credentials', 0.93, all(body(OMDB_FALSE), body(/Invalid API key!/)), {
      blocks: true, why: 'OMDb does not accept the API key: mistyped, not yet activated (the e-mail\'s activation link must be opened first), or sent in brackets or under another parameter name',
      fix: 'Open the activation link from the key\'s e-mail, then send the bare 8-character key as apikey= (e.g. https://www.omdbapi.com/?apikey=KEY&t=Title).',
    }),
    rule('missing-credentials', 0.93, all(body(OMDB_FALSE), body(/No API key provided\./)), {
      blocks: true, why: 'no OMDb API key was sent: every request needs one since 2017',
      fix: 'Get a key at omdbapi.com/apikey.aspx and add apikey=KEY to the query string.',
    }),
    rule('rate-limited', 0.93, all(body(OMDB_FALSE), body(/(Daily )?Request limit reached!/)), {
      blocks: true, why: 'the OMDb key used up its daily allowance (1,000 requests a day on a free key; the demo on omdbapi.com uses a shared key that is often exhausted)',
      fix: 'Wait for the daily reset, cache answers, or use a Patreon key with a higher limit; test with your own key, not the site\'s demo.',
    }),
  ],
  checklist: { auth: 'Check the apikey parameter and that the key was activated from its e-mail.' },
});

/**
 * Bungie.net Platform API (Destiny): every answer is `{"ErrorCode":N,"ThrottleSeconds":N,"ErrorStatus":"<Name>",
 * "Message":…,"MessageData":{}}`, refusals among its PlatformErrorCodes (ApiKeyMissingFromRequest 2102,
 * ApiInvalidOrExpiredKey 2101…). Sources: alexanderwe/the-traveler#51, joshhunt/destinyDataExplorer#17,
 * dasilva333/TowerGhostForDestiny#320.
 */
const BUNGIE_ENV = /"ErrorCode"\s*:\s*\d+\s*,\s*"ThrottleSeconds"\s*:\s*\d+\s*,\s*"ErrorStatus"\s*:\s*"\w+"/;
const BUNGIE_KEY_MISSING = /\bApiKeyMissingFromRequest\b|Please add valid X-API-Key header to request\./;
const BUNGIE_KEY_INVALID = /\bApiInvalidOrExpiredKey\b|The given Platform API Key is invalid\./;

const bungieApi = defineProducer({
  id: 'bungie-api', kind: 'saas-api', name: 'Bungie.net Platform API', family: 'bungie',
  own: [body(BUNGIE_ENV), body(/\bBungie API Error \w+ - /)],
  bodyOnly: [body(BUNGIE_KEY_MISSING), all(body(BUNGIE_KEY_INVALID), body(/\b(bungie|Platform API Key)\b/i))],
  causes: [
    rule('missing-credentials', 0.93, body(BUNGIE_KEY_MISSING), {
      blocks: true, why: 'the Bungie.net API needs an application key in the X-API-Key header on every call, and none came (or it was dropped: a redirect from bungie.net or http:// to https://www.bungie.net/ loses headers)',
      fix: 'Send the key from bungie.net/en/Application as X-API-Key, to https://www.bungie.net/Platform/… with www, https and the trailing slash.',
    }),
    rule('invalid-credentials', 0.92, body(BUNGIE_KEY_INVALID), {
      blocks: true, why: 'Bungie does not accept the X-API-Key: mistyped, deleted, or an application\'s key used from an origin it does not allow',
      fix: 'Copy the key again from the application page on bungie.net (or create a new application) and check its allowed origin.',
    }),
  ],
  checklist: { auth: 'Check the X-API-Key header reaches https://www.bungie.net/Platform/… (www, https, trailing slash).' },
});

/**
 * Hypixel public API (api.hypixel.net): errors are `{"success":false,"cause":"…"}` with its own causes ("Invalid API
 * key", "Key Throttle" with "throttle":true), relayed by wrappers such as hypixel-api-reborn ("[hypixel-api-reborn]
 * Invalid API Key!"). Sources: HypixelDev/PublicAPI#527, Solar-Tweaks/SolarStats-Old#22, HypixelDev/PublicAPI#354.
 */
const HYPIXEL_ENV = /"success"\s*:\s*false\s*,\s*"cause"\s*:\s*"(Invalid API key|Key Throttle|Too many invalid API keys|Missing one or more fields)/;
const HYPIXEL_WRAP = /\[hypixel-api-reborn\] (Invalid API Key|Key Throttle|Rate ?limit)|node_modules[\\/]hypixel-api-reborn[\\/]src[\\/]/i;

const hypixelApi = defineProducer({
  id: 'hypixel-api', kind: 'saas-api', name: 'Hypixel API', family: 'hypixel',
  own: [body(HYPIXEL_ENV), body(HYPIXEL_WRAP)],
  causes: [
    rule('rate-limited', 0.93, any(body(/"cause"\s*:\s*"Key Throttle"/), body(/"throttle"\s*:\s*true/), body(/\[hypixel-api-reborn\] (Key Throttle|Rate ?limit)/i)), {
      blocks: true, why: 'the Hypixel API key went over its request limit (per five minutes; the RateLimit-Remaining and RateLimit-Reset headers show the window)',
      fix: 'Slow down to the key\'s limit and wait for RateLimit-Reset; cache player data, and do not spread load over several keys (that gets them revoked).',
    }),
    rule('invalid-credentials', 0.92, any(body(/"cause"\s*:\s*"(Invalid API key|Too many invalid API keys)"/), body(/\[hypixel-api-reborn\] Invalid API Key/i)), {
      blocks: true, why: 'Hypixel does not accept the API key: mistyped, expired (development keys last a few days) or revoked for abuse; after many invalid keys the IP itself is refused for a while',
      fix: 'Create or renew the key on developer.hypixel.net and send it as the API-Key header; stop retrying with the old key.',
    }),
  ],
  checklist: { auth: 'Check the API-Key on developer.hypixel.net (development keys expire).' },
});

/**
 * Elsevier APIs (api.elsevier.com: Scopus, ScienceDirect): errors are `{"service-error":{"status":{"statusCode":
 * "AUTHORIZATION_ERROR","statusText":…}}}`; clients relay them (pybliometrics' Scopus401Error, rscopus's printed list,
 * elsapy's HTTPError). A key outside a subscribing institution's network gets only the STANDARD view. Sources:
 * muschellij2/rscopus#9, pybliometrics-dev/pybliometrics#181, ElsevierDev/elsapy#23.
 */
const ELS_ENV = /["`]service-error["`]/;
const ELS_VIEW = /The requestor is not authorized to access the requested view or fields of the resource/;

const elsevierApi = defineProducer({
  id: 'elsevier-api', kind: 'saas-api', name: 'Elsevier API (Scopus, ScienceDirect)', family: 'elsevier',
  own: [all(body(ELS_ENV), body(/\b(AUTHORIZATION_ERROR|AUTHENTICATION_ERROR|QUOTA_EXCEEDED|RESOURCE_NOT_FOUND|INVALID_INPUT)\b/)), body(/\bpybliometrics\.scopus\.exception\.Scopus\d{3}Error\b|\bScopus(401|403|429)Error\b/)],
  bodyOnly: [body(ELS_VIEW)],
  causes: [
    rule('account-or-plan-restriction', 0.92, any(body(ELS_VIEW), all(body(ELS_ENV), body(/\bAUTHORIZATION_ERROR\b/))), {
      blocks: true, why: 'the Elsevier key is valid but not entitled to this view or API: full views (COMPLETE, ENHANCED, author and citation data) need a subscriber, recognised by the institution\'s IP range or an insttoken; off campus a key gets the STANDARD view only',
      fix: 'Call from the institution\'s network or VPN (or send X-ELS-Insttoken), ask for view=STANDARD, or ask the library for API access; api_key_settings on dev.elsevier.com lists what a key may use.',
    }),
    rule('insufficient-permissions', 0.6, body(ELS_VIEW)),
  ],
  checklist: { auth: 'Check the key\'s entitlements on dev.elsevier.com and whether the request comes from a subscribing network.' },
});

/**
 * NCBI E-utilities (eutils.ncbi.nlm.nih.gov): over 3 requests a second without a key (10 with api_key) it answers
 * 429 `{"error":"API rate limit exceeded","api-key":"<ip or key>","count":"N","limit":"3"}`. Sources:
 * biocommons/bioutils#16, MVesuviusC/primerTree#33.
 */
const NCBI_RATE = /"error"\s*:\s*"API rate limit exceeded"\s*,\s*"api-key"\s*:\s*"/;

const ncbiEutils = defineProducer({
  id: 'ncbi-eutils', kind: 'saas-api', name: 'NCBI E-utilities', family: 'ncbi',
  own: [body(NCBI_RATE)],
  causes: [
    rule('rate-limited', 0.95, body(NCBI_RATE), {
      blocks: true, why: 'NCBI E-utilities limits each IP to 3 requests a second without an API key and 10 with one; the count in the answer is how many came in that second',
      fix: 'Send api_key= (from your NCBI account settings) for 10 a second, pace requests below the limit, and retry 429s after a pause; bulk jobs run best off-peak.',
    }),
  ],
  checklist: { auth: 'Check api_key is sent (and tool/email), and the request rate per IP.' },
});

/**
 * Flickr API (api.flickr.com/services/rest): errors are `{"stat":"fail","code":N,"message":…}` (XML: `<rsp stat="fail">
 * <err code=… msg=…/>`), code 100 "Invalid API Key (Key has invalid format|Key not found)"; clients relay them
 * (Flickr4Java's FlickrException "100: …", flickrapi's FlickrError, FlickRaw::FailedResponse). Sources:
 * iatek/jquery-socialist#13, alexis-mignon/python-flickr-api#8, boncey/Flickr4Java#94, hanklords/flickraw#15.
 */
const FLICKR_KEY = /Invalid API Key \(Key (has invalid format|not found)\)/;
const FLICKR_SDK = /\bcom\.flickr4java\.flickr\.FlickrException\b|\bflickrapi\.exceptions\.FlickrError\b|\bFlickRaw::FailedResponse\b/;

const flickrApi = defineProducer({
  id: 'flickr-api', kind: 'saas-api', name: 'Flickr API', family: 'flickr',
  own: [all(body(/<rsp stat="fail">/), body(/<err code="\d+" msg="/)), all(body(/"stat"\s*:\s*"fail"/), body(FLICKR_KEY)), body(FLICKR_SDK)],
  bodyOnly: [body(FLICKR_KEY)],
  causes: [
    rule('invalid-credentials', 0.93, body(FLICKR_KEY), {
      blocks: true, why: 'Flickr does not accept the API key: missing, mistyped (the secret sent as the key), or deleted; for calls that need a user, the OAuth token must also be set',
      fix: 'Send the app\'s key from flickr.com/services/apps as api_key (and sign authenticated calls with its secret and the user\'s OAuth token).',
    }),
  ],
  checklist: { auth: 'Check api_key (not the secret) and, for write calls, the OAuth token and its permissions.' },
});

/**
 * Semantic Scholar Academic Graph API (api.semanticscholar.org): keyless callers share one rate pool and get 429
 * `{"message": "Too Many Requests. Please wait and try again or apply for a key for higher rate limits.
 * https://www.semanticscholar.org/product/api#api-key-form", "code": "429"}`. Sources: SakanaAI/AI-Scientist#84,
 * SakanaAI/AI-Scientist#18, WenyanLiu/CCFrank4dblp#86.
 */
const S2_RATE = /Please wait and try again or apply for a key for higher rate limits|semanticscholar\.org\/product\/api#api-key-form/;

const semanticScholarApi = defineProducer({
  id: 'semantic-scholar-api', kind: 'saas-api', name: 'Semantic Scholar API', family: 'semantic-scholar',
  own: [body(S2_RATE)],
  causes: [
    rule('rate-limited', 0.94, body(S2_RATE), {
      blocks: true, why: 'Semantic Scholar\'s rate limit fired: requests without an API key share one pool for everyone (it is often exhausted whatever your own rate), and a key has its own limit (1 request per second to start)',
      fix: 'Back off exponentially and retry, send an API key as x-api-key (apply at semanticscholar.org/product/api), keep to its rate, and batch lookups with /paper/batch.',
    }),
  ],
  checklist: { auth: 'Check the x-api-key header is sent; keyless calls share a global pool.' },
});

/**
 * Unsplash API (api.unsplash.com): errors are `{"errors":["…"]}`; a wrong or missing access key (sent as
 * `Authorization: Client-ID <access key>`) or a bad user token reads "OAuth error: The access token is invalid",
 * relayed by unsplash-js and the Ruby gem's Unsplash::UnauthorizedError. Sources:
 * bradtraversy/infinite_scroll_react_unsplash#3, unsplash/unsplash-js#62, osunyorg/admin#1077, PrathmeshSadake/unsplashy#29.
 */
const UNSPLASH_TOKEN = /OAuth error: The access token (is invalid|was revoked|expired)/;

const unsplashApi = defineProducer({
  id: 'unsplash-api', kind: 'saas-api', name: 'Unsplash API', family: 'unsplash',
  own: [body(UNSPLASH_TOKEN), body(/\bUnsplash::(Unauthorized|Forbidden|NotFound)Error\b/)],
  causes: [
    rule('invalid-credentials', 0.92, body(UNSPLASH_TOKEN), {
      blocks: true, why: 'Unsplash does not accept the credential: the access key is missing, mistyped or sent in the wrong form (the Application ID or the secret instead of the Access Key), or a user\'s bearer token is invalid or revoked',
      fix: 'Send the application\'s Access Key as Authorization: Client-ID <access key> (or client_id=) for public calls, and a fresh user token as Authorization: Bearer for user calls.',
    }),
  ],
  checklist: { auth: 'Check the Authorization header carries the Access Key (Client-ID), not the Application ID or secret.' },
});

/** Public-data, media, social and game APIs, continued (the first file is full). */
export const PUBLIC_MEDIA_PRODUCERS_2: Producer[] = [omdbApi, bungieApi, hypixelApi, elsevierApi, ncbiEutils, flickrApi, semanticScholarApi, unsplashApi];
