// Precision of the sixth round for self-hosted dev tools and BaaS (issue 11): Gitea, Nexus, PocketBase,
// Directus and Sentry are named by the sentences they (or their CLIs and SDKs) write; the generic
// neighbours of those sentences name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['a bare "Only admins can perform this action." is any app\'s, not PocketBase', 403, 'Only admins can perform this action.', null],
  ['"Only superusers…" in a plain {message} envelope is not PocketBase\'s', 403, '{"message":"Only superusers can perform this action."}', null],
  ['aiohttp\'s ClientResponseError (a comma after the status) is not the PocketBase SDK\'s', 403, "aiohttp.client_exceptions.ClientResponseError: 403, message='Forbidden', url=URL('https://api.example.com/v1/items')", null],
  ['an unqualified "requires valid authorization token" is not PocketBase', 401, 'The request requires valid authorization token.', null],
  ['Directus\' sentence alone is anyone\'s', 403, "You don't have permission to access this.", null],
  ['Directus\' sentence in a plain {message} is anyone\'s', 403, '{"message":"You don\'t have permission to access this."}', null],
  ['a GraphQL FORBIDDEN code with other words is Apollo\'s or anyone\'s, not Directus', 403, '{"errors":[{"message":"Not authorised!","extensions":{"code":"FORBIDDEN"}}]}', null],
  ['another "required scope" wording is not Gitea', 403, 'token does not have the required scope', null],
  ['another Basic realm is not Nexus', 401, 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: BASIC realm="Restricted"', null],
  ['a short "does not allow updates" is not Nexus\' write policy', 400, 'Repository does not allow updates', null],
  ['an old CLI\'s "http error: Invalid token (401)" without sentry-cli\'s wrapper names nobody', 401, 'error: http error: Invalid token (401)', null],
  ['another database\'s "not enough privileges" is not ClickHouse\'s grant sentence', 500, 'ERROR: Not enough privileges to execute this query.', null],
  ['a bare TOO_MANY_REQUESTS code is no Elasticsearch write block', 429, '{"error":"TOO_MANY_REQUESTS","message":"slow down"}', null],
  ['"not authorized to execute statement" without InfluxDB\'s "error authorizing query:" is anyone\'s', 403, 'user bob not authorized to execute statement \'DROP TABLE x\'', null],
  ['GitHub Packages\' "Cannot publish over existing version" is not the npm registry\'s', 409, 'npm ERR! 409 Conflict - PUT https://npm.pkg.github.com/@acme%2fwidget - Cannot publish over existing version', null],
  ['a private index\'s bare "File already exists" is not PyPI\'s file-name reuse', 400, 'HTTPError: 400 Client Error: File already exists for url: https://nexus.example/repository/pypi-internal/', null],
  ['another app\'s bare "Email not confirmed" is not Supabase Auth\'s', 400, '{"message":"Email not confirmed"}', null],
  ['another GraphQL server\'s "invalid admin secret" is not Hasura\'s', 401, '{"errors":[{"message":"invalid admin secret"}]}', null],
  ['Directus\' sentence with Apollo\'s UNAUTHENTICATED code is not Directus', 401, '{"errors":[{"message":"Invalid user credentials.","extensions":{"code":"UNAUTHENTICATED"}}]}', null],
  ['Firebase Auth\'s own TOKEN_EXPIRED stays Firebase\'s', 400, '{"error":{"code":400,"message":"TOKEN_EXPIRED","errors":[{"message":"TOKEN_EXPIRED","domain":"global","reason":"invalid"}]}}', 'firebase'],
  ['a bare "Failed to authenticate." is anyone\'s, not PocketBase\'s', 400, '{"error":"Failed to authenticate."}', null],
  ['Gitea\'s APIError envelope links the instance\'s swagger page', 401, '{"message":"token is required","url":"https://try.gitea.io/api/swagger"}', 'gitea'],
];

describe('explain: the sixth round\'s dev tools and BaaS need their own words', () => {
  itNamesProducers(CASES);

  it('Django REST framework\'s own permission detail is not Sentry\'s (sentry-cli\'s wrapper is)', () => {
    const got = explain({ status: 403, headers: {}, body: '{"detail":"You do not have permission to perform this action."}' });
    expect(got.producer?.id).not.toBe('sentry-api');
  });

  it('Elasticsearch\'s flood-stage write block sent with 429 is not read as a rate limit', () => {
    const body = 'index [logs] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];';
    const got = explain({ status: 429, headers: {}, body });
    expect(got.producer?.id).toBe('elasticsearch');
    expect(got.cause).toBe('other');
  });

  it('a Nexus challenge behind nginx names Nexus, not the web server in front', () => {
    const got = explain({ status: 401, headers: { server: 'nginx/1.18.0', 'www-authenticate': 'BASIC realm="Sonatype Nexus Repository Manager"' }, body: '' });
    expect(got.producer?.id).toBe('sonatype-nexus');
    expect(got.blocked).toBe(true);
  });
});
