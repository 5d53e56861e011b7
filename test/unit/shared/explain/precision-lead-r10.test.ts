// Round 10's review: body-alone marks must belong to one vendor. Sentences other software sends too
// name nobody on their own (the cause still comes from the words).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

describe('explain: shared sentences are not one vendor\'s mark', () => {
  it("Akka HTTP's default rejection text names no layer (Africa's Talking sends it too)", () => {
    // akka-http's CredentialsRejected message, as OpenWhisk's CLI and Akka apps print it
    for (const body of ['The supplied authentication is invalid', 'error: The supplied authentication is invalid (code 401)']) {
      const e = explain({ status: 401, headers: { 'content-type': 'text/plain; charset=UTF-8' }, body });
      expect([body, e.producer]).toEqual([body, null]);
      expect(e.cause).toBe('invalid-credentials');
    }
    const at = explain({ status: 401, headers: {}, body: 'Client error: `POST https://api.africastalking.com/version1/messaging` resulted in a `401 Unauthorized` response: The supplied authentication is invalid' });
    expect(at.producer?.id).toBe('africas-talking-api');
  });
});

describe('explain: a bare {status, message} envelope is nobody\'s mark', () => {
  it('names no layer for {"status":401,"message":"Authentication Failed"} alone, OPNsense beside its API path', () => {
    const body = '{"status":401,"message":"Authentication Failed"}';
    const bare = explain({ status: 401, headers: { 'content-type': 'application/json' }, body });
    expect(bare.producer).toBeNull();
    expect(bare.cause).toBe('invalid-credentials');
    const opn = explain({ status: 401, headers: {}, body: `GET https://fw.lan/api/core/firmware/status -> ${body}` });
    expect(opn.producer?.id).toBe('opnsense');
  });
});
