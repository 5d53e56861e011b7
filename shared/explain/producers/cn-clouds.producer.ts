import { all, any, body, hdr } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

// Chinese clouds and platforms. Several answer a refusal with HTTP 200 and an error in the body
// (Tencent Cloud API 3.0, WeChat, WeCom, Baidu's open APIs), so their cause rules say `blocks`.

/**
 * Tencent Cloud API 3.0: {"Response":{"Error":{"Code","Message"},"RequestId"}} sent with 200, its dotted
 * AuthFailure.* codes, its SDKs' exceptions and its own sentences. Plain RequestLimitExceeded and
 * UnauthorizedOperation are AWS EC2 codes too: they read a cause here only once Tencent is named.
 */
const TC_AUTH = /\bAuthFailure\.(SignatureFailure|SignatureExpire|SecretIdNotFound|InvalidSecretId|TokenFailure|InvalidAuthorization|UnauthorizedOperation|MFAFailure)\b/;
const TC_SDK = /\bTencentCloudSDK(Http)?Exception\b|\[TencentCloudSDKError\]|\btencentcloud\.common\.exception\b/;
const TC_WORDS = /The SecretId is not found, please ensure that your SecretId is correct|Please check your signature is correct|Check your CAM policies, and ensure that you are using the correct access keys|操作未授权，请检查CAM策略|which exceeds the frequency limit `\d+` for a second|超过了每秒频率上限/;
const TC_ENVELOPE = /"Response"\s*:\s*\{\s*"(Error"\s*:\s*\{\s*"Code|RequestId"\s*:\s*"[\w-]+"\s*,\s*"Error)"/;

export const tencentCloudApi = defineProducer({
  id: 'tencent-cloud-api', kind: 'saas-api', name: 'Tencent Cloud API', family: 'tencent',
  own: [body(TC_AUTH), body(TC_SDK), body(TC_WORDS)],
  bodyOnly: [body(TC_ENVELOPE)],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(/\bAuthFailure\.Signature(Failure|Expire)\b|请求签名验证失败|Please check your signature is correct/), {
      blocks: true, why: 'Tencent Cloud computed another signature (AuthFailure.SignatureFailure) or the signed timestamp is too old (SignatureExpire): a wrong SecretKey, spaces around it, a changed parameter or a clock off',
      fix: 'Copy the SecretId/SecretKey pair again from the API key console (no spaces or line breaks), sign with TC3-HMAC-SHA256 for the endpoint you call, and sync the clock.',
    }),
    rule('invalid-credentials', 0.93, body(/\bAuthFailure\.(SecretIdNotFound|InvalidSecretId|TokenFailure|InvalidAuthorization)\b|The SecretId is not found/), {
      blocks: true, why: 'Tencent Cloud does not know this SecretId (deleted, disabled, another product\'s id such as a DNSPod token or an app id, or mistyped), or the temporary token is not valid',
      fix: 'Use a Cloud API key (SecretId/SecretKey) from console.cloud.tencent.com/cam/capi, or fresh STS credentials with their token.',
    }),
    rule('insufficient-permissions', 0.92, body(/\b(AuthFailure\.)?UnauthorizedOperation\b|Check your CAM policies|操作未授权|you are not authorized to perform operation \(\w+:\w+\)/), {
      blocks: true, why: 'the key is known, but its CAM policies do not allow this action on this resource (a sub-account or role without the permission)',
      fix: 'Have the root account grant the action named in the message (e.g. sms:SendSms) on the resource to this sub-account or role in CAM.',
    }),
    rule('rate-limited', 0.92, body(/\bRequestLimitExceeded(\.\w+)?\b|exceeds the frequency limit|超过了每秒频率上限/), {
      blocks: true, why: 'more calls per second than this API allows for the account (RequestLimitExceeded; often 5 or 20 per second)',
      fix: 'Slow the calls down below the limit in the message and retry with back-off.',
    }),
  ],
  checklist: { server: 'Check the key in the CAM console (API keys, the sub-account\'s policies) and the API\'s frequency limit.' },
});

/** Tencent Cloud COS (XML API): S3's envelope with its own <TraceId>, <ServerTime> and cos.<region>.myqcloud.com hosts. */
const COS_MARK = /<TraceId>|\bTraceId=\w|\.cos\.[\w-]+\.myqcloud\.com\b/;
const COS_SDK = /\bCosServiceError\b|\bCosServiceException\b|\bcom\.tencent\.qcloud\.networking\b|\bQcloud\\Cos\\Exception\\\w+|\bCos Error Code: \w+/;

export const tencentCos = defineProducer({
  id: 'tencent-cos', kind: 'cloud-storage', name: 'Tencent Cloud COS', family: 'tencent',
  overrides: ['aws-s3'],
  own: [all(body(/<Code>\w+<\/Code>|\bCode=[A-Z]\w+/), body(COS_MARK)), body(COS_SDK)],
  // its XML as cut before TraceId: a single-quoted declaration with a space before '?>' (Python's ElementTree writes none), and
  // its own signature sentence (cloud.tencent.com/document/product/436/7730 error codes, corpus tencent-cos/)
  bodyOnly: [body(/<\?xml version='1\.0' encoding='utf-8' \?>\s*<Error>\s*<Code>|The Signature you specified is invalid\./)],
  presence: [hdr('server', /^tencent-cos$/i), hdr('x-cos-request-id')],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(/\bSignatureDoesNotMatch\b|The Signature you specified is invalid|\bRequestTimeTooSkewed\b|Request has expired/), {
      why: 'COS computed another signature (its StringToSign/FormatString show what it signed): a wrong SecretKey, a signature made by a server for another key or path, or a clock off',
      fix: 'Compare the StringToSign/FormatString in the error with what the signer used (method, path with its encoding, host), and check the key pair and the clock.',
    }),
    rule('invalid-credentials', 0.9, body(/\bInvalidAccessKeyId\b|\bExpiredToken\b|\bInvalidToken\b/), {
      why: 'COS does not accept the SecretId or the temporary token (unknown, deleted, not yet effective, or expired)',
      fix: 'Check the SecretId/SecretKey pair in the API key console (a new key can take a moment to work), or fetch fresh STS credentials with their token.',
    }),
    rule('insufficient-permissions', 0.8, body(/<Code>AccessDenied<\/Code>|\bCode=AccessDenied\b/), {
      why: 'COS refused the object operation (Access Denied.): the temporary key\'s policy, the sub-account\'s CAM policy or the bucket ACL/policy does not allow this action — or the bucket is private and the request was not signed',
      fix: 'Add the action (e.g. name/cos:PutObject, name/cos:PostObject) and the object path to the STS or CAM policy, or sign the request for a private bucket.',
    }),
  ],
  checklist: { server: 'Check the bucket\'s ACL and policy and the key\'s (or STS policy\'s) allowed actions in the COS console.' },
});

/** Qiniu Kodo: its upload and API hosts (qbox.me, up*.qiniu.com), its SDKs, and the X-Reqid/X-Log pair on its answers. */
const QINIU_MARK = /\b(up|upload|rs|rsf|uc|api)(-z\d+|-[a-z]+-\d+)?\.(qbox\.me|qiniu\.com|qiniuapi\.com|qiniup\.com)\b|\bQiniu::HTTP\b|\bcom\.qiniu\.(http|common|storage)\b|"error_code"\s*:\s*"BadToken"/;
const QINIU_TOKEN = /\b(bad|expired) token\b|\bapp\/accesskey is not found\b|\bBadToken\b/;

export const qiniuKodo = defineProducer({
  id: 'qiniu-kodo', kind: 'cloud-storage', name: 'Qiniu Kodo', family: 'qiniu',
  own: [all(body(QINIU_MARK), body(QINIU_TOKEN)), all(hdr('x-reqid'), hdr('x-log'), body(QINIU_TOKEN))],
  bodyOnly: [body(QINIU_MARK)],
  causes: [
    rule('invalid-credentials', 0.92, body(QINIU_TOKEN), {
      blocks: true, why: 'Kodo does not accept the upload or access token: signed with a wrong AccessKey/SecretKey pair or for another account (bad token, app/accesskey is not found), or used after the deadline it was made with (expired token)',
      fix: 'Make a fresh upload token per upload (or with a longer deadline) from the right AccessKey/SecretKey on your server, and check both keys in the Qiniu console.',
    }),
  ],
  checklist: { server: 'Check the AccessKey/SecretKey pair in the Qiniu console and when the upload token was made.' },
});

/**
 * Baidu AI Cloud's open APIs (AIP: OCR, speech, NLP; Qianfan/ERNIE): {"error_code":N,"error_msg":"…"} with
 * HTTP 200 and a fixed sentence per code — 110 'Access token invalid or no longer valid', 18 'Open api qps
 * request limit reached' (17 daily, 19 total).
 */
const BAIDU_TOKEN = /\bAccess token invalid or no longer valid\b/;
const BAIDU_LIMIT = /\bOpen api (qps |daily |total )?request limit reached\b/;
/** 6: the app has not been given this API (its interface boxes), said only beside its code. */
const BAIDU_NO_PERM = all(body(/\bNo permission to access data\b/), body(/error_code['"]?\s*[:=]\s*6\b/));

export const baiduAiCloud = defineProducer({
  id: 'baidu-ai-cloud', kind: 'saas-api', name: 'Baidu AI Cloud API (AIP / Qianfan)', family: 'baidu',
  own: [body(BAIDU_TOKEN), body(BAIDU_LIMIT), BAIDU_NO_PERM],
  bodyOnly: [body(/\baip\.baidubce\.com\b|\bqianfan\.baidubce\.com\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(BAIDU_TOKEN), {
      blocks: true, why: 'Baidu does not accept the access_token (error_code 110): not one its OAuth endpoint issued for this app\'s API Key/Secret Key, or built wrongly by the client',
      fix: 'Get a fresh access_token from aip.baidubce.com/oauth/2.0/token with the app\'s API Key and Secret Key, and send it as the access_token query parameter.',
    }),
    rule('insufficient-permissions', 0.9, BAIDU_NO_PERM, {
      blocks: true, why: 'the app\'s keys are valid but the app has not been given this API (error_code 6): its interface was not ticked for the app, or the model/service is not opened for the account',
      fix: 'In the Baidu AI Cloud console, enable this API (or model service) for the app whose API Key you use, then fetch a new access_token.',
    }),
    rule('rate-limited', 0.93, body(BAIDU_LIMIT), {
      blocks: true, why: 'the app went over its call limit for this API (error_code 18: requests per second; 17: per day; 19: in total), often the free tier\'s',
      fix: 'Send fewer requests per second (or per day), or buy more QPS / calls for the API in the Baidu AI Cloud console.',
    }),
  ],
  checklist: { server: 'Check the app\'s QPS and call quotas and its API Key/Secret Key in the Baidu AI Cloud console.' },
});

/**
 * WeChat Official Account / Mini Program APIs: {"errcode":N,"errmsg":"… hint: [xxxx!]"} or "… rid: 8-8-8" with
 * HTTP 200, as SDKs print it (wechatpy, WxJava, Senparc's Chinese line, EasyWeChat). Codes that are not refusals
 * (40003 invalid openid, 47001 data format error, 0 ok) read no cause.
 */
const WX_WORDS = /invalid credential[,，]\s?access_token is invalid or not latest|invalid ip [^,\n]{1,80}, not in whitelist|reach max api daily quota limit/;
const WX_MARK = /\b(hint|hints): \[( req_id: )?[\w.!-]{6,24}!?\s?\]|\brid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}\b|微信( (POST|GET))? ?请求发生错误|微信错误 errcode=|\bWeChatClientException\b|\bOfficialAPIError\b|\bWxErrorException\b/;
/** Its errmsg words that other APIs share: they name WeChat only beside its errcode or marks. */
const WX_MSG = /\binvalid appsecret\b(?!_)|\bapi unauthorized\b|\baccess_token expired\b|\binvalid credential\b/;
// SDK lines print 'Error code: N' like many clients do: only WeChat's five-digit codes count there
const WX_ERRCODE = /["']?errcode["']?\s*[:=]\s*\d+|错误代码[：:]?\s*[4-9]\d{4}\b|Error code: [4-9]\d{4}\b|OfficialAPIError: \d+/;

export const wechatApi = defineProducer({
  id: 'wechat-api', kind: 'saas-api', name: 'WeChat API (Official Account / Mini Program)', family: 'tencent',
  own: [body(WX_WORDS), all(body(WX_ERRCODE), body(WX_MARK)), all(body(WX_MSG), any(body(WX_MARK), body(WX_ERRCODE)))],
  bodyOnly: [all(body(/["']?errcode["']?\s*[:=]\s*42001\b/), body(/access_token expired/))],
  causes: [
    rule('ip-or-geo-blocked', 0.94, body(/\b40164\b|not in whitelist/), {
      blocks: true, why: 'the calling server\'s IP is not in the account\'s API IP whitelist (40164); WeChat names the IP it saw',
      fix: 'Add the IP in the message (the server\'s public egress IP, not a LAN address) to the API IP whitelist in the Official Account / Mini Program admin, then retry.',
    }),
    rule('invalid-credentials', 0.92, body(/invalid credential|access_token expired|invalid access_token|invalid appsecret|\b40001\b|\b42001\b|\b40014\b|\b40125\b/), {
      blocks: true, why: 'WeChat does not accept the credential: the AppSecret is wrong (40125 invalid appsecret), or the access_token is not valid (40001) or expired (42001) — a token another server or process replaced is invalid, only the newest one is',
      fix: 'Fetch tokens in one place and share them (or use getStableAccessToken), refresh before the two hours end, and check the AppID/AppSecret pair.',
    }),
    rule('insufficient-permissions', 0.9, body(/\bapi unauthorized\b|\b48001\b/), {
      blocks: true, why: 'the account has not been granted this API (48001 api unauthorized): its type or verification status does not include it, or a third-party platform was not authorised for it',
      fix: 'Check in the admin (接口权限) that this account type and verification level includes the API, or use a verified service account / the test account.',
    }),
    rule('rate-limited', 0.92, body(/reach max api daily quota limit|\b45009\b/), {
      blocks: true, why: 'the account used up this API\'s daily call quota (45009)',
      fix: 'Wait for the daily reset or clear the quota in the admin (or with clear_quota); cache tokens and results to call less.',
    }),
  ],
  checklist: { server: 'Check the API IP whitelist, AppSecret and API permissions in the WeChat admin, and where access_tokens are fetched.' },
});

/** WeCom (企业微信): the same errcode envelope with numeric hints and a devtool link, and its own 60020 sentence. */
// its hint opens with a 10-digit epoch, then _n_<hex> or more digits, whole or cut short (a log's first line): WeCom's
// fixtures, WxJava #601 ([1526968039_7_fc0d…]) and #3563 ([1745481144594130532181532]); WeChat's hints are letters ([FQ4hVA0505hka5!])
const WECOM_MARK = /open\.work\.weixin\.qq\.com\/devtool\/query\?e=\d+|not allow to access from your ip|\bqyapi\.weixin\.qq\.com\b|\bWechatWork Error: \d+|\bhint: \[\d{10}(?:\w*\]|_\d{1,4}_[0-9a-f]{4}|\d{10})/;

export const wecomApi = defineProducer({
  id: 'wecom-api', kind: 'saas-api', name: 'WeCom API (企业微信)', family: 'tencent',
  overrides: ['wechat-api'],
  own: [body(WECOM_MARK)],
  causes: [
    rule('ip-or-geo-blocked', 0.95, body(/not allow to access from your ip|\b60020\b/), {
      blocks: true, why: 'WeCom refuses calls from this IP (60020): a self-built app must list the server\'s egress IP among its trusted IPs (企业可信IP), a third-party app in the provider\'s IP whitelist',
      fix: 'Add the "from ip" of the message to the app\'s 企业可信IP (App management → the app), or to the provider admin\'s IP whitelist; a function without a fixed egress IP needs one.',
    }),
    rule('invalid-credentials', 0.9, body(/invalid credential|invalid access_token|access_token expired|\b40014\b|\b42001\b/), {
      blocks: true, why: 'WeCom does not accept the access_token or the corpid/secret it was made from (40001/40014; 42001 or 40014 once it expired)',
      fix: 'Fetch a new access_token with the corpid and this app\'s own secret, and refresh it before it expires.',
    }),
  ],
  checklist: { server: 'Check the app\'s trusted IPs and secret in the WeCom admin, and where access_tokens are fetched.' },
});

/** Huawei Cloud's API gateway in front of its services: {"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: …"}. */
const APIGW_CODE = /\bAPIGW?\.0\d{3}\b/;
const IAM_INFO = /Incorrect\s+IAM\s+authentication information/;

export const huaweiCloudApig = defineProducer({
  id: 'huawei-cloud-apig', kind: 'gateway', name: 'Huawei Cloud API Gateway', family: 'huawei',
  own: [body(APIGW_CODE), body(IAM_INFO), body(/Incorrect app authentication information/)],
  causes: [
    rule('missing-credentials', 0.94, body(/\bx-auth-token not found\b/i), {
      blocks: true, why: 'the API takes IAM token authentication and no X-Auth-Token header reached the gateway (APIGW.0301)',
      fix: 'Get a token from IAM (POST /v3/auth/tokens, X-Subject-Token) for the right project and send it as X-Auth-Token, or sign the call with an AK/SK.',
    }),
    rule('signature-or-clock-skew', 0.93, body(/verify (aksk )?signature fail|\bsignature expired\b/), {
      blocks: true, why: 'the gateway computed another signature (a wrong SK or AppSecret, a changed header or path), or the signed x-sdk-date is more than 15 minutes off its clock',
      fix: 'Check the SK that goes with the AK, sign the exact host, path and headers sent, and sync the clock.',
    }),
    rule('invalid-credentials', 0.9, any(body(/\bak:?\s?\S* not exist\b|app not found, appkey/), body(IAM_INFO), body(/\bAPIGW?\.030[13]\b/)), {
      blocks: true, why: 'the gateway did not accept the credentials: an AK it does not know (another cloud\'s key, deleted) or a token it cannot read or that expired (APIGW.0301), or an AppKey of no app it knows (APIGW.0303)',
      fix: 'Create an access key (AK/SK) under My Credentials in the Huawei Cloud console, or get a fresh IAM token for the right region and project.',
    }),
  ],
  checklist: { server: 'Check the AK/SK (My Credentials) or the IAM token, and the clock.' },
});

/**
 * DingTalk custom robots (webhook): errcode 310000 with HTTP 200 and the robot's security setting in its words —
 * 'sign not match' / 机器人发送签名不匹配 (加签), 'invalid timestamp', 'keywords not in content' (custom keywords).
 */
const DT_WORDS = /\bsign not match\b|\binvalid timestamp\b|\bkeywords not in content\b|机器人发送签名不匹配/;

export const dingtalkApi = defineProducer({
  id: 'dingtalk-api', kind: 'saas-api', name: 'DingTalk API (robots)', family: 'alibaba',
  own: [
    all(body(/["']?errcode["']?\s*[:=]\s*310000\b/), body(DT_WORDS)),
    body(/\b(sign not match|invalid timestamp|keywords not in content), more: \[https:\/\/ding-doc\.dingtalk\.com\//),
  ],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(/\bsign not match\b|机器人发送签名不匹配/), {
      blocks: true, why: 'the robot is set to sign (加签) and the webhook call carried no sign, or one made with another secret or algorithm (timestamp and sign belong in the URL)',
      fix: 'Sign timestamp + "\\n" + secret with HMAC-SHA256 using the robot\'s SEC… secret, and add &timestamp=…&sign=<url-encoded base64> to the webhook URL; or switch the robot\'s security setting to keywords or IPs.',
    }),
    rule('signature-or-clock-skew', 0.92, body(/\binvalid timestamp\b/), {
      blocks: true, why: 'the signed timestamp is more than an hour off DingTalk\'s clock (the server\'s clock is out of sync, or a stale timestamp was reused)',
      fix: 'Sync the sending server\'s clock (NTP) and compute timestamp and sign for each message.',
    }),
    rule('resource-policy-deny', 0.92, body(/\bkeywords not in content\b/), {
      blocks: true, why: 'the robot\'s security setting (custom keywords) refuses any message that does not contain one of its keywords',
      fix: 'Put one of the robot\'s keywords in the message text, or change the robot\'s security setting (keywords, signing or IP range).',
    }),
  ],
  checklist: { server: 'Check the robot\'s security setting in the DingTalk group (keywords, 加签 secret or IP range) against what the sender does.' },
});

/**
 * Feishu / Lark open platform (ByteDance): a custom bot's 19021 sign failure, and the open API's scope refusals
 * (99991672 for the app's identity, 99991679 for a user's) in its own words.
 */
const FS_SIGN = /sign match fail or timestamp is not within one hour from current time/;
const FS_SCOPE = /Access denied\. One of the following scopes is required|应用尚未开通所需的应用身份权限|required one of these privileges under the user identity/;
/** 99991401: the app's IP whitelist; 99991663/99991668: a tenant or user token it does not accept. */
const FS_IP = /\bip (\S+ )?is denied by app setting\b/;
const FS_TOKEN = /Invalid access token for authori(zation)?/;

export const feishuLarkApi = defineProducer({
  id: 'feishu-lark-api', kind: 'saas-api', name: 'Feishu / Lark Open Platform API', family: 'bytedance',
  own: [
    body(FS_SIGN), body(FS_SCOPE), body(FS_IP), body(/Invalid access token for authorization\. Please make a request with token attached/),
    all(body(/\b9999166[1-9]\b/), body(FS_TOKEN)), body(/\b(Feishu|Lark)( error code)? 9999\d{4}\b/),
    body(/open\.(feishu\.cn|larksuite\.com)\/document\/[\w/-]*how-to-fix-the-\d+-error/),
  ],
  // its {code, msg} envelope with one of its platform codes (9999xxxx), as JSON or as Node prints the object
  // (github.com/aipotheosis-labs/aci/issues/322, github.com/modelzen/feishu-codex-bridge/issues/9, github.com/m1heng/clawdbot-feishu/issues/149)
  bodyOnly: [body(/\bcode["']?\s*:\s*9999\d{4}\s*,\s*["']?msg["']?\s*:/)],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(FS_SIGN), {
      blocks: true, why: 'the bot has signature verification on and the message\'s sign is wrong (another secret, or DingTalk\'s algorithm: Feishu signs an empty string with timestamp + "\\n" + secret as the key) or its timestamp is more than an hour off (19021)',
      fix: 'Compute sign as base64(HMAC-SHA256(key = timestamp + "\\n" + secret, data = "")) with the current timestamp in seconds, and send both in the message body.',
    }),
    rule('ip-or-geo-blocked', 0.94, any(body(FS_IP), body(/\b99991401\b/)), {
      blocks: true, why: 'the app\'s security settings keep an IP whitelist and the calling server\'s IP is not in it (99991401)',
      fix: 'Add the server\'s egress IP (named in the message) to the IP whitelist in the app\'s security settings on the developer console, or turn the whitelist off.',
    }),
    rule('invalid-credentials', 0.92, any(body(FS_TOKEN), body(/\b9999166[38]\b/)), {
      blocks: true, why: 'Feishu / Lark does not accept the access token sent (99991663 / 99991668): expired (tenant tokens last two hours), of another app, an app secret or app id sent in its place, or without the "Bearer " prefix',
      fix: 'Fetch a tenant_access_token (or user_access_token) with the app id and secret, refresh it before it expires, and send Authorization: Bearer <token>.',
    }),
    rule('insufficient-permissions', 0.93, any(body(FS_SCOPE), body(/\b9999167[29]\b/)), {
      blocks: true, why: 'the app (tenant token) or the user (user token) has not been granted any of the scopes this API needs (99991672 / 99991679)',
      fix: 'Open the link in the message (or the app\'s permission page on open.feishu.cn), apply for one of the listed scopes, publish a new app version, and for user tokens authorize again.',
    }),
  ],
  checklist: { server: 'Check the app\'s granted scopes and the bot\'s security settings on the Feishu / Lark developer console.' },
});

/**
 * Alipay open platform: the gateway's signature refusals — 40002 'Invalid Arguments' with sub_code
 * isv.invalid-signature (验签出错) in the *_response envelope or an SDK's object, and its '错误代码 … 错误原因:' page.
 */
const ALI_SIGN = /\b(isv\.)?invalid-signature\b|\bmissing-signature-config\b|验签出错/;

export const alipayOpenapi = defineProducer({
  id: 'alipay-openapi', kind: 'saas-api', name: 'Alipay Open Platform API', family: 'alipay',
  own: [all(body(/\bisv\.invalid-signature\b/), body(/\b40002\b|验签出错/)), all(body(/错误代码 [\w.-]+ 错误原因:/), body(ALI_SIGN))],
  bodyOnly: [body(/"alipay_[a-z_]+_response"\s*:/), body(/\bopenapi(-sandbox\.dl)?\.alipay(dev)?\.com\/gateway\.do\b/)],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(ALI_SIGN), {
      blocks: true, why: 'Alipay\'s gateway did not verify the request signature (验签出错): the app private key does not match the app public key uploaded, the Alipay public key is configured in its place, sign_type says RSA2 while RSA was used, or no key/certificate is configured for the algorithm',
      fix: 'Sign with the app private key whose public key is set for this app (sandbox and production differ), set sign_type to the algorithm used, and verify with the Alipay public key, not the app\'s.',
    }),
  ],
  checklist: { server: 'Check the app\'s key pair and signing method (public key or certificate mode) on open.alipay.com.' },
});

/**
 * WeChat Pay (Tenpay): API v3's SIGN_ERROR JSON (its sign_information / location: authorization, or wechatpay-go's
 * 'error http response:[StatusCode: … Code: "…"' line) and API v2's <return_code>FAIL</return_code> XML.
 */
const WXPAY_SIGN = /\bSIGN_ERROR\b|签名错误|错误的签名|验签失败|Authorization不合法/;

export const wechatPayApi = defineProducer({
  id: 'wechat-pay-api', kind: 'saas-api', name: 'WeChat Pay API', family: 'tencent',
  own: [
    all(body(/["']code["']\s*:\s*["']SIGN_ERROR["']/), body(/["']sign_information["']|["']location["']\s*:\s*["']authorization["']/)),
    body(/\berror http response:\[StatusCode: \d{3} Code: "[A-Z_]+"/),
    all(body(/<return_code><!\[CDATA\[(FAIL|SUCCESS)\]\]><\/return_code>/), body(/<return_msg>/)),
    body(/\bcom\.github\.binarywang\.wxpay\.exception\.WxPayException\b/),
  ],
  causes: [
    rule('signature-or-clock-skew', 0.93, body(WXPAY_SIGN), {
      blocks: true, why: 'WeChat Pay did not verify the request signature: v3 — the Authorization header was signed with another merchant private key or certificate serial, or over another message (method, URL, timestamp, nonce, body); v2 — the sign was made with another API key (the APIv3 key does not sign v2 calls)',
      fix: 'Compare the signed message in sign_information with what you sent, and check the merchant id, certificate serial number and private key (v3) or the APIv2 key (v2).',
    }),
  ],
  checklist: { server: 'Check the merchant\'s API keys, certificate serial number and private key on pay.weixin.qq.com.' },
});

/**
 * Taobao Open Platform (TOP, also Alidayu SMS): error_response code 11 'Insufficient isv permissions' with its
 * isv.permission-* sub codes.
 */
const TOP_IP = /\bisv\.permission-ip-whitelist-limit\b|is only allowed to call from [^\n]{0,400}but your ip is/;

export const taobaoTop = defineProducer({
  id: 'taobao-top', kind: 'saas-api', name: 'Taobao Open Platform (TOP) API', family: 'alibaba',
  own: [body(/\bisv\.permission-[a-z-]+\b/), all(body(/\berror_response\b/), body(/Insufficient isv permissions/))],
  causes: [
    rule('ip-or-geo-blocked', 0.94, body(TOP_IP), {
      blocks: true, why: 'the app key may only call from the IP whitelist set for it, and the caller\'s IP (named in the message) is not in it',
      fix: 'Add the server\'s egress IP to the app\'s IP whitelist on the Taobao Open Platform console, or call from an allowed address.',
    }),
    rule('insufficient-permissions', 0.92, body(/\bisv\.permission-api-package-(limit|empty)\b|Insufficient isv permissions/), {
      blocks: true, why: 'the app\'s permission packages do not include this API (isv.permission-api-package-limit): a package not applied for, or an API moved to another service (Alidayu SMS moved to Alibaba Cloud SMS)',
      fix: 'Apply for the permission package that contains the API for this app key, or call the service\'s current API with its own SDK.',
    }),
  ],
  checklist: { server: 'Check the app key\'s permission packages and IP whitelist on the Taobao Open Platform console.' },
});
