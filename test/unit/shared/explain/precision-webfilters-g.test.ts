// Precision of the fourth round for web filters (issue 11): a corporate gateway is named by its own deny
// page, not by its name inside someone else's JSON or prose, and its "cannot connect" page is no policy.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';


const CASES: ProducerCase[] = [
  ['an API\'s JSON that mentions the gateway is the API\'s, not the gateway\'s', 403, '{"error":"forbidden","message":"Requests from McAfee Web Gateway addresses are not allowed"}', null],
  ['prose that names WatchGuard without its deny sentence names nobody', 403, 'Forbidden. Our office uses a WatchGuard Firewall; contact IT.', null],
  ['another filter\'s policy sentence is not Forcepoint\'s', 403, 'Access to this web page is restricted by your organization\'s Internet use policy.', null],
  ['another filter\'s "Web Site Blocked" heading is not SonicWall\'s', 403, '<html><head><title>Web Site Blocked</title></head><body><h1>Web Site Blocked</h1></body></html>', null],
  ['a generic "Request denied" page is nobody\'s', 403, '<html><head><title>Request Denied</title></head><body><p>Request denied by firewall.</p></body></html>', null],
];

describe('explain: the fourth round\'s web filters need their own pages', () => {
  itNamesProducers(CASES);

  it('the gateway\'s "Cannot Connect" page names it but is no proxy policy denial', () => {
    const body = '<html><head><title>McAfee Web Gateway - Notification</title></head><body><!-- FileName: cannotconnect.html -->'
      + '<td class="titleData">Cannot Connect</td><td class="contentData">The proxy could not connect to the destination in time.</td></body></html>';
    const got = explain({ status: 502, headers: {}, body });
    expect(got.producer?.id).toBe('mcafee-web-gateway');
    expect(got.cause).not.toBe('proxy-denied');
  });
});
