// Precision (issue 11, round 10 leftovers): OpenAI-compatible envelopes name nobody, business-code envelopes (errcode/errmsg,
// code/msg) are read for the cause only when the code says failure, receive-window and plan words, Harbor's quota, Jiasule's
// JavaScript challenge — and the success answers around them stay ordinary.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => explain({ status, headers, body });

describe('explain: round 10 leftovers', () => {
  it('the OpenAI-style error envelope other servers copy names nobody; OpenAI\'s own URL, sentence or headers still do', () => {
    const bare = run(403, '{"error":{"message":"Forbidden","type":"invalid_request_error","param":null,"code":null}}');
    expect(bare.producer).toBeNull();
    expect(bare.blocked).toBe(true);
    expect(run(401, '{"message":"Wrong API Key","type":"invalid_request_error","param":"api_key","code":"wrong_api_key"}').producer).toBeNull();
    // Alibaba Model Studio's insufficient_quota and Gemini's copy of the quota sentence are not OpenAI's
    expect(run(429, '{"error":{"code":"insufficient_quota","message":"You exceeded your current quota, please check your plan and billing details. For details, see: https://help.aliyun.com/zh/model-studio/error-code","param":null,"type":"insufficient_quota"}}').producer?.id ?? null).not.toBe('openai-api');
    expect(run(429, 'Gemini API error: 429 - {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED"}}').producer?.id ?? null).not.toBe('openai-api');
    const own = run(401, '{"error":{"message":"Incorrect API key provided: sk-abc***. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}');
    expect(own.producer?.id).toBe('openai-api');
    expect(run(429, 'openai.error.RateLimitError: You exceeded your current quota, please check your plan and billing details.', { 'Content-Type': 'text/plain' }).producer?.id).toBe('openai-api');
  });

  it('a failed business-code envelope sent with 200 gives its cause; success codes and data that mention the words stay ordinary', () => {
    const cases: Array<[string, string]> = [
      ['{"errcode":40014,"errmsg":"invalid access_token"}', 'invalid-credentials'],
      ['{"errcode":41001,"errmsg":"access_token missing"}', 'missing-credentials'],
      ['{"errcode":60011,"errmsg":"no privilege to access/modify contact/party/agent "}', 'insufficient-permissions'],
      ['{"errcode":45011,"errmsg":"api minute-quota reach limit  mustslower  retry next minute"}', 'rate-limited'],
      ['{"code":10001,"msg":"token无效"}', 'invalid-credentials'],
      ['{"code":1,"msg":"没有权限"}', 'insufficient-permissions'],
    ];
    for (const [body, cause] of cases) {
      const got = run(200, body);
      expect(got.blocked, body).toBe(true);
      expect(got.cause, body).toBe(cause);
    }
    for (const body of ['{"errcode":0,"errmsg":"ok"}', '{"code":0,"msg":"success","data":{"note":"invalid access_token no permission"}}',
      '{"code":200,"msg":"token无效的说明文档"}', '{"errcode":"0","errmsg":"ok","access_token":"ACCESS_TOKEN","expires_in":7200}']) {
      expect(run(200, body).blocked, body).toBe(false);
    }
  });

  it('receive-window, monthly-allowance and premium-endpoint words; the bare fields stay ordinary', () => {
    expect(run(400, 'pymexc.base.MexcAPIError: (code=700003): Timestamp for this request is outside of the recvWindow.', {}).cause).toBe('signature-or-clock-skew');
    expect(run(400, '{"code":2098,"message":"Request out of receiving window."}').cause).toBe('signature-or-clock-skew');
    expect(run(200, '{"recvWindow":5000,"timestamp":1580876039000,"symbol":"BTCUSDT"}').blocked).toBe(false);
    expect(run(429, 'You have exceeded the monthly usage quota. We recommend upgrading your plan for more quota.', {}).cause).toBe('account-or-plan-restriction');
    expect(run(200, '{"Information":"This is a premium endpoint. You may subscribe to any of the premium plans to unlock it"}').cause).toBe('account-or-plan-restriction');
    expect(run(200, '{"plan":"free","monthly usage limit":1000,"endpoints":["premium endpoint"]}').blocked).toBe(false);
  });

  it('Harbor\'s quota refusal inside the registry\'s DENIED envelope is Harbor\'s', () => {
    const got = run(403, '{"errors":[{"code":"DENIED","message":"adding 29.0 MiB of storage resource, which when updated to current usage of 152.4 MiB will exceed the configured upper limit of 10.0 MiB."}]}');
    expect(got.producer?.id).toBe('harbor');
    expect(got.cause).toBe('account-or-plan-restriction');
    expect(run(403, '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}').producer?.id).toBe('docker-registry');
  });

  it('Jiasule\'s 521 challenge is a bot block; a 200 page that sets a cookie is not', () => {
    const script = "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+'=1|0|x;path=/';location.href=location.pathname+location.search</script>";
    const got = run(521, script, { 'Content-Type': 'text/html', 'X-Via-JSL': '3a9ebd0,-' });
    expect(got.producer?.id).toBe('knownsec-jiasule');
    expect(got.cause).toBe('waf-or-bot-block');
    expect(run(200, script, { 'Content-Type': 'text/html' }).blocked).toBe(false);
  });
});
