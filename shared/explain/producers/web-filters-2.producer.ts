import { body } from '../match';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

const PROXY_FIX_TMG = 'Bypass the proxy for this host (NO_PROXY / PAC file), or ask its administrators to allow the destination in an access rule.';
export const FILTER_FIX = 'Ask the network\'s administrators to allow the destination (or re-categorise it), or use a network without this filter.';

/**
 * Untangle NG Firewall (now Arista Edge Threat Management) replacement pages: its Web Filter, Threat Prevention and
 * IP Reputation apps share "This site is blocked because it violates network policy." (the block page has "This web
 * page is blocked", the packet daemon "This IP address is blocked"); the old HTTP Blocker said "considered inappropriate".
 */
const UNTANGLE_PAGE = /This (web page|site|IP address) is blocked(<\/b>)? because it violates network policy|This web page was blocked because it is considered inappropriate|<title>\s*Untangle [^<]{0,40}Warning\s*<\/title>/i;

export const untangle = defineProducer({
  id: 'untangle', kind: 'proxy', role: 'forward-proxy', name: 'Untangle NG Firewall (Arista Edge Threat Management)', family: 'untangle',
  own: [onPage(UNTANGLE_PAGE)],
  causes: [
    rule('proxy-denied', 0.9, body(UNTANGLE_PAGE), {
      why: 'the network\'s Untangle (Arista Edge Threat Management) firewall blocked the destination: a Web Filter category or rule, or Threat Prevention / IP Reputation scored the site or its address as a risk (the page names the reason)', template: true, fix: FILTER_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the firewall administrators which app (Web Filter, Threat Prevention) and rule the page\'s "Reason" names, and to add a pass rule for the site.' },
});

/**
 * Microsoft ISA Server / Forefront TMG deny pages and reason phrases: "<product> denied (denies) the specified Uniform
 * Resource Locator (URL)" (errors 12202, 12232) under "Error Code: <status>. …" on its Network Access Message page.
 */
const TMG_DENIED = /(Forefront TMG|ISA Server|The server) denie[ds] the specified Uniform Resource Locator \(URL\)/i;

export const microsoftForefrontTmg = defineProducer({
  id: 'microsoft-forefront-tmg', kind: 'proxy', role: 'forward-proxy', name: 'Microsoft Forefront TMG / ISA Server (Web Proxy)', family: 'microsoft-tmg',
  own: [onPage(TMG_DENIED)],
  causes: [
    rule('proxy-denied', 0.92, body(TMG_DENIED), {
      why: 'the organization\'s Forefront TMG / ISA Server web proxy denied the URL: an access rule (or its built-in last rule, which denies whatever no rule allows) matched the destination, protocol, content type or user', template: true, fix: PROXY_FIX_TMG, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the TMG / ISA administrators which access rule denied the request (the page\'s error code, 12202 or 12232, and the TMG log show it) and to allow the destination.' },
});
