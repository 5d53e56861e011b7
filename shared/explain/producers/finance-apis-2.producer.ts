import { all, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Kraken: HTTP 200 with `{"error":["EAPI:Invalid key"],…}` — its error strings are a category (EAPI, EGeneral, EOrder,
 * EService…) and a message (support.kraken.com API error messages); XChange prints them in brackets, node clients
 * drop the E. Sources: ccxt/ccxt#8634, knowm/XChange#3698, ccxt/ccxt#253, jonatack/kraken_ruby_client#27.
 */
const KRAKEN_ERR = /\bE(API|General|Order|Query|Funding|Service|Session|Trade):(Invalid (key|nonce|signature|arguments|session)|Rate limit exceeded|Permission denied|Too many requests|Unavailable|Busy|Throttled)/;

const krakenApi = defineProducer({
  id: 'kraken-api', kind: 'saas-api', name: 'Kraken API', family: 'kraken',
  own: [body(KRAKEN_ERR), body(/\bKrakenAPIError\b|\bKrakenApi\.KrakenException\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(/\bEAPI:Invalid key\b/), {
      blocks: true, why: 'Kraken does not accept the API key: mistyped (or the private key sent as the key), deleted, or made for another account or subaccount; sent as HTTP 200',
      fix: 'Send the API key in API-Key and sign with its private key (the long base64 string), both without trailing spaces or newlines; create a new key if unsure.',
    }),
    rule('signature-or-clock-skew', 0.92, body(/\bE?API:Invalid (nonce|signature)\b/), {
      blocks: true, why: 'Kraken rejected the signed request: the nonce is not higher than the last one this key used (another app shares the key, or requests arrive out of order) or the signature does not match the POST data',
      fix: 'Use one key per application with an ever-increasing nonce (milliseconds or more), or raise the key\'s nonce window; sign exactly the body sent.',
    }),
    rule('insufficient-permissions', 0.92, body(/\bEGeneral:Permission denied\b/), {
      blocks: true, why: 'the Kraken key lacks the permission this call needs (query funds, trade, withdraw, deposit)',
      fix: 'Edit the key\'s permissions on Kraken (Settings → API) to include this call, or use a key that has them.',
    }),
    rule('rate-limited', 0.93, body(/\bE(API|Order|General|Service):(Rate limit exceeded|Too many requests|Throttled)\b/), {
      blocks: true, why: 'Kraken\'s call-rate counter for this key (or its order-rate limit) is exhausted; it decays by tier every second',
      fix: 'Slow down and back off; the counter decays by itself (faster on higher verification tiers).',
    }),
  ],
  checklist: { auth: 'Check the API key and private key pair, its permissions and its nonce window on Kraken.' },
});

/**
 * Etherscan and the explorers built on it (BscScan, PolygonScan…): HTTP 200 with `{"status":"0","message":"NOTOK",
 * "result":"<reason>"}` (docs.etherscan.io common error messages); a keyless call still answers status 1
 * "OK-Missing/Invalid API Key, rate limit of 1/5sec applied" with data, which is no refusal. Sources:
 * rotki/rotki#8626, bjorn/raccoin#66, eliteWalrus4164/ethereum-sources-downloader#5.
 */
const ES_NOTOK = /['"]?message['"]?\s*[:=]\s*['"]?NOTOK\b/;
/** Its keyless notice on a successful answer (crytic/crytic-compile#63, ethereum/retesteth#216). */
const ES_KEYLESS = /OK-Missing\/Invalid API Key, rate limit of \d+\/\d*\s?sec applied/;

const etherscanApi = defineProducer({
  id: 'etherscan-api', kind: 'saas-api', name: 'Etherscan API', family: 'etherscan',
  own: [all(body(ES_NOTOK), body(/['"]?status['"]?\s*[:=]\s*['"]?0\b/)), body(ES_KEYLESS)],
  causes: [
    // data came back at the keyless rate: its words about a key are a notice, not a refusal
    rule('none', 0.5, all(body(ES_KEYLESS), body(/['"]?status['"]?\s*[:=]\s*['"]?1\b/)), { template: true, why: 'Etherscan answered with data at the slower keyless rate' }),
    rule('rate-limited', 0.95, all(body(ES_NOTOK), body(/Max (calls per sec |daily )?rate limit reached/)), {
      blocks: true, why: 'an Etherscan rate limit was hit (calls per second of the plan, or the daily allowance): it answers HTTP 200 with status 0 and NOTOK, so HTTP clients do not see an error',
      fix: 'Throttle to the plan\'s calls per second (and retry), send an API key (keyless calls are slower still), or upgrade the plan for a higher daily allowance.',
    }),
    rule('invalid-credentials', 0.93, all(body(ES_NOTOK), body(/\b(Missing\/)?Invalid API Key\b/)), {
      blocks: true, why: 'Etherscan does not accept the API key (HTTP 200, status 0, NOTOK): mistyped, or a key of another explorer — since API V2 one etherscan.io key serves every chain through api.etherscan.io/v2 with chainid',
      fix: 'Send a key from etherscan.io/myapikey (as apikey=) to the V2 endpoint with the chainid, or the explorer\'s own key to its own host.',
    }),
  ],
  checklist: { server: 'Check status and message in the JSON, not only the HTTP status: Etherscan answers its refusals with 200.' },
});

/**
 * Alpha Vantage: HTTP 200 with one key — "Note", "Information" or "Error Message" — whose sentence begins "Thank you
 * for using Alpha Vantage!" and points at alphavantage.co/premium (its documentation and support pages). Sources:
 * RomelTorres/alpha_vantage#128, jinglescode/time-series-forecasting-pytorch#11,
 * OpenBB-finance/OpenBB#2993.
 */
const AV_THANKS = /Thank you for using Alpha Vantage!/;

const alphaVantageApi = defineProducer({
  id: 'alpha-vantage-api', kind: 'saas-api', name: 'Alpha Vantage API', family: 'alphavantage',
  own: [body(AV_THANKS), body(/\balphavantage\.co\/(premium|support\/#api-key)/)],
  causes: [
    rule('account-or-plan-restriction', 0.95, all(body(AV_THANKS), body(/This is a premium endpoint/)), {
      blocks: true, why: 'this Alpha Vantage function (or its parameters: intraday extended history, adjusted series, realtime) is premium-only, and the key is a free one; sent as HTTP 200 with an "Information" key instead of data',
      fix: 'Use a function the free tier includes, or subscribe to a premium plan (alphavantage.co/premium) and use its key.',
    }),
    rule('rate-limited', 0.94, all(body(AV_THANKS), body(/standard API (call frequency|rate limit) is|higher API call (frequency|volume)|rate limit is \d+ requests per day/)), {
      blocks: true, why: 'the Alpha Vantage key\'s limit was reached (the free tier allows a few calls a minute and 25 a day): sent as HTTP 200 with a "Note" or "Information" key instead of data',
      fix: 'Space calls out (one every 12+ seconds on the free tier), cache results, or use a premium key; the daily allowance resets at midnight US Eastern.',
    }),
  ],
  checklist: { server: 'Check the JSON for Note / Information / Error Message keys: Alpha Vantage answers refusals with 200.' },
});

/** Exchanges and market-data APIs that answer refusals with HTTP 200 (the first file is full). */
export const FINANCE_API_PRODUCERS_2: Producer[] = [krakenApi, etherscanApi, alphaVantageApi];
