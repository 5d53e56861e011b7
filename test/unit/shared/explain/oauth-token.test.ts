// OAuth 2.0 token-endpoint errors (RFC 6749 §5.2) are refusals of the credential even with 400, whoever wrote them.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const json = (o: unknown): string => JSON.stringify(o);

describe('explain: OAuth token-endpoint errors', () => {
  it('reads invalid_grant with 400 as a refused credential, naming no vendor when none is named', () => {
    // Zoom's answer to a revoked refresh token, as https://github.com/iamfatness/CoreVideo/pull/196 reports it
    const got = explain({ status: 400, headers: { 'content-type': 'application/json' }, body: json({ error: 'invalid_grant', error_description: 'Invalid Token!' }) });
    expect(got.blocked).toBe(true);
    expect(got.cause).toBe('invalid-credentials');
    expect(got.producer).toBeNull();
    expect(got.reason.id).toBe('signal.oauth-token/invalid-credentials');
  });

  it('reads invalid_client as a refused client and unauthorized_client as a missing permission', () => {
    expect(explain({ status: 401, headers: {}, body: json({ error: 'invalid_client' }) }).cause).toBe('invalid-credentials');
    const scope = explain({ status: 400, headers: {}, body: json({ error: 'unauthorized_client', error_description: 'grant type not allowed' }) });
    expect(scope.blocked).toBe(true);
    expect(scope.cause).toBe('insufficient-permissions');
  });

  it('leaves an ordinary malformed token request (invalid_request) unblocked', () => {
    const got = explain({ status: 400, headers: {}, body: json({ error: 'invalid_request', error_description: 'Missing parameter: grant_type' }) });
    expect(got.blocked).toBe(false);
  });
});
