import { all, any, body, cookie, hdr, status } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { onPage } from './page';
import { defineProducer } from './define';

/**
 * Rack::Protection (Sinatra, Padrino, Sidekiq Web, any Rack app): a denied request gets a bare "Forbidden" and the app
 * logs "attack prevented by Rack::Protection::<Module>" (or "attack reported by" with reaction: :report) — the line users
 * paste. Sources: padrino/padrino-framework#1113 (AuthenticityToken), pact-foundation/pact_broker#108 and
 * minad/olelo#98 (HttpOrigin behind a proxy), sinatra/rack-protection#76 (RemoteToken, report reaction).
 */
const RP_LINE = /attack (prevented|reported) by Rack::Protection::(\w{2,30})/;
const RP_CSRF = /attack (prevented|reported) by Rack::Protection::(AuthenticityToken|RemoteToken|FormToken|JsonCsrf|RemoteReferrer|ReferrerPolicy)\b/;
const RP_ORIGIN = /attack (prevented|reported) by Rack::Protection::HttpOrigin\b/;

const rackProtection = defineProducer({
  id: 'rack-protection', kind: 'framework', name: 'Rack::Protection (Sinatra, Padrino)', family: 'rack-protection',
  own: [body(RP_LINE)],
  causes: [
    rule('csrf', 0.94, body(RP_CSRF), {
      blocks: true, why: 'Rack::Protection\'s CSRF check refused the unsafe request: no authenticity_token param or X-CSRF-Token header matching the session\'s token (a session cookie not sent back, a form rendered for another session, or a token the app never rendered)',
      fix: 'Render the session\'s token into the form (authenticity_token) or send it as X-CSRF-Token with the session cookie; for a pure API route, exempt it from AuthenticityToken.',
    }),
    rule('csrf', 0.92, body(RP_ORIGIN), {
      blocks: true, why: 'Rack::Protection::HttpOrigin refused a POST/PUT whose Origin header is not the app\'s own base URL — typically behind a TLS-terminating proxy (the browser sends https://, the app sees http://) or from a tool that sends another Origin',
      fix: 'Forward the scheme and host (X-Forwarded-Proto/Host) from the proxy, or add the origin to the protection\'s permitted_origins (or drop HttpOrigin where a token check already runs).',
    }),
    rule('waf-or-bot-block', 0.6, body(RP_LINE), {
      blocks: true, why: 'one of Rack::Protection\'s attack filters (IP spoofing headers, session hijacking, escaped params…) took the request for an attack and refused it with "Forbidden"',
      fix: 'The module named in the log line says which header or parameter it disliked; send consistent X-Forwarded-For/Client-IP headers and the same User-Agent within a session.',
    }),
  ],
});

/**
 * Echo (Go, labstack): its HTTPError answers {"message":"…"} and logs "code=403, message=…"; its middlewares' own
 * words: CSRF "missing csrf token in (the) request header / form parameter / query string", "invalid csrf token" and
 * (4.15) "cross-site request blocked by CSRF"; echo-jwt "missing or malformed jwt" / "invalid or expired jwt". Sources:
 * labstack/echo#2514, labstack/echo#2549, temporalio/ui#3874, labstack/echo#1552, labstack/echo-jwt#13.
 */
const ECHO_CSRF = /missing csrf token in (the )?(request header|form( parameter)?|query( string| param)?|cookie)|cross-site request blocked by CSRF/;
const ECHO_JWT = /missing or malformed jwt|invalid or expired jwt/;
const ECHO_OWN = /"message"\s*:\s*"(missing csrf token in (the )?(request header|form( parameter)?|query( string| param)?|cookie)|cross-site request blocked by CSRF|missing or malformed jwt|invalid or expired jwt)"|code=(400|401|403), message=(missing csrf token|cross-site request blocked|invalid csrf token|missing or malformed jwt|invalid or expired jwt)/;
/** Its bare envelope with the sentence csurf shares: Echo's only when the body is nothing else. */
const ECHO_ENVELOPE = /^\s*\{\s*"message"\s*:\s*"(invalid csrf token|missing csrf token[^"]{0,40})"\s*\}\s*$/;

const labstackEcho = defineProducer({
  id: 'labstack-echo', kind: 'framework', name: 'Echo (Go)', family: 'labstack-echo',
  own: [body(ECHO_OWN)],
  bodyOnly: [body(ECHO_ENVELOPE), body(ECHO_CSRF), body(ECHO_JWT)],
  causes: [
    rule('csrf', 0.93, any(body(ECHO_CSRF), body(/"message"\s*:\s*"invalid csrf token"|message=invalid csrf token/)), {
      blocks: true, why: 'Echo\'s CSRF middleware refused the unsafe request: the token it looks up (TokenLookup: a header such as X-CSRF-Token, a form field or a query param) is missing or does not match the _csrf cookie, or (Echo 4.15+) Sec-Fetch-Site says the request is cross-site',
      fix: 'Send the _csrf cookie with the same token where TokenLookup expects it (header:X-CSRF-Token by default); cross-site callers must be allowed by the middleware\'s AllowSecFetchSiteFunc or Skipper.',
    }),
    rule('missing-credentials', 0.9, body(/missing or malformed jwt/), {
      blocks: true, why: 'Echo\'s JWT middleware found no token where it looks (Authorization: Bearer … by default, or the configured header, query param or cookie) or one that is not a JWT at all',
      fix: 'Send "Authorization: Bearer <jwt>" (the scheme word and one space) or put the token where the middleware\'s TokenLookup says.',
    }),
    rule('invalid-credentials', 0.92, body(/invalid or expired jwt/), {
      blocks: true, why: 'Echo\'s JWT middleware could not verify the token: expired, signed with another key or algorithm than the server\'s SigningKey, or not yet valid',
      fix: 'Get a fresh token; if fresh tokens fail too, the issuer and the server disagree on the signing key or algorithm.',
    }),
  ],
});

/**
 * Yii 2 (PHP): its REST error envelope {"name":"Forbidden","message":…,"code":0,"status":403,"type":"yii\\web\\
 * ForbiddenHttpException"}, its HTML error view "Forbidden (#403)", and the exceptions in its logs
 * ("[yii\web\HttpException:400] yii\web\BadRequestHttpException: Unable to verify your data submission."). Sources:
 * dektrium/yii2-rbac#93, yii-starter-kit/yii2-starter-kit#635, yiisoft/yii2#19166, yiisoft/yii2#12049,
 * yiisoft/yii2#13822.
 */
const YII_CLASS = /\byii ?\\{1,2} ?web ?\\{1,2} ?(Forbidden|Unauthorized|BadRequest|TooManyRequests|MethodNotAllowed|NotFound|)HttpException\b/;
const YII_VIEW = /\b(Forbidden|Unauthorized|Bad Request|Too Many Requests) \(# ?(40[01]|403|429) ?\)/;

const yii = defineProducer({
  id: 'yii', kind: 'framework', name: 'Yii Framework', family: 'yii',
  own: [body(YII_CLASS), body(/\byiisoft\/yii2\/(web|filters)\/\w{3,30}\.php\b/)],
  bodyOnly: [onPage(YII_VIEW)],
  causes: [
    rule('csrf', 0.94, body(/Unable to verify your data submission\./), {
      blocks: true, why: 'Yii refused the POST because its CSRF check failed (BadRequestHttpException, "Bad Request (#400)"): the _csrf field or X-CSRF-Token header does not match the token in the session or _csrf cookie — a stale form, a blocked or cross-domain cookie, or a session lost between servers',
      fix: 'Send the token from the page\'s csrf-token meta (as _csrf or the X-CSRF-Token header) with the cookies of the same session; for an API controller set enableCsrfValidation = false.',
    }),
    rule('insufficient-permissions', 0.9, any(body(/You are not allowed to perform this action ?\./), all(body(/Forbidden(HttpException| \(# ?403 ?\))/), any(body(YII_CLASS), onPage(YII_VIEW)))), {
      why: 'Yii\'s access control (AccessControl filter or an RBAC check) denied this action to the logged-in user: no rule allows this user, role or permission here (ForbiddenHttpException)',
      fix: 'Give the user the role or permission the action\'s access rule names (the RBAC assignment), or log in as a user who has it.',
    }),
    rule('missing-credentials', 0.85, body(/\bLogin Required\b/), { why: 'Yii needs a logged-in user for this action and has no login URL to send you to (User::loginRequired)', fix: 'Log in first, or send the API\'s credentials (a bearer token or access-token) with the request.' }),
    rule('invalid-credentials', 0.9, body(/Your request was made with invalid credentials\./), { why: 'Yii\'s auth filter (HttpBearerAuth, QueryParamAuth or HttpBasicAuth) found no user for the credentials sent', fix: 'Send a valid access token the way the API expects it (Authorization: Bearer …, or ?access-token=).' }),
    rule('rate-limited', 0.9, body(/Rate limit exceeded\./), { why: 'Yii\'s RateLimiter filter refused the request: the user\'s allowance is used up (X-Rate-Limit-Remaining: 0)', fix: 'Wait for X-Rate-Limit-Reset seconds and slow down.' }),
  ],
});

/**
 * Play Framework (Scala/Java): its CSRF filter logs "[CSRF] Check failed because no token found in headers for /path"
 * (or "no or invalid token found in body", "Check failed with NoTokenInBody") and its default handler answers 403 with a
 * short text such as "No CSRF token found in headers"; sessions ride the PLAY_SESSION cookie. Sources:
 * playframework/playframework#11365, playframework/play-scala-fileupload-example#33, guardian/subscriptions-frontend#60.
 */
const PLAY_CSRF_LOG = /\[CSRF\] Check failed (because|with) [^\n]{0,80}/;
const PLAY_CSRF_TEXT = /\bNo CSRF token found in (headers|body)\b/;

const playFramework = defineProducer({
  id: 'play-framework', kind: 'framework', name: 'Play Framework', family: 'play',
  own: [body(PLAY_CSRF_LOG)],
  bodyOnly: [body(PLAY_CSRF_TEXT)],
  presence: [cookie(/^PLAY_SESSION=/)],
  causes: [
    rule('csrf', 0.93, any(body(PLAY_CSRF_LOG), body(PLAY_CSRF_TEXT)), {
      blocks: true, why: 'Play\'s CSRF filter refused the request: it carries cookies (or an Authorization header) but no csrfToken in the form body or Csrf-Token header matching the session\'s token — a form rendered without @CSRF.formField, a token from another session, or an API client sending cookies',
      fix: 'Render the token into the form (@CSRF.formField / CSRF.getToken) or send it as the Csrf-Token header with the PLAY_SESSION cookie; exempt API routes with +nocsrf in the routes file or play.filters.csrf settings.',
    }),
  ],
});

/**
 * IBM WebSphere (traditional) and Liberty / Open Liberty: their container's authorization failure, as the server log and
 * the users who paste it word it: "CWWKS9104A: Authorization failed for user … while invoking … on …. The user is not
 * granted access to any of the required roles: …" (Liberty) and "SECJ0129E: Authorization failed for user …"
 * (traditional). Sources: zowe/docs-site#80, the Open Liberty wiki's Message ID Mapping.
 */
const WAS_AUTHZ = /\b(CWWKS9104A|SECJ0129E): Authorization failed for user\b/;

const websphere = defineProducer({
  id: 'websphere-liberty', kind: 'framework', name: 'IBM WebSphere / Open Liberty', family: 'websphere',
  own: [body(WAS_AUTHZ), body(/\bSRVE0190E: File not found\b/)],
  causes: [
    rule('insufficient-permissions', 0.93, body(WAS_AUTHZ), {
      blocks: true, why: 'the WebSphere/Liberty container authenticated the user but the user is in none of the security roles the application requires for this URL or bean method (the message names the roles)',
      fix: 'Map the user or one of its groups to a required role (application-bnd / security-role in server.xml, or the admin console\'s role mapping) — group membership in the registry alone is not enough.',
    }),
  ],
});

/**
 * Tengine (Alibaba's nginx fork, in front of Alibaba, AliExpress and many Chinese sites): its default error page adds a
 * server_info table — "Sorry for the inconvenience. Please report this message and include the following information
 * to us. Thank you very much!" with URL, Server and Date — and "Powered by Tengine". Sources:
 * alibaba/tengine src/http/ngx_http_special_response.c, alibaba/tengine#1725, alibaba/tengine#1972.
 */
const TENGINE_PAGE = /Sorry for the inconvenience\.(<br\/>)?\s{0,4}Please report this message and include the following information to us\.|<hr\/>Powered by Tengine\b|\bPowered by Tengine(\/[\d.]+)?\s*$/;
const TENGINE_403 = /You don't have permission to access the URL on this server\./;
const T_PAGE = any(body(TENGINE_PAGE), body(TENGINE_403));
const T_IDENTICAL = 'Tengine serves the same 403 page for a deny/allow rule on the client address, a blocked location or method, a directory without an index file and a file the worker cannot read; the page alone cannot tell them apart';
const T_FIX = 'Check the Tengine/nginx error log for this request: "access forbidden by rule" (deny), "directory index of … is forbidden" (missing index) or "Permission denied" (file mode/owner) — each names the fix.';

const tengine = defineProducer({
  id: 'tengine', kind: 'web-server', name: 'Tengine', family: 'nginx',
  own: [body(TENGINE_PAGE)],
  bodyOnly: [body(TENGINE_403)],
  presence: [hdr('server', /^Tengine\b/i)],
  causes: [
    rule('ip-or-geo-blocked', 0.36, all(status(403), T_PAGE), { why: T_IDENTICAL, fix: T_FIX, template: true }),
    rule('method-or-path-blocked', 0.34, all(status(403), T_PAGE), { why: T_IDENTICAL, fix: T_FIX, template: true }),
    rule('directory-listing-or-filesystem', 0.33, all(status(403), T_PAGE), { why: T_IDENTICAL, fix: T_FIX, template: true }),
  ],
  checklist: { server: 'Check deny/allow and return 403 in the matching location, autoindex and index for directories, and that the worker user can read the file.' },
});

/** Web frameworks and application servers not covered by frameworks.producer.ts (filled by family). */
export const FRAMEWORK_PRODUCERS_2: Producer[] = [rackProtection, labstackEcho, yii, playFramework, websphere, tengine];
