import type { Matcher } from '../match';
import { all, body, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule, Ctx } from '../types';

/** Long article-like pages (a blog post about 403 errors) carry no refusal words of their own. */
const shortBody = (ctx: Ctx): boolean => ctx.textLength < 2500;
const w = (re: RegExp): Matcher => when(shortBody, body(re));

const CSRF = /\b(csrf|xsrf)\b[^.\n"<]{0,60}|cross[- ]site request forgery|invalid authenticity token|antiforgery (token|cookie)[^.\n"<]{0,40}|origin (check(ing)? failed|not allowed|does not match)|referr?er checking failed[^.\n"<]{0,40}/i;
const SIGNATURE = /signature (does not match|mismatch|is invalid|verification failed|expired|has expired|not valid)|invalid signature|request (has )?expired|clock skew|request time too skewed|time ?stamp[^.\n"<]{0,30}(expired|too old|out of (range|bounds)|outside)|signed url[^.\n"<]{0,30}expired|url signature expired|(presigned|pre-signed) url[^.\n"<]{0,20}expired|signature[_ ]expired|time ?stamp[^.\n"<]{0,40}too far|(too far|drift\w*) from (the )?server('s)? (time|clock)/i;
const GEO = /not (available|supported) in your (country|region|location)|(unsupported|not supported)[^.\n"<]{0,20}(country|region|territory|location)|country,? region,? or territory|geo[- ]?(graphic(al)?)?[- ]?(restrict|block)\w*|(blocked|banned|restricted) (in|from) your (country|region)|your (country|region|location) (is|has been) (not supported|blocked|banned|restricted)|access from your (country|region|area)[^.\n"<]{0,40}(disabled|blocked|limited|restricted)/i;
const IP = /\bip( address)?\b[^\n"<]{0,40}(is |has been )?(not (allowed|authori[sz]ed|whitelisted|permitted|in (the )?allow ?list)|blocked|banned|denied|blacklisted|rejected|restricted)|not in (the |your )?(ip )?(allow|white) ?list|(ip|address) (allow|white) ?list|client ip[^.\n"<]{0,30}(not allowed|denied|blocked)/i;
const ACCOUNT = /\b(account|project|subscription|organi[sz]ation|tenant|app|application|api|service|web app)\b[^.\n"<]{0,30}\b(has been |is |was )?(suspended|disabled|deactivated|inactive|locked|terminated|stopped|not enabled|blocked)\b|billing (is )?(disabled|not enabled|account)|upgrade (your|the) (plan|subscription|account)|(plan|tier) (does not|doesn't) (include|allow|support)|payment required|trial (has )?(expired|ended)|insufficient (credits?|balance|funds|quota)|credit balance is too low|not (enrolled|entitled)|sso (authori[sz]ation )?required|saml (sso|enforcement)|not (available|included) (on|in|with) your (current )?(plan|tier|subscription)|upgrade to (a |the )?(paid|pro|premium|business|enterprise|higher)\b|plan[_ ]limit/i;
const RATE = /rate[- ]?limit(ed|ing)?\b[^.\n"<]{0,30}|too many requests|(quota|limit) (has been |was )?(exceeded|exhausted|reached)|exceeded[^.\n"<]{0,30}(rate|quota|limit)|throttl(ed|ing)|slow down/i;
const INVALID = /invalid (api[ -]?key|token|credentials?|access[ -]token|bearer token|key|client[ _]?(id|secret)|password|jwt|session|signature|subscription key|auth(entication|orization)?)\b|(token|key|credentials?|session|jwt)\b[^.\n"<]{0,20}(has |is |are )?(expired|revoked|invalid|malformed|not valid)|bad credentials|authentication failed|unrecognized (login|client|key)|incorrect (api key|password|credentials)|could not (validate|authenticate)/i;
const MISSING = /(missing|no) (api[ -]?key|token|access[ -]token|credentials?|authori[sz]ation( header)?|authentication( token)?|bearer token|subscription key)\b[^.\n"<]{0,30}|(api[ -]?key|token|authori[sz]ation header|credentials?|authentication)\b[^.\n"<]{0,15}(is |are |was |were )?(missing|required|not (found|provided|present|supplied))|must (be )?(authenticated|logged in|sign(ed)? in|provide (an? )?(api key|token))|login required|not (authenticated|logged in)|anonymous (access|caller|user)/i;
const PERMISSION = /\b(permission[s]?|privileges?)\b[^.\n"<]{0,40}(denied|required|missing|insufficient|not granted)|(do|does|did) not have (the )?(required |necessary |sufficient )?(access|permissions?|privileges?|rights?|role)|not authori[sz]ed to (access|perform|use|view|call|invoke)|insufficient (privileges|permissions|scopes?|rights|access)|(missing|required) (scope|role|permission)s?\b|access (is )?denied for (user|role|principal)|is not authori[sz]ed to perform|not allowed to (access|perform|use|view)|requires? (the )?[\w:.\- ]{0,30}(scope|role|permission)\b|lacks? (the )?(required )?(role|permission|privilege|scope|right)s?\b/i;
const WAF = /request (was |has been )?(blocked|rejected)( by)?|web application firewall|security (policy|rules?|service)[^.\n"<]{0,40}(block|denied|triggered)\w*|bot (detection|protection|manager)|automated (access|requests|queries|traffic)|captcha|suspicious (activity|request)|are you a robot|verify (that )?you are (a )?human|support id is|incident id/i;
const PROXY = /proxy (authentication|authorization) required|(denied|blocked) by (the |your )?(corporate |organi[sz]ation'?s? )?(proxy|web filter|content filter|url filter)|url (category|filtering)|content filter(ing)?|web filtering|this (site|website|page|url) (is|has been) blocked (by|because)/i;
const POLICY = /explicit deny|resource[- ]based policy|bucket policy|(referr?er|app|application|api) (restriction|is not allowed|not authori[sz]ed)|requests from (this )?(referr?er|app|android|ios|client application)[^.\n"<]{0,30}(are )?blocked|organi[sz]ation policy|service control policy|conditional access/i;
const DIRECTORY = /directory (listing|index|browsing)[^.\n"<]{0,40}(forbidden|denied|not allowed|disabled)|not configured to list the contents of this directory|(cannot|can't|unable to) (read|open|access) (the )?file|file permissions?/i;
const METHOD_PATH = /method not allowed|(route|path|endpoint|resource path)\b[^.\n"<]{0,20}(is )?(not allowed|blocked|forbidden|not permitted)|(http )?method[^.\n"<]{0,20}(is )?not (allowed|permitted|supported)|path traversal|directory traversal/i;

/** Words of the body, for unknown producers; lower confidence than vendor codes. */
export const WORD_RULES: CauseRule[] = [
  rule('csrf', 0.65, w(CSRF), { words: true, why: 'the body talks about a CSRF/anti-forgery or Origin check' }),
  rule('csrf', 0.7, all(status(400, 419, 422), w(CSRF)), { blocks: true, words: true, why: 'a CSRF/anti-forgery check failed (served as a 400/419/422 look-alike of 403)' }),
  rule('signature-or-clock-skew', 0.6, w(SIGNATURE), { words: true, why: 'the body says a signature did not verify, a signed URL expired or the clock is off' }),
  rule('ip-or-geo-blocked', 0.62, w(GEO), { words: true, why: 'the body says the request\'s country, region or location is not allowed' }),
  rule('ip-or-geo-blocked', 0.6, w(IP), { words: true, why: 'the body says the source IP address is not allowed' }),
  rule('account-or-plan-restriction', 0.58, w(ACCOUNT), { words: true, why: 'the body says the account, project, plan or app is suspended, disabled or not enabled' }),
  rule('rate-limited', 0.6, w(RATE), { words: true, why: 'the body talks about a rate limit or quota' }),
  rule('invalid-credentials', 0.55, w(INVALID), { words: true, why: 'the body says the credential was invalid or expired' }),
  rule('missing-credentials', 0.55, w(MISSING), { words: true, why: 'the body says no credential was received' }),
  rule('insufficient-permissions', 0.5, w(PERMISSION), { words: true, why: 'the body says the caller lacks a permission, role or scope' }),
  rule('waf-or-bot-block', 0.5, w(WAF), { words: true, why: 'the body reads like a WAF or bot-protection block page' }),
  rule('proxy-denied', 0.6, w(PROXY), { words: true, why: 'the body says a proxy or web filter blocked the request' }),
  rule('resource-policy-deny', 0.55, w(POLICY), { words: true, why: 'the body names a resource, key or organisation policy that denies the caller' }),
  rule('directory-listing-or-filesystem', 0.55, w(DIRECTORY), { words: true, why: 'the body says a directory listing or file read was refused' }),
  rule('method-or-path-blocked', 0.45, w(METHOD_PATH), { words: true, why: 'the body says this method or path is not allowed' }),
];
