// Precision (issue 11, round 5, tuner P: AI platforms): ElevenLabs and DeepSeek are named by their own
// sentences and codes; the same generic words (quota, invalid key, insufficient balance) from anyone else name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: round 5 precision (AI platforms, tuner P)', () => {
  it("ElevenLabs' generic statuses name it only beside its host or header", () => {
    const invalid = '{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}';
    expect(producerOf(401, invalid)).toBeNull();
    expect(run(401, `curl -H 'xi-api-key: sk_x' https://api.elevenlabs.io/v1/user\n${invalid}`, 'text/plain').producer?.id).toBe('elevenlabs-api');
    expect(run(401, `curl -H 'xi-api-key: sk_x' https://api.elevenlabs.io/v1/user\n${invalid}`, 'text/plain').cause).toBe('invalid-credentials');
    expect(producerOf(429, '{"detail":{"status":"quota_exceeded","message":"Quota exceeded"}}')).toBeNull();
  });

  it("ElevenLabs' own sentences name it; shorter generic ones do not", () => {
    expect(producerOf(401, 'This request exceeds your quota.', 'text/plain')).toBeNull();
    expect(producerOf(403, '{"message":"Unusual activity detected on your account"}')).toBeNull();
    expect(producerOf(403, '{"message":"The API key is missing a permission"}')).toBeNull();
    expect(run(401, 'This request exceeds your quota of 10000. You have 0 credits remaining, while 91 credits are required for this request.', 'text/plain').cause).toBe('account-or-plan-restriction');
  });

  it("'Insufficient Balance' names DeepSeek only in its own 402 object", () => {
    expect(producerOf(402, '{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}')).toBe('deepseek-api');
    expect(producerOf(402, '{"error":{"message":"Insufficient Balance","type":"billing_error"}}')).toBeNull();
    expect(producerOf(402, '402 Insufficient Balance', 'text/plain')).toBeNull();
  });
});
