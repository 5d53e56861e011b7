// Precision of the fourth round for hosting and servers (issue 11): meshes, hosting platforms and web
// servers are named by their own words; the generic client lines they share with others name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';


const CASES: ProducerCase[] = [
  ['HashiCorp\'s Go client line with a bare "Permission denied" is Nomad\'s too', 403, 'Error querying agent: Unexpected response code: 403 (Permission denied)', null],
  ['Consul\'s AccessorID sentence names Consul', 403, 'Permission denied: token with AccessorID \'0b3c6a3e-1111-2222-3333-444455556666\' lacks permission \'key:write\' on "app/config"', 'consul'],
  ['"ACL token not found" (Nomad\'s wording) is not Consul', 403, 'Unexpected response code: 403 (ACL token not found)', null],
  ['"Code: NOT_FOUND" without Vercel\'s ID line is anyone\'s', 404, '404: NOT_FOUND\nCode: NOT_FOUND', null],
  ['got\'s or ky\'s "HTTPError: Unauthorized" is not Netlify\'s client', 401, 'HTTPError: Response code 401 (Unauthorized)', null],
  ['a generic "rate limit exceeded" is nobody\'s', 429, 'API rate limit exceeded for application', null],
  ['another host\'s "This account has been suspended" is not Render', 403, 'This Account has been suspended. Contact your hosting provider for more information.', null],
];

describe('explain: the fourth round\'s hosting and servers need their own words', () => {
  itNamesProducers(CASES);

  it('Vercel\'s page for a missing deployment names Vercel but is no refusal', () => {
    const got = explain({ status: 404, headers: {}, body: '404: NOT_FOUND\nCode: DEPLOYMENT_NOT_FOUND\nID: bom1::jngnf-1781507644982-dff841e4069c' });
    expect(got.producer?.id).toBe('vercel');
    expect(got.blocked).toBe(false);
  });
});
