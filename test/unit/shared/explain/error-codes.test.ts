// Error-code tokens (signals/error-code-tokens.ts, error-codes.ts): found only in structured places,
// split into words, read by families for the cause - for any layer, registered or not.
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../../shared/explain/context';
import { explainWithIndex } from '../../../../shared/explain/explain';
import { PRODUCERS } from '../../../../shared/explain/producers/index';
import { tokensOf, tokenWords } from '../../../../shared/explain/signals/error-code-tokens';
import type { ExplainInput } from '../../../../shared/explain/index';

/** Explained as if no producer were registered: only the generic path speaks. */
const unknownLayer = (input: ExplainInput) => explainWithIndex(input, true, new Set(PRODUCERS.map((p) => p.id)));
const json = { 'content-type': 'application/json' };

describe('code tokens', () => {
  it.each([
    ['InvalidAccessKeyId', 'invalid access key id'],
    ['PERMISSION_DENIED', 'permission denied'],
    ['invalid_token', 'invalid token'],
    ['auth.token.expired', 'auth token expired'],
    ['HTTPForbidden', 'http forbidden'],
  ])('%s reads as "%s"', (token, words) => expect(tokenWords(token)).toBe(words));

  it('are read in structured places only, each with evidence that is in the response', () => {
    const ctx = buildContext({ status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException:' }, body: '<Error><Code>SignatureDoesNotMatch</Code><Message>The code AccessDenied appears in prose here</Message></Error>' });
    const found = tokensOf(ctx).map((t) => t.words);
    expect(found).toContain('signature does not match');
    expect(found).toContain('access denied exception');
    for (const t of tokensOf(ctx)) expect(`${ctx.body}\n${[...ctx.headers.values()].flat().join('\n')}`).toContain(t.evidence.text);
  });

  it('name the cause of a layer the registry does not know', () => {
    expect(unknownLayer({ status: 403, headers: json, body: '{"error":{"code":"QUOTA_EXCEEDED","message":"x"}}' }).cause).toBe('rate-limited');
    expect(unknownLayer({ status: 401, headers: json, body: '{"errors":[{"code":"TOKEN_EXPIRED"}]}' }).cause).toBe('invalid-credentials');
    expect(unknownLayer({ status: 403, headers: json, body: '{"code":"IP_NOT_ALLOWED","message":"x"}' }).cause).toBe('ip-or-geo-blocked');
    expect(unknownLayer({ status: 403, headers: {}, body: '<Error><Code>SignatureDoesNotMatch</Code></Error>' }).cause).toBe('signature-or-clock-skew');
  });

  it('mark a 200 blocked only inside a small error envelope', () => {
    expect(unknownLayer({ status: 200, headers: json, body: '{"ok":false,"error":"invalid_auth"}' }).blocked).toBe(true);
    const record = { eventName: 'GetObject', eventSource: 's3.amazonaws.com', awsRegion: 'us-east-1', userIdentity: { type: 'IAMUser' },
      eventTime: '2024-01-01T00:00:00Z', sourceIPAddress: '203.0.113.1', requestParameters: {}, responseElements: null, errorCode: 'AccessDenied', errorMessage: 'Access Denied' };
    expect(unknownLayer({ status: 200, headers: json, body: JSON.stringify(record) }).blocked).toBe(false);
  });
});
