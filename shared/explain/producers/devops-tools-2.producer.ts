import { all, any, body, hdr, not } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Proxmox VE (and Backup Server) API: pve-api-daemon answers refusals with a status line and {"data":null} — '401 No
 * ticket', '401 permission denied - invalid PVE ticket', '401 authentication failure', '403 Permission check failed
 * (/vms/100, VM.Allocate)' — which clients (proxmoxer, Telmate's Go API, Packer) print as 'NNN <reason>'. Sources:
 * pve.proxmox.com/wiki/Proxmox_VE_API, Telmate/terraform-provider-proxmox#142, #1274, knisshoku/pvea#16,
 * c0depool/c0depool-iac#2, Javisen/proxmox_sensors#52, takala-jp/zabbix-proxmox#25.
 */
const PVE_PERM = /\b403 (Forbidden: )?Permission check failed\b( \([^)\n]{1,120}\))?/;
const PVE_NO_TICKET = /\b401:? No ticket\b/;
const PVE_BAD_TICKET = /permission denied - invalid PVE ticket/;
const PVE_AUTH_FAIL = /\b401:? (Unauthorized: )?authentication failure\b/;

const proxmoxVe = defineProducer({
  id: 'proxmox-ve', kind: 'orchestrator', name: 'Proxmox VE API', family: 'proxmox',
  own: [body(PVE_BAD_TICKET), body(/\bproxmoxer\.core\.ResourceException\b/), hdr('server', /^pve-api-daemon\//), body(/\bPVE(AuthCookie|APIToken)\b/)],
  bodyOnly: [body(PVE_PERM), body(PVE_NO_TICKET), all(body(/\bPVE (GET|POST|PUT|DELETE) error on /), body(/\b\d{3} \w+/))],
  causes: [
    rule('missing-credentials', 0.9, body(PVE_NO_TICKET), {
      why: 'the Proxmox API got neither a PVEAuthCookie ticket nor an Authorization: PVEAPIToken header — often because the login before it failed (user without @realm, a typo, an api_url with a trailing slash) and the client went on without a ticket',
      fix: 'Log in with user@realm (root@pam, tf@pve) to /api2/json/access/ticket and send the ticket cookie (and CSRFPreventionToken on writes), or send Authorization: PVEAPIToken=user@realm!tokenid=secret.',
    }),
    rule('invalid-credentials', 0.9, any(body(PVE_BAD_TICKET), body(PVE_AUTH_FAIL)), {
      why: 'Proxmox refused the ticket or password: an expired or forged ticket (tickets last two hours; node clocks out of sync make fresh ones invalid), a wrong password or realm, or an API token id/secret it does not know',
      fix: 'Log in again (or check the token id user@realm!name and its secret), and check the cluster nodes\' clocks are in sync (NTP).',
    }),
    rule('signature-or-clock-skew', 0.5, body(PVE_BAD_TICKET)),
    rule('insufficient-permissions', 0.92, body(PVE_PERM), {
      why: 'the Proxmox user or API token lacks the privilege on the path it names (e.g. VM.Allocate on /vms/100, Datastore.AllocateSpace on /storage/local); a token with privilege separation has only what was granted to the token itself',
      fix: 'Grant a role holding that privilege on the path (Datacenter → Permissions) to the user — and to the token when privilege separation is on — or untick privilege separation.',
    }),
  ],
  checklist: { auth: 'Check user@realm, the ticket or PVEAPIToken header, and privilege separation of the token.', server: 'Check the ACL for the path and privilege named in "Permission check failed".' },
});

/**
 * Portainer: its API's {"message":"…","details":"…"} error object and its log line 'http error: <message> (err=<details>)
 * (code=401)' with its own sentences — 'A valid authorisation token is missing' (British spelling), 'Invalid JWT
 * token', 'Access denied to resource'. Sources: docs.portainer.io/api/access, portainer/portainer#6407, #7911,
 * #12810, goauthentik/authentik#893, gethomepage/homepage#1427.
 */
const PT_SENTENCE = /A valid authorisation token is missing|Invalid JWT token|Access denied to resource|Unauthorized access to resource|Account not created beforehand in Portainer/;
const PT_ENVELOPE = /"message"\s*:\s*"[^"]{1,120}"\s*,\s*"details"\s*:\s*"/;
const PT_LOG = /\bhttp error: [^\n]{1,160}\(err=[^\n]{1,160}\) \(code=\d{3}\)/;

const portainer = defineProducer({
  id: 'portainer', kind: 'orchestrator', name: 'Portainer', family: 'portainer',
  own: [all(body(PT_ENVELOPE), body(PT_SENTENCE)), all(body(PT_LOG), body(PT_SENTENCE))],
  bodyOnly: [body(/A valid authorisation token is missing|Account not created beforehand in Portainer/)],
  causes: [
    rule('missing-credentials', 0.9, body(/A valid authorisation token is missing/), {
      why: 'Portainer found no token it reads: no X-API-Key header and no Authorization: Bearer JWT — often an access token (ptr_…) sent as a Bearer token, or a JWT dropped by a proxy',
      fix: 'Send an access token (My account → Access tokens) as the X-API-Key header, or log in to /api/auth and send the returned jwt as Authorization: Bearer.',
    }),
    rule('invalid-credentials', 0.9, body(/Invalid JWT token/), {
      why: 'Portainer could not verify the JWT: expired (8 hours by default), signed before a restart or by another instance, or an API key (ptr_…) sent as a Bearer JWT',
      fix: 'Send API keys as X-API-Key (not Authorization: Bearer), or log in again to get a fresh JWT.',
    }),
    rule('insufficient-permissions', 0.88, body(/Access denied to resource|Unauthorized access to resource/), {
      why: 'the Portainer user (its role in the environment, or team access) does not allow this resource or action',
      fix: 'Give the user or its team access to the environment (and a role allowing the action, in Business Edition), or use an administrator token.',
    }),
  ],
  checklist: { auth: 'Send access tokens as X-API-Key; JWTs from /api/auth as Authorization: Bearer.' },
});

/**
 * Rancher: its API's error object ({"baseType":"error","code":"Unauthorized","message":"must authenticate",
 * "status":401,"type":"error"}; 1.x: {"id":…,"type":"error","links":{},"actions":{},"status":401,"code":…}) and its Go
 * client's line 'Bad response statusCode [401]. Status [401 Unauthorized]. Body: [message=…] from […]'. Sources:
 * ranchermanager.docs.rancher.com API tokens, rancher/terraform-provider-rancher2#94, #531, #606, rancher/rancher#5639,
 * rancher/rancher#12120, rancher/rancher#44705.
 */
const RANCHER_CLIENT = /Bad response statusCode \[\d{3}\]\. Status \[\d{3} [^\]]{1,40}\]\. Body: \[/;
const RANCHER_JSON = /"baseType"\s*:\s*"error"|"type"\s*:\s*"error"\s*,\s*"links"\s*:\s*\{\}\s*,\s*"actions"\s*:\s*\{\}/;

const rancher = defineProducer({
  id: 'rancher', kind: 'orchestrator', name: 'Rancher API', family: 'rancher',
  own: [body(RANCHER_JSON), body(RANCHER_CLIENT)],
  bodyOnly: [body(/\bUnauthorized 401:? must authenticate\b/)],
  causes: [
    rule('missing-credentials', 0.9, body(/\bmust authenticate\b/), {
      why: 'Rancher saw no credentials it accepts for this endpoint: no Bearer token or access:secret key pair, a token scoped to one cluster used on /v3, or an expired/removed token',
      fix: 'Create an API key with no scope (user → Account & API Keys) for /v3 calls and send it as Authorization: Bearer token-xxxxx:secret (or access key and secret key in the client).',
    }),
    rule('invalid-credentials', 0.88, any(body(/\bmessage=authentication failed\b|"message"\s*:\s*"authentication failed"/), body(/"code"\s*:\s*"Unauthorized"\s*,\s*"message"\s*:\s*"Unauthorized"|code=Unauthorized, message=Unauthorized/)), {
      why: 'Rancher rejected the key pair or token (or, for an auth-provider test, the provider\'s bind credentials): wrong secret, an environment key on an account endpoint, a disabled or expired token',
      fix: 'Check the access/secret key pair and its scope (environment vs account, cluster-scoped vs unscoped), or create a new key.',
    }),
    rule('insufficient-permissions', 0.88, any(body(/"code"\s*:\s*"(Forbidden|PermissionDenied)"/), body(/code=(Forbidden|PermissionDenied)\b/)), {
      why: 'the Rancher user behind the token lacks the global, cluster or project role for this action',
      fix: 'Grant the user the role (cluster/project member or owner, or a global permission) or use a token of a user that has it.',
    }),
  ],
  checklist: { auth: 'Check the API key\'s scope (unscoped for /v3) and expiry.', server: 'Check the user\'s global, cluster and project roles.' },
});

/**
 * RabbitMQ management HTTP API: its {"error":"not_authorised","reason":"…"} object (clients print 'Error 401
 * (not_authorised): Login failed'), the broker's log line 'HTTP access denied: user 'x' - <reason>' (invalid credentials,
 * Not management user, Not monitor user, Not administrator user) and its AMQP clients' ACCESS_REFUSED. Sources:
 * rabbitmq.com/docs/management (user tags) and access-control, rabbitmq/rabbitmq-server#3181, #1081,
 * zarplata/zabbix-agent-extension-rabbitmq#3, nytimes/collectd-rabbitmq#32, rabbitmq/rabbitmq-auth-backend-http#36,
 * bitnami/charts#18405.
 */
const RMQ_JSON = /"error"\s*:\s*"not_authori[sz]ed"\s*,\s*"reason"\s*:\s*"/;
const RMQ_LOG = /\bHTTP access denied: user '[^'\n]{0,80}' - /;
const RMQ_TAG = /\bNot (management|monitor|administrator|policymaker) user\b/;
const RMQ_AMQP = /\bACCESS_REFUSED - Login was refused using authentication mechanism \w+/;

const rabbitmq = defineProducer({
  id: 'rabbitmq', kind: 'saas-api', name: 'RabbitMQ management API', family: 'rabbitmq',
  own: [body(RMQ_JSON), body(RMQ_LOG), body(RMQ_AMQP)],
  bodyOnly: [body(/\bError \d{3} \(not_authori[sz]ed\): /)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(/\bLogin failed\b/), body(/ - invalid credentials\b/), body(RMQ_AMQP)), {
      why: 'RabbitMQ refused the user name and password (or the auth backend — internal, LDAP, HTTP — did): a wrong password, an unknown user, or guest used from another host than localhost',
      fix: 'Check the user and password with rabbitmqctl authenticate_user; create a user of your own instead of guest for remote access (guest is loopback-only).',
    }),
    rule('insufficient-permissions', 0.9, body(RMQ_TAG), {
      why: 'the user logged in but lacks the user tag the management API requires (management, monitoring, policymaker or administrator)',
      fix: 'Tag the user: rabbitmqctl set_user_tags <user> management (monitoring for stats collectors, administrator for user and policy changes).',
    }),
  ],
  checklist: { auth: 'Check the user, its tags (management/monitoring/administrator) and vhost permissions.' },
});

/**
 * Kibana: its XSRF protection's 400 'Request must contain a kbn-xsrf header.' in Hapi's Boom envelope; the kbn-name
 * header on its responses. Its security refusals relay Elasticsearch's (named by that producer). Sources:
 * elastic.co/guide/en/kibana/current/api.html (request headers), elastic/elasticsearch#49152, abutaha/aws-es-proxy#70.
 */
const KBN_XSRF = /Request must contain a kbn-xsrf header/;

const kibana = defineProducer({
  id: 'kibana', kind: 'saas-api', name: 'Kibana', family: 'elastic',
  own: [body(KBN_XSRF)],
  presence: [hdr('kbn-name'), hdr('kbn-license-sig')],
  causes: [
    rule('csrf', 0.95, body(KBN_XSRF), {
      blocks: true, why: 'Kibana refused the write request (POST/PUT/DELETE) because its XSRF header is missing: every non-GET API call must carry kbn-xsrf (any value), and some proxies strip it; sent as HTTP 400',
      fix: 'Add the header kbn-xsrf: true to the request (and make the proxy pass it through).',
    }),
  ],
});

/**
 * TeamCity: its REST errors (XML <errors><error><message>… or text 'Error has occurred during request processing
 * (Forbidden).'), jetbrains.buildServer.serverSide.auth.AccessDeniedException 'You do not have "<permission>" permission
 * in project with internal id: …', its CSRF refusal ('Responding with 403 status code due to failed CSRF check') and its
 * 401 text pointing at /login.html. Sources: jetbrains.com/help/teamcity/rest (authentication, CSRF protection),
 * stack72/TeamCitySharp#105, JetBrains/teamcity-cli#427, JetBrains/teamcity-azure-active-directory#48,
 * jk1/TeamCity-dependencies-gradle-plugin#46, JetBrains/teamcity-symbol-server#20.
 */
const TC_DENIED = /\bjetbrains\.buildServer\.serverSide\.auth\.AccessDeniedException\b/;
const TC_LOGIN_FAILED = /AuthenticationFailedException: Incorrect username or password|Invalid authentication request or authentication scheme is not supported|An error in configuration or an internal error occurred during login/;
const TC_PERM = /You do not have "[^"\n]{1,80}" permission in project with internal id: |You do not have '[^'\n]{1,80}' global permission/;
const TC_CSRF = /Responding with 403 status code due to failed CSRF check|neither tc-csrf-token parameter nor X-TC-CSRF-Token header/;
const TC_LOGIN = /To login manually go to "\/login\.html" page/;

const teamcity = defineProducer({
  id: 'teamcity', kind: 'saas-api', name: 'TeamCity', family: 'teamcity',
  own: [body(/\bjetbrains\.buildServer\.serverSide\.auth\.\w+Exception\b/), body(TC_CSRF), hdr('teamcity-node-id'), body(/<statusText>Responding with error, status code: \d{3}/)],
  bodyOnly: [body(TC_PERM), all(body(TC_LOGIN), body(TC_LOGIN_FAILED)), body(/Access denied\. Check the user has enough permissions to perform the operation\./)],
  causes: [
    rule('csrf', 0.94, body(TC_CSRF), {
      why: 'TeamCity\'s CSRF protection refused a POST made with a session (cookie or password): no tc-csrf-token parameter or X-TC-CSRF-Token header, and no Origin it trusts',
      fix: 'Authenticate REST calls with an access token (Authorization: Bearer), which needs no CSRF token, or GET /authenticationTest.html?csrf and send the value as X-TC-CSRF-Token.',
    }),
    rule('insufficient-permissions', 0.92, any(body(TC_PERM), body(TC_DENIED), body(/Access denied\. Check the user has enough permissions/)), {
      why: 'the TeamCity user (or the access token, limited to the permissions chosen when it was made) lacks the permission the message names in that project or globally',
      fix: 'Give the user a role holding that permission in the project (or globally), or create a token that includes it.',
    }),
    rule('invalid-credentials', 0.88, body(TC_LOGIN_FAILED), {
      why: 'TeamCity did not accept the credentials: a wrong password, a token sent in a scheme or to a path it does not take (Basic on /app/rest needs the password, Bearer the access token), or a login module that failed',
      fix: 'Send an access token as Authorization: Bearer <token> (Profile → Access Tokens), or Basic user:password with the built-in login enabled; check the user exists in the login module TeamCity uses.',
    }),
  ],
  checklist: { auth: 'Use an access token (Bearer); check its permissions and the user\'s roles in the project.' },
});

/**
 * Synology DSM Web API (webapi/*.cgi, SYNO.* APIs): HTTP 200 with {"error":{"code":105},"success":false}; its common
 * codes (105 no permission for the session, 106/107/119 session timed out, replaced or unknown) and auth codes (400 bad
 * account or password, 401 disabled, 402 permission denied, 403/404 2-step code), as clients print them ('Error 105 - The
 * logged in session does not have permission', {'api': 'SYNO.…', 'code': 105, 'reason': 'Insufficient user privilege'}).
 * Sources: Synology Web API developer guides (error codes), kwent/syno#28, #15, ProtoThis/python-synology#8,
 * N4S4/synology-api#239, #159, mib1185/py-synologydsm-api#377.
 */
const SYNO_JSON = /\{\s*"error"\s*:\s*\{\s*"code"\s*:\s*(\d{3})\s*(,\s*"errors"\s*:[^{}]{0,200})?\}\s*,\s*"success"\s*:\s*false\s*\}/;
const SYNO_DICT = /'api'\s*:\s*'SYNO\.[\w.]{1,60}'\s*,\s*'code'\s*:\s*\d{3}/;
/** The login's 2-step verification demand: error 403 with errors.types [{type: otp}] (N4S4/synology-api#101). */
const SYNO_OTP = /"code"\s*:\s*403\s*,\s*"errors"\s*:\s*\{[^{}]{0,120}"types"\s*:\s*\[\s*\{\s*"type"\s*:\s*"otp"/;
const SYNO_NO_PERM = /The logged in session does not have permission|Insufficient user privilege/;

const synologyDsm = defineProducer({
  id: 'synology-dsm', kind: 'saas-api', name: 'Synology DSM Web API', family: 'synology',
  own: [body(SYNO_DICT), all(body(SYNO_NO_PERM), body(/\b(Error \d{3}|code:? \d{3}|'code'\s*:\s*\d{3})\b/))],
  bodyOnly: [body(SYNO_JSON), body(SYNO_OTP)],
  causes: [
    rule('insufficient-permissions', 0.9, any(body(SYNO_NO_PERM), body(/"error"\s*:\s*\{\s*"code"\s*:\s*(105|402)\b/)), {
      blocks: true, why: 'DSM refused the call for this session\'s user (code 105, or 402 at login): the account is not in the administrators group, or it is denied the application (File Station, Audio Station…) or the shared folder; DSM sends it with HTTP 200 and success false',
      fix: 'Add the user to administrators for system APIs, or allow it the application (Control Panel → User → Applications) and the shared folder; log in with session=<the application> for non-admin accounts.',
    }),
    rule('missing-credentials', 0.88, body(SYNO_OTP), {
      blocks: true, why: 'DSM wants the account\'s 2-step verification code (auth error 403 with an otp type): the password was right, but no otp_code came with the login',
      fix: 'Pass the current OTP code (otp_code=…) with the login, or use an account without 2-step verification for automation (or a trusted device id).',
    }),
  ],
  checklist: { server: 'Check "success": false and error.code in the JSON: DSM answers refusals with HTTP 200.' },
});

/**
 * Odoo (OpenERP): its ORM exceptions as the RPC layers send them — XML-RPC faults '<Fault AccessDenied: 'Access
 * denied'>', JSON-RPC {"error":{"code":200,"message":"Odoo Server Error","data":{"name":"odoo.exceptions.AccessError"…,
 * and the AccessError text 'You are not allowed to access '<Model>' (model) records. This operation is allowed for the
 * following groups'. All arrive with HTTP 200. Sources: odoo.com/documentation (external API, upgrade troubleshooting),
 * tinyerp/erppeek#58, avoinsystems/odoo-backup-restore-s3#2, Yenthe666/Odoo_Samples#14, odoo/odoo#12815,
 * oca/social#1041, gist kinafu/095c286a.
 */
const ODOO_FAULT_DENIED = /<Fault AccessDenied: '?Access [dD]enied/;
const ODOO_EXC = /\b(odoo|openerp)\.exceptions\.(AccessError|AccessDenied)\b/;
const ODOO_NOT_ALLOWED = /You are not allowed to (access|create|modify|delete) '[^'\n]{1,80}' \([\w.]{1,80}\) records|Access Denied by ACLs for operation: \w+/;

const odoo = defineProducer({
  id: 'odoo', kind: 'saas-api', name: 'Odoo RPC', family: 'odoo',
  own: [body(ODOO_EXC), all(body(/"message"\s*:\s*"Odoo Server Error"/), body(/"name"\s*:\s*"(odoo|openerp)\.(exceptions|addons)\./))],
  bodyOnly: [body(ODOO_FAULT_DENIED), body(ODOO_NOT_ALLOWED), body(/This operation is allowed for the following groups:/)],
  causes: [
    rule('method-or-path-blocked', 0.9, all(body(ODOO_FAULT_DENIED), body(/\b(db\.list|conn\.list|list_db)\b|\bdb_list\b/)), {
      blocks: true, why: 'the Odoo server does not allow listing (or managing) databases over RPC: list_db = False in its configuration, as on odoo.com and most hosted servers — no password changes that',
      fix: 'Pass the database name explicitly instead of listing databases (client.login(user, db=…)), or enable list_db on a server you run.',
    }),
    rule('invalid-credentials', 0.85, any(body(ODOO_FAULT_DENIED), body(/\b(odoo|openerp)\.exceptions\.AccessDenied\b/)), {
      blocks: true, why: 'Odoo refused the login, API key or master password (AccessDenied): a wrong password or key, a user id that does not match, or a database-manager call without the admin (master) password',
      fix: 'Check the database, login and password (or API key) passed to authenticate/execute_kw; database create/drop/backup need the master password of the server\'s config (admin_passwd).',
    }),
    rule('insufficient-permissions', 0.9, any(body(ODOO_NOT_ALLOWED), body(/\b(odoo|openerp)\.exceptions\.AccessError\b/)), {
      blocks: true, why: 'Odoo\'s access rights refused the operation: the user is in no group whose ir.model.access grants it on this model, or a record rule hides the records (the message names the model and the groups allowed)',
      fix: 'Add the user to one of the groups the message lists (Settings → Users → Access Rights), or have the module grant the model in ir.model.access.csv; call as a user with the rights rather than sudo from outside.',
    }),
  ],
  checklist: { auth: 'Check database name, login and password/API key; database manager calls need the master password.', server: 'Check the user\'s groups and the model\'s access rules.' },
});

/**
 * Graylog: its REST error object {"type":"ApiError","message":"…"} (the old web interface relays it as 'API call failed
 * GET … returned 403 Forbidden body: {…}') and its Shiro filter's 'Subject does not have permission [<perm>]'. Sources:
 * go2docs.graylog.org (REST API, permissions), graylog-labs/graylog2-web-interface#1687, Graylog2/graylog2-server#1229,
 * #1557, Graylog2/graylog2-images#48.
 */
const GRAYLOG_API_ERROR = /"type"\s*:\s*"ApiError"\s*,\s*"message"\s*:\s*"/;

const graylog = defineProducer({
  id: 'graylog', kind: 'saas-api', name: 'Graylog REST API', family: 'graylog',
  own: [body(GRAYLOG_API_ERROR), body(/\borg\.graylog2\.[\w.]+(Exception|Filter)\b|\[ShiroAuthorizationFilter\]/)],
  causes: [
    rule('insufficient-permissions', 0.9, any(all(body(GRAYLOG_API_ERROR), body(/"message"\s*:\s*"Not authorized"/)), body(/Subject does not have permission \[[\w:*,-]{1,80}\]/)), {
      why: 'the Graylog user\'s roles lack the permission this call checks (streams:read:<id>, indices:failures, searches…): a read-only or stream-scoped role, or an LDAP/SSO user mapped to too few roles',
      fix: 'Give the user a role with the permission named (System → Users and Teams / Roles), share the stream or dashboard with it, or use an API token of a user that has it.',
    }),
  ],
  checklist: { auth: 'Check the user\'s roles and the stream or dashboard shares for the permission named.' },
});

/**
 * OPNsense API (/api/<module>/<controller>/<command>, key:secret Basic auth): {"status":401,"message":"Authentication
 * Failed"} — for a wrong key or secret, and also (opnsense/core#5749) for a valid key whose user lacks the page
 * privilege for that endpoint. Sources: docs.opnsense.org/development/how-tos/api.html, home-assistant/core#105093,
 * #141445, opnsense/core#5749.
 */
const OPN_AUTH_FAILED = /\{\s*"status"\s*:\s*401\s*,\s*"message"\s*:\s*"Authentication Failed"\s*\}/;

const opnsense = defineProducer({
  id: 'opnsense', kind: 'saas-api', name: 'OPNsense API', family: 'opnsense',
  own: [body(/\bpyopnsense\.exceptions\.\w+/), all(body(OPN_AUTH_FAILED), body(/\/api\/(core|diagnostics|firmware|interfaces|firewall|routes|ipsec|unbound|dhcpv[46])\//))],
  // the envelope alone is any app's {status, message}: OPNsense only beside its /api/<module>/ path or pyopnsense
  causes: [
    rule('invalid-credentials', 0.85, body(OPN_AUTH_FAILED), {
      why: 'OPNsense did not accept the API key and secret (sent as Basic key:secret): a wrong or deleted key, key and secret swapped — or, as OPNsense answers the same 401, a valid key whose user lacks the privilege for this endpoint',
      fix: 'Send the key as the user name and the secret as the password (System → Access → Users → API keys); if they are right, give the user the privilege for the endpoint\'s page (e.g. GUI: System: Firmware).',
    }),
    rule('insufficient-permissions', 0.55, body(OPN_AUTH_FAILED)),
  ],
  checklist: { auth: 'Check the key:secret pair and the user\'s page privileges for the endpoint.' },
});

/**
 * Tornado (Python web framework): check_xsrf_cookie's 403 sentences ("'_xsrf' argument missing from POST", "XSRF
 * cookie does not match POST argument") and its stock error page '<html><title>403: Forbidden</title><body>403:
 * Forbidden</body></html>'. Sources: tornado/web.py, tornadoweb/tornado#1784, moloch--/RootTheBox#346,
 * feross/Instant.fm#154, huashengdun/webssh#264, jupyterhub/jupyterhub#4604.
 */
const JUPYTER_APP = /\b(NotebookApp|ServerApp|LabApp|SingleUser\w{0,12}App|JupyterHub)\b/;
const TORNADO_XSRF = /'_xsrf' argument (missing from POST|has invalid format)|XSRF cookie does not match POST argument/;

const tornado = defineProducer({
  id: 'tornado', kind: 'framework', name: 'Tornado', family: 'tornado',
  // a Jupyter server's log line carries the same sentence: Jupyter (devops-tools) names it, the app on top of Tornado
  own: [all(body(TORNADO_XSRF), not(body(JUPYTER_APP))), body(/\btornado\.web\.HTTPError: HTTP \d{3}/), body(/^<html><title>\d{3}: [\w ]{1,40}<\/title><body>\d{3}: [\w ]{1,40}<\/body><\/html>/)],
  presence: [hdr('server', /^TornadoServer\//)],
  causes: [
    rule('csrf', 0.94, body(TORNADO_XSRF), {
      why: 'Tornado\'s XSRF protection (xsrf_cookies) refused the POST/PUT/DELETE: no _xsrf argument or X-XSRFToken header, or its value does not match the _xsrf cookie',
      fix: 'Read the _xsrf cookie (the app sets it on a page that uses xsrf_token) and send it back as the _xsrf form field or the X-XSRFToken header; APIs authenticated by token should be exempt (check_xsrf_cookie overridden).',
    }),
  ],
});

/** Self-hosted developer and operations tools, continued (the first file is full). */
export const DEVOPS_TOOL_PRODUCERS_2: Producer[] = [proxmoxVe, portainer, rancher, rabbitmq, kibana, teamcity, synologyDsm, odoo, graylog, opnsense, tornado];
