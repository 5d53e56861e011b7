import type { Matcher } from '../match';
import { body, when } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBody } from './short-body';

const w = (re: RegExp): Matcher => when(shortBody, body(re));

/** An API key restricted to a referrer, IP, app or API: the key's own policy refuses this caller (Google's API_KEY_*_BLOCKED family). */
const KEY_RESTRICTION = /api_key_(http_referrer|ip_address|android_app|ios_app|service)_blocked|iprefererblocked|requests (from|to) (this )?(referr?er|api|app|android|ios|ip|client)\b[^\n"]{0,160}? are blocked|not authori[sz]ed to use this api key|api key not valid for this (referr?er|ip|app|application)|(referr?er|ip address|application|app|api) restrictions? (on|of|for) (this|the|your) (api )?key|remove the (referr?er|ip|app|application|api) restrictions?/i;
const PERMISSION = /\b(permission[s]?|privileges?)\b[^.\n"<]{0,40}(denied|required|missing|insufficient|not granted)|(do|does|did) not have (the )?(required |necessary |sufficient )?(access|permissions?|privileges?|rights?|role)|not authori[sz]ed to (access|perform|use|view|call|invoke)|insufficient (privileges|permissions|scopes?|rights|access)|(missing|required) (scope|role|permission)s?\b|access (is )?denied for (user|role|principal)|is not authori[sz]ed to perform|not allowed to (access|perform|use|view)|requires? (the )?[\w:.\- ]{0,30}(scope|role|permission)\b|lacks? (the )?(required )?(role|permission|privilege|scope|right)s?\b|not enough (scopes?|permissions?|privileges?)\b|\bneeds? the following (scopes?|permissions?|roles?)\b|\binsufficient[_ ]([a-z]+[_ ])?(roles?|permission)\b|\bmissing (one or more |the required )?(roles?|permissions?)\b|\bmissing '[\w:.-]{1,30}' (permission|role)\b/i;
const POLICY = /explicit deny|resource[- ]based policy|bucket policy|(referr?er|app|application|api) (restriction|is not allowed|not authori[sz]ed)|requests from (this )?(referr?er|app|android|ios|client application)[^.\n"<]{0,30}(are )?blocked|organi[sz]ation policy|service control policy|conditional access|referr?er( host)?( in the request( header)?)? (is )?not allowed|\borigin (is )?not allowed|invalid origin\b/i;
const DIRECTORY = /directory (listing|index|browsing)[^.\n"<]{0,40}(forbidden|denied|not allowed|disabled)|not configured to list the contents of this directory|(cannot|can't|unable to) (read|open|access) (the )?file|file permissions?/i;
const METHOD_PATH = /method not allowed|(route|path|endpoint|resource path)\b[^.\n"<]{0,20}(is )?(not allowed|blocked|forbidden|not permitted)|(http )?method[^.\n"<]{0,20}(is )?not (allowed|permitted|supported)|path traversal|directory traversal/i;

/** Authorization in words: the caller is known but a permission, a policy, a key restriction, a method or a path refuses it. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const AUTHZ_WORD_RULES: CauseRule[] = [
  rule('resource-policy-deny', 0.68, w(KEY_RESTRICTION), { words: true, why: 'the body says the API key is restricted to other referrers, IP addresses, apps or APIs' }),
  rule('insufficient-permissions', 0.5, w(PERMISSION), { words: true, why: 'the body says the caller lacks a permission, role or scope' }),
  rule('resource-policy-deny', 0.55, w(POLICY), { words: true, why: 'the body names a resource, key or organisation policy that denies the caller' }),
  rule('directory-listing-or-filesystem', 0.55, w(DIRECTORY), { words: true, why: 'the body says a directory listing or file read was refused' }),
  rule('method-or-path-blocked', 0.45, w(METHOD_PATH), { words: true, why: 'the body says this method or path is not allowed' }),
];
