import { all, any, body, hdr, not, status } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * DeepL API: 403 `{"message":"Authorization failure, check auth_key"}` (older: 'Authorization failed. Please supply
 * a valid auth_key parameter.'), 456 `{"message":"Quota Exceeded"}` (its own status), and its SDKs' exceptions
 * (deepl-python deepl.exceptions.*, deepl-php DeepL\…Exception, deepl-rb DeepL::Exceptions::…, .NET DeepL.…).
 * Sources: DeepL/deepl-python#23, DeepL/deepl-php#53, T3aHat/DeepLopener_PRO#2,
 * immersive-translate/immersive-translate#2394, windingwind/zotero-pdf-translate#346,
 * thieleundklose/tk-typo3-autotranslate#125.
 */
const DEEPL_SDK = /\bdeepl\.exceptions\.\w+Exception\b|\bDeepL\\{1,2}\w*Exception\b|\bDeepL::Exceptions::\w+|\bDeepL\.(Authorization|QuotaExceeded|TooManyRequests|DeepL)Exception\b/;
const DEEPL_HOST = /\bapi(-free)?\.deepl\.com\/v[12]\/|\bdevelopers\.deepl\.com\/docs\b/;
const DEEPL_AUTH = /Authorization fail(ure|ed)[.,]\s{0,3}(check auth_key|check authentication key|Please supply a valid (auth_key|authentication key))/;
const DEEPL_NOT_API = /This account is not allowed to access the API/;
const DEEPL_QUOTA = /Quota (Exceeded|exceeded)|QuotaExceededException|\bQuotaExceeded\b/;

const deeplApi = defineProducer({
  id: 'deepl-api', kind: 'saas-api', name: 'DeepL API', family: 'deepl',
  own: [body(DEEPL_SDK), body(DEEPL_HOST)],
  bodyOnly: [body(DEEPL_AUTH), all(status(456), body(DEEPL_QUOTA))],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(DEEPL_NOT_API), {
      blocks: true, why: 'the key belongs to a DeepL account without an API subscription (a DeepL Pro "Starter/Advanced" plan, or its CAT-tool key): DeepL refuses it with 403 even though the key itself exists',
      fix: 'Create a key under DeepL API (API Free or API Pro) in the DeepL account, or subscribe to an API plan; the CAT-tool key of DeepL Pro does not open the API.',
    }),
    rule('account-or-plan-restriction', 0.94, any(status(456), body(DEEPL_QUOTA)), {
      blocks: true, why: 'the DeepL API character quota of the billing period is used up (HTTP 456 Quota Exceeded; API Free allows 500,000 characters a month) or the cost control limit of an API Pro account was reached',
      fix: 'Wait for the next billing period, raise the cost control limit, or upgrade to API Pro; check the usage with GET /v2/usage.',
    }),
    rule('invalid-credentials', 0.93, all(any(body(DEEPL_AUTH), body(/\bAuthorization(Exception|Failed)\b/)), not(body(DEEPL_NOT_API))), {
      blocks: true, why: 'DeepL does not accept the authentication key: mistyped, deactivated, or sent to the wrong endpoint (API Free keys end in ":fx" and work only on api-free.deepl.com, Pro keys only on api.deepl.com); since 2023 it must go in the Authorization: DeepL-Auth-Key header, not as auth_key',
      fix: 'Send "Authorization: DeepL-Auth-Key <key>" to the host that matches the key (api-free.deepl.com for keys ending in :fx), and copy the key again from the API Keys tab of the DeepL account.',
    }),
  ],
  checklist: { auth: 'Check the key\'s kind (":fx" = API Free → api-free.deepl.com), the DeepL-Auth-Key header and that the account has an API subscription.', server: 'Check the character usage (GET /v2/usage) and the cost control limit.' },
});

/**
 * Baidu Translate (fanyi-api.baidu.com, api.fanyi.baidu.com/doc/21): HTTP 200 with `{"error_code":"54001",
 * "error_msg":"Invalid Sign"}`, its five-digit codes beside their fixed messages (52003 UNAUTHORIZED USER, 54003
 * Invalid Access Limit, 54004 balance, 58000 INVALID_CLIENT_IP, 58002 service closed), as plugins log them.
 * Sources: SvenZhao/var-translation#53, MashiroSaber03/Saber-Translator#116,
 * fjqingyou/PotPlayer_Subtitle_Translate_Baidu#21.
 */
const BDT_CODE = /\b(5200[13]|5400[0-5]|5800[0-2]|90107)\b/;
/** the code and its message side by side: in the JSON, or as a plugin's 'error: 54001, error_msg=Invalid Sign' line */
const BDT_PAIR = /\b(5200[13]|5400[0-5]|5800[0-2]|90107)['"]?[,)\s:：]{1,6}(['"]?error_msg['"]?\s{0,2}[:=]\s{0,2}['"]?)?(Invalid Sign|UNAUTHORIZED USER|Invalid Access Limit|INVALID_CLIENT_IP|Insufficient balance|TRANSLATE_SERVICE_CLOSED)\b/;

const baiduTranslateApi = defineProducer({
  id: 'baidu-translate-api', kind: 'saas-api', name: 'Baidu Translate API (fanyi-api)', family: 'baidu',
  own: [body(BDT_PAIR), body(/\b(fanyi-api|api\.fanyi)\.baidu\.com\b/), all(body(/百度翻译/), body(BDT_CODE))],
  causes: [
    rule('signature-or-clock-skew', 0.93, all(body(/\b54001\b/), body(/Invalid Sign/)), {
      blocks: true, why: 'Baidu Translate rejected the sign (54001): sign must be md5(appid + q + salt + secret key) over the raw, UTF-8 query before URL-encoding; a wrong secret key, stray spaces in it, or a q encoded twice all give this, sent as HTTP 200',
      fix: 'Copy the APP ID and secret key again from fanyi-api.baidu.com (no spaces or line breaks), build sign from the unencoded UTF-8 text, and URL-encode q only when sending.',
    }),
    rule('invalid-credentials', 0.92, all(body(/\b52003\b/), body(/UNAUTHORIZED USER/)), {
      blocks: true, why: 'Baidu Translate does not know the appid, or the general translation service is not activated for it (52003 UNAUTHORIZED USER)',
      fix: 'Check the APP ID on fanyi-api.baidu.com and activate the general text translation service for it.',
    }),
    rule('ip-or-geo-blocked', 0.93, all(body(/\b58000\b/), body(/INVALID_CLIENT_IP/)), {
      blocks: true, why: 'the calling IP is not in the server IP list set for this Baidu Translate app (58000)',
      fix: 'Add the server\'s public egress IP to the app\'s IP list on fanyi-api.baidu.com, or clear the list.',
    }),
    rule('rate-limited', 0.92, all(body(/\b54003\b/), body(/Invalid Access Limit/)), {
      blocks: true, why: 'more queries per second than the Baidu Translate plan allows (54003; the standard tier allows one)',
      fix: 'Send one request per second (or what the plan allows), or verify the account for the higher tier.',
    }),
    rule('account-or-plan-restriction', 0.92, any(all(body(/\b54004\b/), body(/Insufficient balance/)), body(/\b5800[2]\b[^\n]{0,20}TRANSLATE_SERVICE_CLOSED|\b90107\b/)), {
      blocks: true, why: 'the Baidu Translate account has no balance left for paid characters, or the service is closed / the account not verified',
      fix: 'Top up or re-open the service on fanyi-api.baidu.com (and complete the identity verification it asks for).',
    }),
  ],
  checklist: { auth: 'Check the APP ID, the secret key and how sign is built (md5 of appid+q+salt+key).', server: 'Check the app\'s IP list, QPS tier and balance on fanyi-api.baidu.com.' },
});

/**
 * LibreTranslate (self-hosted or libretranslate.com): `{"error":"…"}` with its own sentences when a server runs with
 * --api-keys — 'You need to set an API key to translate on this server.', 'Please contact the server operator to
 * obtain/get an API key', 'Visit https://portal.libretranslate.com to get an API key', 'Invalid API key', and its
 * limiter's 'Slowdown: N per 1 minute' / 'Too many request limits violations'. Sources: LibreTranslate/LibreTranslate#85,
 * franciscop/translate#26 (and LibreTranslate's app.py).
 */
const LT_NEED_KEY = /You need to set an API key to translate on this server|Please contact the server operator to (obtain|get) an API key|Visit https:\/\/portal\.libretranslate\.com to get an API key/;

const libreTranslate = defineProducer({
  id: 'libretranslate', kind: 'saas-api', name: 'LibreTranslate', family: 'libretranslate',
  own: [body(/\bportal\.libretranslate\.com\b/), body(/\bLibreTranslate(Error|Exception)\b/)],
  bodyOnly: [body(LT_NEED_KEY), body(/Too many request limits violations/)],
  causes: [
    rule('missing-credentials', 0.93, body(LT_NEED_KEY), {
      blocks: true, why: 'this LibreTranslate server runs with API keys required (libretranslate.com always does) and the request carried none (api_key form field or JSON key)',
      fix: 'Send an api_key with each request (buy one at portal.libretranslate.com for libretranslate.com, or ask the server\'s operator), or use an instance that does not require keys, or host your own.',
    }),
    rule('invalid-credentials', 0.9, body(/\bInvalid API key\b/), {
      why: 'the LibreTranslate server does not know this api_key (not in its keys database, or a key of another instance)',
      fix: 'Use a key issued by this instance (ltmanage keys on self-hosted servers, portal.libretranslate.com for libretranslate.com).',
    }),
    rule('rate-limited', 0.92, body(/Slowdown: \d+ per \d* ?(minute|day)|Too many request limits violations/), {
      blocks: true, why: 'LibreTranslate\'s limiter refused the request: over the per-minute request limit of the key or IP, or banned for a while after repeated violations',
      fix: 'Slow down to the instance\'s limit, or use an API key with a higher limit.',
    }),
  ],
  checklist: { auth: 'Check whether the instance requires an api_key and that the key belongs to it.' },
});

/**
 * OneSignal REST API: `{"errors":["Please include a case-sensitive header of Authorization: Basic
 * <YOUR-REST-API-KEY-HERE> … with a valid REST API key."],"reference":["https://documentation.onesignal.com/docs/
 * accounts-and-keys#…"]}` (sent with 400), newer 'Access denied. Please include an 'Authorization: ...' header
 * with a valid API key'. Sources: DropFan/onesignal-server-api#4, norkunas/onesignal-php-api#169,
 * berkayk/laravel-onesignal#117, OneSignal/onesignal-dotnet-api#73.
 */
const OS_KEY = /Please include a case-sensitive header of Authorization: Basic|Access denied\.\s{1,3}Please include an 'Authorization: \.\.\.' header with a valid API key/;

const oneSignalApi = defineProducer({
  id: 'onesignal-api', kind: 'saas-api', name: 'OneSignal REST API', family: 'onesignal',
  own: [body(/\bdocumentation\.onesignal\.com\/docs\/accounts-and-keys\b/), body(/\bOneSignalRestClient\b/), all(body(/\bonesignal\.com\/api\/v1\//), body(OS_KEY))],
  bodyOnly: [body(OS_KEY)],
  causes: [
    rule('invalid-credentials', 0.92, body(OS_KEY), {
      blocks: true, why: 'OneSignal did not get a valid REST API key for this app (sent as 400 or 403): the key is missing from the Authorization header, belongs to another app, is the User Auth Key, or was rotated; targeting segments or external ids always needs it',
      fix: 'Send "Authorization: Key <REST API key>" (legacy keys: "Basic <key>") with the key of the same app_id (Settings → Keys & IDs), from a server, never from the app.',
    }),
    rule('missing-credentials', 0.6, body(OS_KEY)),
  ],
  checklist: { auth: 'Check the REST API key belongs to the app_id in the request and is sent in the Authorization header.' },
});

/**
 * Bright Data (formerly Luminati) proxy networks and scraping APIs: the super proxy names its own refusals in
 * x-brd-error / x-brd-error-code headers (x-luminati-error on older zones), e.g. 429 'The request was auto-throttled
 * due to low success rate' with sr_rate_limit, and answers wrong zone credentials with 407; clients print its host
 * (brd.superproxy.io, zproxy.lum-superproxy.io). Sources: docs.brightdata.com SERP API debugging page (error headers),
 * projectdiscovery/nuclei#5189, nodejs/undici#3442 (and Scrapoxy's Bright Data transport reading both headers).
 */
const BRD_HOST = /\b(brd\.superproxy\.io|zproxy\.lum-superproxy\.io|zproxy\.luminati\.io)\b|\b(brd|lum)-customer-[\w-]{2,80}-zone-/;

const brightData = defineProducer({
  id: 'bright-data', kind: 'proxy', role: 'forward-proxy', name: 'Bright Data (Luminati) proxy', family: 'brightdata',
  own: [hdr('x-brd-error'), hdr('x-brd-error-code'), hdr('x-brd-err-code'), hdr('x-luminati-error'), hdr('x-luminati-error-code')],
  bodyOnly: [all(status(407, 403, 429, 502), body(BRD_HOST))],
  causes: [
    rule('rate-limited', 0.93, any(hdr('x-brd-error-code', /rate_limit|throttl/), hdr('x-brd-error', /auto-throttled|rate limit/i), all(status(429), body(BRD_HOST))), {
      blocks: true, why: 'Bright Data throttled the zone: too many requests to this target for its success rate (sr_rate_limit, auto-throttled) or over the zone\'s request limit',
      fix: 'Lower the request rate to this domain, check the domain\'s success rate in the Bright Data control panel, and ask support to lift the throttle if needed.',
    }),
    rule('proxy-denied', 0.92, any(status(407), hdr('x-brd-error', /[Aa]uth/), hdr('x-luminati-error', /[Aa]uth/)), {
      why: 'the Bright Data super proxy refused the proxy credentials (407): a wrong zone password or zone name in the username (brd-customer-<id>-zone-<zone>), a disabled zone, or the client sent no Proxy-Authorization on the CONNECT',
      fix: 'Copy the zone\'s username (brd-customer-<id>-zone-<zone>) and password from the Bright Data control panel, check the zone is active, and make sure the client sends them to the proxy (for undici/ProxyAgent, as the token "Basic base64(user:pass)").',
    }),
  ],
  checklist: { gateway: 'Read the x-brd-error / x-brd-error-code headers, and check the zone credentials, its status and its allowed targets.' },
});

/**
 * SerpApi (serpapi.com/search): when the plan's monthly searches are used up it answers 429 (its maintainers confirm),
 * which clients print with the search URL (requests' 'Client Error: Too Many Requests for url: https://serpapi.com/
 * search?…', serpapi.exceptions.HTTPError). Sources: serpapi/serpapi-python#16, Fosowl/agenticSeek#43.
 */
const SERPAPI_URL = /\bserpapi\.com\/search(\.json)?\?/;

const serpApi = defineProducer({
  id: 'serpapi', kind: 'saas-api', name: 'SerpApi', family: 'serpapi',
  own: [body(/\bserpapi\.exceptions\.\w+/), all(status(401, 403, 429), body(SERPAPI_URL))],
  causes: [
    rule('account-or-plan-restriction', 0.92, all(status(429), any(body(SERPAPI_URL), body(/\bserpapi\.exceptions\.\w+/))), {
      why: 'SerpApi answers 429 when the plan\'s searches for the month are used up (not only for too many searches per hour): one request more with no searches left gets it',
      fix: 'Check the remaining searches in the SerpApi dashboard (or GET /account); upgrade the plan or wait for the monthly reset; if searches remain, slow down to the plan\'s hourly throughput.',
    }),
  ],
  checklist: { server: 'Check the searches left this month and the hourly throughput on the SerpApi account.' },
});

/** Messaging, scraping and translation APIs (the second file continues). */
export const COMMS_SCRAPING_PRODUCERS: Producer[] = [deeplApi, baiduTranslateApi, libreTranslate, oneSignalApi, brightData, serpApi];
