import type { Matcher } from '../match';
import { body, when } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBody } from './short-body';

const w = (re: RegExp): Matcher => when(shortBody, body(re));

const GEO = /not (available|supported) in your (country|region|location)|(unsupported|not supported)[^.\n"<]{0,20}(country|region|territory|location)|country,? region,? or territory|geo[- ]?(graphic(al)?)?[- ]?(restrict|block)\w*|(blocked|banned|restricted) (in|from) your (country|region)|your (country|region|location) (is|has been) (not supported|blocked|banned|restricted)|access from your (country|region|area)[^.\n"<]{0,40}(disabled|blocked|limited|restricted)/i;
const IP = /\bip( address)?\b[^\n"<]{0,40}(is |has been )?(not (allowed|authori[sz]ed|whitelisted|permitted|in (the )?allow ?list)|blocked|banned|denied|blacklisted|rejected|restricted)|not in (the |your )?(ip )?(allow|white) ?list|(ip|address) (allow|white) ?list|client ip[^.\n"<]{0,30}(not allowed|denied|blocked)|\bip_(address_)?not_(allowed|authori[sz]ed|whitelisted|permitted)\b/i;
/** A VPN or anonymising proxy refused for the caller's network, not for who the caller is (IP-reputation middleware, streaming block reasons). */
const VPN = /\bvpns?\b[^.\n"<]{0,30}\b(not allowed|not permitted|detected|blocked|prohibited)\b|\b(don[´'’]?t|do not|does not|doesn[´'’]?t) (allow|permit) (the use of )?(an? )?vpns?\b|\bwhile (using|connected to) an? vpn\b|\b(disable|turn off) your vpn\b/i;
const WAF = /request (was |has been )?(blocked|rejected)( by)?|web application firewall|security (policy|rules?|service)[^.\n"<]{0,40}(block|denied|triggered)\w*|bot (detection|protection|manager)|automated (access|requests|queries|traffic)|captcha|suspicious (activity|request)|are you a robot|verify (that )?you are (a )?human|support id is|incident id/i;
const PROXY = /proxy (authentication|authorization) required|(denied|blocked) by (the |your )?(corporate |organi[sz]ation'?s? )?(proxy|web filter|content filter|url filter)|url (category|filtering)|content filter(ing)?|web filtering|this (site|website|page|url) (is|has been) blocked (by|because)/i;
/** A corporate web filter's block page in its own words (URL filtering by category, file-type or application policy). */
const WEB_FILTER = /blocked in accordance with (company|corporate|organi[sz]ation(al)?) policy|based on your organi[sz]ation'?s (access|security|internet|web) polic(y|ies)|blocked because of an? [\w ]{0,40}polic(y|ies)( setting)?|web category[^.\n"<]{0,40} is not allowed/i;

/** The network and the edge in words: a country, an IP or VPN, a WAF or bot check, a proxy or web filter refused the request. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const EDGE_WORD_RULES: CauseRule[] = [
  rule('ip-or-geo-blocked', 0.62, w(GEO), { words: true, why: 'the body says the request\'s country, region or location is not allowed' }),
  rule('ip-or-geo-blocked', 0.6, w(IP), { words: true, why: 'the body says the source IP address is not allowed' }),
  rule('ip-or-geo-blocked', 0.6, w(VPN), { words: true, why: 'the body says requests through a VPN or proxy are not allowed: the network the request comes from is refused' }),
  rule('waf-or-bot-block', 0.5, w(WAF), { words: true, why: 'the body reads like a WAF or bot-protection block page' }),
  rule('proxy-denied', 0.6, w(PROXY), { words: true, why: 'the body says a proxy or web filter blocked the request' }),
  rule('proxy-denied', 0.66, w(WEB_FILTER), { blocks: true, words: true, why: 'the body is a corporate web filter\'s block page: the destination\'s URL category, file type or application is not allowed by the organisation\'s policy' }),
];
