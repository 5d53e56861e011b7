// Precision (issue 11, round 6, tuner U — the big clouds as SDKs and CLIs print them): the new
// service names and causes fire on their vendors' own sentences only; ordinary errors printed the
// same way (a NotFound, a conflict, a validation error) are named at most, never flagged.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const blockedOf = (status: number, body: string) => explain({ status, headers: {}, body }).blocked;

describe('explain: Azure Cosmos DB (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['Azure Policy denying a Cosmos DB account (its type in the details) stays ARM', 403,
      '{"error":{"code":"RequestDisallowedByPolicy","target":"cosmosdb1","message":"Resource \'cosmosdb1\' was disallowed by policy. Reasons: \'Local authentication methods are not allowed.\'.","additionalInfo":[{"type":"PolicyViolation","info":{"expressionValue":"Microsoft.DocumentDB/databaseAccounts"}}]}}',
      'azure-resource-manager'],
    ['a bare "Request is blocked." names nobody', 403, 'Request is blocked. Please try again later.', null],
    ['another service\'s firewall sentence names nobody', 403, 'Request originated from IP 10.0.0.1 which is blocked by the firewall settings.', null],
  ];
  itNamesProducers(cases);

  it('a Cosmos DB NotFound or Conflict printed by its SDKs is not a refusal', () => {
    const notFound = 'Microsoft.Azure.Cosmos.CosmosException : Response status code does not indicate success: NotFound (404); Substatus: 0; ActivityId: 1; Reason: (Entity with the specified id does not exist in the system. ActivityId: 1, Microsoft.Azure.Documents.Common/2.14.0, Windows/10.0 cosmos-netstandard-sdk/3.31.5);';
    const conflict = 'azure.cosmos.exceptions.CosmosResourceExistsError: (Conflict) Entity with the specified id already exists in the system.\nActivityId: 1, Microsoft.Azure.Documents.Common/2.14.0';
    expect(blockedOf(404, notFound)).toBe(false);
    expect(blockedOf(409, conflict)).toBe(false);
  });
});

describe('explain: AWS STS federated refusals (round 6, tuner U)', () => {
  const assumeRole = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deploy';
  const cases: ProducerCase[] = [
    ['IAM\'s principal sentence for sts:AssumeRole (with its colon) stays a missing permission of STS', 403, assumeRole, 'aws-sts'],
    ['another provider\'s "no OpenID Connect provider" wording names nobody', 400, 'error: no OpenID Connect provider configured for this realm', null],
  ];
  itNamesProducers(cases);

  it('the principal sentence still reads as a missing permission, the federated one as the trust policy', () => {
    const assume = explain({ status: 403, headers: {}, body: assumeRole });
    expect(assume.cause).toBe('insufficient-permissions');
    const federated = explain({ status: 403, headers: {}, body: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity' });
    expect(federated.cause).toBe('resource-policy-deny');
  });
});

describe('explain: Google API words printed by clients and gcloud (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    // The bare quota sentence is not OpenAI's alone: W&B Inference answers its 402/429 with exactly it
    // (docs.wandb.ai/support/inference/articles/api-error-code-402-you-exceeded-your-cur), Gemini's OpenAI-compatible endpoint
    // and Alibaba Model Studio copy it (google-apis/gemini-quota-*, alibaba-model-studio/token-limit-*): alone it names nobody;
    // with OpenAI's own marks (platform.openai.com, openai.error.*) it stays OpenAI's (cases below)
    ['OpenAI\'s quota sentence alone names nobody (W&B, Gemini, Alibaba send it too)', 429, 'You exceeded your current quota, please check your plan and billing details.', null],
    ['the quota sentence with OpenAI\'s docs URL names OpenAI', 429, 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'openai-api'],
    ['the quota sentence beside the v0 SDK\'s exception class names OpenAI', 429, 'openai.error.RateLimitError: You exceeded your current quota, please check your plan and billing details.', 'openai-api'],
    ['the same sentence with the Gemini API\'s rate-limits page names Google', 429,
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', 'google-apis'],
    ['another system\'s "Required \'admin\' permission" names nobody', 403, "Required 'admin' permission for 'repo/settings'", null],
    ['another vendor\'s suspended consumer wording names nobody', 403, 'Consumer key has been suspended.', null],
    ['a project-name sentence without Google\'s "before or it is disabled" names nobody', 403, 'This API has not been used in project alpha yet.', null],
  ];
  itNamesProducers(cases);

  it('the bare quota sentence, naming nobody, still reads as the plan or billing stop it is', () => {
    const got = explain({ status: 429, headers: {}, body: 'You exceeded your current quota, please check your plan and billing details.' });
    expect(got.producer).toBeNull();
    expect(got.cause).toBe('account-or-plan-restriction');
  });

  it('gcloud\'s "Some requests did not succeed" with a not-found bullet is no refusal', () => {
    const body = "ERROR: (gcloud.compute.instances.describe) Could not fetch resource:\n - The resource 'projects/p/zones/us-central1-a/instances/vm1' was not found";
    expect(blockedOf(404, body)).toBe(false);
  });
});

describe('explain: Amazon Bedrock model access (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['a generic "no access to this model" sentence names nobody', 403, 'You don\'t have access to this model.', null],
    ['another vendor\'s Marketplace wording names nobody', 403, 'Your marketplace subscription could not be completed.', null],
  ];
  itNamesProducers(cases);

  it('Bedrock\'s validation and not-found errors printed by botocore are not refusals', () => {
    expect(blockedOf(400, 'botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the InvokeModel operation: The provided model identifier is invalid.')).toBe(false);
    expect(blockedOf(404, 'botocore.errorfactory.ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the InvokeModel operation: Could not resolve the foundation model from the provided model identifier.')).toBe(false);
  });
});

describe('explain: Azure Service Bus / Event Hubs and EC2 AuthFailure (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['a bare "Unauthorized access." names nobody', 401, 'System.UnauthorizedAccessException: Unauthorized access.', null],
    ['another broker\'s claims wording names nobody', 403, 'Access denied: the token is missing the required claims to perform this operation.', null],
    ['another cloud\'s "could not validate credentials" names nobody', 401, 'Could not validate the provided credentials.', null],
  ];
  itNamesProducers(cases);

  it('a Service Bus entity that does not exist is named but not flagged', () => {
    const body = "The messaging entity 'sb://ns1.servicebus.windows.net/orders' could not be found. TrackingId:0c3f2a1b-1111-4d9e-9a55-2f2d6b1c0e77_G3, SystemTracker:ns1.servicebus.windows.net:orders, Timestamp:2024-01-01T00:00:00";
    expect(explain({ status: 404, headers: {}, body }).producer?.id).toBe('azure-service-bus');
    expect(blockedOf(404, body)).toBe(false);
  });
});

describe('explain: ARM linked authorization and management locks (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['another system\'s lock wording names nobody', 409, 'Cannot perform write operation: the record is locked by another user.', null],
    ['a permission sentence without the linked scope names nobody', 403, "The user has permission to perform action 'read' on scope 'project'.", null],
  ];
  itNamesProducers(cases);
});

describe('explain: Firebase Admin token checks and Lambda function URLs (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['another library\'s expired ID token names nobody', 401, 'Error: ID token has expired at: 1634752738', null],
    ['a bare {"Message":"Forbidden"} is not a function URL', 403, '{"Message":"Forbidden"}', null],
  ];
  itNamesProducers(cases);
});

describe('explain: Google Cloud Java clients\' GAX exceptions (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['another cloud\'s plain gRPC PERMISSION_DENIED names nobody', 403,
      'io.grpc.StatusRuntimeException: PERMISSION_DENIED: Permission denied\n\tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:240)', null],
  ];
  itNamesProducers(cases);

  it('a GAX NotFoundException is named but not flagged', () => {
    const body = 'com.google.api.gax.rpc.NotFoundException: io.grpc.StatusRuntimeException: NOT_FOUND: Requested entity was not found.';
    expect(blockedOf(404, body)).toBe(false);
  });
});

describe('explain: Key Vault AKV10032 (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['another issuer check without Key Vault\'s code names nobody', 401, 'Invalid issuer. Expected one of https://issuer.example/, found https://other.example/.', null],
  ];
  itNamesProducers(cases);
});

describe('explain: API Gateway Cognito authorizer expiry (round 6, tuner U)', () => {
  const cases: ProducerCase[] = [
    ['another API\'s expired-token message names nobody', 401, '{"message":"The token has expired"}', null],
  ];
  itNamesProducers(cases);
});
