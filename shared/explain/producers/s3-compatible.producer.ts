import type { Matcher } from '../match';
import { all, any, body, bodyGroup, hdr, not } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';

/**
 * An S3 error code where the XML envelope or an SDK's error line carries it: <Code>X</Code>, Java's
 * "Error Code: X", Go v2's "api error X:", botocore's "An error occurred (X)", Go v1's "X: … status code: 403",
 * aws-sdk-php's "X (client): …".
 */
export const sdkCode = (codes: string): RegExp => new RegExp(`(?<=<Code>|\\bError Code: |\\bapi error |An error occurred \\()(?:${codes})(?=</Code>|[;,):\\s]|$)|(?<=^|\\s)(?:${codes})(?=: [^\\n]*\\s+status code: \\d{3}| \\((client|server)\\): )`);
const code = (codes: string): Matcher => bodyGroup(sdkCode(codes), 0);
/** AccessDenied as the envelope's code, or as the Java v2 SDK's message (it prints no code). */
const accessDenied: Matcher = any(code('AccessDenied'), body(/\bAccess Denied \(Service: (Amazon )?S3[;,]/));
/** S3 named by an SDK's error line: Java v1/v2 "(Service: Amazon S3; Status Code: 403", Go v2 "operation error S3:", botocore's S3 operations, Go v1's host id. */
const S3_SDK = /\(Service: (Amazon )?S3[;,] Status Code: \d{3}|AWS Service: Amazon S3|\bS3Exception: |operation error S3: \w+|when calling the (Get|Put|Head|Delete|Copy|List|Create|Upload|Restore)(Object|Bucket|MultipartUpload|Part)\w* operation|status code: \d{3}, request id: \w+, host id: |is not authorized to perform: s3:\w+/;
/**
 * An SDK names the API it speaks, not the server: beside a non-AWS endpoint (a URL whose host is not amazonaws.com),
 * Ceph RGW's request id (tx<21 hex>-<10 hex>-…) or the empty ids S3 itself always fills, its line names nobody.
 */
export const NOT_AWS_SERVER = /\btx[0-9a-f]{21}-[0-9a-f]{8,10}-|\bhttps?:\/\/(?![\w.-]*\bamazonaws\.com(\.cn)?\b)(?!(docs\.)?aws\.amazon\.com\b)[\w.-]+(:\d+)?\/|RequestID: , HostID: ,|Request ID: null; S3 Extended Request ID: null/;
const S3_XML = /<Error>\s*<Code>\w+<\/Code>\s*<Message>/;
const S3_ERROR = /<Error>\s*<Code>\w+<\/Code>/;

/** S3 error codes (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html), shared by S3-compatible stores. */
export const S3_RULES: CauseRule[] = [
  rule('signature-or-clock-skew', 0.97, code('RequestTimeTooSkewed'), {
    why: 'RequestTimeTooSkewed: the difference between the request time and the server\'s time is too large',
    fix: 'Sync the local clock (NTP); the response shows <RequestTime> and <ServerTime>.',
  }),
  rule('signature-or-clock-skew', 0.95, code('SignatureDoesNotMatch'), {
    why: 'SignatureDoesNotMatch: the signature computed by the server differs (wrong secret key, region, or a header/path changed after signing)',
    fix: 'Check the secret key and region, and that the Content-Type, path encoding and signed headers are sent exactly as signed.',
  }),
  rule('signature-or-clock-skew', 0.93, body(/<Message>(Request has expired|Request not yet valid)<\/Message>|<Code>(ExpiredToken|AccessDenied)<\/Code>\s*<Message>Request has expired/), {
    why: 'the pre-signed URL has expired (X-Amz-Expires elapsed) or is not valid yet', fix: 'Generate a new pre-signed URL (and check the clock of the machine that signed it).',
  }),
  rule('signature-or-clock-skew', 0.8, code('AuthorizationHeaderMalformed|AuthorizationQueryParametersError'), { why: 'the Authorization header or query signature is malformed (often the wrong region in the credential scope)', blocks: true }),
  rule('invalid-credentials', 0.95, code('InvalidAccessKeyId'), {
    why: 'InvalidAccessKeyId: the access key id does not exist in this store/account', fix: 'Use an access key of this account/store, or the right endpoint for it.',
  }),
  rule('invalid-credentials', 0.93, code('InvalidToken|ExpiredToken|TokenRefreshRequired'), { why: 'the session token is invalid or expired', blocks: true }),
  rule('account-or-plan-restriction', 0.93, code('AllAccessDisabled'), { why: 'AllAccessDisabled: all access to this bucket/object has been disabled by the provider' }),
  rule('account-or-plan-restriction', 0.9, code('AccountProblem|NotSignedUp|InvalidPayer|AccountDisabled|UserProjectAccountProblem'), { why: 'the storage account has a problem (not signed up, suspended, billing)', blocks: true }),
  rule('resource-policy-deny', 0.93, body(/explicit deny in an? (resource-based|service control|VPC endpoint|session|identity-based) policy|no resource-based policy allows/i), { why: 'the message names the policy that denied the request' }),
  rule('insufficient-permissions', 0.9, body(/because no identity-based policy allows the s3:\w+ action/i), { why: 'no IAM policy of the caller allows this S3 action' }),
  rule('insufficient-permissions', 0.55, all(accessDenied, not(body(/Request has expired/))), {
    why: 'S3 AccessDenied without details: the caller\'s IAM policy, the bucket policy or ACL, Block Public Access, object ownership or the KMS key policy refuses it',
    fix: 'Check the caller\'s IAM policy for the action, the bucket policy (explicit Deny, conditions on VPC endpoint/IP), Block Public Access for anonymous calls, and KMS key permissions.',
  }),
  rule('resource-policy-deny', 0.5, all(accessDenied, not(body(/Request has expired/)))),
  rule('missing-credentials', 0.35, all(accessDenied, not(body(/Request has expired/)), not(hdr('x-amz-bucket-region')))),
  rule('rate-limited', 0.9, code('SlowDown|TooManyRequests'), { why: 'SlowDown: reduce the request rate', blocks: true }),
  rule('method-or-path-blocked', 0.7, code('MethodNotAllowed'), { why: 'the method is not allowed on this resource' }),
  // S3 answers it as a 301 PermanentRedirect; Alibaba OSS as a 403 AccessDenied with the right <Endpoint>
  rule('method-or-path-blocked', 0.8, body(/must be addressed using the specified endpoint/), {
    why: 'the bucket lives in another region: the request went to the wrong regional endpoint (the response names the right one)',
    fix: 'Send the request to the bucket\'s own regional endpoint (the Endpoint in the error), or set the client\'s region to the bucket\'s.',
  }),
  rule('other', 0.7, code('InvalidObjectState'), { why: 'the object is archived (Glacier/Deep Archive) and must be restored first' }),
];

const S3_CHECKLIST = {
  auth: 'Check the IAM policy of the caller allows the s3 action on this bucket/key (and kms:Decrypt for SSE-KMS objects).',
  server: 'Review the bucket policy (explicit Deny, aws:SourceVpce / aws:SourceIp conditions), Block Public Access and Object Ownership.',
  gateway: 'If a CloudFront distribution fronts the bucket, check its origin access control and the bucket policy granting it.',
  logging: 'Find the request in CloudTrail data events or S3 server access logs by x-amz-request-id.',
};

export const awsS3 = defineProducer({
  id: 'aws-s3', kind: 'cloud-storage', name: 'Amazon S3', family: 's3',
  // an SDK line or IAM sentence that names S3 (its operation, an s3: action) is S3's, not any AWS service's
  overrides: ['aws-services'],
  own: [hdr('server', /^AmazonS3$/i), all(body(S3_XML), hdr('x-amz-id-2'))],
  // S3's envelope without headers: a 16-character request id (hex in older answers, upper-case base32-like
  // such as 7BMJM8PWV1J1FNEH today) followed by the base64 extended id (<HostId>, what x-amz-id-2 carries;
  // MinIO's is lower-case hex, Ceph's names its zonegroup), or the diagnostic elements only
  // S3 adds to signature and pre-signed-URL errors
  bodyOnly: [
    all(body(S3_ERROR), body(/<RequestId>[0-9A-Z]{16}<\/RequestId>\s*<HostId>(?=[^<]*[A-Z+/=])[A-Za-z0-9+/=]{16,}<\/HostId>/)),
    all(body(S3_ERROR), body(/<(StringToSignBytes|CanonicalRequestBytes|SignatureProvided|X-Amz-Expires)>/)),
    all(body(S3_SDK), not(body(NOT_AWS_SERVER))),
    // AllAccessDisabled's message names the service itself (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, corpus aws-s3/)
    body(/All access to this Amazon S3 resource has been disabled\b/),
  ],
  presence: [hdr('x-amz-request-id'), hdr('x-amz-bucket-region')],
  causes: S3_RULES,
  checklist: S3_CHECKLIST,
});

/**
 * MinIO's own <HostId>: the SHA-256 of its node name (64 lower-case hex), the '3L137' placeholder of older
 * releases, or (2021-2022 releases) its deployment UUID after its 16-hex time-based request id. <BucketName>
 * and <Resource> are S3's elements too (AWS, Ceph RGW send them): they name nobody.
 */
const MINIO_HOST_ID = /<HostId>([0-9a-f]{64}|3L137)<\/HostId>|<RequestId>[0-9A-F]{16}<\/RequestId>\s*<HostId>[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(<\/HostId>|\s*$)/;

export const minio = defineProducer({
  id: 'minio', kind: 'cloud-storage', name: 'MinIO', family: 's3',
  own: [hdr('server', /minio/i), all(body(S3_XML), body(MINIO_HOST_ID)), hdr('x-minio-deployment-id')],
  // its own wording of RequestTimeTooSkewed (S3 says "the current time"): github.com/minio/minio cmd/api-errors.go, corpus minio/
  bodyOnly: [body(/The difference between the request time and the server's time is too large\./)],
  presence: [hdr('x-amz-request-id'), hdr('x-minio-error-code'), hdr('x-minio-error-desc')],
  causes: [
    rule('insufficient-permissions', 0.75, all(code('AccessDenied'), hdr('x-amz-request-id')), { why: 'MinIO AccessDenied: the user/service account policy or the bucket policy does not allow this action' }),
    ...S3_RULES,
  ],
  checklist: { auth: 'Check the MinIO user or service-account policy (mc admin policy entities).', server: 'Check the bucket policy / anonymous access setting (mc anonymous get).' },
});

/** Wasabi's own codes beyond S3's (docs.wasabi.com, REST API introduction: error codes). */
const WASABI_CODES = 'RequestRateLimitExceeded|AuthenticationLockout|AccountNotActivated';

export const wasabi = defineProducer({
  id: 'wasabi', kind: 'cloud-storage', name: 'Wasabi', family: 's3', overrides: ['minio', 'aws-s3'],
  // S3's envelope and SDK lines with a wasabisys.com endpoint, or a code only Wasabi sends
  bodyOnly: [body(/\bs3(\.[a-z0-9-]+)?\.wasabisys\.com\b/i), code(WASABI_CODES)],
  causes: [
    rule('rate-limited', 0.92, code('RequestRateLimitExceeded'), { blocks: true, why: 'Wasabi refused the request because the account exceeded its limit for this request type (RequestRateLimitExceeded, sent as a 403)' }),
    rule('invalid-credentials', 0.85, code('AuthenticationLockout'), { why: 'too many attempts with wrong credentials locked the account for five minutes', fix: 'Fix the access key and secret, then wait five minutes before retrying.' }),
    rule('account-or-plan-restriction', 0.85, code('AccountNotActivated'), { why: 'the Wasabi account is not activated yet' }),
    ...S3_RULES,
  ],
  checklist: { auth: 'Check the access key belongs to this Wasabi account and its sub-user policy allows the action.', server: 'Use the bucket\'s regional endpoint (s3.<region>.wasabisys.com).' },
});

/** Spaces runs Ceph RGW: its <HostId> (and a stripped error line) names the RGW instance and a DigitalOcean region. */
const SPACES_HOST_ID = /<HostId>[0-9a-f]+-(nyc|sfo|ams|sgp|fra|lon|tor|blr|syd|atl)\d[a-z]?-[\w-]+<\/HostId>|\b[0-9a-f]{6,}-(nyc|sfo|ams|sgp|fra|lon|tor|blr|syd|atl)\d[a-z]-(nyc|sfo|ams|sgp|fra|lon|tor|blr|syd|atl)\d-zg\d+\b/;

export const digitaloceanSpaces = defineProducer({
  id: 'digitalocean-spaces', kind: 'cloud-storage', name: 'DigitalOcean Spaces', family: 's3', overrides: ['minio', 'aws-s3', 'ceph-rgw'],
  bodyOnly: [body(/\b[a-z0-9-]+\.digitaloceanspaces\.com\b/i), body(SPACES_HOST_ID)],
  causes: S3_RULES,
  checklist: { auth: 'Check the Spaces access key (not a personal API token) and, for a limited key, that it covers this bucket.', server: 'Use the region endpoint (https://<region>.digitaloceanspaces.com) and the bucket name without a folder prefix.' },
});

/**
 * Ceph RGW's ids as its XML, JSON and the SDKs' lines carry them: the request id tx<21 hex>-<hex time>-<instance>-<zonegroup>
 * beside the host id <instance>-<zone>-<zonegroup> (an SDK line with the request id alone names nobody).
 */
const RGW_REQUEST_ID = /\btx[0-9a-f]{21}-[0-9a-f]{8,10}-[0-9a-f]+-[\w.]+/;
const RGW_HOST_ID = /(<HostId>|"HostId"\s*:\s*"|S3 Extended Request ID: |host id: )[0-9a-f]{3,}-[\w.]+-[\w.]+(?=<\/HostId>|"|[;,\s)]|$)/;

export const cephRgw = defineProducer({
  id: 'ceph-rgw', kind: 'cloud-storage', name: 'Ceph Object Gateway (RGW)', family: 's3', overrides: ['minio', 'aws-s3'],
  bodyOnly: [all(body(RGW_REQUEST_ID), body(RGW_HOST_ID))],
  causes: [
    // its admin API (and Swift front) answer in JSON: {"Code":"AccessDenied","RequestId":…}
    rule('insufficient-permissions', 0.8, body(/"Code"\s*:\s*"AccessDenied"/), {
      why: 'RGW refused the user: its bucket policy or ACL does not allow the action, or (admin API) the user lacks the capability (usage=read, buckets=read, users=read…)',
      fix: 'Check the bucket policy and ACL for this user (radosgw-admin bucket stats, s3cmd info); for the admin API add the capability (radosgw-admin caps add --uid=<user> --caps="usage=read").',
    }),
    ...S3_RULES,
  ],
  checklist: { auth: 'Check the RGW user and its keys (radosgw-admin user info --uid=<user>): capabilities, bucket ownership, tenant.' },
});

/** IBM Cloud Object Storage: its S3 envelope ends with <httpStatusCode>; IBM's SDK forks and endpoint name it too. */
const IBM_COS = /<httpStatusCode>\d{3}<\/httpStatusCode>\s*<\/Error>|\bibm_(botocore|boto3)\b|\bcom\.ibm\.cloud\.objectstorage\.|\b[\w.-]+\.cloud-object-storage\.appdomain\.cloud\b/;

export const ibmCloudObjectStorage = defineProducer({
  id: 'ibm-cloud-object-storage', kind: 'cloud-storage', name: 'IBM Cloud Object Storage', family: 's3', overrides: ['minio', 'aws-s3', 'aws-services'],
  bodyOnly: [body(IBM_COS)],
  presence: [hdr('server', /^Cleversafe/i), hdr('ibm-sse-kp-enabled')],
  causes: [
    rule('insufficient-permissions', 0.78, all(code('AccessDenied'), body(IBM_COS)), {
      why: 'IBM COS refused the caller: the identity behind the IAM token or HMAC key has no Reader/Writer role on this bucket (service credential of another instance, or a role not granted)',
      fix: 'Give the service ID (or user) a Content Reader / Writer / Manager role on the bucket or instance in IAM, and send Authorization: bearer <IAM token> or HMAC keys of that instance.',
    }),
    ...S3_RULES,
  ],
  checklist: { auth: 'Check the IAM policies of the service ID behind the API key or HMAC credential (ibmcloud iam service-policies).' },
});

/** R2's refusal of a V2-signed request (code Unauthorized, 401). */
// (its first sentence alone too, as clients print the message: developers.cloudflare.com/r2/api/s3/api/ (SigV4 only), corpus cloudflare-r2/)
const R2_SIGV2 = /SigV2 authorization is not supported\.( Please use SigV4 instead)?/;
/** R2's check of the access key id's length (its ids have 32 characters), sent as InvalidArgument with 400. */
const R2_KEY_LENGTH = /Credential access key has length \d+, should be 32\b/;

export const cloudflareR2 = defineProducer({
  id: 'cloudflare-r2', kind: 'cloud-storage', name: 'Cloudflare R2', family: 'cloudflare',
  // an S3 SDK's line around its own sentence is still R2's answer, as for the other S3-compatible stores
  overrides: ['aws-s3'],
  own: [all(any(body(S3_XML), body(/<Error><Code>\w+<\/Code>/)), hdr('cf-ray', /\S/, 2))],
  // R2 alone refuses V2 signatures in these words (S3 and the other stores word it otherwise); its endpoint host
  // names it only beside an S3 error: a block page or a log quoting an R2 URL was written by someone else
  bodyOnly: [body(R2_SIGV2), body(R2_KEY_LENGTH), all(body(/r2\.cloudflarestorage\.com/i), body(/<Code>\w+<\/Code>|An error occurred \(\w+\)|\b(AccessDenied|NoSuchBucket|NoSuchKey|SignatureDoesNotMatch|InvalidAccessKeyId|InvalidArgument)\b/))],
  presence: [hdr('server', /^cloudflare/i)],
  causes: [
    rule('signature-or-clock-skew', 0.92, body(R2_SIGV2), {
      blocks: true, why: 'R2 accepts only Signature Version 4; the client signed the request with the old V2 scheme',
      fix: 'Configure the S3 client for signature version 4 (e.g. signature_version=\'s3v4\' in boto3, SigV4 in the plugin or SDK), with region auto.',
    }),
    rule('invalid-credentials', 0.75, all(code('InvalidArgument'), body(/<Message>Authorization<\/Message>/)), { why: 'R2 rejected the Authorization (malformed or for another account)', blocks: true }),
    rule('invalid-credentials', 0.9, body(R2_KEY_LENGTH), {
      blocks: true, why: 'the access key id is not an R2 key id (32 characters): the key id and secret swapped, an API token or a key of another store pasted in its place, or stray characters around it',
      fix: 'Create an R2 API token (R2 → Manage API tokens) and copy its Access Key ID (32 characters) and Secret Access Key into the matching settings, without quotes or spaces.',
    }),
    ...S3_RULES,
  ],
  checklist: { auth: 'Check the R2 API token has Object Read/Write on this bucket and the endpoint uses your account id.' },
});

/** B2's S3-compatible API refuses a key without the capability, bucket or name prefix for the call as AccessDenied "not entitled". */
const B2_NOT_ENTITLED = /\bAccessDenied\b[^\n]{0,40}\bnot entitled\b|<Message>\s*not entitled\s*<\/Message>/i;

export const backblazeB2 = defineProducer({
  id: 'backblaze-b2', kind: 'cloud-storage', name: 'Backblaze B2', family: 's3',
  // an SDK's S3 line in front of B2 names the API it speaks, not the server
  overrides: ['aws-s3', 'minio'],
  // its own codes name it; "unauthorized" and "access_denied" are anyone's codes, so they only
  // choose the cause once something else named B2
  own: [body(/"code"\s*:\s*"(bad_auth_token|expired_auth_token|cap_exceeded|download_cap_exceeded|transaction_cap_exceeded|storage_cap_exceeded)"/), body(/backblazeb2\.com/i)],
  // … and its download cap sentence, its code cut (backblaze.com/docs/cloud-storage-caps-and-alerts, github.com/alangrainger/share-note/issues/63)
  bodyOnly: [body(B2_NOT_ENTITLED), body(/\bdownload bandwidth or transaction \(Class B\) cap exceeded\b/)],
  presence: [hdr('x-bz-request-id'), hdr('x-bz-content-sha1')],
  causes: [
    rule('invalid-credentials', 0.93, body(/"code"\s*:\s*"(bad_auth_token|expired_auth_token)"/), { why: 'the B2 authorization token is invalid or expired (they last 24 hours)', fix: 'Call b2_authorize_account again and use the new token.' }),
    rule('insufficient-permissions', 0.92, body(B2_NOT_ENTITLED), {
      why: 'B2 knows the application key but it does not allow this call: a capability is missing (writeFiles, deleteFiles, listBuckets…), or the key is restricted to another bucket or file-name prefix',
      fix: 'Create an application key with the capabilities the tool needs (listBuckets too, for tools that check the bucket first) for this bucket, without a name prefix unless the tool stays inside it.',
    }),
    rule('insufficient-permissions', 0.85, body(/"code"\s*:\s*"(unauthorized|access_denied)"/), { why: 'the application key lacks the capability or bucket/prefix restriction for this call' }),
    rule('account-or-plan-restriction', 0.92, any(body(/"code"\s*:\s*"(\w+_)?cap_exceeded"/), body(/\bdownload bandwidth or transaction \(Class B\) cap exceeded\b/)), { why: 'a B2 usage cap (storage, download or transactions) set on the account was reached', fix: 'Raise the caps in the B2 account settings.' }),
    ...S3_RULES,
  ],
});

/** aliyun-oss-go-sdk's ServiceError text: `oss: service returned error: StatusCode=403, ErrorCode=…, ErrorMessage="…"`. */
const OSS_GO_SDK = /oss: service returned error: StatusCode=\d{3}, ErrorCode=(\w+)/;
const ossCode = (codes: string): Matcher => any(code(codes), bodyGroup(new RegExp(`ErrorCode=(${codes})\\b`), 0));

export const alibabaOss = defineProducer({
  id: 'alibaba-oss', kind: 'cloud-storage', name: 'Alibaba Cloud OSS', family: 'alibaba',
  // OSS answers in S3's envelope; its <HostId>/<Endpoint> name the aliyuncs.com endpoint
  own: [hdr('x-oss-request-id'), hdr('server', /^AliyunOSS$/i), all(body(/<Code>\w+<\/Code>/), body(/<(HostId|Endpoint)>[^<]*\baliyuncs\.com<\//))],
  // pasted without headers and with the host masked: OSS's own messages, or its Go SDK's error line
  bodyOnly: [
    all(body(S3_ERROR), body(/<Message>\s*You have no right to access this object because of bucket acl\.\s*<\/Message>/)),
    // the same sentence alone, as a message (help.aliyun.com OSS 403 AccessDenied troubleshooting, corpus alibaba-oss/)
    body(/You have no right to access this object because of bucket acl\./),
    // the envelope as an SDK prints it (a dict): its HostId or Endpoint on aliyuncs.com
    body(/['"](HostId|Endpoint)['"]\s*:\s*['"][^'"]*\baliyuncs\.com/),
    body(OSS_GO_SDK),
  ],
  presence: [hdr('x-oss-server-time'), hdr('eagleid')],
  causes: [
    rule('insufficient-permissions', 0.72, body(/You have no right to access this object because of bucket acl\./), {
      why: 'OSS refused the object because of the bucket ACL: the bucket is private and the request was not signed by an account or RAM user allowed to read or write it',
      fix: 'Sign the request with an AccessKey whose RAM policy allows the oss: action on this bucket (or grant it in the bucket policy); anonymous access needs a public-read ACL.',
    }),
    rule('resource-policy-deny', 0.6, body(/You have no right to access this object because of bucket acl\./), { why: 'the bucket\'s ACL or bucket policy is what denies this caller' }),
    rule('signature-or-clock-skew', 0.93, ossCode('SignatureDoesNotMatch'), {
      why: 'OSS computed another signature: wrong AccessKey secret, or a header, path or content type changed after signing',
      fix: 'Check the AccessKey secret and the endpoint/region, and that the signed headers and Content-Type are sent exactly as signed.',
    }),
    rule('invalid-credentials', 0.93, ossCode('InvalidAccessKeyId'), { why: 'the AccessKey id does not exist or is disabled in this account' }),
    ...S3_RULES,
  ],
  checklist: {
    auth: 'Check the RAM user\'s policy (oss:GetObject / oss:PutObject on acs:oss:*:*:<bucket>/*) and STS token expiry.',
    server: 'Check the bucket ACL and bucket policy; the <EC> code in newer errors links to Alibaba\'s troubleshooting page.',
  },
});

/** Alibaba Cloud's RPC APIs (ECS, DNS, RAM…): dotted codes like Forbidden.RAM beside an aliyuncs.com HostId, or its SDKs' error lines. */
const ALIYUN_SDK = /\bAliyun API Error: RequestId: |\bAliyun\.Acs\.Core\.Exceptions\.\w+Exception\b|\baliyunsdkcore\.acs_exception\b|\bSDK\.ServerError\s+ErrorCode: |(next\.)?api\.aliyun\.com\/troubleshoot\?q=|error-center\.aliyun\.com\/status\//;
const ALIYUN_RPC = /["'](HostId)["']\s*:\s*["'](?![^"']*\boss-)[\w.-]+\.aliyuncs\.com["']/;
const ALIYUN_NO_RAM = /\bForbidden\.RAM\b|User not authorized to operate on the specified resource|\bForbidden\.NoPermission\b/;
const ALIYUN_BAD_KEY = /\bInvalidAccessKeyId(\.NotFound|\.Inactive)?\b[^\n]{0,80}Specified access key is (not found|disabled)|Specified access key is not found/;

export const alibabaCloud = defineProducer({
  id: 'alibaba-cloud', kind: 'saas-api', name: 'Alibaba Cloud API', family: 'alibaba', overrides: ['alibaba-oss'],
  bodyOnly: [body(ALIYUN_SDK), body(ALIYUN_RPC)],
  causes: [
    rule('insufficient-permissions', 0.9, body(ALIYUN_NO_RAM), {
      blocks: true, why: 'the RAM user or role behind the AccessKey has no policy allowing this action on the resource (Forbidden.RAM; the same code when an API does not take RAM users)',
      fix: 'Attach a RAM policy with the action (e.g. AliyunDNSFullAccess for DNS records) to the RAM user, or call with an account that has it.',
    }),
    rule('invalid-credentials', 0.93, body(ALIYUN_BAD_KEY), {
      blocks: true, why: 'Alibaba Cloud does not know this AccessKey ID (deleted, disabled, of another account, or copied with a space or line break) — sent even with 404',
      fix: 'Copy the AccessKey ID and secret again from the RAM console without spaces, and check the key is enabled.',
    }),
    rule('signature-or-clock-skew', 0.92, body(/\bSignatureDoesNotMatch\b|Specified signature (is not matched with|does not match) our calculation|\bInvalidTimeStamp\.Expired\b|\bSignatureNonceUsed\b/), {
      blocks: true, why: 'Alibaba Cloud computed another signature: a wrong AccessKey secret, a changed parameter, or a clock off by more than 15 minutes',
      fix: 'Check the AccessKey secret (no trailing space), sign the parameters exactly as sent, and sync the clock.',
    }),
    rule('account-or-plan-restriction', 0.88, body(/\bForbidden\.RiskControl\b|forbidden by Aliyun RiskControl system/), { blocks: true, why: 'Alibaba Cloud\'s risk control stopped the account until it is verified (real-name or payment check)' }),
    rule('rate-limited', 0.9, body(/\bThrottling(\.User|\.Api)?\b|Request was denied due to (user )?flow control/), { blocks: true, why: 'the API\'s flow control (per-user or per-API QPS) throttled the call' }),
  ],
  checklist: { auth: 'Check the AccessKey belongs to the account or RAM user you expect and that its RAM policies cover the action.' },
});
