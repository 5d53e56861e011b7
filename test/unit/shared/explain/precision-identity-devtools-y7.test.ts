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
  ['another app\'s "No matching permissions found" without ZITADEL\'s error id is not ZITADEL', 403, '{"error":"No matching permissions found"}', null],
  ['ZITADEL\'s error id shape on another sentence does not name it by the permission rule', 400, '{"message":"could not parse request (AUTH-x1y2z)"}', null],
  ['a push refusal in prose, without git\'s remote: or GitLab: prefix, is not GitLab', 403, '{"message":"You are not allowed to push code to this project."}', null],
  ['Gitea\'s own push refusal is not GitLab', 403, 'remote: User permission denied for writing.', null],
  ['another service\'s "Request was blocked due to exceeding usage" without Azure DevOps\' resource and namespace is not Azure DevOps', 429, '{"message":"Request was blocked due to exceeding usage of your plan."}', null],
  ['a conditional access failure without Azure DevOps\' VS403463 is not Azure DevOps', 403, '{"message":"The conditional access policy defined by your administrator has failed."}', null],
  ['GitLab\'s own secret push protection is not GitHub\'s', 200, 'remote: PUSH BLOCKED: Secrets detected in code changes\nremote: Secret push protection found the following secrets in commit: 1a2b3c', null],
  ['a pre-receive hook\'s own "push declined" without GH013 is not GitHub', 200, ' ! [remote rejected] main -> main (pre-receive hook declined)\nerror: failed to push some refs to \'ssh://git.example.org/a/b.git\'', null],
  ['a tool\'s own "refusing to allow" sentence is not GitHub\'s workflow refusal', 403, 'Error: refusing to allow a token to update settings without admin scope', null],
  ['another server\'s invalid_scope in the RFC\'s words is not Okta', 400, '{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed."}', null],
  ['the Actions bot\'s name in another tool\'s message, without git\'s remote: line, is not GitHub', 403, '{"error":"Permission denied to github-actions[bot] for this deployment"}', null],
  ['another registry\'s pull policy sentence without Harbor\'s policy name is not Harbor', 403, 'denied: image cannot be pulled due to configured policy', null],
  ['the RFC\'s unauthorized_client wording is not Google\'s delegation refusal', 400, '{"error":"unauthorized_client","error_description":"The client is not authorized to request an access token using this method."}', null],
  ['another site\'s advice to use a secure browser is not Google\'s embedded-browser refusal', 403, 'Please use a secure browser to continue.', null],
  ['another product\'s "not permitted to use" sentence is not Confluence', 403, '{"message":"Current user not permitted to use this feature"}', null],
  ['GitLab\'s protected-branch line names GitLab', 200, 'remote: GitLab: You are not allowed to push code to protected branches on this project.', 'gitlab-api'],
];

describe('explain: the seventh round\'s identity and dev-platform refusals need their own words', () => {
  itNamesProducers(CASES);

  it('ZITADEL\'s envelope names ZITADEL; a conflict inside it is no refusal', () => {
    const body = '{"code":6,"message":"User already exists (V3-DKcYh)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"V3-DKcYh","message":"User already exists"}]}';
    const got = explain({ status: 409, headers: { 'content-type': 'application/json' }, body });
    expect(got.producer?.id).toBe('zitadel');
    expect(got.blocked).toBe(false);
  });

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
