// OAuth 2.0 token-endpoint errors (RFC 6749 §5.2): sent with 400 (or 401), yet a refusal of the
// credential, whatever identity provider wrote them. Vendor producers speak first; these rank the cause
// when no vendor is named.
import { body } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

/** The envelope's error code as JSON, a Python dict, an SDK's "invalid_grant: …" line or Go's oauth2: "invalid_grant" "…". */
const code = (name: string): RegExp => new RegExp(`["']error["']\\s*:\\s*["']${name}["']|\\b${name}: [A-Z]|oauth2: "${name}"`);

export const OAUTH_TOKEN_RULES: CauseRule[] = [
  rule('invalid-credentials', 0.62, body(code('invalid_grant')), {
    blocks: true,
    why: 'the OAuth token endpoint refused the grant (invalid_grant): the refresh token or authorization code expired, was revoked or already used, or belongs to another client',
    fix: 'Sign in again to get a new refresh token (a revoked or expired one never works again); for an authorization code, exchange it once, quickly, with the same redirect URI.',
  }),
  rule('invalid-credentials', 0.62, body(code('invalid_client')), {
    blocks: true,
    why: 'the OAuth token endpoint did not accept the client: a wrong client id or secret, or the wrong authentication method for this client (invalid_client)',
  }),
  rule('insufficient-permissions', 0.5, body(code('(unauthorized_client|invalid_scope)')), {
    blocks: true,
    why: 'the client may not use this grant type or ask for these scopes (unauthorized_client / invalid_scope)',
  }),
];
