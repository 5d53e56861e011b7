// Precision (issue 11, round 7, tuner Y5: Chinese clouds and platforms): WeChat's, WeCom's, Tencent Cloud's, COS',
// Qiniu's, Baidu's and Huawei's own codes, sentences and marks name them; the same generic words, other clouds'
// codes (AWS EC2's RequestLimitExceeded, UnauthorizedOperation, AuthFailure) and WeChat answers that are no
// refusal (errcode 0, 40003 invalid openid, 47001 data format error) do not.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: round 7 precision (Chinese clouds and platforms, tuner Y5)', () => {
  it('WeChat answers sent with 200 that are no refusal stay benign', () => {
    const benign = [
      '{"errcode":0,"errmsg":"ok"}',
      '{"errcode":40003,"errmsg":"invalid openid hint: [dLTTea0566vr46!]"}',
      '{"errcode":40003,"errmsg":"invalid openid rid: 5fa26c60-1a0ebdd5-32fd1cd0"}',
      '{"errcode":47001,"errmsg":"data format error hint: [FQ4hVA0505hka5!]"}',
      'wechatpy.exceptions.WeChatClientException: Error code: 47001, message: data format error rid: 654e0b13-0f2e7229-0494092b',
    ];
    for (const body of benign) {
      const r = run(200, body);
      expect(r.blocked, body).toBe(false);
      expect(r.cause, body).toBe('none');
    }
  });

  it('WeChat refusals in a 200 body are refusals, WeCom is told apart by its hints and link', () => {
    const wx = run(200, '{"errcode":48001,"errmsg":"api unauthorized rid: 6801ee67-141cbbbc-25c96788"}');
    expect(wx.producer?.id).toBe('wechat-api');
    expect(wx.blocked).toBe(true);
    expect(producerOf(200, '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest hint: [dLTTea0566vr46!]"}')).toBe('wechat-api');
    expect(producerOf(200, '{"errcode":40014,"errmsg":"invalid access_token, hint: [1707074068426830714460135], more info at https://open.work.weixin.qq.com/devtool/query?e=40014"}')).toBe('wecom-api');
  });

  it("Baidu's and Huawei's error_code/error_msg envelopes are theirs, not APISIX's", () => {
    expect(producerOf(200, '{"error_code":110,"error_msg":"Access token invalid or no longer valid"}')).toBe('baidu-ai-cloud');
    expect(producerOf(200, '{"error_code":18,"error_msg":"Open api qps request limit reached"}')).toBe('baidu-ai-cloud');
    expect(producerOf(401, '{"error_msg":"Incorrect IAM authentication information: decrypt token fail","error_code":"APIGW.0301","request_id":"x"}')).toBe('huawei-cloud-apig');
  });

  it("Alipay's business answers and DingTalk's or Feishu's other codes are not refusals", () => {
    const notFound = run(200, '{"alipay_trade_query_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"},"sign":"abc"}');
    expect(notFound.blocked).toBe(false);
    expect(notFound.cause).toBe('none');
    expect(run(200, '{"errcode":0,"errmsg":"ok"}').blocked).toBe(false);
    expect(run(200, '{"code":0,"data":{},"msg":"success"}').blocked).toBe(false);
    // WeChat Pay v2's other FAIL answers are validation errors, not refusals
    const v2 = run(200, '<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[mch_id参数格式错误]]></return_msg></xml>', 'text/xml');
    expect(v2.producer?.id).toBe('wechat-pay-api');
    expect(v2.blocked).toBe(false);
  });

  // [status, body, a producer it must not be (null: it names nobody)]
  const notTheirs: Array<[number, string, string | null]> = [
    // generic token words without Qiniu's hosts, SDKs or headers
    [401, '{"error":"bad token"}', null],
    [401, '{"error":"expired token"}', null],
    [401, '{"message":"Access token expired"}', null],
    [200, '{"error":"access_token expired"}', null],
    // AWS EC2 uses the same undotted codes
    [503, '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors></Response>', 'tencent-cloud-api'],
    [403, 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: abc', 'tencent-cloud-api'],
    [401, 'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials', 'tencent-cloud-api'],
    // S3's own AccessDenied (RequestId/HostId, no TraceId or myqcloud host) is not COS'
    [403, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>HJ04T0MKM89GJNPD</RequestId><HostId>+NBhpJygNtliiNQmiC8Bfl=</HostId></Error>', 'tencent-cos'],
    // another API's error_code/error_msg pair and an APIGW-like word
    [401, '{"error_code":401,"error_msg":"Access token invalid"}', 'baidu-ai-cloud'],
    [401, '{"error":"APIGW_URL is not set"}', 'huawei-cloud-apig'],
    [429, '{"message":"request limit reached"}', null],
    // Facebook's appsecret_proof and a bare 'invalid appsecret' are not WeChat's
    [400, '{"error":{"message":"Invalid appsecret_proof provided in the API argument","type":"GraphMethodException","code":100}}', 'wechat-api'],
    [401, '{"error":"invalid appsecret"}', null],
    // Baidu's code-6 sentence names it only beside error_code 6; its netdisk's code 4 is another service
    [403, '{"message":"No permission to access data"}', null],
    [403, '{"errno":4,"errmsg":"No permission to do this operation"}', 'baidu-ai-cloud'],
    // the robots' and gateways' words without their codes, links or envelopes
    [200, '{"error":"sign not match"}', null],
    [400, '{"message":"invalid timestamp"}', null],
    [401, '{"error":"invalid-signature"}', null],
    [403, 'Unauthorized. You do not have permission to perform the requested operation on the resource.', null],
    [401, '{"code":401,"msg":"sign match fail"}', null],
    // WeChat Pay's and TOP's codes without their envelopes; another API's token sentence
    [401, '{"code":"SIGN_ERROR","message":"signature mismatch"}', null],
    [403, '{"msg":"Insufficient isv permissions"}', null],
    [401, '{"message":"Invalid access token"}', null],
    // an OpenAI-style client line with an HTTP status is not WeChat's errcode
    [401, "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'access_token expired', 'type': 'invalid_request_error'}}", 'wechat-api'],
  ];
  it.each(notTheirs)('%i %s names not %s', (status, body, not) => {
    const got = producerOf(status, body);
    if (not === null) expect(got).toBeNull();
    else expect(got).not.toBe(not);
  });
});
