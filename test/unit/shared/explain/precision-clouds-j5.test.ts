// Precision (issue 11, round 5, tuner J — object storage, data APIs, Google/Azure/Oracle): the words
// that now name a store, a cloud service or a database API stay that writer's, and nothing else's.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'text/plain') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: object stores named in round 5 (tuner J)', () => {
  it('a plain S3 AccessDenied line names neither Backblaze B2 nor IBM COS', () => {
    const goV1 = 'AccessDenied: Access Denied\n\tstatus code: 403, request id: 7BMJM8PWV1J1FNEH, host id: TW2qeJptLnLL7+0pKGRgdR+t5T/GKN362KnA1JuYa83s+Y0YsVEeIxGoiUK+pCQIRwhNsDNC1ws=';
    expect(producerOf(403, goV1)).not.toBe('backblaze-b2');
    expect(producerOf(403, goV1)).not.toBe('ibm-cloud-object-storage');
  });

  it('"not entitled" outside an AccessDenied answer names nobody', () => {
    expect(producerOf(403, '{"error":"You are not entitled to this feature on your current plan"}', 'application/json')).not.toBe('backblaze-b2');
  });

  it('a Ceph request id without its host id names nobody; with it, Ceph RGW', () => {
    const line = 'Status Code: 403, AWS Service: Amazon S3, AWS Request ID: tx00000000000000000a1b2-005f1e2d3c-1a2b3c-default, AWS Error Code: AccessDenied, AWS Error Message: null';
    expect(producerOf(403, line)).toBeNull();
    const xml = '<Error><Code>AccessDenied</Code><BucketName>b</BucketName><RequestId>tx000000000000000000a1b-005f1e2d3c-1a2b3c-default</RequestId><HostId>1a2b3c-default-default</HostId></Error>';
    expect(producerOf(403, xml, 'application/xml')).toBe('ceph-rgw');
  });

  it('DigitalOcean Spaces keeps its own Ceph host ids', () => {
    const xml = '<Error><Code>AccessDenied</Code><BucketName>b</BucketName><RequestId>tx00000000000000a1b2c3d-0065a1b2c3-1a2b3c4d-nyc3c</RequestId><HostId>1a2b3c4d-nyc3c-nyc3-zg04</HostId></Error>';
    expect(producerOf(403, xml, 'application/xml')).toBe('digitalocean-spaces');
  });
});
