// Precision (issue 11, round 6, vendor-neutral causes): the role and plan-tier words added in
// signals/words.ts name no producer, and make no refusal of an ordinary 200/400/404/422.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });

describe('explain: vendor-neutral role and plan-tier words (round 6)', () => {
  it('missing or insufficient roles read as missing permissions, with no producer', () => {
    for (const body of [
      '{"error":"OBP-20006: User is missing one or more roles: CanReadMetrics"}',
      '{"errors":[{"code":"forbidden","message":"INSUFFICIENT_ROLES"}]}',
      '{"error":"insufficient_app_role"}',
      '{"error":"Insufficient permission"}',
      '{"message":"Missing \'delete\' permission on resource \'bucket\'."}',
    ]) {
      const got = run(403, body);
      expect(got.cause, body).toBe('insufficient-permissions');
      expect(got.producer, body).toBeNull();
    }
  });

  it('a plan tier or a plan_required code reads as a plan restriction, with no producer', () => {
    for (const body of ['{"error":"Exports require a Team plan or higher."}', '{"code":"subscription_required"}']) {
      const got = run(403, body);
      expect(got.cause, body).toBe('account-or-plan-restriction');
      expect(got.producer, body).toBeNull();
    }
  });

  it('an account or email not yet verified reads as an account restriction, also on a 401', () => {
    for (const [status, body] of [[401, '{"error":"account_not_verified"}'], [403, '{"message":"Your e-mail address has not been verified"}']] as const) {
      const got = run(status, body);
      expect(got.cause, body).toBe('account-or-plan-restriction');
      expect(got.producer, body).toBeNull();
    }
  });

  it('a VPN refused reads as an IP/network block, with no producer', () => {
    for (const body of ['{"error":"VPN detected. Please disable your VPN and retry."}', 'We do not allow VPNs on this service']) {
      const got = run(403, body, 'text/plain');
      expect(got.cause, body).toBe('ip-or-geo-blocked');
      expect(got.producer, body).toBeNull();
    }
    // a VPN product's own API refusing a credential is about the credential (Huawei Cloud VPN.0003)
    expect(run(403, '{"code":"VPN.0003","message":"Authentication failed: token expired"}').cause).toBe('invalid-credentials');
  });

  it('a rule a vendor writes still wins over the generic words', () => {
    // the words stay at their modest confidence: a Retry-After 429 is still a rate limit
    const got = explain({ status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '30' }, body: '{"error":"insufficient_permission"}' });
    expect(got.cause).toBe('rate-limited');
  });

  it('ordinary responses with the words are not refusals', () => {
    expect(run(200, '{"docs":"plan_required means the feature requires a Pro plan or higher"}').blocked).toBe(false);
    expect(run(422, '{"errors":{"roles":["missing one or more roles"]}}').blocked).toBe(false);
    expect(run(400, '{"error":"missing permissions field"}').blocked).toBe(false);
    expect(run(404, '{"error":"role not found"}').blocked).toBe(false);
    // verification words in ordinary answers
    expect(run(400, '{"error":"Email already verified"}').blocked).toBe(false);
    expect(run(200, '{"alert":"Your email has not been verified"}').blocked).toBe(false);
    expect(run(422, '{"errors":{"email":["is not verified"]}}').blocked).toBe(false);
    // VPN resources of a cloud API in ordinary answers
    expect(run(400, '{"error":"vpn_gateway_id is not allowed"}').blocked).toBe(false);
    expect(run(404, '{"error":"VPN connection not found"}').blocked).toBe(false);
    expect(run(200, '{"faq":"If you see VPN detected, disable your VPN"}').blocked).toBe(false);
    expect(run(200, '<p>Insufficient permission? Ask an admin for the role.</p>', 'text/html').blocked).toBe(false);
  });
});
