import { all, any, body, hdr, not, status } from '../match';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

/** Istio Mixer's check denial (Istio < 1.5): the gRPC code, the handler (name.adapter.namespace), then its message. */
const MIXER_DENIED = /^PERMISSION_DENIED:[\w-]+(\.[\w-]+){1,2}:\S/m;

/** Envoy's RBAC filter body, alone or as a line of pasted curl output. */
const RBAC_DENIED = /^RBAC: access denied\s*$/im;

/** Envoy's jwt_authn filter: its verifier's status sentences, the whole body of its local reply. */
const ENVOY_JWT = /^(Jwt (is missing|is expired|not yet valid|verification fails|issuer is not configured|audiences? is not allowed|is not in the form of Header\.Payload\.Signature[^\n]*|header is an invalid (JSON|Base64url encoded))|Jwks (remote fetch is failed|doesn't have key to match kid or alg from Jwt))\s*$/m;

export const PROXY_FIX = 'Authenticate to the proxy, bypass it for this host (NO_PROXY), or ask its administrators to allow the destination.';

/**
 * Squid's error page: its template comment, its page names in capitals (not Chrome's net::ERR_…, nor a
 * Node or axios code such as [ERR_INVALID_URL] or 'ERR_BAD_REQUEST'), its footer and its site.
 */
const SQUID_PAGE = /<!-- ERR_[A-Z_]+ -->|(?<!net::|\[|['"])\bERR_(ACCESS_DENIED|CACHE_ACCESS_DENIED|CACHE_MGR_ACCESS_DENIED|FORWARDING_DENIED|CONNECT_FAIL|DNS_FAIL|READ_TIMEOUT|ZERO_SIZE_OBJECT|CANNOT_FORWARD|GATEWAY_FAILURE|SECURE_CONNECT_FAIL|ONLY_IF_CACHED_MISS|LIFETIME_EXP|ICAP_FAILURE|TOO_BIG|URN_RESOLVE|UNSUP_REQ|INVALID_REQ|NO_RELAY|READ_ERROR|WRITE_ERROR|SOCKET_FAILURE|UNSUP_HTTPVERSION|CONFLICT_HOST|REQUEST_START_TIMEOUT|DIR_LISTING|FTP_[A-Z_]+)\b|Generated [^<]{0,80} by [^<]{0,80}\(squid\/[\d.]+\)|squid-cache\.org/i;
/** The sentences of Squid's two access-denied templates (ERR_ACCESS_DENIED, ERR_CACHE_ACCESS_DENIED), as their visible text. */
const SQUID_DENIED_EN = /Access control configuration prevents your request from being allowed at this time|you are not currently allowed to request \S+ from this cache until you have authenticated yourself/i;
/** ERR_ACCESS_DENIED's sentence as squid's errors/<lang>.po translate it (de, fr, es, pt-br, it, ru, ja, zh-hans, zh-hant, tr). */
const SQUID_DENIED_L10N = /Die Anfrage wurde aufgrund mangelnder Zugriffsrechte verweigert|La configuration du contr[oô]le d'acc[eè]s, emp[eê]che votre requ[eê]te|La configuraci[oó]n de control de acceso evita que su solicitud sea permitida|A configura[cç][aã]o do controle de acesso impede que sua requisi[cç][aã]o|La richiesta non [eè] permessa dalle impostazioni di sicurezza|Система контроля доступа не позволяет выполнить ваш запрос|設定されたアクセス制御によって、現時点ではあなたによる要求は許可できません|当前的存取控制设定禁止您的请求被接受|欲連結之網站的存取控制設定目前禁止了您的連線要求|Erişim kontrol mekanizması istediğiniz bilgilere ulaşmanızı yasaklıyor/;
/**
 * The same sentence in squid's other errors/<lang>.po translations (nl, pl, uk, cs, vi, id, sv, he, fa, hu, ro, sk, fi,
 * el, bg, lt, lv, sr-latn, ka, az, sl, af, pt): each its opening clause, as Squid renders the page for the client's
 * Accept-Language.
 */
const SQUID_DENIED_L10N_2 = new RegExp([
  'U heeft geen toegang tot de URL die u probeerde op te vragen van deze server',
  'Konfiguracja serwera wyklucza Twój dostęp do niego w chwili obecnej',
  'Налаштування контролю доступу забороняє обробку Вашого запиту',
  'Nastavení přístupových práv aktuálně neumožňuje zpracovat požadavek',
  'Cấu hình điều khiển truy cập không cho phép bạn yêu cầu vào lúc này',
  'Konfigurasi kontrol akses mencegah permintaan anda dibolehkan',
  'Konfigurationen av åtkomstkontrollen förhindrar att din begäran tillåts',
  'הגדרות הגישה מונעות אישור בקשתך',
  'تنظیمات سطح دسترسی هم‌اکنون به شما اجازه این درخواست را',
  'Jelen pillanatban nincs jogosultsága a kért tartalom eléréséhez',
  'Configura[ţț]ia de control al accesului împiedică ca cererea',
  'Vašu požiadavku v tomto čase nebolo možné splniť kvôli konfigurácii riadenia prístupu',
  'Pääsynvalvonnan asetukset eväävät pyyntösi',
  'Οι ρυθμίσεις του μηχανισμού πρόσβασης αποτρέπουν την ολοκλήρωση',
  'Конфигурацията за контрол на достъпа не позволява да бъде изпълнена',
  'Priėjimo kontrolės konfigūracija šiuo metu neleidžia',
  'pēc pieejas kontroles uzstādījumiem jūsu pieprasījums nav atļauts',
  'Sistem je konfigurisan tako da vam u ovom trenutku pristup nije dozvoljen',
  'წვდომის კონფიგურაცია ამ მომენტში თქვენი მოთხოვნის შესრულებას კრძალავს',
  'giriş nəzarəti qaydaları sorğunuzun cavablandırılmasına qadağa qoyur',
  'to preprečujejo nastavitve nadzora dostopa',
  'Die opstelling van toegangsbeheer keer dat u navraag',
  'O controle de acessos impediu sua requisi[cç][aã]o',
].join('|'), 'i');
/** ERR_CACHE_ACCESS_DENIED's sentence (authenticate to the cache first) in the same translations. */
const SQUID_AUTH_L10N = /von diesem Cache abzurufen, bis sie sich authentifiziert haben|de ce cache tant que vous ne serez pas identifi[eé]|de este cach[eé] hasta que te hayas autenticado|deste cache at[eé] que voc[eê] tenha se autenticado|da questa cache [eè] necessario prima identificarsi|из этого кэша до тех пор, пока не пройд[её]те аутентификацию|このキャッシュは \S+ の要求を許可しません|通过本网络缓存服务器访问下列位置/;
/**
 * Every Squid error page's own headings in English (errors/templates/ERR_*): the title 'ERROR: The requested URL could not be
 * retrieved' and the first line 'The following error was encountered while trying to retrieve the URL:'. Sources:
 * github.com/squid-cache/squid errors/templates/ERR_ACCESS_DENIED, wiki.squid-cache.org/Features/CustomErrors, corpus squid/.
 */
const SQUID_HEADINGS = /\bERROR: The requested URL could not be retrieved\b|<h2>The requested URL could not be retrieved<\/h2>|The following error was encountered while trying to retrieve the URL: /;
/**
 * The same title as a client prints the page's first line, its markup gone: 'The requested URL could not be retrieved' at the start
 * of a line or message (github.com/mozilla/identity-ops/issues/34, github.com/m1k1o/neko/issues/509).
 */
const SQUID_TITLE_TEXT = /The requested URL could not be retrieved(?<=(?:^|: |\bERROR:? )The requested URL could not be retrieved)\b/m;
const SQUID_DENIED_WORDS = new RegExp(`${SQUID_DENIED_EN.source}|${SQUID_DENIED_L10N.source}|${SQUID_DENIED_L10N_2.source}|${SQUID_AUTH_L10N.source}`, 'i');

export const squid = defineProducer({
  id: 'squid', kind: 'proxy', role: 'forward-proxy', name: 'Squid', family: 'squid',
  own: [hdr('x-squid-error'), body(SQUID_PAGE)],
  bodyOnly: [body(SQUID_DENIED_WORDS), body(SQUID_HEADINGS), body(SQUID_TITLE_TEXT)],
  presence: [hdr('server', /^squid/i), hdr('via', /\(squid\/[\d.]+\)/i), hdr('x-cache', / from (?!cloudfront\b)/i), hdr('x-cache-lookup')],
  causes: [
    rule('proxy-denied', 0.93, any(hdr('x-squid-error', /ERR_ACCESS_DENIED|ERR_CACHE_ACCESS_DENIED|ERR_TOO_BIG|ERR_FORWARDING_DENIED|ERR_CONNECT_FAIL_DENIED/), body(/ERR_ACCESS_DENIED|Access control configuration prevents your request/i), body(SQUID_DENIED_L10N), body(SQUID_DENIED_L10N_2)), {
      why: 'Squid\'s http_access rules denied the request (ERR_ACCESS_DENIED): the destination, port, method or source is not allowed by the proxy', template: true,
      fix: PROXY_FIX,
    }),
    rule('proxy-denied', 0.9, any(hdr('x-squid-error', /ERR_CACHE_ACCESS_DENIED/), body(/ERR_CACHE_ACCESS_DENIED|Cache Access Denied/i), body(SQUID_AUTH_L10N)), { why: 'Squid requires proxy authentication before this request is allowed (ERR_CACHE_ACCESS_DENIED)', template: true, fix: PROXY_FIX }),
    rule('missing-credentials', 0.5, any(hdr('x-squid-error', /ERR_CACHE_ACCESS_DENIED/), all(status(407), hdr('proxy-authenticate')))),
    rule('proxy-denied', 0.7, all(status(403, 407), hdr('server', /^squid/i)), { why: 'Squid refused the request', template: true }),
    // its error page's title alone: with 403 or 407 the page is an access-denied one (a DNS or connect failure comes with 503)
    rule('proxy-denied', 0.6, all(status(403, 407), body(SQUID_TITLE_TEXT)), { why: 'Squid refused the request (its error page with 403/407)', template: true }),
  ],
  checklist: {
    auth: 'Check proxy_auth credentials for this gateway profile (Proxy-Authorization).',
    server: 'Review squid.conf http_access rules (acl src/dstdomain/port/CONNECT) in order: the first match wins.',
    logging: 'Find TCP_DENIED/403 in Squid\'s access.log for this URL.',
  },
});

export const haproxy = defineProducer({
  id: 'haproxy', kind: 'proxy', name: 'HAProxy', family: 'haproxy',
  own: [body(/Request forbidden by administrative rules\.|You have sent too many requests in a given amount of time\.|You need a valid user and password to access this content\./i)],
  presence: [hdr('server', /^haproxy/i)],
  causes: [
    rule('ip-or-geo-blocked', 0.42, body(/Request forbidden by administrative rules/i), {
      why: 'HAProxy\'s default 403 page ("Request forbidden by administrative rules") is what every `http-request deny` sends — an ACL on the source IP, path, method or headers; the page does not say which', template: true,
      fix: 'Ask the HAProxy operator which `http-request deny` ACL matched (source IP, path, method, header); the log line has the frontend/backend.',
    }),
    rule('method-or-path-blocked', 0.4, body(/Request forbidden by administrative rules/i), { template: true }),
    rule('waf-or-bot-block', 0.3, body(/Request forbidden by administrative rules/i), { template: true }),
    rule('rate-limited', 0.92, body(/You have sent too many requests in a given amount of time/i), { why: 'an HAProxy stick-table rate limit (http-request deny deny_status 429) fired', template: true }),
    rule('missing-credentials', 0.72, body(/You need a valid user and password to access this content/i), { why: 'HAProxy http-request auth requires basic credentials', template: true }),
    rule('invalid-credentials', 0.45, body(/You need a valid user and password to access this content/i), { template: true }),
  ],
  checklist: {
    server: 'Check `http-request deny` / `tcp-request` rules and ACLs (src, path, method, hdr) in haproxy.cfg.',
    logging: 'The HAProxy log line shows PR-- termination state for a denied request.',
  },
});

export const istio = defineProducer({
  id: 'istio', kind: 'proxy', name: 'Istio (Envoy sidecar/ingress)', family: 'envoy',
  own: [all(hdr('server', /^istio-envoy$/i, 2), body(/^(RBAC: access denied|Jwt [\w ]+|Jwks [\w ]+|local_rate_limited)\s*$/i)), all(hdr('x-envoy-peer-metadata-id', /^(sidecar|router)~/, 2), body(ENVOY_JWT))],
  // Envoy's RBAC filter writes this line; without a Server header the control plane that configured it is most
  // often Istio (AuthorizationPolicy). `server: envoy` (standalone Envoy, Consul, Gloo) names Envoy instead.
  bodyOnly: [body(RBAC_DENIED), body(MIXER_DENIED)],
  // x-envoy-peer-metadata-id: Istio's metadata exchange on a sidecar's (sidecar~) or gateway's (router~) own reply
  presence: [hdr('server', /^istio-envoy$/i), hdr('x-envoy-decorator-operation'), hdr('x-envoy-peer-metadata-id', /^(sidecar|router)~/)],
  causes: [
    rule('insufficient-permissions', 0.82, body(/^PERMISSION_DENIED:[\w.-]+:RBAC: permission denied/m), {
      why: 'Istio\'s Mixer RBAC adapter (Istio before 1.1) denied the request: no ServiceRole bound to the caller allows this service, path or method',
      fix: 'Add a ServiceRole and ServiceRoleBinding that grant the caller (its service account or user) this service and method, or migrate to AuthorizationPolicy.',
    }),
    rule('insufficient-permissions', 0.6, body(MIXER_DENIED), { why: 'a Mixer policy adapter (denier, list checker, RBAC) of an older Istio refused the request; the handler named before the colon is the rule that fired' }),
    rule('insufficient-permissions', 0.82, body(RBAC_DENIED), {
      why: 'an Istio AuthorizationPolicy denied the request (RBAC: access denied): the source principal, namespace, IP, path or method is not allowed',
      fix: 'Check the AuthorizationPolicy objects for the workload (istioctl x authz check <pod>) and the caller\'s mTLS identity.',
    }),
    rule('ip-or-geo-blocked', 0.35, body(RBAC_DENIED)),
    rule('method-or-path-blocked', 0.35, body(RBAC_DENIED)),
    rule('missing-credentials', 0.9, body(/^Jwt is missing/i), { why: 'the RequestAuthentication/jwt_authn filter requires a JWT and none was sent' }),
    rule('invalid-credentials', 0.9, body(/^Jwt (is expired|not yet valid|verification fails|issuer is not configured|audience|header is an invalid|is not in the form|bad format)|^Jwks (remote fetch is failed|doesn't have key to match kid)/im), { why: 'the JWT was rejected by the jwt_authn filter (RequestAuthentication): expired, not yet valid, from an issuer or audience the policy does not list, or signed with a key its JWKS does not have (or the JWKS could not be fetched)' }),
    rule('rate-limited', 0.93, any(body(/^local_rate_limited/), hdr('x-envoy-ratelimited')), { why: 'an Envoy local/global rate limit fired' }),
  ],
  checklist: { server: 'Check AuthorizationPolicy, RequestAuthentication and PeerAuthentication for the workload.' },
});

export const envoy = defineProducer({
  id: 'envoy', kind: 'proxy', name: 'Envoy', family: 'envoy',
  own: [hdr('x-envoy-ratelimited'), all(hdr('server', /^envoy$/i, 2), body(/^(RBAC: access denied|Jwt [\w ]+|local_rate_limited)\s*$/i)), body(/^upstream connect error or disconnect\/reset before headers/)],
  // the jwt_authn filter's sentences without headers: Envoy wrote them whoever configured it (Istio's headers name Istio)
  bodyOnly: [body(ENVOY_JWT)],
  presence: [hdr('server', /^envoy$/i), hdr('x-envoy-upstream-service-time'), hdr('x-envoy-decorator-operation')],
  causes: [
    rule('insufficient-permissions', 0.78, body(/^RBAC: access denied/i), { why: 'Envoy\'s RBAC filter denied the request (principal, IP, path or method not allowed by the policy)' }),
    rule('ip-or-geo-blocked', 0.38, body(/^RBAC: access denied/i)),
    rule('missing-credentials', 0.9, body(/^Jwt is missing/i), { why: 'the jwt_authn filter requires a JWT and none was sent' }),
    rule('invalid-credentials', 0.9, body(/^Jwt (is expired|not yet valid|verification fails|issuer is not configured|audience|header is an invalid|is not in the form)|^Jwks (remote fetch is failed|doesn't have key to match kid)/im), { why: 'the jwt_authn filter rejected the JWT: expired, not yet valid, from an issuer or audience its providers do not list, or signed with a key its JWKS does not have (or the remote JWKS could not be fetched)' }),
    rule('rate-limited', 0.95, any(hdr('x-envoy-ratelimited'), body(/^local_rate_limited/)), { why: 'an Envoy rate limit fired (x-envoy-ratelimited)' }),
    rule('insufficient-permissions', 0.4, all(status(403), not(body(/\S/)), hdr('server', /^envoy$/i)), { why: 'an empty 403 from Envoy usually comes from the ext_authz filter (the external authorizer said no)' }),
  ],
  checklist: { server: 'Check the HTTP filters (rbac, jwt_authn, ext_authz, local_ratelimit) on the listener/route.' },
});

export const traefik = defineProducer({
  id: 'traefik', kind: 'proxy', name: 'Traefik', family: 'traefik',
  presence: [hdr('server', /traefik/i)],
  own: [all(hdr('server', /traefik/i, 2), body(/^(Forbidden|401 Unauthorized|Too Many Requests)\s*$/))],
  causes: [
    rule('ip-or-geo-blocked', 0.6, all(status(403), body(/^Forbidden\s*$/)), { why: 'Traefik\'s plain "Forbidden" is what the IPAllowList (ipWhiteList) middleware returns', template: true }),
    rule('missing-credentials', 0.7, all(status(401), body(/^401 Unauthorized\s*$/)), { why: 'Traefik BasicAuth/DigestAuth middleware wants credentials', template: true }),
    rule('rate-limited', 0.92, all(status(429), body(/^Too Many Requests\s*$/)), { why: 'Traefik RateLimit middleware', template: true }),
  ],
  checklist: { gateway: 'Check the middlewares on the router (ipAllowList sourceRange/ipStrategy depth, basicAuth, forwardAuth, rateLimit).' },
});

/**
 * Zscaler's end-user notification pages: their sentence and title, the Zscaler hosts their logo and scripts load
 * from (login./gateway.zscaler*.net, zscloud.net, the /__zsig/ signature path), or the name beside a block word
 * ("ZScaler block."). The name alone in prose (a guide for users behind Zscaler, the vendor's own site) is nobody's refusal.
 */
const ZSCALER_PAGE = /Your organization has selected Zscaler|Internet Security by Zscaler|\/\/(?:login|gateway)\.(?:zscaler(?:one|two|three|beta|gov)?|zscloud)\.net[:/]|\/__zsig\/|\bzscaler\b[^<\n]{0,40}\b(?:block(?:ed)?|den(?:y|ied)|prohibit(?:ed|s)?)\b/i;

export const zscaler = defineProducer({
  id: 'zscaler', kind: 'proxy', role: 'forward-proxy', name: 'Zscaler Internet Access', family: 'zscaler',
  // its name alone names it only on a refusal (403/407): an ordinary page about Zscaler is nobody's block
  own: [onPage(ZSCALER_PAGE), all(status(403, 407), onPage(/\bzscaler\b/i))],
  presence: [hdr('x-zscaler-transaction-id'), hdr('server', /zscaler/i)],
  causes: [
    rule('proxy-denied', 0.92, any(body(ZSCALER_PAGE), all(status(403, 407), body(/\bzscaler\b/i))), { why: 'the corporate Zscaler proxy blocked the destination (URL category, cloud app control or policy)', template: true, fix: PROXY_FIX, blocks: true }),
  ],
  checklist: { server: 'Ask IT to check the Zscaler URL filtering / cloud app control rule named on the page.' },
});

/**
 * ProxySG exception pages: the exception id in parentheses, the notify.bluecoat.com splash host, a customised page's
 * "The Bluecoat category is", or the product name beside a refusal word; the name alone (a datasheet) is no refusal.
 */
// its exception ids are lower case on its pages (ClickHouse's "(AUTHENTICATION_FAILED)" is not one of them)
const BLUECOAT_IDS = /\((?:policy_denied|content_filter_denied|authentication_failed|policy_redirect)\)/;
const BLUECOAT_WORDS = /notify\.bluecoat\.com|The Blue ?Coat category is|(?:Blue ?Coat|ProxySG)\b[^<\n]{0,60}\b(?:denied|blocked)\b/i;

export const symantecBluecoat = defineProducer({
  id: 'symantec-bluecoat', kind: 'proxy', role: 'forward-proxy', name: 'Symantec (Blue Coat) ProxySG', family: 'bluecoat',
  // a redirect to its notification splash (notify.bluecoat.com, www.bluecoat.com/notify-…) names it too
  own: [onPage(BLUECOAT_IDS), onPage(BLUECOAT_WORDS), all(status(403, 407), onPage(/\bBlue ?Coat\b|\bProxySG\b/i)), hdr('location', /\/\/(?:notify|www)\.bluecoat\.com\/notify-/i)],
  presence: [hdr('x-bluecoat-via'), hdr('server', /BlueCoat|ProxySG/i)],
  causes: [
    rule('proxy-denied', 0.92, any(body(/policy_denied|content_filter_denied|content categorization/i), body(BLUECOAT_IDS), body(BLUECOAT_WORDS), all(status(403, 407), body(/\bBlue ?Coat\b|\bProxySG\b/i))), { why: 'the ProxySG web gateway denied the request (policy_denied / content filter)', template: true, fix: PROXY_FIX, blocks: true }),
    rule('missing-credentials', 0.5, body(/authentication_failed|authentication_required/i)),
  ],
});

/** FortiGuard web filter's block sentence, kept when operators strip the Fortinet name and images from the page. */
const FORTIGUARD_SENTENCE = /You have tried to access a web page which is in violation of your internet usage policy/i;

/**
 * FortiGate replacement messages as structure, not the product names (which docs and forums use in prose): their
 * titles, footers, the images they load from url.fortinet.net:8008, the IPS block title, and "FortiGuard Web
 * Filtering" closing a block or ban sentence.
 */
const FORTI_PAGE = /Powered By (?:Fortinet|FortiGuard)|\/\/(?:global)?url\.fortinet\.net[:/]|<title>\s*(?:Web ?Filter|Application Control) Violation\s*<\/title>|FortiGuard Intrusion Prevention - Access Blocked|(?:blocked|banned|violation)\b[\s\S]{0,300}FortiGuard Web Filtering/i;

export const fortigate = defineProducer({
  id: 'fortigate', kind: 'proxy', role: 'forward-proxy', name: 'FortiGate web filter', family: 'fortinet',
  // its replacement messages: names, titles, and their images served from url.fortinet.net:8008 (a page cut in its styles)
  own: [onPage(FORTI_PAGE), onPage(FORTIGUARD_SENTENCE), all(status(403), onPage(/\bFortiGuard\b|\bFortiGate\b/))],
  causes: [rule('proxy-denied', 0.9, any(body(FORTI_PAGE), body(/has been blocked|Web Page Blocked/i), body(FORTIGUARD_SENTENCE), all(status(403), body(/\bFortiGuard\b|\bFortiGate\b/))), { why: 'the FortiGate web filter blocked the URL (FortiGuard category or URL filter)', template: true, fix: PROXY_FIX, blocks: true })],
});

/** PAN-OS response pages: their sentence (web page, application or file blocked "in accordance with company policy"). */
const PAN_BLOCKED = /has been blocked in accordance with company policy|Palo Alto Next Generation Security Platform|Virus\/Spyware Download Blocked/i;

export const paloAltoNetworks = defineProducer({
  id: 'palo-alto-networks', kind: 'proxy', role: 'forward-proxy', name: 'Palo Alto Networks firewall (URL filtering)', family: 'paloalto',
  // the sentence, or the stock response page's skeleton when an operator translated its text
  own: [body(PAN_BLOCKED), all(body(/<body bgcolor="#e7e8e9">/i), body(/<div id="content">/))],
  causes: [
    rule('proxy-denied', 0.9, any(body(PAN_BLOCKED), body(/<body bgcolor="#e7e8e9">/i)), {
      why: 'the Palo Alto firewall on the way blocked the destination (URL filtering category, application or file policy); the page names the category', template: true, fix: PROXY_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the firewall administrators to re-categorise the URL or add an exception to the URL-filtering profile (urlfiltering.paloaltonetworks.com shows its category).' },
});

/** tinyproxy's own refusal wording (reqs.c): "403 Filtered" / "The request you made has been filtered", and its Allow/Deny sentence. */
const TINYPROXY_PAGE = /The request you made has been filtered|<title>\s*403 Filtered\s*<\/title>|^\s*403 Filtered\s*$|has not configured it to service requests from your host/m;

export const tinyproxy = defineProducer({
  id: 'tinyproxy', kind: 'proxy', role: 'forward-proxy', name: 'Tinyproxy', family: 'tinyproxy',
  own: [body(/Generated by tinyproxy|tinyproxy\/[\d.]+/i)],
  // its pages cut before the "Generated by" footer: the Filter refusal's title and sentence, the Allow refusal's sentence
  bodyOnly: [body(TINYPROXY_PAGE)],
  presence: [hdr('server', /^tinyproxy/i), hdr('via', /tinyproxy/i)],
  causes: [
    rule('proxy-denied', 0.93, any(body(/has not configured it to service requests from your host|Access denied|Filtered|blocked/i), all(status(403), hdr('server', /tinyproxy/i))), { why: 'Tinyproxy\'s Allow/Deny or Filter rules refused the request', template: true, fix: PROXY_FIX }),
  ],
  checklist: { server: 'Check Allow/Deny, ConnectPort and Filter in tinyproxy.conf.' },
});

/** Privoxy's own pages: the footer every one of them carries ("This is Privoxy 3.0.34 on host (ip), port 8118") and its block wording; its name in docs is no refusal. */
const PRIVOXY_PAGE = /This is Privoxy [\d.]+ on |blocked by Privoxy/i;

export const privoxy = defineProducer({
  id: 'privoxy', kind: 'proxy', role: 'forward-proxy', name: 'Privoxy', family: 'privoxy',
  own: [onPage(PRIVOXY_PAGE), all(status(403), onPage(/\bPrivoxy\b/))],
  presence: [hdr('proxy-agent', /privoxy/i), hdr('x-hint', /privoxy/i)],
  causes: [rule('proxy-denied', 0.92, any(body(PRIVOXY_PAGE), body(/Request for blocked URL/i), all(status(403), body(/\bPrivoxy\b/))), { why: 'Privoxy\'s block actions matched this URL', template: true, fix: PROXY_FIX, blocks: true })],
});

export const cntlm = defineProducer({
  id: 'cntlm', kind: 'proxy', role: 'forward-proxy', name: 'Cntlm', family: 'cntlm',
  own: [onPage(/\bCntlm\b/i)],
  causes: [rule('proxy-denied', 0.85, body(/Cntlm/i), { why: 'the local Cntlm proxy (or the parent proxy behind it) refused the request; often its NTLM credentials are wrong or expired', template: true, fix: 'Regenerate the Cntlm password hashes (cntlm -H) and check the parent proxy.' })],
});

export const mitmproxy = defineProducer({
  id: 'mitmproxy', kind: 'proxy', role: 'forward-proxy', name: 'mitmproxy', family: 'mitmproxy',
  own: [onPage(/mitmproxy/i), hdr('proxy-authenticate', /mitmproxy/i)],
  causes: [rule('proxy-denied', 0.88, any(hdr('proxy-authenticate', /mitmproxy/i), body(/mitmproxy/i)), { why: 'the mitmproxy proxy refused the request (proxy authentication or a blocking rule)', template: true, fix: PROXY_FIX })],
});

/** Linkerd's proxy names its own refusals in l5d-proxy-error (the body is empty); policy denials read "unauthorized request on route …" or, before route policies, "unauthorized connection on server …". */
const LINKERD_DENIED = /unauthori[sz]ed (request on route|connection on server)/i;

export const linkerd = defineProducer({
  id: 'linkerd', kind: 'proxy', name: 'Linkerd proxy', family: 'linkerd',
  own: [hdr('l5d-proxy-error')],
  // pasted curl -v output keeps the header as a line of text
  bodyOnly: [body(/\bl5d-proxy-error: [^\n]{0,80}unauthori[sz]ed (request on route|connection on server)/i)],
  presence: [hdr('l5d-proxy-connection'), hdr('l5d-client-id'), hdr('l5d-dst-canonical')],
  causes: [
    rule('insufficient-permissions', 0.85, any(hdr('l5d-proxy-error', LINKERD_DENIED), body(LINKERD_DENIED)), {
      why: 'Linkerd\'s inbound proxy denied the request: no AuthorizationPolicy (or ServerAuthorization) on this Server or route admits the caller\'s mesh identity, network or route, or the default inbound policy is deny',
      fix: 'Compare the caller\'s mesh identity (its ServiceAccount) with the MeshTLSAuthentication / NetworkAuthentication the AuthorizationPolicy for this Server or HTTPRoute requires; `linkerd viz authz` lists them.',
    }),
    rule('missing-credentials', 0.35, any(hdr('l5d-proxy-error', LINKERD_DENIED), body(LINKERD_DENIED)), { why: 'an unmeshed caller (no mTLS identity) is refused the same way when the policy requires a mesh identity' }),
  ],
  checklist: { server: 'List the Server, HTTPRoute, AuthorizationPolicy and MeshTLSAuthentication objects for the workload\'s port (`linkerd viz authz -n <ns> deploy/<name>`).' },
});

/** WatchGuard Firebox deny pages: "Request/Response denied by WatchGuard Firewall / HTTP(S) Proxy." */
const WATCHGUARD_DENIED = /(Request|Response) denied by WatchGuard (Firewall|HTTPS? Proxy)/i;

export const watchguard = defineProducer({
  id: 'watchguard', kind: 'proxy', role: 'forward-proxy', name: 'WatchGuard Firebox (HTTP proxy / IPS)', family: 'watchguard',
  own: [onPage(WATCHGUARD_DENIED)],
  causes: [
    rule('waf-or-bot-block', 0.92, all(body(WATCHGUARD_DENIED), body(/Reason:\s*(<\/b>\s*)?IPS detected/i)), {
      why: 'the WatchGuard Firebox\'s intrusion prevention (IPS) matched an attack signature in the request (the page names it, e.g. "WEB Cross-site Scripting"); posted code or markup often looks like one',
      fix: 'Ask the Firebox administrators to add an IPS exception for this signature and destination, or send the payload another way (encoded, as a file).', blocks: true,
    }),
    rule('proxy-denied', 0.88, body(WATCHGUARD_DENIED), {
      why: 'a WatchGuard Firebox HTTP proxy action denied the request or the server\'s response (its reason line says which rule: WebBlocker category, header or body size limit, content type)', template: true, fix: PROXY_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the Firebox administrators which proxy action or IPS signature the "Reason:" line names (Traffic Monitor shows the denied request).' },
});

/**
 * McAfee (now Skyhigh) Web Gateway pages: their notification title ("McAfee Web Gateway - Notification[ - Blocked
 * by …]") and the /mwg-internal/<prefix>/files/ static paths; the product name alone (its product guide) is no page.
 */
const MWG_PAGE = /(?:McAfee|Skyhigh) Web Gateway - Notification|\/mwg-internal\/\w+\/files\//i;

export const mcafeeWebGateway = defineProducer({
  id: 'mcafee-web-gateway', kind: 'proxy', role: 'forward-proxy', name: 'McAfee / Skyhigh Web Gateway', family: 'mcafee',
  own: [onPage(MWG_PAGE), all(status(403), onPage(/(?:McAfee|Skyhigh) Web Gateway/i))],
  causes: [
    // its "Cannot Connect" page (cannotconnect.html) is the proxy failing to reach the destination, not a policy
    rule('proxy-denied', 0.88, all(any(body(MWG_PAGE), all(status(403), body(/(?:McAfee|Skyhigh) Web Gateway/i))), not(body(/cannotconnect|could not connect to the destination/i))), {
      why: 'the corporate McAfee / Skyhigh Web Gateway answered instead of the server: a rule blocked the URL (URL filtering category, GTI reputation, media type) — or the request to an internal address went through the proxy at all', template: true, fix: PROXY_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Read the block reason on the notification page and ask the gateway administrators for an exception, or exclude internal hosts from the proxy (NO_PROXY / PAC file).' },
});

/** Forcepoint (formerly Websense) web filter block page: its category sentence and its policy sentence. */
const WEBSENSE_CATEGORY = /(The|This) (Websense|Forcepoint) category (\S[^<\n]{0,60} )?is filtered/i;
const WEBSENSE_POLICY = /Internet use policy restricts access to this web page at this time/i;
/** The filtering service's block-page CGIs on port 15871, which the page the proxy serves frames (with a ws-session id). */
const WEBSENSE_CGI = /:15871\/cgi-bin\/(blockpage|block_message|blockOptions|moreBlockInfo)\.cgi/i;

export const forcepointWebsense = defineProducer({
  id: 'forcepoint-websense', kind: 'proxy', role: 'forward-proxy', name: 'Forcepoint (Websense) web filter', family: 'forcepoint',
  own: [onPage(WEBSENSE_CATEGORY), onPage(WEBSENSE_CGI)],
  // the page's first sentence alone, as users quote it or a page is cut
  bodyOnly: [onPage(WEBSENSE_POLICY)],
  causes: [
    rule('proxy-denied', 0.9, any(body(WEBSENSE_CATEGORY), body(WEBSENSE_POLICY), body(WEBSENSE_CGI)), {
      why: 'the organization\'s Forcepoint (Websense) web filter blocked the URL: its category (or a keyword in the URL) is filtered by the policy; the page names the category', template: true, fix: PROXY_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask IT to re-categorise the site or add an exception for it in Forcepoint Security Manager (the block page\'s "more information" frame names the policy).' },
});

/**
 * SonicWall Content Filtering Service pages: the titled page and its re-rating sentence with its link (the re-rating
 * host alone is also in SonicWall's docs and forum posts).
 */
const SONICWALL_PAGE = /SonicWALL - Web Site Blocked|rated incorrectly[^<]{0,40}<a href="https?:\/\/cfssupport\.sonicwall\.com/i;

export const sonicwall = defineProducer({
  id: 'sonicwall', kind: 'proxy', role: 'forward-proxy', name: 'SonicWall firewall (Content Filtering)', family: 'sonicwall',
  // "Web Site Blocked" alone is many filters' heading: with SonicWall's Server header or banner only
  own: [onPage(SONICWALL_PAGE), all(status(403), onPage(/cfssupport\.sonicwall\.com/i)), all(hdr('server', /^SonicWALL/i, 2), body(/<(title|h\d)>Web Site Blocked|nsa_banner/i))],
  presence: [hdr('server', /^SonicWALL/i)],
  causes: [
    rule('proxy-denied', 0.9, any(body(SONICWALL_PAGE), all(status(403), body(/cfssupport\.sonicwall\.com/i)), all(hdr('server', /^SonicWALL/i), body(/Web Site Blocked/i))), {
      why: 'the SonicWall firewall\'s Content Filtering Service blocked the URL: its rating category is forbidden by the CFS policy (the page names the category)', template: true, fix: PROXY_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the firewall administrators to allow the site in the CFS profile, or request a re-rating at cfssupport.sonicwall.com.' },
});
