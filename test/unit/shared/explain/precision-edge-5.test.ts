// Precision of the fifth round for CDNs, WAFs and edge platforms (issue 11): a vendor's block or
// challenge page is named by its own sentences, never by words any site, filter or client writes,
// and never when an API's JSON merely quotes them.
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['a single-page app\'s "enable JavaScript" notice is nobody\'s challenge', 200, 'You need to enable JavaScript to run this app.', null],
  ['"Please enable JavaScript and cookies" without Cloudflare\'s "to continue" is anyone\'s', 403, 'Please enable JavaScript and cookies in your browser.', null],
  ['an API\'s JSON quoting the challenge sentence is the API\'s message, not Cloudflare\'s page', 502, '{"error":"upstream returned an HTML page: Just a moment... Enable JavaScript and cookies to continue"}', null],
  ['DDoS-Guard\'s "Checking your browser before accessing" page is not Cloudflare\'s', 403, 'DDoS-Guard\nChecking your browser before accessing example.com', null],
];

describe('explain: the fifth round\'s CDN, WAF and edge pages need their own words', () => {
  itNamesProducers(CASES);
});
