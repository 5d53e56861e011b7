// Precision of the sixth round for identity providers (issue 11): Auth0's audience, blocked-user and
// MFA refusals, Okta's assignment refusal, Keycloak's ended sessions, JumpCloud and authentik are named by
// their own words; the same words in another shape, or generic ones, name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['a service registry\'s own "Service not found" without an audience URL is not Auth0', 404, '{"error":"access_denied","error_description":"Service not found: payments"}', null],
  ['"user is blocked" in a web app\'s own message field is not Auth0', 403, '{"success":false,"message":"user is blocked"}', null],
  ['another server\'s bare mfa_required code without Auth0\'s sentence is not Auth0', 401, '{"error":"mfa_required"}', null],
  ['an app\'s own "Token is not active" outside an invalid_grant answer is not Keycloak', 401, '{"error":"Unauthorized","message":"Token is not active","code":"TOKEN_NOT_ACTIVE"}', null],
  ['another API\'s "Unauthorized: <reason>" is not JumpCloud', 401, '{"message":"Unauthorized: invalid token"}', null],
  ['a bare "Request has been denied." is anyone\'s, not authentik', 403, 'Request has been denied.', null],
  ['Entra\'s invalid_client for a wrong secret stays Entra ID, not Keycloak\'s unauthorized_client wording', 401, '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value."}', 'microsoft-entra-id'],
  ['a web app\'s own "Your account has been blocked" without Auth0\'s sentence is not Auth0', 403, '{"message":"Your account has been blocked. Contact support."}', null],
  ['another gateway\'s numbered "Invalid value for \'client_id\' parameter." without Okta\'s invalid_client is not Okta', 400, '{"code":"GDP400503","message":"GDP400503 : Invalid value for \'client_id\' parameter."}', null],
  ['another API\'s own LOCKED_OUT status without Okta\'s authn transaction is not Okta', 200, '{"id":42,"status":"LOCKED_OUT"}', null],
  ['a scraper\'s own "received 403 Access Forbidden Error" is not Duo\'s client line', 403, 'Uh oh, received 403 Access Forbidden Error', null],
  // Tornado is registered since round 10 (devops-tools-2): its own check_xsrf_cookie sentence in its stock error
  // page names it (tornado/web.py); still not Atlassian's XSRF filter.
  ['Tornado\'s own XSRF refusal is Tornado\'s, not Atlassian\'s filter', 403, '<html><title>403: Forbidden</title><body>403: Forbidden<br>XSRF cookie does not match POST argument</body></html>', 'tornado'],
  ['an AD FS code names AD FS, not Entra ID (no AADSTS)', 400, '{"error":"invalid_grant","error_description":"MSIS9683: Received invalid OAuth JWT Bearer request."}', 'adfs'],
  ['Auth0\'s blocked-user envelope names Auth0', 401, '{"error":"unauthorized","error_description":"user is blocked"}', 'auth0'],
  ['Keycloak\'s inactive session in its OAuth envelope names Keycloak', 400, '{"error":"invalid_grant","error_description":"Session not active"}', 'keycloak'],
];

describe('explain: the sixth round\'s identity refusals need their own words', () => {
  itNamesProducers(CASES);

  it('a refused refresh token of an unnamed server still reads as refused credentials, naming nobody', () => {
    const got = explain({ status: 400, headers: {}, body: '{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}' });
    expect(got.producer).toBeNull();
    expect(got.cause).toBe('invalid-credentials');
  });

  it('an on-behalf-of user assertion out of its time range is an expired token, not a clock fault of the client\'s own assertion', () => {
    const got = explain({ status: 400, headers: {}, body: '{"error":"invalid_grant","error_description":"AADSTS50013: Assertion is not within its valid time range."}' });
    expect(got.producer?.id).toBe('microsoft-entra-id');
    expect(got.cause).not.toBe('signature-or-clock-skew');
  });

  it('an Okta authn transaction that asks for MFA is a step of the sign-in, not a refusal', () => {
    const body = '{"stateToken":"007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb","expiresAt":"2015-11-03T10:15:57.000Z","status":"MFA_REQUIRED","_links":{"cancel":{"href":"https://example.okta.com/api/v1/authn/cancel"}}}';
    expect(explain({ status: 200, headers: { 'content-type': 'application/json' }, body }).blocked).toBe(false);
  });

  it('authentik\'s denied flow served with 200 is a refusal, not an ordinary page', () => {
    const got = explain({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'Request has been denied.\nFlow does not apply to current user.' });
    expect(got.producer?.id).toBe('authentik');
    expect(got.blocked).toBe(true);
  });
});
