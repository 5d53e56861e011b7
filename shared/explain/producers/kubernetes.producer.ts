import { body, hdr } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';

const STATUS = /"kind"\s*:\s*"Status"[\s\S]{0,80}"status"\s*:\s*"Failure"/;

/** "<resource> is forbidden: User "<name>" cannot <verb> resource "<r>" …", and the pre-1.11 "cannot <verb> <r> in the namespace / at the cluster scope" */
// (before 1.8 the message had no "<resource> is forbidden:" prefix and ended in "(get pods)")
const RBAC_DENIAL = /(\bis forbidden: |^|[\s"'])(User|ServiceAccount|Group) \\?"[^"\\]+\\?" cannot [\w-]+ (resource\b|path\b|[\w./-]+ (in the namespace|at the cluster scope))/;

/** The kubelet's authorizer: "Forbidden (user=<name>, verb=<v>, resource=nodes, subresource=proxy)", relayed by kubectl logs/exec. */
const KUBELET_DENIAL = /\bForbidden \(user=[^,()]+, verb=[\w-]+, resource=[\w.-]+, subresource=[\w-]+\)/;

const K8S_RULES: CauseRule[] = [
  rule('missing-credentials', 0.9, body(/\bForbidden \(user=system:anonymous, verb=/), {
    why: 'the kubelet saw system:anonymous: the API server sends no client certificate to kubelets (kubelet-client-certificate is not set)',
    fix: 'Give kube-apiserver --kubelet-client-certificate/--kubelet-client-key, and bind that identity to the nodes/proxy permission.',
  }),
  rule('insufficient-permissions', 0.88, body(KUBELET_DENIAL), {
    why: 'the kubelet refused the API server\'s own identity (its kubelet client certificate) for nodes/proxy, so logs/exec/port-forward fail',
    fix: 'Bind the API server\'s kubelet client identity (the certificate CN) to a ClusterRole with nodes/proxy (system:kubelet-api-admin).',
  }),
  rule('missing-credentials', 0.96, body(/User \\?"system:anonymous\\?" cannot/), {
    why: 'the API server treated the request as system:anonymous: no client certificate or bearer token was accepted',
    fix: 'Send a bearer token (service account token / OIDC) or client certificate; check the kubeconfig context.',
  }),
  rule('insufficient-permissions', 0.93, body(/(User|ServiceAccount|Group) \\?"[^"\\]+\\?" cannot [\w-]+ (resource\b|[\w./-]+ (in the namespace|at the cluster scope))/), {
    why: 'Kubernetes RBAC: the user/service account has no Role/ClusterRole binding allowing this verb on this resource',
    fix: 'Create a Role/RoleBinding granting the verb on the resource (kubectl auth can-i <verb> <resource> --as <user> to check).',
  }),
  rule('invalid-credentials', 0.85, body(/"reason"\s*:\s*"Unauthorized"/), { why: 'the token or certificate is invalid or expired' }),
  rule('rate-limited', 0.93, body(/"reason"\s*:\s*"TooManyRequests"/), { why: 'API Priority and Fairness or max-inflight throttled the request' }),
  rule('resource-policy-deny', 0.85, body(/admission webhook "[^"]+" denied the request|violates PodSecurity|denied by policy/), { why: 'an admission controller/policy (Pod Security, Gatekeeper, Kyverno) refused the object' }),
];

export const openshift = defineProducer({
  id: 'openshift', kind: 'orchestrator', name: 'OpenShift', family: 'kubernetes',
  // OpenShift's own API groups/headers outrank the generic RBAC sentence it shares with Kubernetes
  overrides: ['kubernetes-apiserver'],
  own: [body(/\.openshift\.io\b/), hdr('x-openshift-request-id')],
  presence: [hdr('audit-id')],
  causes: K8S_RULES,
  checklist: { auth: 'oc whoami; oc auth can-i <verb> <resource>; check SCCs and project role bindings.' },
});

export const kubernetesApiserver = defineProducer({
  id: 'kubernetes-apiserver', kind: 'orchestrator', name: 'Kubernetes API server', family: 'kubernetes',
  own: [body(STATUS), hdr('x-kubernetes-pf-flowschema-uid')],
  // kubectl's "Error from server (Forbidden): …" and client logs quote the Status message alone
  bodyOnly: [body(RBAC_DENIAL), body(KUBELET_DENIAL)],
  presence: [hdr('x-kubernetes-pf-prioritylevel-uid'), hdr('audit-id')],
  causes: K8S_RULES,
  checklist: { auth: 'kubectl auth can-i <verb> <resource> --as <subject>; check RoleBindings/ClusterRoleBindings.' },
});
