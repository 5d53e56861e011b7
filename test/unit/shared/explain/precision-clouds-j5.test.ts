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

describe('explain: Google and Firebase words named in round 5 (tuner J)', () => {
  it('a generic "are blocked" or permission sentence names neither Google APIs nor Firebase', () => {
    expect(producerOf(403, 'Requests from your IP address are blocked.')).toBeNull();
    expect(producerOf(403, 'Requests from this country are blocked by the site owner.')).toBeNull();
    expect(producerOf(403, 'User does not have permission to access this object.')).toBeNull();
    expect(producerOf(403, '{"error":"permission_denied","message":"Client does not have permission"}', 'application/json')).not.toBe('firebase');
  });

  it('another program\'s "resource exhausted" names no Google API', () => {
    expect(producerOf(500, 'tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[1024,1024]')).toBeNull();
    expect(producerOf(429, 'grpc: Resource exhausted. Please try again later.')).toBeNull();
  });

  it('the key-restriction sentence reads as a resource policy, not a missing permission', () => {
    const r = run(403, 'Requests from referer https://example.org/ are blocked.');
    expect(r.producer?.id).toBe('google-apis');
    expect(r.cause).toBe('resource-policy-deny');
  });
});

describe('explain: Azure and database APIs named in round 5 (tuner J)', () => {
  it('another API\'s {reason, error, detail} object or the bare sentence names no MongoDB Atlas', () => {
    expect(producerOf(401, 'You are not authorized for this resource.')).not.toBe('mongodb-atlas');
    expect(producerOf(403, '{"reason":"Forbidden","error":403,"detail":"Missing role"}', 'application/json')).not.toBe('mongodb-atlas');
  });

  it('a generic policy or authentication sentence names neither ARM, Azure Storage nor Neo4j', () => {
    expect(producerOf(403, 'The upload was disallowed by policy.')).toBeNull();
    expect(producerOf(401, 'Server failed to authenticate the request.')).toBeNull();
    expect(producerOf(401, 'Login failed: the client is unauthorized.')).toBeNull();
  });

  it('a ClickHouse quota reads as a rate limit even on the 500 it arrives in', () => {
    const r = run(500, 'Code: 201. DB::Exception: Quota for user `u` for 60s has been exceeded: queries = 11/10. (QUOTA_EXCEEDED)');
    expect(r.producer?.id).toBe('clickhouse');
    expect(r.cause).toBe('rate-limited');
    expect(r.blocked).toBe(true);
  });
});

describe('explain: store and database words named late in round 5 (tuner J)', () => {
  it('S3\'s own signature sentence stays S3\'s; only "Google secret key" names GCS', () => {
    const s3 = 'Aws::S3::Errors::SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.';
    expect(producerOf(403, s3)).not.toBe('google-cloud-storage');
  });

  it('an error object without CouchDB\'s reason names no CouchDB', () => {
    expect(producerOf(401, "{ error: 'unauthorized', message: 'Invalid token', statusCode: 401 }")).not.toBe('couchdb');
    expect(producerOf(401, 'unauthorized: the password is incorrect')).not.toBe('couchdb');
  });

  it('a bare TooManyRequests code names no OCI, and OCI\'s sentence beside it does', () => {
    expect(producerOf(429, '{"code":"TooManyRequests","message":"Rate exceeded"}', 'application/json')).not.toBe('oracle-oci');
    expect(producerOf(429, '{"code":"TooManyRequests","message":"Too many requests for the user"}', 'application/json')).toBe('oracle-oci');
  });
});
