import type { Matcher } from '../match';
import { all, body, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBody } from './short-body';

const w = (re: RegExp): Matcher => when(shortBody, body(re));

const ACCOUNT = /\b(account|project|subscription|organi[sz]ation|tenant|app|application|api|service|web app)\b[^.\n"<]{0,30}\b(has been |is |was )?(suspended|disabled|deactivated|inactive|locked|terminated|stopped|not enabled|blocked)\b|billing (is )?(disabled|not enabled|account)|upgrade (your|the) (plan|subscription|account)|(plan|tier) (does not|doesn't) (include|allow|support)|payment required|trial (has )?(expired|ended)|insufficient (credits?|balance|funds|quota)|credit balance is too low|not (enrolled|entitled)|sso (authori[sz]ation )?required|saml (sso|enforcement)|not (available|included) (on|in|with) your (current )?(plan|tier|subscription)|upgrade to (a |the )?(paid|pro|premium|business|enterprise|higher)\b|plan[_ ]limit|\b(need|needs|requires?) an? (active,? )?(paid|premium|pro) (subscription|plan|account)|not available (with|on|for|to) (a |an |your )?(free|unpaid|trial)\b[\w /]{0,12}\b(plan|account|tier|users?)\b|\b(paid|premium) (subscription|plan|account) (is )?required|\brequires? an? [\w-]{1,20} (plan|tier|subscription) or (higher|above)\b|\b(plan|subscription)_required\b|\b(e-?mail|account)( address)? (is |has )?(not|not yet) (been )?verified\b|\b(email|account)_not_verified\b/i;
/** Credit and spend refusals in vendors' words: the account must pay or raise a limit; waiting does not help (a 402/429/400 look-alike of 403). */
const CREDIT = /credit balance is too low|(insufficient|not enough|out of) (credits?|credit balance|balance)\b|(used|exhausted|run out of) (all )?(your |its |the )?(available )?credits|(reached|hit|exceeded) (its |your |the )?(monthly |daily |max(imum)? )?(spend(ing)?|usage|budget) limit|spending limit (reached|exceeded)|exceeded your current quota|key limit exceeded|requires more credits|(purchase|buy|add) (more )?credits/i;
/** Billing not set up or disabled (Google's project billing family; more specific than a bare permission error). */
const BILLING = /billing (account )?[^.\n"<]{0,40}\b(is |has been |was )?(disabled|not (enabled|configured|found|active)|absent)|(has|have) (not configured|no) billing|billing[^.\n"<]{0,10} disabled|requires? billing to be enabled|billing (must|needs to) be enabled|must enable billing|enable billing (on|for) (the |this |your )?(google cloud )?project|billing_?not_?enabled/i;
/** AWS-style throttling sent as a 400 (its query/JSON APIs): the code or its message, in an envelope or an SDK line. */
const THROTTLED = /\brate exceeded\b|\brequest (was |has been )?throttled\b|\bthrottlingexception\b|\bcode:? ?"?throttling\b|"code"\s*=>\s*"throttling"/i;
const RATE = /rate[- ]?limit(ed|ing)?\b[^.\n"<]{0,30}|too many requests|\brate exceeded\b|(quota|limit) (has been |was )?(exceeded|exhausted|reached)|exceeded[^.\n"<]{0,30}(rate|quota|limit)|throttl(ed|ing)|slow down|(usage|request|rate|api|call|query|daily|hourly|monthly)[- ]limits?\b[^.\n"<]{0,60}?\b(exceeded|reached|exhausted)\b|reached (the |your |its )?(daily |hourly |monthly |maximum |max )?(request |api |usage |call )?(limit|quota)\b|requests? per (second|minute|hour|day)\b[^.\n"<]{0,40}(exceeded|reached)/i;

/** Accounts, plans, billing and rate limits in words: what waiting or paying changes. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const QUOTA_WORD_RULES: CauseRule[] = [
  rule('account-or-plan-restriction', 0.58, w(ACCOUNT), { words: true, why: 'the body says the account, project, plan or app is suspended, disabled or not enabled' }),
  rule('account-or-plan-restriction', 0.68, w(CREDIT), { blocks: true, words: true, why: 'the body says the account has no credit left or reached its spending limit: it must pay or raise the limit, waiting does not help' }),
  rule('account-or-plan-restriction', 0.92, all(status(402, 429), w(CREDIT)), { blocks: true, words: true, why: 'a 402/429 that asks for credit or a higher spending limit is a billing stop, not a rate limit that passes with time' }),
  rule('account-or-plan-restriction', 0.66, w(BILLING), { words: true, why: 'the body says billing is not enabled or is disabled for the project or account' }),
  rule('rate-limited', 0.72, all(status(400), w(THROTTLED)), { blocks: true, words: true, why: 'the body says the request was throttled ("Throttling: Rate exceeded"), sent as a 400 as AWS-style APIs do' }),
  rule('rate-limited', 0.6, w(RATE), { words: true, why: 'the body talks about a rate limit or quota' }),
];
