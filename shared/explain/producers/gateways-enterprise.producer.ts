import type { Matcher } from '../match';
import { all, any, body, bodyGroup, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

const apigeeCode = (codes: string): Matcher => bodyGroup(new RegExp(`"errorcode"\\s*:\\s*"((?:[\\w.]*\\.)?(?:${codes}))"`, 'i'), 1);

export const apigee = defineProducer({
  id: 'apigee', kind: 'gateway', name: 'Apigee', family: 'apigee',
  own: [body(/"fault"\s*:\s*\{\s*"faultstring"/), body(/"errorcode"\s*:\s*"(oauth\.v2|steps\.|keymanagement\.|policies\.|accesscontrol\.|messaging\.|classification\.)/)],
  presence: [hdr('x-apigee-fault-code'), hdr('x-apigee-fault-source'), hdr('x-apigee-fault-policy'), hdr('x-request-id', /^rrt-/)],
  causes: [
    rule('missing-credentials', 0.93, any(apigeeCode('FailedToResolveAPIKey|FailedToResolveAccessToken|InvalidAPICallAsNoApiProductMatchFound_Missing|MissingAuthorizationHeader'), body(/Failed to resolve API Key variable/i)), {
      why: 'the VerifyAPIKey/OAuth policy found no key or token in the variable it reads (e.g. request.queryparam.apikey or a header)',
      fix: 'Send the key exactly where the proxy\'s VerifyAPIKey policy reads it (query parameter apikey or the header it names).',
    }),
    rule('invalid-credentials', 0.93, any(apigeeCode('InvalidApiKey|InvalidAccessToken|access_token_expired|invalid_access_token|AccessTokenExpired|invalid_client|JWT\\w*|TokenExpired|InvalidToken'), body(/"faultstring"\s*:\s*"(Invalid ApiKey|Invalid access token|Access Token expired|Invalid Access Token)"/i)), { why: 'Apigee does not know this API key/token or it expired' }),
    rule('insufficient-permissions', 0.85, any(apigeeCode('InvalidApiKeyForGivenResource|InvalidAPICallAsNoApiProductMatchFound|InsufficientScope'), body(/Invalid ApiKey for given resource|Invalid API call as no apiproduct match found/i)), {
      why: 'the key is valid but none of its API products includes this proxy/path/environment (or the token lacks the scope)',
      fix: 'Add this proxy and resource path to an API product of the developer app (and the right environment).',
    }),
    rule('account-or-plan-restriction', 0.9, any(apigeeCode('DeveloperStatusNotActive|app_not_approved|ApiKeyNotApproved|CompanyStatusNotActive|ApiProductNotApproved'), body(/Developer is Inactive|API Key not approved|App is not approved/i)), { why: 'the developer, app or key is not active/approved' }),
    rule('rate-limited', 0.95, any(apigeeCode('QuotaViolation|SpikeArrestViolation|ErrorLoadingProperties'), body(/Rate limit quota violation|Spike arrest violation/i)), { why: 'an Apigee Quota or SpikeArrest policy fired' }),
    rule('ip-or-geo-blocked', 0.93, any(apigeeCode('IPDeniedAccess'), body(/Access Denied for client ip/i)), { why: 'the AccessControl policy denies the client IP' }),
    rule('waf-or-bot-block', 0.8, apigeeCode('ExceededContainerDepth|ExceededObjectEntryCount|ThreatProtection\\w*|JSONThreatProtection\\w*|XMLThreatProtection\\w*|RegularExpressionProtection\\w*|ThreatDetected'), { why: 'a threat-protection policy rejected the payload', blocks: true }),
  ],
  checklist: {
    auth: 'Check the developer app: its status, its keys and the API products they include.',
    gateway: 'Use the Apigee debug/trace session to see which policy raised the fault (errorcode).',
    logging: 'Read x-apigee-fault-* headers or enable them in the proxy.',
  },
});

export const wso2Apim = defineProducer({
  id: 'wso2-apim', kind: 'gateway', name: 'WSO2 API Manager', family: 'wso2',
  own: [body(/"code"\s*:\s*"?9009\d\d"?|"code"\s*:\s*"?9008\d\d"?|<ams:code>9\d{5}<\/ams:code>|http:\/\/wso2\.org\/apimanager/)],
  // the gateway's description line on its own (OAuthAuthenticator: "Access failure for API: <ctx>, version: <v> status: (<code>) - <message>")
  bodyOnly: [body(/Access failure for API: [^,\n]+, version: [^\n]{0,40}?status: \(9\d{5}\) - /),
    // its gateway's own messages without their 9008xx/9009xx code, as a client prints the message alone: the throttle handler's
    // 'Message throttled out', 900900's and 900910's sentences (apim.docs.wso2.com/en/latest/troubleshooting/error-handling/,
    // github.com/wso2/product-apim/issues/10534, github.com/wso2/product-apim/issues/6761, github.com/wso2/product-apim/issues/11544)
    body(/\bMessage throttled out\b|\bUnclassified Authentication Failure\b|\bThe access token does not allow you to access the requested resource\b/)],
  causes: [
    rule('invalid-credentials', 0.9, body(/9009(01|04|05)\b|Invalid Credentials|Access Token Inactive|Access Token Expired/i), { why: 'WSO2 rejected the token (900901 invalid credentials / inactive or expired token)' }),
    rule('missing-credentials', 0.92, body(/900902\b|Missing Credentials/i), { why: 'no access token/API key reached the WSO2 gateway (900902 missing credentials)' }),
    // 900900 is sent with 500 (or 401) when the gateway cannot validate the credential at all
    rule('invalid-credentials', 0.62, body(/\b900900\b|Unclassified Authentication Failure/), {
      blocks: true, why: 'the WSO2 gateway could not validate the token or key (900900): an invalid or foreign token, or its key manager unreachable or misconfigured — the status (often 500) does not tell which',
      fix: 'Try a freshly issued token from the key manager this API uses; if that fails too, check the gateway\'s wso2carbon log for the key manager error (connection, certificate, issuer configuration).',
    }),
    rule('method-or-path-blocked', 0.85, body(/900906\b|No matching resource found/i), { why: 'no API resource matches this method and path (900906)' }),
    rule('account-or-plan-restriction', 0.85, body(/900907\b|temporarily blocked/i), { why: 'the API or subscription is blocked (900907)' }),
    rule('insufficient-permissions', 0.9, body(/9009(08|10)\b|Resource forbidden|scope(s)? (not matched|validation failed)|The access token does not allow you to access the requested resource/i), { why: 'the token\'s subscription or scopes do not allow this resource (900908/900910)' }),
    rule('rate-limited', 0.93, body(/9008\d\d\b|Message throttled out|throttled out/i), { why: 'a WSO2 throttling tier/policy refused the request (9008xx)' }),
  ],
  checklist: { gateway: 'Check the application subscription tier, the resource scopes and the throttling policies in the Publisher/DevPortal.' },
});

export const mulesoft = defineProducer({
  id: 'mulesoft', kind: 'gateway', name: 'MuleSoft Anypoint (Flex) Gateway', family: 'mulesoft',
  own: [body(/"error"\s*:\s*"(Invalid client id or secret|Client ID is not present|API calls exceeded|Authentication Attempt Failed|The client_id is invalid|IP [\d.]+ is blocked|IP [\d.]+ is not allowed)"/), body(/anypoint|mulesoft/i)],
  causes: [
    rule('invalid-credentials', 0.88, body(/Invalid client id or secret|The client_id is invalid|Authentication Attempt Failed|Invalid token/i), { why: 'the Client ID Enforcement / OAuth policy rejected the client id/secret or token' }),
    rule('missing-credentials', 0.88, body(/Client ID is not present|client_id (is )?(missing|required)/i), { why: 'no client_id/client_secret was sent where the Client ID Enforcement policy reads them' }),
    rule('rate-limited', 0.93, body(/API calls exceeded|Quota exceeded/i), { why: 'a Rate Limiting / SLA policy refused the request' }),
    rule('ip-or-geo-blocked', 0.9, body(/IP [\d.:a-f]+ is (blocked|not allowed)/i), { why: 'the IP allow/block list policy refuses the client IP' }),
  ],
  checklist: { gateway: 'Check the policies applied to the API instance in API Manager and the client application contract (SLA tier).' },
});

export const threeScale = defineProducer({
  id: '3scale', kind: 'gateway', name: 'Red Hat 3scale APIcast', family: '3scale',
  // "Authentication failed" alone is many APIs' message (Razorpay's 401 description): APIcast's is its error_auth_failed
  // body with that error's default status 403 (docs.redhat.com/…/administering_the_api_gateway/configuring_error_messages,
  // access.redhat.com/node/7099573 'Unexpected "Authentication failed" (403 HTTP response codes)', corpus 3scale/)
  own: [body(/^\s*(Authentication parameters missing|Usage limit exceeded|No Mapping Rule matched|Limits exceeded)\s*$/), all(status(403), body(/^\s*Authentication failed\s*$/))],
  presence: [hdr('x-3scale-proxy-secret-token'), hdr('x-3scale-debug')],
  causes: [
    rule('missing-credentials', 0.93, body(/Authentication parameters missing/), { why: 'APIcast found no user_key / app_id+app_key / token where the service is configured to read it' }),
    rule('invalid-credentials', 0.9, body(/Authentication failed/), { why: 'APIcast/3scale does not accept these credentials (unknown key or application not active)' }),
    rule('rate-limited', 0.95, body(/Usage limit exceeded|Limits exceeded/), { why: 'the application plan\'s usage limit was exceeded' }),
    rule('method-or-path-blocked', 0.8, body(/No Mapping Rule matched/), { why: 'no mapping rule matches this method and path' }),
  ],
  checklist: { gateway: 'Check the application plan limits, the credential location (query/header) and the mapping rules of the service.' },
});

export const apiUmbrella = defineProducer({
  id: 'api-umbrella', kind: 'gateway', name: 'API Umbrella (api.data.gov)', family: 'api-umbrella',
  own: [body(/"code"\s*:\s*"(API_KEY_MISSING|API_KEY_INVALID|API_KEY_DISABLED|API_KEY_UNAUTHORIZED|API_KEY_UNVERIFIED|OVER_RATE_LIMIT|HTTPS_REQUIRED)"/)],
  // its API_KEY_MISSING message with its signup link, the envelope cut (api.data.gov/docs/developer-manual, github.com/fecgov/openFEC/issues/958)
  bodyOnly: [body(/\bNo api_key was supplied\. Get one at https?:\/\//)],
  presence: [hdr('x-api-umbrella-request-id')],
  causes: [
    rule('missing-credentials', 0.95, body(/API_KEY_MISSING|\bNo api_key was supplied\. Get one at /), { why: 'no api_key was supplied (query parameter api_key or X-Api-Key header)' }),
    rule('invalid-credentials', 0.93, body(/API_KEY_INVALID/), { why: 'the api_key is not valid' }),
    rule('account-or-plan-restriction', 0.88, body(/API_KEY_DISABLED|API_KEY_UNVERIFIED/), { why: 'the api key is disabled or not verified yet' }),
    rule('insufficient-permissions', 0.88, body(/API_KEY_UNAUTHORIZED/), { why: 'the api key is not authorised for this API (role required)' }),
    rule('rate-limited', 0.95, body(/OVER_RATE_LIMIT/), { why: 'the api key exceeded its rate limit' }),
    rule('method-or-path-blocked', 0.8, all(status(400, 403), body(/HTTPS_REQUIRED/)), { why: 'the API requires HTTPS', blocks: true }),
  ],
});
