import { all, any, body, hdr, not, status } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * QuickBooks Online (Intuit Accounting API): its fault envelope — JSON `fault.error[{message,detail,code}]` with a
 * `type` (AUTHENTICATION, SERVICE…), or XML `<IntuitResponse xmlns="http://schema.intuit.com/finance/v3"><Fault
 * type="AuthenticationFault">` — whose message reads `message=<Name>; errorCode=<6 digits>; statusCode=<n>`
 * (developer.intuit.com error codes: 3200 authentication failed, 3100 authorization failed), and its SDKs'
 * exceptions (python-quickbooks' QB Auth Exception, the PHP SDK's ServiceException). Sources:
 * routablehq/python-quickbooks#250, mcohen01/node-quickbooks#154, intuit/oauth-jsclient#135 and #2,
 * googleworkspace/apps-script-oauth1#27.
 */
const QBO_FAULT_MESSAGE = /message=\w{4,40}; errorCode=\d{6}; statusCode=\d{3}/;
const QBO_XML_FAULT = all(body(/\bschema\.intuit\.com\/finance\/v3\b/), body(/<Fault type="\w{3,40}"/));
const QBO_SDK = /\bquickbooks\.exceptions\.\w{3,40}Exception\b|\bQB Auth Exception\b|\bQuickBooksOnline\\API\\Exception\\\w+/;
const QBO_AUTHN = /message=(Application)?AuthenticationFailed; errorCode=003200|AuthenticationErrorGeneral: SRV-110-Authentication Failure|<Fault type="AuthenticationFault">|QB Auth Exception: Application authentication failed/;
const QBO_AUTHZ = /message=(Application)?AuthorizationFailed; errorCode=003100/;

const quickbooksApi = defineProducer({
  id: 'quickbooks-online-api', kind: 'saas-api', name: 'QuickBooks Online API (Intuit)', family: 'intuit',
  own: [body(QBO_FAULT_MESSAGE), QBO_XML_FAULT],
  bodyOnly: [body(QBO_SDK)],
  causes: [
    rule('invalid-credentials', 0.93, body(QBO_AUTHN), {
      blocks: true, why: 'QuickBooks Online did not accept the access token (fault 3200 / AuthenticationFault 100): it expired (access tokens live one hour), was malformed or cut, or was issued for the other environment (sandbox vs production)',
      fix: 'Refresh the access token with the refresh token (POST oauth.platform.intuit.com/oauth2/v1/tokens/bearer) and retry; send it whole as Authorization: Bearer …, to the host of the environment that issued it.',
    }),
    rule('insufficient-permissions', 0.9, body(QBO_AUTHZ), {
      blocks: true, why: 'QuickBooks Online authenticated the token but refused it for this company or call (fault 3100 AuthorizationFailed): the realmId is not the company the token was granted for, a sandbox company is called with a production token (or the reverse), the app lacks the com.intuit.quickbooks.accounting scope, or the user is not an admin of the company',
      fix: 'Use the realmId returned with this token\'s authorisation, call the matching host (sandbox-quickbooks.api.intuit.com vs quickbooks.api.intuit.com), and reconnect the app with the accounting scope as a company admin.',
    }),
  ],
  checklist: { auth: 'Check the access token\'s age (one hour), its environment (sandbox vs production) and the realmId it was granted for.' },
});

/**
 * Box API: its error object `{"type":"error","status":403,"code":"access_denied_insufficient_permissions",
 * "help_url":"http://developers.box.com/docs/#errors","message":…,"request_id":…}` (developer.box.com
 * reference: client errors), its SDKs' exceptions (`The API returned an error [Forbidden | <request id>] <code> -
 * <message>` from the .NET and Java SDKs, boxsdk's BoxAPIException, boxr's BoxrError) and its scope challenge.
 * Sources: box/box-windows-sdk-v2#750 and #579, box/box-java-sdk#648, cburnette/boxr#20.
 */
const BOX_ENVELOPE = /"type"\s*:\s*"error"\s*,\s*"status"\s*:\s*\d{3}\s*,\s*"code"\s*:\s*"[a-z_]{3,60}"/;
const BOX_SDK_MESSAGE = /The API returned an error (code )?\[(\d{3}|[A-Za-z]{3,30}) \| [\w.]{6,80}\] [a-z_]{3,60} - /;
const BOX_SDK = /\bBox\.V2\.Exceptions\.BoxException\b|\bcom\.box\.sdk\.BoxAPIResponseException\b|\bboxsdk\.exception\.BoxAPIException\b|\bBoxr::BoxrError\b/;

const boxApi = defineProducer({
  id: 'box-api', kind: 'saas-api', name: 'Box API', family: 'box',
  // its SDKs relay Box's Bearer challenge (error="insufficient_scope"), which reads like Authlib's own
  overrides: ['authlib'],
  own: [all(body(BOX_ENVELOPE), body(/\bdevelopers?\.box\.com\b/)), body(BOX_SDK_MESSAGE), body(BOX_SDK)],
  bodyOnly: [body(BOX_ENVELOPE), body(/\bapi\.box\.com\/2\.0\//)],
  causes: [
    rule('insufficient-permissions', 0.92, body(/\baccess_denied_insufficient_permissions\b|\berror="insufficient_scope"/), {
      blocks: true, why: 'Box refused the call for this user or app: the user the token acts as has no collaboration (or too low a role) on the item, or the app lacks the scope or access level it needs (App Access Only vs App + Enterprise Access, Manage users/groups, Write all files)',
      fix: 'Collaborate the service account or user on the folder with a role that allows the action, or enable the scope / Enterprise Access in the Developer Console and have an admin re-authorise the app; then get a new token.',
    }),
    // a 404 not_found for an item the token's user cannot see reads as an ordinary miss: leave it to the status
  ],
  checklist: { auth: 'Check which user the token acts as (service account, app user, as-user) and that this user is collaborated on the item.' },
});

/**
 * Microsoft Dataverse (Dynamics 365, Power Apps): its privilege check — `Principal user (Id=…, type=8, roleCount=…),
 * is missing prv<Action><Entity> privilege (Id=…) on OTC=… for entity '…'`, code 0x80040220 in the Web API's
 * `{"error":{"code","message"}}`, and `SecLib::CheckPrivilege failed. User: …, PrivilegeName: prv…` on solution
 * imports. Sources: microsoft/coe-starter-kit#6827 and #10402, MicrosoftDocs/powerapps-docs#4297,
 * microsoft/PowerApps-Samples#235, MscrmTools/XrmToolBox#322.
 */
const DV_MISSING_PRV = /\bis missing prv\w{3,80} privilege\b/;
const DV_SECLIB = /SecLib::CheckPrivilege failed\. User: [\w-]{8,40}, PrivilegeName: prv\w{3,80}/;
const DV_CODE = /"code"\s*:\s*"0x80040220"/;

const dataverse = defineProducer({
  id: 'microsoft-dataverse', kind: 'saas-api', name: 'Microsoft Dataverse (Dynamics 365)', family: 'microsoft-dataverse',
  own: [body(DV_MISSING_PRV), body(DV_SECLIB)],
  bodyOnly: [body(DV_CODE), body(/@Microsoft\.PowerApps\.CDS\.ErrorDetails\./), body(/\.crm\d{0,2}\.dynamics\.com\/api\/data\/v9/)],
  causes: [
    rule('insufficient-permissions', 0.94, any(body(DV_MISSING_PRV), body(DV_SECLIB), body(DV_CODE)), {
      blocks: true, why: 'Dataverse checked the security roles of the calling user (or application user, or the user impersonated) and none grants the named privilege (prvRead/Create/Write… on that table) at the depth needed',
      fix: 'Add the privilege to one of the principal\'s security roles (Power Platform admin center → Environment → Users / Application users → Manage roles), or assign a role that has it (System Customizer, the solution\'s own role); the message names the privilege and the table.',
    }),
  ],
  checklist: { auth: 'Check the security roles of the user or application user the call runs as in this environment.' },
});

/**
 * DocuSign eSignature REST API: `{"errorCode":"…","message":"…"}` with its own codes (developers.docusign.com error
 * codes: USER_AUTHENTICATION_FAILED, PARTNER_AUTHENTICATION_FAILED, AUTHORIZATION_INVALID_TOKEN…), also as PHP
 * serialises it, and its SDKs' ApiException. Sources: Tucker-Eric/Laravel-Docusign#31,
 * docusign/docusign-esign-java-client#101 and #232, docusign/docusign-esign-csharp-client#342,
 * docusign/code-examples-php#44.
 */
const DS_CODES = 'USER_AUTHENTICATION_FAILED|PARTNER_AUTHENTICATION_FAILED|AUTHORIZATION_INVALID_TOKEN|USER_LACKS_PERMISSIONS|ACCOUNT_LACKS_PERMISSIONS|USER_NOT_ACCOUNT_ADMIN|HOURLY_APIINVOCATION_LIMIT_EXCEEDED|BURST_APIINVOCATION_LIMIT_EXCEEDED';
const dsCode = (codes: string) => new RegExp(`errorCode\\W{1,6}(s:\\d{1,3}:\\W{1,2})?(${codes})\\b`);
const DS_PARTNER = /The specified Integrator Key was not found or is disabled/;
const DS_USER = /One or both of Username and Password are invalid/;

const docusignApi = defineProducer({
  id: 'docusign-api', kind: 'saas-api', name: 'DocuSign eSignature API', family: 'docusign',
  own: [body(dsCode(DS_CODES)), body(DS_PARTNER)],
  bodyOnly: [body(/\bcom\.docusign\.esign\.client\.ApiException\b|\bDocuSign\.eSign\.Client\.ApiException\b|\bdocusign_esign\.client\.api_exception\b/), body(DS_USER)],
  causes: [
    rule('invalid-credentials', 0.92, any(body(dsCode('USER_AUTHENTICATION_FAILED|AUTHORIZATION_INVALID_TOKEN')), body(DS_USER)), {
      blocks: true, why: 'DocuSign did not accept the user\'s credentials: the OAuth access token expired (they live eight hours), was cut, or belongs to the other environment (demo vs production); with legacy X-DocuSign-Authentication, the user name or password is wrong',
      fix: 'Get a new access token (JWT grant or refresh token) from the account server of the environment you call (account-d.docusign.com for demo) and send it as Authorization: Bearer …',
    }),
    rule('invalid-credentials', 0.9, any(body(dsCode('PARTNER_AUTHENTICATION_FAILED')), body(DS_PARTNER)), {
      blocks: true, why: 'DocuSign did not find the integration key for this request: no token or key reached it, the key is a demo key sent to production (or not yet promoted), or the base path is wrong (missing https:// or /restapi, so the token never applies)',
      fix: 'Set the SDK\'s base path to the account\'s base_uri + /restapi (from /oauth/userinfo) with https://, send the access token, and use the integration key of this environment (promote it with Go-Live for production).',
    }),
  ],
  checklist: { auth: 'Check the environment (demo vs production), the base path (https://…/restapi) and that the access token is attached.' },
});

/**
 * Zoho APIs (CRM, Desk, Books, Bigin on zohoapis.*): `{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth
 * token","status":"error"}` — its codes first, then details (zoho.com/crm/developer/docs/api status codes), also as
 * PHP's print_r shows it — and its SDKs (zcrmsdk, ZohoOAuthException, webleit's OAuthScopeMismatch). Sources:
 * solspace/craft-freeform#1372, pastebin.com/VkvZW1Vy, PostHog/posthog#78477, Weble/ZohoClient#33.
 */
const zohoCode = (codes: string) => new RegExp(`(\\bcode["']?\\s*:\\s*["']|\\[code\\] => )(${codes})["']?\\s*,?\\s{0,20}(["']details["']|\\[details\\])`);
const ZOHO_CODES = 'INVALID_TOKEN|OAUTH_SCOPE_MISMATCH|AUTHENTICATION_FAILURE|NO_PERMISSION|INVALID_OAUTHTOKEN|INVALID_OAUTHSCOPE';

const zohoApi = defineProducer({
  id: 'zoho-api', kind: 'saas-api', name: 'Zoho API (CRM, Desk, Books)', family: 'zoho',
  own: [body(zohoCode(ZOHO_CODES))],
  bodyOnly: [body(/\bzcrmsdk\b|\bZohoOAuthException\b|\bcom\.zoho\.crm\.api\.\w+|\bwebleit\\zohocrmapi\b/), body(/\bwww\.zohoapis\.(com|eu|in|com\.au|jp|com\.cn)\/(crm|desk|books|bigin)\//)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(zohoCode('INVALID_TOKEN|AUTHENTICATION_FAILURE|INVALID_OAUTHTOKEN')), body(/\binvalid oauth token\b/)), {
      blocks: true, why: 'Zoho did not accept the OAuth access token: it expired (they live one hour), was revoked, or was issued by another data centre (a zoho.eu token sent to zohoapis.com, or the reverse)',
      fix: 'Refresh the access token with the refresh token at the accounts server of the account\'s data centre (accounts.zoho.com / .eu / .in…) and call that data centre\'s zohoapis host; send it as Authorization: Zoho-oauthtoken ….',
    }),
    rule('insufficient-permissions', 0.92, any(body(zohoCode('OAUTH_SCOPE_MISMATCH|INVALID_OAUTHSCOPE|NO_PERMISSION')), body(/\binvalid oauth scope to access this URL\b/)), {
      blocks: true, why: 'the Zoho token was granted without the scope this URL needs (e.g. ZohoCRM.settings.modules.READ for /settings/modules, ZohoCRM.modules.ALL for records), or the user\'s profile lacks the permission',
      fix: 'Create a new grant token with the missing scope (the API page of each endpoint lists it), exchange it for a new refresh token, and replace the old one; refreshing the old token keeps the old scopes.',
    }),
  ],
  checklist: { auth: 'Check the token\'s data centre (com/eu/in/au…) and the scopes it was granted with.' },
});

/**
 * ServiceNow REST APIs (Table API, Scripted REST): `{"error":{"message":…,"detail":…},"status":"failure"}` and its
 * Basic challenge `WWW-Authenticate: Basic realm="Service-now"` (docs.servicenow.com REST API response codes).
 * Sources: panoramicdata/ServiceNow.Api#16, vdesabou/kafka-docker-playground#8206 and #8778.
 */
const SN_ENVELOPE = /"error"\s*:\s*\{\s*"message"\s*:\s*"[^"]{1,200}"\s*,\s*"detail"\s*:\s*("[^"]{0,400}"|null)\s*\}\s*,\s*"status"\s*:\s*"failure"/;

const serviceNow = defineProducer({
  id: 'servicenow', kind: 'saas-api', name: 'ServiceNow REST API', family: 'servicenow',
  own: [hdr('www-authenticate', /realm="Service-now"/i)],
  bodyOnly: [body(SN_ENVELOPE), body(/\b[\w-]+\.service-now\.com\/api\/now\//)],
  causes: [
    rule('invalid-credentials', 0.86, all(body(/\bUser (Not|is not) Authenticated\b/i), body(/Required to provide Auth information/)), {
      blocks: true, why: 'the ServiceNow instance did not authenticate the caller: the Basic credentials are wrong (or the account is locked, web-service-only access is off, or SSO-only), the OAuth token expired, or no Authorization header reached the instance',
      fix: 'Check the user name and password against the instance (log in as that user), that the account is active and not locked, or get a new OAuth token; send it as Authorization: Basic/Bearer ….',
    }),
  ],
  checklist: { auth: 'Check the integration user\'s credentials, lock state and roles (rest_api_explorer, table ACLs) on the instance.' },
});

/**
 * Xero API (Accounting, Payroll, Projects): `{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"…",
 * "Instance":"<uuid>"}` — Detail AuthenticationUnsuccessful, AuthorizationUnsuccessful, TokenExpired: token expired
 * at … (developer.xero.com OAuth 2.0 troubleshooting), camel-cased by some SDKs, as a Ruby hash by xeroizer —
 * and its SDKs (XeroAPI\XeroPHP\ApiException, Xeroizer, pyxero). Sources: freakboy3742/pyxero#337,
 * waynerobinson/xeroizer#509 and #556, dcblogdev/laravel-xero#40, foxbytehq/laravel-xero-oauth2#99,
 * XeroAPI/Xero-NetStandard#100, NangoHQ/nango#203, benedwards44/Apex-for-Xero#28.
 */
const xeroDetail = (words: string) => new RegExp(`["']?detail["']?\\s*(:|=>)\\s*["']?(${words})`, 'i');
const XERO_WORDS = 'AuthenticationUnsuccessful|Authori[sz]ationUnsuccessful|TokenExpired: token expired at|TokenInvalid';

const xeroApi = defineProducer({
  id: 'xero-api', kind: 'saas-api', name: 'Xero API', family: 'xero',
  own: [all(body(xeroDetail(XERO_WORDS)), body(/["']?(Instance|Title)["']?\s*(:|=>)/i))],
  bodyOnly: [body(xeroDetail(XERO_WORDS)), body(/\bapi\.xero\.com\/(api|payroll|projects|assets)\.xro\/\d\.\d\b/), body(/\bXeroAPI\\XeroPHP\\ApiException\b|\bXeroizer::OAuth::\w+|\bXeroUnauthorized\b|\bXero\.NetStandard\.OAuth2\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(xeroDetail('TokenExpired: token expired at|TokenInvalid')), {
      blocks: true, why: 'the Xero access token expired (they live 30 minutes) or is not a token Xero issued',
      fix: 'Refresh the token set with the refresh token (POST identity.xero.com/connect/token, grant_type=refresh_token; keep the new refresh token, the old one is single-use) and retry.',
    }),
    rule('insufficient-permissions', 0.9, body(xeroDetail('Authori[sz]ationUnsuccessful')), {
      blocks: true, why: 'Xero accepted the token but it was not granted the scope this endpoint needs (accounting.transactions for invoices, projects for Projects…), or the user lost access to the organisation',
      fix: 'Add the scope to the authorisation request (and offline_access), have the user reconnect, and use the new token set; scopes of an existing token do not grow on refresh.',
    }),
    rule('insufficient-permissions', 0.88, all(status(403), body(xeroDetail('AuthenticationUnsuccessful'))), {
      blocks: true, why: 'Xero refused the token for this organisation (403 AuthenticationUnsuccessful): the xero-tenant-id header is missing or names an organisation this connection does not cover (a reconnect changes it, a disconnected or expired trial organisation drops it)',
      fix: 'Call GET api.xero.com/connections with the token, send one of its tenantId values as xero-tenant-id on every call, and reconnect if the organisation is not listed.',
    }),
    rule('invalid-credentials', 0.8, all(not(status(403)), body(xeroDetail('AuthenticationUnsuccessful'))), {
      why: 'Xero could not authenticate the token: it is malformed (a stray newline or quote), cut, or not a Xero access token',
    }),
  ],
  checklist: { auth: 'Check the token\'s age (30 minutes), its scopes and the xero-tenant-id header against GET /connections.' },
});

/**
 * Oracle NetSuite (SuiteTalk REST and SOAP web services): REST's `{"type":…,"title":"Unauthorized","status":401,
 * "o:errorDetails":[{"detail":"Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite
 * UI…","o:errorCode":"INVALID_LOGIN"}]}` (its `o:` fields are its own), SOAP's `[soapenv:Server.userException]
 * Invalid login attempt`. Sources: drudge/n8n-nodes-netsuite#9, jacobsvante/netsuite#27,
 * netsuitephp/netsuite-php#121, fylein/netsuite-sdk-py#29.
 */
const NS_ERROR_CODE = /"o:errorCode"\s*:\s*"[A-Z_]{3,40}"/;
const NS_LOGIN = /\bInvalid login attempt\b/;

const netsuite = defineProducer({
  id: 'netsuite', kind: 'saas-api', name: 'Oracle NetSuite (SuiteTalk)', family: 'netsuite',
  own: [body(NS_ERROR_CODE), body(/see the Login Audit Trail in the NetSuite UI/)],
  bodyOnly: [all(body(NS_LOGIN), body(/\bNetSuite|\bnetsuite\b|\bSuiteTalk\b|\[soapenv:Server\.userException\] Invalid login attempt/)),
    // its REST envelope's error list (Oracle's REST style: "o:errorDetails") around its login sentence (github.com/jacobsvante/netsuite/issues/27,
    // github.com/drudge/n8n-nodes-netsuite/issues/9)
    all(body(NS_LOGIN), body(/"o:errorDetails"\s*:/))],
  causes: [
    rule('invalid-credentials', 0.9, any(body(/"o:errorCode"\s*:\s*"INVALID_LOGIN(_ATTEMPT|_CREDENTIALS)?"/), body(NS_LOGIN)), {
      blocks: true, why: 'NetSuite rejected the login (INVALID_LOGIN): with token-based auth the OAuth 1.0 signature, consumer key/secret or token id/secret is wrong, the realm is not the account id in upper case with an underscore (1234567_SB1), or the role behind the token lacks the REST/SOAP Web Services and Log in using Access Tokens permissions',
      fix: 'Check the Login Audit Trail (Setup → Users/Roles → User Management → View Login Audit Trail) for the detail, use the account id as realm (1234567_SB1) and in the host (1234567-sb1), and give the token\'s role the web services and access-token permissions.',
    }),
  ],
  checklist: { auth: 'Check the Login Audit Trail in NetSuite for the failed login and its reason.' },
});

/** Work and business SaaS APIs (project tools, CRM/ERP, documents, e-commerce marketplaces) with their own error envelopes. */
export const WORK_SAAS_PRODUCERS: Producer[] = [quickbooksApi, boxApi, dataverse, docusignApi, zohoApi, serviceNow, xeroApi, netsuite];
