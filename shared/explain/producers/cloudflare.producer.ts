import { any, body, bodyGroup, cookie, hdr } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

const code = (codes: string): RegExp => new RegExp(`(?:error code:?|Error|error_code"?:?|cf-error-code"?>)(?:\\s|<[^>]{0,60}>){0,4}(${codes})\\b`, 'i');
const PAGE = /cloudflare ray id|class="cf-error-(code|type)"|id="cf-wrapper"|used cloudflare to restrict access|attention required! \| cloudflare|sorry, you have been blocked|cf-error-details|cdn-cgi\/challenge-platform|_cf_chl_opt|performance (&amp;|&) security by cloudflare|error code:?\s*10\d\d\b|\berror 10\d\d\s+ray id:/i;

export const cloudflare = defineProducer({
  id: 'cloudflare',
  kind: 'cdn-waf',
  name: 'Cloudflare',
  family: 'cloudflare',
  own: [hdr('cf-mitigated'), body(PAGE)],
  presence: [hdr('cf-ray'), hdr('server', /^cloudflare/i), cookie(/^(__cf_bm|cf_clearance|__cflb)=/), hdr('cf-cache-status')],
  causes: [
    rule('waf-or-bot-block', 0.92, hdr('cf-mitigated', /challenge/i), {
      why: 'Cloudflare answered with a challenge (cf-mitigated: challenge): its bot protection wants a browser to solve it',
      fix: 'API clients cannot pass a JS challenge: ask the zone owner to skip Bot Fight Mode / challenges for this API path or your IP (WAF custom rule with Skip), or use the API hostname meant for programmatic access.',
      blocks: true,
    }),
    rule('waf-or-bot-block', 0.85, body(/just a moment\.\.\.|enable javascript and cookies to continue|checking (if the site connection is secure|your browser)/i), {
      why: 'a Cloudflare challenge page ("Just a moment...") asks the client to run JavaScript', blocks: true, template: true,
    }),
    rule('ip-or-geo-blocked', 0.93, bodyGroup(code('1006|1007|1008'), 0), {
      why: 'Cloudflare error 1006/1007/1008: the site owner banned your IP address', template: true,
      fix: 'Call from another network or ask the site owner to remove your IP from the Cloudflare IP Access rules.',
    }),
    rule('ip-or-geo-blocked', 0.93, any(bodyGroup(code('1009'), 0), body(/banned the country or region your IP address is in/i)), {
      why: 'Cloudflare error 1009: the site owner blocks the country or region of your IP', template: true,
    }),
    rule('ip-or-geo-blocked', 0.88, bodyGroup(code('1005'), 0), { why: 'Cloudflare error 1005: the site owner banned the ASN (network) your IP belongs to', template: true }),
    rule('waf-or-bot-block', 0.9, bodyGroup(code('1010'), 0), { why: 'Cloudflare error 1010: the owner bans access based on your client\'s browser signature (bot fingerprint)', template: true }),
    rule('waf-or-bot-block', 0.9, bodyGroup(code('1020'), 0), { why: 'Cloudflare error 1020: a firewall (WAF custom) rule of the site blocked this request', template: true }),
    rule('waf-or-bot-block', 0.82, bodyGroup(code('1012'), 0), { why: 'Cloudflare error 1012: the site owner blocks your access (a security rule, often a suspected bot)', template: true }),
    rule('rate-limited', 0.93, any(bodyGroup(code('1015'), 0), body(/you are being rate limited/i)), {
      why: 'Cloudflare error 1015: a rate-limiting rule of the site fired', template: true,
      fix: 'Slow down and retry later; ask the site owner about the Cloudflare rate-limiting rule if the limit is too low.',
    }),
    rule('method-or-path-blocked', 0.85, any(bodyGroup(code('1003'), 0), body(/direct ip access not allowed/i)), {
      why: 'Cloudflare error 1003: direct IP access is not allowed; the request must use the site\'s hostname', template: true,
      fix: 'Use the hostname (Host header / SNI) instead of the Cloudflare IP address.',
    }),
    rule('method-or-path-blocked', 0.7, bodyGroup(code('1000|1001|1002|1004|1014|1016'), 0), { why: 'a Cloudflare 10xx configuration/DNS error for this hostname', template: true }),
    rule('waf-or-bot-block', 0.62, body(/sorry, you have been blocked|attention required! \| cloudflare|this website is using a security service to protect itself/i), {
      why: 'the Cloudflare block page ("Sorry, you have been blocked"): a WAF or security rule matched the request', template: true, blocks: true,
    }),
  ],
  checklist: {
    server: 'Look up the Ray ID in Security > Events to see which WAF, bot or rate-limiting rule fired.',
    gateway: 'Add a WAF custom rule that skips challenges/bot fight mode for the API path or known client IPs.',
  },
});
