// Precision (issue 11, round 4, tuner E): misnames a cause-tuner found — each writer is named by
// what is its own, or nobody is named (a null producer beats a wrong one).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: misnames fixed in round 4 (tuner E)', () => {
  it('S3 elements every store sends (<Resource>, <BucketName>) do not name MinIO', () => {
    // AWS's documented error example carries <Resource>; its base64 HostId is S3's
    const aws = '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>'
      + '<Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>';
    expect(producerOf(403, aws, 'application/xml')).toBe('aws-s3');
    // Ceph RGW's NoSuchBucket/AccessDenied carry <BucketName> and its zonegroup host id
    const ceph = '<Error><Code>AccessDenied</Code><Message></Message><BucketName>b</BucketName><RequestId>tx00000000000000000001-0062f0a1b2-1234-default</RequestId><HostId>1234-default-default</HostId></Error>';
    expect(producerOf(403, ceph, 'application/xml')).not.toBe('minio');
    // MinIO's own host ids still name it
    const minio = '<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>/b/k</Resource><RequestId>3L137</RequestId><HostId>3L137</HostId></Error>';
    expect(producerOf(403, minio, 'application/xml')).toBe('minio');
  });

  it('a base32-like S3 request id names Amazon S3 only beside a base64 extended id', () => {
    const env = (id: string, host: string) => `<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>${id}</RequestId><HostId>${host}</HostId></Error>`;
    // https://github.com/aws/aws-sdk-ruby/issues/3222 (S3's only AccessDenied body, from a wire trace)
    expect(producerOf(403, env('7BMJM8PWV1J1FNEH', 'TW2qeJptLnLL7+0pKGRgdR+t5T/GKN362KnA1JuYa83s+Y0YsVEeIxGoiUK+pCQIRwhNsDNC1ws='), 'application/xml')).toBe('aws-s3');
    // a test stub's placeholders, a gateway's empty ids or a lower-case host id name nobody
    expect(producerOf(403, env('7BMJM8PWV1J1FNEH', 'HOST'), 'application/xml')).toBeNull();
    expect(producerOf(403, env('REQUESTIDREQUEST', 'hostidhostidhostidhostid'), 'application/xml')).toBeNull();
    // MinIO's 16-hex request id with its own host id stays MinIO
    expect(producerOf(403, env('17A4F9C1E2D3B4A5', 'dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8'), 'application/xml')).toBe('minio');
  });
});
