import type { Matcher } from '../match';
import { body, when } from '../match';
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

export const EDGE_INTL_RULES: CauseRule[] = [
  rule('waf-or-bot-block', 0.64, w(WAF_ZH), { blocks: true, words: true, why: 'the page says (in Chinese) the request was intercepted (拦截 / 阻断) by the site\'s security policy: a WAF block page' }),
];
