import { all, any, body } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Alibaba Cloud Model Studio (DashScope, Bailian): the Qwen models' API, native or OpenAI-compatible. Its error-code
 * page (help.aliyun.com/zh/model-studio/error-code#…, alibabacloud.com/help/en/model-studio/…) follows most messages;
 * its SDKs (com.alibaba.dashscope, LiteLLM's DashscopeException) and its own sentences name it without the link.
 */
const MS_DOCS = /\b(help\.aliyun\.com|alibabacloud\.com\/help)\/(zh\/|en\/)?model-studio\/[\w/-]*error-code/;
const MS_SDK = /\bcom\.alibaba\.dashscope\.exception\.\w+|\bDashscopeException\b|\bDashScope (embedding |API )?error: [A-Z]\w+ - /;
/** Its own sentences: a key it does not know ('API-key', hyphenated), an account in arrears, a model not opened to the account. */
const MS_KEY = /Invalid API-key provided\./;
const MS_ARREARS = /Access denied, please make sure your account is in good standing\./;
const MS_UNPURCHASED = /Access to model denied\.\s+Please make sure you are eligible for using\s+the\s+model\./;
/** Its throttle: 'Allocated quota exceeded' (Throttling.AllocationQuota), or OpenAI's quota words with its #token-limit anchor. */
const MS_ALLOCATION = /Allocated quota exceeded, please increase your quota limit|model-studio\/[\w/-]*error-code#(token|rate)-limit/;
/** Its codes, in JSON, a Python dict or a client's 'code: X' line. */
const msCode = (codes: string) => new RegExp(`['"]?code['"]?\\s*[:=]\\s*['"]?(${codes})\\b`);

export const alibabaModelStudio = defineProducer({
  id: 'alibaba-model-studio', kind: 'saas-api', name: 'Alibaba Cloud Model Studio (DashScope)', family: 'alibaba',
  // its OpenAI-compatible mode answers in OpenAI's envelope (insufficient_quota, 'Incorrect API key provided'), and
  // LiteLLM's client only relays its refusal: its links, SDK names and sentences name it
  overrides: ['openai-api', 'litellm', 'alibaba-cloud'],
  own: [body(MS_DOCS), body(MS_SDK)],
  bodyOnly: [body(MS_KEY), body(MS_ARREARS), body(MS_UNPURCHASED), body(/Allocated quota exceeded, please increase your quota limit/)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(MS_KEY), body(msCode('InvalidApiKey')), body(/error-code#apikey-error/)), {
      blocks: true, why: 'Model Studio does not accept the API key: mistyped, deleted, or a key of the other region (a Beijing key sent to dashscope-intl, an international key to dashscope.aliyuncs.com, a Token Plan key to the ordinary endpoint)',
      fix: 'Copy the key again from the Model Studio console of the region you call, and use that region\'s base URL (dashscope.aliyuncs.com or dashscope-intl.aliyuncs.com, /compatible-mode/v1 for OpenAI clients).',
    }),
    rule('account-or-plan-restriction', 0.94, any(body(MS_ARREARS), body(msCode('Arrearage')), body(/error-code#overdue-payment/)), {
      blocks: true, why: 'the Alibaba Cloud account is in arrears (an overdue bill, or no balance once the free quota is used up): Model Studio refuses every call, whatever the key, with 400 Arrearage',
      fix: 'Top up or settle the overdue bill in the Alibaba Cloud billing console (Expenses), then retry; a new key does not help.',
    }),
    rule('account-or-plan-restriction', 0.9, any(body(MS_UNPURCHASED), body(msCode('AccessDenied\\.Unpurchased'))), {
      blocks: true, why: 'the model is not opened to this account or key: not activated or bought (AccessDenied.Unpurchased), another region\'s model, or a plan (Token Plan, Coding Plan) without it',
      fix: 'Activate the model in the Model Studio console of this region (or buy the plan that includes it), or call a model the key lists; check the exact model id.',
    }),
    rule('insufficient-permissions', 0.6, any(body(MS_UNPURCHASED), body(msCode('AccessDenied\\.Unpurchased')))),
    rule('rate-limited', 0.93, any(body(MS_ALLOCATION), body(msCode('Throttling(\\.\\w+)?'))), {
      blocks: true, why: 'a Model Studio rate limit (requests or tokens per minute for the model, Throttling.AllocationQuota / RateQuota) fired; it is sent as 429 in OpenAI\'s quota words, yet clears within the minute',
      fix: 'Retry with back-off, spread requests over time, or ask for a higher limit; it is not an empty balance (that is Arrearage).',
    }),
  ],
  checklist: { auth: 'Check the key belongs to the region of the base URL (Beijing vs Singapore/international).', server: 'Check the account\'s balance and that the model is activated in Model Studio.' },
});

/**
 * Moonshot AI (Kimi): its error types beside its own words, in JSON or an SDK's Python dict — a key it does
 * not know ('Invalid Authentication'), an organisation without balance, a limit of the organisation or project —
 * and its account ids ('org-<32 hex> [/ proj-<32 hex>] <ak-…>') that its limit and billing messages quote.
 */
const MOONSHOT_IDS = /\borg-[0-9a-f]{32}\s*(\/\s*proj-[0-9a-f]{32}\s*)?<ak-\w+/;
const moonshotType = (type: string) => new RegExp(`\\\\?['"]type\\\\?['"]\\s*:\\s*\\\\?['"]${type}\\\\?['"]`);
const MOONSHOT_AUTH = /Invalid\s+Authentication/;
const MOONSHOT_QUOTA = /organization <?[\w-]+>? exceeded current quota|is suspended due to insufficient balance|is not active, organization/;
const MOONSHOT_LIMIT = /request reached (organization|project) (max RPM|max TPM|\w+ rate limit|TPM rate limit|TPD rate limit)|reached max organization concurrency|Organization Rate limit exceeded/;

export const moonshotApi = defineProducer({
  id: 'moonshot-api', kind: 'saas-api', name: 'Moonshot AI (Kimi) API', family: 'moonshot',
  // Moonshot answers in OpenAI's envelope shape with its own types
  overrides: ['openai-api'],
  own: [body(/\bplatform\.moonshot\.(cn|ai)\/docs\b/), body(MOONSHOT_IDS)],
  bodyOnly: [
    all(body(moonshotType('invalid_authentication_error')), body(MOONSHOT_AUTH)),
    all(body(moonshotType('exceeded_current_quota_error')), body(MOONSHOT_QUOTA)),
    all(body(moonshotType('rate_limit_reached_error')), body(MOONSHOT_LIMIT)),
  ],
  causes: [
    rule('invalid-credentials', 0.93, all(body(moonshotType('invalid_authentication_error')), body(MOONSHOT_AUTH)), {
      blocks: true, why: 'Moonshot does not accept the API key: mistyped, deleted, or a key of the other platform (platform.moonshot.cn keys work only on api.moonshot.cn, platform.moonshot.ai keys only on api.moonshot.ai; Kimi Code keys on their own endpoint)',
      fix: 'Send the key to the API host of the platform that issued it (api.moonshot.cn or api.moonshot.ai /v1), or create a new key there.',
    }),
    rule('account-or-plan-restriction', 0.94, any(body(moonshotType('exceeded_current_quota_error')), body(MOONSHOT_QUOTA)), {
      blocks: true, why: 'the Moonshot organisation has no balance left (or was never funded), so the account is suspended: every call fails until it is recharged, whatever the rate',
      fix: 'Recharge the account on the Moonshot platform (Billing); the free tier\'s limits do not apply to an account with no balance.',
    }),
    rule('rate-limited', 0.94, all(body(moonshotType('rate_limit_reached_error')), any(body(MOONSHOT_LIMIT), body(MOONSHOT_IDS), body(/receiving too many requests/))), {
      why: 'a Moonshot limit of the organisation or project (concurrency, RPM, TPM or tokens per day, by recharge tier) was reached; the message names the limit and its current value',
      fix: 'Wait the time the message gives, lower concurrency, or raise the tier by recharging (the limits grow with the cumulative recharge).',
    }),
  ],
  checklist: { auth: 'Check the key belongs to the platform of the base URL (moonshot.cn vs moonshot.ai).', server: 'Check the organisation\'s balance and its tier limits (concurrency, RPM, TPM, TPD).' },
});

/**
 * Zhipu AI / Z.ai (GLM models): its numbered business codes with its own sentences, in Chinese or English —
 * 1113 no balance or resource package, 1302 too many concurrent requests.
 */
const ZHIPU_BALANCE = /余额不足或无可用资源包|Insufficient balance or no resource package/;
const ZHIPU_CONCURRENCY = /您当前使用该API的并发数过高|High concurrency usage of this API, please reduce concurrency/;

export const zhipuApi = defineProducer({
  id: 'zhipu-api', kind: 'saas-api', name: 'Zhipu AI / Z.ai API (GLM)', family: 'zhipu',
  overrides: ['openai-api'],
  // its two sentences are its own whole (a 429 it sends for both): they name it as surely as its hosts
  own: [body(/\b(open\.bigmodel\.cn|docs\.z\.ai|api\.z\.ai)\b/), body(ZHIPU_BALANCE), body(ZHIPU_CONCURRENCY)],
  causes: [
    rule('account-or-plan-restriction', 0.94, body(ZHIPU_BALANCE), {
      blocks: true, why: 'the Zhipu / Z.ai account has no balance and no resource package (or plan quota) for this model: sent as 429 (code 1113), yet waiting does not help',
      fix: 'Recharge the account or buy a resource package / coding plan that covers this model (bigmodel.cn or z.ai billing), or use a model the package includes.',
    }),
    rule('rate-limited', 0.93, body(ZHIPU_CONCURRENCY), {
      why: 'more requests at once than the account\'s concurrency limit for this model (code 1302; a coding plan allows only a few in flight)',
      fix: 'Send fewer requests in parallel (one or two for coding plans) and retry after the others finish.',
    }),
  ],
  checklist: { server: 'Check the balance, resource packages and concurrency limit on the Zhipu / Z.ai console.' },
});

/**
 * Volcengine Ark (Doubao and the models it hosts): its account-level stops in its own words — a model the account
 * never activated ('has not activated the model <id>. Please activate the model service in the Ark Console', code
 * ModelNotOpen, sent with 404) and a model paused by the account's own Safe Experience Mode limit.
 */
const ARK_NOT_OPEN = /has not activated the model [\w.-]+\. Please activate the model service in the Ark Console/;
const ARK_PAUSED = /has reached the set inference limit for the\s*\W?[\w.-]+\W?\s*model, and the model service has been paused/;

export const volcengineArk = defineProducer({
  id: 'volcengine-ark', kind: 'saas-api', name: 'Volcengine Ark (Doubao) API', family: 'volcengine',
  overrides: ['openai-api'],
  own: [body(ARK_NOT_OPEN), body(ARK_PAUSED), body(/\bark\.cn-beijing\.volces\.com\b|console\.volcengine\.com\/ark\b/)],
  causes: [
    rule('account-or-plan-restriction', 0.94, any(body(ARK_NOT_OPEN), body(/['"]code['"]\s*:\s*['"]ModelNotOpen['"]/)), {
      blocks: true, why: 'the Ark account has not activated this model (ModelNotOpen): Ark answers 404 until the model service is opened, whatever the key',
      fix: 'Open the model in the Ark console (Model activation / 开通管理) for this account, or call a model (or endpoint id) that is already activated.',
    }),
    rule('account-or-plan-restriction', 0.93, body(ARK_PAUSED), {
      blocks: true, why: 'the account\'s own Safe Experience Mode stopped the model after the inference limit it set: the model service is paused, not rate limited',
      fix: 'On the Ark console\'s model activation page, raise the limit or turn off Safe Experience Mode for this model.',
    }),
  ],
  checklist: { server: 'Check which models are activated for the account in the Ark console, and their Safe Experience Mode limits.' },
});

/**
 * SiliconFlow (硅基流动): its paid-balance stop (code 30011) — 'Pro/' models run only on recharged balance, so
 * gifted or trial credits do not count — in its own words, and its API and docs hosts.
 */
const SILICONFLOW_PAID = /The selected model requires paid balance\. Your paid balance is insufficient/;
const SILICONFLOW_PAID_CUT = /\bThe selected model requires paid balance\b/;

export const siliconflowApi = defineProducer({
  id: 'siliconflow-api', kind: 'saas-api', name: 'SiliconFlow API', family: 'siliconflow',
  overrides: ['openai-api'],
  own: [body(SILICONFLOW_PAID), body(/\b(api|cloud|docs)\.siliconflow\.(cn|com)\b/)],
  // its sentence cut at its first period, as clients print the message (github.com/FoundationAgents/OpenManus/issues/438,
  // github.com/songquanpeng/one-api/issues/2063)
  bodyOnly: [body(SILICONFLOW_PAID_CUT)],
  causes: [
    rule('account-or-plan-restriction', 0.95, any(body(SILICONFLOW_PAID), body(SILICONFLOW_PAID_CUT)), {
      blocks: true, why: 'the model (a Pro/ model) is billed only from recharged balance and the account\'s paid balance is empty: gifted or trial credits do not count, so other models still work (403, code 30011)',
      fix: 'Recharge the SiliconFlow account (paid balance), or call the non-Pro variant of the model that gifted credits cover.',
    }),
  ],
  checklist: { server: 'Check the paid (recharged) balance on cloud.siliconflow.cn, not only the total balance.' },
});

/**
 * MiniMax: its numbered messages inside the Anthropic- and OpenAI-shaped errors of its compatible endpoints —
 * 1008 'insufficient balance' (sent with 402, 429 or even 500), 1004 'login fail: Please carry the API secret key
 * in the '<header>' field'.
 */
const MINIMAX_BALANCE = /\binsufficient\s+balance\s+\(1008\)/;
const MINIMAX_LOGIN = /login fail: Please carry the API secret key in the '[\w-]+' field of the request header/;

export const minimaxApi = defineProducer({
  id: 'minimax-api', kind: 'saas-api', name: 'MiniMax API', family: 'minimax',
  // its compatible endpoints answer in Anthropic's and OpenAI's envelopes with its own words
  overrides: ['anthropic-api', 'openai-api'],
  own: [body(MINIMAX_BALANCE), body(MINIMAX_LOGIN), body(/\b(api|platform)\.minimaxi?\.(io|com)\b/)],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(MINIMAX_BALANCE), {
      blocks: true, why: 'the MiniMax balance the key draws from is empty (1008): a standard sk-api- key spends the account balance, a subscription sk-cp- key the credits or Token Plan; sent as 402, 429 or 500, yet retrying does not help',
      fix: 'Top up the balance the key uses, or use the key type that spends the credits you hold (Subscription Key for credits and Token Plan).',
    }),
    // the header it names differs by endpoint: Authorization on its OpenAI-style API, X-Api-Key on the Anthropic-style one
    rule('missing-credentials', 0.9, body(MINIMAX_LOGIN), { blocks: true, why: 'MiniMax found no API key in the header it reads for this endpoint (1004)' }),
  ],
  checklist: {
    auth: 'Send the key in the header the message names, to the host of your region (api.minimax.io, or api.minimaxi.com in mainland China); check the key type (sk-api- vs sk-cp-).',
    server: 'Check the balance or credits the key draws from.',
  },
});

/**
 * Perplexity (Sonar API): its key sentence points at its own settings page, its model errors at docs.perplexity.ai;
 * LiteLLM's client names its answers 'PerplexityException - ' (also around the bare openresty 401 page of its edge);
 * its web app's query limit names it too.
 */
const PPLX_KEY = /Invalid API key provided\. You can find your API key at https:\/\/www\.perplexity\.ai\/settings\/api/;
/** Its links inside its own sentences only: a filter's block page may show any perplexity.ai URL it stopped. */
const PPLX_MARKS = /documentation at https:\/\/docs\.perplexity\.ai\/|find your API key at https:\/\/www\.perplexity\.ai\/settings\/api/;
const PPLX_LITELLM = /\bPerplexityException - /;
const PPLX_WEB_LIMIT = /Query rate limit exceeded\. Please try Perplexity again later/;

export const perplexityApi = defineProducer({
  id: 'perplexity-api', kind: 'saas-api', name: 'Perplexity API', family: 'perplexity',
  // OpenAI-style {error:{message,type,code}} answers; LiteLLM only relays them, and the openresty page is its edge's
  overrides: ['openai-api', 'litellm', 'openresty', 'nginx'],
  own: [body(PPLX_MARKS), body(PPLX_WEB_LIMIT)],
  bodyOnly: [body(PPLX_LITELLM)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(PPLX_KEY), all(body(PPLX_MARKS), body(/['"]type['"]\s*:\s*['"]invalid_api_key['"]/))), {
      blocks: true, why: 'Perplexity does not know the API key: mistyped, revoked, or another vendor\'s key (an OpenRouter sk-or- key sent to api.perplexity.ai)',
      fix: 'Create or copy a pplx- key from the API settings (perplexity.ai/settings/api) and send it as Authorization: Bearer <key> to api.perplexity.ai.',
    }),
    // its edge answers a missing and a refused key with the same openresty page; LiteLLM reads PERPLEXITYAI_API_KEY
    rule('missing-credentials', 0.78, all(body(PPLX_LITELLM), body(/401 Authorization Required/)), {
      blocks: true, why: 'Perplexity\'s edge found no key it accepts: LiteLLM sent none (it reads PERPLEXITYAI_API_KEY, not PERPLEXITY_API_KEY) or the key is refused',
      fix: 'Set PERPLEXITYAI_API_KEY (or pass api_key=) for LiteLLM, and check the key on perplexity.ai/settings/api.',
    }),
    rule('invalid-credentials', 0.7, all(body(PPLX_LITELLM), body(/401 Authorization Required/))),
    rule('rate-limited', 0.9, body(PPLX_WEB_LIMIT), { why: 'Perplexity\'s query limit for the account or session (RATE_LIMITED) was reached', blocks: true }),
  ],
  checklist: { auth: 'Check the pplx- key on perplexity.ai/settings/api and the environment variable your client reads.', server: 'Check the API credit balance and usage tier in the API settings.' },
});

/**
 * Fireworks AI: its account stop (412 PRECONDITION_FAILED, 'Account <id> is suspended, possibly due to reaching the
 * monthly spending limit or failure to pay past invoices') and its billing page; LiteLLM's client names its answers
 * 'Fireworks_aiException - '.
 */
const FIREWORKS_SUSPENDED = /Account \S{1,80} is suspended, possibly due to reaching the monthly spending limit/;

export const fireworksApi = defineProducer({
  id: 'fireworks-api', kind: 'saas-api', name: 'Fireworks AI API', family: 'fireworks',
  // OpenAI-style envelope; LiteLLM and the routers built on it only relay its answers
  overrides: ['openai-api', 'litellm'],
  own: [body(FIREWORKS_SUSPENDED), body(/\bfireworks\.ai\/account\/billing\b/)],
  bodyOnly: [body(/\bFireworks_aiException - /)],
  causes: [
    rule('account-or-plan-restriction', 0.95, body(FIREWORKS_SUSPENDED), {
      blocks: true, why: 'Fireworks suspended the account the key belongs to: its tier\'s monthly spending limit is reached (even with credits left) or an invoice is unpaid; sent as 412, and retrying does not help',
      fix: 'Pay the open invoice or buy credits to move up a spending tier (fireworks.ai/account/billing); a relaying service\'s own Fireworks account needs its operator to do so.',
    }),
  ],
  checklist: { server: 'Check the account\'s spending tier, monthly usage and invoices on fireworks.ai/account/billing.' },
});
