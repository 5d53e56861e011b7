// Precision (issue 11, round 4, vendor-neutral causes): the cause words added for expired JWTs,
// scopes, referer restrictions and TLS client certificates name no producer and make no
// refusal of an ordinary response.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });

describe('explain: vendor-neutral cause words', () => {
  it('an expired JWT reads as an invalid credential, a request signature out of time still as a signature problem', () => {
    const jwt = run(401, '{"detail":"Signature has expired."}');
    expect(jwt.cause).toBe('invalid-credentials');
    expect(jwt.producer).toBeNull();
    // the signature reading stays a candidate: some signed-URL layers may say it too
    expect(jwt.alternatives.map((a) => a.cause)).toContain('signature-or-clock-skew');
    expect(run(403, '{"message":"Signature expired: 20240102T101010Z is now earlier than 20240102T101510Z"}').cause).toBe('signature-or-clock-skew');
  });

  it('the new words name no producer', () => {
    for (const body of [
      'The request signature we calculated does not match the signature you provided.',
      '<Error><Code>RequestTimeTooSkewed</Code></Error>',
      '{"message":"访问ip不在白名单之中"}',
      '{"error":"JWTExpired: \\"exp\\" claim timestamp check failed"}',
      '{"message":"The token contains not enough scope to make this call."}',
      '{"message":"Your referer host is not allowed"}',
      '{"error":"client certificate required"}',
    ]) expect(run(403, body).producer, body).toBeNull();
  });

  it('"Origin not allowed" is a CSRF check or a key restricted to origins: both are candidates', () => {
    // https://docs.replied.dk/api-reference/errors documents it for a key's origin allow-list
    const got = run(403, '{"error":"Origin not allowed"}');
    const top = [got.cause, ...got.alternatives.map((a) => a.cause)].slice(0, 3);
    expect(top).toContain('csrf');
    expect(top).toContain('resource-policy-deny');
    expect(got.producer).toBeNull();
  });

  it('ordinary responses that mention these words are not refusals', () => {
    // a 200 article or API answer about expired JWTs or certificates
    expect(run(200, '{"faq":"If you see Signature has expired, refresh the token."}').blocked).toBe(false);
    expect(run(200, '<p>No required SSL certificate was sent is what nginx says without a client certificate.</p>', 'text/html').blocked).toBe(false);
    // a 422 validation error of an API that manages certificates
    expect(run(422, '{"errors":{"client_certificate":["is required"]}}').blocked).toBe(false);
    // a 400 whose words only talk about a referer field is not a key restriction refusal
    expect(run(400, '{"error":"referer must be a valid URL"}').blocked).toBe(false);
    expect(run(404, '{"error":"scope not found"}').blocked).toBe(false);
    // Chinese signature words in a 200 help page
    expect(run(200, '<p>如果返回 签名错误，请检查密钥</p>', 'text/html').blocked).toBe(false);
    // a 200 with a business code but no refusal words, or refusal words in a success envelope
    expect(run(200, '{"code":404,"msg":"not found"}').blocked).toBe(false);
    expect(run(200, '{"code":-1,"msg":"参数错误"}').blocked).toBe(false);
    expect(run(200, '{"code":0,"msg":"ok","data":{"freq":"请求频繁时会限流"}}').blocked).toBe(false);
    // a 400 that mentions throttling as a setting is a validation error, not a throttled request
    expect(run(400, '{"errors":[{"message":"throttling is enabled for this field"}]}').blocked).toBe(false);
    // a paid-plan sentence inside a 200 row or a 422 validation error
    expect(run(200, '{"ticker":"AAPL","name":"This field is for premium subscribers only."}').blocked).toBe(false);
    expect(run(422, '{"errors":{"plan":["A paid plan is required to use custom domains"]}}').blocked).toBe(false);
    // S3's signature and clock codes in a 200 answer or beside an ordinary 404
    expect(run(200, '{"tip":"SignatureDoesNotMatch usually means a wrong secret key"}').blocked).toBe(false);
    expect(run(404, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>', 'application/xml').cause).toBe('none');
  });
});
