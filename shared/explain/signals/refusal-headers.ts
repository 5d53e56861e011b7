import { all, any, hdr, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

// Refusal headers a layer sets on its own decision, read when the body is empty or says nothing (the
// header is the whole verdict). Only a decision value counts, never a header that sits on every response.
//
// A challenge answered with a success or 405 look-alike: AWS WAF's silent challenge is a 202 with
// x-amzn-waf-action: challenge and its CAPTCHA a 405 with x-amzn-waf-action: captcha
// (https://docs.aws.amazon.com/waf/latest/developerguide/waf-captcha-and-challenge-how-it-works.html;
// github.com/germondai/trawl/pull/82 detects exactly these pairs); Cloudflare marks every challenge page,
// whatever its type, with cf-mitigated: challenge (github.com/cloudflare/cloudflare-docs/pull/8590).
const CHALLENGED = any(hdr('x-amzn-waf-action', /^\s*(?:challenge|captcha)\s*$/i), hdr('cf-mitigated', /^\s*challenge\s*$/i));
// A forward proxy's own error header: Squid names the error page it served in X-Squid-Error
// ("ERR_ACCESS_DENIED 0": squid/headers-only-sipgate; ERR_CACHE_ACCESS_DENIED when it wants a proxy login:
// https://wiki.squid-cache.org/SquidFaq/SquidAcl), the Squid-based filters (pfSense, SquidGuard) the same.
const SQUID_DENIED = hdr('x-squid-error', /^ERR_(?:ACCESS|CACHE_ACCESS|FORWARDING|CONNECT_FAIL)_DENIED\b/);
// A bot manager's token headers on a refusal: Kasada answers a client without a valid token with 429 (or
// 403) and its x-kpsdk-* headers (kasada/*; github.com/search?q=x-kpsdk-ct+429 lists the scrapers that meet it).
const KASADA = any(hdr('x-kpsdk-ct'), hdr('x-kpsdk-r'), hdr('x-kpsdk-cd'));

export const REFUSAL_HEADER_RULES: CauseRule[] = [
  rule('waf-or-bot-block', 0.88, all(status(202, 405), CHALLENGED), {
    blocks: true, why: 'a WAF\'s header says it challenged this request (a browser or CAPTCHA check) although the status looks like success or a wrong method',
  }),
  rule('proxy-denied', 0.8, SQUID_DENIED, { why: 'the X-Squid-Error header says a Squid forward proxy (or a filter built on it) denied the request by its access rules' }),
  rule('waf-or-bot-block', 0.93, all(status(403, 429), KASADA), { why: 'a bot manager\'s token headers (x-kpsdk-*) on a 429/403: its bot check refused the client, this is no rate limit' }),
];
