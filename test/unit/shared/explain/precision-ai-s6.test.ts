// Precision (issue 11, round 6, tuner S: AI APIs and AI gateways): LiteLLM's, Model Studio's and AI Gateway's own
// sentences name them without headers; the same generic words from anyone else name nobody, and a provider's
// refusal a client library relays stays the provider's.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: round 6 precision (AI APIs and gateways, tuner S)', () => {
  it("LiteLLM's budget sentence names it only with its scope id or cost pair", () => {
    expect(producerOf(400, 'Budget has been exceeded! Current cost: 3.2, Max budget: 3.0', 'text/plain')).toBe('litellm');
    // other apps' budget notifications
    expect(producerOf(400, 'Budget has been exceeded! Actual spend: $120.00 vs Budget: $100.00. Immediate action required.', 'text/plain')).toBeNull();
    expect(producerOf(403, '{"message":"Marketing budget has been exceeded! Spent 1200 of 1000 (120%)"}')).toBeNull();
    expect(producerOf(429, '{"error":"Budget has been exceeded"}')).toBeNull();
  });

  it("LiteLLM's model allow-list names it only with its own continuation", () => {
    expect(producerOf(403, '{"error":"User not allowed to access model gpt-4"}')).toBeNull();
    expect(producerOf(401, '{"message":"API key not allowed to access model"}')).toBeNull();
    expect(run(401, "API Key not allowed to access model. This token can only access models=['a']. Tried to access b", 'text/plain').cause).toBe('insufficient-permissions');
  });

  it('a provider refusal the litellm client library relays stays the provider\'s', () => {
    const openai = "litellm.exceptions.AuthenticationError: OpenAIException - Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-abc***. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}";
    expect(producerOf(401, openai, 'text/plain')).toBe('openai-api');
  });

  it("Model Studio is named by its own sentences, links and SDK, not by generic or shared codes", () => {
    expect(producerOf(403, '{"code":"Forbidden","message":"Access denied"}')).toBeNull();
    // Apigee's key code (Fireworks' old edge) and another Alibaba Cloud API's arrears code
    expect(producerOf(401, "AuthenticationError({'fault': {'faultstring': 'Invalid ApiKey', 'detail': {'errorcode': 'oauth.v2.InvalidApiKey'}}})", 'text/plain')).not.toBe('alibaba-model-studio');
    expect(producerOf(400, '{"Code":"Arrearage","Message":"The account has an outstanding payment."}')).not.toBe('alibaba-model-studio');
    expect(producerOf(401, '{"error":"Invalid API key provided."}')).toBeNull();
    const arrears = run(400, 'Access denied, please make sure your account is in good standing.', 'text/plain');
    expect(arrears.producer?.id).toBe('alibaba-model-studio');
    expect(arrears.blocked).toBe(true);
  });

  it("OpenAI's own quota refusal stays OpenAI's; with Model Studio's #token-limit link it is Model Studio's throttle", () => {
    const openai = '{"error":{"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}';
    expect(run(429, openai).producer?.id).toBe('openai-api');
    expect(run(429, openai).cause).toBe('account-or-plan-restriction');
  });

  // [status, body, a producer it must not be (null: it names nobody)]
  const notTheirs: Array<[number, string, string | null]> = [
    [401, '{"error":"Invalid Authentication"}', null],
    [429, '{"error":{"message":"Too many requests","type":"rate_limit_reached_error"}}', 'moonshot-api'],
    [403, '{"error":{"message":"Quota exceeded","type":"exceeded_current_quota_error"}}', 'moonshot-api'],
    // OpenAI's organisation ids have 24 characters and no <ak-…> key id
    [429, 'Rate limit reached for requests in org-AbCdEfGhIjKlMnOpQrStUvWx', 'moonshot-api'],
    [402, '{"error":{"message":"Insufficient balance"}}', null],
    [429, '{"message":"Too many concurrent requests, please reduce concurrency"}', null],
    [403, '{"code":403,"message":"余额不足"}', null],
    // Ark's account stops need its own sentences
    [404, '{"error":"Your account has not activated this feature. Please contact support."}', null],
    [403, '{"message":"The model service has been paused"}', null],
    // Anthropic's OAuth sentence names it inside its error type only; other OAuth and rate wordings are not its own
    [401, 'OAuth token has expired. Please obtain a new token or refresh your existing token.', null],
    [401, '{"error":"OAuth token expired (old age). Refresh your token or acquire a new one"}', null],
    [429, '{"error":"This request would exceed the rate limit"}', null],
    [429, 'Rate limit reached for gpt-4 in organization org-AbCdEfGhIjKlMnOpQrStUvWx on tokens per min (TPM): Limit 10000', 'anthropic-api'],
    // MiniMax's Anthropic-compatible endpoint answers in Anthropic's envelope with its own words (MiniMax-M2.7 #36)
    [429, "Details: {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'usage limit exceeded, 5-hour usage limit reached for Token Plan Starter (0/0 used), resets at 2026-05-15T15:00:00Z (2056)'}, 'request_id': '065651beccc4579e5c7e66c939d1987e'}", 'anthropic-api'],
    // Cloudflare AI Gateway's own 401 (oh-my-pi PR #11327) is no Vercel AI Gateway refusal
    [401, '401 {"success":false,"result":[],"messages":[],"error":[{"code":2009,"message":"Unauthorized"}],"name":"AiGatewayError","httpCode":401,"internalCode":2009}', 'vercel-ai-gateway'],
    [401, '{"error":"Unauthenticated request"}', null],
    // SiliconFlow's paid-balance stop needs its own two sentences
    [403, '{"message":"Your paid balance is insufficient"}', null],
    // MiniMax's numbered messages need its own wording; another API's 'insufficient balance' names nobody
    [402, '{"error":{"message":"insufficient balance","code":1008}}', null],
    [401, '{"message":"login fail: wrong password"}', null],
    // OpenAI's account stops are its own whole sentences
    [403, '{"message":"Your account is not active, please contact support"}', null],
    [403, '{"error":"Your access was terminated"}', null],
  ];
  it.each(notTheirs)("AI vendors' types and sentences need their own words (%i %s)", (code, text, not) => {
    const id = producerOf(code, text, text.startsWith('{') ? 'application/json' : 'text/plain');
    if (not === null) expect(id).toBeNull();
    else expect(id).not.toBe(not);
  });

  it("Zhipu's Chinese balance sentence is a billing stop, though sent with 429", () => {
    expect(run(429, '余额不足或无可用资源包,请充值。', 'text/plain').cause).toBe('account-or-plan-restriction');
  });

  it("OpenRouter's data-policy refusal blocks; its other 'no endpoints' 404 is not a policy", () => {
    const other = run(404, '{"error":{"message":"No endpoints found for nousresearch/hermes-3-llama-3.1-405b:free.","code":404}}');
    expect(other.cause).not.toBe('resource-policy-deny');
    expect(producerOf(404, '{"message":"No results matching your data policy"}')).toBeNull();
  });
});
