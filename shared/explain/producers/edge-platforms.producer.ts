import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

/**
 * Vercel's platform error page as users paste it: "402: PAYMENT_REQUIRED / Code: DEPLOYMENT_DISABLED /
 * ID: iad1::…" (the ID is its region, then a request id; Now's older pages had one colon).
 */
const VERCEL_ERROR_PAGE = /\b\d{3}: [A-Z_]+\s+Code: ([A-Z_]+\s+ID: [a-z]{3}\d:{1,2}[a-z0-9]{5}-\d{13}-[0-9a-f]{12}\b|DEPLOYMENT_[A-Z_]+\b)|This Deployment has been disabled\.\s+Your connection is working correctly\.\s+Vercel is working correctly\./;
/** The deployment's owner lost it: unpaid bill, usage over the Hobby plan's limits, or an account blocked by Vercel. */
const VERCEL_DISABLED = /Code: (DEPLOYMENT_(DISABLED|BLOCKED|PAUSED)|OWNER_BLOCKED)\b|\b402: PAYMENT_REQUIRED\b|This Deployment has been disabled/;

export const vercel = defineProducer({
  id: 'vercel', kind: 'cdn-waf', name: 'Vercel', family: 'vercel',
  own: [hdr('x-vercel-error'), hdr('x-vercel-mitigated'), body(/Vercel Security Checkpoint|vercel\.com\/(docs\/errors|sso-api)|_vercel_sso_nonce/i)],
  bodyOnly: [body(VERCEL_ERROR_PAGE)],
  presence: [hdr('server', /^Vercel$/i), hdr('x-vercel-id'), hdr('x-vercel-cache')],
  causes: [
    rule('waf-or-bot-block', 0.9, any(hdr('x-vercel-mitigated', /challenge|deny/i), body(/Vercel Security Checkpoint/i)), { why: 'the Vercel Firewall challenged or denied the request (attack challenge mode / custom rule / bot protection)', blocks: true }),
    rule('missing-credentials', 0.85, any(body(/Authentication Required[\s\S]{0,400}vercel|_vercel_sso_nonce|vercel\.com\/sso-api/i), all(status(401), hdr('set-cookie', /_vercel_sso_nonce/i))), {
      why: 'Vercel Deployment Protection requires a Vercel login or a protection-bypass token for this deployment',
      fix: 'Send the x-vercel-protection-bypass header (Protection Bypass for Automation) or disable protection for this environment.',
    }),
    rule('method-or-path-blocked', 0.7, hdr('x-vercel-error', /^(DEPLOYMENT_NOT_FOUND|NOT_FOUND|DEPLOYMENT_DISABLED|DEPLOYMENT_BLOCKED)/), { why: 'Vercel has no active deployment for this host/path (x-vercel-error)' }),
    rule('account-or-plan-restriction', 0.85, hdr('x-vercel-error', /DEPLOYMENT_(DISABLED|BLOCKED|PAUSED)|OWNER_BLOCKED|PAYMENT_REQUIRED/), { why: 'the deployment or its owner account is disabled/paused (x-vercel-error)' }),
    // sent with 402 (or 451 on older pages): the site's owner must act, not the visitor
    rule('account-or-plan-restriction', 0.9, body(VERCEL_DISABLED), {
      blocks: true,
      why: 'Vercel disabled the deployment because of its owner\'s account: an unpaid bill, usage beyond the plan\'s limits (Hobby\'s included usage, fair-use), or an account Vercel blocked',
      fix: 'The owner checks the team\'s Usage and Billing pages in the Vercel dashboard (pay, upgrade or wait for the limit to reset); a visitor can only tell the owner.',
    }),
    rule('rate-limited', 0.88, hdr('x-vercel-error', /TOO_MANY_REQUESTS|RATE_LIMITED/), { why: 'Vercel rate limited the request' }),
  ],
  checklist: { server: 'Check the project\'s Firewall (custom rules, attack challenge mode) and Deployment Protection settings.' },
});

export const netlify = defineProducer({
  id: 'netlify', kind: 'cdn-waf', name: 'Netlify', family: 'netlify',
  own: [body(/netlify\.com\/(support|docs)|Netlify Identity|Password protected site/i)],
  presence: [hdr('server', /^Netlify$/i), hdr('x-nf-request-id')],
  causes: [
    rule('missing-credentials', 0.75, body(/Password protected|Netlify Identity|role based access/i), { why: 'Netlify password protection or role-based access (JWT nf_jwt cookie) guards this site' }),
    rule('rate-limited', 0.85, all(status(429), hdr('x-nf-request-id')), { why: 'Netlify rate limited the request' }),
  ],
});

export const bunnycdn = defineProducer({
  id: 'bunnycdn', kind: 'cdn-waf', name: 'bunny.net (BunnyCDN)', family: 'bunny',
  own: [onPage(/bunny\.net|BunnyCDN|b-cdn\.net/i)],
  presence: [hdr('server', /^BunnyCDN/i), hdr('cdn-requestid'), hdr('cdn-pullzone'), hdr('cdn-uid')],
  causes: [
    rule('signature-or-clock-skew', 0.6, all(status(403), hdr('server', /^BunnyCDN/i)), { why: 'the bunny.net edge answers 403 when token authentication fails (bad or expired token) or a Shield/edge rule blocks', template: true }),
    rule('waf-or-bot-block', 0.5, all(status(403), hdr('server', /^BunnyCDN/i)), { template: true }),
  ],
});

export const stackpath = defineProducer({
  id: 'stackpath', kind: 'cdn-waf', name: 'StackPath', family: 'stackpath',
  own: [onPage(/StackPath|sp-waf|stackpathcdn/i)],
  presence: [hdr('x-hw'), hdr('x-sp-url'), hdr('server', /^StackPath/i)],
  causes: [rule('waf-or-bot-block', 0.78, all(status(403, 429), body(/StackPath|blocked|WAF/i)), { why: 'the StackPath WAF blocked the request', template: true })],
});
