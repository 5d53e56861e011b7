import { all, any, body, hdr } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

export const litellm = defineProducer({
  id: 'litellm', kind: 'gateway', name: 'LiteLLM Proxy', family: 'litellm',
  own: [body(/litellm|Invalid proxy server token passed|"type"\s*:\s*"(auth_error|budget_exceeded)"/i)],
  presence: [hdr('x-litellm-call-id'), hdr('x-litellm-version'), hdr('x-litellm-model-id')],
  causes: [
    rule('invalid-credentials', 0.92, body(/Invalid proxy server token passed|Authentication Error, (Invalid|Malformed)|Virtual key (is )?(invalid|expired)|Key Expired/i), { why: 'the LiteLLM virtual key is invalid or expired' }),
    rule('missing-credentials', 0.9, body(/No api key passed in|Authentication Error, No api key/i), { why: 'no LiteLLM virtual key was sent (Authorization: Bearer sk-…)' }),
    rule('account-or-plan-restriction', 0.88, body(/Budget has been exceeded|ExceededBudget|budget_exceeded/i), { why: 'the key, user or team budget is exhausted', blocks: true }),
    rule('insufficient-permissions', 0.88, body(/(key|team|user) not allowed to access model|not allowed to call model|Team doesn't exist/i), { why: 'the key/team is not allowed to use this model' }),
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

export const openrouter = defineProducer({
  id: 'openrouter', kind: 'gateway', name: 'OpenRouter', family: 'openrouter',
  own: [body(/openrouter\.ai|No auth credentials found|"provider_name"\s*:/i)],
  // its {error: {message, code}} object with its unknown-key sentence (JSON or a Python repr)
  bodyOnly: [body(/['"]message['"]\s*:\s*['"]User not found\.['"]\s*,\s*['"]code['"]\s*:\s*401\b/)],
  presence: [hdr('x-openrouter-request-id')],
  causes: [
    rule('missing-credentials', 0.93, body(/No auth credentials found/i), { why: 'no OpenRouter key was sent (Authorization: Bearer sk-or-…)' }),
    rule('invalid-credentials', 0.85, body(/User not found|Invalid API key|key (is )?(disabled|invalid)/i), { why: 'OpenRouter does not recognise the key' }),
    rule('account-or-plan-restriction', 0.9, body(/Insufficient credits|Key limit exceeded|requires more credits|never purchased credits|create a key with a higher (monthly )?limit|Prompt tokens limit exceeded/i), { why: 'the account has no credits left or the key\'s credit limit is reached', blocks: true }),
    rule('rate-limited', 0.92, body(/Rate limit exceeded|free-models-per-(day|min)/i), { why: 'an OpenRouter rate limit (e.g. free models per day) was hit' }),
    rule('other', 0.6, body(/requires moderation|flagged for/i), { why: 'the input was flagged by the provider\'s moderation' }),
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
