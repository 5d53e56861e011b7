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
    // a UUID host id names MinIO only after its 16-hex time-based request id
    const uuid = (id: string) => `<Error><Code>AccessDenied</Code><Message>Access denied</Message><RequestId>${id}</RequestId><HostId>635db145-ab13-48a7-8083-ec96e693cae1</HostId></Error>`;
    expect(producerOf(403, uuid('169A876106DB99F9'), 'application/xml')).toBe('minio');
    expect(producerOf(403, uuid('req-0001'), 'application/xml')).toBeNull();
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

  it('an SDK line names the API it speaks, not the server: beside another server it names nobody', () => {
    // Java v1's line in front of Ceph RGW (its tx…-default request id)
    const ceph = 'Status Code: 403, AWS Service: Amazon S3, AWS Request ID: tx00000000000000000a1b2-005f1e2d3c-1a2b3c-default, AWS Error Code: AccessDenied, AWS Error Message: null';
    expect(producerOf(403, ceph, 'text/plain')).toBeNull();
    // Go v2's line with the empty ids S3 itself always fills, or beside a custom endpoint
    expect(producerOf(403, 'operation error S3: PutObject, https response error StatusCode: 403, RequestID: , HostID: , api error Unauthorized: Unauthorized', 'text/plain')).toBeNull();
    expect(producerOf(403, 'endpoint http://10.0.0.5:7480/bucket\ncom.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 1A2B)', 'text/plain')).toBeNull();
    // with R2's endpoint host R2 is named
    const r2 = 'operation error S3: ListObjectsV2, https response error StatusCode: 403, RequestID: , HostID: , api error AccessDenied: Access Denied\nendpoint https://abc123.r2.cloudflarestorage.com';
    expect(producerOf(403, r2, 'text/plain')).toBe('cloudflare-r2');
    // AWS's own line (an amazonaws.com URL, a real request id) still names Amazon S3
    const aws = 'operation error S3: GetObject, https response error StatusCode: 403, RequestID: 7BMJM8PWV1J1FNEH, HostID: TW2qeJptLnLL7+0pKGRgdR+t5T/GKN362KnA1JuYa83s=, api error AccessDenied: Access Denied\nGET https://bucket.s3.us-east-1.amazonaws.com/key';
    expect(producerOf(403, aws, 'text/plain')).toBe('aws-s3');
  });

  it('an Anthropic-style envelope names Anthropic only by its own words, ids or headers', () => {
    const env = (type: string, msg: string) => `{"type":"error","error":{"type":"${type}","message":"${msg}"}}`;
    // another vendor's Anthropic-compatible endpoint: the shape alone names nobody, and a plan sentence reads as a plan
    const plan = run(403, env('permission_error', 'Your plan does not include access to this model.'));
    expect(plan.producer).toBeNull();
    expect(plan.cause).toBe('account-or-plan-restriction');
    expect(producerOf(401, env('authentication_error', 'token is invalid'))).toBeNull();
    // Anthropic's own words, request id or headers still name it
    expect(producerOf(401, env('authentication_error', 'invalid x-api-key'))).toBe('anthropic-api');
    expect(producerOf(429, env('rate_limit_error', "This request would exceed your account's rate limit. Please try again later."))).toBe('anthropic-api');
    expect(producerOf(429, env('rate_limit_error', 'Rate limit exceeded, please retry later.'))).toBeNull();
    expect(producerOf(429, '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}')).toBe('anthropic-api');
    const hdrs = explain({ status: 403, headers: { 'Content-Type': 'application/json', 'request-id': 'req_01ABC' }, body: env('permission_error', 'no access') });
    expect(hdrs.producer?.id).toBe('anthropic-api');
  });

  it('a {message, code} body names Discord only by its own codes, in its own (English) words', () => {
    // the QQ bot API (botpy prints it as a dict) and other platforms send the same shape
    expect(producerOf(401, "{'message': '接口访问源IP不在白名单', 'code': 11298}")).toBeNull();
    expect(producerOf(401, '{"message":"token invalid","code":11241}')).toBeNull();
    expect(producerOf(403, '{"message":"无权限","code":50013}')).toBeNull();
    // Discord's own codes still name it
    expect(producerOf(403, '{"message": "Missing Permissions", "code": 50013}')).toBe('discord-api');
    expect(producerOf(401, '{"message": "401: Unauthorized", "code": 0}')).toBe('discord-api');
    expect(producerOf(404, '{"message": "Unknown Channel", "code": 10003}')).toBe('discord-api');
  });

  it('a disabled Cognito user is an account restriction; other NotAuthorizedException stay invalid credentials', () => {
    const cognito = (msg: string) => explain({ status: 400, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: `{"__type":"NotAuthorizedException","message":"${msg}"}` });
    expect(cognito('User is disabled.').cause).toBe('account-or-plan-restriction');
    expect(cognito('Incorrect username or password.').cause).toBe('invalid-credentials');
    // a Java-style line cut after a code that is not AWS's service names nobody
    expect(producerOf(400, 'failed (Service: my billing; Status: 400)', 'text/plain')).toBeNull();
  });
});
