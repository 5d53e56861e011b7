import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/** A code field (JSON, a Python dict, a Java map's `code=`), its value quoted or not. */
const codeIs = (field: string, codes: string) => new RegExp(`['"]?${field}['"]?\\s*[:=]\\s*['"]?(${codes})\\b`);

/**
 * Binance (spot, futures; Binance.US and .TR share it): its `{"code":-NNNN,"msg":…}` envelope (binance-docs.github.io errors page) as JSON,
 * python-binance's `APIError(code=-2015)` / BinanceAPIException, binance-connector's ClientError, and its 451 geo-refusal citing its terms. Sources:
 * ccxt/ccxt#13426, binance/binance-connector-python#155, sammchardy/python-binance#60, ccxt/php-binance-api#161, daroczig/binancer#34, pyted/pbinance#4.
 */
const BN_CODE = codeIs('code', '-(1021|1022|2008|2014|2015)');
const BN_KEY = /Invalid API-key, IP, or permissions for action|API-key format invalid|Invalid Api-Key ID/;
const BN_CLOCK = /Timestamp for this request (is outside of the recvWindow|was 1000ms ahead of the server's time)|Signature for this request is not valid/;
const BN_GEO = /Service unavailable from a restricted location according to .{1,3}b\.[\s"']{1,16}Eligibility/;
const BN_SDK = /\bBinanceAPIException\b|\bAPIError\(code=-\d{4}\)|\bbinance\.error\.ClientError\b/;

export const binanceApi = defineProducer({
  id: 'binance-api', kind: 'saas-api', name: 'Binance API', family: 'binance',
  own: [body(BN_SDK), body(BN_GEO)],
  // its envelope with one of its codes and its own msg sentences (Bybit's old API once copied -2015's sentence, with ret_code)
  bodyOnly: [all(body(BN_CODE), body(/['"]msg['"]\s*:/), any(body(BN_KEY), body(BN_CLOCK))),
    // its eligibility sentence cut at "according to 'b." (its terms' section 'b. Eligibility'): github.com/pyted/pbinance/issues/4,
    // github.com/daroczig/binancer/issues/34
    body(/Service unavailable from a restricted location according to .{0,2}b\./)],
  causes: [
    rule('ip-or-geo-blocked', 0.96, body(BN_GEO), {
      blocks: true, why: 'Binance refuses every request from a restricted location (451): the caller\'s IP is in a country or region its terms exclude (the United States, Ontario…) — many cloud regions and CI runners are',
      fix: 'Call from a server in an eligible country (or use the local exchange: api.binance.us for US accounts); a new key does not help.',
    }),
    rule('signature-or-clock-skew', 0.94, any(body(BN_CLOCK), body(codeIs('code', '-(1021|1022)'))), {
      blocks: true, why: 'Binance rejected the signed request: its timestamp lies outside recvWindow of Binance\'s clock (-1021, a local clock off by a second or more) or the HMAC signature does not verify (-1022)',
      fix: 'Sync the clock (NTP) or sign with Binance\'s server time (GET /api/v3/time); sign the exact query string sent with the secret of this key.',
    }),
    rule('invalid-credentials', 0.88, any(body(BN_KEY), body(codeIs('code', '-(2008|2014|2015)'))), {
      blocks: true, why: 'Binance refused the key (-2015 means one of three: the key is wrong or deleted — or a testnet/Binance.US key on api.binance.com —, the caller\'s IP is not on the key\'s whitelist, or the key lacks the permission for this endpoint, e.g. trading or futures not enabled)',
      fix: 'Check the key on the API Management page: that it exists on this exchange, its IP restriction includes this IP, and the permission for this endpoint is enabled.',
    }),
    rule('ip-or-geo-blocked', 0.6, any(body(BN_KEY), body(codeIs('code', '-2015')))),
    rule('insufficient-permissions', 0.58, any(body(BN_KEY), body(codeIs('code', '-2015')))),
  ],
  checklist: { auth: 'Check the key, its IP whitelist and its enabled permissions on Binance\'s API Management page.', server: 'Check the local clock against Binance\'s server time.' },
});

/**
 * Bybit: its `{"retCode":N,"retMsg":…,"retExtInfo":{}}` envelope (v5, bybit-exchange.github.io/docs/v5/error) and the older
 * `{"ret_code":N,"ret_msg":…,"ext_code":…,"time_now":…}`; pybit appends `(ErrCode: N)`. Sources: VictorFrWu/bybit-java-api#57, ccxt/ccxt#11671,
 * bybit-exchange/api-connectors#25, bybit-exchange/pybit#191.
 */
const BYBIT_V5 = all(body(/['"]?retCode['"]?\s*[:=]\s*\d+/), body(/['"]?retMsg['"]?\s*[:=]/), body(/['"]?retExtInfo['"]?\s*[:=]/));
const BYBIT_OLD = all(body(/['"]ret_code['"]\s*:\s*['"]?-?\d+/), body(/['"]ret_msg['"]\s*:/), body(/['"](ext_code|time_now)['"]\s*:/));
const BYBIT_CLOCK = /invalid request,\s?please check your (server )?timestamp (or|and) recv_window param/;

export const bybitApi = defineProducer({
  id: 'bybit-api', kind: 'saas-api', name: 'Bybit API', family: 'bybit',
  // Bybit's old API once answered -2015 in Binance's words: its own envelope names it
  overrides: ['binance-api'],
  own: [BYBIT_V5, BYBIT_OLD, body(BYBIT_CLOCK)],
  bodyOnly: [body(/\(ErrCode: 1000\d\)/)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(/API key is invalid\.|\binvalid api_key\b/), body(codeIs('ret_?[cC]ode', '10003'))), {
      blocks: true, why: 'Bybit does not know the API key (10003): mistyped, expired or deleted, or a testnet key sent to the mainnet host (or the reverse; demo trading has its own keys too)', fix: 'Use the key on the host that issued it (api.bybit.com, api-testnet.bybit.com, api-demo.bybit.com) or create a new one.',
    }),
    rule('signature-or-clock-skew', 0.94, any(body(BYBIT_CLOCK), body(codeIs('ret_?[cC]ode', '1000[24]'))), {
      blocks: true, why: 'Bybit rejected the signed request: its timestamp was outside recv_window of Bybit\'s clock (10002, a local clock off or a slow network) or the signature did not verify (10004)', fix: 'Sync the clock (NTP) or use Bybit\'s server time, raise recv_window a little, and sign exactly the parameters sent.',
    }),
  ],
  checklist: { auth: 'Check the key belongs to this environment (mainnet, testnet, demo) and the clock is in sync.' },
});

/**
 * KuCoin: `{"code":"400005","msg":"Invalid KC-API-SIGN"}` — its messages name its KC-API-* headers (docs.kucoin.com request errors). Sources:
 * Kucoin/kucoin-api-docs#466, escwdev/kucoin-node-api#51, sammchardy/python-kucoin#115.
 */
const KC_MSG = /Invalid KC-API-(SIGN|PASSPHRASE|TIMESTAMP|KEY)|KC-API-KEY not exists/;

export const kucoinApi = defineProducer({
  id: 'kucoin-api', kind: 'saas-api', name: 'KuCoin API', family: 'kucoin',
  own: [body(KC_MSG), body(/\bKucoinAPIException\b/)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(/KC-API-KEY not exists|Invalid KC-API-(PASSPHRASE|KEY)/), body(codeIs('code', '40000[34]'))), {
      blocks: true, why: 'KuCoin does not accept the key or its passphrase (400003 key unknown — a sandbox key on the live host, or deleted; 400004 wrong passphrase, or a key-version 2 passphrase sent unsigned)',
      fix: 'Use the live key on api.kucoin.com, send the passphrase the key was created with (HMAC-signed for KC-API-KEY-VERSION 2) and check the key has not been deleted.',
    }),
    rule('signature-or-clock-skew', 0.93, any(body(/Invalid KC-API-(SIGN|TIMESTAMP)/), body(codeIs('code', '40000[25]'))), {
      blocks: true, why: 'KuCoin rejected the signature (400005: the prehash timestamp+method+path+body differs from what was sent, or the wrong secret) or the timestamp (400002: more than 5 seconds off)',
      fix: 'Sign timestamp + method + endpoint (with query) + body exactly as sent, with the key\'s secret, base64 of HMAC-SHA256; sync the clock.',
    }),
  ],
  checklist: { auth: 'Check the key, secret and passphrase triple and KC-API-KEY-VERSION.' },
});

/**
 * OKX (ex-OKEx): `{"msg":…,"code":"501NN"}` auth codes (okx.com/docs-v5 error codes 50100-50119) whose messages name its OK-ACCESS-* headers; EEA
 * and US users have their own hosts. Sources: pyted/okx#1, freqtrade/freqtrade#10967.
 */
const OKX_MSG = /Invalid OK-ACCESS-(KEY|SIGN|PASSPHRASE|TIMESTAMP)/;
const OKX_AUTH = all(body(codeIs('code', '501(0[1-9]|1[0-9])')), body(/['"]msg['"]\s*:/));

export const okxApi = defineProducer({
  id: 'okx-api', kind: 'saas-api', name: 'OKX API', family: 'okx',
  own: [body(OKX_MSG)],
  bodyOnly: [OKX_AUTH],
  causes: [
    rule('invalid-credentials', 0.92, any(body(/Invalid OK-ACCESS-(KEY|PASSPHRASE)|API key doesn't exist|APIKey does not match current environment/), body(codeIs('code', '501(01|05|11|19)'))), {
      blocks: true, why: 'OKX does not know the key on this host (50111/50119): a demo-trading key without x-simulated-trading, or an account of the EEA or US entity (eea.okx.com, us.okx.com, my.okx.com) calling www.okx.com, or a deleted key',
      fix: 'Call the host of the entity the account belongs to, send x-simulated-trading: 1 for demo keys, and check the key and passphrase.',
    }),
    rule('signature-or-clock-skew', 0.92, any(body(/Invalid OK-ACCESS-(SIGN|TIMESTAMP)|Invalid Sign|Timestamp request expired/), body(codeIs('code', '501(02|12|13)'))), {
      blocks: true, why: 'OKX rejected the signature (50113) or the timestamp (50102/50112: not ISO 8601 UTC with milliseconds, or more than 30 seconds off)', fix: 'Sign timestamp + method + requestPath (with query) + body with the secret, base64 HMAC-SHA256, and send the same ISO timestamp in OK-ACCESS-TIMESTAMP.',
    }),
  ],
  checklist: { auth: 'Check the key, secret and passphrase, the entity host (www/eea/us/my.okx.com) and demo vs live.' },
});

/**
 * CoinGecko: `{"status":{"error_code":N,"error_message":…}}` whose messages point at its pricing page and name its key parameters
 * (docs.coingecko.com errors and rate limits). Sources: btc-ticker/btc-ticker#8, pyth-network/pyth-observer#36.
 */
const CG_MARK = /coingecko\.com\/(\w{2}\/)?api\/pricing|\bx[-_]cg[-_](pro|demo)[-_]api[-_]key\b/;

export const coingeckoApi = defineProducer({
  id: 'coingecko-api', kind: 'saas-api', name: 'CoinGecko API', family: 'coingecko',
  // it sits behind Cloudflare, whose headers come with its answers
  overrides: ['cloudflare'],
  own: [all(body(/['"]error_(code|message)['"]\s*:/), body(CG_MARK))],
  // its status envelope's 429 with its own sentence, the pricing link cut (github.com/pyth-network/pyth-observer/issues/36,
  // github.com/btc-ticker/btc-ticker/issues/8)
  bodyOnly: [all(body(/error_code['"]\s*:\s*429\s*,\s*['"]error_message['"]\s*:/), body(/You've exceeded the Rate Limit\b/))],
  causes: [
    rule('rate-limited', 0.95, body(/You've exceeded the Rate Limit\. Please visit https:\/\/www\.coingecko\.com/), {
      blocks: true, why: 'CoinGecko\'s per-minute call limit was hit: keyless calls share a limit per IP (shared by every user of a cloud IP or Google Sheets), Demo keys have about 30-100 calls a minute',
      fix: 'Wait the Retry-After seconds, cache prices, send a Demo or Pro key (x-cg-demo-api-key / x-cg-pro-api-key) or use a plan with a higher limit.',
    }),
  ],
  checklist: { server: 'Check the key type matches the host (api vs pro-api.coingecko.com) and the plan\'s rate limit.' },
});

/**
 * Polygon.io (now Massive): `{"status":"NOT_AUTHORIZED"|"ERROR","request_id":"<32 hex>","message"|"error":…}` with its pricing link (polygon.io
 * docs, plan entitlements). Sources: maybe-finance/maybe#152, OpenBB-finance/OpenBB#4747, alpacahq/alpaca-trade-api-python#354,
 * polygon-io/issues#313.
 */
const PG_ENVELOPE = all(body(/['"]?status['"]?\s*:\s*['"]?(NOT_AUTHORIZED|ERROR)\b/), body(/['"]?request_id['"]?\s*:\s*['"]?[0-9a-f]{32}\b/));
const PG_PLAN = /You are not entitled to this data|Your plan doesn't include this data timeframe/;

export const polygonApi = defineProducer({
  id: 'polygon-api', kind: 'saas-api', name: 'Polygon.io (Massive) API', family: 'polygon',
  own: [all(PG_ENVELOPE, body(/\b(polygon\.io|massive\.com)\/(pricing|dashboard)/))],
  bodyOnly: [all(PG_ENVELOPE, body(PG_PLAN)),
    // its plan sentences with their upgrade link, the envelope cut (corpus polygon-api/: three sources)
    body(new RegExp(`(?:${PG_PLAN.source})\\. Please upgrade your plan at https:\\/\\/(?:polygon\\.io|massive\\.com)\\/pricing`))],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(PG_PLAN), {
      blocks: true, why: 'the Polygon plan of this key does not include the data asked for: real-time or intraday data, a market (options, indices, forex) or a history further back than the plan covers (NOT_AUTHORIZED)',
      fix: 'Ask for what the plan includes (e.g. end-of-day, within its years of history) or upgrade at polygon.io/pricing; note a date in the future reads as outside the timeframe too.',
    }),
  ],
  checklist: { server: 'Check which data, markets and history the key\'s plan includes.' },
});

/**
 * Financial Modeling Prep: `{"Error Message": …}` (HTTP 200, 401, 402 or 429) whose sentences point at its docs
 * (site.financialmodelingprep.com/developer/docs). Sources: JerBouma/FinanceToolkit#10, halessi/DCF#2, patelneel55/financialmodelingprep#18.
 */
const FMP_DOCS = /financialmodelingprep\.com\/developer\/docs/;

export const fmpApi = defineProducer({
  id: 'fmp-api', kind: 'saas-api', name: 'Financial Modeling Prep API', family: 'fmp',
  own: [body(FMP_DOCS)],
  causes: [
    rule('invalid-credentials', 0.94, all(body(FMP_DOCS), body(/Invalid API KEY\. Please retry or visit our documentation/)), {
      blocks: true, why: 'Financial Modeling Prep does not accept the key (absent, mistyped or expired), often answered with HTTP 200 and an "Error Message" key instead of data', fix: 'Send the key from the FMP dashboard as apikey=… (a string, in every request) and check the JSON for "Error Message".',
    }),
  ],
  checklist: { server: 'Check the JSON for "Error Message": FMP may answer refusals with 200.' },
});

/**
 * Twelve Data: `{"code":N,"message":…,"status":"error"}` whose messages point at twelvedata.com/pricing; its Python client raises TwelveDataError.
 * Sources: blocksense-network/blocksense#1276, twelvedata/twelvedata-python#10.
 */
const TD_CREDITS = /You have run out of API credits for the current minute|You have reached the API calls limit/;

export const twelveDataApi = defineProducer({
  id: 'twelve-data-api', kind: 'saas-api', name: 'Twelve Data API', family: 'twelvedata',
  own: [all(body(/['"]status['"]\s*:\s*['"]error['"]/), body(/\btwelvedata\.com\/(pricing|apikey|prime)/)), body(/\bTwelveDataError\b/)],
  causes: [
    rule('rate-limited', 0.94, body(TD_CREDITS), {
      blocks: true, why: 'the Twelve Data key spent its API credits for the minute (8 on the free Basic plan; a batch request costs one credit per symbol) or for the day', fix: 'Wait for the next minute (or day), request fewer symbols per minute, or move to a plan with more credits.',
    }),
  ],
  checklist: { server: 'Check the credits per minute and per day of the key\'s plan (a batch costs one per symbol).' },
});

/**
 * Razorpay: `{"error":{"code":"BAD_REQUEST_ERROR","description":…,"source","step","reason","metadata"}}` (razorpay.com/docs/errors); its key
 * sentences are its own. Sources: razorpay/razorpay-flutter#410, razorpay/razorpay-php-testapp#13; razorpay/razorpay-node#401 is the same envelope
 * for a bad id, no refusal.
 */
const RZP_ENVELOPE = all(body(/['"]code['"]\s*:\s*['"](BAD_REQUEST_ERROR|GATEWAY_ERROR|SERVER_ERROR)['"]/), body(/['"]description['"]\s*:/));
const RZP_AUTH = /['"]description['"]\s*:\s*['"](Authentication failed|The api (key|secret) provided is invalid)/;

export const razorpayApi = defineProducer({
  id: 'razorpay-api', kind: 'saas-api', name: 'Razorpay API', family: 'razorpay',
  own: [RZP_ENVELOPE],
  causes: [
    rule('invalid-credentials', 0.93, all(RZP_ENVELOPE, body(RZP_AUTH)), {
      blocks: true, why: 'Razorpay does not accept the key id / key secret pair sent as Basic auth: a test key with a live secret (or the reverse), a regenerated secret, or a stray space',
      fix: 'Send key_id:key_secret of the same mode (rzp_test_… with its test secret, rzp_live_… with its live secret) as HTTP Basic auth, trimmed.',
    }),
  ],
  checklist: { auth: 'Check key id and secret belong to the same mode (test or live).' },
});

/**
 * Mollie: problem+json `{"status":401,"title":"Unauthorized Request","detail":…,"_links":{"documentation": {"href":"https://docs.mollie.com/…"}}}`,
 * and its PHP client's Mollie_API_Exception / ApiException. Sources: zwaldeck/mollie#58, mollie/mollie-api-php#9.
 */
const MOLLIE_SDK = /\bMollie_API_Exception\b|\bMollie\\Api\\Exceptions\\ApiException\b/;

export const mollieApi = defineProducer({
  id: 'mollie-api', kind: 'saas-api', name: 'Mollie API', family: 'mollie',
  own: [all(body(/['"]title['"]\s*:/), body(/\bdocs\.mollie\.com\//)), body(MOLLIE_SDK)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(/Missing authentication, or failed to authenticate/), all(body(MOLLIE_SDK), body(/Unauthorized request/i))), {
      blocks: true, why: 'Mollie did not accept the API key or access token (missing, a placeholder key from the examples, a test_ key where a live_ one is needed, or an expired OAuth token)', fix: 'Send Authorization: Bearer <live_… or test_… key of this website profile> (or a valid OAuth access token).',
    }),
    rule('missing-credentials', 0.6, body(/Missing authentication, or failed to authenticate/)),
  ],
  checklist: { auth: 'Check the key (test_ or live_) belongs to the website profile used.' },
});

/**
 * CoinMarketCap (pro-api): `{"status":{"timestamp","error_code":10NN,"error_message","elapsed","credit_count"}}` — its 1001-1011 codes
 * (pro.coinmarketcap.com/api/documentation errors and rate limits, coinmarketcap.com/api/resources on handling errors); python-coinmarketcap raises
 * CoinMarketCapAPIError. Sources: amrrs/coinmarketcapr#24, amrrs/coinmarketcapr#33, rsz44/python-coinmarketcap#1.
 */
const CMC_STATUS = all(body(/['"]error_code['"]\s*:\s*10(0[1-9]|1[01])\b/), body(/['"]credit_count['"]\s*:/));

export const coinmarketcapApi = defineProducer({
  id: 'coinmarketcap-api', kind: 'saas-api', name: 'CoinMarketCap API', family: 'coinmarketcap',
  own: [CMC_STATUS, body(/\bCoinMarketCapAPIError\b/)],
  causes: [
    rule('missing-credentials', 0.94, any(all(CMC_STATUS, body(/API key missing\./)), body(/['"]error_code['"]\s*:\s*1002\b/)), {
      blocks: true, why: 'CoinMarketCap found no API key (1002): the pro API needs one on every call, in the X-CMC_PRO_API_KEY header (or CMC_PRO_API_KEY=)', fix: 'Send the key from pro.coinmarketcap.com in the X-CMC_PRO_API_KEY header.',
    }),
    rule('invalid-credentials', 0.93, any(body(/This API Key is invalid\./), body(/['"]error_code['"]\s*:\s*1001\b/)), {
      blocks: true, why: 'CoinMarketCap does not accept the key (1001): mistyped, or a sandbox key sent to pro-api (sandbox-api.coinmarketcap.com has its own keys)', fix: 'Use the key of the environment called: pro-api.coinmarketcap.com with the Developer Portal key, sandbox-api with the sandbox key.',
    }),
    rule('account-or-plan-restriction', 0.94, any(body(/Your API Key subscription plan doesn't support this endpoint/), body(/['"]error_code['"]\s*:\s*100[346]\b/)), {
      blocks: true, why: 'the key\'s CoinMarketCap plan does not include this endpoint (1006; historical data needs a paid plan) or the plan is not active (1003/1004)', fix: 'Call an endpoint the plan includes (see its plan-to-endpoint map) or upgrade the plan.',
    }),
    rule('rate-limited', 0.93, body(/['"]error_code['"]\s*:\s*10(0[89]|1[01])\b/), { blocks: true, why: 'a CoinMarketCap rate limit (per minute, day, month or IP) of the key\'s plan was reached' }),
  ],
  checklist: { auth: 'Check the X-CMC_PRO_API_KEY key belongs to this environment (pro vs sandbox) and plan.' },
});

/**
 * Plaid: `{"error_type","error_code","error_message","display_message","request_id","documentation_url": "https://plaid.com/docs/?ref=error#…"}`
 * (plaid.com/docs/errors); its SDKs print the same fields. Sources: plaid/pattern#192, plaid/plaid-ruby#418, plaid/plaid-node#221.
 */
const PLAID_ENVELOPE = all(body(/['"]?error_type['"]?\s*:\s*['"](INVALID_REQUEST|INVALID_INPUT|RATE_LIMIT_EXCEEDED|API_ERROR|ITEM_ERROR|INSTITUTION_ERROR)['"]/), body(/['"]?error_code['"]?\s*:\s*['"][A-Z_]{4,40}['"]/), body(/['"]?(display_message|suggested_action)['"]?\s*:/));
const PLAID_CRED_FIELD = /\b(client_id|secret) must be a properly formatted, non-empty string/;

export const plaidApi = defineProducer({
  id: 'plaid-api', kind: 'saas-api', name: 'Plaid API', family: 'plaid',
  own: [PLAID_ENVELOPE, body(/\bplaid\.com\/docs\/\?ref=error#/)],
  bodyOnly: [body(/\bINVALID_REQUEST: INVALID_FIELD: (client_id|secret) must be\b/)],
  causes: [
    rule('missing-credentials', 0.93, body(/the following required fields are missing: [\w, ]{0,80}\b(client_id|secret)\b/), {
      blocks: true, why: 'Plaid received no client_id or secret: the server-side call must carry both (in the JSON body or the PLAID-CLIENT-ID / PLAID-SECRET headers)', fix: 'Set the client_id and the secret of the environment called (sandbox or production) from the Plaid Dashboard\'s Keys page.',
    }),
    rule('invalid-credentials', 0.9, body(PLAID_CRED_FIELD), {
      blocks: true, why: 'Plaid rejects the client_id or secret: malformed (empty, quoted twice, a placeholder) or not valid for this environment (a sandbox secret on production)', fix: 'Copy the client_id and the secret of this environment from the Dashboard\'s Keys page, as plain strings.',
    }),
  ],
  checklist: { auth: 'Check client_id and the secret of this environment (sandbox or production) are sent on every server call.' },
});

/**
 * Alchemy (web3 RPC and APIs): JSON-RPC errors whose messages are its own and link its docs or dashboard — 429 for compute units per second
 * (docs.alchemy.com/reference/throughput), 403 -32600 for the monthly capacity. Sources: gitcoinco/grants-stack-indexer#156, conduitxyz/node#36,
 * xmtp/xmtpd#672, BuidlGuidl/hacked-wallet-recovery#45.
 */
const ALCHEMY_CUPS = /Your app has exceeded its compute units per second capacity/;
const ALCHEMY_MONTHLY = /Monthly capacity limit exceeded\. Visit https:\/\/dashboard\.alchemy(api)?\.(io|com)\//;

export const alchemyApi = defineProducer({
  id: 'alchemy-api', kind: 'saas-api', name: 'Alchemy API', family: 'alchemy',
  own: [body(ALCHEMY_CUPS), body(ALCHEMY_MONTHLY), body(/\bdocs\.alchemy(api)?\.(com|io)\/(reference\/throughput|guides\/rate-limits)/)],
  // its JSON-RPC error for a spent monthly allowance, its dashboard link cut (github.com/xmtp/xmtpd/issues/672,
  // github.com/BuidlGuidl/hacked-wallet-recovery/issues/45)
  bodyOnly: [body(/-32600\s*,\s*\\?"message\\?"\s*:\s*\\?"Monthly capacity limit exceeded\b/)],
  causes: [
    rule('rate-limited', 0.95, body(ALCHEMY_CUPS), {
      blocks: true, why: 'the Alchemy app spent its compute units per second (each method costs a number of CUs; eth_getLogs over wide ranges costs many): sent as 429, and it clears within a second or two',
      fix: 'Retry with exponential back-off (Alchemy\'s SDKs do), narrow eth_getLogs ranges, spread calls, or raise the plan\'s throughput.',
    }),
    rule('account-or-plan-restriction', 0.95, body(ALCHEMY_MONTHLY), {
      blocks: true, why: 'the Alchemy app used up its monthly compute-unit capacity: every call is refused (403) until the month resets or the plan or scaling policy allows more', fix: 'Upgrade the plan or raise the scaling policy in the Alchemy dashboard (Settings → Billing), or wait for the monthly reset.',
    }),
  ],
  checklist: { server: 'Check the app\'s compute-unit usage (per second and per month) in the Alchemy dashboard.' },
});

/**
 * Infura (web3 RPC): JSON-RPC errors -32600/-32002 with its own sentences about the project id, often with
 * `"data":{"see":"https://infura.io/dashboard"}`. Sources: RevokeCash/revoke.cash#59, OffchainLabs/prysm#8054, kopanitsa/web3-arduino#20,
 * 0xProject/0x-launch-kit#40.
 */
const INFURA_SETTINGS = /rejected due to project ID settings/;
const INFURA_NO_ID = /project ID is required\\?",\s*\\?"data\\?"\s*:\s*\{\s*\\?"reason\\?"\s*:\s*\\?"project ID not provided/;

export const infuraApi = defineProducer({
  id: 'infura-api', kind: 'saas-api', name: 'Infura', family: 'infura',
  own: [body(INFURA_SETTINGS), body(INFURA_NO_ID), all(body(/\\?"see\\?"\s*:\s*\\?"https:\/\/infura\.io\/dashboard/), body(/\\?"jsonrpc\\?"/))],
  causes: [
    rule('resource-policy-deny', 0.93, body(INFURA_SETTINGS), {
      blocks: true, why: 'the Infura project\'s security settings refused the call (-32002): an allowlist of origins, user agents, contracts or methods that this request is not on, or a project secret (or JWT) required and not sent',
      fix: 'Add this origin / user agent / contract / method to the project\'s allowlists in the Infura dashboard, or send the project secret (Basic auth) or JWT the settings require.',
    }),
    rule('missing-credentials', 0.94, body(INFURA_NO_ID), {
      blocks: true, why: 'the Infura URL carries no project id (API key): it goes in the path, https://<network>.infura.io/v3/<API key>',
      fix: 'Append the project\'s API key to the endpoint path (/v3/<key>), as the dashboard shows it.',
    }),
  ],
  checklist: { auth: 'Check the endpoint path carries the API key and the project\'s allowlists and secret requirement.' },
});

/**
 * Paystack: `{"status": false, "message": …}` from api.paystack.co, as Guzzle (laravel-paystack) prints it with the request line. Sources:
 * unicodeveloper/laravel-paystack#55, unicodeveloper/laravel-paystack#108.
 */
const PAYSTACK_FALSE = all(body(/\bapi\.paystack\.co\//), body(/['"]status['"]\s*:\s*false\s*,\s*['"]message['"]\s*:/));

export const paystackApi = defineProducer({
  id: 'paystack-api', kind: 'saas-api', name: 'Paystack API', family: 'paystack',
  own: [PAYSTACK_FALSE],
  causes: [
    rule('invalid-credentials', 0.93, all(PAYSTACK_FALSE, body(/['"]message['"]\s*:\s*['"]Invalid key['"]/)), {
      blocks: true, why: 'Paystack does not accept the secret key: empty (a config value not loaded — cached Laravel config), the public pk_ key sent instead of the sk_ secret, or a key of the other mode',
      fix: 'Send Authorization: Bearer sk_test_… / sk_live_… (the secret key, not pk_), and reload the config cache after changing it.',
    }),
  ],
  checklist: { auth: 'Check the Bearer key is the secret (sk_) key of the right mode.' },
});

/**
 * Coinbase (the v2 wallet / "Sign in with Coinbase" API): `{"errors":[{"id":"authentication_error",…}]}` with its error ids
 * (developers.coinbase.com/api/v2 errors), often with its CB-VERSION warning; its Python client raises coinbase.wallet.error.*. Sources:
 * coinbase/coinbase-node#84, knowm/XChange#2456, coinbase/coinbase-python#88.
 */
const CB_ERRORS = /['"]errors['"]\s*:\s*\[\s*\{\s*['"]id['"]\s*:\s*['"](authentication_error|invalid_token|expired_token|revoked_token|invalid_scope|two_factor_required|rate_limit_exceeded)['"]/;
const CB_SDK = /\bcoinbase\.wallet\.error\.\w+Error: APIError\(id=\w+\)/;

export const coinbaseApi = defineProducer({
  id: 'coinbase-api', kind: 'saas-api', name: 'Coinbase API', family: 'coinbase',
  own: [body(CB_ERRORS), body(CB_SDK), body(/Please supply API version \(YYYY-MM-DD\) as CB-VERSION header/)],
  causes: [
    rule('signature-or-clock-skew', 0.93, any(all(body(CB_ERRORS), body(/invalid signature/)), body(/APIError\(id=authentication_error\): invalid signature/)), {
      blocks: true, why: 'Coinbase rejected the API-key signature: CB-ACCESS-SIGN is not the HMAC-SHA256 (hex) of timestamp + method + request path (with query) + body with the key\'s secret, or CB-ACCESS-TIMESTAMP is off by more than about 30 seconds',
      fix: 'Sign timestamp + METHOD + /v2/path?query + body exactly as sent (the path, not the full URL), with the secret of the same key; sync the clock; newer keys (CDP) sign a JWT instead.',
    }),
  ],
  checklist: { auth: 'Check the signed prehash (timestamp, method, path with query, body) and the key pair used.' },
});

/**
 * Braintree: its SDKs turn a 401 and a 403 into their own exceptions — Braintree\\Exception\\Authentication / Authorization (PHP),
 * com.braintreegateway.exceptions.AuthenticationException / AuthorizationException (Java), braintree.exceptions.authentication_error (Python) — with
 * no message of their own. Sources: braintree/braintree_php_example#62, braintree/braintree_java#25, braintree/braintree_php#308.
 */
const BT_AUTHN = /\bBraintree\\{1,2}Exception\\{1,2}Authentication\b|\bcom\.braintreegateway\.exceptions\.AuthenticationException\b|\bbraintree\.exceptions\.authentication_error\.AuthenticationError\b/;
const BT_AUTHZ = /\bBraintree\\{1,2}Exception\\{1,2}Authorization\b|\bcom\.braintreegateway\.exceptions\.AuthorizationException\b|\bbraintree\.exceptions\.authorization_error\.AuthorizationError\b/;

export const braintreeApi = defineProducer({
  id: 'braintree-api', kind: 'saas-api', name: 'Braintree API', family: 'braintree',
  own: [body(BT_AUTHN), body(BT_AUTHZ)],
  causes: [
    rule('invalid-credentials', 0.92, body(BT_AUTHN), {
      blocks: true, why: 'Braintree did not accept the merchant id / public key / private key triple (401): a typo, keys of the other environment (sandbox vs production), or credentials not loaded from the configuration',
      fix: 'Use the merchant id, public and private key of the environment the gateway is set to (Braintree::Environment sandbox or production), from its Control Panel API page.',
    }),
    rule('insufficient-permissions', 0.9, body(BT_AUTHZ), {
      blocks: true, why: 'Braintree authenticated the keys but refuses this action (403): the API user\'s role lacks the permission, or the request names a merchantAccountId these keys cannot use (Braintree answers an unknown merchant account this way too)',
      fix: 'Check the merchantAccountId belongs to this merchant (the exact id, per currency) and that the API user\'s role allows the operation.',
    }),
  ],
  checklist: { auth: 'Check the environment matches the keys, and the merchantAccountId and the API user\'s role.' },
});

/** The more specific first: Bybit's envelope before Binance's sentence it once copied. */
export const FINANCE_API_PRODUCERS: Producer[] = [
  bybitApi, binanceApi, kucoinApi, okxApi, coingeckoApi,
  coinmarketcapApi, polygonApi, fmpApi, twelveDataApi, razorpayApi, mollieApi, plaidApi,
  alchemyApi, infuraApi, paystackApi, coinbaseApi, braintreeApi,
];
