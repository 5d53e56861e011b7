// Precision of the seventh round for identity providers and developer platforms (issue 11): each new
// family names its writer only by its own marks; the same generic words elsewhere name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const BBS_NOT_FOUND = '{"errors":[{"context":null,"message":"Repository LT549400/nope does not exist.","exceptionName":"com.atlassian.bitbucket.repository.NoSuchRepositoryException"}]}';

const CASES: ProducerCase[] = [
  ['another server\'s bare "You are not permitted to access this resource." is not Bitbucket', 403, '{"message":"You are not permitted to access this resource."}', null],
  ['a CAPTCHA demand without Bitbucket\'s lock sentence is not Bitbucket', 401, '{"error":"CAPTCHA required. Your account has been locked."}', null],
  ['Jira\'s own XSRF refusal stays Jira / Confluence', 403, 'XSRF check failed', 'atlassian'],
  ['a Bitbucket Server envelope names Bitbucket Server', 404, BBS_NOT_FOUND, 'bitbucket-server'],
];

describe('explain: the seventh round\'s identity and dev-platform refusals need their own words', () => {
  itNamesProducers(CASES);

  it('a repository Bitbucket Server does not have is named but is no refusal', () => {
    const got = explain({ status: 404, headers: { 'content-type': 'application/json' }, body: BBS_NOT_FOUND });
    expect(got.producer?.id).toBe('bitbucket-server');
    expect(got.blocked).toBe(false);
  });

  it('Bitbucket Server\'s realm outranks Jira\'s request-id header on a bare 401', () => {
    const got = explain({ status: 401, headers: { 'www-authenticate': 'Basic realm="Atlassian Bitbucket"', 'x-arequestid': '@1x1x0' }, body: '' });
    expect(got.producer?.id).toBe('bitbucket-server');
  });
});
