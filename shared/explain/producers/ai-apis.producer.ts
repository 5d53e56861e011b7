import { all, any, body, hdr, not, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** OpenAI's refusal of one request over the TPM limit ("on tokens per min (TPM)", "The input or output tokens must be reduced"). */
/** OpenAI's own limit sentence: a model, an org- id (Groq's are org_), then requests or tokens per minute or day. */
const OPENAI_RATE = /Rate limit reached for [\w.:-]+ in organization org-\w+ on (requests|tokens) per (min|day)/;
const OPENAI_TOO_LARGE = /Request too large for [\w.:-]+ (in organization org-\w+ )?on tokens per min \(TPM\)|The input or output tokens must be reduced in order to run successfully/;
/** OpenAI's own account sentences, printed bare by SDKs (v0's openai.error.*, .NET clients): quota, project-key scopes, org verification. */
/** unsupported_country_region_territory's message alone (platform.openai.com/docs/supported-countries, corpus openai-api/). */
const OPENAI_GEO = /\bCountry, region, or territory not supported\b/;
const OPENAI_QUOTA = /You exceeded your current quota, please check your plan and billing details/;
/**
 * The quota sentence is copied: Gemini's OpenAI-compatible endpoint (google-apis/gemini-quota-*), Alibaba Model Studio
 * (its insufficient_quota envelope, alibaba-model-studio/token-limit-*) and W&B Inference, whose own 402/429 message is the bare
 * sentence (docs.wandb.ai/support/inference/articles/api-error-code-402-you-exceeded-your-cur,
 * docs.wandb.ai/support/inference_rate_limit_429_error). Alone it names nobody (its cause is read all the same); beside
 * OpenAI's own marks (platform.openai.com, its headers) or the v0 SDK's exception class (openai.error.RateLimitError:
 * openai-api/quota-v0-*) it is OpenAI's.
 */
const OPENAI_V0_SDK = /\bopenai\.error\.(RateLimitError|APIError)\b/;
const OPENAI_SCOPES = /You have insufficient permissions for this operation\. Missing scopes: (api\.)?[a-z]+\.[a-z.]+/;
const OPENAI_VERIFY = /Your organization must be verified to (use|stream|generate with|access) (the|this) model/;
/** Its account stops: billing not active (a lapsed or cancelled payment, sent with 429), access terminated for a policy violation. */
const OPENAI_BILLING_INACTIVE = /Your account is not active, please check your billing details on our website/;
const OPENAI_TERMINATED = /Your access was terminated due to violation of our policies/;

export const openaiApi = defineProducer({
  id: 'openai-api', kind: 'saas-api', name: 'OpenAI API', family: 'openai',
  own: [body(/(platform|help)\.openai\.com|"code"\s*:\s*"(unsupported_country_region_territory|invalid_organization|mismatched_organization|account_deactivated)"/), hdr('openai-organization'), hdr('openai-processing-ms'),
    // its billing stop is sent with 429: its own sentence names it as surely as its headers, so its cause outranks the status
    body(OPENAI_BILLING_INACTIVE)],
  // invalid_api_key is Meilisearch's code too, and Groq, Together and others copy OpenAI's envelope with their own
  // 'Invalid API Key' message: it names OpenAI only beside OpenAI's own sentence. The bare envelope
  // ({"error":{"message","type":"invalid_request_error","param","code"}}) and model_not_found name nobody: vLLM,
  // LocalAI, llama.cpp's server, LM Studio, Cerebras and the relays answer in it (LocalAI core/http/app.go, llama.cpp
  // tools/server, Cerebras' flat wrong_api_key 401). insufficient_quota is Alibaba Model Studio's code too (help.aliyun.com/zh/model-studio/error-code,
  // alibaba-model-studio/token-limit-*): it names OpenAI beside its billing URL (platform.openai.com, above) only; context_length_exceeded still does
  bodyOnly: [body(/\bcontext_length_exceeded\b/), body(OPENAI_TOO_LARGE), body(OPENAI_RATE), body(OPENAI_GEO),
    all(body(/\binvalid_api_key\b/), body(/Incorrect API key provided/)), all(body(OPENAI_QUOTA), body(OPENAI_V0_SDK)), body(OPENAI_SCOPES), body(OPENAI_VERIFY),
    body(OPENAI_TERMINATED)],
  presence: [hdr('openai-version'), hdr('x-ratelimit-limit-requests'), hdr('openai-project')],
  causes: [
    rule('invalid-credentials', 0.95, body(/Incorrect API key provided|"code"\s*:\s*"invalid_api_key"/), { why: 'OpenAI does not accept this API key (mistyped, revoked or of another project)' }),
    rule('missing-credentials', 0.95, body(/You didn't provide an API key/), { why: 'no Authorization: Bearer key reached OpenAI' }),
    rule('account-or-plan-restriction', 0.96, body(/You exceeded your current quota, please check your plan and billing details|"code"\s*:\s*"insufficient_quota"|account (associated with this API key )?has been deactivated|"code"\s*:\s*"account_deactivated"/), {
      why: 'the organisation\'s quota/billing is exhausted (insufficient_quota): retrying will not help until billing is fixed', blocks: true,
      fix: 'Add credit or raise the monthly budget in the billing settings of the project/organisation.',
    }),
    rule('rate-limited', 0.72, body(/"code"\s*:\s*"insufficient_quota"/)),
    rule('rate-limited', 0.95, body(/Rate limit reached for|"code"\s*:\s*"rate_limit_exceeded"/), { why: 'a per-model RPM/TPM rate limit was hit' }),
    rule('rate-limited', 0.93, body(OPENAI_TOO_LARGE), { blocks: true, why: 'one request alone is larger than the organisation\'s tokens-per-minute (TPM) limit for this model: send fewer tokens or raise the usage tier' }),
    rule('ip-or-geo-blocked', 0.95, body(/unsupported_country_region_territory|Country, region, or territory not supported/i), { why: 'OpenAI does not serve requests from your country/region' }),
    rule('insufficient-permissions', 0.92, body(/You have insufficient permissions for this operation|Missing scopes:|does not have access to model|You are not allowed to sample from this model/i), { why: 'the key (restricted key / project role) lacks a permission or model access' }),
    rule('account-or-plan-restriction', 0.93, body(OPENAI_VERIFY), {
      blocks: true, why: 'the model (o3, gpt-image-1, streaming of reasoning models) is open only to organizations that passed identity verification; OpenAI answers 400 or 404 until then',
      fix: 'Verify the organization (Settings → Organization → General → Verify Organization), wait up to 15 minutes, or use a model that needs no verification.',
    }),
    rule('invalid-credentials', 0.8, body(/"code"\s*:\s*"(invalid_organization|mismatched_organization)"|OpenAI-Organization header should match/i), { why: 'the OpenAI-Organization/Project header does not match the key' }),
    rule('account-or-plan-restriction', 0.96, body(OPENAI_BILLING_INACTIVE), {
      blocks: true, why: 'the organisation\'s billing is not active (the free grant expired without a payment method, a failed or cancelled payment): sent as 429 billing_not_active, yet waiting does not help',
      fix: 'Add a payment method or credit in the organisation\'s billing settings (platform.openai.com), then retry; a new key of the same organisation does not help.',
    }),
    rule('account-or-plan-restriction', 0.95, body(OPENAI_TERMINATED), {
      blocks: true, why: 'OpenAI terminated the account\'s API access for a usage-policy violation (access_terminated): every key of it is refused',
      fix: 'Read OpenAI\'s email about the termination and appeal through help.openai.com; another key of the same account will not work.',
    }),
  ],
  checklist: { auth: 'Check the key\'s project, its permissions (restricted keys) and the OpenAI-Organization/OpenAI-Project headers.', server: 'Check billing, usage limits and model access of the project.' },
});

/**
 * Anthropic's own words beside its envelope: its messages (the x-api-key ones, its docs' permission and rate-limit
 * sentences), its API and console names, its request ids (req_011…). The envelope shape alone is copied by
 * Anthropic-compatible endpoints of other vendors and names nobody.
 */
const ANTHROPIC_WORDS = /x-api-key|\b(to|the) Anthropic API\b|console\.anthropic\.com|docs\.anthropic\.com|"request_id"\s*:\s*"req_011\w{10,}"|Your API key does not have permission to use the specified resource|Number of request tokens has exceeded your per-minute rate limit|This request would exceed your account's rate limit|This organization has been\s+disabled\./i;

/**
 * Its refusals of Claude subscription credentials and its spend stops, as Claude Code and SDKs print them (often
 * wrapped by a terminal, or escaped inside an error log): an expired or unsupported OAuth token, a token kept for
 * Claude Code, the organisation's own monthly spend limit, long-context requests a plan does not include.
 */
const ANTHROPIC_OAUTH_EXPIRED = /OAuth\s+token has expired\.\s+Please obtain a new\s+token/;
const ANTHROPIC_OAUTH_UNSUPPORTED = /OAuth\s+authentication is\s+currently not\s+supported/;
const ANTHROPIC_CLAUDE_CODE_ONLY = /This\s+credential is only authorized for use with Claude Code/;
const ANTHROPIC_SPEND_LIMIT = /You\s+have reached your specified API usage limits/;
const ANTHROPIC_LONG_CONTEXT = /(Extra usage is|Usage credits are) required for long context requests/;
/** Claude Code's one-line report of its disabled-organisation answer ('API Error: 400 This organization has been disabled.'). */
const ANTHROPIC_CC_DISABLED = /\bAPI Error: 4\d\d This organization has been\s+disabled\./;
/** Its organisation rate-limit sentence (older and newer wording), with or without its envelope. */
/**
 * Its error messages alone, as a message-only fragment keeps them (no envelope, no request id): the rate-limit, permission and
 * authentication sentences of its documented error types. Sources: docs.anthropic.com/en/api/errors, github.com/FoundationAgents/
 * OpenManus/issues/746, corpus anthropic-api/.
 */
const ANTHROPIC_MESSAGES = /Number of request tokens has exceeded your per-minute rate limit|Your API key does not have permission to use the specified resource\.|^\s*invalid x-api-key\s*$|This request would exceed your account's rate limit\b/;
const ANTHROPIC_ORG_RATE = /This request would exceed (the rate limit for your organization|your organization's rate limit)\b[^.]{0,80}\bof [\d,]+ (input |output )?tokens per minute/;
/** Its envelope's error type, in JSON, escaped JSON inside a log, or a Python repr. */
const anthropicType = (type: string) => new RegExp(`\\\\?['"]type\\\\?['"]\\s*:\\s*\\\\?['"]${type}\\\\?['"]`);
const ANTHROPIC_OWN_SENTENCES = [ANTHROPIC_OAUTH_EXPIRED, ANTHROPIC_OAUTH_UNSUPPORTED, ANTHROPIC_CLAUDE_CODE_ONLY, ANTHROPIC_SPEND_LIMIT, ANTHROPIC_LONG_CONTEXT];

/**
 * Anthropic's edge refusal of an unsupported region: its own bare {error:{type:forbidden}} object, in JSON or an SDK's
 * Python repr, or that inner object whole as clients print the error field (type and message, nothing else).
 */
const ANTHROPIC_GEO = /\{\s*(\\?['"]error\\?['"]\s*:\s*\{\s*)?\\?['"]type\\?['"]\s*:\s*\\?['"]forbidden\\?['"]\s*,\s*\\?['"]message\\?['"]\s*:\s*\\?['"]Request not allowed\\?['"]\s*\}/;

export const anthropicApi = defineProducer({
  id: 'anthropic-api', kind: 'saas-api', name: 'Anthropic API', family: 'anthropic',
  own: [
    all(body(/"type"\s*:\s*"error"\s*,\s*"error"\s*:\s*\{\s*"type"\s*:\s*"\w+_error"/), any(body(ANTHROPIC_WORDS), hdr('request-id', /^req_/))),
    hdr('anthropic-organization-id'), hdr('anthropic-ratelimit-requests-limit'),
  ],
  // a fragment of the envelope as a user pasted it: Anthropic's messages name their API or console
  bodyOnly: [
    all(body(/"type"\s*:\s*"\w+_error"/), body(ANTHROPIC_WORDS)), body(ANTHROPIC_GEO),
    // its OAuth and spend sentences inside its error type (any quoting); Claude Code's and the spend sentences alone
    all(body(anthropicType('\\w+_error')), any(...ANTHROPIC_OWN_SENTENCES.map((re) => body(re)))),
    body(ANTHROPIC_CLAUDE_CODE_ONLY), body(ANTHROPIC_SPEND_LIMIT), body(ANTHROPIC_LONG_CONTEXT), body(ANTHROPIC_ORG_RATE),
    body(ANTHROPIC_CC_DISABLED), body(ANTHROPIC_MESSAGES), body(ANTHROPIC_OAUTH_UNSUPPORTED),
  ],
  presence: [hdr('request-id', /^req_/), hdr('x-should-retry')],
  causes: [
    rule('missing-credentials', 0.93, body(/x-api-key header is required/i), { why: 'no x-api-key header was sent' }),
    rule('invalid-credentials', 0.95, body(ANTHROPIC_OAUTH_EXPIRED), {
      blocks: true, why: 'the Claude subscription\'s OAuth token has expired and was not refreshed (Claude Code, or a tool reusing its login)',
      fix: 'Log in again (/login in Claude Code, or claude logout then claude login); a tool that copied the token must read the refreshed one.',
    }),
    rule('invalid-credentials', 0.92, body(ANTHROPIC_OAUTH_UNSUPPORTED), {
      blocks: true, why: 'an OAuth token (a Claude.ai subscription login) was sent where the API takes only an API key',
      fix: 'Send a Console API key as x-api-key (ANTHROPIC_API_KEY), or use the subscription only through Claude Code itself.',
    }),
    rule('resource-policy-deny', 0.93, body(ANTHROPIC_CLAUDE_CODE_ONLY), {
      blocks: true, why: 'the credential is a Claude subscription token restricted to Claude Code: any other client (or a changed Claude Code request) is refused with 400',
      fix: 'Use a Console API key for other tools and API calls; in Claude Code itself, log out and in again or update it.',
    }),
    rule('account-or-plan-restriction', 0.95, body(ANTHROPIC_SPEND_LIMIT), {
      blocks: true, why: 'the organisation reached the monthly spend limit it set in the Console: every call is refused (400) until the date the message gives',
      fix: 'Raise the spend limit (Console → Settings → Limits) or wait for the reset date; retrying sooner does not help.',
    }),
    rule('account-or-plan-restriction', 0.97, body(ANTHROPIC_LONG_CONTEXT), {
      blocks: true, why: 'a long-context (1M-token) request needs extra usage or usage credits the plan or organisation does not have: sent as a 429 rate_limit_error, yet waiting does not help',
      fix: 'Turn on extra usage / buy usage credits, or use a model or context size the plan includes.',
    }),
    rule('invalid-credentials', 0.93, all(body(/"type"\s*:\s*"authentication_error"/), body(/invalid x-api-key|invalid api key|invalid bearer token|expired/i)), { why: 'Anthropic does not accept this API key' }),
    rule('invalid-credentials', 0.75, body(/"type"\s*:\s*"authentication_error"/), { why: 'authentication failed' }),
    // a permission_error whose message speaks of a plan is a plan restriction (the vendor-neutral plan words read it)
    rule('insufficient-permissions', 0.85, all(body(/"type"\s*:\s*"permission_error"/), not(body(/\b(your|current|the) plan\b|subscription/i))), { why: 'the key does not have permission for this resource/model' }),
    rule('rate-limited', 0.95, body(/"type"\s*:\s*"rate_limit_error"/), { why: 'an Anthropic rate limit (requests or tokens per minute) was hit' }),
    rule('account-or-plan-restriction', 0.92, body(/credit balance is too low|This organization has been\s+disabled|organization (is|has been)\s+(disabled|suspended)/i), { why: 'the organisation has no credit left or is disabled', blocks: true }),
    rule('ip-or-geo-blocked', 0.9, body(/Request not allowed|not available in your (country|region)/i), { why: 'requests from this location are not allowed' }),
    rule('other', 0.4, all(status(403), body(/"type"\s*:\s*"forbidden"/))),
  ],
  checklist: { auth: 'Check the x-api-key belongs to an active workspace and anthropic-version is sent.', server: 'Check the organisation\'s credit balance and rate-limit tier.' },
});

/**
 * Groq's own limit sentences: "Rate limit reached" (429) or "Request too large" (413, one request over the
 * tier's per-minute allowance), a model and an org_ id (in backticks, or bare as a client printed them),
 * then "tokens/requests per minute/day".
 */
const GROQ_LIMIT = /(Rate limit reached|Request too large) for model `?[\w./:-]+`? in organization `?org_\w+`?( service tier `?\w+`?)? on (tokens|requests) per (minute|day)/;
/** Its stop for a whole organisation (400, code organization_restricted), as SDKs and relays print it. */
/**
 * The limit sentence cut before its unit (a log line's first 160 characters): Groq quotes model and organization in
 * backticks, OpenAI does neither. Sources: console.groq.com/docs/rate-limits, github.com/elizaOS/eliza/issues/4040,
 * github.com/danielmiessler/Fabric/issues/364, corpus groq-api/.
 */
const GROQ_LIMIT_CUT = /(Rate limit reached|Request too large) for model `[\w./:-]{1,80}` in organization `/;
const GROQ_RESTRICTED = /Organization has been restricted\. Please reach out to support if you believe this was in error/;

export const groqApi = defineProducer({
  id: 'groq-api', kind: 'saas-api', name: 'Groq API', family: 'groq',
  // Groq answers in OpenAI's envelope (code rate_limit_exceeded, invalid_api_key): its console URLs and limit sentence name it
  overrides: ['openai-api'],
  own: [body(/console\.groq\.com\/(docs\/rate-limits|settings\/billing|keys)/), body(GROQ_LIMIT), body(GROQ_RESTRICTED)],
  // its API host or its headers quoted in a client's dump, beside the OpenAI-style envelope Groq answers in
  bodyOnly: [all(body(/\bapi\.groq\.com\/openai\b|\bdomain=\.groq\.com\b|['"]x-groq-region['"]/), body(/\binvalid_api_key\b|\brate_limit_exceeded\b/)), body(GROQ_LIMIT_CUT)],
  presence: [hdr('x-groq-region'), hdr('x-ratelimit-limit-tokens')],
  causes: [
    rule('invalid-credentials', 0.92, body(/"message"\s*:\s*"Invalid API Key"|message: 'Invalid API Key'/), {
      blocks: true, why: 'Groq does not accept the API key (mistyped, revoked, or another vendor\'s key: xAI\'s Grok keys are not Groq keys)',
      fix: 'Create a key on console.groq.com/keys (it starts with gsk_) and send it to https://api.groq.com/openai/v1.',
    }),
    rule('account-or-plan-restriction', 0.93, body(GROQ_RESTRICTED), {
      blocks: true, why: 'Groq restricted the whole organisation (organization_restricted): every key of it is refused with 400 until Groq lifts it, usually after a usage-policy, abuse or payment review',
      fix: 'Contact Groq support from the organisation\'s console account; a new key of the same organisation does not help.',
    }),
    rule('rate-limited', 0.95, body(GROQ_LIMIT), {
      blocks: true,
      why: 'a Groq per-model limit of the organisation (tokens or requests per minute or day, for its service tier) is used up, or one request alone is larger than it (413)',
      fix: 'Wait for the time the message gives (retry-after), send fewer or smaller requests, or move the organisation to a higher tier.',
    }),
  ],
  checklist: { server: 'Compare the x-ratelimit-* headers (requests per day, tokens per minute) with the limits of the model on console.groq.com/settings/limits.' },
});

/** Mistral's flat error object: "object":"error" with type rate_limited and a numeric-string code (1300 = rate limit); quotes may arrive escaped inside an SDK's message. */
const MISTRAL_RATE = /\\?"type\\?"\s*:\s*\\?"rate_limited\\?"|\\?"code\\?"\s*:\s*\\?"1300\\?"/;

/** Mistral's 401 body: a bare {"detail":"Unauthorized"} (FastAPI's), so it names Mistral only beside its host. */
const MISTRAL_UNAUTHORIZED = /\{\\?"detail\\?"\s*:\s*\\?"Unauthorized\\?"\}/;

export const mistralApi = defineProducer({
  id: 'mistral-api', kind: 'saas-api', name: 'Mistral AI API', family: 'mistral',
  own: [all(body(/\\?"object\\?"\s*:\s*\\?"error\\?"/), body(MISTRAL_RATE))],
  // its API host beside its bare {"detail":"Unauthorized"} (as clients print the URL they called)
  bodyOnly: [all(body(/\bapi\.mistral\.ai\/v1\//), body(MISTRAL_UNAUTHORIZED))],
  presence: [hdr('mistral-correlation-id'), hdr('x-ratelimitbysize-limit-minute'), hdr('x-ratelimitbysize-remaining-month')],
  causes: [
    rule('invalid-credentials', 0.8, body(MISTRAL_UNAUTHORIZED), {
      blocks: true, why: 'Mistral did not accept the API key (revoked, of another workspace, not yet active, or a Codestral key sent to api.mistral.ai); it answers a missing key the same way',
      fix: 'Create or copy a key from console.mistral.ai (API keys) and send it as Authorization: Bearer <key>; Codestral keys go to codestral.mistral.ai.',
    }),
    rule('missing-credentials', 0.45, body(MISTRAL_UNAUTHORIZED)),
    rule('rate-limited', 0.95, body(MISTRAL_RATE), {
      why: 'a Mistral workspace limit (requests per second, tokens per minute or per month for its plan) is used up (type rate_limited, code 1300)',
      fix: 'Space requests out (the free Experiment plan allows about one request per second), or raise the workspace limits on la Plateforme.',
    }),
  ],
});

/** xAI's spend stop: its teams run on prepaid credits and a monthly spending limit. */
const XAI_CREDIT = /Your team [\w<>-]+ has either used all available credits or reached its monthly spending limit/;

export const xaiApi = defineProducer({
  id: 'xai-api', kind: 'saas-api', name: 'xAI API', family: 'xai',
  // xAI copies OpenAI's envelope; its console URL and team sentence name it
  overrides: ['openai-api'],
  own: [body(XAI_CREDIT), body(/console\.x\.ai|\bapi\.x\.ai\b/)],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(XAI_CREDIT), {
      blocks: true, why: 'the xAI team has spent its credits or reached its monthly spending limit (sent as 403 or 429): waiting does not help',
      fix: 'Buy credits or raise the team\'s spending limit on console.x.ai, or use a key of another team.',
    }),
    rule('invalid-credentials', 0.9, body(/Incorrect API key provided|invalid api key/i), { why: 'xAI does not accept this API key', blocks: true }),
  ],
  checklist: { server: 'Check the team\'s credits and monthly spending limit on console.x.ai.' },
});

/** DeepSeek's 401 wording ("Authentication Fails (no such user)", "Authentication Fails, Your api key: ****abcd is invalid"). */
const DEEPSEEK_AUTH = /Authentication Fails(,| \((no such user|auth header format)| Your api key)/;
/** DeepSeek's 402 object: its own 'Insufficient Balance' with the unknown_error type (OpenAI's envelope, DeepSeek's words). */
const DEEPSEEK_BALANCE = /\\?"message\\?"\s*:\s*\\?"Insufficient Balance\\?"\s*,\s*\\?"type\\?"\s*:\s*\\?"unknown_error\\?"/;

export const deepseekApi = defineProducer({
  id: 'deepseek-api', kind: 'saas-api', name: 'DeepSeek API', family: 'deepseek',
  // DeepSeek answers in OpenAI's envelope: its own sentences, hosts and LiteLLM's exception name name it;
  // LiteLLM only relays its refusal
  overrides: ['openai-api', 'litellm'],
  own: [body(/\b(api|platform)\.deepseek\.com\b/)],
  bodyOnly: [body(DEEPSEEK_AUTH), body(/\bDeepseekException\b/), body(DEEPSEEK_BALANCE)],
  causes: [
    rule('invalid-credentials', 0.93, body(DEEPSEEK_AUTH), {
      blocks: true, why: 'DeepSeek does not accept the API key (unknown, deleted, cut short, or not sent as "Authorization: Bearer sk-…")',
      fix: 'Create or copy the key again on platform.deepseek.com/api_keys and send it as Authorization: Bearer sk-… to api.deepseek.com.',
    }),
    rule('account-or-plan-restriction', 0.94, body(/Insufficient Balance/), {
      blocks: true, why: 'the prepaid DeepSeek balance is used up (402): every call fails until the account is topped up',
      fix: 'Top up the balance on platform.deepseek.com (Usage / Top up); a new key does not help.',
    }),
  ],
  checklist: { server: 'Check the account balance and the key on platform.deepseek.com.' },
});

/** Cohere's SDKs: the Fern-generated Python client's error modules, the older CohereError, langchain_cohere's frames. */
const COHERE_SDK = /\bcohere\.(errors\.\w+|core\.api_error)\.\w+Error\b|\bCohereError\b|\blangchain_cohere\//;

export const cohereApi = defineProducer({
  id: 'cohere-api', kind: 'saas-api', name: 'Cohere API', family: 'cohere',
  // the SDK only says who was called: Cohere wrote it when its {message} envelope or its sentence is there,
  // not when the SDK relays an HTML page from the edge in front of it
  bodyOnly: [all(body(COHERE_SDK), body(/['"]message['"]\s*:\s*['"]|CohereError: [a-z]/))],
  causes: [
    rule('invalid-credentials', 0.9, body(/\binvalid api token\b/), {
      blocks: true, why: 'Cohere does not accept this API key (mistyped, deleted, or a trial key of another account)',
      fix: 'Copy the key again from the Cohere dashboard (API keys) into CO_API_KEY / COHERE_API_KEY without quotes.',
    }),
  ],
});

/** Replicate's own 401 sentences, in its problem-details body {"title","detail","status"}. */
const REPLICATE_AUTH = /You did not pass (an|a valid) authentication token/;

export const replicateApi = defineProducer({
  id: 'replicate-api', kind: 'saas-api', name: 'Replicate API', family: 'replicate',
  own: [all(body(/"title"\s*:\s*"[^"]+"\s*,\s*"detail"\s*:/), body(/\bapi\.replicate\.com\b/))],
  bodyOnly: [body(REPLICATE_AUTH), body(/\breplicate\.exceptions\.ReplicateError\b|\bReplicateError Details:/)],
  causes: [
    rule('missing-credentials', 0.93, body(/You did not pass an authentication token/), { why: 'no Authorization: Bearer r8_… token reached Replicate (REPLICATE_API_TOKEN unset, or read before it was loaded)', blocks: true }),
    rule('invalid-credentials', 0.93, body(/You did not pass a valid authentication token/), {
      blocks: true, why: 'Replicate does not accept the token (mistyped, revoked, or sent with quotes around it)',
      fix: 'Copy a token from replicate.com/account/api-tokens and set REPLICATE_API_TOKEN without quotes.',
    }),
  ],
});

/** Together AI's own pages (its settings and rate-limit docs) and its credit_limit error type, in JSON or a Python repr. */
const TOGETHER_OWN = /\bapi\.together\.(xyz|ai)\/settings\/(api-keys|billing)|\bdocs\.together\.ai\/docs\/rate-limits/;
const TOGETHER_LIMIT = /You have been rate limited\. Your rate limit is \d+ queries per minute|You have reached the rate limit specific to this model/;

export const togetherApi = defineProducer({
  id: 'together-api', kind: 'saas-api', name: 'Together AI API', family: 'together',
  // Together answers in OpenAI's envelope (invalid_request_error / invalid_api_key): its URLs and type name it
  overrides: ['openai-api'],
  own: [body(TOGETHER_OWN)],
  // … and its build-tier refusal (docs.together.ai/docs/rate-limits, corpus together-api/)
  bodyOnly: [body(/\\?['"]type\\?['"]\s*:\s*\\?['"]credit_limit\\?['"]/), body(TOGETHER_LIMIT), body(/\bAccess to this model is allowed for build tier \d+ and above\b/)],
  causes: [
    rule('invalid-credentials', 0.93, body(/Invalid API key provided/), {
      blocks: true, why: 'Together does not accept the API key (mistyped, revoked, or of another account)',
      fix: 'Copy the key again from api.together.xyz/settings/api-keys and send it as Authorization: Bearer <key> (TOGETHER_API_KEY).',
    }),
    rule('rate-limited', 0.93, body(TOGETHER_LIMIT), { why: 'a Together rate limit fired: the tier\'s queries per minute (60 on the free tier) or a model\'s own lower limit', blocks: true }),
    rule('account-or-plan-restriction', 0.93, body(/Credit limit exceeded|allowed for build tier \d+ and above|make sure that you have a positive balance/), {
      blocks: true, why: 'the Together account has no credit left, or the model is open only from a higher build tier (bought with credits)',
      fix: 'Add credit or upgrade the tier at api.together.xyz/settings/billing; waiting does not help.',
    }),
  ],
  checklist: { server: 'Check the balance and build tier at api.together.xyz/settings/billing, and the model\'s own rate limit.' },
});

/**
 * ElevenLabs' own refusal sentences (its {"detail":{"status","message"}} body, or bare as its SDKs print them):
 * the free tier's abuse stop, the credit/character quota, a restricted key's missing permission.
 */
const ELEVEN_ABUSE = /Unusual activity detected\. Free Tier usage disabled/;
const ELEVEN_QUOTA = /This request exceeds your quota( of \d+)?\. You have -?\d+ (credits|characters) remaining\b/;
const ELEVEN_PERMISSION = /The API key you used is missing the permission \w+ to execute this operation/;
/** Its status codes inside that body, in JSON or a Python repr. */
const ELEVEN_STATUS = (code: string) => new RegExp(`\\\\?['"]detail\\\\?['"]\\s*:\\s*\\{\\s*\\\\?['"]status\\\\?['"]\\s*:\\s*\\\\?['"](${code})\\\\?['"]`);

export const elevenlabsApi = defineProducer({
  id: 'elevenlabs-api', kind: 'saas-api', name: 'ElevenLabs API', family: 'elevenlabs',
  own: [body(ELEVEN_ABUSE), body(ELEVEN_QUOTA), body(ELEVEN_PERMISSION), body(ELEVEN_STATUS('detected_unusual_activity|missing_permissions'))],
  // quota_exceeded and invalid_api_key are anyone's words: in its detail/status body they name it beside its host or header
  bodyOnly: [all(body(ELEVEN_STATUS('quota_exceeded|invalid_api_key')), body(/\bapi\.elevenlabs\.io\b|\bxi-api-key\b/))],
  causes: [
    rule('account-or-plan-restriction', 0.94, any(body(ELEVEN_ABUSE), body(ELEVEN_STATUS('detected_unusual_activity'))), {
      blocks: true, why: 'ElevenLabs\' abuse detector turned the free tier off for this account or address (a proxy/VPN, a cloud host\'s IP, several free accounts); it answers 401 and waiting seldom helps',
      fix: 'Call from an ordinary connection without a proxy/VPN, or buy any paid plan (the free tier stays off for flagged accounts).',
    }),
    rule('ip-or-geo-blocked', 0.5, body(ELEVEN_ABUSE)),
    rule('account-or-plan-restriction', 0.93, any(body(ELEVEN_QUOTA), body(ELEVEN_STATUS('quota_exceeded'))), {
      blocks: true, why: 'the account\'s (or the key\'s) credits for this period are used up: the request needs more credits than remain',
      fix: 'Wait for the monthly reset, raise the key\'s credit limit, or upgrade the plan (elevenlabs.io/app/subscription).',
    }),
    rule('insufficient-permissions', 0.93, any(body(ELEVEN_PERMISSION), body(ELEVEN_STATUS('missing_permissions'))), {
      blocks: true, why: 'the API key is restricted and lacks the permission this endpoint needs (voices_read, user_read, text_to_speech…)',
      fix: 'Edit the key in ElevenLabs (Developers → API keys) to grant the named permission, or create an unrestricted key.',
    }),
    rule('invalid-credentials', 0.9, body(ELEVEN_STATUS('invalid_api_key')), { blocks: true, why: 'ElevenLabs does not accept the xi-api-key (mistyped, deleted or of another account)' }),
  ],
  checklist: { auth: 'Check the key\'s permissions and credit limit under Developers → API keys.', server: 'Check the remaining credits and whether the free tier was disabled for the account.' },
});
