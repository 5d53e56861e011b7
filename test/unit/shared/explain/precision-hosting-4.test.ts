// Precision of the fourth round for hosting and servers (issue 11): meshes, hosting platforms and web
// servers are named by their own words; the generic client lines they share with others name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

/** [why, status, body, the producer it must name (null: none)] */
type Case = [string, number, string, string | null];

const CASES: Case[] = [
  ['HashiCorp\'s Go client line with a bare "Permission denied" is Nomad\'s too', 403, 'Error querying agent: Unexpected response code: 403 (Permission denied)', null],
  ['Consul\'s AccessorID sentence names Consul', 403, 'Permission denied: token with AccessorID \'0b3c6a3e-1111-2222-3333-444455556666\' lacks permission \'key:write\' on "app/config"', 'consul'],
  ['"ACL token not found" (Nomad\'s wording) is not Consul', 403, 'Unexpected response code: 403 (ACL token not found)', null],
];

describe('explain: the fourth round\'s hosting and servers need their own words', () => {
  it.each(CASES)('%s', (_why, status, body, producer) => {
    expect(explain({ status, headers: {}, body }).producer?.id ?? null).toBe(producer);
  });
});
