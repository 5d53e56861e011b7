// Precision of the fifth round for database APIs and backend platforms (issue 11): Elasticsearch's
// "for REST request [" phrase, Appwrite's "(role: …) missing scope (…)" and Grafana's RBAC sentence
// name their writers; the generic words around them (Access denied, missing scope, Permissions needed)
// name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['Grafana\'s title alone ("Access denied") is anyone\'s', 403, '{"message":"Access denied","title":"Access denied"}', null],
  ['"Permissions needed:" without Grafana\'s sentence is anyone\'s', 403, '{"message":"Permissions needed: users:read"}', null],
  ['a bare "missing scope (…)" without Appwrite\'s role is anyone\'s', 401, 'missing scope (account)', null],
  ['another API\'s missing-scope wording is not Appwrite', 403, '{"message":"You do not have permission. Missing scope: repo"}', null],
  ['a generic "missing authentication credentials" without "for REST request [" is not Elasticsearch', 401, '{"error":"missing authentication credentials"}', null],
  ['a web app\'s "unable to authenticate user" is not Elasticsearch', 401, 'Unable to authenticate user. Please try again.', null],
  ['Elasticsearch\'s own phrase names it', 401, 'security_exception: unable to authenticate user [elastic] for REST request [/_security/_authenticate]', 'elasticsearch'],
  ['another role\'s Appwrite scope refusal names Appwrite', 401, '{"message":"User (role: users) missing scope (teams.read)","code":401,"type":"general_unauthorized_scope"}', 'appwrite'],
];

describe('explain: the fifth round\'s database and backend-platform layers need their own words', () => {
  itNamesProducers(CASES);

  it('Appwrite\'s guest refusal is a missing session, a key\'s is a missing scope', () => {
    const guest = explain({ status: 401, headers: {}, body: 'AppwriteException: User (role: guests) missing scope (account)' });
    const key = explain({ status: 401, headers: {}, body: '{"message":"x@service.cloud.appwrite.io (role: applications) missing scope (users.write)","type":"general_unauthorized_scope"}' });
    expect(guest.cause).toBe('missing-credentials');
    expect(key.cause).toBe('insufficient-permissions');
  });
});
