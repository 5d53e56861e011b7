import { all, any, body, cookie, hdr, status } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

const EDGE_LOG = { logging: 'Give the time, the URL and your IP address to the site\'s owner: the vendor\'s event log shows the rule or score that blocked the request.' };

/**
 * DDoS-Guard (ddos-guard.net, anti-DDoS CDN): its check/block page is titled "DDOS-GUARD", styled by #link-ddg (its
 * "DDoS protection by DDoS-Guard" footer link) and loads check.ddos-guard.net/check.js; the edge answers with
 * Server: ddos-guard and sets __ddg1_/__ddg2/__ddgid_/__ddgmark_/__ddg5_ cookies. Sources: mikf/gallery-dl#3569 (a 403
 * challenge's headers), Ekultek/WhatWaf#1005 (the page), mikf/gallery-dl#1779 (check.js and the __ddg cookies).
 */
const DDG_PAGE = /<title>DDOS-GUARD<\/title>|id="link-ddg"|#link-ddg\b|check\.ddos-guard\.net\/check\.js|DDoS protection by (<a [^>]{0,160}>)?DDoS-Guard\b/i;
/** Its title as text (a page reduced to its words, an exception quoting them): upper case, as the page writes it. */
const DDG_TITLE = /(^|[\s:>])DDOS-GUARD\b/;
const DDG_EDGE = any(hdr('server', /^ddos-guard\b/i), cookie(/^__ddg(1_|2_?|5_|id_|mark_)=/));

const ddosGuard = defineProducer({
  id: 'ddos-guard', kind: 'cdn-waf', name: 'DDoS-Guard', family: 'ddos-guard',
  own: [onPage(DDG_PAGE)],
  bodyOnly: [onPage(DDG_TITLE)],
  presence: [hdr('server', /^ddos-guard\b/i), cookie(/^__ddg(1_|2_?|5_|id_|mark_)=/)],
  causes: [
    rule('waf-or-bot-block', 0.88, any(onPage(DDG_PAGE), all(status(403, 429, 503), onPage(DDG_TITLE))), {
      blocks: true, why: 'DDoS-Guard, the anti-DDoS proxy in front of the site, answered with its browser check instead of the page: a client that runs no JavaScript (a script, a downloader, an API client) cannot earn its __ddg cookies, and a client it scores as a bot gets this page again and again',
      fix: 'Open the URL in a browser, pass the check, and reuse that browser\'s __ddg cookies and User-Agent in the client; slow down, or ask the site\'s owner for an API or to allow-list your client in DDoS-Guard.',
    }),
    rule('waf-or-bot-block', 0.62, all(status(403, 429), DDG_EDGE), {
      why: 'the 403 came through DDoS-Guard\'s edge (Server: ddos-guard, its __ddg cookies): most often its bot check refusing a client without its cookies; the origin\'s own 403s pass through the same edge',
      fix: 'Retry from a browser session with its __ddg cookies, or after a pause; if the browser also gets a 403, the site itself refuses the URL.',
    }),
    rule('ip-or-geo-blocked', 0.45, onPage(DDG_PAGE), { why: 'DDoS-Guard also shows this page to addresses the site\'s owner or its reputation lists block', template: true }),
  ],
  checklist: EDGE_LOG,
});

/**
 * BitNinja (bitninja.io, server security agent on shared hosts): its captcha server answers with Server: BitNinja Captcha
 * Server and a "Visitor anti-robot validation" page whose translations say the IP was greylisted ("Security check by
 * BitNinja.IO", "BitNinja's greylist", "The BitNinja Team" in each language). Sources: Ekultek/WhatWaf#1177,
 * Ekultek/WhatWaf#1011, Ekultek/WhatWaf#467.
 */
const BN_PAGE = /\bVisitor anti-robot validation\b|\bBitNinja\.io\b|alt="Bitninja\.io"|\b(greylist|grey list|liste grise|lista gris) (of|de) BitNinja\b/i;
const BN_SERVER = hdr('server', /^BitNinja\b/i);

const bitninja = defineProducer({
  id: 'bitninja', kind: 'cdn-waf', name: 'BitNinja', family: 'bitninja',
  own: [BN_SERVER, onPage(BN_PAGE)],
  causes: [
    rule('waf-or-bot-block', 0.87, any(BN_SERVER, onPage(BN_PAGE)), {
      blocks: true, why: 'BitNinja, the security agent on the site\'s server, put your IP address on its greylist (earlier requests from it tripped its WAF, honeypot or brute-force rules, or it is on a reputation list) and answers with its anti-robot captcha until a person solves it',
      fix: 'Solve the captcha once in a browser from the same IP address (it removes the IP from the greylist); a script cannot: slow it down, or ask the host to allow-list its address in BitNinja.',
    }),
    rule('ip-or-geo-blocked', 0.55, any(BN_SERVER, onPage(BN_PAGE)), { why: 'the greylist is per IP address: every client behind it (a NAT, a VPN, a CI runner) gets the same captcha', template: true }),
  ],
  checklist: EDGE_LOG,
});

/**
 * Imunify360 (CloudLinux, shared hosting): WebShield's anti-bot answer to a client it scores as automation, often as
 * HTTP 200 — {"message": "Access denied by Imunify360 bot-protection. IPs used for automation should be whitelisted"} or
 * the same sentence as text — and its greylist captcha page ("<site> is protected by Imunify360 … blocked access to
 * this website"). Sources: riccardopirani/appcondomini BOT_PROTECTION_ISSUE.md, OpenLiveWriter/OpenLiveWriter#804.
 */
const IM360_BOT = /Access denied by Imunify360 bot-protection\b/;
const IM360_PAGE = /\bis protected by Imunify360\b|\bImunify360 (WebShield|captcha)\b/i;

const imunify360 = defineProducer({
  id: 'imunify360', kind: 'cdn-waf', name: 'Imunify360', family: 'imunify360',
  own: [body(IM360_BOT), onPage(IM360_PAGE)],
  causes: [
    rule('waf-or-bot-block', 0.92, body(IM360_BOT), {
      blocks: true, why: 'Imunify360\'s bot protection on the hosting server took the request for automation (a datacenter or CI address, a client without a browser\'s headers or cookies) and refused it before the site saw it — often with HTTP 200, so the client thinks it got data',
      fix: 'Ask the host to allow-list the calling IP address in Imunify360 (or to exempt the API path); a browser-like header set does not pass it.',
    }),
    rule('waf-or-bot-block', 0.85, onPage(IM360_PAGE), {
      blocks: true, why: 'Imunify360 greylisted your IP address after activity it found suspicious (failed logins, WAF rule hits, automation) and shows its captcha page instead of the site',
      fix: 'Solve the captcha once in a browser from that address; for a tool (a blog editor, a script) ask the host to allow-list its IP address or the path it calls.',
    }),
    rule('ip-or-geo-blocked', 0.5, any(body(IM360_BOT), onPage(IM360_PAGE)), { why: 'Imunify360 blocks per IP address (its greylist and RBL)', template: true }),
  ],
  checklist: EDGE_LOG,
});

/**
 * e2guardian (and DansGuardian before it), the content-filtering proxy of schools and pfSense boxes: its deny page
 * ("E2Guardian - Access Denied", "… a website which has been deemed inappropriate") is served with HTTP 200 by design,
 * and its access log marks each refusal "*DENIED* <reason>: <site>" in the configured language. Sources:
 * e2guardian/e2guardian data/languages/ukenglish/template.html, e2guardian/e2guardian#360 (200 on purpose),
 * e2guardian/e2guardian#505 and #247 (log lines).
 */
const E2G_PAGE = /\b(E2Guardian|DansGuardian) - Access Denied\b|\bvisiting a website which has been deemed inappropriate\b/i;
const E2G_LOG = /\*DENIED\* [^\n*:"]{2,60}: [^\s"]{2,200}/;

const e2guardian = defineProducer({
  id: 'e2guardian', kind: 'proxy', role: 'forward-proxy', name: 'e2guardian / DansGuardian web filter', family: 'e2guardian',
  own: [onPage(E2G_PAGE), body(E2G_LOG)],
  causes: [
    rule('proxy-denied', 0.9, any(onPage(E2G_PAGE), body(E2G_LOG)), {
      blocks: true, why: 'the network\'s e2guardian filter (a school, company or pfSense box) denied the URL: a banned site or URL list, a category, a weighted or banned phrase in the page, or a blanket block matched — and its deny page answered in the site\'s place (with HTTP 200, on purpose)',
      fix: 'Ask the network\'s administrators to add the site to the exception list of your filter group (the page and the access log name the reason), use its bypass link if the page offers one, or use another network.',
    }),
  ],
  checklist: { logging: 'e2guardian\'s access.log (and denied.log on pfSense) has a *DENIED* line for the request with the list or phrase that matched.' },
});

/** CDNs, WAFs, anti-DDoS services and bot or queue challenges not covered elsewhere (filled by family). */
export const EDGE_SECURITY_PRODUCERS: Producer[] = [bitninja, imunify360, ddosGuard, e2guardian];
