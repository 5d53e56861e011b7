// Precision of round six for gateways and Kubernetes (issue 11): Gravitee is named by its own gateway
// error keys, not by any word that holds GATEWAY_; Kong's Admin API RBAC by its own envelope and
// wording; the API server's admission refusals (Pod Security, ResourceQuota) by their own sentences,
// and the same words in a warning or another vendor's message name nobody.
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['Vercel\'s AI_GATEWAY_API_KEY variable alone is not a Gravitee key', 401, '{"error":"Missing AI_GATEWAY_API_KEY environment variable"}', null],
  ['a GATEWAY_URL setting in a config error is not Gravitee\'s', 401, 'Unauthorized: check GATEWAY_URL and GATEWAY_TOKEN in your .env', null],
  ['Gravitee\'s own plan key still names it', 401, '{"message":"Unauthorized","key":"GATEWAY_PLAN_UNRESOLVABLE"}', 'gravitee'],
  ['another server\'s lower-case "invalid RBAC credentials" is not Kong\'s Admin API', 401, '{"error":"invalid RBAC credentials"}', null],
  ['"You do not have permissions…" without the admin\'s name before it is not Kong\'s RBAC', 403, '{"message":"You do not have permissions to read this resource"}', null],
  ['Pod Security\'s warn mode ("would violate") created the pod: nobody refused it', 201, 'Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false)\npod/x created', null],
  ['a cloud API\'s "Quota exceeded" is not the namespace\'s ResourceQuota', 403, '{"error":{"code":403,"message":"Quota exceeded for quota metric \'Requests\' and limit \'Requests per minute\'"}}', null],
  ['"exceeded quota" without the API server\'s "is forbidden:" names nobody', 403, 'Upload failed: exceeded quota: personal-storage', null],
];

describe('explain: round six\'s gateways and Kubernetes admission refusals need their own words', () => {
  itNamesProducers(CASES);
});
