// Precision of the fourth registry round for services (issue 11): registries, cloud APIs and SaaS vendors
// are named by their own words; the envelopes and sentences they share with others name nobody, or the
// layer that really writes them.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';


const CASES: ProducerCase[] = [
  ['a plain OCI registry refusal stays the generic registry', 403, '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}', 'docker-registry'],
  ['a bare permission_denied is nobody\'s', 403, 'permission_denied', null],
  ['GitHub Packages\' reason names ghcr.io', 403, 'denied: permission_denied: write_package', 'github-container-registry'],
  ['the same reason from GitHub Packages\' npm registry is not ghcr.io', 403, 'npm ERR! 403 403 Forbidden - PUT https://npm.pkg.github.com/@org%2fpkg - Permission permission_denied: write_package', null],
  ['ACR\'s own link names ACR over the registry envelope', 401, '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required, visit https://aka.ms/acr/authorization for more information."}]}', 'azure-container-registry'],
  ['DigitalOcean\'s sentence alone is anyone\'s', 401, 'Unable to authenticate you.', null],
  ['Heroku\'s own sentence in the shared {id,message} shape stays Heroku', 401, '{"id":"unauthorized","message":"Invalid credentials provided."}', 'heroku'],
  ['an OSS endpoint in the HostId stays OSS', 403, "{'Code': 'AccessDenied', 'HostId': 'bucket.oss-cn-hangzhou.aliyuncs.com', 'Message': 'You have no right to access this object.'}", 'alibaba-oss'],
  ['a non-OSS aliyuncs.com HostId is the Alibaba Cloud API', 403, '{"HostId":"ecs.aliyuncs.com","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource."}', 'alibaba-cloud'],
  ['the word OAuthException alone is not Meta', 400, '{"error":"OAuthException"}', null],
  ['Twitter\'s own code stays Twitter', 401, '{"errors":[{"code":89,"message":"Invalid or expired token."}]}', 'twitter-api'],
  ['an errors[] envelope with another code is not Twitter', 400, '{"errors":[{"code":1001,"message":"Bad request"}]}', null],
  ['BigQuery\'s access sentence needs one of its permissions', 403, 'Access Denied: Project my-project', null],
  ['IAM\'s sentence with an s3: action names S3', 403, 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/k"', 'aws-s3'],
  ['IAM\'s sentence with another action names the AWS service API', 403, 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-west-1:123456789012:q', 'aws-services'],
  ['"Invalid access token." alone is not Databricks', 403, 'Invalid access token.', null],
  ['Key Vault\'s firewall sentence names Key Vault', 403, 'Client address is not authorized and caller is not a trusted service. Client address: 203.0.113.7', 'azure-key-vault'],
  ['"Caller is not authorized to perform action on resource." alone is not Key Vault', 403, 'Caller is not authorized to perform action on resource.', null],
  ['FastAPI\'s bare {"detail":"Unauthorized"} is not Mistral', 401, '{"detail":"Unauthorized"}', null],
  ['beside Mistral\'s API host it is Mistral\'s', 401, 'POST https://api.mistral.ai/v1/chat/completions: {"detail":"Unauthorized"}', 'mistral-api'],
];

describe('explain: the fourth round\'s services need their own words', () => {
  itNamesProducers(CASES);

  it('a Snowflake host in an ordinary log line is not a refusal', () => {
    const got = explain({ status: 200, headers: {}, body: 'Connected to xy12345.eu-west-1.snowflakecomputing.com:443 as ANALYST' });
    expect(got.blocked).toBe(false);
    expect(got.producer).toBeNull();
  });

  it('an SDK line for a missing object stays benign', () => {
    const got = explain({ status: 404, headers: {}, body: 'botocore.errorfactory.ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can\'t find the specified secret.' });
    expect(got.blocked).toBe(false);
  });
});
