// Precision of the third registry round (issue 11): each new vendor is named by its own words, never by
// sentences or envelopes anyone writes, nor by an SDK that only relays another layer's page.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const producerOf = (status: number, body: string): string | null => explain({ status, headers: {}, body }).producer?.id ?? null;

describe('explain: the third round\'s vendors need their own words', () => {
  it('a login flash message is not CircleCI; its whole JSON body is', () => {
    expect(producerOf(401, 'You must log in first.')).toBeNull();
    expect(producerOf(401, '<div class="flash">You must log in first.</div>')).toBeNull();
    expect(producerOf(401, '{\n  "message" : "You must log in first."\n}')).toBe('circleci-api');
  });

  it('bearer-format and CSRF sentences are anyone\'s; beside quay.io they are Quay\'s', () => {
    expect(producerOf(401, '{"error": "Invalid bearer token format"}')).toBeNull();
    expect(producerOf(403, '{"error": "CSRF token was invalid or missing."}')).toBeNull();
    expect(producerOf(401, 'GET https://quay.io/v2/: status=401 body={"error": "Invalid bearer token format"}')).toBe('quay');
  });

  it('"permission denied" and a Go multierror are not Vault; its client\'s request line is', () => {
    expect(producerOf(403, '{"errors":["permission denied"]}')).toBeNull();
    expect(producerOf(403, '1 error occurred:\n\t* permission denied')).toBeNull();
    expect(producerOf(403, 'Error making API request.\n\nURL: GET http://127.0.0.1:8200/v1/secret/data/app\nCode: 403. Errors:\n\n* permission denied')).toBe('hashicorp-vault');
  });

  it('Slack\'s ok:false envelope stays Slack\'s; Telegram\'s needs error_code and description', () => {
    expect(producerOf(200, '{"ok":false,"error":"invalid_auth"}')).toBe('slack-api');
    expect(producerOf(401, '{"ok":false,"error_code":401,"description":"Unauthorized"}')).toBe('telegram-bot-api');
  });

  it('an SDK relaying an edge\'s HTML page, or a bare Forbidden, names no vendor', () => {
    expect(producerOf(403, 'cohere.core.api_error.ApiError: status_code: 403, body: <!doctype html><title>403</title>403 Forbidden')).toBeNull();
    expect(producerOf(401, 'Forbidden')).toBeNull();
  });

  it('RFC 6749\'s invalid_grant wording is not SendGrid\'s sentence', () => {
    const rfc = '{"error":"invalid_grant","error_description":"The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked"}';
    expect(producerOf(400, rfc)).not.toBe('sendgrid-api');
    expect(producerOf(401, 'The provided authorization grant is invalid, expired, or revoked')).toBe('sendgrid-api');
  });

  it('generic key and token sentences name none of the new search and data APIs', () => {
    expect(producerOf(403, '{"message":"Invalid API key","status":403}')).toBeNull();
    expect(producerOf(401, '{"code":"unauthorized","message":"unauthorized access"}')).toBeNull();
    expect(producerOf(401, '{"name":"AUTHENTICATION_FAILURE","message":"Authentication failed"}')).toBeNull();
    expect(producerOf(403, '{"message":"Invalid Application-ID or API key","status":403}')).toBe('algolia');
  });
});
