// Precision of the sixth round for corporate web filters (issue 11): ContentKeeper, Cisco's web proxy (WSA)
// and Cisco Umbrella are named by their block pages' own words, never by their product names in prose, the
// same words quoted inside an API's JSON, or another service's "blocked due to content filtering".
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['ContentKeeper named in a school\'s prose is nobody\'s refusal', 403, '<html><body><p>Our district filters the web with ContentKeeper; ask IT for access.</p></body></html>', null],
  ['ContentKeeper\'s heading inside an API\'s JSON is the API\'s', 403, '{"error":"upstream returned: Blocked by ContentKeeper"}', null],
  ['a bare "Notification" title is nobody\'s', 403, '<html><head><title>Notification</title></head><body>Access denied.</body></html>', null],
  ['another product\'s policy notification title is not the WSA\'s', 403, '<html><head><title>Policy Notification</title></head><body>Blocked.</body></html>', null],
  ['a bare "This site is blocked." is nobody\'s', 403, '<html><body><h1>This site is blocked.</h1></body></html>', null],
  ['a host\'s "blocked due to abuse" page is not Umbrella\'s', 403, '<html><body><p>This site is blocked due to abuse.</p></body></html>', null],
  ['an LLM API\'s content-filter refusal is not Umbrella\'s', 400, '{"error":{"type":"invalid_request_error","message":"Your request was blocked due to content filtering"}}', null],
  ['an app\'s own "blocked due to content filtering" line is not Umbrella\'s', 200, 'Response was blocked due to content filtering.', null],
  ['Umbrella\'s sentence inside an API\'s JSON is the API\'s', 403, '{"message":"This site is blocked due to content filtering."}', null],
];

describe('explain: the sixth round\'s web filters need their own words', () => {
  itNamesProducers(CASES);

  it('a Cisco-WSA Via entry beside an API\'s own JSON refusal does not make the proxy its writer', () => {
    const got = explain({
      status: 403,
      headers: { via: '1.1 proxy.example.com:80 (Cisco-WSA/12.5.1-011)', 'content-type': 'application/json' },
      body: '{"message":"Resource not accessible by integration","documentation_url":"https://example.com/docs"}',
    });
    expect(got.producer?.id ?? null).not.toBe('cisco-wsa');
  });
});
