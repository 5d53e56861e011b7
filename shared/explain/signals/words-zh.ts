import { all, status } from '../match';
import { rule } from '../rule';
import { shortBodyWords } from './short-body';
import type { CauseRule } from '../types';

/**
 * Chinese refusal words of API platforms the registry may not know (WeChat/WeCom, DingTalk,
 * QQ bots, AI relays): read for the cause only, never to name a writer.
 */
const w = shortBodyWords;

/** "the caller's IP is not in the whitelist" (访问ip不在白名单之中, 接口访问源IP不在白名单) and DingTalk's code. */
const IP_ZH = /ip(地址)?[^，。,"'\n]{0,8}不在[^，。,"'\n]{0,6}白名单|\bipnotinwhitelist\b/i;
/**
 * "requests / operations too frequent" (请求过于频繁, 操作频繁, 您操作太频繁), "lower the request rate", and "throttled"
 * (限流): Django REST framework's Chinese "Request was throttled." is 请求已被限流 (rest_framework/locale/zh_Hans),
 * API gateways say 触发限流 / 请求次数超限.
 */
const RATE_ZH = /(请求|访问|操作|调用)(过于|太|过)?频繁|请降低(请求|访问|调用)?频率|(请求|调用|访问)频率(过高|过快|超限)|(已被|被|触发)限流|(请求|调用|访问)次数(过多|超限|超过限制)/;
/**
 * "signature wrong / verification failed" (签名错误, 签名验证失败, 验签失败), and Alipay's gateway "验签出错" (its
 * invalid-signature sub_msg and debug page: alipay-openapi/*), the same as 验签错误 / 验签不通过 in SDKs' logs.
 */
// (each word written out: the anchor index reads literals of three characters or more)
const SIGN_ZH = /签名错误|签名无效|签名验证失败|签名校验失败|签名不匹配|签名不正确|验签失败|验签出错|验签错误|验签不通过/;
/** An error's own fields beside the words: a page or envelope that reports an error (错误代码 / 错误原因, a code key). */
const ERROR_FIELDS_ZH = /错误代码|错误原因|错误码|["']?(?:sub_code|errcode|error_code)["']?\s*[:=]/;

export const ZH_WORD_RULES: CauseRule[] = [
  rule('ip-or-geo-blocked', 0.62, w(IP_ZH), { words: true, why: 'the body says (in Chinese) the caller\'s IP address is not in the allow-list (白名单)' }),
  rule('rate-limited', 0.62, w(RATE_ZH), { words: true, why: 'the body says (in Chinese) the requests come too often (请求过于频繁): a rate limit' }),
  rule('signature-or-clock-skew', 0.62, w(SIGN_ZH), { words: true, why: 'the body says (in Chinese) the request signature is wrong or did not verify (签名错误 / 签名验证失败)' }),
  rule('signature-or-clock-skew', 0.66, all(status(400, 401, 403), w(SIGN_ZH)), {
    blocks: true, words: true, why: 'a signature check failed (签名验证失败), sent with a 400 look-alike of 401/403',
  }),
  // a gateway that reports the failure on a page or in an envelope with its error code, whatever the status (Alipay's 200 debug page)
  rule('signature-or-clock-skew', 0.66, all(w(SIGN_ZH), w(ERROR_FIELDS_ZH)), {
    blocks: true, words: true, why: 'an error page or envelope says the request signature did not verify (验签出错 / 签名错误) and gives its error code',
  }),
];
