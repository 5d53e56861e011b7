import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';
import type { CauseRule } from '../types';
import { PROXY_FIX } from './proxies.producer';
import { FILTER_FIX } from './web-filters-2.producer';

/** ContentKeeper (school and ISP web filter) block page: its heading, then URL / Category / Policy rows. */
const CONTENTKEEPER_PAGE = /\bBlocked by ContentKeeper\b/i;

/** A block page that always means a blocked category: the filter's one cause rule. */
function categoryBlock(page: RegExp, why: string): CauseRule {
  return rule('proxy-denied', 0.9, body(page), { why, template: true, fix: FILTER_FIX, blocks: true });
}

/** A filter appliance's own web server answering 403 (its deny page lost or cut): the filter refused. */
function serverDeny(server: RegExp, who: string): CauseRule {
  return rule('proxy-denied', 0.75, all(status(403), hdr('server', server)), {
    why: `${who}'s own web server answered with a 403 instead of the site: a content or traffic rule denied it`, template: true, fix: FILTER_FIX, blocks: true,
  });
}

export const contentkeeper = defineProducer({
  id: 'contentkeeper', kind: 'proxy', role: 'forward-proxy', name: 'ContentKeeper web filter', family: 'contentkeeper',
  own: [onPage(CONTENTKEEPER_PAGE)],
  causes: [categoryBlock(CONTENTKEEPER_PAGE, 'the network\'s ContentKeeper web filter blocked the URL: its category is filtered by the policy the page names (Category and Policy rows)')],
  checklist: { server: 'Ask the filter\'s administrators to allow the site or re-categorise it in ContentKeeper (the page\'s Category and Policy rows say which rule matched).' },
});

/**
 * Cisco Secure Web Appliance (IronPort WSA) end-user notification pages: their title names the reason
 * ("Notification: Policy: URL Filtering"), translated with the appliance's language setting.
 */
const WSA_TITLE = /<title>\s*(Notification: Policy: URL Filtering|Notificación: política: filtrado de URL)\s*<\/title>/i;
/** The same page as text: its sentence about the web category, and its details block ("Reason: BLOCK-WEBCAT … Notification: WEBCAT"). */
const WSA_TEXT = /access to this web site \([^)]{0,300}\) has been blocked because (of )?the web category|\bReason: BLOCK-[A-Z]+\b[\s\S]{0,40}\bNotification: [A-Z_]+\b/i;
/** The appliance's own Via entry: "1.1 <host>:80 (Cisco-WSA/10.1.1-235)". */
const WSA_VIA = /\(Cisco-WSA\/[\d.-]+\)/i;

export const ciscoWsa = defineProducer({
  id: 'cisco-wsa', kind: 'proxy', role: 'forward-proxy', name: 'Cisco Secure Web Appliance (IronPort WSA)', family: 'cisco-wsa',
  own: [onPage(WSA_TITLE), onPage(WSA_TEXT)],
  // the same title as visible text, the first line a pasted page keeps (corpus cisco-wsa/, Cisco WSA end-user notification pages)
  bodyOnly: [onPage(/^\s*(Notification: Policy: URL Filtering|Notificación: política: filtrado de URL)\b/)],
  presence: [hdr('via', WSA_VIA)],
  causes: [
    rule('proxy-denied', 0.9, any(body(WSA_TITLE), body(WSA_TEXT)), {
      why: 'the organization\'s Cisco web proxy (WSA) blocked the URL: an Access Policy filters its URL category (the notification page names the category)', template: true, fix: PROXY_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the proxy administrators which Access Policy and URL category blocked the request (the WSA access log shows BLOCK_WEBCAT with the policy names).' },
});

/**
 * Cisco Umbrella (OpenDNS) block pages: the default sentences of its content-filtering block and the
 * script that forwards a blocked request to block.opendns.com.
 */
const UMBRELLA_PAGE = /This (site|domain) is blocked due to content filtering\.|https?:\/\/block\.opendns\.com\/\?url=/i;

export const ciscoUmbrella = defineProducer({
  id: 'cisco-umbrella', kind: 'proxy', role: 'forward-proxy', name: 'Cisco Umbrella (OpenDNS) content filtering', family: 'cisco-umbrella',
  own: [onPage(UMBRELLA_PAGE)],
  causes: [categoryBlock(UMBRELLA_PAGE, 'the network\'s Cisco Umbrella (OpenDNS) policy blocked the domain: its content category is filtered, so Umbrella answered with its block page instead of the site')],
  checklist: { server: 'Ask the Umbrella administrators to allow the domain in the policy\'s destination list (the block page\'s diagnostic info names the policy), or use a network outside that policy.' },
});

/** iboss block page: its sentence, and the script that opens iboss's login window and exception form. */
const IBOSS_PAGE = /Access to the requested site has been restricted due to its contents\.|'iBossSessionWindow'/;

export const iboss = defineProducer({
  id: 'iboss', kind: 'proxy', role: 'forward-proxy', name: 'iboss web gateway', family: 'iboss',
  own: [onPage(IBOSS_PAGE)],
  causes: [categoryBlock(IBOSS_PAGE, 'the network\'s iboss web gateway blocked the URL: its category or a block-list rule of the user\'s filtering group matched (the block page names the group and category)')],
  checklist: { server: 'Ask the iboss administrators to allow the URL for your filtering group, or request an exception from the block page.' },
});

/** Barracuda Web Security Gateway (formerly Barracuda Web Filter) block and redirect pages. */
const BARRACUDA_WF_PAGE = /has been blocked by the Barracuda Web Filter|Redirecting you to Barracuda Web Filter\./i;
/** Its proxy's Via entry: "1.1 <host> (http_scan_byf/3.5.16)". */
const BARRACUDA_WF_VIA = /\(http_scan_byf\/[\d.]+\)/i;

export const barracudaWebFilter = defineProducer({
  id: 'barracuda-web-filter', kind: 'proxy', role: 'forward-proxy', name: 'Barracuda Web Security Gateway (Web Filter)', family: 'barracuda',
  // its pages carry the vendor's name, which alone would read as Barracuda's WAF: the web filter's own words win
  overrides: ['barracuda-waf'],
  own: [onPage(BARRACUDA_WF_PAGE)],
  presence: [hdr('via', BARRACUDA_WF_VIA)],
  causes: [categoryBlock(BARRACUDA_WF_PAGE, 'the network\'s Barracuda Web Security Gateway (Web Filter) blocked the link: its category or a block rule of the gateway\'s policy matched')],
  checklist: { server: 'Ask the Barracuda Web Security Gateway administrators to allow the URL (or its category) for your user or group.' },
});

/** GFI Kerio Control's deny page for its content filter (categories, SafeSearch, forbidden words): its one red sentence. */
const KERIO_PAGE = /This page has been blocked by Kerio Control\b/i;

/** The appliance's own web server, which serves its deny page. */
const KERIO_SERVER = /^Kerio Control Embedded Web Server/i;

export const kerioControl = defineProducer({
  id: 'kerio-control', kind: 'proxy', role: 'forward-proxy', name: 'GFI Kerio Control (content filter)', family: 'kerio',
  own: [onPage(KERIO_PAGE)],
  presence: [hdr('server', KERIO_SERVER)],
  causes: [
    categoryBlock(KERIO_PAGE, 'the network\'s Kerio Control firewall blocked the page: a content rule matched its web category, or SafeSearch / forbidden-words filtering weighed its words over the limit'),
    serverDeny(KERIO_SERVER, 'Kerio Control'),
  ],
  checklist: { server: 'Ask the Kerio Control administrators which content rule denied the URL (Filter log: DENY [Rule] …) and to allow it, or report a wrong category from Content Filter > Application and Web Categories.' },
});

/**
 * Cisco Meraki MX content filtering block page: "This website is blocked by your network operator." (older
 * firmware, with URL / Category / Server rows) or "… has been blocked by your network administrator" (the
 * documentation's wording), and the MX's own block CGI on wired.meraki.com:8090.
 */
const MERAKI_PAGE = /This website is blocked by your network operator\.|This website has been blocked by your network administrator|wired\.meraki\.com:8090\/blocked\.cgi/i;

export const ciscoMeraki = defineProducer({
  id: 'cisco-meraki', kind: 'proxy', role: 'forward-proxy', name: 'Cisco Meraki MX (content filtering)', family: 'cisco-meraki',
  own: [onPage(MERAKI_PAGE)],
  causes: [categoryBlock(MERAKI_PAGE, 'the network\'s Cisco Meraki MX appliance blocked the website: its content category or a blocked URL pattern of the network\'s content-filtering policy matched (the page names the category)')],
  checklist: { server: 'Ask the Meraki administrators to add the URL to the allowed URL patterns (Security & SD-WAN > Content filtering), or to re-check its Talos category.' },
});

/**
 * Check Point Security Gateway's UserCheck portal: a blocked request is redirected to (or answered with) its
 * PortalMain page, titled "Check Point UserCheck" and loading its /UserCheck/css styles.
 */
const USERCHECK_PAGE = /<title>\s*Check Point UserCheck\s*<\/title>|\/UserCheck\/(?:PortalMain\b|css\/)/;
const USERCHECK_REDIRECT = /\/UserCheck\/PortalMain\b/;

export const checkPointUsercheck = defineProducer({
  id: 'check-point-usercheck', kind: 'proxy', role: 'forward-proxy', name: 'Check Point Security Gateway (UserCheck)', family: 'check-point',
  own: [onPage(USERCHECK_PAGE), hdr('location', USERCHECK_REDIRECT)],
  causes: [
    rule('proxy-denied', 0.88, any(body(USERCHECK_PAGE), hdr('location', USERCHECK_REDIRECT)), {
      why: 'the network\'s Check Point gateway intercepted the request and sent its UserCheck portal instead: an Access Control rule (URL Filtering, Application Control, Threat Prevention) with a Block, Ask or Inform interaction matched, which a program cannot answer', template: true, fix: FILTER_FIX, blocks: true,
    }),
  ],
  checklist: { server: 'Ask the Check Point administrators which rule and UserCheck interaction matched (SmartConsole logs show the rule), and to allow the destination for this client.' },
});

/**
 * Netsweeper deny pages: served from the filter's /webadmin/deny/index.php (port 8080), often framed by an ISP's
 * page or reached by a redirect, and their sentence about the restriction coming from the browser cache.
 */
const NETSWEEPER_PAGE = /NetSweeper restriction is coming from the cache of your web browser|:8080\/webadmin\/deny\/index\.php\b/i;

export const netsweeper = defineProducer({
  id: 'netsweeper', kind: 'proxy', role: 'forward-proxy', name: 'Netsweeper web filter', family: 'netsweeper',
  own: [onPage(NETSWEEPER_PAGE), hdr('location', /\/webadmin\/deny\/index\.php\b/)],
  causes: [categoryBlock(NETSWEEPER_PAGE, 'the network\'s Netsweeper filter (a school, company or ISP) denied the URL: its category or a deny rule of the policy matched, and its deny page answered instead of the site')],
  checklist: { server: 'Ask the network\'s administrators to allow the URL in Netsweeper (the deny page\'s dpid and dpruleid name the policy and rule), or use another network.' },
});

/** Olfeo (French secure web gateway) block page: its title ("… - Outil de filtrage Internet OLFEO"), and its own web server. */
const OLFEO_PAGE = /Outil de filtrage Internet OLFEO/i;
const OLFEO_SERVER = /^Olfeo/i;

export const olfeo = defineProducer({
  id: 'olfeo', kind: 'proxy', role: 'forward-proxy', name: 'Olfeo web filter', family: 'olfeo',
  own: [onPage(OLFEO_PAGE)],
  // its Server header names the filter's own web server: on the path, and with a 403 its deny
  presence: [hdr('server', OLFEO_SERVER)],
  causes: [
    categoryBlock(OLFEO_PAGE, 'the network\'s Olfeo web filter restricted the URL: its category is filtered by the Internet use policy (the page names the category and may offer an Override)'),
    serverDeny(OLFEO_SERVER, 'the Olfeo filter'),
  ],
  checklist: { server: 'Ask the network\'s administrators to allow the URL or its category in Olfeo, or use the page\'s Override if the policy offers it.' },
});
