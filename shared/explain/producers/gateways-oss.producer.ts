import { all, any, body, cookie, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

const KONG_MSG = /"message"\s*:\s*"(No API key found in request|Invalid authentication credentials|Unauthorized|You cannot consume this service|API rate limit exceeded|IP address not allowed|Your IP address is not allowed|no Route matched with those values|Bad token; invalid signature|token expired|HMAC signature cannot be verified[^"]*|Forbidden|Request size limit exceeded|Unauthorized: [^"]*|The route has been disabled|Invalid key[^"]*)"/;

/**
 * Sentences only Kong writes (its router, key-auth and ACL plugins), named without headers however a
 * client printed them; its generic ones (API rate limit exceeded, Invalid authentication credentials,
 * Forbidden) still need Kong's headers. Supabase's gateway is Kong too: its hint names Supabase.
 */
const KONG_OWN_WORDS = /no Route matched with those values|no route and no API found with those values|You cannot consume this service|No API key found in (request|headers or querystring)|Cannot identify the consumer, add an authentication plugin to use ACL plugin|No credentials found for given \\?'\w+\\?'/;

/** Kong Enterprise's Admin API RBAC (enforce_rbac): no or unknown Kong-Admin-Token (401), or an admin whose roles lack the action (403). */
// (the message alone names it as well: docs.konghq.com/gateway/latest/kong-enterprise/rbac/, corpus kong/admin-rbac-*)
const KONG_ADMIN_RBAC_401 = /"message"\s*:\s*"Invalid RBAC credentials(\. Token or User credentials required)?"|^\s*Invalid RBAC credentials\b/;
const KONG_ADMIN_RBAC_403 = /"message"\s*:\s*"[^"]{1,80}, you do not have permissions to (read|create|update|delete) this resource"|^\s*[^\s,]{1,80}, you do not have permissions to (read|create|update|delete) this resource\b/;

export const kong = defineProducer({
  id: 'kong', kind: 'gateway', name: 'Kong Gateway', family: 'kong',
  own: [hdr('x-kong-response-latency'), all(hdr('server', /^kong\//i, 2), body(KONG_MSG))],
  bodyOnly: [body(KONG_OWN_WORDS), body(KONG_ADMIN_RBAC_401), body(KONG_ADMIN_RBAC_403)],
  presence: [hdr('server', /^kong\//i), hdr('via', /kong\//i), hdr('x-kong-proxy-latency'), hdr('x-kong-upstream-latency'), hdr('x-kong-request-id')],
  causes: [
    rule('missing-credentials', 0.93, body(/No API key found in request|Unauthorized: No credentials|No mandatory '\w+' in claims|no (JWT|token) found/i), {
      why: 'Kong\'s key-auth/jwt plugin found no credential where it looks (key_names header or query parameter, Authorization)',
      fix: 'Send the key under one of the key_names of the key-auth plugin (default header "apikey"), or the JWT in Authorization: Bearer.',
    }),
    rule('invalid-credentials', 0.9, body(/Invalid authentication credentials|Bad token; invalid signature|token expired|Invalid key|Unauthorized: [^"]*invalid/i), { why: 'Kong does not know this key/credential, or the JWT signature/expiry is wrong' }),
    // the jwt plugin finds the consumer by the token's key claim (iss by default, key_claim_name otherwise)
    rule('invalid-credentials', 0.92, body(/No credentials found for given \\?'\w+\\?'/), {
      why: 'Kong\'s jwt plugin read the token, but no consumer has a jwt credential whose key equals the token\'s key claim (iss by default, or the plugin\'s key_claim_name): a token from another issuer, or a credential created with another key or rejected by the config',
      fix: 'Create the consumer\'s jwt credential with key = the exact iss (or key_claim_name) value of the token, including any trailing slash, and the issuer\'s algorithm and public key.',
    }),
    rule('signature-or-clock-skew', 0.9, body(/HMAC signature (cannot be verified|does not match)|clock skew/i), { why: 'Kong\'s hmac-auth plugin could not verify the signature or the Date is outside the allowed clock skew' }),
    rule('insufficient-permissions', 0.9, body(/You cannot consume this service/i), {
      why: 'Kong\'s ACL plugin: the consumer is authenticated but not in an allowed group for this route/service',
      fix: 'Add the consumer to an ACL group the plugin allows.',
    }),
    rule('missing-credentials', 0.9, body(KONG_ADMIN_RBAC_401), {
      why: 'Kong\'s Admin API enforces RBAC and found no admin token it knows for this workspace: no Kong-Admin-Token header (or the header admin_gui_auth_header names), a token of a disabled or deleted RBAC user, or one with no role in the workspace in the path',
      fix: 'Send the RBAC user\'s token in Kong-Admin-Token (decK: --headers "Kong-Admin-Token:<token>"; Terraform/clients: their admin token setting) and call the workspace the user belongs to.',
    }),
    rule('insufficient-permissions', 0.92, body(KONG_ADMIN_RBAC_403), {
      why: 'Kong\'s Admin API RBAC knows the admin it names, but none of its roles grants this action on this endpoint in this workspace (decK and other tools also read / and /workspaces, which workspace-scoped roles may not allow)',
      fix: 'Give one of the admin\'s roles an endpoint permission for this endpoint and action (or use a role such as workspace-admin), or run the tool with a token whose roles cover every endpoint it calls.',
    }),
    rule('rate-limited', 0.95, body(/API rate limit exceeded|API quota exceeded/i), { why: 'Kong\'s rate-limiting plugin refused the request' }),
    rule('ip-or-geo-blocked', 0.93, body(/IP address not allowed|Your IP address is not allowed|Cannot identify the client IP address/i), { why: 'Kong\'s ip-restriction plugin refuses the client IP' }),
    rule('method-or-path-blocked', 0.7, body(/The route has been disabled|Request size limit exceeded/i), { why: 'the Kong route is disabled or the request is too large' }),
    rule('waf-or-bot-block', 0.55, all(status(403), body(/"message"\s*:\s*"Forbidden"/)), { why: 'a bare Kong "Forbidden" comes from bot-detection, ACL or a request-termination plugin' }),
    rule('insufficient-permissions', 0.4, all(status(403), body(/"message"\s*:\s*"Forbidden"/))),
  ],
  checklist: {
    auth: 'Check the consumer and its credential (key-auth, jwt, oauth2) exist in the right workspace.',
    gateway: 'List plugins on the route/service (key-auth, acl, ip-restriction, rate-limiting, bot-detection) and their config.',
    logging: 'Match X-Kong-Request-Id in the Kong access/error logs.',
  },
});

export const apacheApisix = defineProducer({
  id: 'apache-apisix', kind: 'gateway', name: 'Apache APISIX', family: 'apisix',
  // "Your IP address is not allowed" is Kong's ip-restriction sentence too: it names neither alone
  own: [all(hdr('server', /^APISIX/i), body(/<center>(openresty|APISIX)[^<]*<\/center>|"message"\s*:\s*"Your IP address is not allowed"/)), body(/<center>APISIX[^<]*<\/center>|"error_msg"\s*:\s*"404 Route Not Found"|"message"\s*:\s*"(Missing API key (found )?in request|[Ii]nvalid API key in request|Missing JWT token in request|failed to verify jwt|missing user key in JWT token|The \w+ is forbidden\.|Missing authorization in request|Invalid user authorization)"/)],
  // its auth and consumer-restriction plugins' messages without the {"message": …} envelope. Sources: apisix.apache.org/docs/apisix/
  // plugins/key-auth, …/plugins/jwt-auth, …/plugins/consumer-restriction (rejected_msg default "The {type} is forbidden."), corpus apache-apisix/
  bodyOnly: [body(/\bMissing API key (found )?in request\b|\b[Ii]nvalid API key in request\b|\bMissing JWT token in request\b|\bmissing user key in JWT token\b|\bThe (consumer_name|consumer_group_id|service_id|route_id) is forbidden\./)],
  presence: [hdr('server', /^APISIX/i), hdr('x-apisix-upstream-status')],
  causes: [
    rule('missing-credentials', 0.93, body(/Missing API key (found )?in request|Missing JWT token in request|Missing authorization in request|Missing related consumer/i), { why: 'APISIX\'s auth plugin (key-auth, jwt-auth, basic-auth) found no credential (key-auth reads the "apikey" header by default)' }),
    rule('invalid-credentials', 0.92, body(/Invalid API key in request|failed to verify jwt|Invalid user authorization|invalid (jwt|signature)/i), { why: 'APISIX rejected the key or JWT' }),
    // jwt-auth finds its consumer by the token's "key" claim: a token another issuer signed has none
    rule('invalid-credentials', 0.94, body(/missing user key in JWT token/), {
      why: 'APISIX\'s jwt-auth read the token but its payload has no "key" claim naming a consumer (a token from another identity provider, or signed without the consumer\'s key)',
      fix: 'Issue the token with the consumer\'s key in a "key" claim (or sign it with APISIX\'s /apisix/plugin/jwt/sign), or validate third-party tokens with openid-connect instead of jwt-auth.',
    }),
    rule('ip-or-geo-blocked', 0.93, body(/Your IP address is not allowed/i), { why: 'the ip-restriction plugin refuses the client IP' }),
    rule('insufficient-permissions', 0.88, body(/The \w+ is forbidden\.|consumer_name is forbidden/i), { why: 'the consumer-restriction plugin refuses this consumer' }),
    rule('rate-limited', 0.8, all(status(429, 503), hdr('server', /APISIX/i), any(hdr('x-ratelimit-remaining', /^0$/), body(/limit|Service Temporarily Unavailable/i))), { why: 'APISIX limit-req/limit-count rejected the request (503 by default)', blocks: true }),
    rule('method-or-path-blocked', 0.55, all(status(403), body(/<center>APISIX/)), { why: 'a plain APISIX 403 page: uri-blocker, ua-restriction or request-termination plugins answer like this', template: true }),
  ],
  checklist: { gateway: 'Inspect the route, service and consumer plugins (key-auth, ip-restriction, consumer-restriction, limit-count) in the Admin API.' },
});

export const tyk = defineProducer({
  id: 'tyk', kind: 'gateway', name: 'Tyk', family: 'tyk',
  // its own sentences in its {"error": …} envelope; "Rate limit exceeded" and "Quota exceeded" are
  // anyone's words: they choose the cause once Tyk is named
  own: [body(/"error"\s*:\s*"(Authorization field missing|Key not authorised|Access to this API has been disallowed|Key has expired, please renew|Access from this IP has been disallowed|Attempted access to disallowed version \/ path\.|Requested endpoint is forbidden|Key not authorised: [^"]*|Access to this resource has been disallowed)"/),
    all(hdr('x-generator', /tyk\.io/i, 2), body(/"error"\s*:\s*"(Rate limit exceeded|Quota exceeded)"/))],
  // the same sentences without the envelope, as a message (tyk.io/docs/5.0/error-response-codes lists each with its status;
  // corpus tyk/)
  bodyOnly: [body(/\b(Key not authorised\b|Authorization field missing\b|Access to this API has been disallowed|Key has expired, please renew|Access from this IP has been disallowed|Attempted access to disallowed version \/ path\.)/)],
  presence: [hdr('x-tyk-trace'), hdr('x-tyk-api-expires'), hdr('x-generator', /tyk\.io/i)],
  causes: [
    rule('missing-credentials', 0.93, body(/Authorization field missing/i), { why: 'Tyk did not find the key in the configured auth header (default "Authorization")' }),
    rule('invalid-credentials', 0.9, body(/Key not authorised|Key has expired, please renew/i), { why: 'Tyk does not know this key, or it expired' }),
    rule('insufficient-permissions', 0.88, body(/Access to this API has been disallowed|Access to this resource has been disallowed/i), { why: 'the key\'s access rights/policy do not include this API' }),
    rule('rate-limited', 0.95, body(/"(Rate limit exceeded|Quota exceeded)"/i), { why: 'the key\'s rate limit or quota is exhausted' }),
    rule('ip-or-geo-blocked', 0.93, body(/Access from this IP has been disallowed/i), { why: 'Tyk IP allow/block list refuses the client' }),
    rule('method-or-path-blocked', 0.88, body(/disallowed version \/ path|Requested endpoint is forbidden/i), { why: 'the API version or endpoint is not allowed for this key (allow/block list)' }),
  ],
  checklist: { gateway: 'Check the key\'s policy (access rights per API/version/path, rate limit, quota) in the Tyk Dashboard.' },
});

export const krakend = defineProducer({
  id: 'krakend', kind: 'gateway', name: 'KrakenD', family: 'krakend',
  own: [hdr('x-krakend-completed'), body(/krakend/i)],
  presence: [hdr('x-krakend')],
  causes: [
    rule('invalid-credentials', 0.5, all(status(401), hdr('x-krakend')), { why: 'KrakenD\'s JWT validator answers 401 with no body for a missing or invalid token' }),
    rule('missing-credentials', 0.45, all(status(401), hdr('x-krakend'))),
    rule('insufficient-permissions', 0.55, all(status(403), hdr('x-krakend')), { why: 'KrakenD\'s JWT validator answers 403 when roles or scopes do not match' }),
  ],
  checklist: { gateway: 'Check the endpoint\'s auth/validator settings (roles, scopes, audience, jwk_url).' },
});

/**
 * Gravitee's own gateway error keys (its response-template keys, as logs and templates show them); a bare
 * GATEWAY_ prefix is anyone's: Vercel's AI_GATEWAY_API_KEY variable or a GATEWAY_URL setting are not Gravitee's.
 */
const GRAVITEE_KEY = /(?:^|[^\w$])GATEWAY_(INVALID_(REQUEST|RESPONSE)|OAUTH2_(ACCESS_DENIED|SERVER_ERROR|INVALID_CLIENT|INVALID_SERVER_RESPONSE|INSUFFICIENT_SCOPE)|MISSING_SECUR(ITY_PROVIDER|ED_REQUEST_PLAN)|POLICY_INTERNAL_ERROR|PLAN_(UNRESOLVABLE|RESOLUTION_FAILURE)|CLIENT_CONNECTION_(ERROR|TIMEOUT))\b/;

export const gravitee = defineProducer({
  id: 'gravitee', kind: 'gateway', name: 'Gravitee', family: 'gravitee',
  own: [body(/"http_status_code"\s*:\s*\d{3}/), body(GRAVITEE_KEY), body(/Your IP \([^)]*\) or one of the proxies your request passed through is not allowed/)],
  presence: [hdr('x-gravitee-transaction-id'), hdr('x-gravitee-request-id')],
  causes: [
    rule('missing-credentials', 0.85, body(/GATEWAY_MISSING_SECURITY|GATEWAY_MISSING_SECURED_REQUEST_PLAN|API Key is missing/i), { why: 'no plan matched: the API key/token required by the plan was not sent' }),
    rule('invalid-credentials', 0.85, body(/GATEWAY_INVALID_API_KEY|GATEWAY_OAUTH2_INVALID|API Key is not valid|Token is not valid/i), { why: 'Gravitee rejected the API key or token' }),
    rule('rate-limited', 0.95, body(/Rate limit exceeded|Quota exceeded|GATEWAY_RATE_LIMIT_TOO_MANY_REQUESTS|GATEWAY_QUOTA_TOO_MANY_REQUESTS/i), { why: 'the plan\'s rate limit or quota was exceeded' }),
    rule('ip-or-geo-blocked', 0.93, body(/or one of the proxies your request passed through is not allowed/i), { why: 'the IP filtering policy refuses the client' }),
    rule('invalid-credentials', 0.45, all(status(401), body(/"message"\s*:\s*"Unauthorized"/))),
    rule('missing-credentials', 0.42, all(status(401), body(/"message"\s*:\s*"Unauthorized"/))),
  ],
  checklist: { gateway: 'Check the API plans (keyless, API key, JWT, OAuth2), the subscription and flow policies.' },
});

export const springCloudGateway = defineProducer({
  id: 'spring-cloud-gateway', kind: 'gateway', name: 'Spring Cloud Gateway', family: 'spring',
  own: [body(/"path"\s*:\s*"[^"]*"\s*,\s*"status"\s*:\s*\d{3}\s*,\s*"error"\s*:\s*"[^"]*"\s*,\s*"requestId"\s*:|"requestId"\s*:\s*"[0-9a-f]{8}(-\d+)?"/)],
  presence: [hdr('x-ratelimit-replenish-rate'), hdr('x-ratelimit-burst-capacity')],
  causes: [
    rule('rate-limited', 0.92, all(status(429), any(hdr('x-ratelimit-replenish-rate'), hdr('x-ratelimit-remaining'))), { why: 'the RequestRateLimiter filter refused the request' }),
    rule('insufficient-permissions', 0.45, all(status(403), body(/"error"\s*:\s*"Forbidden"/)), { why: 'Spring Security on the gateway (WebFlux) denied access to this route' }),
    rule('csrf', 0.35, all(status(403), body(/"error"\s*:\s*"Forbidden"/)), { why: 'WebFlux security also answers 403 for a missing CSRF token on unsafe methods' }),
  ],
  checklist: { gateway: 'Check route predicates/filters (RequestRateLimiter, security config) on the gateway.' },
});

/** oauth2-proxy's error page: its CSRF refusal, its v5-v6 "403 Permission Denied" title with its message, its footer. */
const OAUTH2_PROXY_CSRF = /Login Failed: Unable to find a valid CSRF token/;
const OAUTH2_PROXY_DENIED = /\b403 Permission Denied\b[\s\S]{0,200}\b(Invalid Account|csrf failed)\b/;
const OAUTH2_PROXY_FOOTER = /Secured with <a[^>]*>OAuth2[ _]Proxy<\/a>( version)?|github\.com\/oauth2-proxy\/oauth2-proxy#oauth2_proxy/;

export const oauth2Proxy = defineProducer({
  id: 'oauth2-proxy', kind: 'gateway', name: 'OAuth2 Proxy', family: 'oauth2-proxy',
  own: [body(OAUTH2_PROXY_CSRF), body(OAUTH2_PROXY_DENIED), body(OAUTH2_PROXY_FOOTER)],
  presence: [cookie(/^_oauth2_proxy(_csrf)?(_\d+)?=/)],
  causes: [
    rule('csrf', 0.88, body(/Unable to find a valid CSRF token|\bcsrf failed\b/), {
      why: 'oauth2-proxy\'s OAuth callback found no CSRF cookie matching the login it started: the _oauth2_proxy_csrf cookie was not sent back (a Secure cookie over plain HTTP, SameSite, another cookie domain, or a callback reaching another replica or host)',
      fix: 'Start the login again from /oauth2/start on the same host; check --cookie-secure, --cookie-domain and --cookie-samesite, and that every replica shares the cookie secret.',
    }),
    rule('insufficient-permissions', 0.86, body(/\bInvalid Account\b|You do not have permission to access this resource/), {
      why: 'the identity provider authenticated the user, but oauth2-proxy\'s own allow-list refused the account: its email domain (--email-domain), --authenticated-emails-file, or allowed groups/roles do not include it',
      fix: 'Compare the account\'s email, groups or roles (the AuthFailure log line names the user) with --email-domain, --authenticated-emails-file and --allowed-group/--allowed-role.',
    }),
  ],
  checklist: { gateway: 'Read oauth2-proxy\'s log for the [AuthFailure] line of this request: it says whether the CSRF cookie or the account validation failed.' },
});
