import type { Matcher } from '../match';
import { all, bodyGroup, hdr } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

const problem: Matcher = hdr('content-type', /application\/problem\+json/i, 1);
const detail = (re: RegExp): Matcher => all(problem, bodyGroup(new RegExp(`"(?:title|detail|type)"\\s*:\\s*"([^"]*(?:${re.source})[^"]*)"`, 'i')));

/** RFC 9457 problem details: read title/detail/type. */
export const PROBLEM_JSON_RULES: CauseRule[] = [
  rule('rate-limited', 0.7, detail(/rate.?limit|too many requests|quota/), { why: 'the problem details (RFC 9457) name a rate limit or quota' }),
  rule('invalid-credentials', 0.6, detail(/invalid (token|credential|api key)|expired|unauthori[sz]ed/), { why: 'the problem details (RFC 9457) say the credential was not accepted' }),
  rule('insufficient-permissions', 0.55, detail(/permission|not allowed|insufficient|scope|access denied/), { why: 'the problem details (RFC 9457) say the caller is not allowed' }),
  rule('missing-credentials', 0.6, detail(/missing (token|credential|api key|authorization)|not authenticated|authentication required/), { why: 'the problem details (RFC 9457) say no credential was received' }),
];
