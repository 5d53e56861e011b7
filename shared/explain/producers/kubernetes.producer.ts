import { any, body, hdr } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';

const STATUS = /"kind"\s*:\s*"Status"[\s\S]{0,80}"status"\s*:\s*"Failure"/;

/** "<resource> is forbidden: User "<name>" cannot <verb> resource "<r>" …", and the pre-1.11 "cannot <verb> <r> in the namespace / at the cluster scope" */
// (before 1.8 the message had no "<resource> is forbidden:" prefix and ended in "(get pods)")
const RBAC_DENIAL = /(\bis forbidden: |^|[\s"'])(User|ServiceAccount|Group) \\?"[^"\\]+\\?" cannot [\w-]+ (resource\b|path\b|[\w./-]+ (in the namespace|at the cluster scope))/;

/** The kubelet's authorizer: "Forbidden (user=<name>, verb=<v>, resource=nodes, subresource=proxy)", relayed by kubectl logs/exec. */
// (kubectl's line names the same denial before its resource: 'Error from server (Forbidden): Forbidden (user=…, verb=…, ' — a log cut there)
const KUBELET_DENIAL = /\bForbidden \(user=[^,()]+, verb=[\w-]+, resource=[\w.-]+, subresource=[\w-]+\)|\bError from server \(Forbidden\): Forbidden \(user=[^,()\n]{1,80}, verb=[\w-]+, /;

/** kubectl's own line when the API server answers 401 (its Status message, or the bare reason). */
const KUBECTL_LOGIN = /\berror: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)/;
/** The API server's sentence for a validating or mutating webhook's refusal, as kubectl, Helm or client libraries relay it. */
const WEBHOOK_DENIAL = /\badmission webhook \\?"[^"\\]+\\?" denied the request\b/;
/** Pod Security Admission in enforce mode ("would violate PodSecurity" is its warn mode: the object was created). */
const POD_SECURITY = /\bis forbidden: violates PodSecurity \\?"(privileged|baseline|restricted):(latest|v\d+\.\d+)\\?"/;
/** The ResourceQuota admission plugin: a namespace quota used up, or a pod without the requests/limits a quota counts. */
const QUOTA_EXCEEDED = /\bis forbidden: exceeded quota: [\w.-]+/;
const QUOTA_UNSPECIFIED = /\bis forbidden: [Ff]ailed quota: [\w.-]+: must specify /;

/**
 * The fabric8 Kubernetes client (Java: Jenkins, Spark, Quarkus…) relaying the API server's refusal: "Failure executing:
 * GET at: <url>. Message: " then its own 401/403 sentences (old: "Please use kubectl login / oc login to log-in again").
 */
const FABRIC8_TOKEN = /Message: Unauthorized! Token may have expired! Please (log-in again|use kubectl login \/ oc login to log-in again)/;
const FABRIC8_SA_401 = /Message: Unauthorized! Configured service account doesn't have access\. Service account may have been revoked\./;
/** The official clients' 401 lines without the Status body: Python's ApiException "(401)\nReason: Unauthorized", Java's "ApiException: Unauthorized". */
const CLIENT_401 = /\bkubernetes\.client\.(rest|exceptions)\.ApiException: \(401\)\s*Reason: Unauthorized|\bio\.kubernetes\.client\.(openapi\.)?ApiException: Unauthorized\b/;
// its 403 sentence is followed by the API server's RBAC sentence, which the RBAC rule reads
const FABRIC8_SA_403 = /Message: Forbidden! ?Configured service account doesn't have access\. Service account may have been revoked\./;

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
  rule('invalid-credentials', 0.86, body(CLIENT_401), {
    why: 'the API server answered 401 to the Kubernetes client: the kubeconfig\'s token or client certificate is not accepted (expired token not refreshed by the loader, a certificate the client failed to load, another cluster\'s credentials)',
    fix: 'Run kubectl with the same kubeconfig to refresh its credentials (cloud auth plugins), then rebuild the client; check the context and that the client loads the certificate and key.',
  }),
  rule('invalid-credentials', 0.9, body(FABRIC8_TOKEN), {
    why: 'the API server answered 401 to the fabric8 client: the bearer token it sent (kubeconfig token, an auth-provider or OIDC token past its expiry, basic-auth settings) is not accepted',
    fix: 'Refresh the kubeconfig credentials (run the cloud CLI or kubectl once so the auth-provider token is renewed) and recreate the client, which reads the token only when it is built.',
  }),
  rule('invalid-credentials', 0.88, body(FABRIC8_SA_401), {
    why: 'the API server no longer accepts the service-account token the in-cluster fabric8 client sends: the service account or its token secret was deleted, or a rotated (bound, time-limited) token was never re-read by an old client',
    fix: 'Check the service account still exists; upgrade the client (5.x+ re-reads the projected token file) or recreate it, and restart the pod to pick up a fresh token.',
  }),
  rule('invalid-credentials', 0.88, body(KUBECTL_LOGIN), {
    why: 'the API server did not accept the kubeconfig\'s credentials: an expired token or client certificate, a token of another cluster, or (EKS) an IAM identity not mapped in aws-auth / access entries',
    fix: 'Refresh the credentials (re-run the exec plugin or cloud CLI\'s get-credentials) and check the identity it sends (aws sts get-caller-identity on EKS) is mapped in the cluster.',
  }),
  rule('rate-limited', 0.93, body(/"reason"\s*:\s*"TooManyRequests"/), { why: 'API Priority and Fairness or max-inflight throttled the request' }),
  rule('resource-policy-deny', 0.85, body(/admission webhook "[^"]+" denied the request|violates PodSecurity|denied by policy/), { why: 'an admission controller/policy (Pod Security, Gatekeeper, Kyverno) refused the object' }),
  rule('resource-policy-deny', 0.9, body(POD_SECURITY), {
    why: 'Pod Security Admission refused the pod: the namespace enforces a Pod Security level (its pod-security.kubernetes.io/enforce label) that the pod\'s securityContext breaks — your RBAC is fine, a controller creating pods gets the same refusal',
    fix: 'Set what the message lists in the pod template (allowPrivilegeEscalation: false, capabilities.drop: ["ALL"], runAsNonRoot: true, seccompProfile RuntimeDefault), or run it in a namespace whose enforce level allows it.',
  }),
  rule('resource-policy-deny', 0.9, body(QUOTA_EXCEEDED), {
    why: 'the namespace\'s ResourceQuota refused the object: what it requests plus what the namespace already uses is over the quota\'s hard limit (the message lists requested, used and limited) — not a permission or a rate limit',
    fix: 'Lower the requests/limits or replica count, delete unused objects in the namespace, or ask the cluster admin to raise the quota (kubectl describe quota -n <namespace>).',
  }),
  rule('resource-policy-deny', 0.9, body(QUOTA_UNSPECIFIED), {
    why: 'a ResourceQuota in the namespace counts CPU/memory, so the API server refuses pods whose containers (init containers too) do not set the requests or limits it names',
    fix: 'Give every container the requests/limits the message names, or add a LimitRange that sets defaults in the namespace.',
  }),
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
  bodyOnly: [body(RBAC_DENIAL), body(KUBELET_DENIAL), body(KUBECTL_LOGIN), body(WEBHOOK_DENIAL), body(POD_SECURITY), body(QUOTA_EXCEEDED), body(QUOTA_UNSPECIFIED), body(FABRIC8_TOKEN), body(FABRIC8_SA_401), body(FABRIC8_SA_403), body(CLIENT_401)],
  presence: [hdr('x-kubernetes-pf-prioritylevel-uid'), hdr('audit-id')],
  causes: K8S_RULES,
  checklist: { auth: 'kubectl auth can-i <verb> <resource> --as <subject>; check RoleBindings/ClusterRoleBindings.' },
});

/** Argo CD's RBAC refusal (policy.csv): "permission denied: <resource>, <action>, <object>[, sub: …, iat: …]" in its gRPC error. */
const ARGOCD_RBAC = /\bpermission denied: (applications|applicationsets|clusters|projects|repositories|repositorycredentials|certificates|gpgkeys|accounts|logs|exec|extensions), [\w*-]+, \S+/;
/** Argo CD's session check: "code = Unauthenticated desc = invalid session: <why>" (expired, not yet valid, unverifiable token). */
const ARGOCD_SESSION = /\bcode = Unauthenticated desc = invalid session: /;

export const argoCd = defineProducer({
  id: 'argo-cd', kind: 'orchestrator', name: 'Argo CD', family: 'argo',
  own: [body(ARGOCD_RBAC), body(ARGOCD_SESSION)],
  causes: [
    rule('insufficient-permissions', 0.9, body(ARGOCD_RBAC), {
      blocks: true, why: 'Argo CD\'s own RBAC (argocd-rbac-cm policy.csv) gives the caller (the sub it names: a local account, an SSO user or group, a project token) no policy for this resource and action on this object — Kubernetes RBAC is not involved',
      fix: 'Add a policy line for the resource, action and project/object (p, <role>, applications, sync, <project>/<app>, allow) and bind the user or group to the role; `argocd account can-i <action> <resource> <object>` checks it.',
    }),
    rule('invalid-credentials', 0.9, body(ARGOCD_SESSION), {
      blocks: true, why: 'Argo CD did not accept the session token: expired (local account tokens and SSO sessions expire), not yet valid (clock skew), or not verifiable (its signing key changed, or the OIDC provider could not be reached)',
      fix: 'Log in again (argocd login / relogin) or issue a new account token (argocd account generate-token) and update where it is stored; for "not valid yet" sync the clocks.',
    }),
  ],
  checklist: { auth: 'argocd account get-user-info shows who Argo CD thinks you are; argocd account can-i checks a policy.' },
});

/** Consul 1.12+'s ACL denial: "token with AccessorID '<uuid>' lacks permission '<resource>:<level>'". */
const CONSUL_LACKS = /\btoken with AccessorID '[^']*' lacks permission '[a-z_]+:(read|write|list|deny)'/;
/**
 * Consul's older or bare ACL answers as its Go client (consul CLI, consul-template, Terraform…) prints
 * them; "Unexpected response code: 403 (Permission denied)" alone is Nomad's client's too: it names neither.
 */
const CONSUL_RPC = /\brpc error making call: (Permission denied|ACL not found)|Unexpected response code: 403 \(ACL not found\)/;

export const consul = defineProducer({
  id: 'consul', kind: 'orchestrator', name: 'HashiCorp Consul', family: 'consul',
  own: [body(CONSUL_LACKS)],
  bodyOnly: [body(CONSUL_RPC)],
  presence: [hdr('x-consul-index'), hdr('x-consul-effective-consistency'), hdr('x-consul-knownleader')],
  causes: [
    // 00000000-0000-0000-0000-000000000002 is the anonymous token: the request reached Consul without one
    rule('missing-credentials', 0.95, body(/AccessorID '00000000-0000-0000-0000-000000000002'/), {
      why: 'Consul resolved the request to the anonymous token: no token reached it (X-Consul-Token / CONSUL_HTTP_TOKEN unset, or the client library does not send it on this call)',
      fix: 'Send the token (X-Consul-Token header, CONSUL_HTTP_TOKEN, or the client\'s acl-token setting), or grant the anonymous token\'s policy what this call needs.',
    }),
    rule('insufficient-permissions', 0.9, any(body(CONSUL_LACKS), body(/rpc error making call: Permission denied/)), {
      why: 'Consul ACLs: the token is known but none of its policies grants this resource at this level (service:write to register, node:read, key:write, operator:read…)',
      fix: 'Add a rule for the named resource and level to a policy attached to the token (consul acl token read -accessor-id <id> lists them).',
    }),
    rule('invalid-credentials', 0.9, body(/\bACL not found\b/), {
      why: 'Consul does not know this token\'s SecretID: mistyped, deleted, expired, or a token of another datacenter or cluster',
      fix: 'Check CONSUL_HTTP_TOKEN against `consul acl token list` run with a management token; create a new token if it was deleted.',
    }),
  ],
  checklist: { auth: 'consul acl token read -self shows which token Consul resolved and its policies.' },
});
