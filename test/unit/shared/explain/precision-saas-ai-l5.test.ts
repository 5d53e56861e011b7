// Precision (issue 11, round 5, tuner L: AI APIs, SaaS, payments, messaging, secrets): the wordings widened this
// round name their vendor only in the vendor's own words; look-alike bodies of other layers name nobody.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const run = (status: number, body: string, ct = 'application/json') => explain({ status, headers: { 'Content-Type': ct }, body });
const producerOf = (status: number, body: string, ct?: string) => run(status, body, ct).producer?.id ?? null;

describe('explain: round 5 precision (AI APIs, SaaS, payments, messaging, secrets)', () => {
  it("Anthropic's edge object names it only with its own forbidden type and sentence", () => {
    expect(producerOf(403, '{"error":{"type":"forbidden","message":"Request not allowed"}}')).toBe('anthropic-api');
    // another message or another type in the same shape is anybody's
    expect(producerOf(403, '{"error":{"type":"forbidden","message":"Access denied"}}')).toBeNull();
    expect(producerOf(403, '{"error":{"type":"access_denied","message":"Request not allowed"}}')).toBeNull();
    // the sentence inside a longer message is not the object
    expect(producerOf(403, '{"error":{"type":"forbidden","message":"Request not allowed for this tenant"}}')).toBeNull();
  });

  it("OpenAI's bare account sentences name it; generic permission and quota words do not", () => {
    expect(producerOf(429, 'openai.error.RateLimitError: You exceeded your current quota, please check your plan and billing details.', 'text/plain')).toBe('openai-api');
    expect(producerOf(429, '{"error":"You exceeded your quota for today"}')).toBeNull();
    expect(producerOf(403, '{"message":"You have insufficient permissions for this operation."}')).toBeNull();
    expect(producerOf(403, '{"message":"Your organization must be verified before inviting members"}')).toBeNull();
  });
});

describe('explain: round 5 precision (OpenAI-compatible vendors)', () => {
  it("an OpenAI-style envelope names Together only beside Together's own URLs or types", () => {
    const env = (msg: string) => `{"error":{"message":"${msg}","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`;
    expect(producerOf(401, env('Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.'))).toBe('together-api');
    expect(producerOf(401, env('Incorrect API key provided: sk-abc. You can find your API key at https://platform.openai.com/account/api-keys.'))).toBe('openai-api');
    // another vendor's settings page is not Together's
    expect(producerOf(401, env('Invalid API key provided. You can find your API key at https://example.com/settings/api-keys.'))).not.toBe('together-api');
  });
});

describe('explain: round 5 precision (SaaS apps)', () => {
  it("Slack's SDK sentence names Slack only with one of Slack's refusal codes", () => {
    expect(producerOf(200, 'Error: An API error occurred: not_in_channel', 'text/plain')).toBe('slack-api');
    expect(producerOf(400, 'Error: An API error occurred: validation_failed', 'text/plain')).toBeNull();
  });

  it("Zoom's code 124 names it only beside its token sentence; its scope sentence names it alone", () => {
    expect(producerOf(401, '{"code":124,"message":"Invalid access token."}')).toBe('zoom-api');
    expect(producerOf(401, '{"code":124,"message":"Unauthorized"}')).toBeNull();
    expect(producerOf(401, '{"code":401,"message":"Invalid access token."}')).toBeNull();
  });

  it("Airtable's error types name it only with Airtable's message beside them", () => {
    expect(producerOf(403, '{"error":{"type":"INVALID_PERMISSIONS","message":"Invalid permissions"}}')).toBe('airtable-api');
    expect(producerOf(403, '{"error":{"type":"NOT_AUTHORIZED","message":"Forbidden"}}')).toBeNull();
    expect(producerOf(401, '{"error":{"type":"AUTHENTICATION_REQUIRED","message":"Login first"}}')).toBeNull();
  });
});

describe('explain: round 5 precision (payments and secrets)', () => {
  it("Adyen's errorType names it only beside a three-digit errorCode", () => {
    expect(producerOf(401, '{"status":401,"errorCode":"000","message":"HTTP Status Response - Unauthorized","errorType":"security"}')).toBe('adyen-api');
    expect(producerOf(401, '{"status":401,"message":"Unauthorized","errorType":"security"}')).toBeNull();
    expect(producerOf(401, '{"errorCode":"AUTH_FAILED","message":"Unauthorized","errorType":"security"}')).toBeNull();
  });

  it("Infisical's object needs its req- id and its error class; bare words name nobody", () => {
    expect(producerOf(401, '{"reqId":"req-abc123","statusCode":401,"message":"Invalid credentials","error":"UnauthorizedError"}')).toBe('infisical');
    expect(producerOf(401, '{"requestId":"abc","statusCode":401,"message":"Invalid credentials","error":"Unauthorized"}')).toBeNull();
  });

  it("a secrets tool's generic words name nobody without its own prefix or sentence", () => {
    expect(producerOf(401, '{"error":"Invalid Auth token"}')).toBeNull();
    expect(producerOf(401, '{"message":"Invalid bearer token"}')).toBeNull();
    expect(producerOf(403, '{"error":"token does not have access"}')).toBeNull();
  });
});

describe('explain: round 5 precision (messaging)', () => {
  it("SendGrid's field-first errors[] names it only with SendGrid's own messages", () => {
    expect(producerOf(403, '{"errors":[{"field":null,"message":"access forbidden"}]}')).toBe('sendgrid-api');
    expect(producerOf(403, '{"errors":[{"field":"email","message":"is not allowed"}]}')).toBeNull();
  });
});

describe('explain: round 5 precision (CRM SDK lines)', () => {
  it("a client's 'CODE: message' line names Salesforce only with Salesforce's own message", () => {
    expect(producerOf(401, 'INVALID_SESSION_ID: Session expired or invalid', 'text/plain')).toBe('salesforce');
    // another vendor's session code with its own words (Veeva Vault's) is not Salesforce's
    expect(producerOf(401, 'INVALID_SESSION_ID: Invalid or expired session ID.', 'text/plain')).toBeNull();
  });

  it("HubSpot's key sentence needs its key-management link", () => {
    expect(producerOf(401, '{"message":"The API key provided is invalid."}')).toBeNull();
  });
});

describe('explain: round 5 precision (OpenAI-style 401s of other vendors)', () => {
  it("OpenAI's envelope with another vendor's 'Invalid API Key' names nobody without that vendor's host", () => {
    // https://github.com/SamurAIGPT/Clip-Anything/issues/1: Groq's 401 as the tool printed it, nothing names the host
    const bare = 'Error: Received status code 401. Message: {"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}}';
    expect(producerOf(401, bare, 'text/plain')).toBeNull();
    expect(run(401, bare, 'text/plain').cause).toBe('invalid-credentials');
    // OpenAI's own sentence still names OpenAI
    expect(producerOf(401, '{"error":{"message":"Incorrect API key provided: sk-abc. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}')).toBe('openai-api');
  });

  it("python-telegram-bot's flood line names Telegram; a bare flood sentence does not", () => {
    expect(producerOf(429, 'telegram.error.RetryAfter: Flood control exceeded. Retry in 5.0 seconds', 'text/plain')).toBe('telegram-bot-api');
    expect(producerOf(429, 'Flood control exceeded. Retry in 5 seconds', 'text/plain')).toBeNull();
  });
});

describe('explain: round 5 precision (AI gateways)', () => {
  it("OpenRouter's unknown-key object needs its sentence beside code 401", () => {
    expect(producerOf(401, '{"error":{"message":"User not found.","code":401}}')).toBe('openrouter');
    expect(producerOf(404, '{"error":{"message":"User not found.","code":404}}')).toBeNull();
    expect(producerOf(401, '{"message":"User not found."}')).toBeNull();
  });
});

describe('explain: round 5 precision (payment token endpoints)', () => {
  it("invalid_client names PayPal only with PayPal's own description", () => {
    expect(producerOf(401, '{"error":"invalid_client","error_description":"Client Authentication failed"}')).toBe('paypal-api');
    // RFC 6749's own wording, as Ory Hydra and others send it, is nobody's in particular
    expect(producerOf(401, '{"error":"invalid_client","error_description":"Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)."}')).not.toBe('paypal-api');
    expect(producerOf(401, '{"error":"invalid_client","error_description":"Invalid client credentials"}')).not.toBe('paypal-api');
  });
});

describe('explain: round 5 precision (Twilio account stops)', () => {
  it("an SMS provider's generic region or trial words are not Twilio's sentences", () => {
    expect(producerOf(400, '{"message":"SMS to this region is not enabled for your account"}')).toBeNull();
    expect(producerOf(400, '{"message":"Trial accounts cannot send messages"}')).toBeNull();
  });
});

describe('explain: round 5 precision (Stripe account stops)', () => {
  it("another platform's charge words are not Stripe's sentence", () => {
    expect(producerOf(400, '{"message":"Your account cannot currently accept payments"}')).toBeNull();
    expect(producerOf(400, '{"message":"The account 1234 has been deleted"}')).toBeNull();
  });
});
