import { all, any, body, cookie, hdr, not, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** A Django or DRF traceback (its package frames) ending in one of their refusal exceptions, as error trackers and logs print it. */
const DJANGO_FRAMES = /[\\/]site-packages[\\/](django[\\/](core[\\/]handlers|views)|rest_framework)[\\/]/;
const DJANGO_REFUSAL_LINE = /^\s*(django\.core\.exceptions\.|rest_framework\.exceptions\.)?(PermissionDenied|NotAuthenticated|AuthenticationFailed)\b(: .*)?\s*$/m;

/** simplejwt's login refusal (TokenObtainPairView), as detail or, in 4.1, a non_field_errors entry. */
// DRF's and simplejwt's sentences without the "detail" envelope; Django's error pages' robots meta. Sources: encode/django-rest-framework exceptions.py, django/django views/csrf.py, corpus django/
const DRF_SENTENCES = /<meta name="robots" content="NONE,NOARCHIVE"\s*\/?>|Authentication credentials were not provided\.|Incorrect authentication credentials\.|Request was throttled\. Expected available in \d+ seconds?\.|Given token not valid for any token type|No active account found with the given credentials|Forbidden \(403\)\s+CSRF verification failed\./;
const SIMPLEJWT_NO_ACCOUNT = /"(detail|non_field_errors)"\s*:\s*\[?\s*"No active account found with the given credentials"/;

export const django = defineProducer({
  id: 'django', kind: 'framework', name: 'Django / Django REST framework', family: 'django',
  own: [body(/CSRF verification failed\. Request aborted\.|"detail"\s*:\s*"(Authentication credentials were not provided\.|Invalid token\.|You do not have permission to perform this action\.|Request was throttled\.[^"]*|Incorrect authentication credentials\.|Given token not valid for any token type|CSRF Failed: [^"]*|Invalid token header\.[^"]*|User inactive or deleted\.|Authentication credentials were not provided)"|"code"\s*:\s*"token_not_valid"/), body(SIMPLEJWT_NO_ACCOUNT), all(body(DJANGO_FRAMES), body(DJANGO_REFUSAL_LINE))],
  bodyOnly: [body(DRF_SENTENCES)],
  presence: [cookie(/^(csrftoken|sessionid)=/), hdr('x-frame-options', /^DENY$/, 1), hdr('allow', /OPTIONS/, 1)],
  causes: [
    rule('csrf', 0.95, body(/CSRF verification failed|CSRF Failed: |CSRF cookie not set|CSRF token (missing|incorrect)/i), {
      why: 'Django\'s CsrfViewMiddleware refused the unsafe request: the csrftoken cookie, the X-CSRFToken header or the Origin/Referer did not match',
      fix: 'GET a page first to receive the csrftoken cookie and send it back as X-CSRFToken with the same cookie; over HTTPS the Origin/Referer must be in CSRF_TRUSTED_ORIGINS. For APIs use token auth instead of session auth.',
    }),
    rule('missing-credentials', 0.92, body(/Authentication credentials were not provided/), { why: 'DRF received no credential its authentication classes accept (header name/scheme not recognised counts as none)' }),
    rule('insufficient-permissions', 0.82, all(body(DJANGO_FRAMES), body(/^\s*(django\.core\.exceptions\.|rest_framework\.exceptions\.)?PermissionDenied\b/m)), {
      blocks: true, why: 'a Django view, mixin or DRF permission class raised PermissionDenied for this user, which Django answers with 403 (the traceback names the check that raised it)',
      fix: 'Read the frame that raised it (a permission_required / UserPassesTestMixin test, a DRF permission class, an app check) and give the user the permission or group it tests.',
    }),
    rule('invalid-credentials', 0.88, all(body(DJANGO_FRAMES), body(/^\s*(rest_framework\.exceptions\.)?AuthenticationFailed: /m)), { blocks: true, why: 'a DRF authentication class (TokenAuthentication, a JWT class) rejected the credential it found (the message after AuthenticationFailed names why)' }),
    rule('invalid-credentials', 0.92, body(/"Invalid token\.|Incorrect authentication credentials|Given token not valid for any token type|token_not_valid|Invalid token header|User inactive or deleted/), { why: 'DRF rejected the token (unknown, expired or malformed)' }),
    rule('invalid-credentials', 0.9, body(SIMPLEJWT_NO_ACCOUNT), {
      blocks: true, why: 'simplejwt\'s token endpoint found no active user for this username and password: a wrong password or username, or an account that exists but is not active (is_active false, not yet activated)',
      fix: 'Check the username field the endpoint expects (USERNAME_FIELD, e.g. email) and the password; if they are right, check the user\'s is_active flag.',
    }),
    rule('account-or-plan-restriction', 0.45, body(SIMPLEJWT_NO_ACCOUNT), { why: 'simplejwt answers the same for an inactive (not activated) account' }),
    rule('insufficient-permissions', 0.9, body(/You do not have permission to perform this action/), { why: 'a DRF permission class (IsAdminUser, DjangoModelPermissions, object permissions…) denied this user' }),
    rule('rate-limited', 0.95, body(/Request was throttled\./), { why: 'a DRF throttle class refused the request' }),
  ],
  checklist: { server: 'Check DEFAULT_AUTHENTICATION_CLASSES/PERMISSION_CLASSES of the view, CSRF_TRUSTED_ORIGINS and throttle rates.' },
});

/** Devise's failure app (devise.failure.unauthenticated): authenticate_user! found no signed-in user. */
const DEVISE_UNAUTHENTICATED = /You need to sign in or sign up before continuing\./;

export const rails = defineProducer({
  id: 'rails', kind: 'framework', name: 'Ruby on Rails', family: 'rails',
  own: [
    // Pundit and CanCanCan name themselves in every unrescued denial (500 page, error tracker, log line)
    body(/\b(Pundit::NotAuthorizedError|CanCan::AccessDenied)\b|\bnot allowed to (\w+#)?\w+\? this\b/),
    body(/The change you wanted was rejected\.|ActionController::InvalidAuthenticityToken|Blocked hosts?: |To allow requests to [^ ]+ make sure it is a valid hostname|Can't verify CSRF token authenticity/i), body(DEVISE_UNAUTHENTICATED)],
  presence: [hdr('x-runtime', /^\d+\.\d+$/), hdr('x-request-id', /^[0-9a-f-]{36}$/), cookie(/^_\w+_session=/)],
  causes: [
    rule('csrf', 0.93, body(/InvalidAuthenticityToken|Can't verify CSRF token authenticity/i), { why: 'Rails rejected the authenticity (CSRF) token', blocks: true }),
    rule('csrf', 0.78, all(status(422), body(/The change you wanted was rejected/i)), {
      why: 'Rails\' 422 "The change you wanted was rejected" page is what protect_from_forgery shows for an invalid authenticity token', blocks: true,
      fix: 'Send the authenticity_token from the form (or X-CSRF-Token from the csrf-meta-tags) with the same session cookie; API controllers should skip forgery protection and use token auth.',
    }),
    rule('missing-credentials', 0.86, body(DEVISE_UNAUTHENTICATED), {
      blocks: true, why: 'Devise\'s authenticate_user! found no signed-in user: no session cookie, or the token gem in front of it (devise-jwt, simple_token_authentication) found no credential under the header or parameter names it reads',
      fix: 'Sign in first (POST the JSON sign-in route and keep the cookie or the Authorization token it returns), and send the token under the names your token gem expects (X-User-Email / X-User-Token, Authorization: Bearer).',
    }),
    rule('invalid-credentials', 0.45, body(DEVISE_UNAUTHENTICATED), { why: 'a token the gem rejects (expired or revoked JWT, wrong user token) leaves the user signed out and reads the same' }),
    rule('method-or-path-blocked', 0.85, body(/Blocked hosts?: |To allow requests to [^ ]+ make sure it is a valid hostname/i), { why: 'Rails HostAuthorization blocks this Host header (config.hosts)', blocks: true }),
    rule('rate-limited', 0.7, all(status(429, 403), body(/^Retry later\s*$/)), { why: 'Rack::Attack throttled or blocklisted the client' }),
    rule('insufficient-permissions', 0.9, body(/\b(Pundit::NotAuthorizedError|CanCan::AccessDenied)\b|\bnot allowed to (\w+#)?\w+\? this\b|You are not authorized to (access this page|perform this action)\./), {
      why: 'a Pundit policy (not allowed to <action>? this <record>) or a CanCanCan ability (You are not authorized to access this page.) refused this user; unrescued, Rails answers it with a 500',
      fix: 'Check the policy method / ability rule for this action and record and the current user\'s role; the app should rescue_from the error with a 403.',
      blocks: true,
    }),
  ],
});

/** Laravel Passport's guard (league/oauth2-server's BearerTokenValidator) refusing the bearer token, as Laravel logs it. */
const PASSPORT_DENIED = all(body(/The resource owner or authorization server denied the request/), body(/\bBearerTokenValidator\b|[\\/]vendor[\\/]laravel[\\/]passport[\\/]/));

/** Laravel's auth middleware redirecting an unauthenticated non-JSON request to a login route the (API-only) app lacks. */
const LARAVEL_NO_LOGIN_ROUTE = /\bRoute \[[\w.-]*login\] not defined\./;

export const laravel = defineProducer({
  id: 'laravel', kind: 'framework', name: 'Laravel', family: 'laravel',
  // "Symfony \ Component \ HttpKernel" with spaces is Laravel's Whoops page; without them any Symfony app's trace
  own: [body(/"message"\s*:\s*"(CSRF token mismatch\.|Unauthenticated\.|This action is unauthorized\.|Too Many Attempts\.|Invalid signature\.|User does not have the right (roles|permissions)\.)"|Page Expired|Symfony \\ Component \\ HttpKernel|HttpException in Application\.php line \d+|Illuminate\\|^\s*(403 )?This action is unauthorized\.\s*$/m), body(LARAVEL_NO_LOGIN_ROUTE), body(/[\\/]vendor[\\/]laravel[\\/](framework|passport|sanctum)[\\/]src[\\/]/)],
  presence: [cookie(/^(laravel_session|XSRF-TOKEN)=/)],
  causes: [
    rule('csrf', 0.95, any(body(/CSRF token mismatch/), all(status(419), body(/Page Expired/i))), {
      why: 'Laravel\'s VerifyCsrfToken middleware refused the request (419 Page Expired / CSRF token mismatch)', blocks: true,
      fix: 'Send the XSRF-TOKEN cookie value back as X-XSRF-TOKEN (or _token in the form) with the same laravel_session; exclude API routes or use Sanctum tokens.',
    }),
    rule('missing-credentials', 0.88, body(/"message"\s*:\s*"Unauthenticated\."/), { why: 'the auth middleware (Sanctum/Passport guard) found no valid token or session' }),
    rule('invalid-credentials', 0.86, PASSPORT_DENIED, {
      blocks: true, why: 'Laravel Passport did not accept the bearer token (league/oauth2-server\'s accessDenied): not a JWT, a signature its oauth keys cannot verify (keys regenerated, another environment\'s token), or a token revoked or missing from oauth_access_tokens',
      fix: 'Request a new token from this app\'s /oauth/token; after passport:keys or a deploy, check every instance uses the same oauth-private/public keys.',
    }),
    rule('missing-credentials', 0.84, body(LARAVEL_NO_LOGIN_ROUTE), {
      blocks: true, why: 'Laravel\'s auth middleware (auth:sanctum, auth:api) found no valid token or session and, the request not asking for JSON, tried to redirect to the login route — which an API-only app does not define, so it answered 500 instead of 401',
      fix: 'Send the token (Authorization: Bearer …) and Accept: application/json, which makes Laravel answer {"message":"Unauthenticated."} with 401; or make Authenticate::redirectTo return null for API routes.',
    }),
    rule('invalid-credentials', 0.5, body(LARAVEL_NO_LOGIN_ROUTE), { why: 'a token the guard rejects (expired, revoked, another guard\'s) leads to the same redirect' }),
    rule('invalid-credentials', 0.45, body(/"message"\s*:\s*"Unauthenticated\."/)),
    rule('insufficient-permissions', 0.9, body(/This action is unauthorized\.|User does not have the right (roles|permissions)|(HttpException|AccessDeniedHttpException)(\s+in Application\.php line \d+:)?\s+Unauthorized action\.?/), { why: 'a Laravel Gate/Policy (or permission middleware) denied this user' }),
    rule('rate-limited', 0.95, body(/Too Many Attempts\./), { why: 'Laravel\'s throttle middleware refused the request' }),
    rule('signature-or-clock-skew', 0.92, body(/Invalid signature\./), { why: 'the signed URL\'s signature is invalid or expired (ValidateSignature)' }),
  ],
});

const SYMFONY_FULL_AUTH = /Full authentication is required to access this resource\./;

export const symfony = defineProducer({
  id: 'symfony', kind: 'framework', name: 'Symfony', family: 'symfony',
  own: [body(/"message"\s*:\s*"(JWT Token not found|Invalid JWT Token|Expired JWT Token|Invalid credentials\.|Invalid CSRF token\.)"|"detail"\s*:\s*"Access Denied\."|"hydra:description"\s*:\s*"Access Denied\."/),
    // InsufficientAuthenticationException's sentence ends with a period (Spring Security's has none); beside
    // HttpKernel's class (which Laravel's pages show too) the pair names Symfony
    body(SYMFONY_FULL_AUTH), all(body(SYMFONY_FULL_AUTH), body(/Symfony\\Component\\(HttpKernel|Security)\\/))],
  // LexikJWTAuthenticationBundle's own messages without their {"code":401,"message":…} envelope, as clients print the message
  // (its Resources/doc/index.rst, github.com/lexik/LexikJWTAuthenticationBundle/issues/520, …/issues/875)
  bodyOnly: [body(/(?:JWT Token not found|Expired JWT Token)(?<=(?:^|: |["']|\b[45]\d\d )(?:JWT Token not found|Expired JWT Token))\b/m)],
  presence: [hdr('x-debug-token'), hdr('x-debug-token-link')],
  causes: [
    rule('missing-credentials', 0.92, body(/JWT Token not found/), { why: 'LexikJWTAuthenticationBundle found no JWT (Authorization: Bearer)' }),
    rule('missing-credentials', 0.86, body(SYMFONY_FULL_AUTH), {
      why: 'Symfony\'s security saw an anonymous (or only remembered) user on a route that needs full authentication (InsufficientAuthenticationException): no token or session reached the firewall that guards this path',
      fix: 'Send the credential the firewall expects (a JWT in Authorization: Bearer, the session cookie) and check that the route is under the firewall that authenticates it (its pattern, stateless setting and authenticator).',
    }),
    rule('invalid-credentials', 0.92, body(/Invalid JWT Token|Expired JWT Token|"Invalid credentials\."/), { why: 'the JWT is invalid/expired or the login failed' }),
    rule('csrf', 0.9, body(/Invalid CSRF token\./), { why: 'Symfony\'s CSRF protection rejected the token', blocks: true }),
    rule('insufficient-permissions', 0.6, body(/Access Denied\./), { why: 'Symfony\'s access control (access_control, #[IsGranted], voters) denied this user' }),
  ],
});

export const springSecurity = defineProducer({
  id: 'spring-security', kind: 'framework', name: 'Spring Boot / Spring Security', family: 'spring',
  own: [
    // the exception class names of an authorization denial, as pasted from a stack trace or log (Spring Security 5: "Access is denied", 6: "Access Denied")
    body(/\borg\.springframework\.security\.(access\.AccessDeniedException|authorization\.AuthorizationDeniedException)\b/),
    body(/Whitelabel Error Page|Full authentication is required to access this resource(?!\.)|Invalid CSRF [Tt]oken|Could not verify the provided CSRF token|Expected CSRF token not found|^\s*\{\s*"timestamp"\s*:\s*"[^"]+"\s*,\s*"status"\s*:\s*\d{3}\s*,\s*"error"\s*:\s*"[^"]+"\s*,\s*("message"\s*:\s*"[^"]*"\s*,\s*)?"path"\s*:/)],
  presence: [hdr('x-application-context')],
  causes: [
    rule('csrf', 0.93, body(/Invalid CSRF [Tt]oken|Could not verify the provided CSRF token|Expected CSRF token not found/), { why: 'Spring Security\'s CsrfFilter rejected the request' }),
    rule('missing-credentials', 0.85, body(/Full authentication is required to access this resource/), { why: 'Spring Security saw an anonymous request to a protected URL' }),
    rule('insufficient-permissions', 0.86, body(/\borg\.springframework\.security\.(access\.AccessDeniedException|authorization\.AuthorizationDeniedException)\b/), {
      why: 'Spring Security\'s authorization (AuthorizationFilter / AccessDecisionManager, @PreAuthorize, @Secured) denied the authenticated user: AccessDeniedException',
      fix: 'Compare the rule (hasRole(\'X\') checks the authority ROLE_X, hasAuthority checks it verbatim) with the user\'s granted authorities; enable DEBUG logging for org.springframework.security.',
    }),
    rule('insufficient-permissions', 0.62, body(/"error"\s*:\s*"Forbidden"|Access is denied|type=Forbidden, status=403/), {
      why: 'Spring Security\'s default 403 body: authorisation (hasRole/hasAuthority) denied the user — or, for POST/PUT/DELETE without a CSRF token, the CSRF filter',
    }),
    rule('csrf', 0.42, all(status(403), body(/"error"\s*:\s*"Forbidden"|type=Forbidden, status=403/))),
    rule('missing-credentials', 0.55, all(status(401), body(/"error"\s*:\s*"Unauthorized"|type=Unauthorized, status=401/)), { why: 'Spring Security\'s entry point: no (valid) authentication' }),
  ],
  checklist: { server: 'Check the SecurityFilterChain (authorizeHttpRequests rules, csrf config) and enable DEBUG logging for org.springframework.security.' },
});

/** @nestjs/throttler's ThrottlerException message (its ThrottlerGuard). */
const NEST_THROTTLER = /\bThrottlerException: Too Many Requests\b/;

export const nestjs = defineProducer({
  id: 'nestjs', kind: 'framework', name: 'NestJS', family: 'nestjs',
  // "Forbidden resource" is the message of the ForbiddenException Nest throws when a guard's canActivate() returns false
  // with Nest's HttpException envelope ("error": "Forbidden" beside it) the pair outweighs other {statusCode, message} envelopes
  own: [body(/"message"\s*:\s*"Forbidden resource"/), all(body(/"message"\s*:\s*"Forbidden resource"/), body(/"error"\s*:\s*"Forbidden"/)), body(NEST_THROTTLER)],
  causes: [
    rule('insufficient-permissions', 0.82, body(/"message"\s*:\s*"Forbidden resource"/), {
      why: 'a NestJS guard (roles, permissions, policies) returned false for this request, so Nest answered with its default ForbiddenException',
      fix: 'Find the guards on the controller/handler (@UseGuards, global APP_GUARD) and check the roles/permissions metadata against the user on the request.',
    }),
    rule('rate-limited', 0.94, body(NEST_THROTTLER), {
      why: 'the app\'s @nestjs/throttler ThrottlerGuard counted more requests from this client (IP, or the tracker the app chose) than the route\'s limit within its ttl window',
      fix: 'Wait for the window (the Retry-After / Retry-After-<name> header) and slow down; behind a proxy the app must read the client IP from X-Forwarded-For or every user shares one bucket.',
    }),
    rule('missing-credentials', 0.4, body(/"message"\s*:\s*"Forbidden resource"/), { why: 'an authentication guard that returns false instead of throwing UnauthorizedException also answers "Forbidden resource" when no token was sent' }),
  ],
  checklist: { server: 'List the guards that run for this route (global, controller, handler) and log which one returns false.' },
});

export const express = defineProducer({
  id: 'express', kind: 'framework', name: 'Express (Node.js)', family: 'express',
  own: [body(/ForbiddenError: invalid csrf token|UnauthorizedError: (?!status_code)[\w ]+|Too many requests, please try again later\.|<pre>(Forbidden|Unauthorized)<\/pre>/i)],
  presence: [hdr('x-powered-by', /^Express$/i)],
  causes: [
    rule('csrf', 0.95, body(/invalid csrf token|EBADCSRFTOKEN/i), { why: 'the csurf / csrf-csrf middleware rejected the token' }),
    rule('missing-credentials', 0.9, body(/No authorization token was found|credentials_required/i), { why: 'the express-jwt middleware found no Authorization: Bearer token' }),
    rule('invalid-credentials', 0.9, body(/UnauthorizedError: (jwt expired|invalid signature|jwt malformed|invalid token)/i), { why: 'the express-jwt middleware rejected the token' }),
    rule('rate-limited', 0.93, body(/Too many requests, please try again later\./i), { why: 'the express-rate-limit middleware refused the request' }),
  ],
});

/** Flask-JWT-Extended's {"msg": …} answers and its exception classes (its invalid-token answers come with 422). */
const FLASK_JWT_MISSING = /"msg"\s*:\s*"Missing (Authorization Header|cookie \\?"\w+\\?"|JWT in headers or cookies[^"]*)"|\bflask_jwt_extended\.exceptions\.NoAuthorizationError\b/;
const FLASK_JWT_INVALID = /"msg"\s*:\s*"(Signature verification failed|Bad Authorization header\. Expected [^"]*)"|\bflask_jwt_extended\.exceptions\.(InvalidHeaderError|JWTDecodeError)\b/;

// Werkzeug's 403 says "the permission to access the requested resource"; Apache's multi-language page, "the requested object"
export const flask = defineProducer({
  id: 'flask', kind: 'framework', name: 'Flask / Werkzeug', family: 'flask',
  own: [body(FLASK_JWT_MISSING), body(FLASK_JWT_INVALID), body(/the permission to access the requested resource\. It is either read-protected or not readable by the server\.|The CSRF (session )?tokens? (is missing|do not match|has expired)|The server could not verify that you are authorized to access the URL requested\./)],
  presence: [hdr('server', /^Werkzeug/i)],
  causes: [
    rule('csrf', 0.95, body(/The CSRF (session )?tokens? (is missing|do not match|has expired)/), { why: 'Flask-WTF CSRFProtect rejected the request', blocks: true }),
    rule('missing-credentials', 0.9, body(FLASK_JWT_MISSING), {
      blocks: true, why: 'Flask-JWT-Extended\'s @jwt_required found no token in the locations JWT_TOKEN_LOCATION allows (the Authorization: Bearer header by default; query string, cookies or JSON body only when enabled)',
      fix: 'Send Authorization: Bearer <access token>, or add the location you use to JWT_TOKEN_LOCATION (cookies also need the CSRF double-submit header on unsafe methods).',
    }),
    rule('invalid-credentials', 0.9, body(FLASK_JWT_INVALID), {
      blocks: true, why: 'Flask-JWT-Extended rejected the token: expired, signed with another JWT_SECRET_KEY (a restart with a new key, another environment), or not a JWT at all (it answers 422 for a token it cannot decode)',
      fix: 'Log in again (or use the refresh token) and check that every instance signs and verifies with the same JWT_SECRET_KEY.',
    }),
    rule('insufficient-permissions', 0.45, body(/It is either read-protected or not readable by the server/), { why: 'Werkzeug\'s default 403 page: the view called abort(403) — an app permission check, or a file it cannot read', template: true }),
    rule('directory-listing-or-filesystem', 0.3, body(/It is either read-protected or not readable by the server/), { template: true }),
    rule('missing-credentials', 0.6, body(/The server could not verify that you are authorized to access the URL requested/), { why: 'Werkzeug\'s default 401 page: the view requires login/credentials', template: true }),
  ],
});

export const authlib = defineProducer({
  id: 'authlib', kind: 'framework', name: 'Authlib (OAuth 2 resource server)', family: 'authlib',
  own: [body(/The access token provided is expired, revoked, malformed, or invalid for other reasons\.|The request requires higher privileges than provided by the access token\.|Missing \\?"Authorization\\?" in headers\./)],
  causes: [
    rule('invalid-credentials', 0.92, body(/The access token provided is expired, revoked, malformed, or invalid/), { why: 'the OAuth 2 resource server rejected the access token (invalid_token)' }),
    rule('insufficient-permissions', 0.92, body(/requires higher privileges than provided by the access token/), { why: 'the token lacks the scope this resource requires (insufficient_scope)' }),
    rule('missing-credentials', 0.92, body(/Missing \\?"Authorization\\?" in headers|"error"\s*:\s*"missing_authorization"/), { why: 'no Authorization header was sent' }),
  ],
});

export const fastapi = defineProducer({
  id: 'fastapi', kind: 'framework', name: 'FastAPI / Starlette', family: 'fastapi',
  own: [body(/^\s*\{\s*"detail"\s*:\s*"(Not authenticated|Could not validate credentials|Not enough permissions|Inactive user|Invalid authentication credentials|Forbidden|Invalid token or expired token\.?)"\s*\}\s*$/)],
  presence: [hdr('server', /^(uvicorn|hypercorn)$/i)],
  causes: [
    rule('missing-credentials', 0.9, body(/"detail"\s*:\s*"Not authenticated"/), { why: 'FastAPI\'s security dependency (OAuth2PasswordBearer/HTTPBearer/APIKeyHeader) found no credential; older versions answer 403 for this' }),
    rule('invalid-credentials', 0.88, body(/"detail"\s*:\s*"(Could not validate credentials|Invalid authentication credentials|Invalid token or expired token\.?)"/), { why: 'the app\'s token check rejected the credential' }),
    rule('insufficient-permissions', 0.85, body(/"detail"\s*:\s*"(Not enough permissions|Forbidden)"/), { why: 'the app\'s permission check refused this user' }),
    rule('account-or-plan-restriction', 0.8, body(/"detail"\s*:\s*"Inactive user"/), { why: 'the user account is inactive' }),
  ],
});

/** Microsoft.IdentityModel's token validation messages (JwtBearer, OpenID Connect handlers): "IDX10223: Lifetime validation failed…". */
const IDX_TOKEN = /\bIDX10(2(0[5-9]|1\d|2[0-5])|5\d\d): [A-Z]/;
const IDX_NOT_YET_VALID = /\bIDX10222: Lifetime validation failed\. The token is not yet valid/;

export const aspnetCore = defineProducer({
  id: 'aspnet-core', kind: 'framework', name: 'ASP.NET Core', family: 'aspnet',
  own: [body(/"type"\s*:\s*"https:\/\/tools\.ietf\.org\/html\/rfc(7231|9110)#section-[\d.]+"[\s\S]{0,200}"traceId"|"traceId"\s*:\s*"00-[0-9a-f]{32}-[0-9a-f]{16}-0\d"|antiforgery (cookie|token)|\.AspNetCore\.Antiforgery/i), hdr('www-authenticate', /Bearer error="invalid_token", error_description="The (token expired at|signature key was not found|signature is invalid|audience|issuer)/i), body(IDX_TOKEN)],
  presence: [hdr('server', /^Kestrel$/i)],
  causes: [
    rule('csrf', 0.95, body(/antiforgery (cookie|token)|\.AspNetCore\.Antiforgery|AntiforgeryValidationException/i), { why: 'ASP.NET Core antiforgery validation failed (token or cookie missing/mismatched)', blocks: true }),
    rule('invalid-credentials', 0.9, hdr('www-authenticate', /error_description="The (token expired|signature key was not found|signature is invalid|audience [^"]* is invalid|issuer [^"]* is invalid)/i), { why: 'JwtBearer rejected the token (see error_description)' }),
    rule('signature-or-clock-skew', 0.9, body(IDX_NOT_YET_VALID), {
      why: 'the token\'s nbf (valid from) is still in the future for this server: its clock runs behind the token issuer\'s (IDX10222)',
      fix: 'Sync the server clock (NTP); a little ClockSkew in TokenValidationParameters absorbs small drifts.',
    }),
    rule('invalid-credentials', 0.88, all(body(IDX_TOKEN), not(body(IDX_NOT_YET_VALID))), {
      why: 'ASP.NET Core\'s bearer handler (Microsoft.IdentityModel) rejected the token: IDX10223 expired, IDX10214/10206 an audience the API does not accept, IDX10205 another issuer, IDX105xx a signature no known key verifies',
      fix: 'Compare the token\'s exp, aud and iss (jwt.ms) with the API\'s TokenValidationParameters (ValidAudience, Authority/ValidIssuer); get a fresh token for this API\'s audience.',
    }),
    rule('insufficient-permissions', 0.5, all(status(403), body(/"title"\s*:\s*"Forbidden"/)), { why: 'an authorization policy/role requirement failed for the authenticated user' }),
    rule('missing-credentials', 0.55, all(status(401), body(/"title"\s*:\s*"Unauthorized"/)), { why: 'no authentication scheme authenticated the request' }),
  ],
});

/** ASP.NET Web API 2's AuthorizeAttribute answer (JSON or XML formatter, the period sometimes dropped). */
const WEBAPI_DENIED = /Authorization has been denied for this request\b/;
/** System.Web.Mvc / WebPages anti-forgery validation, its hyphenated wording (ASP.NET Core writes "antiforgery"). */
const MVC_ANTIFORGERY = /The required anti-forgery (form field|cookie) "__RequestVerificationToken" is not present|The anti-forgery cookie token and form field token do not match|The provided anti-forgery token was meant for (a different claims-based user|user ")|System\.Web\.Mvc\.HttpAntiForgeryException/;

export const aspnet = defineProducer({
  id: 'aspnet', kind: 'framework', name: 'ASP.NET (.NET Framework: MVC / Web API)', family: 'aspnet',
  own: [body(WEBAPI_DENIED), body(MVC_ANTIFORGERY)],
  presence: [hdr('x-aspnetmvc-version')],
  causes: [
    rule('csrf', 0.93, body(MVC_ANTIFORGERY), {
      blocks: true, why: 'ASP.NET MVC\'s ValidateAntiForgeryToken refused the POST: the __RequestVerificationToken hidden field or its cookie was missing (stripped by a proxy, a module or a page built without @Html.AntiForgeryToken()) or they do not match (another user\'s or session\'s token)',
      fix: 'Render @Html.AntiForgeryToken() in the form and post it with the cookie from the same session; for AJAX send the token in the form data or a header your filter reads.',
    }),
    rule('missing-credentials', 0.62, body(WEBAPI_DENIED), {
      blocks: true, why: 'ASP.NET Web API\'s [Authorize] found no authenticated user: no bearer token or cookie reached it, or the OWIN middleware did not accept the one sent (it answers the same 401 either way)',
      fix: 'Get a token from the app\'s token endpoint (/Token in the Web API template) and send it as Authorization: Bearer; with Azure AD check the token\'s audience and issuer match the API\'s settings.',
    }),
    rule('invalid-credentials', 0.5, body(WEBAPI_DENIED), { why: 'a token the OWIN bearer middleware rejects (expired, another audience or issuer) leaves the request anonymous and reads the same' }),
    rule('insufficient-permissions', 0.35, body(WEBAPI_DENIED), { why: '[Authorize(Roles = …)] answers the same 401 for a signed-in user without the role' }),
  ],
  checklist: { server: 'Check the [Authorize] attributes (roles, users) on the controller and action, and the OWIN authentication middleware registered in Startup.' },
});

/** @fastify/jwt's refusals: its messages and FST_JWT_* codes, fast-jwt's FAST_JWT_* codes, its node_modules frames. */
const FASTIFY_JWT_MISSING = /No Authorization was found in request\.(headers|cookies)|\bFST_JWT_NO_AUTHORIZATION_IN_(HEADER|COOKIE)\b/;
const FASTIFY_JWT_INVALID = /\bFST_JWT_(AUTHORIZATION_TOKEN_(EXPIRED|INVALID|UNTRUSTED)|BAD_REQUEST)\b|"code"\s*:\s*"FAST_JWT_[A-Z_]+"|Authorization token (expired|is invalid)/;

export const fastify = defineProducer({
  id: 'fastify', kind: 'framework', name: 'Fastify (Node.js)', family: 'fastify',
  own: [body(FASTIFY_JWT_MISSING), body(/\bFST_JWT_\w+|"code"\s*:\s*"FAST_JWT_[A-Z_]+"|[\\/]node_modules[\\/]@fastify[\\/]jwt[\\/]/)],
  causes: [
    rule('missing-credentials', 0.9, body(FASTIFY_JWT_MISSING), {
      blocks: true, why: 'the app\'s @fastify/jwt (request.jwtVerify() in a hook or route) found no token in the Authorization header (or the cookie it is configured to read)',
      fix: 'Send Authorization: Bearer <token>; routes that should stay public (health checks, favicon) must skip the hook that calls jwtVerify().',
    }),
    rule('invalid-credentials', 0.86, all(body(FASTIFY_JWT_INVALID), not(body(FASTIFY_JWT_MISSING))), {
      blocks: true, why: '@fastify/jwt (fast-jwt) rejected the token: expired, signed with another secret or key, or missing a claim the verifier requires (iss, aud) — an unmapped fast-jwt code comes back as a 500',
      fix: 'Get a fresh token from the issuer this app trusts and compare its claims (iss, aud, exp) with the plugin\'s verify options.',
    }),
  ],
});

export const nextjs = defineProducer({
  id: 'nextjs', kind: 'framework', name: 'Next.js', family: 'nextjs',
  own: [body(/__next_error__|\/_next\/static|"__NEXT_DATA__"/)],
  presence: [hdr('x-powered-by', /^Next\.js$/i), hdr('x-nextjs-cache'), hdr('x-nextjs-prerender'), hdr('x-middleware-rewrite')],
  causes: [rule('insufficient-permissions', 0.35, all(status(403), hdr('x-powered-by', /Next\.js/i)), { why: 'a Next.js middleware or route handler returned 403 (app-level check)' })],
});

/** Plug's CSRF refusal (Phoenix answers it with 403): its exception class or its message, old or new wording. */
const PLUG_CSRF = /Plug\.CSRFProtection\.InvalidCSRFTokenError|invalid CSRF \(Cross Site Request Forgery\) token, (please )?make sure/;

export const phoenix = defineProducer({
  id: 'phoenix', kind: 'framework', name: 'Phoenix / Plug (Elixir)', family: 'phoenix',
  own: [body(PLUG_CSRF)],
  causes: [
    rule('csrf', 0.95, body(PLUG_CSRF), {
      blocks: true, why: 'Plug.CSRFProtection (protect_from_forgery in a Phoenix pipeline) found no valid CSRF token for this session: the session cookie was not sent or was reset, or the request carried no _csrf_token param or x-csrf-token header',
      fix: 'Send the session cookie with the token rendered for that session (get_csrf_token/0 as the x-csrf-token header or _csrf_token param); API routes belong in a pipeline without :protect_from_forgery.',
    }),
  ],
});

/** CodeIgniter's CSRF refusal: CodeIgniter 3 "The action you have requested…", 4 "The action you requested…", and its classes in logs. */
const CI_CSRF = /The action you (have )?requested is not allowed\.|SecurityException::forDisallowedAction|CI_Security->csrf_(show_error|verify)/;
/** CodeIgniter 4's shorter sentence is anyone's: it names CodeIgniter only beside its classes. */
const CI_OWN = /The action you have requested is not allowed\.|SecurityException::forDisallowedAction|CI_Security->csrf_(show_error|verify)/;

export const codeigniter = defineProducer({
  id: 'codeigniter', kind: 'framework', name: 'CodeIgniter', family: 'codeigniter',
  own: [body(CI_OWN)],
  presence: [cookie(/^(ci_session|csrf_cookie_name)=/)],
  causes: [
    rule('csrf', 0.92, body(CI_CSRF), {
      blocks: true, why: 'CodeIgniter\'s CSRF protection refused the POST: the token field (csrf_test_name by default) or its cookie was missing, expired or regenerated since the form was rendered',
      fix: 'Post the current csrf token name/hash with the csrf cookie (or the X-CSRF-TOKEN header in CodeIgniter 4); exclude API routes with csrf_exclude_uris / the filter\'s except list.',
    }),
  ],
});

/** gorilla/csrf's default failure handler: "Forbidden - <reason>" as plain text. */
const GORILLA_CSRF = /^\s*Forbidden - (CSRF token (invalid|not found)|referer (invalid|not supplied)|origin invalid|fetch metadata invalid)\s*$/m;

export const gorillaCsrf = defineProducer({
  id: 'gorilla-csrf', kind: 'framework', name: 'gorilla/csrf (Go)', family: 'gorilla',
  own: [body(GORILLA_CSRF)],
  presence: [cookie(/^_gorilla_csrf=/)],
  causes: [
    rule('csrf', 0.93, body(GORILLA_CSRF), {
      blocks: true, why: 'the Go app\'s gorilla/csrf middleware refused the unsafe request: no matching _gorilla_csrf cookie and token (a Secure cookie is never sent back over plain HTTP), or an Origin/Referer it does not trust',
      fix: 'Send the _gorilla_csrf cookie with the X-CSRF-Token header from the same session; behind a proxy or on another origin add it to csrf.TrustedOrigins; over plain HTTP in development use csrf.Secure(false).',
    }),
  ],
});
