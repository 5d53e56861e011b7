// Precision of the seventh round for corporate web filters (issue 11): GFI Kerio Control, Cisco Meraki's MX
// content filtering, Check Point's UserCheck portal, Netsweeper and Olfeo are named by their block pages' own words,
// never by the product names in prose, the same words quoted inside an API's JSON, or other products' "blocked by
// your network …" wordings; Squid's translated ERR_ACCESS_DENIED sentence names Squid, a site's own refusal in the
// same language does not; and an ordinary page that names a proxy product in prose is no proxy block.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['Kerio Control named in an admin\'s prose is nobody\'s refusal', 403, '<html><body><p>Our office firewall is Kerio Control; ask IT if a site is blocked.</p></body></html>', null],
  ['Kerio\'s sentence inside an API\'s JSON is the API\'s', 403, '{"error":"upstream said: This page has been blocked by Kerio Control!"}', null],
  ['another product\'s "This page has been blocked" is not Kerio\'s', 403, '<html><body><p>This page has been blocked by the administrator.</p></body></html>', null],
  ['Meraki named in prose is nobody\'s refusal', 403, '<html><body><p>The branch runs a Cisco Meraki MX; blocked sites are listed on the intranet.</p></body></html>', null],
  ['"This site is blocked by your network administrator" (another wording) is not Meraki\'s', 403, '<html><body><h1>This site is blocked by your network administrator</h1></body></html>', null],
  ['a bare "blocked by your network operator" without Meraki\'s sentence is nobody\'s', 403, '<html><body><p>Access blocked by your network operator.</p></body></html>', null],
  ['Meraki\'s sentence inside an API\'s JSON is the API\'s', 403, '{"message":"This website is blocked by your network operator."}', null],
  ['Check Point UserCheck named in an admin guide is nobody\'s refusal', 403, '<html><body><p>Enable Check Point UserCheck to tell users why a site is blocked.</p></body></html>', null],
  ['the UserCheck title inside an API\'s JSON is the API\'s', 403, '{"error":"proxy returned <title>Check Point UserCheck</title>"}', null],
  ['Netsweeper named in prose is nobody\'s refusal', 403, '<html><body><p>Our district filters with Netsweeper; request a review from IT.</p></body></html>', null],
  ['another app\'s /webadmin/deny/ path without Netsweeper\'s deny page is nobody\'s', 403, '<html><body><a href="/webadmin/deny/list">Denied users</a></body></html>', null],
  ['Netsweeper\'s cache sentence inside an API\'s JSON is the API\'s', 403, '{"error":"It is a good idea to check to see if the NetSweeper restriction is coming from the cache of your web browser"}', null],
  ['Olfeo named in French prose is nobody\'s refusal', 403, '<html><body><p>Olfeo est une solution de filtrage Internet française.</p></body></html>', null],
  ['a bare "Access to URL … has been restricted." is not Olfeo\'s', 403, '<html><body><p>Access to URL http://x.example/ has been restricted.</p></body></html>', null],
  // Squid's translated ERR_ACCESS_DENIED sentences name Squid; a site's own 403 in the same language does not
  ['a Dutch site\'s own "no access" 403 is not Squid\'s', 403, '<html><body><h1>403</h1><p>U heeft geen toegang tot deze pagina.</p></body></html>', null],
  ['a Portuguese app\'s own access-control refusal is not Squid\'s', 403, '<html><body><p>O controle de acesso negou sua solicitação.</p></body></html>', null],
  ['a Hungarian site\'s own permission page is not Squid\'s', 403, '<html><body><p>Nincs jogosultsága az oldal megtekintéséhez.</p></body></html>', null],
  ['Squid\'s Swedish ERR_ACCESS_DENIED sentence names Squid', 403, 'Konfigurationen av åtkomstkontrollen förhindrar att din begäran tillåts just nu.', 'squid'],
];

/**
 * Pages that only name a proxy product in prose: its vendor's site, a guide for users behind it, a datasheet, its
 * docs. Before this round Zscaler, Blue Coat, FortiGate, Privoxy, McAfee Web Gateway and SonicWall were named by
 * their names (or SonicWall's re-rating host) alone, so these ordinary 200 pages read as a proxy block (a false alarm).
 */
const PROSE_PAGES: [string, string][] = [
  ['Zscaler\'s own home page', '<html><head><title>Zscaler: Zero Trust Security</title></head><body><h1>Zscaler Zero Trust Exchange</h1><p>Secure your users with Zscaler Internet Access.</p></body></html>'],
  ['a guide for npm users behind Zscaler', '<html><head><title>How to configure npm behind Zscaler</title></head><body><p>If you are behind Zscaler, add the Zscaler root certificate to NODE_EXTRA_CA_CERTS.</p></body></html>'],
  ['a Blue Coat ProxySG datasheet', '<html><body><h1>Blue Coat ProxySG</h1><p>The ProxySG appliance datasheet and sizing guide.</p></body></html>'],
  ['a FortiGate how-to', '<html><body><p>Configure FortiGate web filter profiles and FortiGuard categories in FortiOS 7.4.</p></body></html>'],
  ['McAfee Web Gateway\'s product guide', '<html><head><title>McAfee Web Gateway 10.x Product Guide</title></head><body><p>McAfee Web Gateway filters web traffic.</p></body></html>'],
  ['a SonicWall overview that links its re-rating site', '<html><body><p>SonicWall content filtering service overview (cfssupport.sonicwall.com for re-rating)</p></body></html>'],
  ['Privoxy\'s documentation', '<html><head><title>Privoxy Documentation</title></head><body><p>Privoxy is a non-caching web proxy with advanced filtering capabilities.</p></body></html>'],
];

describe('explain: the seventh round\'s web filters need their own words', () => {
  itNamesProducers(CASES);

  it('a redirect to a login page is nobody\'s; a redirect to the UserCheck portal names Check Point and is no refusal (a 3xx never is)', () => {
    const login = explain({ status: 302, headers: { location: 'https://sso.example.com/login?next=/api' }, body: '' });
    expect(login.producer?.id ?? null).toBeNull();
    const portal = explain({ status: 302, headers: { location: 'http://10.0.0.1/UserCheck/PortalMain?IID=1' }, body: '' });
    expect(portal.producer?.id ?? null).toBe('check-point-usercheck');
    expect(portal.blocked).toBe(false);
  });

  it.each(PROSE_PAGES)('%s (200) names no proxy and is no refusal', (_why, body) => {
    const got = explain({ status: 200, headers: { 'content-type': 'text/html' }, body });
    expect(got.producer?.id ?? null).toBeNull();
    expect(got.blocked).toBe(false);
  });
});
