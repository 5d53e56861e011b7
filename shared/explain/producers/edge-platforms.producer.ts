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

/** Vercel's REST API quota as its CLI prints it: 'Resource is limited - try again in 1 minute (more than 100, code: "api-deployments-free-per-day")'. */
const VERCEL_API_LIMIT = /Resource is limited - try again in \d+ \w+ \(more than \d+, code: \\?"?api-[\w-]+\\?"?\)/;

export const vercel = defineProducer({
  id: 'vercel', kind: 'cdn-waf', name: 'Vercel', family: 'vercel',
  own: [hdr('x-vercel-error'), hdr('x-vercel-mitigated'), body(/Vercel Security Checkpoint|vercel\.com\/(docs\/errors|sso-api)|_vercel_sso_nonce/i)],
  bodyOnly: [body(VERCEL_ERROR_PAGE), body(VERCEL_API_LIMIT)],
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
    rule('rate-limited', 0.9, body(VERCEL_API_LIMIT), {
      blocks: true,
      why: 'Vercel\'s API refused more of this action in the window its code names (api-deployments-free-per-day: the Hobby plan\'s 100 deployments a day, counted across previews and retries)',
      fix: 'Wait the time it names, deploy less often (skip previews, batch commits, an Ignored Build Step), or move the project to a paid plan with a higher limit.',
    }),
  ],
  checklist: { server: 'Check the project\'s Firewall (custom rules, attack challenge mode) and Deployment Protection settings.' },
});

/** Netlify's API as its JS client (netlify-cli, netlify/js-client's micro-api-client) prints its refusals. */
const NETLIFY_API = /\b(TextHTTPError|JSONHTTPError): (Unauthorized|Forbidden|Too Many Requests)\b|\bAPI (Request|Deploy) rate limit surpassed for application\b/;

/** Netlify's page for a project paused on its plan's usage limits (credit-based plans), in every path of the site. */
const NETLIFY_PAUSED = /This site was paused as it reached its usage limits|\/billing\/resume-paused-projects\b/;

export const netlify = defineProducer({
  id: 'netlify', kind: 'cdn-waf', name: 'Netlify', family: 'netlify',
  own: [body(/netlify\.com\/(support|docs)|Netlify Identity|Password protected site/i), onPage(NETLIFY_PAUSED)],
  bodyOnly: [body(NETLIFY_API)],
  presence: [hdr('server', /^Netlify$/i), hdr('x-nf-request-id')],
  causes: [
    rule('missing-credentials', 0.75, body(/Password protected|Netlify Identity|role based access/i), { why: 'Netlify password protection or role-based access (JWT nf_jwt cookie) guards this site' }),
    rule('account-or-plan-restriction', 0.9, body(NETLIFY_PAUSED), {
      blocks: true,
      why: 'Netlify paused the whole site because its owner\'s team reached the plan\'s usage limits (the free or credit-based plan\'s bandwidth, requests, functions or build credits for the month); every visitor gets this page until the owner acts',
      fix: 'Only the owner can fix it: upgrade the plan or add credits in the Netlify dashboard (Billing), or wait for the next cycle; a visitor can only tell the owner.',
    }),
    rule('rate-limited', 0.85, all(status(429), hdr('x-nf-request-id')), { why: 'Netlify rate limited the request' }),
    rule('rate-limited', 0.92, body(/\bAPI (Request|Deploy) rate limit surpassed for application\b|HTTPError: Too Many Requests/), {
      blocks: true, why: 'Netlify\'s API rate limit (requests per minute, and a separate limit on deploys) refused the client: large uploads or repeated deploys from CI hit it',
      fix: 'Retry after the window (X-RateLimit-Reset), upgrade netlify-cli (newer versions back off on 429), and deploy less often.',
    }),
    rule('invalid-credentials', 0.8, body(/\b(TextHTTPError|JSONHTTPError): Unauthorized\b/), {
      why: 'Netlify\'s API did not accept the access token: NETLIFY_AUTH_TOKEN is mistyped, revoked or expired, or the CLI\'s stored login is stale',
      fix: 'Create a new personal access token (User settings → Applications) and set NETLIFY_AUTH_TOKEN, or run netlify logout / netlify login.',
    }),
    rule('insufficient-permissions', 0.75, body(/\b(TextHTTPError|JSONHTTPError): Forbidden\b/), {
      why: 'Netlify\'s API knows the token, but its user has no access to the linked site or team (NETLIFY_SITE_ID of another account, a team member role without deploy rights)',
      fix: 'Check the site id (netlify status) against the sites this user can see; netlify unlink / netlify link, or add the user to the team.',
    }),
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

/** Render's page for a suspended service (a 503): suspended by its owner, or by Render for the free plan's limits or billing. */
const RENDER_SUSPENDED = /This service has been suspended by its owner\./;

const renderSuspended = rule('account-or-plan-restriction', 0.88, body(RENDER_SUSPENDED), {
  blocks: true,
  why: 'Render serves this page for every path of a suspended service: its owner suspended it, or Render did (free instance hours used up, a billing problem, a policy stop); the app itself never sees the request',
  fix: 'The service\'s owner resumes it in the Render dashboard (or checks the workspace\'s billing and free-hour usage); callers can only wait or use another host.',
});

export const render = defineProducer({
  id: 'render', kind: 'cdn-waf', name: 'Render', family: 'render',
  own: [body(RENDER_SUSPENDED)], presence: [hdr('x-render-origin-server'), hdr('rndr-id')], causes: [renderSuspended],
  checklist: { server: 'Open the service in the Render dashboard: its status (Suspended), the Events tab and the workspace\'s billing and usage say why.' },
});
