import type { CauseId, ChecklistStep } from './types';

export interface CauseInfo {
  title: string;
  /** one sentence: what this cause means */
  meaning: string;
  fix: string;
  checklist: Record<ChecklistStep, string>;
}

const LOGS = 'Find the refusal in the logs of the layer that answered (match the request id or time) and keep the response headers for the report.';

export const CAUSES: Record<CauseId, CauseInfo> = {
  'missing-credentials': {
    title: 'Missing credentials',
    meaning: 'no key, token, cookie or client certificate reached the layer that wants one',
    fix: 'Send the credential the layer expects, in the place and under the header name it reads (e.g. Authorization: Bearer …, x-api-key, a query parameter), and check that no proxy or redirect strips it.',
    checklist: {
      auth: 'Confirm a credential is attached to this request at all, and under the exact header/parameter name the API documents.',
      server: 'Check that the server or a redirect does not drop the Authorization header (cross-host redirects do).',
      gateway: 'Check which header the gateway reads the key from and whether the route requires a key.',
      logging: LOGS,
    },
  },
  'invalid-credentials': {
    title: 'Invalid credentials',
    meaning: 'a credential arrived but is wrong, expired, revoked or malformed',
    fix: 'Replace the credential: re-issue or refresh the token, check it belongs to this environment/tenant, and that it is sent without extra quotes, spaces or prefix errors.',
    checklist: {
      auth: 'Check the key/token is current (not expired or revoked), for this environment, and copied whole; refresh or rotate it.',
      server: 'Check the server trusts the issuer (audience, issuer, signing keys) of the token.',
      gateway: 'Check the gateway knows this key (consumer/subscription exists and is active).',
      logging: LOGS,
    },
  },
  'insufficient-permissions': {
    title: 'Insufficient permissions',
    meaning: 'the caller is known but lacks the role, scope, group or ACL for this resource',
    fix: 'Grant the caller the missing role, scope or permission (or use a credential that has it), then retry; re-issue tokens so new scopes are included.',
    checklist: {
      auth: 'List the roles/scopes the credential carries and compare with what this operation requires; request the missing one.',
      server: 'Check the resource ACL, RBAC binding or row-level policy for this caller.',
      gateway: 'Check the gateway plan or consumer group is allowed on this route.',
      logging: LOGS,
    },
  },
  'ip-or-geo-blocked': {
    title: 'IP or location blocked',
    meaning: 'the source IP, country, region or ASN is refused',
    fix: 'Call from an allowed network (VPN/office egress, allow-listed IP) or ask the owner to add your egress IP or region to the allow-list.',
    checklist: {
      auth: 'Credentials are not the issue if the IP rule fires first; keep them unchanged while testing from another network.',
      server: 'Check allow/deny rules (deny/allow lists, geo blocks, private endpoints) for your egress IP.',
      gateway: 'Check IP restriction plugins or policies on the gateway route and the client IP it sees (X-Forwarded-For).',
      logging: LOGS,
    },
  },
  'waf-or-bot-block': {
    title: 'WAF or bot protection',
    meaning: 'a WAF, bot manager or challenge page refused the request\'s shape or client fingerprint',
    fix: 'Send a realistic, well-formed request (User-Agent, Accept, no attack-like payloads), or ask the site owner to allow-list your client or API route in the WAF; quote the block reference.',
    checklist: {
      auth: 'Credentials rarely matter for an edge block; the request never reached the API.',
      server: 'Ask the site owner for the WAF event matching the reference/ray id and which rule fired.',
      gateway: 'Check WAF/bot rules for API routes (skip challenges for API clients, allow-list service IPs).',
      logging: LOGS,
    },
  },
  'rate-limited': {
    title: 'Rate limited',
    meaning: 'a quota or rate limit refused the call, whatever status it used',
    fix: 'Slow down: honour Retry-After / rate-limit reset headers, add backoff with jitter, or raise the quota/plan.',
    checklist: {
      auth: 'Check which identity the limit counts against (key, user, IP) and whether another key shares it.',
      server: 'Read the rate-limit headers (remaining, reset, Retry-After) and wait until reset.',
      gateway: 'Check the gateway quota/usage plan for this consumer and route.',
      logging: LOGS,
    },
  },
  csrf: {
    title: 'CSRF check failed',
    meaning: 'a CSRF token, cookie, Origin or Referer was missing or did not match',
    fix: 'Fetch the CSRF token (cookie + header/form field) from the site first and send both, with a matching Origin/Referer; API clients should use token auth instead of session cookies.',
    checklist: {
      auth: 'Send the session cookie together with the CSRF token from the same session.',
      server: 'Check trusted origins and whether this endpoint should be CSRF-exempt for API clients.',
      gateway: 'Check the gateway/proxy keeps Origin, Referer and cookies unchanged.',
      logging: LOGS,
    },
  },
  'signature-or-clock-skew': {
    title: 'Signature or clock problem',
    meaning: 'a request signature does not verify, a signed URL expired, or the clock is too far off',
    fix: 'Re-sign the request with the right secret, region and service, sign exactly the headers/body sent, regenerate expired signed URLs, and sync the local clock (NTP).',
    checklist: {
      auth: 'Check the secret key, region and service used to sign, and that the signed headers are sent unchanged.',
      server: 'Compare your clock with the server Date header; more than a few minutes apart fails.',
      gateway: 'Check no proxy rewrites the Host, path encoding or signed headers.',
      logging: LOGS,
    },
  },
  'resource-policy-deny': {
    title: 'Resource policy denies',
    meaning: 'a policy on the resource or on the key refuses this caller',
    fix: 'Update the resource policy (bucket/resource policy, key restrictions by referer, app or API) to allow this caller, or call with a principal the policy allows.',
    checklist: {
      auth: 'Check the caller principal/key against the resource or key policy (explicit Deny wins).',
      server: 'Review the bucket/resource policy, key restrictions and organisation policies.',
      gateway: 'Check the gateway resource policy (source VPC, IP conditions, referers).',
      logging: LOGS,
    },
  },
  'method-or-path-blocked': {
    title: 'Method or path not allowed',
    meaning: 'the method, path, route or stage is not allowed or does not exist behind this layer',
    fix: 'Check the URL (stage prefix, trailing slash, version), the method, and that the route is deployed and allowed for this method.',
    checklist: {
      auth: 'Try the same credential on a known-good route to separate routing from authorisation.',
      server: 'Check location/route rules that deny this path or method.',
      gateway: 'Check the route exists and is deployed on this stage, with this method enabled.',
      logging: LOGS,
    },
  },
  'account-or-plan-restriction': {
    title: 'Account or plan restriction',
    meaning: 'the account, project, subscription, plan or app is suspended, disabled, not enrolled or not SSO-authorised',
    fix: 'Enable the API/feature for the project, fix billing or the plan, authorise the token for SSO, or reactivate the account.',
    checklist: {
      auth: 'Check the credential is authorised for the organisation (SSO) and the account is active.',
      server: 'Check billing, plan tier and whether the API/service is enabled for this project.',
      gateway: 'Check the subscription/product the key belongs to includes this API.',
      logging: LOGS,
    },
  },
  'directory-listing-or-filesystem': {
    title: 'Directory listing or file permissions',
    meaning: 'the web server refuses a directory listing or cannot read the file',
    fix: 'Request a file rather than a directory (or add an index file / enable listing), and make the file readable by the server\'s worker user.',
    checklist: {
      auth: 'Credentials are not involved in a filesystem refusal.',
      server: 'Check the index directive, directory listing setting and the file/directory permissions for the worker user.',
      gateway: 'Check the upstream path a proxy maps this URL to.',
      logging: 'The server error log names the file and reason (e.g. "directory index of … is forbidden", "Permission denied").',
    },
  },
  'proxy-denied': {
    title: 'Forward proxy refused',
    meaning: 'a forward proxy on the way refused the request',
    fix: 'Authenticate to the proxy, bypass it for this host (NO_PROXY) or ask its administrators to allow the destination.',
    checklist: {
      auth: 'Check proxy credentials (Proxy-Authorization) are configured for this gateway profile.',
      server: 'Check the proxy access rules (ACLs, URL categories) for this destination.',
      gateway: 'Try without the proxy or with NO_PROXY for this host to confirm.',
      logging: 'The proxy access log shows the rule that denied the request.',
    },
  },
  other: {
    title: 'Refused (unclassified)',
    meaning: 'a refusal none of the known causes explains',
    fix: 'Read the response body for the layer\'s own explanation and ask the owner of that layer with the request id.',
    checklist: {
      auth: 'Try another credential and no credential to see whether the status changes.',
      server: 'Check the server configuration for rules that return this status.',
      gateway: 'Compare direct and through-gateway calls.',
      logging: LOGS,
    },
  },
  none: {
    title: 'Not a refusal',
    meaning: 'the response is not a refusal',
    fix: 'Nothing to fix: this response is not a refusal.',
    checklist: {
      auth: 'No authentication problem is visible in this response.',
      server: 'No server-side refusal is visible.',
      gateway: 'No gateway refusal is visible.',
      logging: 'Nothing to log.',
    },
  },
};
