import { any, body, cookie, hdr } from '../match';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

const BOT_FIX = 'Bot managers fingerprint the client: use the site\'s official API, or ask the owner to allow-list your client/IP for API routes.';
const BOT_CHECKLIST = { server: 'Ask the site owner to look up the block in the bot-manager console and exempt your API client.' };

/** DataDome's block page: its #cmsg paragraph and the dd={…} object its c.js reads. */
const DD_PAGE = /<p id="cmsg">\s*Please enable JS and disable any ad blocker|var dd=\{'(rt|cid)':/;
/** The #cmsg sentence as the page's whole visible text (a headless browser's or a pasted copy). */
const DD_SENTENCE = /^\s*Please enable JS and disable any ad blocker\.?\s*$/m;

export const datadome = defineProducer({
  id: 'datadome', kind: 'cdn-waf', name: 'DataDome', family: 'datadome',
  own: [hdr('x-datadome'), hdr('x-dd-b'), body(/captcha-delivery\.com/i), onPage(/datadome/i), onPage(DD_PAGE)],
  bodyOnly: [onPage(DD_SENTENCE)],
  presence: [cookie(/^datadome=/), hdr('x-datadome-cid')],
  causes: [rule('waf-or-bot-block', 0.92, any(hdr('x-datadome', /protected|\S/), body(/captcha-delivery\.com|datadome/i), body(DD_PAGE), body(DD_SENTENCE)), { why: 'DataDome bot protection blocked or challenged the client (x-datadome, its "Please enable JS and disable any ad blocker" page)', fix: BOT_FIX, blocks: true })],
  checklist: BOT_CHECKLIST,
});

/** The PerimeterX enforcers' block page: its title (with or without the period) or its sentence about automation tools. */
const PX_PAGE = /<title>\s*Access to this page has been denied\.?\s*<\/title>|Access to this page has been denied because we believe you are using automation tools/i;

export const humanPerimeterx = defineProducer({
  id: 'human-perimeterx', kind: 'cdn-waf', name: 'HUMAN (PerimeterX)', family: 'perimeterx',
  own: [body(/px-captcha|_pxAppId|perimeterx|Press (&amp;|&) Hold|"blockScript"\s*:|captcha\.px-cdn\.net|\/\w+\/captcha\/captcha\.js\?a=c/i)],
  // the enforcers' block page cut to its head or copied as text: its title, its automation sentence
  // … and its Advanced Blocking Response JSON cut before "blockScript" (docs.perimeterx.com/pxconsole/docs/advanced-blocking-response,
  // docs.rs/crate/perimeterx-fastly-enforcer src/handlers/pxtemplate.rs: appId, jsClientSrc, hostUrl; corpus human-perimeterx/)
  bodyOnly: [body(PX_PAGE), body(/"appId"\s*:\s*"PX\w{4,12}"\s*,\s*"jsClientSrc"\s*:/)],
  presence: [cookie(/^(_px3|_pxhd|_pxvid|_px2|pxcts)=/)],
  causes: [
    rule('waf-or-bot-block', 0.92, body(/px-captcha|_pxAppId|perimeterx|Press (&amp;|&) Hold|"blockScript"|px-cdn/i), { why: 'HUMAN (PerimeterX) Bot Defender blocked the client and serves a "Press & Hold" challenge', fix: BOT_FIX, blocks: true }),
    rule('waf-or-bot-block', 0.86, body(PX_PAGE), { why: 'the page is HUMAN (PerimeterX)\'s block page: its enforcer believes the client is an automation tool', fix: BOT_FIX, blocks: true }),
  ],
  checklist: BOT_CHECKLIST,
});

export const kasada = defineProducer({
  id: 'kasada', kind: 'cdn-waf', name: 'Kasada', family: 'kasada',
  own: [hdr('x-kpsdk-ct'), hdr('x-kpsdk-cd'), hdr('x-kpsdk-r'), body(/KPSDK|\/ips\.js\?|kpsdk/i)],
  presence: [hdr('x-kpsdk-v'), hdr('x-kpsdk-h')],
  causes: [rule('waf-or-bot-block', 0.93, any(hdr('x-kpsdk-ct'), hdr('x-kpsdk-r'), body(/KPSDK|ips\.js|kpsdk/i)), { why: 'Kasada bot defence refused the client (it answers 429 with x-kpsdk-* headers: this is a bot block, not a rate limit)', fix: BOT_FIX, blocks: true })],
  checklist: BOT_CHECKLIST,
});

/**
 * Anubis (Techaro), the proof-of-work proxy sites put in front of forges and wikis against AI scrapers: its
 * version/challenge script tags, its asset paths under /.within.website/, its footer and its "Why am I seeing this?" text.
 */
const ANUBIS_PAGE = /<script id="anubis_(version|challenge)"|\/\.within\.website\/x\/(cmd\/anubis|xess)\/|Protected by (<a [^>]*>)?Anubis(<\/a>)? from (<a [^>]*>)?Techaro|has set up Anubis to protect the server against|Anubis uses a Proof-of-Work scheme/i;
/** Its challenge: a page the client must run JavaScript on to earn the cookie (Anubis answers 200 by default). */
const ANUBIS_CHALLENGE = /Making sure you(&#39;|')re not a bot!|<script id="anubis_challenge"|you must enable JavaScript to get past this challenge|Anubis uses a Proof-of-Work scheme/i;
/** A DENY rule of its bot policy: the error code is a hash of the rule's name, for the administrator's log. */
const ANUBIS_DENY = /Access Denied: error code [0-9a-f]{8,64}\b/;

export const anubis = defineProducer({
  id: 'anubis', kind: 'cdn-waf', name: 'Anubis (Techaro)', family: 'anubis',
  own: [onPage(ANUBIS_PAGE)],
  causes: [
    rule('waf-or-bot-block', 0.9, body(ANUBIS_CHALLENGE), {
      why: 'Anubis, the site\'s anti-scraper proxy, answered with its proof-of-work challenge instead of the page (often with status 200): a client that does not run its JavaScript never gets the cookie, so it is refused', blocks: true,
      fix: 'A script, downloader or CI job cannot pass it: use the project\'s API, git mirror or release archive host, or ask the site\'s administrators to ALLOW your client (user agent, IP range or path) in Anubis\'s bot policy.',
    }),
    rule('waf-or-bot-block', 0.86, body(ANUBIS_DENY), {
      why: 'a DENY rule of Anubis\'s bot policy matched the request (its user agent, IP range, ASN or path); the error code is the hash of that rule for the administrators', blocks: true, template: true,
      fix: 'Send the error code to the site\'s administrators: their Anubis log names the rule, which they can narrow or exempt your client from.',
    }),
    rule('ip-or-geo-blocked', 0.5, body(ANUBIS_DENY), { why: 'Anubis deny rules often match an IP range or network (ASN) the administrators blocked', template: true }),
  ],
  checklist: { server: 'Ask the administrators to look the error code or the request up in Anubis\'s log and its bot policy (botPolicies.yaml).' },
});
