import type { Matcher } from '../match';
import { all, any, body, bodyGroup, hdr, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';

// the code as a header, in the XML/JSON envelope, or as Azure's SDKs print it (Python "ErrorCode:X", .NET "ErrorCode: X")
// (Go's track-2 "ERROR CODE: X" and azblob's "ServiceCode=X" too)
const msCode = (codes: string): Matcher => any(hdr('x-ms-error-code', new RegExp(`^(${codes})$`)),
  bodyGroup(new RegExp(`(?:<Code>|"code"\\s*:\\s*"|\\bErrorCode: ?|\\bERROR CODE: |\\bServiceCode=)(${codes})(?:</Code>|"|\\)|\\s*$|\\s*\\n)`, 'm'), 1));

/** x-ms-error-code values of Azure Storage and ARM/Graph error codes. */
export const AZURE_RULES: CauseRule[] = [
  rule('insufficient-permissions', 0.93, msCode('AuthorizationPermissionMismatch|InsufficientAccountPermissions|AuthorizationFailed|Authorization_RequestDenied|AuthorizationResourceTypeMismatch|AuthorizationServiceMismatch'), {
    why: 'Azure says the caller is authenticated but its role/SAS permissions do not allow this operation',
    fix: 'Assign a data-plane role (e.g. Storage Blob Data Reader/Contributor) or an RBAC role at the right scope, or issue a SAS with the needed permissions; role assignments take a few minutes.',
  }),
  rule('ip-or-geo-blocked', 0.95, msCode('AuthorizationSourceIPMismatch|IpAuthorizationError'), { why: 'the SAS or network rule allows only other source IPs' }),
  rule('ip-or-geo-blocked', 0.6, msCode('AuthorizationFailure'), {
    why: 'AuthorizationFailure usually means the storage account firewall/virtual network rules refuse your network (or a private endpoint is required)',
    fix: 'Add your client IP/VNet to the storage account networking rules, or call through the private endpoint.',
  }),
  rule('insufficient-permissions', 0.45, msCode('AuthorizationFailure')),
  rule('method-or-path-blocked', 0.8, msCode('AuthorizationProtocolMismatch'), { why: 'the SAS or account requires HTTPS (or another protocol) than the one used' }),
  rule('resource-policy-deny', 0.9, msCode('PublicAccessNotPermitted|KeyBasedAuthenticationNotPermitted|RequestDisallowedByPolicy'), { why: 'an account or Azure Policy setting forbids this kind of access (public/anonymous, shared key, or a policy assignment)', blocks: true }),
  rule('missing-credentials', 0.93, msCode('NoAuthenticationInformation|AuthenticationRequired'), { why: 'no Authorization header, SAS token or bearer token was sent' }),
  rule('signature-or-clock-skew', 0.9, all(msCode('AuthenticationFailed'), body(/Signature did not match|Signature fields not well formed|Request date header too old|Signed expiry time|Signature not valid in the specified time frame|is not valid for|\bse=|signed expiry/i)), {
    why: 'the Shared Key/SAS signature did not verify, the SAS expired or the request date is off', fix: 'Regenerate the SAS/shared-key signature with the right account key, a future expiry and a synced clock.',
  }),
  rule('invalid-credentials', 0.9, any(msCode('InvalidAuthenticationToken|ExpiredAuthenticationToken|InvalidAuthenticationTokenTenant|InvalidAuthenticationTokenAudience'), body(/Lifetime validation failed|The token is expired|Access token has expired|Issuer validation failed|Audience validation failed/i)), {
    why: 'the Azure AD/Entra token is expired or for another tenant/audience', fix: 'Get a new token for the right tenant and resource (audience/scope).',
  }),
  rule('invalid-credentials', 0.75, msCode('AuthenticationFailed|InvalidAuthenticationInfo'), { why: 'Azure could not authenticate the request (AuthenticationFailed): the key, SAS or token is wrong' }),
  rule('missing-credentials', 0.95, body(/Access token is empty|Access token validation failure\. Invalid audience/i), { why: 'the bearer token is empty or missing' }),
  rule('account-or-plan-restriction', 0.93, msCode('AccountIsDisabled|SubscriptionNotFound|ReadOnlyDisabledSubscription|DisallowedOperation|SubscriptionNotRegistered|MissingSubscriptionRegistration'), { why: 'the storage account or subscription is disabled, read-only or not registered for the provider', blocks: true }),
  rule('rate-limited', 0.92, msCode('TooManyRequests|ServerBusy|activityLimitReached|throttledRequest|SubscriptionRequestsThrottled'), { why: 'Azure throttled the caller', blocks: true }),
];

/** Azure Storage's AuthenticationFailed sentence and its Shared Key detail, as SDKs and tools print them without the envelope. */
const STORAGE_AUTH_FAILED = /Server failed to authenticate the request\. Make sure the value of (the )?Authorization header is formed correctly including the signature/;
/**
 * AzCopy's own authorization failure line (the storage sentence cut at its first period stays anyone's: 'Server failed to
 * authenticate the request.' alone names nobody).
 * Sources: learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes (AuthenticationFailed),
 * github.com/Azure/azure-storage-azcopy (common/ste error text), corpus azure-blob-storage/.
 */
const STORAGE_AUTH_CUT = /\bAuthentication failed, it is either not correct, or expired, or does not have the correct permission\b|Server failed to authenticate the request\. Make sure the value of (the )?Authorization header is formed correctly\b/;
const STORAGE_MAC_MISMATCH = /The MAC signature found in the HTTP request '[^']*' is not the same as any computed signature/;

export const azureBlobStorage = defineProducer({
  id: 'azure-blob-storage', kind: 'cloud-storage', name: 'Azure Blob Storage', family: 'azure',
  own: [hdr('server', /^Windows-Azure-(Blob|File|Queue|Table)/i), all(hdr('x-ms-error-code', /\S/, 2), body(/<Error>\s*<Code>/))],
  // Azure Storage's envelope without headers (Blob, Files, Queues, Data Lake's JSON): the message
  // ends with "RequestId:<id>" and "Time:<ISO time>" lines, or carries <AuthenticationErrorDetail>,
  // or the code is one of the storage-only authorization codes
  bodyOnly: [
    body(STORAGE_AUTH_CUT),
    body(/RequestId:[\w-]+(?:\\n|\s)+Time:\d{4}-\d\d-\d\dT[\d:.]+Z/),
    body(/<AuthenticationErrorDetail>/),
    body(STORAGE_AUTH_FAILED), body(STORAGE_MAC_MISMATCH), body(/This request is not authorized to perform this operation using this permission/),
    bodyGroup(/(?:<Code>|"code"\s*:\s*"|\bErrorCode: ?)(AuthorizationPermissionMismatch|AuthorizationSourceIPMismatch|AuthorizationFailure|AuthorizationProtocolMismatch|AuthorizationResourceTypeMismatch|AuthorizationServiceMismatch|NoAuthenticationInformation|PublicAccessNotPermitted|KeyBasedAuthenticationNotPermitted|InsufficientAccountPermissions)(?:<\/Code>|"|\s*$|\s*\n)/m),
  ],
  presence: [hdr('x-ms-request-id'), hdr('x-ms-version')],
  causes: [
    // the storage services' own message for AuthorizationPermissionMismatch, as SDKs print it without the code
    rule('insufficient-permissions', 0.9, body(/This request is not authorized to perform this operation using this permission/), {
      why: 'Azure Storage authenticated the caller, but neither its data-plane role (Storage Blob Data Reader/Contributor…) nor the SAS permissions allow this operation; an Owner or Contributor role alone gives no data access',
      fix: 'Assign a Storage Blob/Queue/File Data role on the account or container to the identity (it takes a few minutes to apply), or issue a SAS with the needed permissions.',
    }),
    // AuthorizationFailure's own message (no 'using this permission'), as a client prints it without its code: the account's
    // firewall or network rules (learn.microsoft.com/troubleshoot/azure/azure-storage/blobs/authentication/storage-troubleshoot-403-errors,
    // github.com/CDCgov/prime-reportstream/issues/12209, learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes)
    rule('ip-or-geo-blocked', 0.6, body(/\bThis request is not authorized to perform this operation\.(?!\w)/), {
      why: 'AuthorizationFailure usually means the storage account firewall/virtual network rules refuse your network (or a private endpoint is required)',
      fix: 'Add your client IP/VNet to the storage account networking rules, or call through the private endpoint.',
    }),
    rule('insufficient-permissions', 0.45, body(/\bThis request is not authorized to perform this operation\.(?!\w)/)),
    rule('signature-or-clock-skew', 0.93, body(STORAGE_MAC_MISMATCH), {
      why: 'the Shared Key signature did not verify: the request was signed with another account key, or over headers, a path or a date that changed after signing (the message shows the string the server signed)',
      fix: 'Compare the "string to sign" in the message with what the client signed; use the current account key and sign exactly the headers sent.',
    }),
    rule('invalid-credentials', 0.8, body(STORAGE_AUTH_FAILED), {
      why: 'Azure Storage could not authenticate the request (AuthenticationFailed): a wrong or rotated account key, an expired or edited SAS token, or a connection string of another account',
      fix: 'Copy the key or connection string again from the storage account (Access keys), or generate a new SAS with a future expiry; check the machine\'s clock too.',
    }),
    rule('signature-or-clock-skew', 0.55, body(STORAGE_AUTH_FAILED), { why: 'the signature may be malformed or the request date off by more than 15 minutes' }),
    ...AZURE_RULES,
  ],
  checklist: {
    auth: 'Check the role assignment (Storage Blob Data *) for the identity, or the SAS permissions/expiry/allowed IPs.',
    server: 'Check the storage account networking (firewall, private endpoints), "Allow Blob anonymous access" and "Allow storage account key access".',
    logging: 'Find the request by x-ms-request-id in the storage diagnostic logs (StorageBlobLogs).',
  },
});

/** Azure AD Graph (graph.windows.net, retired): its OData v3 envelope {"odata.error":{code, message:{lang,value}}}, not Microsoft Graph's {"error":{…,"innerError"}}. */
const AAD_GRAPH_ERROR = /"odata\.error"\s*:\s*\{\s*"code"\s*:\s*"(Authorization_\w+|Authentication_\w+|Request_\w+|Directory_\w+)"/;

export const azureAdGraph = defineProducer({
  id: 'azure-ad-graph', kind: 'saas-api', name: 'Azure AD Graph', family: 'azure', overrides: ['microsoft-graph'],
  own: [body(/\bgraph\.windows\.net\b/)],
  bodyOnly: [body(AAD_GRAPH_ERROR)],
  causes: [
    rule('insufficient-permissions', 0.9, body(/"code"\s*:\s*"Authorization_RequestDenied"/), {
      why: 'Azure AD Graph refused: the app or user lacks the directory permission (an application permission not admin-consented, or a directory role)',
      fix: 'Grant the Azure AD Graph (or, better, the Microsoft Graph) permission with admin consent and fetch a new token; new code should call graph.microsoft.com.',
    }),
    ...AZURE_RULES,
  ],
});

/** Graph's front door refusing a bearer token it cannot parse as its own (an MSA or v1 token, "Bearer" twice, a truncated JWT). */
const GRAPH_COMPACT_TOKEN = /CompactToken (parsing|validation) failed with error code: [0-9A-Fa-f]{8}\b/;

export const microsoftGraph = defineProducer({
  id: 'microsoft-graph', kind: 'saas-api', name: 'Microsoft Graph', family: 'azure',
  // ARM shares the InvalidAuthenticationToken code, not Graph's CompactToken sentence
  overrides: ['azure-resource-manager'],
  own: [hdr('x-ms-ags-diagnostic'), body(/"innerError"\s*:\s*\{[\s\S]{0,200}"client-request-id"/), body(/graph\.microsoft\.com/i)],
  bodyOnly: [body(/"innerError"\s*:\s*\{[^{}]{0,300}"request-id"\s*:/), body(/"code"\s*:\s*"(Authorization_RequestDenied|Authorization_IdentityNotFound|ErrorAccessDenied|ErrorInvalidUser)"/), body(GRAPH_COMPACT_TOKEN)],
  presence: [hdr('client-request-id'), hdr('request-id')],
  causes: [
    rule('invalid-credentials', 0.9, body(GRAPH_COMPACT_TOKEN), {
      blocks: true, why: 'Graph could not parse the bearer token as one of its access tokens: a token for another resource or an MSA/v1 endpoint, an ID token, a truncated value, or "Bearer Bearer …"',
      fix: 'Request the token for https://graph.microsoft.com (scope …/.default or Graph scopes) from the v2.0 endpoint and send it once as Authorization: Bearer <token>.',
    }),
    rule('insufficient-permissions', 0.9, body(/Insufficient privileges to complete the operation|"code"\s*:\s*"(ErrorAccessDenied|accessDenied|Authorization_RequestDenied)"/), {
      why: 'the app/user lacks the Graph permission (scope or app role) for this call', fix: 'Add the Graph permission the endpoint documents, grant admin consent, and get a new token.',
    }),
    ...AZURE_RULES,
  ],
  checklist: { auth: 'Decode the token (jwt.ms) and compare scp/roles with the permissions the endpoint requires; grant admin consent.' },
});

/** Azure Policy's deny as ARM words it: "Resource 'x' was disallowed by policy. Policy identifiers: …" (older) or "… Reasons: '…'" (newer). */
const ARM_POLICY_DENY = /\bwas disallowed by policy\. (Policy identifiers|Reasons): /;
/** InvalidAuthenticationTokenTenant's sentence: a token issued by another tenant than the subscription's. */
const ARM_WRONG_ISSUER = /access token is from the wrong issuer '[^']+'\. It must match the tenant '/;
/** LinkedAuthorizationFailed's sentence: allowed on the resource, not on a linked one (another subscription, tenant or scope). */
const ARM_LINKED = /\bhas permission to perform action '[\w./]+' on scope '[^'\n]+'[,;] however,? (the current tenant '[^'\n]+' is not\s+authorized to access linked subscription|it does not have permission to perform action '[\w./]+' on the linked scope)/;
/** ScopeLocked's sentence: a management lock (ReadOnly / CanNotDelete) on the resource or a parent scope. */
const ARM_SCOPE_LOCKED = /\bcannot perform (write|delete) operation because following scope\(s\) are locked: /;
/**
 * The same refusals as a fragment carries them: ARM's documented codes printed bare (CLI, PowerShell, SDK lines), each
 * sentence's opening only (a message cut at its first period), ExpiredAuthenticationToken's sentence. Sources:
 * learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors, docs.azure.cn/azure-resource-manager/
 * troubleshooting/error-policy-requestdisallowedbypolicy, corpus azure-resource-manager/.
 */
const ARM_FRAGMENT = /\b(RequestDisallowedByPolicy|LinkedAuthorizationFailed|ScopeLocked)\b|\bResource '[^'\n]{1,90}' was disallowed by policy\b|\bThe template deployment failed because of policy violation\b|access token is from the wrong issuer 'https:\/\/sts\.windows\.net\/|\bThe client has permission to perform action '[\w./]+' on scope '|\bThe access token expiry UTC time '[^'\n]{1,40}' is earlier than current UTC time\b/;

export const azureResourceManager = defineProducer({
  id: 'azure-resource-manager', kind: 'saas-api', name: 'Azure Resource Manager', family: 'azure',
  own: [body(/does not have authorization to perform action '[\w./]+' over scope|"code"\s*:\s*"(AuthorizationFailed|InvalidAuthenticationToken|ExpiredAuthenticationToken|RequestDisallowedByPolicy|SubscriptionNotFound|LinkedAuthorizationFailed)"/)],
  bodyOnly: [body(ARM_POLICY_DENY), body(ARM_WRONG_ISSUER), body(ARM_LINKED), body(ARM_SCOPE_LOCKED), body(ARM_FRAGMENT)],
  presence: [hdr('x-ms-ratelimit-remaining-subscription-reads'), hdr('x-ms-routing-request-id'), hdr('x-ms-correlation-request-id')],
  causes: [
    rule('resource-policy-deny', 0.94, body(ARM_POLICY_DENY), {
      why: 'an Azure Policy assignment with the deny effect refuses this resource as requested (its location, SKU, type or a setting such as local authentication); no role assignment changes that',
      fix: 'Read the policy assignment named in the error (Policy > Assignments), change the template to comply (allowed region, SKU, settings), or ask its owner for an exemption.',
    }),
    rule('invalid-credentials', 0.92, body(ARM_WRONG_ISSUER), {
      blocks: true, why: 'the token was issued by another tenant than the one the subscription belongs to (a guest account signed in to its home tenant, a cached token after a subscription transfer, or a credential without the tenant id)',
      fix: 'Get the token from the tenant the message names (az login --tenant <id>, Connect-AzAccount -Tenant <id>, or the tenant id in the SDK credential), then retry.',
    }),
    rule('insufficient-permissions', 0.92, body(ARM_LINKED), {
      blocks: true, why: 'the caller may act on the resource itself but not on a resource it links to (an image gallery, virtual network, DDoS plan or managed identity in another subscription or tenant): the token was issued for one tenant only, or the identity has no role on the linked scope',
      fix: 'Grant the identity the action named on the linked scope; across tenants, sign in to both tenants and send the second token as x-ms-authorization-auxiliary (or use a multi-tenant service principal registered in both).',
    }),
    rule('resource-policy-deny', 0.93, body(ARM_SCOPE_LOCKED), {
      blocks: true, why: 'a management lock (ReadOnly or CanNotDelete) on the resource group or resource named refuses this write or delete for every caller, Owners included; a ReadOnly lock also blocks POST actions such as listKeys',
      fix: 'Remove or relax the lock on the scope named (az lock list / az lock delete) for the change, then put it back; Microsoft.Authorization/locks/* is needed to manage locks.',
    }),
    ...AZURE_RULES,
  ],
  checklist: { auth: 'Check role assignments for the object id in the message at the scope named (az role assignment list).' },
});

/** Azure OpenAI's quota sentence: 'Requests to the <operation> Operation under Azure OpenAI API version <v> have exceeded (the) token/call rate limit of your current <tier> pricing tier'. */
const AZURE_OPENAI_LIMIT = /Operation under Azure OpenAI API version [\w.-]+ have exceeded (the )?(token |call )?rate limit|aka\.ms\/oai\/quotaincrease/;

/**
 * The Cognitive Services front door's bearer-token refusal, naming the audience it expects in parentheses
 * (https://cognitiveservices.azure.com, https://ai.azure.com, urn:ms.scopedToken…). Its {statusCode, message}
 * envelope is APIM's, and 'Unauthorized' named APIM: these words are the AI resource's own.
 */
const AZURE_AI_TOKEN = /Access token is missing, invalid, (and the )?audience is incorrect \([^)]{1,120}\)\s?,? or have expired/;

export const azureAiServices = defineProducer({
  id: 'azure-ai-services', kind: 'saas-api', name: 'Azure AI services (Azure OpenAI)', family: 'azure',
  overrides: ['azure-api-management'],
  // the Cognitive Services front door's own sentences (Azure OpenAI, Document Intelligence, Speech…)
  own: [body(/Access denied due to invalid subscription key or wrong API endpoint|Principal does not have access to API\/Operation/), body(AZURE_OPENAI_LIMIT), body(AZURE_AI_TOKEN)],
  // the token sentence cut before its audience or expiry (learn.microsoft.com/azure/ai-services/authentication, corpus azure-ai-services/)
  bodyOnly: [body(/\bAccess token is missing, invalid, (and the )?audience is incorrect\b/)],
  presence: [hdr('apim-request-id'), hdr('x-ms-region'), hdr('azureml-model-session')],
  causes: [
    rule('invalid-credentials', 0.9, body(/Access denied due to invalid subscription key or wrong API endpoint/), {
      why: 'the api-key is not a key of this Azure AI resource: a key of another resource or region, an OpenAI (not Azure) key, or the endpoint of another resource',
      fix: 'Copy Key 1 and the endpoint from the same resource (Keys and Endpoint blade) and send the key as api-key (Ocp-Apim-Subscription-Key for other AI services).',
    }),
    rule('invalid-credentials', 0.88, body(AZURE_AI_TOKEN), {
      why: 'the Azure AI resource read an Entra ID bearer token and refused it: a token for another audience than the one in parentheses, an expired one, or an api-key sent as "Authorization: Bearer" (a plain OpenAI client pointed at an Azure endpoint), which it reads as a token',
      fix: 'With a key, send it in the api-key header (AzureOpenAI / azure_endpoint clients do); with Entra ID, request the token for the audience the message names (scope <audience>/.default) and refresh it before it expires.',
    }),
    rule('missing-credentials', 0.4, body(AZURE_AI_TOKEN)),
    rule('rate-limited', 0.95, body(AZURE_OPENAI_LIMIT), {
      why: 'the deployment\'s tokens-per-minute or requests-per-minute quota (of the resource\'s pricing tier) is used up for now',
      fix: 'Wait the seconds the message gives, then raise the deployment\'s TPM quota (aka.ms/oai/quotaincrease) or spread requests over more deployments.',
    }),
    rule('insufficient-permissions', 0.9, body(/Principal does not have access to API\/Operation/), {
      why: 'the Entra ID token is valid but its principal has no data-plane role on the resource (e.g. Cognitive Services OpenAI User)',
      fix: 'Assign the caller (user, managed identity or service principal) the data-plane role on the resource, wait for it to propagate, and request a new token.',
    }),
  ],
  checklist: { auth: 'Decide between key auth (api-key) and Entra ID (Authorization: Bearer, scope https://cognitiveservices.azure.com/.default); do not mix them.' },
});

export const azureApiManagement = defineProducer({
  id: 'azure-api-management', kind: 'gateway', name: 'Azure API Management', family: 'azure',
  own: [body(/"statusCode"\s*:\s*\d{3}\s*,\s*"message"\s*:\s*"[^"]*(subscription key|Rate limit is exceeded|Out of call volume quota|Access token is missing or invalid)/i), body(/"statusCode"\s*:\s*403\s*,\s*"message"\s*:\s*"Forbidden"\s*\}/), body(/Ocp-Apim-Subscription-Key/i)],
  // its subscription-key sentences as a client prints them, without the JSON around them
  bodyOnly: [body(/Access denied due to (invalid|missing) subscription key\. Make sure to (provide a valid key for an active subscription|include subscription key)/),
    // its quota policy's message with its replenish time (learn.microsoft.com/azure/api-management/quota-policy, and the
    // quota-by-key policy's page); Azure AI services' own 'Out of call volume quota for <API> <tier>' stays theirs
    body(/\bOut of call volume quota\. Quota will be replenished in \d/)],
  presence: [hdr('ocp-apim-trace-location'), hdr('ocp-apim-apiid'), hdr('ocp-apim-subscriptionid')],
  causes: [
    rule('missing-credentials', 0.95, body(/Access denied due to missing subscription key/i), {
      why: 'no APIM subscription key arrived (Ocp-Apim-Subscription-Key header or subscription-key query parameter)',
      fix: 'Send the key in the Ocp-Apim-Subscription-Key header (or the header name this API is configured with).',
    }),
    rule('invalid-credentials', 0.93, body(/Access denied due to invalid subscription key/i), { why: 'the subscription key is wrong, or the subscription is not active or not for a product containing this API' }),
    rule('rate-limited', 0.95, body(/Rate limit is exceeded|Out of call volume quota/i), { why: 'an APIM rate-limit or quota policy fired' }),
    rule('invalid-credentials', 0.75, body(/Access token is missing or invalid|Invalid JWT|JWT not present/i), { why: 'the validate-jwt policy rejected the token' }),
    rule('missing-credentials', 0.55, body(/Access token is missing or invalid|JWT not present/i)),
    rule('ip-or-geo-blocked', 0.55, all(status(403), body(/"message"\s*:\s*"Forbidden"/)), { why: 'a bare APIM 403 "Forbidden" is what the ip-filter policy returns' }),
    rule('insufficient-permissions', 0.35, all(status(403), body(/"message"\s*:\s*"Forbidden"/))),
  ],
  checklist: {
    auth: 'Check the subscription is active and scoped to a product that includes this API.',
    gateway: 'Review the inbound policies (validate-jwt, ip-filter, rate-limit-by-key, quota) at all scopes.',
    logging: 'Use Ocp-Apim-Trace or Application Insights to see which policy returned the error.',
  },
});

export const azureAppService = defineProducer({
  id: 'azure-app-service', kind: 'web-server', name: 'Azure App Service', family: 'azure',
  own: [body(/Error 403 - (This web app is stopped|Forbidden)|web app you have attempted to reach|azurewebsites\.net/i)],
  presence: [cookieLike(/ARRAffinity/), hdr('x-powered-by', /ASP\.NET/)],
  causes: [
    rule('account-or-plan-restriction', 0.92, body(/This web app is stopped|has exceeded (its|the) quota|Site Disabled/i), { why: 'the App Service app is stopped or over its plan quota', template: true, fix: 'Start the app or raise the App Service plan quota.' }),
    rule('ip-or-geo-blocked', 0.88, body(/has blocked your access/i), { why: 'App Service access restrictions (IP/service tag rules) block your address', template: true }),
  ],
  checklist: { server: 'Check the app\'s Networking > Access restrictions, the app state and the plan quota.' },
});

function cookieLike(re: RegExp): Matcher {
  return hdr('set-cookie', re, 1);
}

export const azureFrontDoor = defineProducer({
  id: 'azure-front-door', kind: 'cdn-waf', name: 'Azure Front Door', family: 'azure-edge',
  own: [body(/The request is blocked\.|Our services aren't available right now/i)],
  presence: [hdr('x-azure-ref'), hdr('x-fd-healthprobe'), hdr('x-msedge-ref')],
  causes: [
    rule('waf-or-bot-block', 0.8, all(status(403), body(/The request is blocked\./i)), { why: 'the Front Door WAF policy blocked the request (default block response)', template: true }),
  ],
  checklist: { server: 'Search the WAF logs (FrontDoorWebApplicationFirewallLog) by the x-azure-ref tracking reference.' },
});

export const azureApplicationGateway = defineProducer({
  id: 'azure-application-gateway', kind: 'cdn-waf', name: 'Azure Application Gateway', family: 'azure-edge',
  own: [all(hdr('server', /^Microsoft-Azure-Application-Gateway/i, 2), status(403))],
  presence: [hdr('server', /^Microsoft-Azure-Application-Gateway/i)],
  causes: [
    rule('waf-or-bot-block', 0.78, all(status(403), hdr('server', /Application-Gateway/i)), { why: 'Application Gateway itself answered 403: its WAF policy blocked the request', template: true }),
  ],
  checklist: { server: 'Check the WAF policy (managed rule set, custom rules) and ApplicationGatewayFirewallLog.' },
});

/** ACR's own links in its refusals: aka.ms/acr/authorization (no or a bad token) and aka.ms/acr/firewall (network rules). */
const ACR_FIREWALL = /client with IP \\?(u0027|')?[^\s]*? is not allowed access\. Refer\s+https:\/\/aka\.ms\/acr\/firewall/;

export const azureContainerRegistry = defineProducer({
  id: 'azure-container-registry', kind: 'saas-api', name: 'Azure Container Registry', family: 'azure',
  // it speaks the OCI registry's envelope and codes: its aka.ms links name it over the generic registry
  overrides: ['docker-registry'],
  // … and, cut before that link, its firewall sentence or a registry host of its own (*.azurecr.io) in the client's line: the docker
  // registry's DENIED envelope there is ACR's (learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-access,
  // corpus azure-container-registry/)
  bodyOnly: [body(/https:\/\/aka\.ms\/acr\/(authorization|firewall)\b/), body(/\bclient with IP \\?(u0027|')[\da-fA-F.:]{3,45}\\?(u0027|') is not allowed access\b|\.azurecr\.io\b/)],
  causes: [
    rule('ip-or-geo-blocked', 0.95, body(ACR_FIREWALL), {
      blocks: true, why: 'the registry\'s network rules (public access limited to selected networks, or a private endpoint only) refuse the client IP the message names',
      fix: 'Add that IP or its range to the registry\'s Networking rules, or pull and push from a network that reaches the private endpoint (a self-hosted runner in the VNet).',
    }),
    rule('missing-credentials', 0.8, body(/authentication required, visit https:\/\/aka\.ms\/acr\/authorization/), {
      blocks: true, why: 'ACR got no usable token for this repository: no docker login / pull secret, an expired az acr login token (3 hours), or a repository or tag that does not exist (ACR answers those the same way)',
      fix: 'Run az acr login -n <registry> (or give the cluster an image pull secret / attach the registry to AKS), and check the repository and tag names.',
    }),
    rule('invalid-credentials', 0.45, body(/authentication required, visit https:\/\/aka\.ms\/acr\/authorization/), { why: 'the token ACR got expired or is of another registry' }),
  ],
  checklist: { auth: 'Check the identity has AcrPull / AcrPush on the registry and that docker holds a current token (az acr login).', server: 'Check the registry\'s Networking blade: public network access, allowed IPs, private endpoints.' },
});

/** Key Vault's data-plane refusals: an access policy's sentence, the RBAC caller/action block, or its firewall's. */
const KV_POLICY = /does not have (secrets|keys|certificates|storage) \w+ permission on key vault/;
const KV_FIREWALL = /Client address is not authorized and caller is not a trusted service/;
/** Key Vault's own AKV100xx token codes; AKV10032 names the issuers (tenants) it accepts and the one it found. */
const KV_AKV_CODE = /\bAKV100\d\d: /;
const KV_WRONG_ISSUER = /\bAKV10032: Invalid issuer\. Expected one of /;
const KV_RBAC = /Caller is not authorized to perform action on resource\.[\s\S]{0,600}(Microsoft\.KeyVault\/vaults\/|Vault: [\w-]+;location=)|\bForbiddenByRbac\b/;

export const azureKeyVault = defineProducer({
  id: 'azure-key-vault', kind: 'saas-api', name: 'Azure Key Vault', family: 'azure',
  bodyOnly: [body(KV_POLICY), body(KV_FIREWALL), body(KV_RBAC), body(/\bKeyVaultErrorException\b|\bForbiddenBy(Policy|Firewall|Connection)\b/), body(KV_AKV_CODE)],
  presence: [hdr('x-ms-keyvault-service-version'), hdr('x-ms-keyvault-network-info')],
  causes: [
    rule('insufficient-permissions', 0.93, any(body(KV_POLICY), body(/\bForbiddenByPolicy\b/)), {
      blocks: true, why: 'the vault uses access policies and none gives this identity (appid/oid in the message) the permission named (secrets get, list, set…)',
      fix: 'Add an access policy for that object id with the permission (az keyvault set-policy), or move the vault to Azure RBAC and assign a Key Vault Secrets User/Officer role.',
    }),
    rule('insufficient-permissions', 0.92, body(KV_RBAC), {
      blocks: true, why: 'the vault uses Azure RBAC and no role assignment gives the caller the data action named (Assignment: (not found)); Owner or Contributor on the vault gives no data access',
      fix: 'Assign a Key Vault data role (Secrets User, Secrets Officer, Crypto Officer…) at the vault or the object for the caller, then allow some minutes for it to apply.',
    }),
    rule('invalid-credentials', 0.92, body(KV_WRONG_ISSUER), {
      blocks: true, why: 'the vault refused a token issued by another tenant than its own (AKV10032: the issuer found is not among those expected): a credential signed in to its home or default tenant, a vault moved to another tenant, or a hard-coded tenant id',
      fix: 'Get the token from the vault\'s tenant (az login --tenant <id>, or tenantId / additionallyAllowedTenants in the SDK credential); after moving a vault, update its tenantId and access policies.',
    }),
    rule('ip-or-geo-blocked', 0.95, any(body(KV_FIREWALL), body(/\bForbiddenByFirewall\b/)), {
      blocks: true, why: 'the vault\'s firewall allows only selected networks and the client address in the message is not among them (and the caller is not a trusted Microsoft service)',
      fix: 'Add the client IP or its virtual network to the vault\'s Networking rules, or reach the vault through its private endpoint.',
    }),
    ...AZURE_RULES,
  ],
  checklist: { auth: 'Check the vault\'s permission model (access policies or Azure RBAC) and what it grants the object id in the message.', server: 'Check the vault\'s Networking: public access, allowed IPs and VNets, trusted services, private endpoints.' },
});
