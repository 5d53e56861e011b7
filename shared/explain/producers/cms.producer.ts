import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

// CMS and commerce platforms whose own API layer refuses the call: WordPress's REST API, Magento's web API ACL,
// Strapi's users-permissions plugin (frameworks.producer.ts keeps the application frameworks).

export const wordpress = defineProducer({
  id: 'wordpress', kind: 'framework', name: 'WordPress', family: 'wordpress',
  own: [body(/"code"\s*:\s*"(rest_[a-z_]+|jwt_auth_[a-z_]+|incorrect_password|invalid_username|invalid_email)"/)],
  presence: [hdr('link', /api\.w\.org/), hdr('x-wp-total'), hdr('x-robots-tag', /noindex/i, 1)],
  causes: [
    rule('csrf', 0.93, body(/rest_cookie_invalid_nonce|Cookie check failed/i), { why: 'the REST API cookie authentication needs a valid X-WP-Nonce (wp_rest) with the logged-in cookie' }),
    rule('missing-credentials', 0.88, any(body(/"code"\s*:\s*"rest_not_logged_in"/), all(status(401), body(/"code"\s*:\s*"rest_(forbidden|cannot_\w+)"/))), { why: 'the REST endpoint requires a logged-in user; no (valid) authentication was sent (use an application password)' }),
    rule('insufficient-permissions', 0.88, all(status(403), body(/"code"\s*:\s*"rest_(forbidden\w*|cannot_\w+)"/)), { why: 'the user lacks the capability this REST endpoint requires' }),
    rule('invalid-credentials', 0.92, body(/"code"\s*:\s*"(incorrect_password|invalid_username|invalid_email|jwt_auth_invalid_token|jwt_auth_bad_auth_header|rest_authentication_\w+)"/), { why: 'WordPress rejected the username/password, application password or JWT' }),
  ],
});

/** Magento 2's web API ACL refusal: its untranslated placeholder (2.0-2.3 "Consumer is not", 2.4 "The consumer isn't"). */
const MAGENTO_ACL = /(The consumer isn't|Consumer is not) authorized to access %resources/;

export const magento = defineProducer({
  id: 'magento', kind: 'framework', name: 'Magento / Adobe Commerce web API', family: 'magento',
  own: [body(MAGENTO_ACL)],
  causes: [
    rule('insufficient-permissions', 0.8, body(MAGENTO_ACL), {
      why: 'Magento\'s web API ACL refused this token for the resource named in parameters.resources: the integration or the admin user\'s role lacks that ACL resource, or a customer resource ("self") was called with an admin or integration token',
      fix: 'Grant the resource to the integration (System > Integrations > API) or to the admin user\'s role; call "self" resources with a customer token. On 2.4.4+ an integration\'s access token works as a Bearer token only with "Allow OAuth Access Tokens to be used as standalone Bearer tokens" enabled.',
      blocks: true,
    }),
    rule('invalid-credentials', 0.45, body(MAGENTO_ACL), { why: 'Magento answers the same for a token it did not accept (an expired admin token, an integration token sent as Bearer on 2.4.4+ without the standalone-Bearer setting): the request then runs as a guest' }),
  ],
  checklist: { auth: 'Check the integration\'s or the admin role\'s API resources, and which kind of token (admin, customer, integration) this endpoint expects.' },
});

/** Strapi v4/v5's error object ({status, name, message, details}), in its REST envelope or a GraphQL error's extensions. */
const STRAPI_ERROR = /"status"\s*:\s*\d{3}\s*,\s*"name"\s*:\s*"\w+Error"\s*,\s*"message"\s*:\s*"[^"]*"\s*,\s*"details"\s*:|"extensions"\s*:\s*\{\s*"error"\s*:\s*\{\s*"name"\s*:\s*"\w+Error"\s*,\s*"message"\s*:\s*"[^"]*"\s*,\s*"details"\s*:/;
/** Its error classes in a server log, beside a Strapi package's frames. */
const STRAPI_LOG = all(body(/\b(ForbiddenError|UnauthorizedError|PolicyError): /), body(/@strapi\/|strapi-plugin-/));
const STRAPI_FORBIDDEN = any(all(body(STRAPI_ERROR), body(/"name"\s*:\s*"ForbiddenError"/)), all(STRAPI_LOG, body(/\bForbiddenError: /)));

export const strapi = defineProducer({
  id: 'strapi', kind: 'framework', name: 'Strapi', family: 'strapi',
  own: [body(STRAPI_ERROR), STRAPI_LOG],
  causes: [
    rule('insufficient-permissions', 0.82, STRAPI_FORBIDDEN, {
      blocks: true,
      why: 'Strapi refused the action for the caller\'s role: the Users & Permissions role (Public for a request without a token, Authenticated with one) or the API token\'s type does not include this content-type or plugin action',
      fix: 'Enable the action for the role in Settings > Users & Permissions > Roles (or give the API token a type that allows it), and check that the request really carries Authorization: Bearer <jwt or API token>.',
    }),
    rule('missing-credentials', 0.45, STRAPI_FORBIDDEN, { why: 'a request without a token runs as the Public role, so a token that was never sent reads the same 403' }),
    rule('missing-credentials', 0.8, any(body(/"name"\s*:\s*"UnauthorizedError"/), all(STRAPI_LOG, body(/\bUnauthorizedError: /))), { why: 'Strapi\'s authentication (a users-permissions JWT or an API token) found no valid token' }),
    rule('invalid-credentials', 0.55, body(/"name"\s*:\s*"UnauthorizedError"/), { why: 'an expired JWT or a deleted API token is refused with the same UnauthorizedError' }),
    rule('insufficient-permissions', 0.8, any(body(/"name"\s*:\s*"PolicyError"/), all(STRAPI_LOG, body(/\bPolicyError: /))), { why: 'a route policy of the Strapi app returned false for this request', blocks: true }),
    rule('rate-limited', 0.9, body(/"name"\s*:\s*"RateLimitError"/), { why: 'Strapi\'s rate limiter (its auth routes\' ratelimit middleware) refused the request' }),
  ],
  checklist: { server: 'Settings > Users & Permissions > Roles (Public, Authenticated) and Settings > API Tokens: the action this route needs.' },
});
