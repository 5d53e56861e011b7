import type { Matcher } from '../match';
import { all, body, hdr, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule, Ctx } from '../types';
import { EDGE_INTL_RULES } from './words-edge-intl';
import { shortBodyWords } from './short-body';

const w = shortBodyWords;
/** Interstitials and block pages are a few lines: a 200 is read as one only when this short. */
const tiny = (ctx: Ctx): boolean => ctx.textLength < 1000;
const t = (re: RegExp): Matcher => when(tiny, body(re));
// Block pages hide their words behind markup and entities (Akamai's "Reference&#32;&#35;18...", "<b>Category:</b> News"):
// read those on the visible text (made once per response by buildContext), and only for short pages.
/** `anchor` on the body (the evidence, and the index's literal) and `re` on the short page's visible text. */
const seen = (anchor: RegExp, re: RegExp): Matcher => all(t(anchor), (ctx) => (re.test(ctx.text) ? [] : null));

const GEO = /not (available|supported) in your (country|region|location)|(unsupported|not supported)[^.\n"<]{0,20}(country|region|territory|location)|country,? region,? or territory|geo[- ]?(graphic(al)?)?[- ]?(restrict|block)\w*|(blocked|banned|restricted) (in|from) your (country|region)|your (country|region|location) (is|has been) (not supported|blocked|banned|restricted)|access from your (country|region|area)[^.\n"<]{0,40}(disabled|blocked|limited|restricted)/i;
/**
 * The same, verb first or the place as subject: "configured to block access from your country"
 * (CloudFront, aws-cloudfront/geo-block), "banned the country or region your IP address is in"
 * (Cloudflare 1009), "User location is not supported for the API use" (Gemini, google-apis/gemini-location),
 * "this service is not available in your location" variants.
 */
// also "unavailable / isn't available in your country" (Spotify "Spotify is not available in your country", YouTube "This video
// isn't available in your country") and "access denied from your location" (Sucuri GEO block reason, CloudFront geo pages)
const GEO_MORE = /\b(unavailable|n[’']t available) (in|from) your (country|region|location|area|territory)\b|\b(denied|blocked|restricted|disabled) (in|from) your (country|region|location|area)\b|\b(block|deny|den(ied|ies)|restrict|prevent|refuse)\w* access from (your|the|certain|some) (country|region|location|territory)|\b(banned|blocked) the country\b|\b(user |your |caller'?s? )(location|country|region) (is |are )?(not supported|unsupported|not available|not allowed|not permitted|restricted|blocked)/i;
/** The same, in the words only a location refusal uses (a 400 "User location is not supported" is a refusal): Gemini, OpenAI's unsupported_country_region_territory. */
const GEO_BLOCKS = /\b(user|your|caller'?s?) (location|country|region) (is )?(not supported|unsupported)\b|\bcountry,? region,? or territory (is )?not supported\b|\bnot (available|supported) in your (country|region|location)\b/i;
const IP = /\bip( address)?\b[^\n"<]{0,40}(is |has been )?(not (allowed|authori[sz]ed|whitelisted|permitted|in (the )?allow ?list)|blocked|banned|denied|blacklisted|rejected|restricted)|not in (the |your )?(ip )?(allow|white) ?list|(ip|address) (allow|white) ?list|client ip[^.\n"<]{0,30}(not allowed|denied|blocked)|\bip_(address_)?not_(allowed|authori[sz]ed|whitelisted|permitted)\b/i;
/**
 * The source address as object or origin of the refusal: "has banned your IP address" (Cloudflare 1006/1008),
 * "Your blocked IP address is" (ConfigServer CSF), "not allow to access from your ip" (WeCom 60020),
 * "not authorized ... using this source IP" (Azure Storage AuthorizationSourceIPMismatch), "Request originated
 * from IP ... blocked by ... firewall" (Cosmos DB), "Client address is not authorized" (Key Vault), "banned the
 * autonomous system number (ASN)" (Cloudflare 1005).
 */
const IP_MORE = /\b(banned|blocked|blacklisted|denied|blocking|restricted|rejected) (your|the|this|client|source|requesting|caller'?s?) ip( address)?\b|\byour (blocked|banned|blacklisted) ip\b|\b(access|requests?|connections?) from (your|this|the|that) ip\b|\busing this source ip\b|\b(originated|originating|coming|comes) from (the )?ip\b|\bclient (ip )?address (is |was )?not (authori[sz]ed|allowed|permitted)|\b(banned|blocked) the (autonomous system|asn)\b|\b(access )?(denied|blocked|banned|forbidden) for (the |this |your )?(client |source |remote )?ip\b|\byour ip\b[^\n"<]{0,80}\bis not allowed\b|\b(from|with) (an? )?(disallowed|blacklisted|banned|unauthori[sz]ed|untrusted|non-whitelisted) (client |source )?ip( address)?\b/i;
/**
 * The caller's kind of network refused, not the caller: "Requests from data center IP addresses are not allowed", "traffic from
 * hosting providers is blocked" (IP-reputation services: ipapi/IPQualityScore docs, Reddit "blocked by network security" for
 * hosting ranges), "Tor exit nodes are not permitted" (Wikipedia/Cloudflare Tor blocking), "cloud provider IPs are blocked".
 */
const NETWORK_KIND = /\b(data ?cent(er|re)|hosting( provider)?|cloud( provider)?|tor exit|anonymi[sz]ing proxy|residential proxy)( ip| ips| ip addresses| networks?| nodes?| ranges?)\b[^.\n"<]{0,40}\b(not allowed|not permitted|blocked|prohibited|banned|denied|not supported)\b|\b(block|ban|den[yi]|disallow|reject)\w* (requests|traffic|access|connections) from (data ?cent(er|re)s?|hosting providers?|cloud providers?|tor( exit nodes?)?|vpns?( and proxies)?|proxies)\b/i;
/**
 * A network firewall (not a WAF) of the account or server: "blocked by your Cosmos DB account firewall settings" (Cosmos DB),
 * "blocked in this server's firewall" / "The firewall on this server is blocking your connection" (ConfigServer CSF),
 * "network firewall" rules of storage accounts (Azure Storage docs, learn.microsoft.com/azure/storage/common/storage-network-security).
 */
/**
 * A page served only to the local machine or network: "the Manager is only accessible from a browser running on the same
 * machine as Tomcat" (Tomcat manager), "this URL is only accessible using localhost (127.0.0.1) as the hostname" (Bitnami
 * stacks, github.com/bitnami/vms/issues/1269), admin consoles "accessible from localhost only".
 */
const LOCAL_ONLY = /\bonly (accessible|available|allowed|reachable) (from|using|via|on) [^.\n"<]{0,40}\b(localhost|127\.0\.0\.1|same (machine|host|server)|local (machine|host|network))\b/i;
const NET_FIREWALL = /\b(account|network|server'?s?) firewall\b|\bfirewall on this server\b/i;
/**
 * The answer of an API that serves the refusal with 200/400: "ip 8.217.51.178 is denied by app setting"
 * (Feishu 99991401), "IP 13.37.4.46 is not allowed to access Snowflake" (Snowflake network policy),
 * "invalid ip ..., not in whitelist" (WeChat 40164), "not allow to access from your ip" (WeCom 60020). An address
 * literal or the caller's own IP must be named; a private/internal IP refused as an input is validation.
 */
const IP_BLOCKS = /(?<!(private|internal|local|loopback|reserved|public) )\bip( address)?( [\d.:a-f*x]{3,45})?,? (is |was |has been )?(not (allowed|authori[sz]ed|permitted|whitelisted)|denied|blocked|banned|not in (the )?(white|allow) ?list)|\binvalid (client |source )?ip\b[^.\n"<]{0,60}\bnot in (the )?(white|allow) ?list|\bnot allow(ed)? to access from your ip\b|\bbut your ip is\b/i;
/** A VPN or anonymising proxy refused for the caller's network, not for who the caller is (IP-reputation middleware, streaming block reasons). */
const VPN = /\bvpns?\b[^.\n"<]{0,30}\b(not allowed|not permitted|detected|blocked|prohibited)\b|\b(don[´'’]?t|do not|does not|doesn[´'’]?t) (allow|permit) (the use of )?(an? )?vpns?\b|\bwhile (using|connected to) an? vpn\b|\b(disable|turn off) your vpn\b/i;
// a request blocked by authentication or authorization is not a WAF's doing; a captcha named only as a header (X-Recaptcha) is no check
const WAF = /request (was |has been |is )?(blocked|rejected)(?! by auth)( by)?|\bblocked (this|your) request\b|\b(blocked|denied|rejected|flagged|intercepted) by (the |our |a |your )?(waf|web application firewall)\b|web application firewall|security (policy|rules?|service)[^.\n"<]{0,40}(block|denied|triggered)\w*|bot (detection|protection|manager)|automated (access|requests|queries|traffic)|(?<!\w)captcha\b|\b(complete|solve|enter|pass) the (re)?captcha\b|suspicious (activity|request)|are you a robot|verify (that )?you are (a )?human|support id is|incident id/i;
/**
 * A browser or bot check instead of the page: "Just a moment... Enable JavaScript and cookies to continue"
 * (Cloudflare), "Please enable JS and disable any ad blocker" (DataDome), "Making sure you're not a bot!" (Anubis),
 * "We're verifying your browser" (Vercel Security Checkpoint), "Human Verification" (AWS WAF captcha),
 * "Challenge Validation" (Akamai Bot Manager), "Checking your browser before accessing" (DDoS-Guard, old Cloudflare).
 */
const CHALLENGE = /\benable (javascript|js) and (cookies|disable)|\b(think|thought|suspect)\w* you (were|are|might be) a (ro)?bot\b|\b(make sure|making sure|verify(ing)?|check(ing)?|confirm(ing)?) (that )?(you(&#39;|['’]| a)re (not a (ro)?bot|(a )?human)|your browser)\b|\bhuman verification\b|\bsecurity (checkpoint|verification)\b|\bchallenge validation\b|\b(anti-?bot|bot|captcha|browser|javascript|js|managed|interactive|turnstile) challenge\b|\bjust a moment\.\.\./i;
/** The same, only in words no ordinary page uses (a 200/202/405 interstitial is a refusal): the Anubis, AWS WAF, Akamai and Cloudflare pages above. */
const CHALLENGE_BLOCKS = /\b(making sure|verify(ing)?|check(ing)?) (that )?you(&#39;|['’]| a)re not a (ro)?bot\b|\bhuman verification\b|\bchallenge validation\b|\benable javascript and cookies to continue\b|\bsecurity checkpoint\b/i;
/**
 * "You" blocked rather than the destination: "Sorry, you have been blocked" (Cloudflare), "You have been blocked"
 * (DataDome), "has blocked you from further access" (Tencent EdgeOne), "has banned your access based on your browser's
 * signature" (Cloudflare 1010), "Your access to this service has been limited" (Wordfence).
 */
const YOU_BLOCKED = /\b(you have|you've|you were|you are) been (blocked|banned)\b|\b(banned|blocked) (you|your access)\b|\byour access to this (site|service|website|web ?site|page|server) (has been|was|is) (limited|blocked|restricted|denied|banned)/i;
/**
 * A security layer or an attack signature named as the reason: "This website is using a security service to protect
 * itself" / "triggered the security solution" (Cloudflare), "Sucuri Website Firewall" (Sucuri), "Request denied by
 * WatchGuard Firewall. Reason: IPS detected for ... Cross-Site Scripting" (WatchGuard), "Custom Firewall Rules"
 * (Cloudflare 1020), "An attempted XSS ... was detected and blocked" (Sucuri), "A potentially unsafe operation has been
 * detected" (Wordfence), "The security policy of this website has blocked you" (EdgeOne).
 */
const SECURITY = /\busing a security service\b|\btriggered (the|a) security\b|\bwebsite firewall\b|\bfirewall rules?\)|\b(request|response|access) denied by [^.\n"<]{0,30}firewall\b|\b(xss|cross[- ]site scripting|sql injection|sqli|command injection|path traversal|web attack|potentially (unsafe|dangerous|harmful|malicious) (operation|request))\b[^.\n"<]{0,40}\b(detected|blocked)|\bips detected\b|\bsecurity policy of this (web)?site\b/i;
/**
 * A block page that hands out a trace id for the site's support, with a rejection: "The requested URL was rejected ...
 * Your support ID is: ..." (F5 BIG-IP ASM), "Access Denied ... Reference #18.2f5c1402..." (Akamai), "Incapsula incident ID"
 * (Imperva), "Block ID: XSS01" (Sucuri), "Cloudflare Ray ID" (Cloudflare). API request ids are left out: every error has one.
 */
const TRACE_ID = /\b(reference|incident|support|ray|block|event)( id| #| number)?\s*(is|:|#)?\s*[:#]?\s*[\w.-]{5,}|\breference #\d/i;
const REJECTED = /\baccess denied\b|\b(the )?request(ed url)? (was |has been |is )(rejected|blocked|denied)\b|\bdon'?t have permission to access\b/i;
/** A 200 block page of a WAF appliance: "The requested URL was rejected. ... Your support ID is" (F5 ASM; Citrix/NetScaler AppFW's "your support id" page). */
/**
 * A WAF engine or protection service signs the denial: "This error was generated by Mod_Security" (cPanel's 406),
 * "ModSecurity: Access denied with code 403" (Apache error log lines), "Access Denied ... Protected by Anubis" (Anubis),
 * "Restricted Access ... Protected by Tencent Cloud EdgeOne" (EdgeOne), "Powered and protected by Akamai" (Akamai Bot Manager).
 */
const MOD_SECURITY = /\bgenerated by mod[_ ]?security\b|\bmod[_ ]?security\b[^.\n<]{0,20}\b(access denied|denied|blocked)\b/i;
const PROTECTED_BY = /\b(access denied|restricted access)\b[\s\S]{0,300}\bprotected by\b/i;
const REJECTED_BLOCKS = /\bthe requested url was rejected\b/i;
const SUPPORT_ID = /\byour support id is\b/i;
const PROXY = /proxy (authentication|authorization) required|(denied|blocked) by (the |your )?(corporate |organi[sz]ation'?s? )?(proxy|web filter|content filter|url filter)|url (category|filtering)|content filter(ing)?|web filtering|this (site|website|page|url) (is|has been) blocked (by|because)/i;
/** A corporate web filter's block page in its own words (URL filtering by category, file-type or application policy). */
const WEB_FILTER = /blocked in accordance with (company|corporate|organi[sz]ation(al)?) policy|based on your organi[sz]ation'?s (access|security|internet|web) polic(y|ies)|blocked because of an? [\w ]{0,40}polic(y|ies)( setting)?|web category[^.\n"<]{0,40} is not allowed/i;
/**
 * The destination, not the caller, is what is blocked: "This website is blocked by your network operator" (Cisco Meraki),
 * "This page has been blocked by Kerio Control" (Kerio), "This web page is blocked because it violates network policy"
 * (Untangle), "This domain is blocked due to content filtering" (Cisco Umbrella), "Access to the requested site has been
 * restricted" (iboss), "Access to URL ... has been restricted" (Olfeo), "The link you are accessing has been blocked by"
 * (Barracuda), "Your request for http://... was blocked" (Privoxy), "Request for URL ... denied by WebBlocker" (WatchGuard).
 */
const SITE_BLOCKED = /\b(this|the|that)( requested)? (web ?site|web ?page|page|site|domain|url|link)( you( have|'ve)? (are |were )?(requested|accessing|visiting|trying to (reach|access|visit|view)))? (is|has been|was|is being) (blocked|filtered)\b|\baccess to (the requested (site|web ?site|url|page)|this (site|web ?site|url|domain)|url [^\s<"]{3,80}) (has been|was|is) (restricted|blocked|filtered|denied)|\baccess to (the|this) (web ?site|web ?page|page|site|url)( you( have|'ve)? (are |were )?(requested|trying to (reach|access|visit|view)))? (has been|was|is) (restricted|blocked|filtered)\b|\b(your )?request for (url )?https?:\/\/[^\s<"]{1,80} (was |has been |is )?(blocked|denied|filtered)|\brequest for blocked url\b|\b(web ?site|web ?page|page|site|url|domain) blocked\b(?![-\w])/i;
/** A 200 block page in the same words, only with the reason a filter gives (who blocked it, or why): the Meraki, Kerio, Untangle, Umbrella and iboss pages above. */
const SITE_BLOCKS = /\b(this|the)( requested)? (web ?site|web ?page|page|site|domain|url) (is|has been|was) (blocked|restricted|filtered) (by\b|because it|due to (its )?(content|category))|\baccess to the requested (site|web ?site|page) has been restricted due to\b/i;
/**
 * The organisation's use policy as the reason: "in violation of your internet usage policy" (FortiGate), "Your
 * organization's Internet use policy restricts access" (Forcepoint), "violates network policy" (Untangle), "Your
 * organization's access policy prohibits access to this site" (Zscaler), "Your system policy has denied access to the
 * requested URL" (Blue Coat), "The company's policy does not allow access to this page" (Stormshield,
 * documentation.stormshield.eu block page), "Internet user policy" (Olfeo).
 */
const USE_POLICY = /\b(internet|web|network|browsing|acceptable)[- ](use |usage |user |access |browsing )?polic(y|ies)\b|\b(violates|in violation of) (your |the |our )?(\w+ ){0,2}polic(y|ies)\b|\bpolicy (has )?(denied|prohibits|restricts|blocks|does not allow) access to (this|the requested) (site|web ?site|web ?page|page|url)/i;
const USE_POLICY_BLOCKS = /\b(violates|in violation of) (your |the )?(internet|network|web) (usage |use |access )?policy\b|\binternet use policy restricts access\b/i;
/**
 * The filter's verdict by URL category, as a field or a phrase: "URL: ... Category: Gambling" (Meraki, Untangle,
 * FortiGate, Olfeo, ContentKeeper "Category Adult Content"), "Not allowed to browse Social Networking category"
 * (Zscaler), 'The Websense category "Sex" is filtered' (Forcepoint), "listed in a blocked category" (FortiGate),
 * "It falls under the category" (Stormshield docs), "denied by WebBlocker: ... blocked for <category>" (WatchGuard docs).
 */
const CATEGORY = /\b(blocked|filtered|restricted|prohibited|denied) categor(y|ies)\b|\bcategory\b[^.\n<]{0,40}\b(is|are) (filtered|blocked|not allowed|prohibited)|\bnot allowed to (browse|visit|access)[^.\n<]{0,40}\bcategory\b|\bfalls under the category\b/i;
const URL_FIELD = /\b(url|you tried to visit|host)\s*[:：]?\s*(https?:\/\/|www\.)[^\s<"]{2,}/i;
const CATEGORY_FIELD = /\bcategory\s*[:：]\s*[A-Z][\w &/-]{2,40}/i;
/** The same fields laid out as a table, without colons ("URL gaytoday.com Category Adult Content", ContentKeeper; Meraki's and iboss's field lists): only with a refusal status. */
const URL_TABLE = /\burl\s*[:：]?\s*(https?:\/\/|www\.|[a-z0-9-]+(\.[a-z0-9-]+)+)/i;
const CATEGORY_TABLE = /\b[Cc]ategor(y|ies)\s*[:：]?\s*[A-Z]/;
const DENIAL = /\b(blocked|restricted|denied|filtered|prohibited|not allowed)\b/i;
/**
 * Blame placed on the caller's own network: "contact your network administrator" (Untangle, Forcepoint), "your network
 * operator" (Meraki), "your network support team" (Blue Coat), "contact your service provider" (Squid), "The administrator
 * of this proxy" (Tinyproxy), "Your cache administrator" (Squid). A site never sends its own visitors to their ISP.
 */
const YOUR_NETWORK = /\byour (network|internet|it|cache) (administrator|admin|operator|support team|team|department|helpdesk|help desk)\b|\b(contact|call|reach) your (internet )?(service provider|isp)\b|\badministrator of this proxy\b/i;
/**
 * A forward proxy's own page: "(Response) denied by WatchGuard HTTP proxy" (WatchGuard), "blocked by the Barracuda Web
 * Filter" (Barracuda), "Access control configuration prevents your request" and "The requested URL could not be retrieved"
 * (Squid, and the Squid-based filters: pfSense/SquidGuard, LiveStream help.getbusi.com), "The request you made has been filtered"
 * (Tinyproxy), "ISA Server denied the specified URL" (Forefront TMG).
 */
const PROXY_PAGE = /\b(denied|blocked|filtered|rejected|refused) by (the |your )?[^.\n"<]{0,30}\b(http |https |web |forward )?(proxy|web filter|content filter|url filter|web gateway)\b|\baccess control configuration prevents\b|\brequested url could not be retrieved\b[^<]{0,200}\baccess denied|\brequest you made has been filtered\b|\bdenie[sd] the specified (uniform resource locator|url)\b/i;
/** A Proxy-Agent header names a forward proxy that answered itself (Privoxy; RFC 2068's Proxy-Agent of CONNECT proxies). */
const PROXY_AGENT = all(status(403, 407), hdr('proxy-agent'));
/** Header names a WAF or bot manager sets on its decisions: cf-mitigated (Cloudflare), x-vercel-mitigated (Vercel), x-amzn-waf-action (AWS WAF). */
const WAF_HEADER_NAME = /(^|[-_])waf([-_]|$)|(^|-)mitigated$/i;
const wafHeader: Matcher = (ctx) => {
  for (const [name, values] of ctx.headers) {
    if (WAF_HEADER_NAME.test(name)) return [{ where: 'header', name, text: values[0] ?? name, weight: 3 }];
  }
  return null;
};
/** The same header saying it challenged or blocked: outranks a 429's rate-limit reading (the "limit" is a bot check). */
const WAF_DECISION = /^(challenge|captcha|block|deny|denied|js_challenge|managed_challenge)$/i;
const wafDecision: Matcher = (ctx) => {
  for (const [name, values] of ctx.headers) {
    if (!WAF_HEADER_NAME.test(name)) continue;
    const v = values.find((x) => WAF_DECISION.test(x.trim()));
    if (v) return [{ where: 'header', name, text: v, weight: 3 }];
  }
  return null;
};

/** The network and the edge in words: a country, an IP or VPN, a WAF or bot check, a proxy or web filter refused the request. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
/**
 * An anti-bot JavaScript challenge served as an error: the whole body a bare <script> that writes a clearance cookie and reloads the
 * page, which a client that runs no JavaScript never passes. Jiasule's 521 (github.com/MgArcher/jiasule/issues/3,
 * github.com/einherjarcai/spider/issues/1, knownsec-jiasule/521-*), the same scheme on a proxy-list site
 * (github.com/jhao104/proxy_pool/issues/25: "返回的是521和js代码").
 */
const JS_COOKIE_CHALLENGE = /^\s{0,20}<script[^>]{0,40}>\s{0,4}(?:var [^;<]{1,200};\s{0,4})?document\.cookie\s?=[\s\S]{0,4000}?\blocation\.(?:href|reload|replace|pathname)\b/i;

export const EDGE_WORD_RULES: CauseRule[] = [
  rule('waf-or-bot-block', 0.7, all(when((ctx) => ctx.status >= 400), w(JS_COOKIE_CHALLENGE)), { blocks: true, words: true, why: 'the error\'s whole body is a script that sets a clearance cookie and reloads: an anti-bot JavaScript challenge a client without JavaScript never passes' }),
  rule('ip-or-geo-blocked', 0.67, w(GEO), { words: true, why: 'the body says the request\'s country, region or location is not allowed' }),
  rule('ip-or-geo-blocked', 0.67, w(GEO_MORE), { words: true, why: 'the body says access from the caller\'s country, region or location is blocked' }),
  rule('ip-or-geo-blocked', 0.67, t(GEO_BLOCKS), { blocks: true, words: true, why: 'the body says the caller\'s country, region or location is not supported (sent with a status that is not a refusal)' }),
  rule('ip-or-geo-blocked', 0.62, w(LOCAL_ONLY), { words: true, why: 'the body says the page is served only to the local machine or network: the caller\'s address is outside it' }),
  rule('ip-or-geo-blocked', 0.6, w(NET_FIREWALL), { words: true, why: 'the body names the account\'s or server\'s network firewall: the caller\'s address is not let through' }),
  rule('ip-or-geo-blocked', 0.6, w(IP), { words: true, why: 'the body says the source IP address is not allowed' }),
  rule('ip-or-geo-blocked', 0.66, w(IP_MORE), { words: true, why: 'the body says the caller\'s IP address (or its network) is banned or not allowed' }),
  rule('ip-or-geo-blocked', 0.64, t(IP_BLOCKS), { blocks: true, words: true, why: 'the body says the caller\'s IP address is not allowed (sent with a status that is not a refusal)' }),
  rule('ip-or-geo-blocked', 0.62, w(NETWORK_KIND), { words: true, why: 'the body says requests from the caller\'s kind of network (data centre, hosting, cloud, Tor, proxies) are refused' }),
  rule('ip-or-geo-blocked', 0.6, w(VPN), { words: true, why: 'the body says requests through a VPN or proxy are not allowed: the network the request comes from is refused' }),
  rule('waf-or-bot-block', 0.48, w(WAF), { words: true, why: 'the body reads like a WAF or bot-protection block page' }),
  rule('waf-or-bot-block', 0.6, w(CHALLENGE), { words: true, why: 'the body is a browser or bot check (JavaScript, cookies, a human check) instead of the page' }),
  rule('waf-or-bot-block', 0.62, t(CHALLENGE_BLOCKS), { blocks: true, words: true, why: 'the body is a bot-check interstitial (a human or browser check) instead of the page' }),
  rule('waf-or-bot-block', 0.58, w(YOU_BLOCKED), { words: true, why: 'the body says the site\'s protection blocked the caller' }),
  rule('waf-or-bot-block', 0.6, w(SECURITY), { words: true, why: 'the body names a security service, firewall rule or attack signature as the reason' }),
  rule('waf-or-bot-block', 0.58, all(seen(/\b(reference|incident|support|ray|block|event)\b/i, TRACE_ID), seen(/\b(access|request|permission)\b/i, REJECTED)), { words: true, why: 'a short denial page with a reference or incident id for the site\'s support: the shape of a WAF or CDN block page' }),
  rule('waf-or-bot-block', 0.62, all(t(REJECTED_BLOCKS), t(SUPPORT_ID)), { blocks: true, words: true, why: 'the page says the requested URL was rejected and gives a support id: a WAF\'s block page' }),
  rule('waf-or-bot-block', 0.64, t(MOD_SECURITY), { blocks: true, words: true, why: 'the page names ModSecurity, the WAF engine that refused the request' }),
  rule('waf-or-bot-block', 0.6, seen(/\bprotected by\b/i, PROTECTED_BY), { blocks: true, words: true, why: 'a short denial page signed "protected by" a protection service: a WAF or bot manager refused the request' }),
  rule('waf-or-bot-block', 0.66, wafHeader, { why: 'a header of a WAF or bot manager is on the response: its decision' }),
  rule('waf-or-bot-block', 0.88, all(status(403, 429), wafDecision), { why: 'a WAF or bot manager\'s header says it challenged or blocked this request' }),
  rule('proxy-denied', 0.6, w(PROXY), { words: true, why: 'the body says a proxy or web filter blocked the request' }),
  rule('proxy-denied', 0.66, w(WEB_FILTER), { blocks: true, words: true, why: 'the body is a corporate web filter\'s block page: the destination\'s URL category, file type or application is not allowed by the organisation\'s policy' }),
  rule('proxy-denied', 0.6, w(SITE_BLOCKED), { words: true, why: 'the body says the site or URL itself is blocked: a web filter\'s verdict on the destination' }),
  rule('proxy-denied', 0.64, t(SITE_BLOCKS), { blocks: true, words: true, why: 'the page says the site was blocked by the network or for its content: a web filter\'s block page' }),
  rule('proxy-denied', 0.63, w(USE_POLICY), { words: true, why: 'the body says the organisation\'s internet use policy does not allow this site' }),
  rule('proxy-denied', 0.66, t(USE_POLICY_BLOCKS), { blocks: true, words: true, why: 'the page says the site violates the network\'s internet use policy: a web filter\'s block page' }),
  rule('proxy-denied', 0.64, w(CATEGORY), { words: true, why: 'the body says the site\'s URL category is blocked: a web filter\'s verdict' }),
  rule('proxy-denied', 0.64, all(seen(/\b(url|visit|host)\b/i, URL_FIELD), seen(/\bcategory\b/i, CATEGORY_FIELD), seen(/\b(blocked|restricted|denied|filtered|prohibited|not allowed)\b/i, DENIAL)), { blocks: true, words: true, why: 'the page shows the requested URL with its category and a block: a web filter\'s block page' }),
  rule('proxy-denied', 0.6, all(status(403, 407), seen(/\burl\b/i, URL_TABLE), seen(/\bcategor/i, CATEGORY_TABLE), seen(/\b(blocked|restricted|denied|filtered|prohibited)\b/i, DENIAL)), { words: true, why: 'a refusal page that lists the requested URL with its category: a web filter\'s block page' }),
  rule('proxy-denied', 0.5, w(YOUR_NETWORK), { words: true, why: 'the body sends the caller to their own network\'s administrator or provider: a filter on the caller\'s side refused it' }),
  rule('proxy-denied', 0.64, w(PROXY_PAGE), { words: true, why: 'the body is a forward proxy\'s or web filter\'s own refusal page' }),
  rule('proxy-denied', 0.6, PROXY_AGENT, { why: 'a Proxy-Agent header: a forward proxy answered the request itself' }),
  ...EDGE_INTL_RULES,
];
