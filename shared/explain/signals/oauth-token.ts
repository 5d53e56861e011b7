// OAuth 2.0 token-endpoint errors (RFC 6749 §5.2): sent with 400 (or 401), yet a refusal of the
// credential, whatever identity provider wrote them. Vendor producers speak first; these rank the cause
// when no vendor is named.
import { body } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

/**
 * The error code as the token endpoint's JSON, a Python dict or a JS object print (key `error`, or an SDK's
 * `errorCode` / `error_code`: MSAL's log "errorCode":"invalid_grant", microsoft-entra-id/refresh-token-inactive-msal-node-log),
 * an authorization redirect's query (RFC 6749 §4.1.2.1: "?error=invalid_scope&error_description=…",
 * okta/invalid-scope-redirect-query-consoleme, adfs/resource-not-registered-query), an SDK's "invalid_grant: …" line,
 * Go's oauth2: "invalid_grant" "…", a client's "code (Description)" or "code - Description" (openid-client's OPError
 * "invalid_grant (Session not active)", keycloak/session-not-active-admin-client; "unauthorized_client (Client not enabled…)",
 * keycloak/client-no-service-account; "unauthorized_client - Invalid client secret", keycloak/invalid-client-secret-meteor).
 */
const code = (name: string): RegExp => new RegExp(`["']?\\berror(?:_?[cC]ode)?["']?\\s*[:=]\\s*["']${name}["']|[?&#]error=${name}\\b`
  + `|\\b${name}: [A-Z]|oauth2: "${name}"|\\b${name} (?:\\(|- )[A-Z]`);

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
  // A token for an API the identity provider does not know or the client may not call: RFC 8707's invalid_target,
  // Microsoft's invalid_resource (AD FS MSIS9602 and Entra AADSTS500011 "resource principal … not found in the tenant":
  // adfs/resource-not-registered-*, microsoft-entra-id/resource-principal-not-found-*).
  rule('insufficient-permissions', 0.5, body(code('(invalid_resource|invalid_target)')), {
    blocks: true,
    why: 'the identity provider would not issue a token for that resource (invalid_resource / invalid_target): the API is not registered in this tenant, or this client may not ask for it',
    fix: 'Check the resource or audience the client asks for against the API registered with the identity provider, and that this client was granted (and consented to) access to it.',
  }),
];
