import { all, any, body, bodyGroup, cookie, hdr } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';
import { onPage } from './page';

const code = (codes: string): RegExp => new RegExp(`(?:error code:?|Error|error_code"?:?|cf-error-code"?>|CloudflareError:?|CloudflareCode)(?:\\s|<[^>]{0,60}>){0,4}(${codes})\\b`, 'i');
const PAGE = /cloudflare ray id|class="cf-error-(code|type)"|id="cf-wrapper"|used cloudflare to restrict access|attention required! \| cloudflare|sorry, you have been blocked|cf-error-details|cdn-cgi\/challenge-platform|_cf_chl_opt|performance (&amp;|&) security by cloudflare|error code:?\s*10\d\d\b|\berror 10\d\d\s+ray id:/i;

/** The challenge page's own sentences, as users paste its visible text (no Ray ID, no cdn-cgi script left). */
const CHALLENGE_WORDS = /enable javascript and cookies to continue|needs to review the security of your connection before proceeding|verifying you are human\. this may take a few seconds|please unblock challenges\.cloudflare\.com to proceed/i;

/**
 * The challenge page's minified head as clients cut it ('Body[:400]', '<title>Just a moment...</title>...'): Cloudflare
 * writes it on one line with no whitespace; another site's "Just a moment..." page does not begin this way.
 */
const CHALLENGE_HEAD = /<!DOCTYPE html><html lang="en-US"><head><title>Just a moment\.\.\.<\/title>/;

/** The 1xxx pages' own sentences: 'The owner of this website (<host>) has banned your IP address / you temporarily / …'. */
const OWNER_BANNED = /The owner of this website \([^)\n]{1,100}\) has banned|has banned your access based on your browser's signature/;
/**
 * Scraping clients' exceptions for a 1xxx page: cloudscraper for Node ('CloudflareError: 1020, Access Denied (Custom
 * Firewall Rules)') and for Python ('cloudscraper.exceptions.CloudflareCode1020: Cloudflare has blocked this request').
 */
const CLIENT_ERRORS = /\bCloudflareError:? 10\d\d, |\bCloudflareCode10\d\d: Cloudflare has blocked this request/;
/**
 * Clients meeting a challenge they do not solve: cloudscraper (Python: 'Detected a Cloudflare version 2 [Captcha]
 * challenge', 'the new Cloudflare challenge') and yt-dlp ('Got HTTP Error 403 caused by Cloudflare anti-bot challenge').
 */
const CLIENT_CHALLENGE = /\bDetected (a Cloudflare version 2 (Captcha )?challenge|the new Cloudflare challenge)|\bGot HTTP Error \d{3} caused by Cloudflare anti-bot challenge/;
/** Error 1027: a Worker's owner used up the plan's requests (Workers Free: a daily limit); every visitor gets it. */
const WORKERS_LIMIT = /the owner has reached their plan limits|Error 1027\s+This website has been temporarily rate limited/i;

export const cloudflare = defineProducer({
  id: 'cloudflare',
  kind: 'cdn-waf',
  name: 'Cloudflare',
  family: 'cloudflare',
  own: [hdr('cf-mitigated'), body(PAGE), body(CHALLENGE_HEAD), onPage(CHALLENGE_WORDS), onPage(OWNER_BANNED), onPage(WORKERS_LIMIT), body(CLIENT_ERRORS), body(CLIENT_CHALLENGE)],
  presence: [hdr('cf-ray'), hdr('server', /^cloudflare/i), cookie(/^(__cf_bm|cf_clearance|__cflb)=/), hdr('cf-cache-status')],
  causes: [
    rule('waf-or-bot-block', 0.92, hdr('cf-mitigated', /challenge/i), {
      why: 'Cloudflare answered with a challenge (cf-mitigated: challenge): its bot protection wants a browser to solve it',
      fix: 'API clients cannot pass a JS challenge: ask the zone owner to skip Bot Fight Mode / challenges for this API path or your IP (WAF custom rule with Skip), or use the API hostname meant for programmatic access.',
      blocks: true,
    }),
    rule('waf-or-bot-block', 0.85, any(body(/just a moment\.\.\.|checking (if the site connection is secure|your browser)/i), body(CHALLENGE_WORDS), body(CLIENT_CHALLENGE)), {
      why: 'a Cloudflare challenge page ("Just a moment...") asks the client to run JavaScript', blocks: true, template: true,
    }),
    rule('ip-or-geo-blocked', 0.93, any(bodyGroup(code('1006|1007|1008'), 0), body(/has banned your IP address/)), {
      why: 'Cloudflare error 1006/1007/1008: the site owner banned your IP address', template: true,
      fix: 'Call from another network or ask the site owner to remove your IP from the Cloudflare IP Access rules.',
    }),
    rule('ip-or-geo-blocked', 0.93, any(bodyGroup(code('1009'), 0), body(/banned the country or region your IP address is in/i)), {
      why: 'Cloudflare error 1009: the site owner blocks the country or region of your IP', template: true,
    }),
    rule('ip-or-geo-blocked', 0.88, bodyGroup(code('1005'), 0), { why: 'Cloudflare error 1005: the site owner banned the ASN (network) your IP belongs to', template: true }),
    rule('waf-or-bot-block', 0.9, any(bodyGroup(code('1010'), 0), body(/banned your access based on your browser's signature/)), { why: 'Cloudflare error 1010: the owner bans access based on your client\'s browser signature (bot fingerprint)', template: true }),
    rule('waf-or-bot-block', 0.9, bodyGroup(code('1020'), 0), { why: 'Cloudflare error 1020: a firewall (WAF custom) rule of the site blocked this request', template: true }),
    rule('waf-or-bot-block', 0.82, bodyGroup(code('1012'), 0), { why: 'Cloudflare error 1012: the site owner blocks your access (a security rule, often a suspected bot)', template: true }),
    rule('rate-limited', 0.93, any(bodyGroup(code('1015'), 0), body(/you are being rate limited|has banned you temporarily from accessing this website/i)), {
      why: 'Cloudflare error 1015: a rate-limiting rule of the site fired', template: true,
      fix: 'Slow down and retry later; ask the site owner about the Cloudflare rate-limiting rule if the limit is too low.',
    }),
    rule('account-or-plan-restriction', 0.9, body(WORKERS_LIMIT), {
      why: 'Cloudflare error 1027: the Worker behind this site has used up its owner\'s plan (Workers Free allows a daily number of requests per account), so Cloudflare refuses every visitor until the limit resets', template: true, blocks: true,
      fix: 'Only the site\'s owner can fix it: wait for the daily reset (00:00 UTC) or move the account to Workers Paid; a visitor can only wait or tell the owner.',
    }),
    rule('rate-limited', 0.6, body(WORKERS_LIMIT), { why: 'the page says the site is temporarily rate limited: the count is the owner\'s, not yours', template: true }),
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

/** The v4 API's envelope ({"success":false,"errors":[{"code","message"}]}) with one of its credential codes. */
const CF_API_ENVELOPE = /"success"\s*:\s*false\s*,\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*\d+\s*,\s*"message"\s*:/;
const CF_API_CODES = /"code"\s*:\s*(1000[01]|910[3679]|6003|61\d\d|9300)\s*,/;
/** Its own sentences, and the lines its clients print (wrangler, lego, certbot-dns-cloudflare, cloudflare-go). */
const CF_API_WORDS = /Invalid format for (X-Auth-Key|X-Auth-Email|Authorization) header|Missing X-Auth-Key, X-Auth-Email or Authorization headers|Unknown X-Auth-Key or X-Auth-Email|A request to the Cloudflare API \(|Error determining zone_id: \d+ |\b(Authentication error|Invalid access token|Invalid request headers|Unable to authenticate request) (\[code: |\()(1000[01]|9109|6003)\b|"code"\s*:\s*9109\s*,\s*"message"\s*:\s*"Invalid access token"/;
/** 9109 for a known token whose permission groups or resources do not cover the route, as Terraform and tools print it. */
const CF_API_NO_RESOURCE = /\b9109\b[^\n]{0,40}Unauthorized to access requested resource|Unauthorized to access requested resource[^\n]{0,16}\b9109\b/;
/** The API's own rate-limit sentence (1200 requests per 5 minutes per user or token), as exporters and CLIs print it. */
const CF_API_RATE = /More than \d+ requests per \d+ seconds reached\. Please wait and consider throttling your request speed/;
const CF_API_HEADERS = /\b(6003|61\d\d)\b[^\n]{0,40}Invalid (request headers|format for)|Invalid (request headers|format for [\w-]+ header)[^\n]{0,12}\b(6003|61\d\d)\b/;

export const cloudflareApi = defineProducer({
  id: 'cloudflare-api', kind: 'saas-api', name: 'Cloudflare API', family: 'cloudflare',
  // api.cloudflare.com answers through Cloudflare's edge: its JSON is the API's, not a block page
  overrides: ['cloudflare'],
  own: [body(CF_API_WORDS), body(CF_API_NO_RESOURCE), body(CF_API_RATE)],
  // the rate-limit sentence cut at its first period (developers.cloudflare.com/fundamentals/api/reference/limits/, corpus cloudflare-api/)
  bodyOnly: [all(body(CF_API_ENVELOPE), body(CF_API_CODES)), body(/\bMore than \d+ requests per \d+ seconds reached\./)],
  causes: [
    rule('invalid-credentials', 0.88, any(body(CF_API_HEADERS), body(/Invalid format for (X-Auth-Key|X-Auth-Email|Authorization) header/)), {
      blocks: true,
      why: 'Cloudflare\'s API could not read the credential headers (6003): an API token sent as X-Auth-Key (that header takes the Global API Key, with X-Auth-Email), a Global API Key sent as a Bearer token, or a token copied with a space or cut short',
      fix: 'Send an API token as Authorization: Bearer <token> with no X-Auth-Email, or the Global API Key as X-Auth-Key with X-Auth-Email; in certbot, lego, ddclient or acme.sh fill the token setting (dns_cloudflare_api_token, CF_Token), not the key one.',
    }),
    rule('invalid-credentials', 0.9, body(/\b(9109|9103|10001)\b[^\n]{0,40}(Invalid access token|Unknown X-Auth-Key|Unable to authenticate)|(Invalid access token|Unknown X-Auth-Key or X-Auth-Email|Unable to authenticate request)[^\n]{0,16}\b(9109|9103|10001)\b/), {
      blocks: true, why: 'Cloudflare does not know this API token or key (9109 / 9103): mistyped, rolled, deleted, or a token of another account',
      fix: 'Check the token with GET https://api.cloudflare.com/client/v4/user/tokens/verify and create a new one if it is not active.',
    }),
    rule('missing-credentials', 0.9, body(/Missing X-Auth-Key, X-Auth-Email or Authorization headers/), { why: 'no Cloudflare credential reached the API (9106)', blocks: true }),
    rule('insufficient-permissions', 0.85, body(CF_API_NO_RESOURCE), {
      blocks: true,
      why: 'Cloudflare knows the API token but its permissions or resources do not cover this route (9109 "Unauthorized to access requested resource"): a permission group missing (Zone:Read beside DNS:Edit, Access: Apps and Policies, API Tokens: Edit) or a zone or account outside the token\'s resources',
      fix: 'Edit the token (My Profile > API Tokens): add the permission group the route needs and include this zone or account in its resources.',
    }),
    rule('rate-limited', 0.92, body(CF_API_RATE), {
      blocks: true,
      why: 'Cloudflare\'s API rate limit refused the client: more requests than the global limit (1200 per 5 minutes per user or token) in the window',
      fix: 'Wait for the window to pass (retry-after), fetch less (larger pages, cache zone lists, fewer zones per run) and throttle the client.',
    }),
    rule('insufficient-permissions', 0.72, body(/\b10000\b[^\n]{0,40}Authentication error|Authentication error[^\n]{0,16}\b10000\b/), {
      blocks: true,
      why: 'Cloudflare answers "Authentication error" (10000) for a token it knows that has no permission on this account, zone or route — also when the path holds an id the token does not cover (an account id where the zone id belongs)',
      fix: 'Compare the token\'s permissions and resources (My Profile > API Tokens) with the route; use the zone id for /zones/ routes and the account id for /accounts/ routes.',
    }),
    rule('invalid-credentials', 0.45, body(/\b10000\b[^\n]{0,40}Authentication error|Authentication error[^\n]{0,16}\b10000\b/), { why: 'a token that is not sent as intended (empty variable, a key as a Bearer token) can get the same 10000' }),
  ],
  checklist: { auth: 'GET /client/v4/user/tokens/verify with the same header: it says whether the token is valid and active; then compare its permissions with the route.' },
});
