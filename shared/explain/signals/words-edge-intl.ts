import type { Matcher } from '../match';
import { all, body, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule, Ctx } from '../types';
import { shortBodyWords } from './short-body';

const w = shortBodyWords;

/**
 * Chinese WAF block pages: the request or visit was intercepted (拦截) or cut off (阻断) by a security policy.
 * "访问被拦截！" (Huawei Cloud WAF), "您的访问被阻断" (Alibaba Cloud WAF), "请求已被管理员设置的策略阻断 ... Web应用防火墙"
 * (Tencent Cloud WAF), "您的请求已被该站点的安全策略拦截" (Tencent EdgeOne), "WTS-WAF拦截提示" (WTS-WAF). These words say
 * nothing else: a 405/418/567 or 200 carrying them is a refusal.
 */
const WAF_ZH = /(访问被|请求被|访问已被|请求已被)[^，。,!！\n]{0,16}(拦截|阻断)|应用防火墙|拦截提示|拦截详情|拦截页面/;

/**
 * The English "contact your service provider / network administrator" family (words-edge.ts YOUR_NETWORK: Squid, Blue Coat,
 * Meraki, Untangle, Forcepoint) in other languages: a refusal that sends the caller to their own Internet or service provider,
 * or their network's administrator, comes from a filter on the caller's side. Localised proxy pages (Squid's errors/*.po
 * translations: de, es, pt, nl, sv, fi, pl, cs, ro, uk, bg, el, ja ...) and localised web-filter notifications say it this way.
 */
const YOUR_NETWORK_INTL = /\b(dienstanbieter|internetanbieter|netzwerkadministrator|diensverskaffer|tjänsteleverantör|nätverksadministratör|tjenesteudbyder|tjenesteleverandør|palveluntarjoaja\w*|netwerkbeheerder|internetprovider|serviceprovider)\b|\b(proveedor|provedor|fornecedor|fournisseur|fornitore|furnizorul) (de |di |d'accès|d’accès)?(servi[cç]\w*|internet|acc[eè]s)|\badministra(dor|teur|tore) (de |du |di )?(la )?(rede|red|réseau|rete)\b|\b(provider(em|u|a)?|poskytovatel\w*|ponudnika storitev|dobavljač\w* usluga|davatelj\w* usluga|paslaugų tiekėj\w*|pakalpojumu sniedzēj\w*|penyedia (layanan|jasa))\b|\bservis (sağlayıcı|xidmətçi)|nhà cung cấp dịch vụ|(интернет[- ]?)?доставчик|постачальник\S* інтернет|провайдер|παροχέα υπηρεσιών|πάροχο|პროვაიდერ|サービスの提供者|プロバイダ|ネットワーク管理者|服务提供商|网络管理员|서비스 제공자|네트워크 관리자|تهیه‌کننده سرویس|ارائه دهنده خدمات/i;

/**
 * "URL filtering" named as the policy in other languages, the localised form of words-edge.ts PROXY's "url filtering":
 * "Notificación: política: filtrado de URL" (Cisco WSA, Spanish), "Filtrage d'URL" / "URL-Filter" (FortiGuard and Sophos
 * localised block pages), "filtragem de URL" (Portuguese), "filtro URL" (Italian).
 */
const URL_FILTER_INTL = /\b(filtrado|filtragem|filtrage|filtro) (de |d'|d’|des )?urls?\b|\burl-filter(ung)?\b/i;

const tiny = (ctx: Ctx): boolean => ctx.textLength < 1000;
const t = (re: RegExp): Matcher => when(tiny, body(re));

/**
 * The words-edge.ts SITE_BLOCKED family ("this site / page has been blocked", "access to this site has been blocked") in other
 * languages: the destination is what a national, ISP or school filter blocks. "Esta página ha sido bloqueada por disposición
 * del Ministerio" (Colombia), "akses Anda ke situs ini telah diblokir" (Indonesian ISPs), "lagt at blokere for adgang til siden"
 * (Denmark), "Diese Webseite wurde gesperrt" (German school filters such as IServ), "Ce site a été bloqué" (French filters); the
 * pages are listed in ooni/blocking-fingerprints (fingerprints_http.csv). A 200 carrying these words is the filter's page.
 */
const SITE_BLOCKED_INTL = /\b(esta|este) (p[aá]gina|sitio|sitio web|web) (ha sido|fue|est[aá]|se encuentra) (bloquead[oa]|restringid[oa])|\b(esta|este) (p[aá]gina|site|s[ií]tio) (foi|est[aá]) (bloquead[oa]|restrit[oa])|\b(ce|cette) (site|page)( web| internet)? (a [ée]t[ée]|est) (bloqu[ée]e?|restreinte?)|\b(questo sito|questa pagina)( web)? (è stat[oa] |è )(bloccat[oa]|oscurat[oa])|\bdiese (seite|webseite|website|internetseite) (wurde|ist) (gesperrt|blockiert)|\bdeze (pagina|website|site) (is|werd) geblokkeerd|\b(situs|halaman)( ini)? (telah |sudah )?diblokir|\bke situs ini telah diblokir|\bblokere for adgang\b|\b(strona|witryna) (zosta[lł]a )?zablokowana|\b(bu siteye|bu web sitesine) eri[sş]im (engellenmi[sş]tir|engellendi)|(网站已被|网页已被|页面已被|站点已被|网站被|网页被)(屏蔽|封锁|阻止)|(このサイト|このページ|このウェブサイト)[^。\n]{0,20}ブロック|(사이트가|페이지가|접속이|사이트는) (차단|차단되었습니다)|(هذا الموقع محجوب|تم حجب)/i;
/** The same in scripts the anchor index cannot read (Cyrillic): only with a refusal status. "Доступ к ресурсу ограничен", "сайт заблокирован" (Russian ISP pages). */
const SITE_BLOCKED_CYRILLIC = /(сайт|ресурс|страниц[аы])[^.\n]{0,30}заблокирован|доступ[^.\n]{0,30}ограничен|заблоковано/i;
/**
 * The words-edge.ts GEO family ("not available in your country") in other languages: "no está disponible en tu país",
 * "n'est pas disponible dans votre pays", "in Ihrem Land nicht verfügbar", "não está disponível no seu país",
 * "non è disponibile nel tuo paese", "недоступ... в вашей стране/регионе", "您所在的国家/地区 ... 不可用" (streaming and AI services).
 */
const GEO_INTL = /no est[aá] disponible en (tu|su) (pa[ií]s|regi[oó]n)|n'est pas disponible dans (votre|ton) (pays|r[ée]gion)|in ihrem (land|gebiet|region) nicht verf[uü]gbar|n[aã]o est[aá] dispon[ií]vel (no seu|em seu|na sua) (pa[ií]s|regi[aã]o)|non [eè] disponibile nel (tuo|suo) paese|недоступ\S* в вашей (стране|регионе)|(所在|您所在的)(国家|地区)[^。\n]{0,12}(不可用|无法使用|不支持|不提供)/i;

/**
 * words-edge.ts PROXY_PAGE's "Access control configuration prevents your request from being allowed at this time" as
 * Squid's translated ERR_ACCESS_DENIED pages say it (squid-cache/squid errors/<lang>.po, served by Squid and the
 * filters built on it by the browser's Accept-Language: squid/access-denied-*-visible-text): ru, uk, de, es, fr, pt, it,
 * pl, id, sk, hu, he, ja, zh, tr, cs (https://github.com/squid-cache/squid/tree/master/errors).
 */
const PROXY_ACL_INTL = new RegExp([
  'система контроля доступа не позволяет выполнить|налаштування контролю доступу забороняє',
  String.raw`die anfrage wurde aufgrund mangelnder zugriffsrechte verweigert|la configuraci[oó]n de control de acceso evita que su solicitud`,
  String.raw`la configuration du contr[oô]le d'acc[eè]s,? emp[eê]che votre requ[eê]te|a configura[cç][aã]o do controle de acesso impede`,
  String.raw`la richiesta non [eè] permessa dalle impostazioni di sicurezza|konfiguracja serwera wyklucza tw[oó]j dost[eę]p`,
  String.raw`konfigurasi kontrol akses mencegah permintaan|kv[oô]li konfigur[aá]cii riadenia pr[ií]stupu|nincs jogosults[aá]ga a k[eé]rt tartalom el[eé]r[eé]s[eé]hez`,
  'הגדרות הגישה מונעות אישור בקשתך|設定されたアクセス制御によって|当前的存取控制设定禁止您的请求',
  String.raw`eri[sş]im kontrol mekanizmas[iı] istedi[gğ]iniz bilgilere|nastaven[ií] p[rř][ií]stupov[yý]ch pr[aá]v aktu[aá]ln[eě] neumo[zž][nň]uje`,
].join('|'), 'i');

/**
 * IIS's 403.14 (directory browsing off, no default document: words-authz.ts DIR_SERVER's "configured to not list the
 * contents of this directory") on its localized error pages: the substatus in its title ("Erreur HTTP 403.14 - interdit",
 * "HTTP 错误 403.14 - Forbidden") and the sentence, French "Le serveur Web est configuré pour ne pas afficher le contenu de
 * ce répertoire" (github.com/SyncfusionExamples/angular-crud-application/issues/1, iis/localized-fr-403-14-docs),
 * Chinese "Web 服务器被配置为不列出此目录的内容" (iis/localized-zh-403-14).
 */
const IIS_DIR_INTL = /\b(?:HTTP|Error|Erreur|Fehler)\b[^<\n]{0,12}\b403\.14\b|错误 403\.14|ne pas (?:afficher|r[ée]pertorier|lister) le contenu de ce r[ée]pertoire|不列出此目录的内容/i;

export const EDGE_INTL_RULES: CauseRule[] = [
  rule('proxy-denied', 0.62, t(SITE_BLOCKED_INTL), { blocks: true, words: true, why: 'the page says (in another language) the site itself has been blocked: a national, ISP or organisation filter\'s block page' }),
  rule('proxy-denied', 0.6, all(status(403, 451), w(SITE_BLOCKED_CYRILLIC)), { words: true, why: 'the page says (in Russian or Ukrainian) access to the site is blocked or restricted: a filter\'s block page' }),
  rule('ip-or-geo-blocked', 0.64, w(GEO_INTL), { words: true, why: 'the body says (in another language) the service is not available in the caller\'s country or region' }),
  rule('proxy-denied', 0.58, all(status(403, 407), w(URL_FILTER_INTL)), { words: true, why: 'the refusal names URL filtering (in another language): a web filter\'s policy blocked the site' }),
  rule('proxy-denied', 0.5, all(status(403, 407), w(YOUR_NETWORK_INTL)), { words: true, why: 'the refusal sends the caller to their own Internet or service provider (or network administrator): a filter on the caller\'s side refused it' }),
  rule('proxy-denied', 0.64, all(status(403, 407), w(PROXY_ACL_INTL)), { words: true, why: 'the page is a forward proxy\'s access-denied page in another language (its access control configuration refuses the request): Squid or a filter built on it' }),
  rule('directory-listing-or-filesystem', 0.64, w(IIS_DIR_INTL), { words: true, why: 'the page is IIS\'s 403.14 (in another language): directory browsing is off and the folder has no default document' }),
  rule('waf-or-bot-block', 0.64, w(WAF_ZH), { blocks: true, words: true, why: 'the page says (in Chinese) the request was intercepted (拦截 / 阻断) by the site\'s security policy: a WAF block page' }),
];
