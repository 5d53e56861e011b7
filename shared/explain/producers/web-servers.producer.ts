import type { CauseRule } from '../types';
import type { Matcher } from '../match';
import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

const IDENTICAL = 'serves the same 403 page for a deny/allow rule on the client address, a blocked location or method, a directory without an index file (listing off) and a file the worker cannot read; the page alone cannot tell them apart';

/** The ambiguous default 403 page of a web server: rank every cause it may stand for. */
function identical403(name: string, page: Matcher, extra = ''): CauseRule[] {
  const when = all(status(403), page);
  const why = `${name} ${IDENTICAL}${extra}`;
  const fix = 'Check the server error log for this request: "access forbidden by rule" (deny / Require), "directory index of … is forbidden" / "Cannot serve directory" (missing index), or "Permission denied" (file mode/owner) — each names the fix.';
  return [
    rule('ip-or-geo-blocked', 0.36, when, { why, fix, template: true }),
    rule('method-or-path-blocked', 0.34, when, { why, fix, template: true }),
    rule('directory-listing-or-filesystem', 0.33, when, { why, fix, template: true }),
    rule('insufficient-permissions', 0.15, when, { template: true }),
  ];
}

const basic401 = (page: Matcher, name: string): CauseRule[] => [
  rule('missing-credentials', 0.68, all(status(401), page), { why: `${name} basic/digest authentication wants a user and password for this location`, template: true }),
  rule('invalid-credentials', 0.5, all(status(401), page), { template: true }),
];

const NGINX_PAGE = /<center>nginx(\/[\d.]+)?<\/center>|^\s*\d{3} [A-Z][\w ]+\s+(\d{3} [A-Z][\w ]+\s+)?nginx(\/[\d.]+)?\s*$/;
const OPENRESTY_PAGE = /<center>openresty(\/[\d.]+)?<\/center>|^\s*\d{3} [A-Z][\w ]+\s+(\d{3} [A-Z][\w ]+\s+)?openresty(\/[\d.]+)?\s*$/;
const NGINX_CHECKLIST = {
  server: 'Check `deny`/`allow` and `return 403` in the matching location, `autoindex` and `index` for directories, and that the worker user (user directive) can read the file.',
  logging: 'nginx error.log says "access forbidden by rule", "directory index of … is forbidden" or "(13: Permission denied)".',
};

export const nginx = defineProducer({
  id: 'nginx', kind: 'web-server', name: 'nginx', family: 'nginx',
  own: [body(NGINX_PAGE)],
  presence: [hdr('server', /^nginx/i)],
  causes: [
    ...identical403('nginx', body(NGINX_PAGE)),
    ...basic401(body(NGINX_PAGE), 'nginx'),
    rule('rate-limited', 0.9, all(status(429, 503), body(NGINX_PAGE), any(status(429), hdr('retry-after'))), { why: 'the nginx limit_req/limit_conn modules rejected the request', template: true }),
  ],
  checklist: NGINX_CHECKLIST,
});

export const openresty = defineProducer({
  id: 'openresty', kind: 'web-server', name: 'OpenResty', family: 'nginx',
  own: [body(OPENRESTY_PAGE)],
  presence: [hdr('server', /^openresty/i)],
  causes: [...identical403('OpenResty', body(OPENRESTY_PAGE), ' (and Lua access_by_lua code can return it too)'), ...basic401(body(OPENRESTY_PAGE), 'OpenResty')],
  checklist: NGINX_CHECKLIST,
});

const APACHE_403 = /You don't have permission to access (this resource|\/[^\s<"]*\s+on this server)/;
const APACHE_401 = /This server could not verify that you\s+are authorized to access the document\s+requested/;
/**
 * Apache's multi-language error document (docs/error/HTTP_FORBIDDEN.html.var, the "Access forbidden!" page of
 * XAMPP and many distributions): its directory wording for a URL ending in "/", its object wording otherwise.
 */
const APACHE_MULTILANG_DIR = /You don't have permission to access the requested directory\.\s+There is either no index document or the directory is read-protected\./;
const APACHE_MULTILANG_OBJECT = /You don't have permission to access the requested object\.\s+It is either read-protected or not readable by the server\./;

/**
 * Fragments of the same pages: the head ap_send_error_response writes (an HTML 2.0 doctype, then title and h1 on their own
 * lines), cut before its sentence; the multi-language page's headline and first sentence. Sources: github.com/apache/httpd
 * modules/http/http_protocol.c (ap_send_error_response), docs/error/HTTP_FORBIDDEN.html.var, corpus apache-httpd/.
 */
const APACHE_FRAGMENT = /^\s*<!DOCTYPE HTML PUBLIC "-\/\/IETF\/\/DTD HTML 2\.0\/\/EN">\s*<html><head>\s*<title>\d{3} [^<]{2,60}<\/title>\s*<\/head><body>\s*<h1>|Access forbidden!\s+You don't have permission to access the requested (directory|object)\./;

export const apacheHttpd = defineProducer({
  id: 'apache-httpd', kind: 'web-server', name: 'Apache HTTP Server', family: 'apache',
  own: [body(APACHE_403), body(APACHE_401), body(APACHE_MULTILANG_DIR), body(APACHE_MULTILANG_OBJECT), body(/<address>Apache(\/[\d.]+)?[^<]* Server at [^<]+ Port \d+<\/address>|Apache(\/[\d.]+)? \([\w ]+\) Server at \S+ Port \d+/)],
  bodyOnly: [body(APACHE_FRAGMENT)],
  presence: [hdr('server', /^Apache(\/[\d.]+)?( \(|$)/)],
  causes: [
    // the note Apache adds to its stock 403 when it cannot read a directory's .htaccess (server/config.c)
    rule('directory-listing-or-filesystem', 0.85, body(/Server unable to read htaccess file, denying access to be safe/), {
      why: 'Apache could not read the .htaccess of a directory on the path (file or directory permissions for the server\'s user), so it refused rather than ignore its rules',
      fix: 'Make the directories searchable (755) and .htaccess readable (644) by the Apache user; a read-only or wrongly owned mount does the same.',
    }),
    ...identical403('Apache httpd', body(APACHE_403)),
    rule('directory-listing-or-filesystem', 0.72, body(APACHE_MULTILANG_DIR), {
      why: 'Apache refused a directory URL: its page says there is no index document (DirectoryIndex) and listing is off (Options -Indexes), or the directory is read-protected for the server\'s user',
      fix: 'Request the file or folder that holds the index (a framework\'s public/ folder), add the index file, or fix the directory\'s permissions; a Require rule on the directory answers the same, so check the error log line.',
    }),
    // the object wording names a file the server cannot read first; Require rules answer with it too
    rule('directory-listing-or-filesystem', 0.45, all(status(403), body(APACHE_MULTILANG_OBJECT)), {
      why: 'Apache\'s page says the requested file is read-protected or not readable by the server (file or folder permissions for the Apache user, or a Require rule — XAMPP\'s "Require local" answers the same)',
      fix: 'Check the error log: "Permission denied" (make the file and its folders readable by the Apache user) or "AH01630: client denied by server configuration" (a Require rule).', template: true,
    }),
    ...identical403('Apache httpd', body(APACHE_MULTILANG_OBJECT)),
    rule('missing-credentials', 0.65, body(APACHE_401), { why: 'Apache basic/digest auth (Require valid-user) did not get valid credentials', template: true }),
    rule('invalid-credentials', 0.5, body(APACHE_401), { template: true }),
  ],
  checklist: {
    server: 'Check `Require` (all denied / ip / host), `Options -Indexes` with no DirectoryIndex file, and file permissions for www-data.',
    logging: 'Apache error.log says "AH01630: client denied by server configuration", "AH01276: Cannot serve directory" or "Permission denied".',
  },
});

/** IIS's detailed-error heading in a localized Windows ("HTTP 错误 403.14 - Forbidden", "Erreur HTTP 403.14 - …"): the substatus names IIS. */
const IIS_LOCALIZED = /(\bHTTP ?(错误|錯誤|エラー|오류)|\bHTTP-(Fehler|fout|fejl|feil)|\b(Erreur|Error|Errore|Erro|Ошибка|Błąd|Hata) HTTP) \d{3}\.\d+ ?[-–] /;
/** IIS 5/6's 401.2 page: the client offered no authentication scheme the site enables. */
const IIS_401_2 = /Logon failed due to server configuration|sending a WWW-Authenticate header field that the Web server is not configured to accept|due to invalid authentication headers/;

export const iis = defineProducer({
  id: 'iis', kind: 'web-server', name: 'Microsoft IIS', family: 'iis',
  own: [body(/HTTP Error \d{3}\.\d+ - |\d{3} - Forbidden: Access is denied|401 - Unauthorized: Access is denied|Internet Information Services|IIS \d+\.\d+ Detailed Error/i), body(IIS_LOCALIZED),
    body(/You do not have permission to view this directory or page using the credentials that you supplied/), body(IIS_401_2)],
  // IIS's own 401.3 sentence, quoted without headers
  bodyOnly: [body(/because of the access control list \(ACL\) configuration or encryption settings for this resource on the Web server/)],
  presence: [hdr('server', /^Microsoft-IIS/i), hdr('x-powered-by', /^ASP\.NET$/i), hdr('x-aspnet-version')],
  causes: [
    rule('directory-listing-or-filesystem', 0.92, body(/403\.14|not configured to list the contents of this directory/i), { why: 'IIS 403.14: directory browsing is disabled and there is no default document', template: true }),
    rule('ip-or-geo-blocked', 0.92, body(/403\.(6|503)\b|IP address (of the client )?(has been )?rejected|IP address rejected/i), { why: 'IIS 403.6/403.503: IP and Domain Restrictions reject the client address', template: true }),
    rule('rate-limited', 0.9, body(/403\.50[12]\b|Dynamic IP Restriction/i), { why: 'IIS Dynamic IP Restrictions: too many (concurrent) requests from this IP', template: true }),
    rule('missing-credentials', 0.85, body(/403\.7\b|client certificate (is )?required/i), { why: 'IIS 403.7: a client certificate is required', template: true }),
    rule('method-or-path-blocked', 0.85, body(/403\.4\b|SSL is required|403\.1\b|Execute access (is )?forbidden|403\.18\b|404\.\d+ - |request filtering/i), { why: 'IIS refuses this URL/method by configuration (SSL required, execute access, request filtering)', template: true }),
    rule('invalid-credentials', 0.8, body(/401\.[12]\b|Access is denied due to invalid credentials|Unauthorized: Access is denied due to invalid credentials/i), { why: 'IIS 401.1/401.2: the Windows/Basic credentials were rejected', template: true }),
    rule('invalid-credentials', 0.82, body(IIS_401_2), {
      why: 'IIS 401.2: the authentication the client sent is not one this site enables (Windows Authentication not installed or disabled, Anonymous off, or a Negotiate/NTLM header where only Basic is on)',
      fix: 'Enable the authentication method the client uses for this site (Windows Authentication feature installed and enabled), or send the one it enables; the IIS log\'s sc-substatus 2 confirms it.',
    }),
    // 401.3: the file's NTFS ACL (or EFS encryption) keeps the request's identity (IUSR for anonymous) from reading it
    rule('directory-listing-or-filesystem', 0.85, body(/because of the access control list \(ACL\) configuration or encryption settings|HTTP Error 401\.3\b/i), {
      why: 'IIS could not read the file as the request\'s identity: the folder\'s NTFS ACL does not give the anonymous user (IUSR) or the app pool identity read access',
      fix: 'Grant Read & execute on the folder to IUSR / IIS_IUSRS (or the app pool identity), or set the anonymous user to the application pool identity.',
    }),
    rule('insufficient-permissions', 0.55, body(/You do not have permission to view this directory or page/i), { why: 'IIS denies this page to these credentials (NTFS ACLs or URL authorization)', template: true }),
  ],
  checklist: { server: 'Enable detailed errors or Failed Request Tracing to get the substatus (403.x) and check IP restrictions, directory browsing and authentication settings.' },
});

export const microsoftHttpapi = defineProducer({
  id: 'microsoft-httpapi', kind: 'web-server', name: 'Microsoft HTTP.sys (HTTPAPI)', family: 'iis',
  own: [all(hdr('server', /^Microsoft-HTTPAPI/i, 2), body(/<h2>[^<]+<\/h2>|<h1>[^<]+<\/h1>/))],
  // its own pages' sentence ("HTTP Error 400. The request hostname is invalid."), page or copied text;
  // IIS's detailed errors read "HTTP Error 404.0 - Not Found" instead
  bodyOnly: [body(/HTTP Error \d{3}\. The (request(ed)? hostname is invalid|size of the request headers is too long|service is unavailable|request verb is invalid|request URL is invalid|request has an invalid header name|header value is invalid|request is badly formed)/)],
  presence: [hdr('server', /^Microsoft-HTTPAPI\/[\d.]+$/i)],
  causes: [rule('method-or-path-blocked', 0.45, all(status(403), hdr('server', /^Microsoft-HTTPAPI/i)), { why: 'HTTP.sys answered itself: no URL reservation/ACL allows this host or path, or the URL ACL refuses the request' })],
});

export const caddy = defineProducer({
  id: 'caddy', kind: 'web-server', name: 'Caddy', family: 'caddy',
  presence: [hdr('server', /^Caddy$/i)],
  causes: [rule('missing-credentials', 0.65, all(status(401), hdr('server', /^Caddy$/i), hdr('www-authenticate', /basic/i)), { why: 'Caddy basic_auth wants credentials' })],
  checklist: { server: 'Check the Caddyfile for `respond 403`, `remote_ip` matchers, `basic_auth` and `file_server` (browse) on this path.' },
});

const LIGHTTPD_PAGE = /<h1>\d{3} [A-Z][\w ]+<\/h1>/;
export const lighttpd = defineProducer({
  id: 'lighttpd', kind: 'web-server', name: 'lighttpd', family: 'lighttpd',
  own: [all(hdr('server', /^lighttpd/i, 2), body(LIGHTTPD_PAGE))],
  presence: [hdr('server', /^lighttpd/i)],
  causes: identical403('lighttpd', hdr('server', /^lighttpd/i)),
});

export const litespeed = defineProducer({
  id: 'litespeed', kind: 'web-server', name: 'LiteSpeed Web Server', family: 'litespeed',
  own: [body(/Proudly powered by LiteSpeed Web Server|LiteSpeed Technologies/i)],
  presence: [hdr('server', /^LiteSpeed/i), hdr('x-litespeed-cache')],
  causes: [
    ...identical403('LiteSpeed', body(/Access to this resource on the server is denied|Proudly powered by LiteSpeed/i), ' (its built-in ModSecurity/reCAPTCHA protection answers alike)'),
    rule('waf-or-bot-block', 0.3, all(status(403), body(/LiteSpeed/i)), { template: true }),
  ],
});

/** The Manager and Host Manager apps' 401 page: their BASIC login failed. */
const TOMCAT_MANAGER_401 = /please examine the file\s+(<tt>)?conf\/tomcat-users\.xml(<\/tt>)?\s+in your installation/;

export const tomcat = defineProducer({
  id: 'tomcat', kind: 'web-server', name: 'Apache Tomcat', family: 'tomcat',
  own: [body(/By default the (Manager|Host Manager) is only accessible|Apache Tomcat\/[\d.]+|HTTP Status \d{3} [–-] [A-Z]|<h3>Apache Tomcat/), body(TOMCAT_MANAGER_401)],
  causes: [
    rule('ip-or-geo-blocked', 0.75, body(/By default the (Manager|Host Manager) is only accessible from a browser running on the same machine/i), { why: 'the Tomcat Manager is restricted to localhost by a RemoteAddrValve', template: true }),
    rule('insufficient-permissions', 0.4, all(status(403), body(/HTTP Status 403/)), { why: 'Tomcat refused access (security-constraint role, or a RemoteAddrValve/RemoteCIDRValve on the client address)', template: true }),
    rule('ip-or-geo-blocked', 0.35, all(status(403), body(/HTTP Status 403/)), { template: true }),
    rule('missing-credentials', 0.65, all(status(401), body(/HTTP Status 401/)), { why: 'a security-constraint requires authentication (BASIC/FORM) for this URL', template: true }),
    rule('invalid-credentials', 0.8, body(TOMCAT_MANAGER_401), {
      why: 'the Tomcat Manager / Host Manager BASIC login failed: no user in tomcat-users.xml has this password and the manager-gui (admin-gui) role — the stock file defines none, and Tomcat 7 renamed the roles',
      fix: 'Add a user with the manager-gui (or admin-gui, or the -script role for tools) role to conf/tomcat-users.xml and restart Tomcat.',
    }),
    rule('missing-credentials', 0.5, body(TOMCAT_MANAGER_401), { template: true }),
  ],
  checklist: { server: 'Check web.xml security-constraints/roles, tomcat-users.xml and RemoteAddrValve in context.xml.' },
});

export const jetty = defineProducer({
  id: 'jetty', kind: 'web-server', name: 'Eclipse Jetty', family: 'jetty',
  own: [body(/Powered by Jetty:\/\/|<h2>HTTP ERROR \d{3}/i)],
  // its error page as visible text ('HTTP ERROR 403 Problem accessing /path. Reason:'; Jenkins' crumb sentence alone names no
  // server): github.com/jetty/jetty.project ErrorHandler writeErrorPageBody, corpus jetty/
  bodyOnly: [body(/\bHTTP ERROR \d{3}\s+Problem accessing \//)],
  presence: [hdr('server', /^Jetty\(/i)],
  causes: [
    rule('csrf', 0.9, body(/No valid crumb was included in (the )?request/i), {
      why: 'Jenkins (on Jetty) refused the POST: its CSRF protection (CrumbFilter) found no valid crumb',
      fix: 'Authenticate with a user API token (token-authenticated requests need no crumb), or GET /crumbIssuer/api/json and send the crumb header with the same session cookie.',
    }),
    rule('insufficient-permissions', 0.4, all(status(403), body(/HTTP ERROR 403/i)), { why: 'Jetty\'s security handler denied the request (constraint/role), or an InetAccessHandler refused the address', template: true }),
    rule('ip-or-geo-blocked', 0.3, all(status(403), body(/HTTP ERROR 403/i)), { template: true }),
  ],
});

export const gunicorn = defineProducer({
  id: 'gunicorn', kind: 'web-server', name: 'Gunicorn', family: 'gunicorn',
  presence: [hdr('server', /^gunicorn/i)],
  own: [body(/Invalid HTTP (request line|Header)|forwarded_allow_ips/i)],
});
