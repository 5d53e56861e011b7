// Round 11's generic words (signals/words-r11.ts): what they read for an unregistered layer, in variants of each
// family's wording (not the corpus sentences), and the look-alikes they must leave alone (success statuses stay
// unblocked unless the words cannot be anything but a refusal).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string) => explain({ status, headers: {}, body });

describe('generic words of round 11', () => {
  it('reads access-control verdicts of query engines, databases and scopes as a missing permission, whatever the status', () => {
    for (const [status, body] of [
      [200, 'Query 20240101_000000_00001_abcde failed: Access Denied: Cannot insert into table hive.sales.orders'],
      [200, '{"result":"There was a problem with the database: IAM error: Not enough permissions to perform this action","status":"ERR"}'],
      [403, '{"error":"This action is outside the authorized scopes"}'],
      [403, '{"error":{"code":403,"message":"Token is missing required scope. Use one of: DataExport"}}'],
      [400, '{"code":119,"error":"Permission denied for action find on class Post."}'],
      [200, '(error) NOPERM this user has no permissions to run the \'flushall\' command'],
      [403, '{"fault":{"code":900910,"message":"The access token does not allow you to access the requested resource"}}'],
    ] as const) {
      const got = run(status, body);
      expect(got.blocked, body).toBe(true);
      expect(got.cause, body).toBe('insufficient-permissions');
    }
  });

  it('reads absent credentials as missing', () => {
    expect(run(400, '{"message":"Missing or malformed JWT"}').cause).toBe('missing-credentials');
    expect(run(401, 'server returned HTTP status 401 Unauthorized (401): no org id').cause).toBe('missing-credentials');
    expect(run(401, '{"code":"rest_cannot_edit","message":"Sorry, you are not allowed to edit this post.","data":{"status":401}}').cause).toBe('missing-credentials');
    expect(run(500, 'Mandrill_ValidationError: You must specify a key value').cause).toBe('missing-credentials');
    expect(run(401, 'npm ERR! 401 unregistered users are not allowed to publish package foo').cause).toBe('missing-credentials');
  });

  it('reads refused keys and tokens as invalid, also on a 200 or 500', () => {
    for (const [status, body] of [
      [401, 'Error: 401 response returned: Bad API Key or no API Key provided'],
      [401, 'error: [401] Unauthorized: No credentials provided or are invalid.'],
      [422, '{"message":"Key format is not valid!"}'],
      [400, '{"code":"40037","msg":"Apikey does not exist"}'],
      [500, 'API returned status code=14, message=Authentication token has expired. Refresh your tokens.'],
      [200, 'E00007 User authentication failed due to invalid authentication values.'],
      [500, 'WRONGPASS invalid username-password pair or user is disabled.'],
    ] as const) {
      const got = run(status, body);
      expect(got.blocked, body).toBe(true);
      expect(got.cause, body).toBe('invalid-credentials');
    }
  });

  it('reads scope refusals of pushes and apps, and refused tokens and logins on a 400', () => {
    expect(run(200, '! [remote rejected] main -> main (refusing to allow an OAuth App to create or update workflow `.github/workflows/ci.yml` without `workflow` scope)').cause).toBe('insufficient-permissions');
    expect(run(400, "{ code: 99991672, msg: 'Access denied. One of the following scopes is required: [contact:user.id:readonly]' }").cause).toBe('insufficient-permissions');
    expect(run(400, '{"error":{"message":"Error validating access token: Session has expired on Monday","type":"OAuthException","code":190}}').cause).toBe('invalid-credentials');
    expect(run(400, '{"error":{"code":400,"message":"INVALID_LOGIN_CREDENTIALS"}}').cause).toBe('invalid-credentials');
    expect(run(200, '{"error":["EAPI:Invalid key"]}').cause).toBe('invalid-credentials');
    expect(run(200, '{"error":["EAPI:Invalid nonce"]}').cause).toBe('signature-or-clock-skew');
  });

  it('reads nonces, signatures and bound IPs of signed APIs', () => {
    expect(run(400, '{"result":"error","reason":"InvalidNonce","message":"Nonce \'1\' has not increased since your last call"}').cause).toBe('signature-or-clock-skew');
    expect(run(500, '["error",10114,"nonce: small"]').cause).toBe('signature-or-clock-skew');
    expect(run(200, '{"status":"error","err-code":"api-signature-not-valid","err-msg":"Signature not valid: Verification failure"}').cause).toBe('signature-or-clock-skew');
    expect(run(200, '{"status":"error","err-msg":"Signature not valid: Incorrect IP address [IP地址错误]:10.0.0.1"}').cause).toBe('ip-or-geo-blocked');
  });

  it('reads bot checks, web filters, CSRF checks, flow limits, balances and policy engines', () => {
    expect(run(200, 'We have noticed an unusual activity from your IP 10.0.0.1 and blocked access. Please confirm that you are not a robot').cause).toBe('waf-or-bot-block');
    expect(run(403, 'Please comply with the User-Agent policy: https://meta.wikimedia.org/wiki/User-Agent_policy').cause).toBe('waf-or-bot-block');
    expect(run(200, '<h3>You have tried visiting a website which has been deemed inappropriate.</h3>').cause).toBe('proxy-denied');
    expect(run(400, 'yii\\web\\BadRequestHttpException: Unable to verify your data submission.').cause).toBe('csrf');
    expect(run(403, 'WARN -- : attack prevented by Rack::Protection::RemoteToken').cause).toBe('csrf');
    expect(run(403, '{"statusCode":403,"message":"Out of bandwidth quota. Quota will be replenished in 00:10:00."}').cause).toBe('rate-limited');
    expect(run(200, 'Blocked by Sentinel (flow limiting)').cause).toBe('rate-limited');
    expect(run(403, 'Your account does not have enough credits to run this model').cause).toBe('account-or-plan-restriction');
    expect(run(403, '{"code":"unauthorized","message":"request rejected by administrative policy"}').cause).toBe('resource-policy-deny');
  });

  it('reads older layers\' families: logins, keys, channels, regions, data policies, login routes', () => {
    expect(run(200, 'DatabaseError: 250001 (08001): Failed to connect to DB: acme.example.com:443. Incorrect username or password was specified.').cause).toBe('invalid-credentials');
    expect(run(400, '{"error":"Incorrect API key provided: sk-ab***cd."}').cause).toBe('invalid-credentials');
    expect(run(200, "{'ok': False, 'error': 'not_in_channel'}").cause).toBe('insufficient-permissions');
    expect(run(400, '{"code":21408,"message":"Permission to send an SMS has not been enabled for the region indicated by the \'To\' number"}').cause).toBe('account-or-plan-restriction');
    expect(run(404, '{"error":{"message":"No endpoints found matching your data policy. Configure: https://example.test/settings"}}').cause).toBe('resource-policy-deny');
    expect(run(500, 'Symfony\\Component\\Routing\\Exception\\RouteNotFoundException: Route [login] not defined.').cause).toBe('missing-credentials');
  });

  it('reads challenges, signed-URL and project-id absences, blocked apps and storage authentication failures', () => {
    expect(run(403, 'cloudscraper.exceptions.CloudflareChallengeError: Detected a Cloudflare version 3 challenge').cause).toBe('waf-or-bot-block');
    expect(run(403, 'Missing Key-Pair-Id query parameter or cookie value').cause).toBe('missing-credentials');
    expect(run(403, '{"jsonrpc":"2.0","error":{"code":-32600,"message":"project ID is required"}}').cause).toBe('missing-credentials');
    expect(run(403, 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.').cause).toBe('invalid-credentials');
  });

  it('leaves look-alikes alone', () => {
    // S3's ordinary 404 and a key-value store's missing key
    expect(run(404, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>').blocked).toBe(false);
    expect(run(404, '{"error":"key does not exist"}').blocked).toBe(false);
    // documentation about scopes, nonces and quotas in a 200
    expect(run(200, '{"doc":"Each scope is listed under required scopes for the endpoint"}').blocked).toBe(false);
    expect(run(200, '{"nonce":"abc123","signature":"ok","balance":12.5}').blocked).toBe(false);
    expect(run(200, '{"quota":{"calls":1000,"renewal":"monthly"}}').blocked).toBe(false);
    // a channel setting and another route missing are not refusals
    expect(run(200, '{"settings":{"notify_not_in_channel":true}}').blocked).toBe(false);
    expect(run(500, 'Route [dashboard] not defined.').blocked).toBe(false);
  });
});
