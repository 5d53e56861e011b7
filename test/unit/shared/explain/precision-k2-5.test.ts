// Precision of round five for gateways, AWS APIs, web servers, Kubernetes and frameworks (issue 11):
// each layer is named by its own words; the generic sentences it shares with others name nobody,
// and a sentence one layer copied from another names the one that wrote it.
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['Apache\'s multi-language 403 ("the requested object") is not Werkzeug\'s', 403, 'Access forbidden!\nYou don\'t have permission to access the requested object. It is either read-protected or not readable by the server.\n\nError 403', 'apache-httpd'],
  ['Werkzeug\'s own 403 sentence still names Flask', 403, '<p>You don&#39;t have the permission to access the requested resource. It is either read-protected or not readable by the server.</p>', 'flask'],
  ['ASP.NET Core\'s "antiforgery" cookie is not classic ASP.NET\'s', 400, 'The required antiforgery cookie ".AspNetCore.Antiforgery.el0QpAqipuo" is not present.', 'aspnet-core'],
  ['a bare "Authorization denied" is nobody\'s', 401, '{"message":"Authorization denied"}', null],
  ['Kong\'s jwt sentence needs its quoted claim: "No credentials found for the given user" is nobody\'s', 401, '{"message":"No credentials found for the given user"}', null],
  ['the JS SDK v3\'s error for S3 (client-s3) is not the generic AWS service', 403, '{"Code":"AccessDenied","$fault":"client","$metadata":{"httpStatusCode":403,"attempts":1},"stack":["AccessDenied: Access Denied","    at de_PutObjectTaggingCommandError (/node_modules/@aws-sdk/client-s3/dist-cjs/index.js:1:1)"]}', null],
  ['the JS SDK v3 talking to a local S3-compatible endpoint is not AWS', 403, "{ '$fault': 'client', '$metadata': { httpStatusCode: 403 }, Code: 'AccessDenied', endpoint: 'http://localhost:9000/bucket' }", null],
  ['the SigV4 parser\'s sentence outside API Gateway\'s {"message"} envelope (OpenSearch and other AWS endpoints send it too) names nobody', 403, 'Authorization header requires \'Credential\' parameter. Authorization header requires \'Signature\' parameter.', null],
  ['Laravel\'s missing route that is not a login route is no refusal of anyone\'s', 500, 'Route [dashboard] not defined.', null],
  ['a PermissionDenied traceback without Django\'s or DRF\'s frames is nobody\'s', 403, 'Traceback (most recent call last):\n  File "/app/main.py", line 3, in handler\n    raise PermissionDenied\nPermissionDenied', null],
  ['Spring Security\'s sentence (no final period) stays Spring\'s; Symfony\'s ends with one', 401, '{"error":"unauthorized","error_description":"Full authentication is required to access this resource"}', 'spring-security'],
  ['a Node tutorial\'s {"msg"} refusal is not Flask-JWT-Extended\'s', 401, '{"msg":"No token, authorization denied"}', null],
  ['an expired-token {"msg"} that any framework could write names nobody', 401, '{"msg":"Token has expired"}', null],
  ['the {statusCode, error, message} shape Fastify, Hapi and Nest share names none of them without @fastify/jwt\'s words', 401, '{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}', null],
  ['a bare gRPC PermissionDenied is not Argo CD\'s RBAC', 403, 'rpc error: code = PermissionDenied desc = permission denied', null],
  ['Argo CD relaying Kubernetes RBAC names the API server', 403, 'one or more objects failed to apply, reason: services is forbidden: User "system:serviceaccount:argocd:argocd-application-controller" cannot create resource "services" in API group "" in the namespace "apps"', 'kubernetes-apiserver'],
  ['a generic "Token may have expired" without fabric8\'s Message prefix is nobody\'s', 401, 'Unauthorized! Token may have expired!', null],
  ['SQS\'s sentence names SQS\'s API only for an amazonaws.com queue', 403, 'Access to the resource https://example.com/queue is denied.', null],
];

describe('explain: round five\'s gateways, AWS, servers, Kubernetes and frameworks need their own words', () => {
  itNamesProducers(CASES);
});
