// Precision of the seventh round for CDNs, WAFs and bot managers (issue 11): an interstitial or block
// page is named by its own marks together, never by one script tag or word an ordinary page also holds.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  // AWS WAF: window.gokuProps and the awswaf.com script together, as its interstitial carries them
  ['a bundle reading window.gokuProps without AWS WAF\'s script is nobody\'s interstitial', 403, 'var p = window.gokuProps = {}; solver.extract(p);', null],
  // Anubis: its page's own marks (script ids, asset paths, footer, its "Why am I seeing this?" text)
  ['a bare "Access Denied: error code <hex>" without Anubis\'s page is anyone\'s', 403, 'Access Denied: error code 3afcc956a8fb823b.', null],
  ['another site\'s "Making sure you\'re not a bot!" without Anubis\'s marks is anyone\'s', 403, 'Making sure you\'re not a bot!', null],
  ['an API\'s JSON quoting Anubis\'s footer is the API\'s message, not Anubis\'s page', 502, '{"error":"upstream returned: Protected by Anubis from Techaro"}', null],
  ['prose about installing Anubis is nobody\'s challenge', 500, 'We put Anubis in front of the forge last week; the wiki is next.', null],
  // StormWall: its error page's assets on static.stormwall.pro, never its name in prose or JSON
  ['prose naming StormWall is nobody\'s block page', 403, 'Our forum moved behind StormWall after the attack.', null],
  ['an API\'s JSON quoting StormWall\'s page is the API\'s message', 502, '{"error":"upstream page https://static.stormwall.pro/error_pages/bootstrap.min.css"}', null],
  // Netlify's paused-site page: its own sentence or its billing docs path, not any "usage limits" words
  ['another host\'s "reached its usage limits" is not Netlify\'s pause', 503, 'This project reached its usage limits for the month.', null],
  ['an API\'s JSON quoting Netlify\'s pause is the API\'s message', 502, '{"error":"upstream: This site was paused as it reached its usage limits"}', null],
  // Cloudflare's challenge head: its one-line minified start, not any "Just a moment..." title
  ['another site\'s "Just a moment..." loading page is not Cloudflare\'s challenge', 403, '<!DOCTYPE html>\n<html lang="en"><head><title>Just a moment...</title></head><body>Loading your dashboard</body></html>', null],
  ['an API\'s JSON quoting the challenge head is the API\'s message', 502, '{"error":"upstream: <!DOCTYPE html><html lang=\\"en-US\\"><head><title>Just a moment...</title>"}', null],
  // Akamai Bot Manager's sec-cpt challenge: its container, its challenge path, its JSON flag, its signature
  ['another vendor\'s "Powered and protected by" line is not Akamai\'s challenge', 403, '<p>Powered and protected by Example Shield</p>', null],
  ['prose naming Akamai\'s sec-cpt challenge without its page is nobody\'s', 500, 'Our scraper fails on sites behind Akamai; see the sec cpt notes.', null],
];

/** A served page of an app that embeds AWS WAF's integration SDK (challenge.js in its head) to send tokens. */
const SDK_PAGE = '<!DOCTYPE html><html><head><title>Catalogue</title><script type="text/javascript" src="https://abc123.edge.sdk.awswaf.com/abc123/def456/challenge.js" defer></script></head><body><h1>Catalogue</h1><p>Twelve products match your search.</p></body></html>';

describe('explain: the seventh round\'s CDN, WAF and bot-manager pages need their own marks together', () => {
  itNamesProducers(CASES);

  it('a served page with a StormWall partner link is no refusal', () => {
    const body = '<html><body><h1>Game servers</h1><p>DDoS protection: <a href="https://stormwall.pro/">StormWall</a></p></body></html>';
    expect(explain({ status: 200, headers: { 'content-type': 'text/html' }, body }).blocked).toBe(false);
  });

  it('a served page that loads Akamai\'s sensor script is no challenge', () => {
    const body = '<html><head><script>var bmak = window.bmak || {}; bmak.sensor_data = "";</script></head><body><h1>Flights</h1><p>Three fares found.</p></body></html>';
    expect(explain({ status: 200, headers: { 'content-type': 'text/html', 'set-cookie': '_abck=ABC; Path=/' }, body }).blocked).toBe(false);
  });

  it('a served page that embeds AWS WAF\'s integration SDK is no refusal', () => {
    expect(explain({ status: 200, headers: { 'content-type': 'text/html' }, body: SDK_PAGE }).blocked).toBe(false);
  });
});
