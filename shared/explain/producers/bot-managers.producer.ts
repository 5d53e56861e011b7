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
  bodyOnly: [body(PX_PAGE)],
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
