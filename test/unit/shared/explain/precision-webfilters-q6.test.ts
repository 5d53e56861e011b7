// Precision of the sixth round for corporate web filters (issue 11): ContentKeeper, Cisco's web proxy (WSA),
// Cisco Umbrella, iboss and Barracuda's web filter are named by their block pages' own words, never by their product names in prose, the
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
  ['a page\'s own "Reason: Blocked by policy" line is not the WSA\'s', 403, '<html><body><p>Reason: Blocked by policy</p><p>Notification sent to admin</p></body></html>', null],
  ['another filter\'s category sentence without the WSA\'s wording is nobody\'s', 403, '<html><body><p>This page was blocked because it is in the web category Games.</p></body></html>', null],
  ['a site\'s "access to the requested resource has been restricted" is not iboss\'s', 403, '<html><body><p>Access to the requested resource has been restricted.</p></body></html>', null],
  ['Barracuda\'s WAF page stays the WAF\'s', 403, '<html><head><title>Request blocked</title></head><body><p>You have been blocked. Protected by Barracuda Web Application Firewall.</p></body></html>', 'barracuda-waf'],
  ['the web filter\'s page that also names Barracuda Networks is the web filter\'s', 403, '<html><body><p>The link you are accessing has been blocked by the Barracuda Web Filter</p><p>Barracuda Networks</p></body></html>', 'barracuda-web-filter'],
];

describe('explain: the sixth round\'s web filters need their own words', () => {
  itNamesProducers(CASES);

  // [proxy, its Via entry]: beside an API's own JSON refusal, the proxy on the path is not the writer
  const VIAS: [string, string][] = [
    ['cisco-wsa', '1.1 proxy.example.com:80 (Cisco-WSA/12.5.1-011)'],
    ['barracuda-web-filter', '1.1 webfilter.example.edu (http_scan_byf/3.5.16)'],
  ];
  it.each(VIAS)('a %s Via entry beside an API\'s own JSON refusal does not make the proxy its writer', (id, via) => {
    const got = explain({
      status: 403,
      headers: { via, 'content-type': 'application/json' },
      body: '{"message":"Resource not accessible by integration","documentation_url":"https://example.com/docs"}',
    });
    expect(got.producer?.id ?? null).not.toBe(id);
  });
});
