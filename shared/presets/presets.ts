// Gateway presets: each layer's key conventions and routing, from its vendor docs (`source`).
import type { GatewayPreset } from './types';

export const GATEWAY_PRESETS: readonly GatewayPreset[] = [
  {
    id: 'direct', name: 'Direct', category: 'direct',
    source: 'https://www.rfc-editor.org/rfc/rfc9110.html',
    summary: 'No gateway: the request goes to the URL as written. The baseline every other route is compared with.',
    keyPlacements: [], template: { preset: 'direct' },
    refusalHints: ['A 403 here comes from the origin server itself (or a CDN in front of it).'],
  },
  {
    id: 'aws-api-gateway-rest', name: 'AWS API Gateway (REST API)', category: 'api-gateway',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    summary: 'REST APIs are served at a stage path; methods with "API key required" want the key in x-api-key and the key in a usage plan tied to that stage. IAM-authorised methods want SigV4 (service execute-api).',
    keyPlacements: [
      { in: 'header', name: 'x-api-key', kind: 'api-key' },
      { in: 'header', name: 'Authorization', kind: 'aws-sigv4', note: 'IAM authorisation: SigV4 with service execute-api' },
    ],
    urlPattern: 'https://{api-id}.execute-api.{region}.amazonaws.com/{stage}',
    prefixPattern: '/{stage}',
    template: { preset: 'aws-api-gateway-rest', rewrite: { to: 'https://{api-id}.execute-api.{region}.amazonaws.com', prefix: '/{stage}' } },
    refusalHints: [
      '403 {"message":"Forbidden"} with x-amzn-ErrorType ForbiddenException: missing/invalid API key, key not in a usage plan for this stage, or a wrong stage/path.',
      '403 "Missing Authentication Token": the path or method does not exist on the deployed stage.',
    ],
  },
  {
    id: 'aws-api-gateway-http', name: 'AWS API Gateway (HTTP API)', category: 'api-gateway',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html',
    summary: 'HTTP APIs have no API keys or usage plans: access is a JWT authorizer (Authorization: Bearer), IAM (SigV4) or a Lambda authorizer. The $default stage has no path prefix; named stages add /{stage}.',
    keyPlacements: [
      { in: 'header', name: 'Authorization', prefix: 'Bearer ', kind: 'bearer', note: 'JWT authorizer' },
      { in: 'header', name: 'Authorization', kind: 'aws-sigv4', note: 'IAM authorisation (service execute-api)' },
    ],
    urlPattern: 'https://{api-id}.execute-api.{region}.amazonaws.com[/{stage}]',
    prefixPattern: '/{stage} (none for $default)',
    template: { preset: 'aws-api-gateway-http', rewrite: { to: 'https://{api-id}.execute-api.{region}.amazonaws.com', prefix: '' } },
    refusalHints: ['401 {"message":"Unauthorized"} from a JWT authorizer: token missing, expired, wrong issuer or audience.', '403 {"message":"Forbidden"}: the token lacks a scope the route requires, or IAM denies it.'],
  },
  {
    id: 'kong', name: 'Kong Gateway', category: 'api-gateway',
    source: 'https://developer.konghq.com/plugins/key-auth',
    summary: 'The key-auth plugin reads the key from a header or query parameter named by config.key_names (default apikey); routes match on path prefixes.',
    keyPlacements: [
      { in: 'header', name: 'apikey', kind: 'api-key' },
      { in: 'query', name: 'apikey', kind: 'api-key', note: 'when config.key_in_query is true (the default)' },
    ],
    prefixPattern: '/{route-path}',
    template: { preset: 'kong', rewrite: { to: 'http://localhost:8000', prefix: '' } },
    refusalHints: ['401 "No API key found in request": the key is missing or under another name.', '403 from the acl plugin: the consumer is not in an allowed group.'],
  },
  {
    id: 'apigee', name: 'Apigee', category: 'api-gateway',
    source: 'https://cloud.google.com/apigee/docs/api-platform/reference/policies/verify-api-key-policy',
    summary: 'The VerifyAPIKey policy reads the key from wherever the proxy says; the documented samples use the x-apikey header or the apikey query parameter. The key must belong to an app with an API product covering the proxy and path.',
    keyPlacements: [
      { in: 'header', name: 'x-apikey', kind: 'api-key' },
      { in: 'query', name: 'apikey', kind: 'api-key' },
    ],
    urlPattern: 'https://{org}-{env}.apigee.net/{basepath}',
    prefixPattern: '/{proxy-basepath}',
    template: { preset: 'apigee', rewrite: { to: 'https://{org}-{env}.apigee.net', prefix: '/{basepath}' } },
    refusalHints: ['401 "Invalid ApiKey" / "Failed to resolve API Key variable": wrong key or wrong place.', '401 "Invalid ApiKey for given resource": the app\'s API product does not cover this path.'],
  },
  {
    id: 'azure-apim', name: 'Azure API Management', category: 'api-gateway',
    source: 'https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions',
    summary: 'APIs are served under https://{service}.azure-api.net/{api-url-suffix}; a subscription key goes in Ocp-Apim-Subscription-Key (or the subscription-key query parameter), both names configurable per API.',
    keyPlacements: [
      { in: 'header', name: 'Ocp-Apim-Subscription-Key', kind: 'api-key' },
      { in: 'query', name: 'subscription-key', kind: 'api-key' },
    ],
    urlPattern: 'https://{service}.azure-api.net/{api-url-suffix}',
    prefixPattern: '/{api-url-suffix}',
    template: { preset: 'azure-apim', rewrite: { to: 'https://{service}.azure-api.net', prefix: '/{api-url-suffix}' } },
    refusalHints: ['401 "Access denied due to missing subscription key".', '401 "invalid subscription key" or 403 when the subscription is not active or not scoped to this API/product.'],
  },
  {
    id: 'apisix', name: 'Apache APISIX', category: 'api-gateway',
    source: 'https://apisix.apache.org/docs/apisix/plugins/key-auth/',
    summary: 'The key-auth plugin reads the key from the apikey header (configurable) or the apikey query parameter (lower priority).',
    keyPlacements: [
      { in: 'header', name: 'apikey', kind: 'api-key' },
      { in: 'query', name: 'apikey', kind: 'api-key' },
    ],
    template: { preset: 'apisix', rewrite: { to: 'http://localhost:9080', prefix: '' } },
    refusalHints: ['401 {"message":"Missing API key in request"} or {"message":"Invalid API key in request"}.', '403 from consumer-restriction or ip-restriction plugins.'],
  },
  {
    id: 'tyk', name: 'Tyk Gateway', category: 'api-gateway',
    source: 'https://tyk.io/docs/basic-config-and-security/security/authentication-authorization/bearer-tokens',
    summary: 'Auth tokens go in the Authorization header by default ("Bearer " optional); the header name, a query parameter or a cookie can be configured per API (auth_header_name / param_name). APIs are routed by listen path.',
    keyPlacements: [
      { in: 'header', name: 'Authorization', kind: 'api-key', note: 'raw key or "Bearer <key>"' },
      { in: 'header', name: 'x-api-key', kind: 'api-key', note: 'when auth_header_name is customised' },
    ],
    prefixPattern: '/{listen-path}',
    template: { preset: 'tyk', rewrite: { to: 'http://localhost:8080', prefix: '/{listen-path}' } },
    refusalHints: ['401 "Authorization field missing".', '403 "Access to this API has been disallowed" or "Key not authorised": the key exists but its policy does not grant this API/version.'],
  },
  {
    id: 'krakend', name: 'KrakenD', category: 'api-gateway',
    source: 'https://www.krakend.io/docs/enterprise/authentication/api-keys/',
    summary: 'Enterprise API-key auth reads the Authorization header by default (strategy header, configurable identifier) or a query string (default key). The community edition validates JWTs (Authorization: Bearer).',
    keyPlacements: [
      { in: 'header', name: 'Authorization', kind: 'api-key' },
      { in: 'query', name: 'key', kind: 'api-key', note: 'strategy query_string' },
      { in: 'header', name: 'Authorization', prefix: 'Bearer ', kind: 'bearer', note: 'JWT validation' },
    ],
    template: { preset: 'krakend', rewrite: { to: 'http://localhost:8080', prefix: '' } },
    refusalHints: ['401 on a missing or unknown key; 403 when the key\'s roles do not include one the endpoint requires.'],
  },
  {
    id: 'google-api-gateway', name: 'Google Cloud API Gateway', category: 'api-gateway',
    source: 'https://cloud.google.com/api-gateway/docs/authenticate-api-keys',
    summary: 'An API config can require an API key, passed as the key query parameter (or a header the OpenAPI security definition names, commonly x-api-key); the key must come from a project where the API is enabled.',
    keyPlacements: [
      { in: 'query', name: 'key', kind: 'api-key' },
      { in: 'header', name: 'x-api-key', kind: 'api-key' },
    ],
    urlPattern: 'https://{gateway-id}-{hash}.{region}.gateway.dev',
    template: { preset: 'google-api-gateway', rewrite: { to: 'https://{gateway-id}.{region}.gateway.dev', prefix: '' } },
    refusalHints: ['401 "UNAUTHENTICATED: Method doesn\'t allow unregistered callers": no key.', '403 "PERMISSION_DENIED": the key\'s project has not enabled the API, or key restrictions refuse it.'],
  },
  {
    id: 'apipark', name: 'APIPark (AI gateway)', category: 'ai-gateway',
    source: 'https://docs.apipark.com/docs/1.2-beta/overview',
    summary: 'An open-source AI gateway and developer portal: consumers call the published (OpenAI-style) endpoints with an API key the portal issued to their application.',
    keyPlacements: [
      { in: 'header', name: 'Authorization', prefix: 'Bearer ', kind: 'bearer' },
    ],
    template: { preset: 'apipark', rewrite: { to: 'http://localhost:8099', prefix: '' } },
    refusalHints: ['401/403 when the application has no approved subscription to the service or the key is wrong.'],
  },
  {
    id: 'openai-compatible', name: 'OpenAI-compatible AI gateway (LiteLLM, One API, OpenRouter...)', category: 'ai-gateway',
    source: 'https://platform.openai.com/docs/api-reference/authentication',
    summary: 'OpenAI-compatible APIs take the key as Authorization: Bearer <key>; gateways mount them under /v1.',
    keyPlacements: [{ in: 'header', name: 'Authorization', prefix: 'Bearer ', kind: 'bearer' }],
    prefixPattern: '/v1',
    template: { preset: 'openai-compatible', rewrite: { to: 'http://localhost:4000', prefix: '' } },
    refusalHints: ['401 invalid_api_key; 403 unsupported_country_region_territory; 429 insufficient_quota or rate limits.'],
  },
  {
    id: 'nginx-reverse-proxy', name: 'nginx (reverse proxy)', category: 'reverse-proxy',
    source: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass',
    summary: 'location /prefix/ { proxy_pass http://upstream/; } strips the prefix; keys are checked with map/if, auth_request or allow/deny rules, whatever header the config names.',
    keyPlacements: [{ in: 'header', name: 'X-API-Key', kind: 'api-key', note: 'whatever $http_<name> the config checks' }],
    prefixPattern: '/{location}',
    template: { preset: 'nginx-reverse-proxy', rewrite: { to: 'http://localhost:8080', prefix: '/v1' } },
    refusalHints: ['The stock "403 Forbidden" nginx page: deny rules, a failed auth_request, or a return 403 in the config.'],
  },
  {
    id: 'haproxy', name: 'HAProxy', category: 'reverse-proxy',
    source: 'https://docs.haproxy.org/2.8/configuration.html#4.2-http-request%20deny',
    summary: 'http-request deny if !{ req.hdr(name) -m str value } refuses requests missing a header; a gateway profile supplies such headers.',
    keyPlacements: [],
    template: { preset: 'haproxy', headers: [{ name: 'X-Tenant', value: 'tenant-id' }] },
    refusalHints: ['"403 Forbidden / Request forbidden by administrative rules.": an http-request deny ACL matched.'],
  },
  {
    id: 'corporate-forward-proxy', name: 'Corporate forward proxy (Squid and alike)', category: 'forward-proxy',
    source: 'https://www.squid-cache.org/Doc/config/http_access/',
    summary: 'All traffic leaves through http://proxy:3128 with Proxy-Authorization (Basic); internal hosts bypass it through the no-proxy list. http_access rules allow or deny by user, source and destination.',
    keyPlacements: [],
    template: { preset: 'corporate-forward-proxy', proxy: { url: 'http://proxy.corp.example:3128', username: 'user', password: { secret: true }, noProxy: ['localhost', '.corp.example'] } },
    refusalHints: ['407 Proxy Authentication Required: proxy credentials missing or wrong.', '403 with Squid\'s "ERR_ACCESS_DENIED" page: an http_access deny rule matched.'],
  },
];

const BY_ID = new Map(GATEWAY_PRESETS.map((p) => [p.id, p]));

export function presetById(id: string): GatewayPreset | undefined {
  return BY_ID.get(id);
}
