// Precision (issue 11, round 7, tuner Y3: LLM APIs and AI gateways): Perplexity is named by its own links,
// LiteLLM's names for its and OpenRouter's answers and its web app's limit sentence; the generic words around
// them name nobody, a LiteLLM proxy's own refusals stay LiteLLM's, and a Perplexity validation error is no refusal.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: round 7 precision (AI APIs and gateways, tuner Y3)', () => {
  it("Perplexity's key refusal needs its own link: the bare sentence or its envelope alone names nobody", () => {
    expect(producerOf(401, '{"error":{"message":"Invalid API key provided.","type":"invalid_api_key","code":401}}')).toBeNull();
    expect(producerOf(401, '{"error":"Invalid API key provided. You can find your API key in your account settings."}')).toBeNull();
    const own = run(401, '{"error":{"message":"Invalid API key provided. You can find your API key at https://www.perplexity.ai/settings/api.","type":"invalid_api_key","code":401}}');
    expect(own.producer?.id).toBe('perplexity-api');
    expect(own.cause).toBe('invalid-credentials');
  });

  it("a user-defined PerplexityException class or the word Perplexity names nobody", () => {
    expect(producerOf(500, 'PerplexityException: No response generated', 'text/plain')).toBeNull();
    expect(producerOf(401, 'Perplexity API error: Request failed with status code 401', 'text/plain')).toBeNull();
    expect(producerOf(429, '{"error":"Query rate limit exceeded. Please try again later."}')).toBeNull();
  });

  it('a bare openresty 401 page stays openresty; with LiteLLM\'s Perplexity prefix it is Perplexity\'s edge', () => {
    const page = '<html>\n<head><title>401 Authorization Required</title></head>\n<body>\n<center><h1>401 Authorization Required</h1></center>\n<hr><center>openresty/1.27.4</center>\n</body>\n</html>';
    expect(producerOf(401, page, 'text/html')).toBe('openresty');
    expect(producerOf(401, `AuthenticationError: PerplexityException - ${page}`, 'text/plain')).toBe('perplexity-api');
  });

  it("a filter's block page that shows a perplexity.ai address does not name Perplexity", () => {
    const page = '<html><head><title>Access Denied</title></head><body><h1>Web Page Blocked</h1><p>Access to https://www.perplexity.ai/settings/api is blocked by your organization (category: Generative AI).</p></body></html>';
    expect(producerOf(403, page, 'text/html')).not.toBe('perplexity-api');
    expect(producerOf(403, page.replace('www.perplexity.ai/settings/api', 'api.perplexity.ai/chat/completions'), 'text/html')).not.toBe('perplexity-api');
  });

  it('a Perplexity validation error is named but is no refusal', () => {
    const invalid = run(400, '{"error":{"message":"Invalid model \'sonar-small-online\'. Permitted models can be found in the documentation at https://docs.perplexity.ai/guides/model-cards.","type":"invalid_model","code":400}}');
    expect(invalid.producer?.id).toBe('perplexity-api');
    expect(invalid.blocked).toBe(false);
  });

  it("LiteLLM's OpenrouterException names OpenRouter; LiteLLM's own refusals stay LiteLLM's", () => {
    expect(producerOf(401, "litellm.AuthenticationError: AuthenticationError: OpenrouterException - Error code: 401 - {'error': {'message': 'User not found.', 'code': 401}}", 'text/plain')).toBe('openrouter');
    expect(producerOf(401, "litellm.AuthenticationError: Authentication Error, Invalid proxy server token passed. Received API Key = sk-...abcd, model=openrouter/anthropic/claude-3.5-sonnet", 'text/plain')).toBe('litellm');
    // the older OpenRouter sentence without OpenRouter's or LiteLLM's name is anyone's
    expect(producerOf(401, '{"error":{"message":"Missing Authentication header or invalid API key","code":401}}')).toBeNull();
  });

  it("Anthropic's region refusal is named by its whole forbidden object only, not by its message", () => {
    expect(producerOf(403, '{"message":"Request not allowed"}')).toBeNull();
    expect(producerOf(403, '{"error":"forbidden","message":"Request not allowed"}')).toBeNull();
    expect(producerOf(403, '{"type":"forbidden","message":"Request not allowed","detail":"ip 1.2.3.4 is not in the allow-list"}')).toBeNull();
    expect(producerOf(403, '{"type":"forbidden","message":"Request not allowed"}')).toBe('anthropic-api');
  });

  it("OpenRouter's provider allow-list refusal is named by its sentence; another router's 'no provider' words are not", () => {
    expect(producerOf(404, '{"error":"No providers available for this model"}')).toBeNull();
    expect(producerOf(503, '{"error":{"message":"No available provider for model gpt-4o"}}')).toBeNull();
    const own = run(404, '404 No allowed providers are available for the selected model.', 'text/plain');
    expect(own.producer?.id).toBe('openrouter');
    expect(own.cause).toBe('resource-policy-deny');
  });

  it("Fireworks' account stop needs its own sentence; other suspensions and billing words name nobody", () => {
    expect(producerOf(403, '{"error":"Account acme is suspended"}')).toBeNull();
    expect(producerOf(402, '{"message":"Your account is suspended due to failure to pay past invoices."}')).toBeNull();
    expect(producerOf(403, 'The job was not started because recent account payments have failed or your spending limit needs to be increased.', 'text/plain')).not.toBe('fireworks-api');
    const own = run(412, '{"error":{"message":"Account acct-a is suspended, possibly due to reaching the monthly spending limit or failure to pay past invoices.","code":"PRECONDITION_FAILED"}}');
    expect(own.producer?.id).toBe('fireworks-api');
    expect(own.cause).toBe('account-or-plan-restriction');
    expect(own.blocked).toBe(true);
  });

  it("Groq's organisation stop and Continue's credit stop need their own sentences", () => {
    expect(producerOf(403, '{"error":"Organization has been restricted"}')).toBeNull();
    expect(producerOf(400, '{"error":{"message":"Your organization has been restricted from creating projects.","type":"invalid_request_error"}}')).not.toBe('groq-api');
    expect(producerOf(402, '{"error":"You have no credits remaining on your account."}')).toBeNull();
    expect(producerOf(402, 'You have no credits remaining. Please top up.', 'text/plain')).toBeNull();
  });

  it("Claude Code's disabled-organisation line names Anthropic; the sentence alone or in prose does not", () => {
    expect(producerOf(400, 'This organization has been disabled.', 'text/plain')).toBeNull();
    expect(producerOf(403, '{"message":"This organization has been disabled. Contact your administrator."}')).not.toBe('anthropic-api');
    expect(producerOf(400, 'API Error: 400 This organization has been disabled.', 'text/plain')).toBe('anthropic-api');
  });
});
