// Round 10's generic words (signals/words-apps.ts and the widened families): what they read for an unregistered
// layer (the registered ones may name their own writer first), and the look-alikes they must leave alone (success
// statuses stay unblocked unless the words cannot be anything but a refusal).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string) => explain({ status, headers: {}, body });

describe('generic words of round 10 (apps and SaaS APIs)', () => {
  it('reads permission checks and named privileges as a known caller without the grant', () => {
    for (const [status, body] of [
      [403, 'PVE GET error on nodes/x/apt/update: 403 Forbidden: Permission check failed (/nodes/x, Sys.Modify)'],
      [403, 'SecLib::CheckPrivilege failed. User: 1234, PrivilegeName: prvReadWebResource, PrivilegeId: 00000000'],
      [403, '403 : Forbidden\nAction is not authorized with current scopes; requires any of [read:users]'],
      [403, 'Sabre\\DAV\\Exception\\Forbidden: No write permissions'],
      [403, 'Publishing failed\nkey not authorized for this action'],
      [401, '{"err":"Team(s) not authorized","ECODE":"OAUTH_023"}'],
      [403, '{"title":"Forbidden","status":403,"detail":"AuthorizationUnsuccessful"}'],
    ] as const) {
      const got = run(status, body);
      expect(got.cause, body).toBe('insufficient-permissions');
    }
  });

  it('marks a success-status permission refusal only in its own words', () => {
    expect(run(200, "{'api': 'SYNO.Core.System.Utilization', 'code': 105, 'reason': 'Insufficient user privilege'}").blocked).toBe(true);
    expect(run(200, "WARNING odoo.http: You are not allowed to access 'Contact' (res.partner) records.").blocked).toBe(true);
    // a 401 "not authorized for this resource" is a refused key (MongoDB Atlas), not a permission
    expect(run(401, '{"reason":"Unauthorized","error":401,"detail":"You are not authorized for this resource."}').cause).not.toBe('insufficient-permissions');
    // a settings document about permissions is no refusal
    expect(run(200, '{"permissions":{"read":true,"write":false},"privilege":"user"}').blocked).toBe(false);
  });

  it('reads absent and empty credentials as missing', () => {
    for (const body of ['Must supply api_key', '{"error":"You need to set an API key to translate on this server."}', 'Invalid IAP credentials: empty token', 'Error: 401 No ticket', 'message=must authenticate']) {
      expect(run(401, body).cause, body).toBe('missing-credentials');
    }
  });

  it('reads key sentences that ask for a valid key as a refused credential, also on a 400', () => {
    const onesignal = run(400, 'Please include a case-sensitive header of Authorization: Basic <KEY> or Bearer token="<KEY>" with a valid REST API key.');
    expect(onesignal.blocked).toBe(true);
    expect(onesignal.cause).toBe('invalid-credentials');
    expect(run(403, 'Authorization failed. Please supply a valid auth_key parameter.').cause).toBe('invalid-credentials');
    expect(run(200, '{"type":"form","errors":{"base":"invalid_auth"},"step_id":"init"}').cause).toBe('invalid-credentials');
    // a form whose errors name something else is no refusal
    expect(run(200, '{"type":"form","errors":{"base":"cannot_connect"},"step_id":"user"}').blocked).toBe(false);
  });

  it('reads Zabbix-style "Not authorised" only with its JSON-RPC params error', () => {
    const got = run(200, '{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params.","data":"Not authorized."},"id":1}');
    expect(got.blocked).toBe(true);
    expect(got.cause).toBe('missing-credentials');
    expect(run(200, '{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params.","data":"Invalid parameter \\"/1\\": unexpected parameter \\"x\\"."},"id":1}').blocked).toBe(false);
  });

  it('reads signed-link and sign failures as signature problems', () => {
    expect(run(400, 'Bad Request: internal/urlutil: hmac failed').cause).toBe('signature-or-clock-skew');
    expect(run(400, '400 Bad Request: internal/cryptutil: timestamp expired').blocked).toBe(true);
    expect(run(200, '{"error_code":"54001","error_msg":"Invalid Sign"}').cause).toBe('signature-or-clock-skew');
    // a sign that is just a form field's value is nothing
    expect(run(200, '{"sign":"Invalid Sign-in","status":"ok"}').blocked).toBe(false);
  });

  it('reads an account not admitted to the API as a plan or account stop', () => {
    expect(run(403, 'Authorization failure, check authentication key, message: This account is not allowed to access the API.').cause).toBe('account-or-plan-restriction');
    expect(run(400, "{ Code: 'AWS.InvalidAssociate', Message: 'Your AKIAEXAMPLE is not registered as an Amazon Associate.' }").cause).toBe('account-or-plan-restriction');
  });

  it('reads a complexity budget as a rate limit, a money budget as a plan stop', () => {
    expect(run(429, '{"error_code":"complexityBudgetExhausted","error_message":"Complexity budget exhausted, query cost 30001 budget remaining 100 reset in 16 seconds"}').cause).toBe('rate-limited');
    expect(run(400, '{"error":{"message":"Budget has been exceeded for this key"}}').cause).toBe('account-or-plan-restriction');
  });

  it('reads the _xsrf form field of Tornado apps as a CSRF refusal', () => {
    expect(run(403, "[W 01:44:05.261 ServerApp] 403 POST /api/contents (127.0.0.1): '_xsrf' argument missing from POST").cause).toBe('csrf');
  });

  it('reads the second pass: refusals served with a success or server status in words that cannot be anything else', () => {
    const cases: Array<[number, string, string]> = [
      [503, 'Error fetching weather data: The allowed number of requests has been exceeded', 'rate-limited'],
      [500, 'Uncaught SoapFault exception: [soapenv:Server.userException] Invalid login attempt.', 'invalid-credentials'],
      [200, 'InvalidCredentials for push token with error: Unable to retrieve the FCM server key', 'invalid-credentials'],
      [200, 'Error: You have supplied an invalid or inactive API key.', 'invalid-credentials'],
      [456, '{"message":"Quota Exceeded"}', 'account-or-plan-restriction'],
    ];
    for (const [status, body, cause] of cases) {
      const got = run(status, body);
      expect(got.blocked, body).toBe(true);
      expect(got.cause, body).toBe(cause);
    }
    // a limit described, not reached, is no refusal
    expect(run(200, '{"docs":"The maximum number of requests per minute is 60"}').blocked).toBe(false);
    expect(run(456, 'custom status without words').blocked).toBe(false);
  });

  it('reads a sent token the server does not know as refused, a missing JWT header as missing', () => {
    expect(run(401, '{"type":"error.list","errors":[{"code":"token_not_found","message":"Unauthorized"}]}').cause).toBe('invalid-credentials');
    expect(run(401, 'asana.error.NoAuthorizationError: No Authorization: Not Authorized').cause).toBe('invalid-credentials');
    expect(run(401, '{"code":401,"message":"JWT Token not found"}').cause).toBe('missing-credentials');
  });
});
