// Business-code envelopes: {"errcode": N, "errmsg": "..."} (WeChat, WeCom, DingTalk and many Chinese APIs) and
// {"code": N, "msg": "..."}, sent with HTTP 200. A non-zero code says the call failed; its message says why.
// Read for the cause only, never to name a writer. errcode 0 / "errmsg":"ok", code 0 or 200 are successes, and
// words in a success's data (or in a record with more fields than an envelope has) are no refusal.
// Sources: WeChat's global return codes (developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html:
// 40001 "invalid credential, access_token is invalid or not latest", 42001 "access_token expired", 48001 "api unauthorized",
// 45009 "reach max api daily quota limit", 45011 "api minute-quota reach limit", 40164 "invalid ip …, not in whitelist"),
// WeCom's error codes (developer.work.weixin.qq.com/document/path/90313: 40014 "invalid access_token", 45009 "api freq out of
// limit", 60011 "no privilege to access/modify contact/party/agent", 60020 "not allow to access from your ip"), DingTalk's
// (open.dingtalk.com: 40014 "不合法的access_token", 60020 "访问ip不在白名单之中", 88 "请求的API超过了限流"), and the corpus
// fixtures of wechat-api/, wecom-api/, dingtalk-api/ and generic-causes-r10/ as SDKs print them.
import { anchored, anchorOf } from '../anchors';
import { body, type Matcher } from '../match';
import { rule } from '../rule';
import type { CauseId, CauseRule, Ctx, WeightedEvidence } from '../types';
import { ENVELOPE_MAX_FIELDS, jsonRoot, locateValue } from './json-values';
import { shortBodyWords } from './short-body';

/** Refused credentials: invalid, expired or illegal token / secret / key, a login or session that expired. */
const INVALID = /\binvalid (credential|access_?token|appsecret|app_?secret|corpsecret|appkey|app_?key|api_?key|token)\b|\b(access_?token|token) (is )?(invalid|expired|illegal)\b|\baccess_token expired\b|(不合法|无效|非法)的?(access_?token|token|令牌|凭证|appsecret|secret|app_?key|api_?key)|(access_?token|token|令牌|凭证|app_?key|api_?key)(已)?(无效|失效|过期|不合法|非法)|(登录|登陆|会话|身份|授权)(状态)?(已)?(失效|过期)/i;
/** No credential: the token parameter missing, "not logged in". */
const MISSING = /\b(access_?token|token|api_?key|app_?key) (is )?missing\b|缺少(参数)?(access_?token|token|令牌)|未登录|未登陆|请先登录/i;
/** The caller may not use this API or object (WeChat's "api unauthorized", WeCom's "no privilege", 没有权限). */
const PERMISSION = /\bapi (unauthori[sz]ed|forbidden)\b|\bno (api )?(permission|privilege)\b|\bpermission denied\b|没有[^，。,"'\n]{0,8}权限|无(调用|访问|操作)?权限|权限不足/i;
/** The caller's IP is not on the allow-list (WeChat 40164, WeCom 60020, DingTalk 60020). */
const IP = /\bnot in (the )?(ip )?(white ?list|allow ?list)\b|\binvalid ip\b|\bnot allow(ed)? to access from your ip\b|ip(地址)?[^，。,"'\n]{0,8}不在[^，。,"'\n]{0,6}白名单/i;
/** Frequency and call-count limits ("api freq out of limit", "reach max api daily quota limit", 调用频率超限, 超过了限流). */
const RATE = /\bfreq(uency)? (out of )?limit\b|\breach max api (daily |minute )?quota\b|\bminute-quota reach limit\b|\bapi (daily|minute)-quota\b|\brate limit(ed)?\b|\btoo many requests\b|\btoo frequent\b|(请求|访问|操作|调用)(过于|太|过)?频繁|(调用|请求|访问)(次数|频率|频次)(已)?(超限|超过|超出)|超过了?限流|触发限流/i;

/** Keys that hold the business code and the message (its spelling across WeChat/WeCom/DingTalk and the code/msg APIs). */
const CODE_KEYS = ['errcode', 'errCode', 'err_code', 'code'];
const MSG_KEYS = ['errmsg', 'errMsg', 'err_msg', 'msg'];

/** A non-zero business code: a number, or a numeric string ("40001"); 0 and 200 say success. */
function failingCode(v: unknown): boolean {
  if (typeof v === 'number') return v !== 0 && v !== 200;
  return typeof v === 'string' && /^-?\d{1,9}$/.test(v) && Number(v) !== 0 && Number(v) !== 200;
}

/** The message of a failed business-code envelope (top level, no more fields than an envelope has), or null. */
function failedMessage(ctx: Ctx): string | null {
  if (ctx.json === undefined) return null;
  const root = jsonRoot(ctx.json);
  if (!root || Object.keys(root).length > ENVELOPE_MAX_FIELDS) return null;
  const codeKey = CODE_KEYS.find((k) => k in root);
  if (!codeKey || !failingCode(root[codeKey])) return null;
  // code/msg: only beside msg (a "code" with a "message" is read by json-envelope.ts and the word rules)
  for (const k of codeKey === 'code' ? ['msg'] : MSG_KEYS) {
    const v = root[k];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** The failed envelope's message, when it says `re`; the evidence is the message as it stands in the body. */
function envelopeSays(re: RegExp): Matcher {
  const m: Matcher = (ctx): WeightedEvidence[] | null => {
    const msg = failedMessage(ctx);
    if (!msg || !re.test(msg)) return null;
    const text = locateValue(ctx, msg);
    return text ? [{ where: 'body', text, weight: 1 }] : null;
  };
  // anchored on the message keys' text, so the explainer's index (and the light gate) can skip other bodies
  return anchored(m, anchorOf(body(/errmsg|err_msg|"msg"/i)));
}

/**
 * The same envelope as SDKs and logs print it: a five- or six-digit code, then its message (after a comma, a colon,
 * "说明：", "errmsg:" or "message:"): "40001: invalid credential" (wechat-python-sdk), "错误代码：42001，说明：access_token
 * expired" (Senparc), "Error code: 48001, message: api unauthorized" (wechatpy), "40014, invalid access_token" (n8n),
 * "errcode: 40001, errmsg: 'invalid credential" (a Node object dump).
 */
const CODE_THEN = String.raw`\b[1-9]\d{4,5}\b[^a-z\n]{0,6}(?:(?:\n[^a-z\n]{0,12})?(?:errmsg|message|msg)\b[^a-z]{1,16})?`;
/** Its message words, as WeChat-family APIs write them (the vendor's documented errmsg vocabulary). */
const CODE_INVALID = new RegExp(`${CODE_THEN}(?:invalid (?:credential|access_token|appsecret|corpsecret)\\b|access_token (?:expired|is invalid)\\b|不合法的access_?token)`, 'i');
const CODE_PERMISSION = new RegExp(`${CODE_THEN}(?:(?:api unauthori[sz]ed|api forbidden|no privilege to access)\\b|没有[^，。,"'\\n]{0,8}的权限|没有权限|无权限|权限不足)`, 'i');
const CODE_MISSING = new RegExp(`${CODE_THEN}access_token missing\\b`, 'i');
const CODE_RATE = new RegExp(`${CODE_THEN}(?:api freq out of limit|reach max api (?:daily |minute )?quota limit|api minute-quota reach limit)\\b`, 'i');

const WHY: Record<string, string> = {
  'invalid-credentials': 'the business-code envelope (errcode / code ≠ 0) says the token, secret or login sent is invalid or expired, whatever the HTTP status',
  'missing-credentials': 'the business-code envelope (errcode / code ≠ 0) says no token came with the call (missing, not logged in), whatever the HTTP status',
  'insufficient-permissions': 'the business-code envelope (errcode / code ≠ 0) says the caller may not use this API or object (api unauthorized, no privilege, 没有权限), whatever the HTTP status',
  'ip-or-geo-blocked': 'the business-code envelope (errcode / code ≠ 0) says the caller\'s IP is not on the allow-list (白名单), whatever the HTTP status',
  'rate-limited': 'the business-code envelope (errcode / code ≠ 0) says a call-frequency or daily quota limit was reached, whatever the HTTP status',
};
const r = (cause: CauseId, confidence: number, when: Matcher): CauseRule => rule(cause, confidence, when, { blocks: true, words: true, why: WHY[cause] });

export const ERRCODE_ENVELOPE_RULES: CauseRule[] = [
  // a missing token is the more precise reading of "access_token missing" than any invalid-token word beside it
  r('missing-credentials', 0.65, envelopeSays(MISSING)),
  r('ip-or-geo-blocked', 0.65, envelopeSays(IP)),
  r('rate-limited', 0.65, envelopeSays(RATE)),
  r('insufficient-permissions', 0.64, envelopeSays(PERMISSION)),
  r('invalid-credentials', 0.64, envelopeSays(INVALID)),
  r('missing-credentials', 0.64, shortBodyWords(CODE_MISSING)),
  r('invalid-credentials', 0.63, shortBodyWords(CODE_INVALID)),
  r('insufficient-permissions', 0.63, shortBodyWords(CODE_PERMISSION)),
  r('rate-limited', 0.63, shortBodyWords(CODE_RATE)),
];
