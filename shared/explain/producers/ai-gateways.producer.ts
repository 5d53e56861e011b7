import { all, any, body, hdr } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * LiteLLM's own refusal sentences, printed without its envelope or name by clients and its request log:
 * a virtual key's model allow-list ('… not allowed to access model. This token can only access models=[…]' or
 * '… Tried to access <model>'), and a key's, team's or user's spend stop ('Budget has been exceeded! Team=<id>',
 * '… Current cost: <n>, Max budget: <n>').
 */
const LITELLM_MODEL_DENIED = /\b(API Key|key|token|team|user) not allowed to access model\.\s*(This (token|key|team) can only access models=|Tried to access )/i;
const LITELLM_BUDGET = /Budget has been exceeded! ?((Key|Team|User)=\S+|Current cost: [\d.]+, Max budget: [\d.]+)/;
/** Its ProxyErrorTypes in the envelope's type field (access to a model denied, a key it does not know). */
const LITELLM_TYPES = /"type"\s*:\s*"((key|team|user)_model_access_denied|token_not_found_in_db)"/;
/** Routes or model changes its roles keep from a virtual key or an internal user. */
const LITELLM_ROLE = /Only (master key|proxy admin) can be used to|User does not have permission to make this model call|not allowed to access this route/i;

export const litellm = defineProducer({
  id: 'litellm', kind: 'gateway', name: 'LiteLLM Proxy', family: 'litellm',
  own: [body(/litellm|Invalid proxy server token passed|"type"\s*:\s*"(auth_error|budget_exceeded)"/i), body(LITELLM_TYPES)],
  // … and its proxy's 'Authentication Error, …' messages cut at their first period (docs.litellm.ai/docs/proxy/virtual_keys,
  // corpus litellm/); its budget sentence alone names it only with its scope id or cost pair
  bodyOnly: [body(LITELLM_MODEL_DENIED), body(LITELLM_BUDGET), body(/\bAuthentication Error, (Only master key can be used to|API Key not allowed to access model\b)/)],
  presence: [hdr('x-litellm-call-id'), hdr('x-litellm-version'), hdr('x-litellm-model-id')],
  causes: [
    rule('invalid-credentials', 0.92, body(/Invalid proxy server token passed|Authentication Error, (Invalid|Malformed)|Virtual key (is )?(invalid|expired)|Key Expired/i), { why: 'the LiteLLM virtual key is invalid or expired' }),
    rule('missing-credentials', 0.9, body(/No api key passed in|Authentication Error, No api key/i), { why: 'no LiteLLM virtual key was sent (Authorization: Bearer sk-…)' }),
    rule('account-or-plan-restriction', 0.88, body(/Budget has been exceeded|ExceededBudget|budget_exceeded/i), {
      blocks: true, why: 'the max budget of the virtual key, its team or user (or of the proxy) is spent: every call is refused until the budget resets or is raised',
      fix: 'Ask the proxy admin to raise max_budget or set a budget_duration that resets it (/key/update, /team/update), or use a key of another team.',
    }),
    rule('insufficient-permissions', 0.9, any(body(/(key|team|user) not allowed to access model|not allowed to call model|Team doesn't exist/i), body(LITELLM_TYPES)), {
      blocks: true, why: 'the virtual key (or its team or user) may not use this model: it is not in the key\'s models list or access group, or is deployed for other teams only',
      fix: 'Call a model the key lists (GET /v1/models with the key), or ask the proxy admin to add the model or its access group to the key or team.',
    }),
    rule('insufficient-permissions', 0.88, body(LITELLM_ROLE), { why: 'the route or change is kept for the master key, a proxy admin or a team admin: a virtual key or an internal user may not use it', blocks: true }),
    rule('rate-limited', 0.92, body(/Max parallel request limit reached|LiteLLM Rate Limit Handler|Crossed TPM|Crossed RPM|tpm_limit|rpm_limit/i), { why: 'a LiteLLM TPM/RPM or parallel request limit fired' }),
  ],
  checklist: { gateway: 'Check the virtual key (/key/info): models allowed, budget, tpm/rpm limits, team.' },
});

export const oneApi = defineProducer({
  id: 'one-api', kind: 'gateway', name: 'One API / New API', family: 'one-api',
  own: [body(/"type"\s*:\s*"(one_api_error|new_api_error|shell_api_error)"/)],
  causes: [
    rule('invalid-credentials', 0.9, body(/无效的令牌|该令牌已过期|令牌已过期|invalid token/i), { why: 'One API does not know the token or it expired ("无效的令牌" / "该令牌已过期")' }),
    rule('missing-credentials', 0.85, body(/未提供令牌|no token provided/i), { why: 'no token was sent' }),
    rule('account-or-plan-restriction', 0.88, body(/额度已用尽|额度不足|quota is not enough|令牌已被禁用|用户已被封禁|insufficient (user )?quota/i), { why: 'the token or user quota is exhausted or disabled' }),
    rule('insufficient-permissions', 0.8, body(/无权访问|无可用渠道|not allowed to use model/i), { why: 'the token/group cannot use this model or channel' }),
  ],
});

/** OpenRouter's refusal when the account's privacy settings (no training, zero retention, guardrails) exclude every provider of the model. */
const OPENROUTER_DATA_POLICY = /No endpoints (found|available) matching your (guardrail restrictions and )?data policy/i;
/** Its refusal when the account's or the request's provider allow-list (Allowed / Ignored Providers, provider.only) leaves out every provider of the model. */
const OPENROUTER_PROVIDERS = /No allowed providers are available for the selected model/;

export const openrouter = defineProducer({
  id: 'openrouter', kind: 'gateway', name: 'OpenRouter', family: 'openrouter',
  // LiteLLM's client only relays OpenRouter's answers (as 'OpenrouterException - …')
  overrides: ['litellm'],
  own: [body(/openrouter\.ai|No auth credentials found|"provider_name"\s*:/i)],
  // its {error: {message, code}} object with its unknown-key sentence (JSON or a Python repr); LiteLLM's name for its answers
  // (its credit and key-limit refusals in its own words: openrouter.ai/docs/api-reference/errors, corpus openrouter/)
  bodyOnly: [body(/This request requires more credits, or fewer max_tokens\b|\bPrompt tokens limit exceeded: \d+ > \d+/), body(/['"]message['"]\s*:\s*['"]User not found\.['"]\s*,\s*['"]code['"]\s*:\s*401\b/), body(OPENROUTER_DATA_POLICY), body(/\bOpenrouterException - /),
    body(OPENROUTER_PROVIDERS)],
  presence: [hdr('x-openrouter-request-id')],
  causes: [
    rule('missing-credentials', 0.93, body(/No auth credentials found/i), { why: 'no OpenRouter key was sent (Authorization: Bearer sk-or-…)' }),
    rule('invalid-credentials', 0.85, body(/User not found|Invalid API key|key (is )?(disabled|invalid)/i), { why: 'OpenRouter does not recognise the key' }),
    // its older 401 sentence covers both: ranked after the unknown key
    rule('missing-credentials', 0.7, body(/Missing Authentication header or invalid API key/), { why: 'no Authorization: Bearer sk-or-… header reached OpenRouter (OPENROUTER_API_KEY unset), or the key is unknown' }),
    rule('account-or-plan-restriction', 0.9, body(/Insufficient credits|Key limit exceeded|requires more credits|never purchased credits|create a key with a higher (monthly )?limit|Prompt tokens limit exceeded/i), { why: 'the account has no credits left or the key\'s credit limit is reached', blocks: true }),
    rule('rate-limited', 0.92, body(/Rate limit exceeded|free-models-per-(day|min)/i), { why: 'an OpenRouter rate limit (e.g. free models per day) was hit' }),
    rule('other', 0.6, body(/requires moderation|flagged for/i), { why: 'the input was flagged by the provider\'s moderation' }),
    rule('resource-policy-deny', 0.9, body(OPENROUTER_PROVIDERS), {
      blocks: true, why: 'the provider allow-list (Allowed Providers / Ignored Providers in the account settings, or provider.only / order in the request) leaves out every provider that serves this model: OpenRouter answers 404 with the available and requested providers',
      fix: 'Allow one of the available_providers the error lists in openrouter.ai/settings/privacy (or in the request\'s provider preferences), or choose a model one of your allowed providers serves.',
    }),
    rule('resource-policy-deny', 0.92, body(OPENROUTER_DATA_POLICY), {
      blocks: true, why: 'the account\'s privacy settings (no prompt training, zero data retention, guardrails) exclude every provider that serves this model: OpenRouter answers 404 though the model exists',
      fix: 'Allow the providers this model needs in openrouter.ai/settings/privacy (or per request with provider.data_collection), or choose a model with a compliant endpoint.',
    }),
  ],
});

export const portkey = defineProducer({
  id: 'portkey', kind: 'gateway', name: 'Portkey AI Gateway', family: 'portkey',
  own: [body(/portkey/i)],
  presence: [hdr('x-portkey-trace-id'), hdr('x-portkey-provider'), hdr('x-portkey-cache-status'), hdr('x-portkey-retry-attempt-count')],
  causes: [
    rule('invalid-credentials', 0.85, body(/Invalid API Key|x-portkey-api-key[^"]{0,40}invalid/i), { why: 'Portkey rejected the x-portkey-api-key' }),
    rule('missing-credentials', 0.85, any(body(/x-portkey-api-key[^"]{0,40}(missing|required)|Either x-portkey-config or x-portkey-provider header is required/i)), { why: 'the Portkey API key or provider/config header is missing' }),
    rule('rate-limited', 0.85, body(/rate limit/i), { why: 'a Portkey rate/budget limit fired' }),
  ],
});

/** Helicone's proxy and API: its key sentence, and its API's {"error","trace":"isAuthenticated.error"} body. */
const HELICONE_INVALID = /Invalid Helicone API key/;
const HELICONE_AUTH_TRACE = /"trace"\s*:\s*"isAuthenticated\.error"/;

export const helicone = defineProducer({
  id: 'helicone', kind: 'gateway', name: 'Helicone AI Gateway', family: 'helicone',
  // Helicone relays the provider's own errors too: only its key sentence and its auth trace name it
  overrides: ['openai-api'],
  own: [body(HELICONE_INVALID), body(HELICONE_AUTH_TRACE)],
  causes: [
    rule('invalid-credentials', 0.92, body(HELICONE_INVALID), {
      blocks: true, why: 'Helicone does not know the key in Helicone-Auth (mistyped, deleted, or a key of the other data region)',
      fix: 'Send Helicone-Auth: Bearer sk-helicone-… (a key of this organisation); EU organisations use eu.api.helicone.ai / the EU gateway.',
    }),
    // "No API key found" also answers a key sent to the other region's API: ranked with missing credentials
    rule('invalid-credentials', 0.7, all(body(HELICONE_AUTH_TRACE), body(/No API key found/)), { why: 'Helicone found no key it knows: none sent, or a key of the other data region (US vs EU)', blocks: true }),
    rule('missing-credentials', 0.65, all(body(HELICONE_AUTH_TRACE), body(/No API key found/)), { why: 'no Authorization: Bearer <Helicone API key> reached Helicone\'s API' }),
  ],
});

/**
 * Vercel AI Gateway as the AI SDK reports its 401: the SDK's GatewayAuthenticationError ('Unauthenticated request to
 * AI Gateway', its unauthenticated-ai-gateway link) and its older 'Vercel AI Gateway access failed' wrapper. The
 * gateway refused a call that carried no usable AI_GATEWAY_API_KEY or OIDC token.
 */
const VERCEL_GATEWAY_AUTH = /\bGatewayAuthenticationError\b|Unauthenticated request to AI Gateway|Vercel AI Gateway access failed|\/unauthenticated-ai-gateway\b/;

export const vercelAiGateway = defineProducer({
  id: 'vercel-ai-gateway', kind: 'gateway', name: 'Vercel AI Gateway', family: 'vercel-ai-gateway',
  // Gravitee's GATEWAY_[A-Z_]+ code shape also matches the AI_GATEWAY_API_KEY variable its messages name
  overrides: ['gravitee'],
  own: [body(VERCEL_GATEWAY_AUTH), body(/\bai-gateway\.vercel\.sh\b/)],
  causes: [
    rule('missing-credentials', 0.88, body(VERCEL_GATEWAY_AUTH), {
      blocks: true, why: 'no AI Gateway credential reached Vercel AI Gateway: AI_GATEWAY_API_KEY unset or not loaded where the code runs, or no OIDC token (vercel env pull) outside Vercel',
      fix: 'Set AI_GATEWAY_API_KEY (a key from the Vercel dashboard\'s AI Gateway page) in the environment the code runs in, or pass apiKey to createGateway; on Vercel, use the project\'s OIDC token.',
    }),
    rule('invalid-credentials', 0.6, body(VERCEL_GATEWAY_AUTH), { why: 'the AI Gateway key sent is unknown or revoked (the SDK reports it with the same error class)' }),
  ],
  checklist: { gateway: 'Check that AI_GATEWAY_API_KEY (or the OIDC token) is present in the process that calls the gateway.' },
});

/**
 * Continue's hosted model proxy (continue-proxy: models billed as Continue credits): its 402 when the signed-in
 * account has no credits left, pointing at its billing and secrets pages.
 */
const CONTINUE_NO_CREDITS = /You have no credits remaining on your Continue account/;

export const continueProxy = defineProducer({
  id: 'continue-proxy', kind: 'gateway', name: 'Continue Hub model proxy', family: 'continue',
  own: [body(CONTINUE_NO_CREDITS)],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(CONTINUE_NO_CREDITS), {
      blocks: true, why: 'the model is reached through Continue\'s proxy on Continue credits, and the signed-in Continue account has none left (402): the provider never saw the call',
      fix: 'Add credits at hub.continue.dev/settings/billing, or add your own provider key as a secret (e.g. ANTHROPIC_API_KEY) so the model is called with it.',
    }),
  ],
  checklist: { gateway: 'Check the Continue account\'s credits and whether the model has its own API key secret configured.' },
});
