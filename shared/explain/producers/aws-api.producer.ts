import type { Matcher } from '../match';
import { all, any, body, bodyGroup, hdr, not, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule, Ctx } from '../types';
import { defineProducer } from './define';
import { NOT_AWS_SERVER } from './s3-compatible.producer';

/**
 * The error code as a header, in the JSON "__type", or as AWS's SDKs print it: botocore "An error occurred (Code)",
 * Go v2 "api error Code:", Java "Error Code: Code;", or a "Code: message" line (JS, .NET, Go v1).
 */
const errType = (re: RegExp): Matcher => {
  const code = re.source.replace(/^\^/, '');
  return any(hdr('x-amzn-errortype', re), bodyGroup(new RegExp(`"__type"\\s*:\\s*"(?:[\\w.#]*#)?(${code})`, 'i'), 1),
    bodyGroup(new RegExp(`(?:An error occurred \\(|\\bapi error |\\bError Code: |^|[\\s.:])(${code})(?:\\)|:|;)`, 'm'), 1));
};
const xmlCode = (codes: string): Matcher => bodyGroup(new RegExp(`<Code>(${codes})</Code>`), 0);

/** API Gateway's Cognito user pool authorizer refusing an expired ID or access token, in its lower-case {"message"} envelope. */
const APIGW_TOKEN_EXPIRED = /"message"\s*:\s*"The incoming token has expired"/;
/** EC2's (and the query APIs') AuthFailure sentence: an access key or signature it could not validate. */
/** Lambda function URLs' own refusal, pointing at their auth docs: the resource policy (or SigV4 for AWS_IAM) did not let the call in. */
const LAMBDA_URL_FORBIDDEN = /Forbidden\. For troubleshooting Function URL authorization issues, see: https:\/\/docs\.aws\.amazon\.com\/lambda\/latest\/dg\/urls-auth\.html/;
export const EC2_AUTH_FAILURE = /AWS was not able to validate the provided access credentials/;

/** AWS's SigV4 parser refusing an Authorization header that is not SigV4 (a Bearer token, an API key), older and newer wording. */
const SIGV4_PARSE = /(Invalid key=value pair|'[^'\n]*' not a valid key=value pair) \(missing equal-sign\) in Authorization header|Authorization header requires '(Credential|Signature|SignedHeaders)' parameter/;

/** AWS machine-readable error types (x-amzn-errortype, "__type", XML <Code>), shared by AWS JSON and query APIs. */
export const AWS_ERROR_RULES: CauseRule[] = [
  rule('signature-or-clock-skew', 0.95, body(/Signature expired: \d+T\d+Z is now earlier than|Signature not yet current/i), {
    why: 'AWS says the SigV4 signature expired: the client clock is off by more than 5 minutes or the request was replayed late',
    fix: 'Sync the clock (NTP) and sign each request right before sending it.',
  }),
  rule('signature-or-clock-skew', 0.93, any(errType(/^InvalidSignatureException/), xmlCode('SignatureDoesNotMatch'), body(/The request signature we calculated does not match the signature you provided/i)), {
    blocks: true, why: 'AWS computed a different SigV4 signature: wrong secret key, region or service name, or a header/path/body changed after signing',
    fix: 'Check the secret access key, region and service used to sign, and that the signed headers, path encoding and body are sent unchanged.',
  }),
  rule('invalid-credentials', 0.93, any(errType(/^UnrecognizedClientException/), xmlCode('InvalidClientTokenId'), body(/The security token included in the request is invalid/i)), {
    blocks: true, why: 'AWS does not recognise the access key / security token (UnrecognizedClientException / InvalidClientTokenId): wrong, deleted or for another partition or region',
    fix: 'Use a current access key of this account (aws sts get-caller-identity), and include the session token when using temporary credentials.',
  }),
  rule('invalid-credentials', 0.92, any(errType(/^AuthFailure/), body(EC2_AUTH_FAILURE)), {
    blocks: true, why: 'EC2 could not validate the access key and signature (AuthFailure): a deleted, inactive or mistyped key, a secret that does not belong to it, a session token missing beside temporary keys, or a clock far off',
    fix: 'Check which credentials the client uses (aws sts get-caller-identity, aws configure list), that the key is Active in IAM, include the session token for temporary keys, and sync the clock.',
  }),
  rule('invalid-credentials', 0.95, any(errType(/^ExpiredTokenException/), xmlCode('ExpiredToken'), body(/The security token included in the request is expired/i)), {
    blocks: true, why: 'the temporary AWS credentials (session token) expired', fix: 'Refresh the session (aws sso login / assume the role again) and retry.',
  }),
  // Cognito sends a disabled user's sign-in as NotAuthorizedException too: an admin disabled the account
  rule('account-or-plan-restriction', 0.93, all(errType(/^NotAuthorizedException/), body(/\bUser is disabled\b/)), {
    blocks: true, why: 'Amazon Cognito refuses the sign-in because an administrator disabled this user (NotAuthorizedException: User is disabled)',
    fix: 'Re-enable the user in the user pool (admin-enable-user) if the account should have access.',
  }),
  rule('invalid-credentials', 0.9, all(errType(/^NotAuthorizedException/), not(body(/\bUser is disabled\b/))), { blocks: true, why: 'Amazon Cognito rejected the token or password (NotAuthorizedException)' }),
  rule('invalid-credentials', 0.72, any(errType(/^IncompleteSignatureException/), body(SIGV4_PARSE)), {
    why: 'the Authorization header is not a valid SigV4 header (IncompleteSignatureException) — typical of a Bearer token or API key sent to an IAM-authorised route',
    fix: 'If the route should take a token, attach the authorizer (Cognito, JWT, Lambda) to this method and redeploy the stage; if it uses IAM auth, sign the request with SigV4 instead of sending a Bearer token.',
  }),
  // API Gateway treats a method, resource or stage that does not exist as IAM-authorised, so a Bearer token sent there fails the same parser
  rule('method-or-path-blocked', 0.6, body(SIGV4_PARSE), {
    why: 'API Gateway answers a path, method or stage that does not exist as if it were IAM-authorised: with an Authorization header it tries to parse SigV4 and fails (without one it says "Missing Authentication Token")',
    fix: 'Check the URL includes the stage (/prod/…), the resource and method exist and the stage was redeployed.',
  }),
  rule('resource-policy-deny', 0.93, body(/with an explicit deny in an? (resource-based|identity-based|service control|session|permissions boundary) policy|because no resource-based policy allows/i), {
    blocks: true, why: 'AWS names the policy type that denied the call (explicit deny / no resource-based policy allows)',
  }),
  rule('resource-policy-deny', 0.95, body(/User: anonymous is not authorized to perform: execute-api:Invoke/i), {
    why: 'the API Gateway resource policy does not allow anonymous callers (or callers from this IP/VPC) to invoke the API',
    fix: 'Update the API resource policy (source IP / VPC endpoint conditions) and redeploy the stage.',
  }),
  rule('insufficient-permissions', 0.92, body(/because no identity-based policy allows the [\w:*-]+ action/i), { blocks: true, why: 'no IAM identity-based policy of the caller allows this action' }),
  rule('insufficient-permissions', 0.88, any(errType(/^(AccessDenied(Exception)?|UnauthorizedOperation)/), xmlCode('AccessDenied|AccessDeniedException'), body(/is not authorized to perform: [\w-]+:\w+/i)), {
    blocks: true, why: 'AWS IAM denied the action for this principal (AccessDenied): the identity lacks the permission, or a policy denies it',
    fix: 'Grant the action named in the message to the calling principal (or check SCPs, permission boundaries and resource policies).',
  }),
  rule('insufficient-permissions', 0.8, body(/User is not authorized to access this resource(?! with an explicit deny)/i), { why: 'the API Gateway authorizer (Lambda/Cognito) did not allow this caller on this resource' }),
  rule('insufficient-permissions', 0.72, body(/User is not authorized to access this resource with an explicit deny/i), { why: 'the Lambda authorizer policy or the API resource policy explicitly denies this caller' }),
  rule('resource-policy-deny', 0.68, body(/User is not authorized to access this resource with an explicit deny/i)),
  rule('rate-limited', 0.93, any(errType(/^(ThrottlingException|TooManyRequestsException|LimitExceededException|ProvisionedThroughputExceededException|RequestLimitExceeded)/), xmlCode('Throttling|ThrottlingException|RequestLimitExceeded|SlowDown'), body(/"message"\s*:\s*"(Limit Exceeded|Too Many Requests|Rate exceeded)"/i)), {
    why: 'AWS throttled the call (throttling / usage-plan limit exceeded)', blocks: true,
  }),
  rule('account-or-plan-restriction', 0.92, any(errType(/^(SubscriptionRequiredException|OptInRequired|AccountBlocked)/), xmlCode('OptInRequired|RegionDisabledException|NotSignedUp|AccountProblem')), {
    why: 'the AWS account is not subscribed/opted in to this service or region', blocks: true,
  }),
  rule('method-or-path-blocked', 0.62, any(errType(/^MissingAuthenticationTokenException/), body(/"message"\s*:\s*"Missing Authentication Token"/i)), {
    why: 'API Gateway answers "Missing Authentication Token" when no route matches the method and path (wrong path, stage or method) — or when an IAM-authorised route got no SigV4 signature',
    fix: 'Check the URL includes the stage (/prod/…), the resource and method exist and are deployed; if the route uses IAM auth, sign the request with SigV4.',
  }),
  rule('missing-credentials', 0.56, any(errType(/^MissingAuthenticationTokenException/), xmlCode('MissingAuthenticationToken'))),
  rule('invalid-credentials', 0.6, all(status(401), any(errType(/^UnauthorizedException/), body(/^\s*\{\s*"message"\s*:\s*"Unauthorized"\s*\}\s*$/))), {
    why: 'the API Gateway authorizer (Cognito/JWT/Lambda) rejected the token, or none was sent',
  }),
  rule('missing-credentials', 0.5, all(status(401), any(errType(/^UnauthorizedException/), body(/^\s*\{\s*"message"\s*:\s*"Unauthorized"\s*\}\s*$/)))),
  rule('missing-credentials', 0.5, all(status(403), any(errType(/^ForbiddenException/), body(/^\s*\{\s*"message"\s*:\s*"Forbidden"\s*\}\s*$/))), {
    why: 'API Gateway\'s bare "Forbidden": most often an API key is required and missing/invalid (x-api-key), or a private API was called from outside its VPC endpoint, or AWS WAF blocked it',
    fix: 'Send the usage-plan API key in x-api-key, check the key is in a usage plan for this stage, and for private APIs call through the VPC endpoint.',
  }),
  rule('invalid-credentials', 0.42, all(status(403), any(errType(/^ForbiddenException/), body(/^\s*\{\s*"message"\s*:\s*"Forbidden"\s*\}\s*$/)))),
  rule('resource-policy-deny', 0.38, all(status(403), any(errType(/^ForbiddenException/), body(/^\s*\{\s*"message"\s*:\s*"Forbidden"\s*\}\s*$/)))),
  rule('method-or-path-blocked', 0.3, all(status(403), any(errType(/^ForbiddenException/), body(/^\s*\{\s*"message"\s*:\s*"Forbidden"\s*\}\s*$/)))),
];

const AWS_CHECKLIST = {
  auth: 'Run `aws sts get-caller-identity` with the same credentials; check the principal\'s IAM policies for the action.',
  server: 'Check the resource policy, SCPs and permission boundaries for an explicit Deny.',
};

export const awsApiGateway = defineProducer({
  id: 'aws-api-gateway', kind: 'gateway', name: 'Amazon API Gateway', family: 'aws',
  own: [hdr('x-amz-apigw-id'), hdr('x-amzn-errortype', /^(ForbiddenException|MissingAuthenticationTokenException|UnauthorizedException|LimitExceededException)/),
    all(any(hdr('x-amzn-requestid'), hdr('x-amz-cf-id')), body(/^\s*\{\s*"message"\s*:\s*"(Forbidden|Missing Authentication Token|Unauthorized|Limit Exceeded|Too Many Requests|User is not authorized to access this resource[^"]*|User: anonymous is not authorized[^"]*)"\s*\}\s*$/))],
  // the resource-policy sentence names API Gateway's own action and ARN family; so does its lower-case
  // {"message": …} envelope for a route that does not exist or its 29 s integration timeout (AWS
  // services spell it MissingAuthenticationTokenException or "Message"), as JSON, quoted or not, or
  // as Node's inspect printed it
  bodyOnly: [body(/is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:/),
    body(/^\s*["'`]?\{\s*("message"|message)\s*:\s*["'](Missing Authentication Token|Endpoint request timed out)["']\s*\}["'`]?\s*$/),
    // the same one-field envelope inside a log line, and a Lambda authorizer's Deny in its words (docs.aws.amazon.com/apigateway/
    // latest/developerguide/supported-gateway-response-types.html: MISSING_AUTHENTICATION_TOKEN, AUTHORIZER_FAILURE / ACCESS_DENIED;
    // corpus aws-api-gateway/)
    body(/\{\s*("message"|message)\s*:\s*["']Missing Authentication Token["']\s*\}/), body(/\bUser is not authorized to access this resource with an explicit deny\b/),
    // its SigV4 parser's sentence in its lower-case {"message": …} envelope: a Bearer token met an IAM-authorised or missing route
    body(new RegExp(`^\\s*\\{\\s*"message"\\s*:\\s*"(${SIGV4_PARSE.source})`)), body(APIGW_TOKEN_EXPIRED)],
  presence: [hdr('x-amzn-requestid'), hdr('x-amzn-trace-id')],
  causes: [
    rule('invalid-credentials', 0.9, body(APIGW_TOKEN_EXPIRED), {
      blocks: true, why: 'the method\'s Cognito user pool authorizer refused the token in the Authorization header because it expired (ID and access tokens last an hour by default): the client sent a cached token without refreshing it',
      fix: 'Refresh the session (Amplify Auth.currentSession() / fetchAuthSession(), or the refresh token grant) right before each call and send the new ID or access token.',
    }),
    ...AWS_ERROR_RULES,
  ],
  checklist: {
    auth: 'Check the API key required flag on the method, the usage plan the key belongs to, and the authorizer (IAM / Cognito / Lambda) configured on the method.',
    server: 'Check the API resource policy (source IP / VPC endpoint conditions) and that the stage was redeployed after changes.',
    gateway: 'Check the path includes the stage, the method exists, and the usage plan quota/throttle for this key.',
    logging: 'Enable execution logging on the stage and find the request by x-amzn-RequestId.',
  },
});

/**
 * AWS's SDK error lines: botocore's "An error occurred (Code) when calling the Op operation", Go v2's
 * "operation error Service: Op, https response error StatusCode:", Java's "(Service: X; Status Code: N; Error Code: C",
 * (or its line cut after the error code, as Amplify shows it), .NET's Amazon.<Service>.Amazon<Service>Exception, Go v1's "status code: N, request id:" line (S3's adds a host id);
 * and IAM's refusal sentence naming a principal ARN.
 */
const AWS_SDK_LINE = /An error occurred \(\w+\)( on request \(\w+\)[^\n]{0,80})? when calling the \w+ operation|\boperation error [\w ]+: \w+, https response error StatusCode: \d{3}|\(Service: [\w ]+[;,] Status Code: \d{3}[;,] (Error Code: \w+[;,] )?Request ID:|\(Service: [\w ]+; Status Code: \d{3}; Error Code: \w+;\)|\bAmazon\.\w+\.Amazon\w+Exception\b|\n\s*status code: \d{3}, request id: [\w-]+(?!, host id)/;
const AWS_IAM_DENIAL = /\bUser: arn:aws[\w-]*:(iam|sts)::[\d*]*:\S+ is not authorized to perform: [\w-]+:\w+/;
/**
 * More SDKs' printed errors: the JS SDK v3's error object ("$fault" beside "$metadata": {httpStatusCode…}), the JS SDK
 * v2's (its node_modules/aws-sdk/lib frames, or Node's inspect of code, time and requestId), and the .NET SDK's inner
 * Amazon.Runtime.Internal.HttpErrorResponseException; S3's own (client-s3, services/s3.js, Amazon.S3) are left to S3.
 */
const AWS_SDK_OBJECT = /["']?\$fault["']?\s*:\s*["'](client|server)["'][\s\S]{0,40}["']?\$metadata["']?\s*:\s*\{|\bnode_modules[\\/]aws-sdk[\\/]lib[\\/]|\bcode: '\w+',\s+time: \d{4}-\d\d-\d\dT[\d:.]+Z,\s+requestId: '|\bAmazon\.Runtime\.Internal\.HttpErrorResponseException\b/;
const S3_SDK = /@aws-sdk[\\/]client-s3|aws-sdk[\\/]lib[\\/]services[\\/]s3\.js|\bAmazon\.S3\.|\bs3[\w.-]*\.amazonaws\.com|<BucketName>/;
/** The query protocol's XML error (SQS, SNS, EC2, Route 53, ELB…: its service's /doc/<version>/ namespace); STS and IAM name themselves. */
const AWS_QUERY_XML = /<ErrorResponse xmlns="https?:\/\/[\w.-]+\.amazonaws\.com\/doc\/\d{4}-\d\d-\d\d\/">/;
/** SQS's own refusal sentence, for a queue URL (sqs.<region> or the older <region>.queue host). */
const SQS_DENIED = /Access to the resource https:\/\/(sqs\.[\w-]+|[\w-]+\.queue)\.amazonaws\.com\/\S* is denied\./;
/** Amazon Bedrock's own model-access refusals: the model is not enabled for the account, or its Marketplace subscription failed. */
const BEDROCK_NO_MODEL_ACCESS = /You don't have access to the model with the specified model ID/;
const BEDROCK_MARKETPLACE = /Model access is denied due to (IAM user or service role is not authorized to perform the required AWS Marketplace actions|User: arn:aws[\w-]*:\S+ is not authorized to perform: aws-marketplace:)|Model access is denied due to IAM user or service role is not authorized\b|Your AWS Marketplace subscription for this model cannot be completed at this time/;

export const awsServices = defineProducer({
  id: 'aws-services', kind: 'saas-api', name: 'AWS service API', family: 'aws',
  own: [hdr('x-amzn-errortype'), body(/"__type"\s*:\s*"[\w.#]*(Exception|Error)"/)],
  // pasted without headers: an SDK's error line or IAM's sentence (S3, STS, ECR and API Gateway name themselves first);
  // an SDK line beside another server's endpoint or ids (Ceph, R2, MinIO behind the S3 API) names nobody
  bodyOnly: [all(body(AWS_SDK_LINE), not(body(NOT_AWS_SERVER))), body(AWS_IAM_DENIAL),
    all(body(AWS_SDK_OBJECT), not(body(NOT_AWS_SERVER)), not(body(S3_SDK))), body(AWS_QUERY_XML), body(SQS_DENIED),
    body(BEDROCK_NO_MODEL_ACCESS), body(BEDROCK_MARKETPLACE), body(EC2_AUTH_FAILURE), body(LAMBDA_URL_FORBIDDEN),
    // Lambda's TooManyRequestsException reasons, its own identifiers (docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, corpus aws-services/)
    body(/\b(ReservedFunctionConcurrentInvocationLimitExceeded|ReservedFunctionInvocationRateLimitExceeded|ConcurrentInvocationLimitExceeded|FunctionInvocationRateLimitExceeded|ConcurrentSnapStartInvocationLimitExceeded)\b/)],
  presence: [hdr('x-amzn-requestid'), hdr('x-amz-request-id', /^[A-Z0-9]{16,}$/)],
  causes: [
    rule('insufficient-permissions', 0.88, body(SQS_DENIED), {
      blocks: true, why: 'SQS refused the action on this queue for the calling identity: its IAM policy has no sqs:<Action> (SendMessage, ReceiveMessage, CreateQueue…) for the queue, or the queue\'s access policy (or a KMS key policy of an encrypted queue) does not let it in',
      fix: 'Grant the sqs: action on the queue ARN to the calling role (aws sts get-caller-identity names it) or allow it in the queue policy; for an SSE-KMS queue also allow kms:GenerateDataKey/Decrypt on its key.',
    }),
    rule('resource-policy-deny', 0.9, body(LAMBDA_URL_FORBIDDEN), {
      blocks: true, why: 'the Lambda function URL refused the call before the function ran: its resource-based policy does not allow this caller — since October 2025 a public URL (auth type NONE) needs both lambda:InvokeFunctionUrl and lambda:InvokeFunction for "*" — or, with auth type AWS_IAM, the request was not SigV4-signed by an allowed principal',
      fix: 'Add both permission statements to the function (aws lambda add-permission … --action lambda:InvokeFunctionUrl --function-url-auth-type NONE, and --action lambda:InvokeFunction), or sign the request with SigV4 (service lambda) when the URL uses AWS_IAM.',
    }),
    rule('missing-credentials', 0.5, body(LAMBDA_URL_FORBIDDEN), { why: 'a URL with auth type AWS_IAM refuses unsigned requests the same way' }),
    rule('account-or-plan-restriction', 0.93, body(BEDROCK_NO_MODEL_ACCESS), {
      blocks: true, why: 'Amazon Bedrock has not enabled this model for the account in this region: model access was never granted (or not in this region), the model id names another region\'s or a legacy model, or it needs an inference profile id (us./eu. prefix) instead',
      fix: 'Enable the model under Bedrock > Model access in the region you call (or subscribe once through AWS Marketplace), check the model id and region, and use the inference profile id where the model requires one.',
    }),
    rule('insufficient-permissions', 0.6, body(BEDROCK_NO_MODEL_ACCESS), { why: 'an IAM policy that does not allow bedrock:InvokeModel on this model ARN can fail the same way' }),
    rule('insufficient-permissions', 0.92, body(BEDROCK_MARKETPLACE), {
      blocks: true, why: 'the model is sold through AWS Marketplace and its one-time subscription could not be made: the calling role lacks aws-marketplace:ViewSubscriptions / aws-marketplace:Subscribe, and nobody in the account has subscribed yet',
      fix: 'Have an administrator invoke the model once (or create the model agreement) to subscribe the account, or grant the role the two aws-marketplace actions; then wait the minutes the message names.',
    }),
    rule('account-or-plan-restriction', 0.55, body(BEDROCK_MARKETPLACE), { why: 'the account has no Marketplace subscription to this model yet' }),
    ...AWS_ERROR_RULES,
  ],
  checklist: AWS_CHECKLIST,
});

/** STS named by the operation an SDK or the CLI reports ("when calling the AssumeRole operation", "operation error STS: AssumeRole"). */
const STS_OPERATION = /when calling the (AssumeRole\w*|GetSessionToken|GetFederationToken|GetCallerIdentity) operation|operation error STS: \w+/;
const STS_ROOT = /Roles may not be assumed by root accounts/;
/**
 * STS refusing a federated AssumeRole (GitHub Actions OIDC, EKS IRSA, SAML) in its own words, which carry no
 * principal and no colon: the role's trust policy did not match the token (sub, aud, provider principal).
 */
const STS_FEDERATED_DENIED = /\bNot authorized to perform sts:AssumeRoleWith(WebIdentity|SAML)\b/;
/** Top-level keys of an error answer in JSON; a success answer's other JSON (an issue quoting STS) is data. */
const ERROR_JSON_KEY = /^(error|errors|message|errormessage|__type|code|type)$/i;
/** STS's own answer (any error status, XML, an SDK's text), or a success status only as an error envelope. */
const stsAnswer = (ctx: Ctx): boolean => ctx.status >= 300 || !ctx.isJson
  || (typeof ctx.json === 'object' && ctx.json !== null && Object.keys(ctx.json).some((k) => ERROR_JSON_KEY.test(k)));
/** InvalidIdentityToken's sentence: the token's issuer is not registered as an IAM OIDC provider of the account. */
const STS_NO_OIDC_PROVIDER = /\bNo OpenIDConnect provider found in your account for\b/;

export const awsSts = defineProducer({
  id: 'aws-sts', kind: 'saas-api', name: 'AWS STS', family: 'aws', overrides: ['aws-services'],
  own: [body(/xmlns="https:\/\/sts\.amazonaws\.com\/doc\/[\d-]+\/"/), body(/not authorized to perform: sts:\w+/)],
  // an SDK's or CLI's line naming an STS operation, or STS's own sentence for root keys
  bodyOnly: [body(STS_OPERATION), body(STS_ROOT), when(stsAnswer, body(STS_FEDERATED_DENIED)), body(STS_NO_OIDC_PROVIDER)],
  presence: [hdr('x-amzn-requestid')],
  causes: [
    rule('resource-policy-deny', 0.94, when(stsAnswer, body(STS_FEDERATED_DENIED)), {
      blocks: true, why: 'STS refused to let this identity token (or SAML assertion) assume the role: the role\'s trust policy does not match it — a sub condition for another repository, branch, environment or service account (case-sensitive), an aud other than sts.amazonaws.com, or a Federated principal of another OIDC provider',
      fix: 'Compare the token\'s claims (sub, aud) with the trust policy\'s conditions and the Federated principal (arn:…:oidc-provider/<issuer>); for EKS, check the service account\'s role-arn annotation names this role.',
    }),
    rule('invalid-credentials', 0.92, any(errType(/^InvalidIdentityToken(Exception)?/), body(STS_NO_OIDC_PROVIDER)), {
      blocks: true, why: 'STS does not accept the identity token: its issuer (the URL in the message) is not an IAM OIDC identity provider of this account — not created yet, created in another account, or a cluster whose OIDC issuer changed — or the token\'s audience or thumbprint does not match the provider',
      fix: 'Create the IAM OIDC identity provider for that issuer URL in the role\'s account (eksctl utils associate-iam-oidc-provider, or token.actions.githubusercontent.com with audience sts.amazonaws.com).',
    }),
    rule('invalid-credentials', 0.94, body(STS_ROOT), {
      why: 'the request is signed with the account root user\'s access keys, and STS lets no root user assume a role',
      fix: 'Sign with an IAM user\'s (or another role\'s) access keys that the role\'s trust policy allows, and delete the root access keys.',
    }),
    rule('resource-policy-deny', 0.6, body(/not authorized to perform: sts:AssumeRole/), { why: 'the role\'s trust policy may not trust this principal' }),
    ...AWS_ERROR_RULES,
  ],
  checklist: { ...AWS_CHECKLIST, server: 'Check the role trust policy (Principal, conditions such as sts:ExternalId) and the caller\'s sts:AssumeRole permission.' },
});

export const awsIam = defineProducer({
  id: 'aws-iam', kind: 'saas-api', name: 'AWS IAM', family: 'aws',
  own: [body(/xmlns="https:\/\/iam\.amazonaws\.com\/doc\/[\d-]+\/"/)],
  presence: [hdr('x-amzn-requestid')],
  causes: AWS_ERROR_RULES,
  checklist: AWS_CHECKLIST,
});

export const amazonSpApi = defineProducer({
  id: 'amazon-sp-api', kind: 'saas-api', name: 'Amazon Selling Partner API', family: 'aws',
  own: [body(/Access to requested resource is denied|"code"\s*:\s*"(Unauthorized|QuotaExceeded|InvalidInput|MissingAccessToken|InvalidAccessToken)"[\s\S]{0,200}"details"/), hdr('x-amzn-ratelimit-limit')],
  presence: [hdr('x-amzn-requestid')],
  causes: [
    rule('invalid-credentials', 0.9, body(/"code"\s*:\s*"(Unauthorized|InvalidAccessToken)"[\s\S]{0,120}(access token|expired|invalid)/i), { why: 'the Login with Amazon access token (x-amz-access-token) is invalid or expired' }),
    rule('missing-credentials', 0.9, body(/"code"\s*:\s*"MissingAccessToken"|x-amz-access-token[^"]{0,40}(missing|required)/i), { why: 'no x-amz-access-token was sent' }),
    rule('rate-limited', 0.93, body(/"code"\s*:\s*"QuotaExceeded"/), { why: 'the SP-API operation quota is exhausted' }),
    rule('insufficient-permissions', 0.62, body(/Access to requested resource is denied/), {
      why: 'SP-API denies access: the app lacks the role for this operation, the seller did not authorise it, the region/endpoint is wrong, or the IAM/LWA credentials do not match',
      fix: 'Check the application\'s roles in Seller Central, re-authorise the seller, and call the endpoint of the seller\'s region.',
    }),
    ...AWS_ERROR_RULES,
  ],
  checklist: { auth: 'Check the LWA refresh token belongs to this seller and the app has the role this operation needs.', gateway: 'Check the regional endpoint and the x-amzn-RateLimit-Limit of this operation.' },
});

/** ECR's own refusal of an expired login token (12 hours), in its current and its older wording. */
const ECR_EXPIRED = /Your [Aa]uthorization [Tt]oken has expired\. (Reauthenticate and try again|Please run 'aws ecr get-login)/;

export const awsEcr = defineProducer({
  id: 'aws-ecr', kind: 'saas-api', name: 'Amazon ECR', family: 'aws',
  // ECR answers the Docker client with the registry's DENIED code: its expired-token sentence and its own
  // IAM actions and repository ARNs name it, so the generic OCI registry only relays
  overrides: ['docker-registry', 'aws-services'],
  // (docker's 'denied: User: … is not authorized to perform: ecr:…' is the registry's answer, its resource cut or not:
  // docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors-docker.html, corpus aws-ecr/)
  // (its expired-token sentence cut at its first period, as docker prints it: github.com/buildkite/elastic-ci-stack-for-aws/issues/178,
  // github.com/aws/aws-cli/issues/6580)
  bodyOnly: [body(ECR_EXPIRED), body(/\bdenied: Your [Aa]uthorization [Tt]oken has expired\b/), body(/not authorized to perform: ecr:\w+ on resource: arn:aws:ecr:|\bdenied: User: arn:aws[\w-]*:\S{1,200} is not authorized to perform: ecr:\w/)],
  causes: [
    rule('invalid-credentials', 0.93, body(ECR_EXPIRED), {
      blocks: true, why: 'the docker login token from ECR (aws ecr get-login-password) is valid for 12 hours and has expired, or the credential store still holds an old one for this registry host',
      fix: 'Log in again: aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com (and remove a stale entry from ~/.docker/config.json).',
    }),
    ...AWS_ERROR_RULES,
  ],
  checklist: { auth: 'Check the caller has ecr:GetAuthorizationToken and the push/pull actions on the repository (BatchGetImage, InitiateLayerUpload, PutImage…).', server: 'For another account\'s repository, check its repository policy allows your principal.' },
});
