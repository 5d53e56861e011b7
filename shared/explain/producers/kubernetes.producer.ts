import { body, hdr } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';

const STATUS = /"kind"\s*:\s*"Status"[\s\S]{0,80}"status"\s*:\s*"Failure"/;

const K8S_RULES: CauseRule[] = [
  rule('missing-credentials', 0.96, body(/User \\?"system:anonymous\\?" cannot/), {
    why: 'the API server treated the request as system:anonymous: no client certificate or bearer token was accepted',
    fix: 'Send a bearer token (service account token / OIDC) or client certificate; check the kubeconfig context.',
  }),
  rule('insufficient-permissions', 0.93, body(/(User|ServiceAccount|Group) \\?"[^"\\]+\\?" cannot [\w-]+ resource/), {
    why: 'Kubernetes RBAC: the user/service account has no Role/ClusterRole binding allowing this verb on this resource',
    fix: 'Create a Role/RoleBinding granting the verb on the resource (kubectl auth can-i <verb> <resource> --as <user> to check).',
  }),
  rule('invalid-credentials', 0.85, body(/"reason"\s*:\s*"Unauthorized"/), { why: 'the token or certificate is invalid or expired' }),
  rule('rate-limited', 0.93, body(/"reason"\s*:\s*"TooManyRequests"/), { why: 'API Priority and Fairness or max-inflight throttled the request' }),
  rule('resource-policy-deny', 0.85, body(/admission webhook "[^"]+" denied the request|violates PodSecurity|denied by policy/), { why: 'an admission controller/policy (Pod Security, Gatekeeper, Kyverno) refused the object' }),
];

export const openshift = defineProducer({
  id: 'openshift', kind: 'orchestrator', name: 'OpenShift', family: 'kubernetes',
  own: [body(/\.openshift\.io\b/), hdr('x-openshift-request-id')],
  presence: [hdr('audit-id')],
  causes: K8S_RULES,
  checklist: { auth: 'oc whoami; oc auth can-i <verb> <resource>; check SCCs and project role bindings.' },
});

export const kubernetesApiserver = defineProducer({
  id: 'kubernetes-apiserver', kind: 'orchestrator', name: 'Kubernetes API server', family: 'kubernetes',
  own: [body(STATUS), hdr('x-kubernetes-pf-flowschema-uid')],
  presence: [hdr('x-kubernetes-pf-prioritylevel-uid'), hdr('audit-id')],
  causes: K8S_RULES,
  checklist: { auth: 'kubectl auth can-i <verb> <resource> --as <subject>; check RoleBindings/ClusterRoleBindings.' },
});
