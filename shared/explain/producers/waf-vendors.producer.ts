import { all, any, body, cookie, hdr, status, when } from '../match';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

const WAF_LOG = { logging: 'Give the vendor reference/incident id from the page to the site owner; it finds the exact rule in the WAF event log.' };

/**
 * Akamai Bot Manager's sec-cpt challenge: its interstitial (the #sec-if-cpt-container iframe on /_sec/cp_challenge/,
 * signed 'Powered and protected by Akamai', often with 200) or the 428 JSON an API client gets ("sec-cp-challenge": "true").
 */
const AKAMAI_CPT = /id="sec-if-cpt-container"|"sec-cp-challenge"\s*:\s*"true"|\/_sec\/cp_challenge\/|Powered and protected by\s*(<[^>]{0,200}>\s*)?Akamai\b/;

/**
 * The edge's Access Denied sentence quotes the whole URL it refused, its characters HTML-escaped in the page (&#58;&#47;&#47;)
 * and plain in its visible text; Apache's older page names a bare path, unquoted. Sources: github.com/hyperion-cs/dpi-checkers/issues/57,
 * github.com/Ekultek/WhatWaf/issues/1175, corpus akamai/.
 */
const AKAMAI_DENIED_URL = /You don't have permission to access "(https?&#58;&#47;&#47;|https?:\/\/)[^"\s]{1,300}/;

export const akamai = defineProducer({
  id: 'akamai', kind: 'cdn-waf', name: 'Akamai', family: 'akamai',
  bodyOnly: [onPage(AKAMAI_DENIED_URL)],
  own: [body(/Reference&#32;&#35;\d+&#46;[0-9a-f]+|Reference #\d+\.[0-9a-f]+\.\d+\.[0-9a-f]+|errors(\.|&#46;)edgesuite(\.|&#46;)net/i), body(AKAMAI_CPT)],
  presence: [hdr('server', /^AkamaiGHost|^AkamaiNetStorage/i), hdr('akamai-grn'), hdr('x-akamai-transformed'), hdr('server-timing', /ak_p/), cookie(/^(_abck|bm_sz|ak_bmsc|bm_sv)=/)],
  causes: [
    rule('waf-or-bot-block', 0.88, body(AKAMAI_CPT), {
      why: 'Akamai Bot Manager answered with its sec-cpt challenge instead of the page (a 428 with "sec-cp-challenge", or an interstitial "Powered and protected by Akamai" served with 200): a crypto proof-of-work with a wait, or a behavioural check, that a client must run in a browser to earn the sec_cpt cookie; a client that cannot is refused', blocks: true,
      fix: 'A script or API client cannot pass it: use the site\'s official API, or ask the owner to exempt your client or the API path from the Bot Manager challenge action.',
    }),
    rule('waf-or-bot-block', 0.72, body(/Access Denied|You don't have permission to access/i), {
      why: 'Akamai\'s edge "Access Denied" page with a Reference #: a Kona/App & API Protector or Bot Manager rule denied the request', template: true,
      fix: 'Send a browser-like, well-formed request or ask the site owner to look up the Reference # and relax the rule / allow-list your client.',
    }),
    rule('ip-or-geo-blocked', 0.45, body(/Access Denied/i), { template: true }),
  ],
  checklist: WAF_LOG,
});

export const fastly = defineProducer({
  id: 'fastly', kind: 'cdn-waf', name: 'Fastly', family: 'fastly',
  // Fastly runs Varnish: its pages keep "Varnish cache server" but read "Guru Mediation" with a "Details: cache-…" line
  overrides: ['varnish'],
  own: [body(/Fastly error|Guru Mediation:|Details: cache-[\w-]+ \d+/i), hdr('x-sigsci-tags'), hdr('x-sigsci-requestid')],
  presence: [hdr('x-served-by', /^cache-/i), hdr('fastly-debug-digest'), hdr('x-fastly-request-id'), hdr('via', /varnish/i)],
  causes: [
    rule('waf-or-bot-block', 0.78, all(status(403, 406, 429), any(hdr('x-sigsci-tags'), hdr('x-sigsci-requestid'))), { why: 'Fastly Next-Gen WAF (Signal Sciences) tagged and blocked this request', blocks: true }),
    rule('waf-or-bot-block', 0.45, all(status(403, 406), body(/Forbidden|Not Acceptable|blocked/i)), { why: 'a Fastly edge refusal (VCL rule or WAF)' }),
  ],
  checklist: WAF_LOG,
});

/** Imperva's JavaScript challenge: a near-empty page whose only content is its script with two hashes (served with 200). */
const INCAP_JS_CHALLENGE = /_Incapsula_Resource\?SWJIYLWA=[0-9a-f]{32},[0-9a-f]{32}/;

export const imperva = defineProducer({
  id: 'imperva', kind: 'cdn-waf', name: 'Imperva (Incapsula)', family: 'imperva',
  own: [body(/Incapsula incident ID|_Incapsula_Resource|Powered By Incapsula|incident ID: \d+-\d+|imperva\.com\/.*error/i)],
  presence: [hdr('x-iinfo'), hdr('x-cdn', /Imperva|Incapsula/i), cookie(/^(incap_ses_|visid_incap_|nlbi_|reese84)/)],
  causes: [
    rule('waf-or-bot-block', 0.85, body(/Request unsuccessful\. Incapsula incident ID|This request was blocked by our security service|Error code 15/i), { why: 'Imperva\'s WAF blocked the request (security rule / bot protection)', template: true, blocks: true }),
    rule('ip-or-geo-blocked', 0.85, body(/Error code 16|Access denied[^<]{0,80}(country|IP address)/i), { why: 'Imperva access-control rule: your IP or country is denied', template: true }),
    rule('rate-limited', 0.85, body(/Error code 1[89]|too many requests/i), { why: 'Imperva rate limiting blocked the client', template: true }),
    // a served page carries the same script at its end: only an empty page is the challenge
    rule('waf-or-bot-block', 0.8, when((ctx) => ctx.body.replace(/<[^>]*>/g, '').trim().length < 40, body(INCAP_JS_CHALLENGE)), {
      why: 'Imperva answered with its JavaScript challenge instead of the page (an empty page that only loads /_Incapsula_Resource?SWJIYLWA=…, often with status 200): its bot protection wants a browser to run the script and set its cookies first', blocks: true,
      fix: 'A script or API client cannot pass it: use the site\'s API if it has one, or ask the owner to exempt your client (Imperva\'s bot-protection / client-classification settings); keeping the incap_ses_/visid_incap_ cookies of a browser session only helps briefly.',
    }),
  ],
  checklist: WAF_LOG,
});

export const sucuri = defineProducer({
  id: 'sucuri', kind: 'cdn-waf', name: 'Sucuri Website Firewall', family: 'sucuri',
  own: [body(/Sucuri Website Firewall|sucuri\.net\/privacy-policy|cloudproxy@sucuri\.net|cdn\.sucuri\.net\/(sucuri-firewall-block\.css|css\/whitelabel)|sucuri\.net\/\?utm_source=firewall_block/i), hdr('x-sucuri-block')],
  presence: [hdr('server', /^Sucuri\/Cloudproxy/i), hdr('x-sucuri-id'), hdr('x-sucuri-cache')],
  causes: [
    rule('ip-or-geo-blocked', 0.9, body(/Access from your Country was disabled|Block reason:[^<]{0,40}(Country|Geo)|Block ID: GEO\d*/i), { why: 'Sucuri blocks the country of your IP', template: true, blocks: true }),
    rule('ip-or-geo-blocked', 0.88, body(/Block reason:[^<]{0,60}IP address|Block ID: BL\d*|Your IP address .{0,40}blacklisted/i), { why: 'Sucuri blocks your IP address (blocklist)', template: true, blocks: true }),
    rule('waf-or-bot-block', 0.8, body(/Access Denied - Sucuri Website Firewall|(Sucuri Website Firewall|GoDaddy Security) - Access Denied|Block reason:|Block ID:|sucuri-firewall-block\.css|cdn\.sucuri\.net\/css\/whitelabel/i), { why: 'the Sucuri firewall blocked the request (see Block ID/reason)', template: true, blocks: true }),
  ],
  checklist: WAF_LOG,
});

export const f5BigIpAsm = defineProducer({
  id: 'f5-big-ip-asm', kind: 'cdn-waf', name: 'F5 BIG-IP ASM / Advanced WAF', family: 'f5',
  own: [body(/The requested URL was rejected\. Please consult with your administrator|Your support ID is:?\s*<?[^>]*>?\s*\d{10,}/i)],
  // its page's title and first sentence, cut before the support ID (my.f5.com K… 'The requested URL was rejected' blocking page, corpus f5-big-ip-asm/)
  bodyOnly: [onPage(/\bRequest Rejected\s+The requested URL was rejected\./)],
  presence: [cookie(/^(TS0[0-9a-f]{6,}|BIGipServer|F5_|MRHSession)/), hdr('server', /^BigIP|^BIG-IP/i)],
  causes: [rule('waf-or-bot-block', 0.88, body(/The requested URL was rejected|support ID/i), { why: 'F5 ASM/Advanced WAF rejected the request (a violation of its security policy)', template: true, blocks: true })],
  checklist: WAF_LOG,
});

export const modsecurity = defineProducer({
  id: 'modsecurity', kind: 'cdn-waf', name: 'ModSecurity', family: 'modsecurity',
  own: [onPage(/Mod_Security|ModSecurity|This error was generated by Mod_Security/i)],
  presence: [hdr('server', /mod_security/i)],
  causes: [rule('waf-or-bot-block', 0.85, body(/Mod_?Security/i), { why: 'a ModSecurity rule (often the OWASP Core Rule Set) matched the request', template: true, blocks: true })],
  checklist: { server: 'Find the rule id in the ModSecurity audit log (e.g. 949110 anomaly score) and add a scoped exclusion.', ...WAF_LOG },
});

export const naxsi = defineProducer({
  id: 'naxsi', kind: 'cdn-waf', name: 'NAXSI', family: 'naxsi',
  own: [onPage(/naxsi|\/RequestDenied/i), hdr('location', /\/RequestDenied/i)],
  causes: [rule('waf-or-bot-block', 0.82, any(body(/naxsi|RequestDenied/i), hdr('location', /RequestDenied/i)), { why: 'the NAXSI module of nginx blocked the request (a score rule matched)', template: true, blocks: true })],
});

export const barracudaWaf = defineProducer({
  id: 'barracuda-waf', kind: 'cdn-waf', name: 'Barracuda WAF', family: 'barracuda',
  own: [onPage(/Barracuda (Networks|Web Application Firewall)|barracuda\.com/i)],
  presence: [cookie(/^(barra_counter_session|BNI__BARRACUDA_LB_COOKIE|BNI_persistence)/), hdr('server', /Barracuda/i)],
  causes: [rule('waf-or-bot-block', 0.85, body(/Barracuda/i), { why: 'the Barracuda Web Application Firewall blocked the request', template: true, blocks: true })],
  checklist: WAF_LOG,
});

export const fortiweb = defineProducer({
  id: 'fortiweb', kind: 'cdn-waf', name: 'FortiWeb', family: 'fortinet',
  own: [all(body(/Web Page Blocked|The page cannot be displayed/i), body(/Attack ID:?\s*\d+|Message ID:?\s*\d+/i)), onPage(/FortiWeb/i)],
  presence: [cookie(/^(FORTIWAFSID|cookiesession1)=/)],
  causes: [rule('waf-or-bot-block', 0.88, body(/Attack ID|FortiWeb|Web Page Blocked/i), { why: 'FortiWeb blocked the request (see Attack ID / Message ID)', template: true, blocks: true })],
  checklist: WAF_LOG,
});

export const citrixNetscaler = defineProducer({
  id: 'citrix-netscaler', kind: 'cdn-waf', name: 'Citrix NetScaler (ADC) AppFirewall', family: 'citrix',
  own: [body(/NS Transaction ID|Citrix Application Firewall|NetScaler AppFirewall|ns_af=/i)],
  presence: [hdr('via', /NS-CACHE/i), cookie(/^(NSC_|citrix_ns_id|ns_af)/), hdr('cneonction'), hdr('nncoection')],
  causes: [rule('waf-or-bot-block', 0.85, body(/Transaction ID|Application Firewall|blocked/i), { why: 'the NetScaler AppFirewall blocked the request', template: true, blocks: true })],
  checklist: WAF_LOG,
});

export const radware = defineProducer({
  id: 'radware', kind: 'cdn-waf', name: 'Radware', family: 'radware',
  // a "Case Number" alone is any help desk's: it only chooses the cause once Radware's page is named
  own: [onPage(/Unauthorized Activity Has Been Detected|radware/i)],
  presence: [hdr('x-sl-compstate'), cookie(/^(rdwr|__uzm)/)],
  causes: [rule('waf-or-bot-block', 0.85, body(/Unauthorized Activity Has Been Detected|Case Number|radware/i), { why: 'Radware AppWall / Bot Manager blocked the request', template: true, blocks: true })],
  checklist: WAF_LOG,
});

export const wordfence = defineProducer({
  id: 'wordfence', kind: 'cdn-waf', name: 'Wordfence', family: 'wordpress',
  own: [body(/Generated by Wordfence|wordfence\.com|Your access to this site has been limited by the site owner|A potentially unsafe operation has been detected/i)],
  causes: [
    rule('ip-or-geo-blocked', 0.85, body(/country (blocking|block)|access from your (area|country) has been/i), { why: 'Wordfence country blocking refuses your location', template: true, blocks: true }),
    rule('rate-limited', 0.85, body(/temporarily limited|exceeded the maximum (number of )?(page views|requests)/i), { why: 'Wordfence rate limiting throttled your client', template: true, blocks: true }),
    rule('waf-or-bot-block', 0.8, body(/Your access to this site has been limited by the site owner|potentially unsafe operation|Wordfence/i), { why: 'the Wordfence firewall of this WordPress site blocked the request', template: true, blocks: true }),
  ],
  checklist: { server: 'In Wordfence > Tools > Live Traffic find the block and its reason; allow-list the request if it is legitimate.' },
});

/** Varnish's own synthetic error page: "Guru Meditation:" with its transaction id (XID), and its footer. */
const VARNISH_PAGE = /Guru Meditation:?\s*(<\/h3>\s*<p>)?\s*XID: \d+|Varnish cache server/i;

export const varnish = defineProducer({
  id: 'varnish', kind: 'proxy', name: 'Varnish Cache', family: 'varnish',
  own: [onPage(VARNISH_PAGE)],
  presence: [hdr('x-varnish'), hdr('via', /\(Varnish\/[\d.]+\)/i), hdr('server', /^Varnish$/i)],
  checklist: { server: 'Check vcl_recv for return (synth(403…)) / ACL checks on client.ip, and varnishlog -g request for this XID.' },
});

/** csf's lfd MESSENGER page (cPanel/DirectAdmin hosts): its older and current sentences, its logo file. */
const CSF_PAGE = /Your connection to this server has been blocked in this server's firewall|The firewall on this server is blocking your connection|<img src="csf_small\.png"/;

export const configserverCsf = defineProducer({
  id: 'configserver-csf', kind: 'cdn-waf', name: 'ConfigServer Security & Firewall (csf/lfd)', family: 'csf',
  own: [onPage(CSF_PAGE)],
  causes: [
    rule('ip-or-geo-blocked', 0.92, all(body(CSF_PAGE), body(/Your blocked IP address is/)), {
      why: 'the host\'s firewall (csf, with lfd\'s messenger page) has blocked your IP address: lfd blocks an address after repeated login failures, port scans or too many connections, and csf can deny whole countries', template: true, blocks: true,
      fix: 'Call from another address, or ask the host to look the IP up (csf -g <ip>) and remove it (csf -dr / csf -tr) or allow it (csf.allow, csf.ignore).',
    }),
  ],
  checklist: { server: 'On the host: csf -g <your ip> names the rule or lfd trigger (LF_SSHD, LF_CPANEL, CT_LIMIT, CC_DENY…) that blocked it.' },
});

/** Huawei Cloud WAF's block page: its Server meta tag (title "访问被拦截！", access intercepted), served with 418. */
const HUAWEI_WAF_PAGE = /<meta content="CloudWAF" http-equiv="Server"\s*\/?>/i;

export const huaweiCloudWaf = defineProducer({
  id: 'huawei-cloud-waf', kind: 'cdn-waf', name: 'Huawei Cloud WAF', family: 'huawei',
  own: [onPage(HUAWEI_WAF_PAGE), all(status(418), hdr('server', /^CloudWAF$/i, 2))],
  // its page's head cut inside that meta tag (support.huaweicloud.com/intl/en-us/waf_faq/ block page, corpus huawei-cloud-waf/)
  bodyOnly: [onPage(/<meta content="CloudWAF"/)],
  presence: [cookie(/^HWWAFSES(ID|TIME)=/), hdr('server', /^CloudWAF$/i)],
  causes: [
    rule('waf-or-bot-block', 0.88, any(body(HUAWEI_WAF_PAGE), all(status(418), hdr('server', /^CloudWAF$/i))), {
      why: 'Huawei Cloud WAF intercepted the request ("访问被拦截", access intercepted; it answers with 418): a protection rule (web attack signature, CC/rate rule, blacklist or geo rule) matched it', template: true, blocks: true,
      fix: 'Give the request id on the page to the site owner: Huawei Cloud WAF\'s event log shows the rule, which can be turned into a false-alarm masking rule or a whitelist entry.',
    }),
  ],
  checklist: WAF_LOG,
});

export const wtsWaf = defineProducer({
  id: 'wts-waf', kind: 'cdn-waf', name: 'WTS-WAF', family: 'wts',
  own: [onPage(/<title>WTS-WAF|WTS-WAF拦截/)],
  presence: [hdr('server', /^wts\/[\d.]+/i)],
  causes: [
    rule('waf-or-bot-block', 0.88, body(/WTS-WAF/), {
      why: 'WTS-WAF intercepted the request: its page says the request looked like an attack, or a legitimate request tripped one of its security rules', template: true, blocks: true,
    }),
  ],
  checklist: WAF_LOG,
});

/** Knownsec Jiasule (创宇盾): its block page's notice box and jsl_sec script, its X-Via-JSL header and __jsluid cookie. */
const JIASULE_PAGE = /#notice-jiasule|[&/]jsl_sec\b|jiasule\.com/;

/**
 * Its JavaScript challenge: a 521 whose body is a bare <script> that writes the __jsl_clearance cookie (document.cookie=…, the name
 * itself often spelled out char by char) and reloads, beside its __jsluid_h/_s cookie or X-Via-JSL header. Sources: the gsxt.gov.cn
 * challenge scrapers solve (github.com/MgArcher/jiasule/issues/3, github.com/einherjarcai/spider/issues/1).
 */
const JIASULE_CHALLENGE = all(status(521), body(/<script>\s{0,4}document\.cookie=/), any(hdr('x-via-jsl'), cookie(/^__jsluid(_[hs])?=/)));

export const knownsecJiasule = defineProducer({
  id: 'knownsec-jiasule', kind: 'cdn-waf', name: 'Knownsec Jiasule (创宇盾)', family: 'knownsec',
  own: [onPage(JIASULE_PAGE), JIASULE_CHALLENGE],
  presence: [hdr('x-via-jsl'), cookie(/^__jsluid(_[hs])?=/)],
  causes: [
    rule('waf-or-bot-block', 0.86, JIASULE_CHALLENGE, {
      why: 'Knownsec Jiasule answered with its JavaScript challenge (521 and a script that sets the __jsl_clearance cookie): a client that runs no JavaScript (curl, requests, an API client) never gets past it', blocks: true,
      fix: 'Call the site from a browser, or ask its owner to exempt the API path or your client from the Jiasule anti-bot (CC) rule; replaying the cookie from a browser works only until it expires.',
    }),
    rule('waf-or-bot-block', 0.82, all(status(403, 405, 493), any(body(JIASULE_PAGE), hdr('x-via-jsl'))), {
      why: 'Knownsec Jiasule\'s cloud WAF in front of the site blocked the request (a web-attack, CC or access-control rule)', template: true, blocks: true,
    }),
  ],
  checklist: WAF_LOG,
});

/** Alibaba Cloud WAF's block page: its sentence (the URL may threaten the site, access blocked) and its images on errors.aliyun.com. */
const ALIYUN_WAF_PAGE = /由于您访问的URL有可能对网站造成安全威胁，?您的访问被阻断|errors\.aliyun\.com\/images\//;

export const alibabaCloudWaf = defineProducer({
  id: 'alibaba-cloud-waf', kind: 'cdn-waf', name: 'Alibaba Cloud WAF', family: 'alibaba',
  own: [onPage(ALIYUN_WAF_PAGE)],
  presence: [cookie(/^acw_tc=/)],
  causes: [
    rule('waf-or-bot-block', 0.85, body(ALIYUN_WAF_PAGE), {
      why: 'Alibaba Cloud WAF blocked the request (it answers 405): a web-attack rule, a CC / bot-behaviour rule (bursts of requests, a proxy or VPN address) or an access-control rule matched it', template: true, blocks: true,
      fix: 'Give the request ID on the page to the site\'s administrators: the WAF\'s security report shows the rule, which can allow-list the client or the path.',
    }),
  ],
  checklist: WAF_LOG,
});

/** Tencent Cloud EdgeOne's block page (served with 567): its footer in English or Chinese, as the page or its text. */
const EDGEONE_PAGE = /Protected by Tencent Cloud EdgeOne|由\s?Tencent Cloud EdgeOne\s?提供防护/;

export const tencentEdgeone = defineProducer({
  id: 'tencent-edgeone', kind: 'cdn-waf', name: 'Tencent Cloud EdgeOne', family: 'tencent',
  own: [onPage(EDGEONE_PAGE)],
  causes: [
    rule('waf-or-bot-block', 0.85, body(EDGEONE_PAGE), {
      why: 'Tencent Cloud EdgeOne, the site\'s edge, refused the request under the site\'s security policy ("Restricted Access"; EdgeOne answers 567): a web-protection or bot rule, a rate (CC) rule after bursts of requests or errors, or a blocked client IP', template: true, blocks: true,
      fix: 'Slow down and stop repeating failing requests; if it persists, give the Request ID on the page to the site\'s owner, whose EdgeOne security logs name the rule (and can allow-list the client).',
    }),
    rule('ip-or-geo-blocked', 0.45, body(EDGEONE_PAGE), { why: 'EdgeOne shows the same page when the site\'s policy blocks your IP address or region', template: true }),
  ],
  checklist: WAF_LOG,
});

/** Tencent Cloud WAF (T-Sec)'s default block page: its name in the page, its styles on imgcache.qq.com. */
const TSEC_WAF_PAGE = /腾讯T-Sec Web应用防火墙|imgcache\.qq\.com\/qcloud\/security\/static\//;

export const tencentCloudWaf = defineProducer({
  id: 'tencent-cloud-waf', kind: 'cdn-waf', name: 'Tencent Cloud WAF (T-Sec)', family: 'tencent',
  own: [onPage(TSEC_WAF_PAGE)],
  causes: [
    rule('waf-or-bot-block', 0.88, body(TSEC_WAF_PAGE), {
      why: 'Tencent Cloud\'s web application firewall blocked the request under a policy its administrator set (the page: the request may threaten the site): an attack signature, a CC / rate rule after many requests, or an access-control rule', template: true, blocks: true,
      fix: 'Wait a while if you sent many requests; otherwise give the request UUID on the page to the site\'s administrator, whose WAF attack log names the rule.',
    }),
  ],
  checklist: WAF_LOG,
});

/** StormWall (anti-DDoS and WAF, stormwall.pro): its error pages load their styles and logo from static.stormwall.pro. */
const STORMWALL_PAGE = /static\.stormwall\.pro\/error_pages\/|<a href="https:\/\/stormwall\.pro\/?">/;

export const stormwall = defineProducer({
  id: 'stormwall', kind: 'cdn-waf', name: 'StormWall', family: 'stormwall',
  own: [onPage(STORMWALL_PAGE)],
  causes: [
    rule('waf-or-bot-block', 0.8, all(status(403), body(STORMWALL_PAGE)), {
      why: 'StormWall, the anti-DDoS and WAF service in front of the site, denied the request ("Error 403: Access Denied"): a WAF rule, its bot/DDoS filter, or an access rule of the site matched it', template: true, blocks: true,
      fix: 'Retry later from a normal browser session; if it persists, send the time and your IP address to the site\'s owner, whose StormWall account shows the rule.',
    }),
    rule('ip-or-geo-blocked', 0.45, all(status(403), body(STORMWALL_PAGE)), { why: 'StormWall also shows this page when the site\'s owner blocks your IP address or country', template: true }),
  ],
  checklist: WAF_LOG,
});
