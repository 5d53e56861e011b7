import type { Matcher } from '../match';
import { all, body, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBody } from './short-body';

const w = (re: RegExp): Matcher => when(shortBody, body(re));

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

export const EDGE_INTL_RULES: CauseRule[] = [
  rule('proxy-denied', 0.58, all(status(403, 407), w(URL_FILTER_INTL)), { words: true, why: 'the refusal names URL filtering (in another language): a web filter\'s policy blocked the site' }),
  rule('proxy-denied', 0.5, all(status(403, 407), w(YOUR_NETWORK_INTL)), { words: true, why: 'the refusal sends the caller to their own Internet or service provider (or network administrator): a filter on the caller\'s side refused it' }),
  rule('waf-or-bot-block', 0.64, w(WAF_ZH), { blocks: true, words: true, why: 'the page says (in Chinese) the request was intercepted (拦截 / 阻断) by the site\'s security policy: a WAF block page' }),
];
