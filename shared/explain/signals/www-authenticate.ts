import { all, hdr, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

/** RFC 6750 / RFC 9110 challenges. */
export const WWW_AUTHENTICATE_RULES: CauseRule[] = [
  rule('invalid-credentials', 0.8, hdr('www-authenticate', /error\s*=\s*"?invalid_token/i), {
    why: 'the WWW-Authenticate challenge says error="invalid_token" (RFC 6750): the token arrived but is expired, revoked, malformed or not for this audience',
    fix: 'Get a fresh token for this API (right audience/issuer) and send it as Authorization: Bearer <token>.',
  }),
  rule('insufficient-permissions', 0.85, all(status(403), hdr('www-authenticate', /error\s*=\s*"?insufficient_scope/i)), {
    why: 'the WWW-Authenticate challenge says error="insufficient_scope" (RFC 6750): the token is valid but lacks a scope this resource needs',
    fix: 'Request a token with the scope named in the challenge (scope="…") and retry.',
  }),
  rule('insufficient-permissions', 0.55, all(status(401), hdr('www-authenticate', /error\s*=\s*"?insufficient_scope/i)), {
    why: 'a 401 with error="insufficient_scope": the token (if any) does not cover the scope requested',
  }),
  rule('missing-credentials', 0.55, hdr('www-authenticate', /error\s*=\s*"?invalid_request/i), {
    why: 'the WWW-Authenticate challenge says error="invalid_request": the credential is missing or sent in a form the server does not accept',
  }),
  rule('missing-credentials', 0.6, all(status(401), hdr('www-authenticate', /^(?![\s\S]*error\s*=)[\s\S]+$/i)), {
    why: 'a 401 with a WWW-Authenticate challenge and no error code: the layer did not receive a credential it accepts (none, or sent in the wrong place)',
  }),
  rule('invalid-credentials', 0.45, all(status(401), hdr('www-authenticate', /^(?![\s\S]*error\s*=)[\s\S]+$/i)), {
    why: 'a 401 challenge is also what a wrong password or key gets',
  }),
  rule('proxy-denied', 0.8, all(status(407), hdr('proxy-authenticate')), {
    why: 'a 407 with a Proxy-Authenticate challenge: a forward proxy on the way wants its own credentials',
    fix: 'Configure proxy credentials (Proxy-Authorization) in the gateway profile, or bypass the proxy for this host.',
  }),
  rule('missing-credentials', 0.5, all(status(407), hdr('proxy-authenticate'))),
];
