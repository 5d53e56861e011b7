// Precision of the third registry round (issue 11): each new vendor is named by its own words, never by
// sentences or envelopes anyone writes, nor by an SDK that only relays another layer's page.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';


const RFC_GRANT = '{"error":"invalid_grant","error_description":"The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked"}';
const VAULT_CLI = 'Error making API request.\n\nURL: GET http://127.0.0.1:8200/v1/secret/data/app\nCode: 403. Errors:\n\n* permission denied';

const CASES: ProducerCase[] = [
  ['a login flash message is not CircleCI', 401, 'You must log in first.', null],
  ['a login flash in HTML is not CircleCI', 401, '<div class="flash">You must log in first.</div>', null],
  ['CircleCI\'s whole JSON body is', 401, '{\n  "message" : "You must log in first."\n}', 'circleci-api'],
  ['a bearer-format sentence alone is anyone\'s', 401, '{"error": "Invalid bearer token format"}', null],
  ['a CSRF sentence alone is anyone\'s', 403, '{"error": "CSRF token was invalid or missing."}', null],
  ['beside quay.io it is Quay\'s', 401, 'GET https://quay.io/v2/: status=401 body={"error": "Invalid bearer token format"}', 'quay'],
  ['"permission denied" is not Vault', 403, '{"errors":["permission denied"]}', null],
  ['a Go multierror is not Vault', 403, '1 error occurred:\n\t* permission denied', null],
  ['Vault\'s client request line is Vault', 403, VAULT_CLI, 'hashicorp-vault'],
  ['Slack\'s ok:false stays Slack\'s', 200, '{"ok":false,"error":"invalid_auth"}', 'slack-api'],
  ['Telegram\'s needs error_code and description', 401, '{"ok":false,"error_code":401,"description":"Unauthorized"}', 'telegram-bot-api'],
  ['an SDK relaying an edge page names nobody', 403, 'cohere.core.api_error.ApiError: status_code: 403, body: <!doctype html><title>403</title>403 Forbidden', null],
  ['a bare Forbidden is not Mailgun', 401, 'Forbidden', null],
  ['SendGrid\'s own sentence is SendGrid', 401, 'The provided authorization grant is invalid, expired, or revoked', 'sendgrid-api'],
  ['a generic key sentence is nobody\'s', 403, '{"message":"Invalid API key","status":403}', null],
  ['a generic unauthorized code is not InfluxDB', 401, '{"code":"unauthorized","message":"unauthorized access"}', null],
  ['a PayPal-like name without its debug_id is nobody\'s', 401, '{"name":"AUTHENTICATION_FAILURE","message":"Authentication failed"}', null],
  ['Algolia\'s own spelling is Algolia', 403, '{"message":"Invalid Application-ID or API key","status":403}', 'algolia'],
];

describe('explain: the third round\'s vendors need their own words', () => {
  itNamesProducers(CASES);

  it('RFC 6749\'s invalid_grant wording is not SendGrid\'s sentence', () => {
    expect(explain({ status: 400, headers: {}, body: RFC_GRANT }).producer?.id).not.toBe('sendgrid-api');
  });
});
