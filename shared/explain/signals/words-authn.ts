import type { Matcher } from '../match';
import { all, body, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { shortBody } from './short-body';

const w = (re: RegExp): Matcher => when(shortBody, body(re));

const CSRF = /\b(csrf|xsrf)\b[^.\n"<]{0,60}|cross[- ]site request forgery|invalid authenticity token|antiforgery (token|cookie)[^.\n"<]{0,40}|origin (check(ing)? failed|not allowed|does not match)|referr?er checking failed[^.\n"<]{0,40}|no valid crumb (was )?included in (the )?request/i;
const SIGNATURE = /signature (does not match|mismatch|is invalid|verification failed|validation failed|expired|has expired|not valid)|signature we calculated does not match|\bsignaturedoesnotmatch\b|\brequesttimetooskewed\b|difference between the request time and the (current|server'?s?) time is too large|invalid signature|request (has )?expired|clock skew|request time too skewed|time ?stamp[^.\n"<]{0,30}(expired|too old|out of (range|bounds)|outside)|signed url[^.\n"<]{0,30}expired|url signature expired|(presigned|pre-signed) url[^.\n"<]{0,20}expired|signature[_ ]expired|time ?stamp[^.\n"<]{0,40}too far|(too far|drift\w*) from (the )?server('s)? (time|clock)/i;
/** An expired JWT in the words of JWT libraries (PyJWT's ExpiredSignatureError, jose's JWTExpired): the token's exp claim passed, not a request signature. */
const JWT_EXPIRED = /\bsignature has expired\b|expiredsignatureerror|\bjwtexpired\b|"?\bexp\b"? claim timestamp check failed/i;
const INVALID = /invalid (api[ -]?key|token|credentials?|access[ -]token|bearer token|key|client[ _]?(id|secret)|password|jwt|session|signature|subscription key|auth(entication|orization)?)\b|(token|key|credentials?|session|jwt)\b[^.\n"<]{0,20}(has |is |are )?(expired|revoked|invalid|malformed|not valid)|bad credentials|authentication failed|access key id you provided does not exist in our records|unrecognized (login|client|key)|incorrect (api key|password|credentials)|could not (validate|authenticate)/i;
const MISSING = /(missing|no) (api[ -]?key|token|access[ -]token|credentials?|authori[sz]ation( header)?|authentication( token)?|bearer token|subscription key)\b[^.\n"<]{0,30}|(api[ -]?key|token|authori[sz]ation header|credentials?|authentication)\b[^.\n"<]{0,15}(is |are |was |were )?(missing|required|not (found|provided|present|supplied))|must (be )?(authenticated|logged in|sign(ed)? in|provide (an? )?(api key|token))|login required|not (authenticated|logged in)|anonymous (access|caller|user)/i;

/** Credentials in words: missing, invalid or expired ones, a signature or clock that does not verify, an anti-forgery check. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const AUTHN_WORD_RULES: CauseRule[] = [
  rule('csrf', 0.65, w(CSRF), { words: true, why: 'the body talks about a CSRF/anti-forgery or Origin check' }),
  rule('csrf', 0.7, all(status(400, 419, 422), w(CSRF)), { blocks: true, words: true, why: 'a CSRF/anti-forgery check failed (served as a 400/419/422 look-alike of 403)' }),
  rule('signature-or-clock-skew', 0.6, w(SIGNATURE), { words: true, why: 'the body says a signature did not verify, a signed URL expired or the clock is off' }),
  rule('invalid-credentials', 0.66, w(JWT_EXPIRED), { words: true, why: 'the body says the token (a JWT) expired: its exp claim has passed, so the caller must get a fresh token' }),
  rule('invalid-credentials', 0.55, w(INVALID), { words: true, why: 'the body says the credential was invalid or expired' }),
  rule('missing-credentials', 0.55, w(MISSING), { words: true, why: 'the body says no credential was received' }),
];
