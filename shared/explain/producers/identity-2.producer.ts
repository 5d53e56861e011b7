import { all, body, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

// Identity providers and auth fronts beyond identity.producer.ts (kept apart so each file stays small).

/** JumpCloud's API prefixes its 401 reasons with "Unauthorized: "; these reasons are its own words. */
const JUMPCLOUD_NO_ORG = /\bUnauthorized: no organization selected\b/;
const JUMPCLOUD_UNKNOWN_KEY = /\bUnauthorized: api key user not found\b/;

export const jumpcloud = defineProducer({
  id: 'jumpcloud', kind: 'saas-api', role: 'identity-provider', name: 'JumpCloud', family: 'jumpcloud',
  // its {"message": "Unauthorized: <reason>"} as the API, Terraform and integrations print it
  bodyOnly: [body(JUMPCLOUD_NO_ORG), body(JUMPCLOUD_UNKNOWN_KEY)],
  causes: [
    rule('missing-credentials', 0.85, body(JUMPCLOUD_NO_ORG), {
      blocks: true, why: 'the API key belongs to an administrator of several organizations (a multi-tenant portal), and the request named none of them, so JumpCloud does not know whose data to act on',
      fix: 'Send the organization\'s id in the x-org-id header (most clients and the Terraform provider take an org id setting); a key of a single-organization administrator needs none.',
    }),
    rule('invalid-credentials', 0.9, body(JUMPCLOUD_UNKNOWN_KEY), {
      blocks: true, why: 'JumpCloud finds no administrator for this API key: it was regenerated (an administrator has one key, a new one voids the old), its administrator was removed, or the key was cut or mangled on the way',
      fix: 'Copy the current key from the Admin Portal (your account menu → My API Key) into the tool, and check the API host is the one of the console where the key was made.',
    }),
  ],
  checklist: { auth: 'Check which administrator the API key belongs to, whether it was regenerated, and whether that administrator manages several organizations (x-org-id).' },
});

/** authentik's flow-planner refusal (FlowNonApplicableException) and its access-denied stage's component name. */
const AUTHENTIK_FLOW_DENIED = /\bFlow does not apply to current user\b/;

export const authentik = defineProducer({
  id: 'authentik', kind: 'saas-api', role: 'identity-provider', name: 'authentik', family: 'authentik',
  // the denied page's text as users paste it, or the flow executor's JSON challenge
  bodyOnly: [body(AUTHENTIK_FLOW_DENIED), body(/"component"\s*:\s*"ak-stage-access-denied"/)],
  causes: [
    rule('resource-policy-deny', 0.85, body(AUTHENTIK_FLOW_DENIED), {
      blocks: true, why: 'authentik will not run this flow for this user: a policy bound to the flow denies it, or the flow\'s authentication requirement does not fit (a flow for unauthenticated users met a signed-in one, or the provider points at the wrong flow, such as a source flow instead of the authentication flow)',
      fix: 'Check the flow named in the URL: its policy bindings and Authentication setting under Flows, and which authentication or authorization flow the application\'s provider uses; the event log shows the policy that failed.',
    }),
    rule('insufficient-permissions', 0.6, body(AUTHENTIK_FLOW_DENIED), { blocks: true, why: 'the user is not among those the flow\'s bindings allow' }),
    rule('resource-policy-deny', 0.7, body(/"component"\s*:\s*"ak-stage-access-denied"/), { blocks: true, why: 'an authentik flow ended in its access-denied stage: a policy or stage binding refused this user' }),
  ],
  checklist: { auth: 'Open the flow in authentik\'s admin interface and check its policy bindings, its Authentication requirement and the provider that starts it.' },
});

/** AD FS's own message codes (MSIS<4 digits>), in its OAuth errors, its error page's exception details and its event log. */
const ADFS_CODE = /\bMSIS\d{4}\b/;
/** A resource (relying party / Web API) AD FS does not know for this client, or does not let it reach. */
const ADFS_RESOURCE = /\bMSIS(?:9602|9329|9321)\b/;

export const adfs = defineProducer({
  id: 'adfs', kind: 'saas-api', role: 'identity-provider', name: 'Microsoft AD FS', family: 'adfs',
  bodyOnly: [body(ADFS_CODE), body(/\bMicrosoft\.IdentityServer\.Web\.Protocols\.OAuth\.Exceptions\.\w+/)],
  causes: [
    rule('invalid-credentials', 0.9, body(/\bMSIS9622\b/), {
      blocks: true, why: 'AD FS did not accept the client\'s authentication at its token endpoint (MSIS9622): a wrong or reset client secret, a certificate it does not trust, or none at all from a client registered as confidential (a single-page app sent to a Server application)',
      fix: 'Check the application group in AD FS Management: send the client secret or certificate of a confidential (server) application, or register the client as a native application if it runs in a browser or on a device.',
    }),
    rule('insufficient-permissions', 0.88, body(ADFS_RESOURCE), {
      blocks: true, why: 'AD FS has no Web API (relying party) registered with the resource identifier the client asked for (MSIS9602, MSIS9329), or the client holds no permission on it (MSIS9321)',
      fix: 'Use the Web API\'s identifier exactly as registered in the application group as the resource, and grant the client application permission to it (Client Permissions of the Web API).',
    }),
  ],
  checklist: { auth: 'Check the AD FS application group (client id, secret or certificate, Web API identifier, client permissions); the AD FS Admin event log holds the request\'s exception details.' },
});

/** Jira's and Confluence's XSRF filter (a write without X-Atlassian-Token: no-check, or with a browser User-Agent). */
const ATLASSIAN_XSRF = /\bXSRF check failed\b/;
/** The api.atlassian.com gateway refusing a scoped token or OAuth app for this endpoint. */
const ATLASSIAN_SCOPE = /\bUnauthorized; scope does not match\b/;

/** Confluence refusing the calling user (or the anonymous user its credentials fell back to) the global 'Can use' permission. */
const CONFLUENCE_CANNOT_USE = /\bCurrent user not permitted to use Confluence\b|\bPermissionException: Not permitted to use confluence\b/;

export const atlassian = defineProducer({
  id: 'atlassian', kind: 'saas-api', name: 'Atlassian (Jira / Confluence)', family: 'atlassian',
  own: [body(/"errorMessages"\s*:\s*\[|Client must be authenticated to access this resource|Basic authentication with passwords is deprecated/), hdr('x-arequestid'), hdr('atl-traceid')],
  bodyOnly: [body(ATLASSIAN_XSRF), body(ATLASSIAN_SCOPE), body(CONFLUENCE_CANNOT_USE)],
  presence: [hdr('x-seraph-loginreason'), hdr('x-aaccountid'), hdr('x-ausername')],
  causes: [
    rule('csrf', 0.9, body(ATLASSIAN_XSRF), {
      blocks: true, why: 'Jira\'s or Confluence\'s XSRF filter refused a write (POST, PUT, an attachment upload) that did not carry X-Atlassian-Token: no-check, or that came with a browser User-Agent, before it reached authentication',
      fix: 'Send X-Atlassian-Token: no-check on REST writes and attachment uploads, and a non-browser User-Agent from scripts and desktop apps.',
    }),
    rule('insufficient-permissions', 0.88, body(ATLASSIAN_SCOPE), {
      blocks: true, why: 'the Atlassian API gateway accepted the token but its scopes do not cover this endpoint: a scoped API token or OAuth app without the scope the endpoint lists (Jira Software and platform APIs need different ones)',
      fix: 'Create the token or app with the scopes the endpoint\'s documentation names, and call scoped tokens through https://api.atlassian.com/ex/jira/{cloudId} (or /ex/confluence/) rather than the site URL.',
    }),
    rule('insufficient-permissions', 0.82, body(CONFLUENCE_CANNOT_USE), {
      blocks: true, why: 'Confluence refused the calling user its global "Can use" permission (on Cloud: access to the Confluence product); when the credentials are not accepted, Confluence checks the call as the anonymous user, which a site without anonymous access refuses the same way',
      fix: 'Send the Atlassian account email with an API token (not the password) on Cloud, or a personal access token on Data Center, and check the account has Confluence product access or the "Can use" global permission.',
    }),
    rule('invalid-credentials', 0.7, body(CONFLUENCE_CANNOT_USE), { blocks: true, why: 'the credentials were not accepted (a password where Cloud needs an API token, a token of another site), so the call ran as the anonymous user' }),
    rule('waf-or-bot-block', 0.75, hdr('x-authentication-denied-reason', /CAPTCHA/i), { why: 'Jira requires a CAPTCHA after failed logins; API calls with basic auth are refused until it is solved in a browser' }),
    rule('missing-credentials', 0.9, body(/Client must be authenticated to access this resource/), { why: 'no credential reached Jira/Confluence (use email + API token)' }),
    rule('invalid-credentials', 0.88, body(/Basic authentication with passwords is deprecated|AUTHENTICATED_FAILED|Invalid API token/i), { why: 'Atlassian rejected the credentials (passwords are no longer accepted: use an API token)' }),
    rule('insufficient-permissions', 0.85, body(/You do not have (the )?permission|does not have permission|not have the required permission/i), { why: 'the user lacks the project/space permission for this action' }),
    rule('rate-limited', 0.93, all(status(429), hdr('x-arequestid')), { why: 'Atlassian Cloud rate limiting' }),
  ],
});

/** ZITADEL's authorization refusal: its sentence with its own error id (AUTH-<5>), in the console, its REST envelope or a gRPC status. */
const ZITADEL_NO_PERMISSION = /\bNo matching permissions found \(AUTH-[A-Za-z0-9]{5}\)/;

export const zitadel = defineProducer({
  id: 'zitadel', kind: 'saas-api', role: 'identity-provider', name: 'ZITADEL', family: 'zitadel',
  // its REST/Connect error envelope names ZITADEL's own detail type ({"code":7,"message":"… (ID)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail"…}]})
  own: [body(/\bzitadel\.v1\.ErrorDetail\b/)],
  bodyOnly: [body(ZITADEL_NO_PERMISSION)],
  causes: [
    rule('insufficient-permissions', 0.88, body(ZITADEL_NO_PERMISSION), {
      blocks: true, why: 'ZITADEL authenticated the caller but none of its manager roles grants the permission this API needs at this level: an organization role (Org Owner, Org Project Creator…) for an instance API, a role held in another organization than the one the call acts on, or a service user without any manager role',
      fix: 'Give the user or service user the manager role the API needs at the right level (Instance → Managers for instance APIs such as custom domains or sessions, e.g. IAM_OWNER or IAM_LOGIN_CLIENT; Organization → Managers for organization APIs), and send the x-zitadel-orgid header when acting on another organization.',
    }),
  ],
  checklist: { auth: 'Check which user the token belongs to and its manager roles in ZITADEL\'s console (Instance and Organization → Managers), and the organization the call acts on.' },
});
