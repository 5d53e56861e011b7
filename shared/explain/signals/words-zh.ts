import type { Matcher } from '../match';
import { all, body, status, when } from '../match';
import { rule } from '../rule';
import { shortBody } from './short-body';
import type { CauseRule } from '../types';

/**
 * Chinese refusal words of API platforms the registry may not know (WeChat/WeCom, DingTalk,
 * QQ bots, AI relays): read for the cause only, never to name a writer.
 */
const w = (re: RegExp): Matcher => when(shortBody, body(re));

/** "the caller's IP is not in the whitelist" (访问ip不在白名单之中, 接口访问源IP不在白名单) and DingTalk's code. */
const IP_ZH = /ip(地址)?[^，。,"'\n]{0,8}不在[^，。,"'\n]{0,6}白名单|\bipnotinwhitelist\b/i;
/** "requests / operations too frequent" (请求过于频繁, 操作频繁, 您操作太频繁), "lower the request rate". */
const RATE_ZH = /(请求|访问|操作|调用)(过于|太|过)?频繁|请降低(请求|访问|调用)?频率|(请求|调用|访问)频率(过高|过快|超限)/;
/** "signature wrong / verification failed" (签名错误, 签名验证失败, 验签失败). */
const SIGN_ZH = /签名(错误|无效|验证失败|校验失败|不匹配|不正确)|验签失败/;

export const ZH_WORD_RULES: CauseRule[] = [
  rule('ip-or-geo-blocked', 0.62, w(IP_ZH), { words: true, why: 'the body says (in Chinese) the caller\'s IP address is not in the allow-list (白名单)' }),
  rule('rate-limited', 0.62, w(RATE_ZH), { words: true, why: 'the body says (in Chinese) the requests come too often (请求过于频繁): a rate limit' }),
  rule('signature-or-clock-skew', 0.62, w(SIGN_ZH), { words: true, why: 'the body says (in Chinese) the request signature is wrong or did not verify (签名错误 / 签名验证失败)' }),
  rule('signature-or-clock-skew', 0.66, all(status(400, 401, 403), w(SIGN_ZH)), {
    blocks: true, words: true, why: 'a signature check failed (签名验证失败), sent with a 400 look-alike of 401/403',
  }),
];
