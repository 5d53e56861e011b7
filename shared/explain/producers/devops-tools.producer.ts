import { all, any, body, hdr } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Jenkins: its anonymous-denied page (a /login redirect whose HTML comment reads 'You are authenticated as:' and
 * 'Permission you need to have (but didn't): hudson.model.…'), the X-You-Are-Authenticated-As / X-Required-Permission
 * headers beside X-Jenkins, AccessDeniedException2's '<user> is missing the Overall/Read permission', and the
 * BasicHeaderProcessor's 401 'Invalid password/token for user: <name>' as clients relay it. Sources:
 * ccmenu/ccmenu#9, openshift/jenkins-sync-plugin#46, iovisor/bcc#2501, nodejs/build#4394,
 * spinnaker/spinnaker#3802, jenkinsci/jenkins-charm#37, jenkins-x/jx#2109.
 */
const JENKINS_NEED = /Permission you need to have \(but didn't\): [\w.]{1,80}/;
const JENKINS_WHO = /You are authenticated as: [^\n<]{1,80}\s+Groups that you are in:/;
const JENKINS_MISSING = /\bis missing the (Overall|Job|Run|View|Agent|Computer|Credentials|SCM|Lockable Resources|Metrics)\/\w+ permission\b/;
const JENKINS_TOKEN = /\bInvalid password\/token for user: /i;

const jenkins = defineProducer({
  id: 'jenkins', kind: 'saas-api', name: 'Jenkins', family: 'jenkins',
  // it runs on Jetty (winstone): a Jetty page that carries Jenkins' own marks was written for Jenkins
  overrides: ['jetty'],
  own: [hdr('x-jenkins'), hdr('x-you-are-authenticated-as'), hdr('x-required-permission'), body(JENKINS_NEED),
    body(/\bhudson\.security\.AccessDeniedException[23]?\b/)],
  bodyOnly: [body(JENKINS_MISSING), body(JENKINS_TOKEN), body(JENKINS_WHO)],
  presence: [hdr('x-hudson'), hdr('x-jenkins-session')],
  causes: [
    rule('missing-credentials', 0.93, any(hdr('x-you-are-authenticated-as', /^anonymous$/), body(/You are authenticated as: anonymous\b/), body(/\banonymous is missing the \w+\/\w+ permission/)), {
      why: 'Jenkins treated the request as anonymous (no session cookie and no user:API-token Basic header reached it), and anonymous lacks the permission it names — usually Overall/Read, so it answers with its login redirect page',
      fix: 'Send Basic auth as user:API token (create one under the user\'s Security settings), or grant anonymous the permission in Manage Jenkins → Security if the page should be public.',
    }),
    rule('insufficient-permissions', 0.9, any(body(JENKINS_MISSING), body(JENKINS_NEED), hdr('x-required-permission')), {
      why: 'the signed-in Jenkins user (or the API token\'s user) lacks the permission the message names in the authorization strategy (matrix, role-based, folder)',
      fix: 'Grant the user (or a group it is in) that permission — Overall/Read first — in Manage Jenkins → Security, or use an account that has it.',
    }),
    rule('invalid-credentials', 0.93, body(JENKINS_TOKEN), {
      why: 'Jenkins rejected the Basic credentials: the password or API token does not belong to that user (revoked, regenerated, a legacy token removed on upgrade, or the password sent where the security realm takes tokens only)',
      fix: 'Create an API token for the user (user → Security → API Token) and send user:token; check the user name is the Jenkins id, not the display name.',
    }),
    rule('csrf', 0.92, body(/No valid crumb was included in (the )?request/i), {
      why: 'Jenkins\' CSRF protection (CrumbFilter) found no valid crumb on this POST made with a session or password',
      fix: 'Authenticate with a user API token (token requests need no crumb), or GET /crumbIssuer/api/json and send the Jenkins-Crumb header with the same session cookie.',
    }),
  ],
  checklist: { auth: 'Check the user and API token, and the permission named in X-Required-Permission or the page.', server: 'Check the authorization strategy (Manage Jenkins → Security) for the user or anonymous.' },
});

/**
 * Nextcloud and ownCloud: the OCS API's envelope (<ocs><meta><status>failure</status><statuscode>997… in XML, or
 * {"ocs":{"meta":{…,"statuscode":997}}} with format=json; OCS v1 sends it with HTTP 200) and the WebDAV error body
 * that names their own Sabre connector (OCA\DAV\Connector\Sabre\Exception\Forbidden, owncloud.org/ns retry/reason).
 * Sources: docs.nextcloud.com core/externalapi (status codes), nextcloud/server#19318, nextcloud/server#12665,
 * owncloud/core#32068, owncloud/core#20494, nextcloud/server#24794. A bare Sabre\DAV exception names any SabreDAV server.
 */
const OCS_XML = /<ocs>\s*<meta>\s*<status>failure<\/status>/;
const OCS_JSON = /"ocs"\s*:\s*\{[^{}]{0,40}"(meta|data)"/;
const OCS_997 = /<statuscode>997<\/statuscode>|"statuscode"\s*:\s*997\b/;
const NC_DAV = /\bOCA\\{1,2}DAV\\{1,2}(Connector\\{1,2}Sabre\\{1,2})?Exception\\{1,2}\w+/;

const nextcloud = defineProducer({
  id: 'nextcloud', kind: 'saas-api', name: 'Nextcloud / ownCloud', family: 'nextcloud',
  own: [body(OCS_XML), body(NC_DAV), body(/xmlns:o="http:\/\/owncloud\.org\/ns"|xmlns:nc="http:\/\/nextcloud\.org\/ns"/)],
  // … and OCS's 997 sentence alone, as a client prints the message (github.com/nextcloud/server/issues/12665,
  // github.com/nextcloud/server/issues/19318): credentials were sent and not accepted in both, so the refused-credential
  // reading of the envelope applies to the sentence too
  bodyOnly: [all(body(OCS_JSON), body(/"statuscode"\s*:\s*\d{3}/)), body(/\bCurrent user is not logged in\b/)],
  causes: [
    rule('invalid-credentials', 0.88, all(body(OCS_997), any(body(OCS_XML), body(OCS_JSON))), {
      blocks: true, why: 'the OCS API did not log the user in (statuscode 997, "Current user is not logged in" / "Unauthorised"): a wrong password, an app password or OAuth token it does not know, or a disabled user; OCS v1 sends it with HTTP 200',
      fix: 'Send Basic auth with the login name and an app password (Settings → Security → Devices & sessions) and the header OCS-APIRequest: true; check the user is enabled and not throttled by brute-force protection.',
    }),
    rule('missing-credentials', 0.55, all(body(OCS_997), any(body(OCS_XML), body(OCS_JSON)))),
    rule('invalid-credentials', 0.7, body(/\bCurrent user is not logged in\b/), { why: 'Nextcloud\'s OCS API answers "Current user is not logged in" (997) to credentials it did not accept as well as to none: a wrong or revoked app password or token, or a disabled user' }),
    rule('missing-credentials', 0.5, body(/\bCurrent user is not logged in\b/)),
    rule('insufficient-permissions', 0.9, body(/Exception\\{1,2}Forbidden:? No (read|write|delete|create|update) permissions?/), {
      why: 'Nextcloud\'s WebDAV refused the operation: the share or mount gives this user no permission for it (read, update, create or delete)',
      fix: 'Ask the owner to grant the permission on the share (or the admin on the external storage / group folder), or act on a path you own.',
    }),
    rule('resource-policy-deny', 0.85, body(/<o:(retry|reason)\b/), {
      why: 'a Nextcloud/ownCloud storage rule forbade the file (Files access control, a firewall or retention storage wrapper): the WebDAV error carries its reason and whether to retry',
      fix: 'Read the reason in the response; ask the admin which access-control rule (Flow / Files access control) matches this file, user group, IP or client.',
    }),
  ],
  checklist: { auth: 'Use an app password and send OCS-APIRequest: true to /ocs/.', server: 'Check the share permissions and Files access control rules for the path.' },
});

/**
 * Tornado's XSRF refusals (check_xsrf_cookie in tornado/web.py), which Jupyter servers send: "'_xsrf' argument missing
 * from POST", "XSRF cookie does not match POST argument". Sources: tornadoweb/tornado#1784, oreillymedia/thebe#93.
 */
const TORNADO_XSRF = /'_xsrf' argument (missing from POST|has invalid format)|XSRF cookie does not match POST argument/;

/**
 * Jupyter (Notebook, Jupyter Server, JupyterLab, JupyterHub), on Tornado: its server log lines ('[W 13:26:35.038
 * NotebookApp] 403 POST …'), JupyterHub's RBAC refusals ('Action is not authorized with current scopes; requires any
 * of [read:hub]', 'Not authorizing access to … Requires any of […], not derived from scopes […]') and its pages.
 * Sources: jupyterhub.readthedocs.io rbac/scopes, oreillymedia/thebe#93, ReviewNB/jupyterlab-gitplus#3,
 * jupyterhub/jupyterhub#3929, jupyterhub/zero-to-jupyterhub-k8s#2407, jupyterhub/jupyterhub#4031.
 */
const JUPYTER_LOG = /\[[DIWEC] (\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d{3} (NotebookApp|ServerApp|LabApp|SingleUser\w{0,12}App|JupyterHub)\b/;
const HUB_SCOPES = /Action is not authorized with current scopes; requires any of \[|Not authorizing access to \S{1,200} Requires any of \[/;

const jupyter = defineProducer({
  id: 'jupyter', kind: 'saas-api', name: 'Jupyter Server / JupyterHub', family: 'jupyter',
  own: [body(HUB_SCOPES), body(/<title>(Jupyter Notebook|Jupyter Server|JupyterHub|JupyterLab)<\/title>/), body(/You do not have permission to access JupyterHub service/)],
  bodyOnly: [body(JUPYTER_LOG)],
  causes: [
    rule('csrf', 0.94, body(TORNADO_XSRF), {
      why: 'the Jupyter server\'s XSRF check (Tornado\'s) refused a POST that carries no _xsrf token: a browser tab idle past the cookie, an extension or embedder posting without the token, or a token-less request through a proxy that drops cookies',
      fix: 'Send the _xsrf cookie value as the X-XSRFToken header (or _xsrf field), or authenticate API calls with Authorization: token <token>, which Jupyter Server exempts from the check; reload the page if the tab is old.',
    }),
    rule('missing-credentials', 0.88, body(/not derived from scopes \[\]/), {
      why: 'JupyterHub saw no credentials at all (its scopes are empty): no token, or the browser cookie was refused by its cross-site checks',
      fix: 'Send Authorization: token <API token> (or log in through the hub), and check the request\'s Host/Origin match the hub\'s URL when it comes from a browser.',
    }),
    rule('insufficient-permissions', 0.92, any(body(HUB_SCOPES), body(/You do not have permission to access JupyterHub service/)), {
      why: 'JupyterHub\'s RBAC refused the action: the user, service or token holds no role granting the scope it names (admin:users, read:hub, access:servers…)',
      fix: 'Give the user or service a role with that scope in c.JupyterHub.load_roles (admin_users alone no longer implies every scope in hub 2+), or request a token with it.',
    }),
  ],
  checklist: { auth: 'Check the token (Authorization: token …) and the XSRF cookie for browser-style requests.', server: 'Check load_roles for the scope named in the refusal.' },
});

/**
 * SonarQube / SonarCloud: its web API's error envelope {"errors":[{"msg":"…"}]} and the scanner's 'Error during
 * SonarQube Scanner execution' with the server's sentence. Sources: docs.sonarsource.com web API, 
 * pinchbv/android-analyzer#28, DefectDojo/django-DefectDojo#7365, travis-ci/travis-ci#6901,
 * cnescatlab/sonar-cnes-report#351, okorach/sonar-tools#866, bellingard/sonar-scanner-npm#10.
 */
const SQ_ENVELOPE = /\{\s*"errors"\s*:\s*\[\s*\{\s*"msg"\s*:\s*"/;
const SQ_SCANNER = /Error during SonarQube Scanner execution|SonarQube server \(code \d{3}\)|sonarcloud\.io\/api\/|\/api\/ce\/submit\?projectKey=/;

const sonarqube = defineProducer({
  id: 'sonarqube', kind: 'saas-api', name: 'SonarQube / SonarCloud', family: 'sonar',
  own: [body(SQ_SCANNER), all(body(SQ_ENVELOPE), body(/"msg"\s*:\s*"(Insufficient privileges|Not authorized|Authentication is required|Component key '|Project doesn't exist|Organization)/))],
  bodyOnly: [body(/\bSonarQube Scanner\b|\bsonar-scanner\b[^\n]{0,60}\b(ERROR|error)\b/)],
  causes: [
    rule('missing-credentials', 0.9, body(/Not authorized\. Analyzing this project requires authentication|Please provide (a user token in sonar\.(login|token)|the values of the properties sonar\.login)/), {
      why: 'SonarQube received no usable token for the analysis (or API call): the project (or instance, with Force user authentication) requires one',
      fix: 'Pass a user or project analysis token (SONAR_TOKEN / sonar.token, sonar.login on older scanners) from My Account → Security.',
    }),
    rule('insufficient-permissions', 0.9, body(/\bInsufficient privileges\b|You're not authorized to (run analysis|analyze this project)/), {
      why: 'the SonarQube token\'s user lacks the permission this call needs (Execute Analysis, Browse, Create Projects, Administer), or on SonarCloud the organization was not given (sonar.organization)',
      fix: 'Grant the user (or its group) the permission on the project or globally (Administration → Security → Global permissions), use a token of a user that has it, and set sonar.organization on SonarCloud.',
    }),
  ],
  checklist: { auth: 'Check the token\'s user and its permissions (Execute Analysis, Browse, Create Projects).' },
});

/**
 * Mattermost: its API's AppError JSON ({"id":"api.context.permissions.app_error","message":…,"detailed_error":…,
 * "request_id":…,"status_code":403}), localized messages under the same ids, the X-Version-Id header and its server
 * log fields (err_where, http_code, err_details). Sources: api.mattermost.com (errors), mattermost/mattermost#23137,
 * nextcloud/integration_mattermost#37, mattermost/mattermost#8985, mattermost/mattermost#16873,
 * neopoly/neoboard#13, nextcloud/integration_mattermost#10.
 */
const MM_ID = /"id"\s*:\s*"(api|app|ent|model|store|web|plugin)\.[a-z_.]{3,80}\.app_error"/;

const mattermost = defineProducer({
  id: 'mattermost', kind: 'saas-api', name: 'Mattermost API', family: 'mattermost',
  own: [body(MM_ID), hdr('x-version-id', /^\d+\.\d+\.\d+\.\d+\.\d+\.\d+\.[0-9a-f]{32}\.(true|false)$/)],
  bodyOnly: [body(/"err_where"\s*:\s*"[^"]{0,80}"\s*,\s*"http_code"\s*:\s*\d{3}/)],
  causes: [
    rule('invalid-credentials', 0.93, any(body(/\bapi\.context\.session_expired\.app_error\b/), body(/Invalid or expired session, please login again/)), {
      why: 'Mattermost does not know the session or token (api.context.session_expired): a revoked or expired session, a deleted personal access token, or personal access tokens turned off',
      fix: 'Log in again (POST /api/v4/users/login) or create a new personal access token (needs EnablePersonalAccessTokens and the user\'s permission), and send it as Authorization: Bearer <token>.',
    }),
    rule('insufficient-permissions', 0.92, any(body(/\bapi\.context\.permissions\.app_error\b/), body(/You do not have the appropriate permissions/)), {
      why: 'Mattermost\'s permission check refused the call: the user (or bot) lacks the permission the endpoint needs in the system, team or channel scheme — e.g. not a channel member, manage_webhooks, create_user_access_token — and a malformed body (unknown field names) reads the same',
      fix: 'Give the user or bot the role or permission (System Console → User Management → Permissions), add it to the team/channel, and check the request\'s field names (team_id, display_name).',
    }),
  ],
  checklist: { auth: 'Check the session or personal access token, and the user\'s roles in the permission scheme.' },
});

/**
 * Apache Airflow 2's stable REST API: RFC 7807 problem+json whose "type" links its own reference
 * (airflow.apache.org/docs/apache-airflow/<version>/stable-rest-api-ref.html#section/Errors/Unauthenticated |
 * PermissionDenied), also as its generated client prints it. Sources: airflow.apache.org stable REST API reference
 * (Errors), apache/airflow#23663, bitnami/containers#51069, yangkyeongmo/mcp-server-apache-airflow#13.
 */
const AIRFLOW_REF = /airflow\.apache\.org\/docs\/apache-airflow\/[\w.-]{1,20}\/stable-rest-api-ref\.html/;

const airflow = defineProducer({
  id: 'airflow', kind: 'saas-api', name: 'Apache Airflow REST API', family: 'airflow',
  own: [body(AIRFLOW_REF)],
  causes: [
    rule('invalid-credentials', 0.82, any(body(/#section\/Errors\/Unauthenticated\b/), all(body(AIRFLOW_REF), body(/"status"\s*:\s*401\b/))), {
      why: 'Airflow\'s API did not authenticate the request: the credentials were refused, or the configured API auth backend does not read them (the default deny_all / session backends ignore Basic auth)',
      fix: 'Set [api] auth_backends to include airflow.api.auth.backend.basic_auth (or your token backend) and restart the webserver, then send Basic user:password of an Airflow (FAB) user; behind a proxy, check the Authorization header reaches Airflow.',
    }),
    rule('missing-credentials', 0.6, body(/#section\/Errors\/Unauthenticated\b/)),
    rule('insufficient-permissions', 0.9, body(/#section\/Errors\/PermissionDenied\b/), {
      why: 'the Airflow user\'s roles lack the permission for this endpoint or DAG (can edit on DAG Runs, per-DAG can_edit/can_read since 2.x access control)',
      fix: 'Add the permission (or the per-DAG one, DAG:<dag_id>) to the user\'s role under Security → List Roles, or use a role such as Op/Admin.',
    }),
  ],
  checklist: { auth: 'Check [api] auth_backends accepts your credentials (basic_auth for Basic).', server: 'Check the user\'s roles and per-DAG permissions.' },
});

/**
 * Home Assistant: its login flow's answer (HTTP 200, {"type":"form","flow_id":"<32 hex>",…,"errors":{"base":
 * "invalid_auth"}}) and the http.ban notice 'Login attempt or request with invalid authentication from <host> (<ip>)' that
 * every refused request raises (its REST API answers a bare '401: Unauthorized'). Sources: developers.home-assistant.io
 * (REST API, auth API), christiaangoossens/hass-oidc-auth#64, home-assistant/core#153160, #102200,
 * LAB02-Research/HASS.Agent.Staging#28, axzae/homeassist#43.
 */
const HA_FLOW_AUTH = /"errors"\s*:\s*\{\s*"base"\s*:\s*"invalid_auth"/;
const HA_BAN = /Login attempt or request with invalid authentication from /;

const homeAssistant = defineProducer({
  id: 'home-assistant', kind: 'saas-api', name: 'Home Assistant', family: 'home-assistant',
  own: [body(HA_BAN), body(/\bhomeassistant\.components\.http\.ban\b/), all(body(/"flow_id"\s*:\s*"[0-9a-f]{32}"/), body(/"step_id"\s*:\s*"/))],
  bodyOnly: [body(HA_FLOW_AUTH)],
  causes: [
    rule('invalid-credentials', 0.9, any(body(HA_FLOW_AUTH), body(HA_BAN)), {
      blocks: true, why: 'Home Assistant refused the credentials: a wrong user name or password in the login flow (sent as HTTP 200 with errors.base invalid_auth), or an expired, revoked or mistyped access token on the API (401, logged as a failed login that counts toward an IP ban)',
      fix: 'Create a long-lived access token (Profile → Security) and send it as Authorization: Bearer <token>; check the login and password; too many failures ban the IP (ip_bans.yaml) until removed.',
    }),
  ],
  checklist: { auth: 'Use a long-lived access token as a Bearer header; repeated failures ban the client IP.' },
});

/**
 * Zabbix API (api_jsonrpc.php): JSON-RPC errors sent with HTTP 200 — {"code":-32602,"message":"Invalid params.","data":
 * "Not authorised."} when no usable auth token came (null, not sent in the way this version reads it), "Session
 * terminated, re-login, please." for a session or token it no longer knows — and clients' lines ('Error -32602: Invalid
 * params., Not authorised.', ZabbixAPIException). Sources: zabbix.com/documentation (API, authentication),
 * lukecyca/pyzabbix#130, #212, #228, HenriWahl/Nagstamon#269, tpretz/terraform-provider-zabbix#43,
 * intellitrend/zabbixapi-php#15, grafana/grafana-zabbix#25.
 */
const ZBX_NOT_AUTH = /\bNot authori[sz]ed\./;
const ZBX_SESSION = /Session terminated, re-login, please\./;
const ZBX_INVALID_PARAMS = /"code"\s*:\s*-32602\s*,\s*"message"\s*:\s*"Invalid params\."\s*,\s*"data"\s*:\s*"|\bError:? -32602:? \(?Invalid params\.\)?[,:]? |Errorcode: -32602 ErrorMessage: Invalid params\./;

const zabbix = defineProducer({
  id: 'zabbix', kind: 'saas-api', name: 'Zabbix API', family: 'zabbix',
  own: [body(/\bapi_jsonrpc\.php\b/), body(/\bZabbixAPIException\b/), all(body(ZBX_INVALID_PARAMS), any(body(ZBX_NOT_AUTH), body(ZBX_SESSION)))],
  bodyOnly: [body(ZBX_SESSION)],
  causes: [
    rule('missing-credentials', 0.86, all(body(ZBX_INVALID_PARAMS), body(ZBX_NOT_AUTH)), {
      blocks: true, why: 'the Zabbix API got no auth token it reads (JSON-RPC -32602 "Not authorised.", sent with HTTP 200): the client never logged in, sent "auth": null, or sent the token the way another version expects (7.2 dropped the "auth" field for the Authorization: Bearer header) — or the user may not see that object',
      fix: 'Call user.login first (username, not user, since 6.4) or create an API token, and send it as Authorization: Bearer <token> (the "auth" field before 6.4/7.2); check the user\'s role allows API access and the host groups.',
    }),
    rule('invalid-credentials', 0.9, body(ZBX_SESSION), {
      blocks: true, why: 'Zabbix no longer knows the session or API token (expired, logged out, deleted, or from another Zabbix server), sent as JSON-RPC -32602 with HTTP 200',
      fix: 'Log in again with user.login (or create a new API token) and retry; keep sessions alive or use a token with an expiry that fits the job.',
    }),
  ],
  checklist: { server: 'Check the JSON-RPC "error" member: Zabbix answers refusals with HTTP 200.' },
});

/** Self-hosted developer and operations tools (CI servers, code quality, notebooks, file sync, cluster managers, chat) with their own refusal pages or envelopes. */
export const DEVOPS_TOOL_PRODUCERS: Producer[] = [jenkins, nextcloud, jupyter, sonarqube, mattermost, airflow, homeAssistant, zabbix];
