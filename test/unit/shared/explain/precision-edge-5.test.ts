// Precision of the fifth round for CDNs, WAFs and edge platforms (issue 11): a vendor's block or
// challenge page is named by its own sentences, never by words any site, filter or client writes,
// and never when an API's JSON merely quotes them.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['a single-page app\'s "enable JavaScript" notice is nobody\'s challenge', 200, 'You need to enable JavaScript to run this app.', null],
  ['"Please enable JavaScript and cookies" without Cloudflare\'s "to continue" is anyone\'s', 403, 'Please enable JavaScript and cookies in your browser.', null],
  ['an API\'s JSON quoting the challenge sentence is the API\'s message, not Cloudflare\'s page', 502, '{"error":"upstream returned an HTML page: Just a moment... Enable JavaScript and cookies to continue"}', null],
  ['DDoS-Guard\'s "Checking your browser before accessing" page is not Cloudflare\'s', 403, 'DDoS-Guard\nChecking your browser before accessing example.com', null],
  ['a site\'s own "Your IP address has been banned" is not Cloudflare\'s 1006 page', 403, 'Your IP address has been banned by the administrator.', null],
  ['"This website has been temporarily rate limited" without Error 1027 or the plan sentence is anyone\'s', 429, 'This website has been temporarily rate limited.', null],
  ['Discord\'s JSON "You are being rate limited." is not Cloudflare\'s 1015 page', 429, '{"message": "You are being rate limited.", "retry_after": 64.57, "global": false}', 'discord-api'],
  ['a JSON error quoting EdgeOne\'s footer is the API\'s message, not EdgeOne\'s page', 502, '{"error":"upstream blocked: Protected by Tencent Cloud EdgeOne"}', null],
  ['prose naming Tencent Cloud EdgeOne is nobody\'s block page', 403, 'We moved our CDN to Tencent Cloud EdgeOne last week.', null],
  ['a JSON message naming the T-Sec WAF is not its page', 403, '{"msg":"腾讯T-Sec Web应用防火墙 blocked the upstream call"}', null],
  // round 6: Cloudflare's API by its code beside its sentence, or by its own rate-limit sentence
  ['a bare "Unauthorized to access requested resource" is any API\'s', 403, 'Unauthorized to access requested resource', null],
  ['another API\'s numbered error with that sentence is not Cloudflare\'s 9109', 403, '{"code":4031,"message":"Unauthorized to access requested resource"}', null],
  ['another API\'s requests-per-window sentence is not Cloudflare\'s', 429, 'More than 100 requests per 60 seconds. Slow down.', null],
  ['a bare "Please wait and consider throttling" is anyone\'s', 429, 'Please wait and consider throttling your request speed', null],
  ['a scraping client\'s CloudflareError without a 1xxx code is no Cloudflare page', 403, 'CloudflareError: ESOCKETTIMEDOUT', null],
  ['a bare "Code 1020 Detected" is nobody\'s', 403, 'Code 1020 Detected', null],
  ['a scraper\'s "detected a challenge" without Cloudflare\'s name is anyone\'s', 403, 'Detected a version 2 challenge, solving is not supported.', null],
  ['yt-dlp\'s plain HTTP 403 line is nobody\'s challenge', 403, 'ERROR: [generic] Unable to download webpage: HTTP Error 403: Forbidden (caused by <HTTPError 403: Forbidden>)', null],
];

describe('explain: the fifth round\'s CDN, WAF and edge pages need their own words', () => {
  itNamesProducers(CASES);

  it('a served page that ends with Imperva\'s script is no challenge', () => {
    const body = '<html><body><h1>Catalogue</h1><p>Twelve products match your search; prices include VAT.</p><script src="/_Incapsula_Resource?SWJIYLWA=5074a744e2e3d891814e9a2dace20bd4,719d34d31c8e3a6e6fffd425f7e032f3"></script></body></html>';
    expect(explain({ status: 200, headers: { 'content-type': 'text/html' }, body }).blocked).toBe(false);
  });

  it('S3\'s AccessDenied relayed by CloudFront (\'Access Denied\' with RequestId) is not CloudFront\'s signed-URL refusal', () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6j</HostId></Error>';
    expect(explain({ status: 403, headers: { 'x-cache': 'Error from cloudfront' }, body }).producer?.id).not.toBe('aws-cloudfront');
  });

  it('S3\'s MalformedPolicy for a POST upload policy (other words) is not CloudFront\'s signed-URL refusal', () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MalformedPolicy</Code><Message>Policy Could not be parsed as a valid JSON string</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>';
    expect(explain({ status: 400, headers: {}, body }).producer?.id).not.toBe('aws-cloudfront');
  });
});
