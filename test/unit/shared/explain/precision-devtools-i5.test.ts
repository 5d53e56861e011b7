// Precision of the fifth round for identity, dev platforms and registries (issue 11): Entra ID, GitLab,
// Azure DevOps and the registries are named by their own words; the sentences they share with every
// other login or permission check name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['Rails\' own basic-auth refusal (no git remote: prefix) is any Rails app\'s, not GitLab', 401, 'HTTP Basic: Access denied.\n', null],
  ['a bare "not authorized to access this resource" without a TF code is anyone\'s', 401, '{"message":"The user is not authorized to access this resource."}', null],
  ['"you must use a pull request" in another host\'s words is not Azure DevOps', 403, 'remote: error: Changes must be made through a pull request.', null],
  ['a generic MFA sentence without Entra\'s code or wording is nobody\'s', 401, '{"message":"Multi-factor authentication is required for this account."}', null],
  ['a generic "application is disabled" without Entra\'s quoted id is nobody\'s', 403, '{"error":"unauthorized_client","error_description":"Application is disabled."}', null],
  ['one "unauthorized to access repository" line, not Harbor\'s doubled one, is no registry\'s in particular', 401, 'unauthorized: unauthorized to access repository: team/app, action: push', null],
  ['a bare "Invalid signature" is any signed API\'s, not Duo', 401, '{"message":"Invalid signature","code":401}', null],
  ['a code-and-message pair without Duo\'s stat FAIL is not Duo', 401, '{"code": 40101, "message": "Token missing"}', null],
  ['another engine\'s "policy evaluation failed" (without Okta\'s full sentence) is not Okta', 403, '{"error":"policy evaluation failed: deny rule matched"}', null],
  ['a web app\'s own "Wrong email or password." flash message is not Auth0', 401, '{"success":false,"message":"Wrong email or password."}', null],
  ['Duo\'s own envelope names Duo', 401, '{"code": 40301, "message": "Access forbidden", "stat": "FAIL"}', 'duo'],
];

describe('explain: the fifth round\'s identity and dev-platform layers need their own words', () => {
  itNamesProducers(CASES);

  it('an npm install of a package that does not exist (a GET 404) names the registry but is no refusal', () => {
    const body = "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found\nnpm ERR! 404  'left-padd@latest' is not in this registry.";
    const got = explain({ status: 404, headers: {}, body });
    expect(got.producer?.id).toBe('npm-registry');
    expect(got.blocked).toBe(false);
  });

  it('a GitHub JSON error naming another policy is not read as the token-lifetime policy', () => {
    const got = explain({ status: 403, headers: {}, body: '{"message":"Must have admin rights to Repository.","documentation_url":"https://docs.github.com/rest"}' });
    expect(got.producer?.id).toBe('github-api');
    expect(got.cause).not.toBe('resource-policy-deny');
  });
});
