import { any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Gate.io API v4 (api.gateio.ws/api/v4): `{"label": "<UPPER_SNAKE>", "message": …}` — its documented label list
 * (INVALID_KEY, INVALID_SIGNATURE, REQUEST_EXPIRED, IP_FORBIDDEN, READ_ONLY, FORBIDDEN, TOO_MANY_REQUESTS…); its
 * SDKs raise GateApiException / io.gate.gateapi.ApiException. A v2 key sent to v4 is INVALID_KEY. Sources:
 * ccxt/ccxt#12600, CyberPunkMetalHead/gateio-crypto-trading-bot-binance-announcements-new-coins#65 and #152,
 * gateio/gateapi-go#3, gateio/gateapi-python#54, gateio/gateapi-python#32, gateio/gateapi-java#31.
 */
const GATE_LABEL = /['"]?label['"]?\s*:\s*['"](INVALID_KEY|INVALID_SIGNATURE|INVALID_CREDENTIALS|MISSING_REQUIRED_HEADER|REQUEST_EXPIRED|IP_FORBIDDEN|READ_ONLY|FORBIDDEN|TOO_MANY_REQUESTS|ACCOUNT_LOCKED|SUB_ACCOUNT_LOCKED)['"]\s*,\s*['"]?(message|detail)['"]?\s*:/;
const gateLabel = (labels: string) => body(new RegExp(`['"]?label['"]?\\s*:\\s*['"](${labels})['"]|(GateApiException[^\\n]{0,40}|Gate api exception, )label: (${labels})\\b`));

const gateIoApi = defineProducer({
  id: 'gate-io-api', kind: 'saas-api', name: 'Gate.io API', family: 'gate-io',
  own: [body(GATE_LABEL), body(/\bGate api exception, label: [A-Z_]{3,30}|\bGateApiException\b[^\n]{0,40}\blabel: [A-Z_]{3,30}/)],
  causes: [
    rule('invalid-credentials', 0.93, gateLabel('INVALID_KEY|INVALID_CREDENTIALS|MISSING_REQUIRED_HEADER'), {
      blocks: true, why: 'Gate.io does not accept the API key (INVALID_KEY): mistyped, deleted, or a legacy APIv2 key — API v4 needs an APIv4 key',
      fix: 'Create an APIv4 key (Account → API Management → APIv4 Keys) with the permissions needed, and send it as KEY with SIGN and Timestamp.',
    }),
    rule('signature-or-clock-skew', 0.93, gateLabel('INVALID_SIGNATURE|REQUEST_EXPIRED'), {
      blocks: true, why: 'Gate.io rejected the request signature (the HMAC-SHA512 over method, path, query, body hash and timestamp) or the Timestamp header is more than 60 seconds off',
      fix: 'Sign exactly the string its docs describe (with the SHA512 of the body, empty included) and sync the clock.',
    }),
    rule('ip-or-geo-blocked', 0.93, gateLabel('IP_FORBIDDEN'), {
      blocks: true, why: 'the Gate.io key has an IP whitelist that does not include this client\'s address',
      fix: 'Add the client\'s public IP to the key\'s whitelist, or call from a whitelisted address.',
    }),
  ],
  checklist: { auth: 'Check the key is an APIv4 key with the needed permissions and IP whitelist.' },
});

/**
 * Bitget API (api.bitget.com): `{"code":"4xxxx","msg":…,"requestTime":…,"data":null}` (its error-code list: 40006
 * Invalid ACCESS_KEY, 40037 Apikey does not exist, 40012 apikey/password is incorrect, 40009 sign signature error,
 * 40008 request timestamp expired). Sources: ccxt/ccxt#19778, sieblyio/bitget-api#33,
 * BitgetLimited/v3-bitget-api-sdk#7, ccxt/ccxt#27037.
 */
const BITGET_ENV = /['"]?code['"]?\s*:\s*['"]4\d{4}['"]\s*,\s*['"]?msg['"]?\s*:\s*['"][^'"\n]{1,120}['"]\s*,\s*['"]?requestTime['"]?\s*:/;
const bitgetCode = (codes: string) => body(new RegExp(`['"]?code['"]?\\s*:\\s*['"](${codes})['"]`));

const bitgetApi = defineProducer({
  id: 'bitget-api', kind: 'saas-api', name: 'Bitget API', family: 'bitget',
  own: [body(BITGET_ENV)],
  // its own wordings, pasted without the envelope ('sign signature error' is nobody else's)
  bodyOnly: [body(/\bsign signature error\b|\bApikey does not exist\b/)],
  causes: [
    rule('invalid-credentials', 0.93, any(bitgetCode('40006|40037|40012'), body(/Apikey does not exist|Invalid ACCESS_KEY|apikey\/password is incorrect/)), {
      blocks: true, why: 'Bitget does not accept the API key or passphrase: mistyped, deleted, a demo-trading key on the live API, or the key and secret swapped',
      fix: 'Send ACCESS-KEY, ACCESS-SIGN, ACCESS-TIMESTAMP and ACCESS-PASSPHRASE (the passphrase chosen when the key was created); create a new key if unsure.',
    }),
    rule('signature-or-clock-skew', 0.92, any(bitgetCode('40009|40008'), body(/['"]sign signature error['"]|Request timestamp expired/)), {
      blocks: true, why: 'Bitget rejected the signature (40009) or the timestamp (40008: more than 30 seconds off)',
      fix: 'Sign timestamp + method + path (with query) + body with HMAC-SHA256, base64, and sync the clock.',
    }),
  ],
  checklist: { auth: 'Check the key, secret and passphrase triple of the same Bitget key.' },
});

/**
 * HTX (Huobi) API (api.huobi.pro, api.hbdm.com): `{"status":"error","err-code":…,"err-msg":…,"data":null}`; its
 * SDKs raise HuobiApiException / com.huobi.exception.SDKException `[Executing] <err-code>: <err-msg>`.
 * `api-signature-not-valid` covers a wrong signature ("Verification failure [校验失败]"), a clock off ("无效的提交时间")
 * and a key bound to other IPs ("Incorrect IP address [IP地址错误]"). Sources: HuobiRDCenter/huobi_Golang#4,
 * HuobiRDCenter/huobi_Python#110, huobiapi/REST-API-demos#4, huobiapi/API_Docs_en#11.
 */
const HTX_ERR = /['"]?err-code['"]?\s*[:=]\s*u?['"][a-z][\w-]{2,60}['"]/;
const HTX_SIG = /api-signature-not-valid/;

const htxApi = defineProducer({
  id: 'htx-api', kind: 'saas-api', name: 'HTX (Huobi) API', family: 'htx',
  own: [body(HTX_ERR), body(/\bHuobiApiException\b|\bcom\.huobi\.exception\.SDKException\b/)],
  causes: [
    rule('ip-or-geo-blocked', 0.94, body(/Signature not valid: (Incorrect IP address|[iI][pP]地址错误|ip\\u5730\\u5740\\u9519\\u8bef)/), {
      blocks: true, why: 'the HTX key is bound to IP addresses and this request came from another one (reported as an invalid signature: Incorrect IP address)',
      fix: 'Add the client\'s public IP to the key\'s bound IPs on HTX (API Management), or call from a bound address.',
    }),
    rule('signature-or-clock-skew', 0.9, body(HTX_SIG), {
      blocks: true, why: 'HTX rejected the signature: the string to sign (method, host, path, sorted query with AccessKeyId, SignatureMethod, SignatureVersion, Timestamp) differs, the secret is wrong, or the Timestamp is more than 5 minutes off',
      fix: 'Sign exactly the documented string with HmacSHA256 and the secret key, use a UTC Timestamp (YYYY-MM-DDThh:mm:ss), and sync the clock.',
    }),
  ],
  checklist: { auth: 'Check the AccessKeyId/secret pair, the signing string, the clock and the key\'s bound IPs.' },
});

/**
 * Bitfinex API v2 (api.bitfinex.com/v2): an array `["error", <code>, "<message>"]` — 10100 "apikey: invalid" (also
 * for a bad signature or payload), 10114 "nonce: small" (its docs, general error codes). Clients print it as an
 * array, a Google Apps Script exception with HTTP 500, or `10100 - apikey: invalid`. Sources:
 * emmtte/Cryptocurrency-Portfolio#51, bitfinexcom/bitfinex-api-node#80, JKorf/Bitfinex.Net#7; nonce: ohenrik/bitfinex#18,
 * JKorf/Bitfinex.Net#78.
 */
const BFX_ERR = /\[\s*['"]error['"]\s*,\s*1\d{4}\s*,\s*['"][a-z]/;

const bitfinexApi = defineProducer({
  id: 'bitfinex-api', kind: 'saas-api', name: 'Bitfinex API', family: 'bitfinex',
  own: [body(BFX_ERR)],
  bodyOnly: [body(/\b10100\s*[-:]\s*apikey: ?invalid\b/)],
  causes: [
    rule('invalid-credentials', 0.92, body(/\b10100\s*,?\s*['"]?\s*[-:]?\s*['"]?apikey: ?(invalid|digest invalid)\b/), {
      blocks: true, why: 'Bitfinex refused the authentication (10100 apikey: invalid): an unknown or revoked key — or, as often, a signature it cannot verify (HMAC-SHA384 over /api/ + path + nonce + the exact JSON body)',
      fix: 'Check the key and secret, then sign "/api/" + path + nonce + the very body string sent, with bfx-nonce, bfx-apikey and bfx-signature headers.',
    }),
    rule('signature-or-clock-skew', 0.9, body(/\b10114\s*,\s*['"]nonce: small/), {
      blocks: true, why: 'Bitfinex rejected the nonce: not higher than the last one this key used (another client shares the key)',
      fix: 'Use an ever-increasing nonce (microseconds) and one key per client.',
    }),
  ],
  checklist: { auth: 'Check the Bitfinex key, secret and signature payload ("/api/" + path + nonce + body).' },
});

/**
 * Gemini exchange API (api.gemini.com/v1): `{"result":"error","reason":"<CamelCase>","message":…}` (its docs'
 * error codes: InvalidSignature, InvalidNonce and the payload ones); bad payloads
 * (MissingAccounts, InvalidPrice) are 400s that refuse nothing. Sources: butor/blackbird#306, ccxt/ccxt#3603,
 * gazbert/bxbot#57, rotki/rotki#764.
 */
const GEMINI_ERR = /['"]?result['"]?\s*:\s*['"]error['"]\s*,\s*['"]?reason['"]?\s*:\s*['"][A-Z][A-Za-z]{2,40}['"]/;
const geminiReason = (reasons: string) => body(new RegExp(`['"]?reason['"]?\\s*:\\s*['"](${reasons})['"]`));

const geminiExchangeApi = defineProducer({
  id: 'gemini-exchange-api', kind: 'saas-api', name: 'Gemini exchange API', family: 'gemini-exchange',
  own: [body(GEMINI_ERR)],
  bodyOnly: [body(/has not increased since your last call to the Gemini API|is not within \d{1,3} seconds of server time/)],
  causes: [
    rule('signature-or-clock-skew', 0.93, any(geminiReason('InvalidSignature|InvalidNonce'), body(/has not increased since your last call to the Gemini API/)), {
      blocks: true, why: 'Gemini rejected the signed request: the X-GEMINI-SIGNATURE (HMAC-SHA384 of the base64 payload) does not match, or the payload\'s nonce is not above the last one this key used (or, for time-based nonces, not within 30 seconds of its clock)',
      fix: 'Sign the exact base64 payload with the key\'s secret; use an increasing nonce (or a seconds timestamp if the key has time-based nonces) and one key per client.',
    }),
  ],
  checklist: { auth: 'Check the Gemini key, its role, and the signature and nonce of the payload.' },
});

/**
 * OANDA v20 REST API (api-fxtrade.oanda.com, api-fxpractice.oanda.com /v3): `{"errorMessage": …}` (its v20
 * troubleshooting docs); 401 "Insufficient authorization to perform request." is a token this environment or account
 * does not accept (a v1 token or account id, a practice token on live or the reverse, a revoked token). Clients:
 * oandapyV20's V20Error, the v20 library's "expected status 200, got 401". Sources: hootnot/oanda-api-v20#129,
 * saeed349/Microservices-Based-Algorithmic-Trading-System#6, escwdev/oanda-node-api#4, happydasch/btoandav20#37.
 */
const OANDA_AUTH = /Insufficient authorization to perform request/;

const oandaApi = defineProducer({
  id: 'oanda-api', kind: 'saas-api', name: 'OANDA v20 API', family: 'oanda',
  own: [body(/\boandapyV20\b|\bV20Error: \{|\b(api|stream)-fx(trade|practice)\.oanda\.com\b/)],
  bodyOnly: [body(OANDA_AUTH)],
  causes: [
    rule('invalid-credentials', 0.92, body(OANDA_AUTH), {
      blocks: true, why: 'OANDA does not accept the bearer token for this environment or account: a practice token sent to fxTrade (or a live one to fxPractice), a legacy v1 token or account number, or a revoked token',
      fix: 'Use a v20 token generated for this environment (Manage API Access) with a v20 account id (xxx-xxx-xxxxxxx-xxx), and the matching host (api-fxpractice vs api-fxtrade).',
    }),
  ],
  checklist: { auth: 'Check the token\'s environment (practice vs live) and that the account id is a v20 one.' },
});

/**
 * Deribit API v2 (www.deribit.com/api/v2, JSON-RPC over HTTP or WebSocket): `{"jsonrpc":"2.0","error":{"message",
 * "code"},"usIn","usOut","usDiff","testnet"}` (its error-code list: 13009 unauthorized — a wrong or expired token, a
 * bad signature or a token without the scope; 13004 invalid_credentials). XChange raises DeribitException.
 * Sources: ccxt/ccxt#9133, ccxt/ccxt#8696, knowm/XChange#3783.
 */
const DERIBIT_ERR = /['"]?message['"]?\s*:\s*['"](unauthorized|invalid_credentials|forbidden)['"]\s*,\s*['"]?code['"]?\s*:\s*(13009|13004|13021)\b/;

const deribitApi = defineProducer({
  id: 'deribit-api', kind: 'saas-api', name: 'Deribit API', family: 'deribit',
  own: [body(/['"]usDiff['"]\s*:\s*\d/), body(/\bDeribitException: 1\d{4}: /)],
  bodyOnly: [body(DERIBIT_ERR)],
  causes: [
    rule('invalid-credentials', 0.92, any(body(DERIBIT_ERR), body(/\bDeribitException: (13009|13004): /)), {
      blocks: true, why: 'Deribit refused the authentication (13009 unauthorized, 13004 invalid_credentials): a wrong or expired access token, a bad client-signature, keys of the other environment (test.deribit.com vs www), or a token without the scope this method needs',
      fix: 'Authenticate with public/auth (client_credentials or client_signature) against the same host, ask for the scopes needed (e.g. account:read, trade:read_write), and refresh the token before it expires.',
    }),
  ],
  checklist: { auth: 'Check the client id/secret belong to this Deribit environment and the token\'s scope.' },
});

/** Trading and exchange APIs (the payment, commerce and IoT APIs are in the first file). */
export const COMMERCE_PAYMENT_PRODUCERS_2: Producer[] = [gateIoApi, bitgetApi, htxApi, bitfinexApi, geminiExchangeApi, oandaApi, deribitApi];
