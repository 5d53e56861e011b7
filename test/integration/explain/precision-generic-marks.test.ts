// A vendor is named by its own marks, not by what other layers write too (found by the unseen-layer
// test: with the real writer unregistered, these named a stranger). Each case is the other layer's
// real response shape, reduced; its writer is unregistered or absent, so the right answer is nobody.
import { describe, expect, it } from 'vitest';
import { explainWithIndex } from '../../../shared/explain/explain';
import { unseenGroup } from '../../support/unseen-layer';
import type { ExplainInput } from '../../../shared/explain/index';

const json = { 'content-type': 'application/json' };
const CASES: Array<{ name: string; notNamed: string; writer?: string; input: ExplainInput }> = [
  { name: 'ClickHouse prints (AUTHENTICATION_FAILED) in capitals', notNamed: 'symantec-bluecoat', writer: 'clickhouse',
    input: { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Code: 516. DB::Exception: default: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 24.3.1.1)' } },
  { name: "CloudFront's X-Cache says 'Error from cloudfront'", notNamed: 'squid', writer: 'aws-waf',
    input: { status: 405, headers: { 'content-type': 'text/html', 'x-cache': 'Error from cloudfront' }, body: '<html><head><title>Human Verification</title></head><body>Please solve the puzzle</body></html>' } },
  { name: "Square's errors[] carry code then detail and category", notNamed: 'docker-registry', writer: 'square-api',
    input: { status: 401, headers: json, body: '{"errors": [{"code": "UNAUTHORIZED", "detail": "This request could not be authorized.", "category": "AUTHENTICATION_ERROR"}]}' } },
  { name: "Directus's TOKEN_EXPIRED sits in extensions.code", notNamed: 'firebase', writer: 'directus',
    input: { status: 401, headers: json, body: '{"errors":[{"message":"Token has expired.","extensions":{"code":"TOKEN_EXPIRED"}}]}' } },
  { name: 'rate limiters send the IETF RateLimit-* headers (express-rate-limit, @fastify/rate-limit)', notNamed: 'digitalocean-api',
    input: { status: 429, headers: { 'content-type': 'text/html', 'ratelimit-limit': '100', 'ratelimit-remaining': '0', 'ratelimit-reset': '840', 'x-request-id': 'a1b2' }, body: 'Rate limit exceeded, retry in 1 minute' } },
  { name: 'the same headers are not Heroku either', notNamed: 'heroku', writer: 'digitalocean-api',
    input: { status: 429, headers: { 'content-type': 'text/html', 'ratelimit-limit': '100', 'ratelimit-remaining': '0' }, body: 'Rate limit exceeded, retry in 1 minute' } },
  { name: "a Python SDK's UnauthorizedError line is not express-jwt", notNamed: 'express', writer: 'cohere-api',
    input: { status: 401, headers: {}, body: "cohere.errors.unauthorized_error.UnauthorizedError: status_code: 401, body: {'message': 'invalid api token'}" } },
  { name: "NestJS's default {statusCode, message: 'Unauthorized'} is not APIM's", notNamed: 'azure-api-management', writer: 'nestjs',
    input: { status: 401, headers: json, body: '{"statusCode":401,"message":"Unauthorized"}' } },
  { name: "a Symfony app's own trace (the namespace written without spaces) is not Laravel's Whoops page", notNamed: 'laravel', writer: 'symfony',
    input: { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Symfony\\Component\\HttpKernel\\Exception\\HttpException: Full authentication is required to access this resource.' } },
];

describe('vendors are not named by other layers\' generic marks', () => {
  it.each(CASES)('$name', ({ notNamed, writer, input }) => {
    const got = explainWithIndex(input, true, writer ? unseenGroup(writer) : undefined);
    expect(got.producer?.id ?? null).not.toBe(notNamed);
  });

  it('the vendors still know their own marks', () => {
    const blueCoat = explainWithIndex({ status: 403, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Access Denied (policy_denied)</h1>Your request was denied because of its content categorization.</body></html>' }, true);
    expect(blueCoat.producer?.id).toBe('symantec-bluecoat');
    const docker = explainWithIndex({ status: 401, headers: json, body: '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}' }, true);
    expect(docker.producer?.id).toBe('docker-registry');
    const firebase = explainWithIndex({ status: 400, headers: json, body: '{"error":{"code":400,"message":"TOKEN_EXPIRED","errors":[{"message":"TOKEN_EXPIRED","domain":"global","reason":"invalid"}]}}' }, true);
    expect(firebase.producer?.id).toBe('firebase');
    const apim = explainWithIndex({ status: 401, headers: json, body: '{ "statusCode": 401, "message": "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." }' }, true);
    expect(apim.producer?.id).toBe('azure-api-management');
  });
});
