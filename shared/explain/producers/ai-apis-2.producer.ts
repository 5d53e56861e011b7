import { any, body } from '../match';
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
