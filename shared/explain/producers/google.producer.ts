import type { Matcher } from '../match';
import { all, any, body, bodyGroup, hdr, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';
import { defineProducer } from './define';
import { S3_RULES } from './s3-compatible.producer';

/** Google's refusal of an API key it found published (Gemini / AI Studio keys). */
const GOOGLE_LEAKED_KEY = /Your API key was reported as leaked\./;

/**
 * Google's errors as its clients print them: google-api-core's exception line, its protobuf-text ErrorInfo,
 * the Go client's "googleapi: Error 403:", googleapiclient's HttpError for a googleapis.com URL, and
 * BigQuery's Access Denied sentence naming one of its permissions.
 */
const GOOGLE_CLIENT_LINE = /\bgoogle\.api_core\.exceptions\.\w+: \d{3} |\breason: "[A-Z_]+"\s+domain: "googleapis\.com"|\bgoogleapi: Error \d{3}: |<HttpError \d{3} when requesting https:\/\/[\w.-]*googleapis\.com\//;
/** The Java client libraries' GAX exception (com.google.api.gax.rpc.*Exception) wrapping the gRPC status Google sent. */
const GAX_DENIED = /\bcom\.google\.api\.gax\.rpc\.PermissionDeniedException: /;
const GAX_UNAUTHENTICATED = /\bcom\.google\.api\.gax\.rpc\.UnauthenticatedException: /;
const GAX_EXHAUSTED = /\bcom\.google\.api\.gax\.rpc\.ResourceExhaustedException: /;
/**
 * gcloud's own error line for a refusal it relays ("ERROR: (gcloud.<command>) ResponseError: code=403, …"), and its
 * Compute Engine list commands' "Some requests did not succeed:" with a refusal bullet under it.
 */
const GCLOUD_LINE = /\bERROR: \(gcloud\.[\w.-]+\) (ResponseError: code=40[13]\b|PERMISSION_DENIED: |UNAUTHENTICATED: |(User )?\[[^\]]+\] does not have permission|Some requests did not succeed:\s*\n\s*- (Required '|Insufficient Permission\b))/;
/** gcloud's bullet for Google's legacy insufficientPermissions answer: the OAuth scopes of the credential (a VM's default scopes). */
const GCLOUD_INSUFFICIENT = /Some requests did not succeed:\s*\n\s*- Insufficient Permission\b/;
/** Compute Engine's own IAM sentence: "Required '<service>.<resource>.<verb>' permission for '<resource>'". */
const COMPUTE_REQUIRED = /\bRequired '[a-z]+\.[a-zA-Z]+\.[a-zA-Z]+' permission for '[^'\n]+'/;
/** SERVICE_DISABLED / accessNotConfigured in Google's words: "<Name> API has not been used in project <p> before or it is disabled". */
const GOOGLE_SERVICE_DISABLED = /\bAPI has not been used in project [\w-]+ before or it is disabled\b/;
/** CONSUMER_SUSPENDED in Google's words: the key's or project's consumer was suspended (abuse, a leaked or shared key). */
const GOOGLE_CONSUMER_SUSPENDED = /\bPermission denied: Consumer '[^'\n]+' has been suspended\b/;
/** The Gemini API's own quota words: its per-metric lines and its rate-limits page (its first sentence is OpenAI's too). */
const GEMINI_QUOTA = /\bQuota exceeded for metric: generativelanguage\.googleapis\.com\/\w+|https:\/\/ai\.google\.dev\/gemini-api\/docs\/rate-limits\b/;
const BIGQUERY_DENIED = /Access Denied: (Project|Dataset|Table) \S+: [^\n]{0,120}\bbigquery\.[a-z]+\.[a-zA-Z]+ (permission|denied)/;

/**
 * Google's API-key restriction refusals in their own words (API_KEY_SERVICE_BLOCKED, _HTTP_REFERRER_BLOCKED,
 * _ANDROID_APP_BLOCKED, _IOS_APP_BLOCKED), as SDKs and consoles print the message without the envelope.
 */
const GOOGLE_KEY_BLOCKED = /\bRequests (to this API [\w.-]+ method [\w.]+|from referer \S+|from this (Android|iOS) client application \S+) are blocked\b/;

/** Google's own words for RESOURCE_EXHAUSTED (the Gemini API's, Vertex AI's with its error-code-429 page) and ACCESS_TOKEN_SCOPE_INSUFFICIENT. */
const GOOGLE_EXHAUSTED = /Resource has been exhausted \(e\.g\. check quota\)|Resource exhausted\. Please try again later\. Please refer to\s+https:\/\/cloud\.google\.com\/vertex-ai\/[\w/.-]*error-code-429/;
const GOOGLE_SCOPES = /Request had insufficient authentication scopes/;
/**
 * Google's own message sentences as a fragment carries them (no envelope): UNAUTHENTICATED's credential sentence,
 * PERMISSION_DENIED's caller and IAM-permission sentences, the billing, legacy usageLimits and referer refusals,
 * Gemini's location refusal, a key-restriction sentence cut after its service. Sources: cloud.google.com/apis/design/errors,
 * github.com/googleapis/google-api-php-client/issues/2479, corpus test/fixtures/responses/google-apis/.
 */
const GOOGLE_SENTENCES = /Request is missing required authentication credential\. Expected OAuth 2 access token|The caller does not have permission\b|\bPermission '(?!artifactregistry\.)[a-z]+\.[a-zA-Z]+\.[a-zA-Z]+' denied (for|on) resource '|This API method requires billing to be enabled\. Please enable billing on project|The project to be billed has not configured billing|\bProject [\w-]+ \(#\d+\) has billing disabled\b|Daily Limit for Unauthenticated Use Exceeded\. Continued use requires signup|The request did not specify any referer\. Please ensure that the client is sending referer|User location is not supported for the API use|\bRequests to this API [\w-]+\.googleapis\.com method |Quota exceeded for quota metric '[^'\n]{1,120}' and limit '[^'\n]{1,160}' of service '|The request cannot be completed because you have exceeded your (<a href="\/youtube\/v3\/getting-started#quota">)?quota\b|\bgoogleapiclient\.http:Encountered \d{3} [\w ]{2,40} with reason "\w+"|\(gcloud\.[\w.-]+\) Some requests did not succeed:\s*-\s*(Insufficient Permission|Required ')/;

const reason = (r: string): Matcher => bodyGroup(new RegExp(`"reason"\\s*:\\s*"(${r})"`), 1);

/** google.rpc.ErrorInfo reasons and legacy errors[].reason values. */
export const GOOGLE_RULES: CauseRule[] = [
  rule('invalid-credentials', 0.95, any(reason('API_KEY_INVALID|API_KEY_EXPIRED|ACCESS_TOKEN_EXPIRED|ACCESS_TOKEN_TYPE_UNSUPPORTED|keyInvalid|authError'), body(/API key not valid\. Please pass a valid API key|API key expired/i)), {
    why: 'Google says the API key or access token is invalid or expired (ErrorInfo reason)', blocks: true,
    fix: 'Use a current key/token of this project; OAuth tokens expire after an hour — refresh them.',
  }),
  rule('missing-credentials', 0.93, any(reason('CREDENTIALS_MISSING|required'), body(/Request is missing required authentication credential|Method doesn't allow unregistered callers/i)), {
    why: 'no API key or OAuth token reached the Google API', blocks: true,
    fix: 'Send Authorization: Bearer <OAuth token> or ?key=<API key> (x-goog-api-key).',
  }),
  rule('account-or-plan-restriction', 0.95, any(reason('SERVICE_DISABLED|BILLING_DISABLED|accessNotConfigured|CONSUMER_SUSPENDED|CONSUMER_INVALID|USER_PROJECT_DENIED_BILLING'), body(GOOGLE_SERVICE_DISABLED)), {
    why: 'the API is not enabled, billing is disabled or the consumer project is suspended for the calling project (ErrorInfo reason)', blocks: true,
    fix: 'Enable the API (the activationUrl in the error metadata) and billing for the consumer project, wait a few minutes, retry.',
  }),
  rule('account-or-plan-restriction', 0.93, body(GOOGLE_CONSUMER_SUSPENDED), {
    why: 'Google suspended the consumer named (an API key or a project): typically for abuse or terms-of-service reasons, or a key found shared or published; requests from it are refused whatever their content', blocks: true,
    fix: 'Create a new key in another project (or appeal the project\'s suspension in the console) and keep keys out of shared code.',
  }),
  rule('insufficient-permissions', 0.95, any(reason('ACCESS_TOKEN_SCOPE_INSUFFICIENT|insufficientPermissions'), body(GOOGLE_SCOPES), body(GCLOUD_INSUFFICIENT)), {
    why: 'the OAuth token lacks a scope this method needs (ACCESS_TOKEN_SCOPE_INSUFFICIENT)', fix: 'Re-authorise with the scope the method documents and use the new token.',
  }),
  rule('invalid-credentials', 0.95, body(GOOGLE_LEAKED_KEY), {
    why: 'Google found this API key published (in a repository, a page or a client) and blocked it for good', blocks: true,
    fix: 'Create a new key in AI Studio / Credentials, delete the leaked one, and keep keys out of client code and commits.',
  }),
  rule('insufficient-permissions', 0.93, any(reason('IAM_PERMISSION_DENIED|USER_PROJECT_DENIED'), body(/Permission ['"]?[\w.]+['"]? denied on (resource|dataset|table|project)|does not have [\w.]+ (access to|permission (in|for|on))|Required \\?"[\w.]+\\?" permission|does not have permission to access (project|projects instance) \[/i), body(COMPUTE_REQUIRED)), {
    why: 'IAM denies the caller the permission named in the error', fix: 'Grant a role containing that permission to the caller on the resource or project.',
  }),
  rule('resource-policy-deny', 0.93, reason('API_KEY_HTTP_REFERRER_BLOCKED|API_KEY_IP_ADDRESS_BLOCKED|API_KEY_ANDROID_APP_BLOCKED|API_KEY_IOS_APP_BLOCKED|API_KEY_SERVICE_BLOCKED|SECURITY_POLICY_VIOLATED|ORG_POLICY_CONSTRAINT_FAILED'), {
    why: 'the API key\'s restrictions (referrer, IP, app or API) or an organisation/VPC-SC policy refuse this request', blocks: true,
    fix: 'Edit the key\'s application/API restrictions in the console (or use a key restricted for this kind of client), or request a VPC-SC/org policy exception.',
  }),
  rule('resource-policy-deny', 0.9, body(GOOGLE_KEY_BLOCKED), {
    why: 'the API key\'s restrictions refuse this call: its API restrictions leave out this API (or method), or its application restriction (website referrer, Android package and certificate, iOS bundle) does not match the caller', blocks: true,
    fix: 'In Credentials, add this API to the key\'s API restrictions, or the caller\'s referrer / package and SHA-1 / bundle id to its application restrictions; server-side calls need a key without a referrer restriction.',
  }),
  rule('ip-or-geo-blocked', 0.8, reason('API_KEY_IP_ADDRESS_BLOCKED')),
  rule('ip-or-geo-blocked', 0.92, any(reason('LOCATION_POLICY_VIOLATED|USER_LOCATION_NOT_SUPPORTED'), body(/User location is not supported for the API use/i)), { why: 'the API is not available in the caller\'s location', blocks: true }),
  rule('rate-limited', 0.95, any(reason('RATE_LIMIT_EXCEEDED|RESOURCE_EXHAUSTED|dailyLimitExceeded|userRateLimitExceeded|rateLimitExceeded|quotaExceeded'), body(/"status"\s*:\s*"RESOURCE_EXHAUSTED"/), body(GOOGLE_EXHAUSTED), body(GEMINI_QUOTA)), {
    why: 'a Google quota or rate limit for the project/user was exceeded (a 403 from Google can mean rate limiting)', blocks: true,
    fix: 'Back off with exponential retry; request a quota increase in the console if it is a daily quota.',
  }),
  rule('insufficient-permissions', 0.6, body(/"status"\s*:\s*"PERMISSION_DENIED"|"reason"\s*:\s*"forbidden"/), { why: 'Google returned PERMISSION_DENIED' }),
  rule('insufficient-permissions', 0.8, body(GAX_DENIED), {
    why: 'a Google Cloud Java client library got PERMISSION_DENIED: the credential it found (GOOGLE_APPLICATION_CREDENTIALS, the attached service account, or another project\'s key) lacks the IAM permission for this call',
    fix: 'Check which identity the library uses and grant it a role holding the permission the message names on the resource or project; also check the project the client is pointed at.',
  }),
  rule('invalid-credentials', 0.75, body(GAX_UNAUTHENTICATED), { why: 'a Google Cloud Java client library got UNAUTHENTICATED: its credential is missing, expired or not accepted' }),
  rule('rate-limited', 0.9, body(GAX_EXHAUSTED), { why: 'a Google Cloud Java client library got RESOURCE_EXHAUSTED: a quota or rate limit of the project was hit', blocks: true }),
  rule('invalid-credentials', 0.6, body(/"status"\s*:\s*"UNAUTHENTICATED"/), { why: 'Google returned UNAUTHENTICATED: the credential was missing, invalid or expired' }),
  rule('missing-credentials', 0.5, body(/"status"\s*:\s*"UNAUTHENTICATED"/)),
];

const GOOGLE_CHECKLIST = {
  auth: 'Check the token\'s scopes (tokeninfo) and the caller\'s IAM roles on the project; check which project the API key belongs to.',
  server: 'Check the API is enabled and billing is active for the consumer project.',
  gateway: 'Check the API key restrictions (application and API restrictions) in Credentials.',
  logging: 'Read error.details[] (ErrorInfo reason, metadata) and the project\'s audit logs.',
};

/**
 * The web services' error_message sentences without their {status, error_message} envelope (a message-only fragment,
 * a body cut before "status"). Sources: developers.google.com/maps/documentation/geocoding/requests-geocoding#StatusCodes,
 * developers.google.com/maps/faq#error-messages, corpus google-maps-platform/.
 */
const MAPS_SENTENCES = /This IP, site or mobile application is not authorized to use this API key\b|You must enable Billing on the Google Cloud Project at https:\/\/console\.cloud\.google\.com\/project\/_\/billing\/enable|This API project is not authorized to use this API\.|You have exceeded your (daily request quota|rate-limit) for this API\b|API keys with referer restrictions cannot be used with this API\./;

export const googleMapsPlatform = defineProducer({
  id: 'google-maps-platform', kind: 'saas-api', name: 'Google Maps Platform', family: 'google',
  // its sentences are the Maps web services' own: where Google's generic billing words also match, Maps wrote it
  overrides: ['google-apis'],
  bodyOnly: [body(MAPS_SENTENCES)],
  own: [body(/"error_message"\s*:\s*"[^"]*"[\s\S]{0,300}"status"\s*:\s*"(REQUEST_DENIED|OVER_QUERY_LIMIT|OVER_DAILY_LIMIT|INVALID_REQUEST)"|"status"\s*:\s*"(REQUEST_DENIED|OVER_QUERY_LIMIT|OVER_DAILY_LIMIT)"[\s\S]{0,300}"error_message"/)],
  presence: [hdr('server', /^(mafe|scaffolding on HTTPServer2)$/i)],
  causes: [
    rule('missing-credentials', 0.93, body(/You must use an API key to authenticate each request/i), { why: 'no API key was sent', blocks: true }),
    rule('account-or-plan-restriction', 0.94, body(/You must enable Billing on the Google Cloud Project|This API project is not authorized to use this API|API is not activated/i), { why: 'billing or this API is not enabled for the key\'s project', blocks: true }),
    rule('resource-policy-deny', 0.92, body(/is not authorized to use this API key|API keys with referer restrictions cannot be used with this API/i), { why: 'the API key\'s restrictions (referrer, IP, app) refuse this caller', blocks: true }),
    rule('invalid-credentials', 0.92, body(/The provided API key is invalid|The provided API key is expired/i), { why: 'the API key is invalid or expired', blocks: true }),
    rule('rate-limited', 0.92, body(/"status"\s*:\s*"(OVER_QUERY_LIMIT|OVER_DAILY_LIMIT)"/), { why: 'the Maps quota for this key/project is exceeded', blocks: true }),
    rule('other', 0.5, body(/"status"\s*:\s*"REQUEST_DENIED"/), { blocks: true, why: 'Maps returned REQUEST_DENIED with status 200' }),
  ],
  checklist: GOOGLE_CHECKLIST,
});

/** Firebase Authentication's sign-in refusals (Identity Toolkit codes) and its SDKs' exception names. */
/** Realtime Database and Cloud Storage for Firebase refusing by their Security Rules, as their SDKs print it. */
const FIREBASE_RULES_DENIED = /\bpermission_denied( at \/[^\s:]*)?: Client doesn't have permission to access the desired data|Firebase Storage: User does not have permission to access|\[firebase_storage\/unauthorized\]|\(storage\/unauthorized\)|\bCode: -13021 HttpResult: \d{3}/;
/** The Admin SDKs' verifyIdToken refusals (Node, Python, Go, Java): an expired or revoked ID token, or one of another project or kind. */
const FIREBASE_ADMIN_TOKEN = /\bFirebase ID token has (expired|been revoked|incorrect "(aud|iss)" \((audience|issuer)\) claim)|\bID token has invalid '(aud|iss)' \((audience|issuer)\) claim/;
const FIREBASE_AUTH_LOGIN = /\b(INVALID_LOGIN_CREDENTIALS|INVALID_PASSWORD|EMAIL_NOT_FOUND)\b|FirebaseAuthInvalidCredentialsException|The password is invalid or the user does not have a password/;

export const firebase = defineProducer({
  id: 'firebase', kind: 'saas-api', name: 'Firebase', family: 'google',
  // its Auth and rules words sit inside Google's error envelope: Firebase wrote them, Google's umbrella only carries them
  overrides: ['google-apis'],
  // Firestore's rule-denial sentence is more specific than Google's generic error envelope around it;
  // the Realtime Database's "Permission denied" names it only as it prints it ("error" : with a space)
  own: [body(/Missing or insufficient permissions\./, 4), body(/firebase(io|storage|app)?\.(com|app)|"error" : "Permission denied"|Firebase App Check|firebaseio/i), body(/"message"\s*:\s*"(INVALID_ID_TOKEN|TOKEN_EXPIRED)\b/), body(FIREBASE_AUTH_LOGIN)],
  bodyOnly: [body(FIREBASE_RULES_DENIED), body(FIREBASE_ADMIN_TOKEN)],
  causes: [
    rule('insufficient-permissions', 0.88, any(body(/Missing or insufficient permissions\.|"error"\s*:\s*"Permission denied"/), body(FIREBASE_RULES_DENIED)), {
      why: 'Firebase Security Rules deny this read/write for the signed-in user (or for an unauthenticated request)',
      fix: 'Check the Security Rules for this path (Rules Playground) and that the request carries the user\'s ID token.',
    }),
    rule('invalid-credentials', 0.9, body(/INVALID_ID_TOKEN|TOKEN_EXPIRED|USER_DISABLED/), { why: 'the Firebase ID token is invalid or expired', blocks: true }),
    rule('invalid-credentials', 0.91, body(FIREBASE_ADMIN_TOKEN), {
      blocks: true, why: 'the server\'s Firebase Admin SDK refused the ID token the client sent: expired (they live one hour) or revoked, or not a Firebase ID token of this project — a Google OAuth id_token, a custom token, or one from another project or the emulator (its aud/iss name the project it expected)',
      fix: 'Send user.getIdToken() (refreshed before each call; getIdToken(true) after a 401), and initialise the Admin SDK with a service account of the same project that issued the token.',
    }),
    rule('invalid-credentials', 0.9, body(FIREBASE_AUTH_LOGIN), {
      blocks: true, why: 'Firebase Authentication refused the email/password sign-in (400): a wrong password, an unknown email, or a user without a password provider — with email enumeration protection on it says INVALID_LOGIN_CREDENTIALS for all of them',
      fix: 'Check the email and password (reset the password if needed) and that the account has the Email/Password provider; do not rely on telling the cases apart.',
    }),
    rule('missing-credentials', 0.75, body(/App Check token is (missing|invalid)|Firebase App Check/i), { why: 'App Check enforcement requires a valid App Check token' }),
    ...GOOGLE_RULES,
  ],
});

/** GCS's XML API words S3's signature refusal with its own key name (V2/V4 signed URLs, HMAC interoperability). */
const GCS_SIGNATURE = /Check your Google secret key\b/;

export const googleCloudStorage = defineProducer({
  id: 'google-cloud-storage', kind: 'cloud-storage', name: 'Google Cloud Storage', family: 'google',
  // an S3 SDK in front of GCS's interoperable API names S3, and Google's error envelope is every Google API's:
  // GCS's own words (its storage.* permissions, its signing sentence) name the server
  overrides: ['aws-s3', 'google-apis'],
  own: [all(body(/<Error>\s*<Code>\w+<\/Code>/), body(/<Details>|storage\.googleapis\.com|Google Cloud Storage/i)), body(/storage\.(objects|buckets)\.\w+ (access|permission)|Google Cloud Storage (object|bucket)/)],
  bodyOnly: [body(GCS_SIGNATURE)],
  presence: [hdr('x-guploader-uploadid'), hdr('server', /^UploadServer$/)],
  causes: [
    rule('missing-credentials', 0.96, body(/Anonymous caller does not have storage\.[\w.]+ access/i), { why: 'the request was anonymous and the bucket is not public', fix: 'Send an OAuth token (Authorization: Bearer) or use a signed URL.' }),
    rule('insufficient-permissions', 0.9, body(/does not have storage\.[\w.]+ access/i), { why: 'the caller lacks the storage permission named in the error (IAM on the bucket/project)' }),
    rule('account-or-plan-restriction', 0.93, body(/billing account for the owning project is disabled|UserProjectAccountProblem/i), { why: 'the billing account of the bucket\'s project is disabled', blocks: true }),
    rule('signature-or-clock-skew', 0.95, body(/Request has expired|<Code>ExpiredToken<\/Code>[\s\S]{0,200}expired/i), { why: 'the signed URL has expired (X-Goog-Expires elapsed)', blocks: true }),
    rule('signature-or-clock-skew', 0.94, body(GCS_SIGNATURE), {
      blocks: true, why: 'GCS computed another signature: the signed URL was changed after signing (method, headers, content type, path encoding), signed with another key, or an HMAC secret is wrong',
      fix: 'Compare the <StringToSign> in the error with what was signed; sign with the service account\'s current key (V4 signing), send exactly the signed method and headers, and check HMAC keys for interoperability.',
    }),
    ...GOOGLE_RULES,
    ...S3_RULES,
  ],
  checklist: GOOGLE_CHECKLIST,
});

export const googleApiGateway = defineProducer({
  id: 'google-api-gateway', kind: 'gateway', name: 'Google API Gateway / Cloud Endpoints', family: 'google',
  own: [body(/^\s*\{\s*"code"\s*:\s*\d{3}\s*,\s*"message"\s*:\s*"(UNAUTHENTICATED|PERMISSION_DENIED|Jwt[^"]*|Audiences in Jwt[^"]*)/)],
  presence: [hdr('server', /^(Google Frontend|ESF)$/)],
  causes: [
    rule('missing-credentials', 0.92, body(/Jwt is missing|Method doesn't allow unregistered callers/i), { why: 'the gateway requires a JWT or API key and none was sent' }),
    rule('invalid-credentials', 0.9, body(/Jwt (is expired|verification fails|issuer is not configured|is not in the form of Header\.Payload\.Signature)|API key not valid/i), { why: 'the gateway rejected the JWT or API key' }),
    rule('insufficient-permissions', 0.8, body(/Audiences in Jwt are not allowed/i), { why: 'the JWT audience is not one this API accepts' }),
    rule('account-or-plan-restriction', 0.85, body(/API [\w.-]+ is not enabled for the project|has not been used in project/i), { why: 'the managed service is not enabled for the consumer project' }),
    ...GOOGLE_RULES,
  ],
  checklist: { gateway: 'Check the API config (securityDefinitions, x-google-audiences, x-google-issuer) deployed on the gateway.' },
});

/** "Quota exceeded for aiplatform.googleapis.com/<metric>" or "… for quota metric '…' and limit '…' of service '….googleapis.com'". */
const GOOGLE_QUOTA = /Quota exceeded for ([\w-]+\.googleapis\.com\/\w+|quota metric '[^']+' and limit '[^']+' of service '[\w.-]+\.googleapis\.com')/;

export const googleApis = defineProducer({
  id: 'google-apis', kind: 'saas-api', name: 'Google APIs', family: 'google',
  // the Gemini API's quota words outrank OpenAI's sentence they start with
  own: [body(GEMINI_QUOTA), body(/"domain"\s*:\s*"[\w.]+",\s*"reason"\s*:\s*"\w+"/), body(/type\.googleapis\.com\/google\.rpc\.|"domain"\s*:\s*"(googleapis\.com|usageLimits|global)"|"status"\s*:\s*"(PERMISSION_DENIED|UNAUTHENTICATED|RESOURCE_EXHAUSTED|FAILED_PRECONDITION)"/)],
  // the quota sentence names the service on its own (Vertex AI's metric path, or metric, limit and service)
  bodyOnly: [body(GOOGLE_QUOTA), body(/Token has been expired or revoked\./), body(GOOGLE_LEAKED_KEY), body(/API key not valid\. Please pass a valid API key\./), body(GOOGLE_KEY_BLOCKED), body(GOOGLE_EXHAUSTED), body(GOOGLE_SCOPES),
    body(GOOGLE_CLIENT_LINE), body(BIGQUERY_DENIED), body(GCLOUD_LINE), body(GAX_DENIED), body(GAX_UNAUTHENTICATED), body(GAX_EXHAUSTED), body(GOOGLE_SERVICE_DISABLED), body(COMPUTE_REQUIRED), body(GOOGLE_CONSUMER_SUSPENDED), body(GOOGLE_SENTENCES)],
  presence: [hdr('server', /^(ESF|GSE)$/), hdr('x-goog-api-client'), hdr('vary', /X-Origin/i), hdr('alt-svc', /h3=":443"; ma=2592000,h3-29/)],
  causes: GOOGLE_RULES,
  checklist: GOOGLE_CHECKLIST,
});

export const googleCloudArmor = defineProducer({
  id: 'google-cloud-armor', kind: 'cdn-waf', name: 'Google Cloud Armor', family: 'google-edge',
  own: [all(hdr('via', /^1\.1 google$/i, 2), status(403, 429, 502), body(/^\s*(<!doctype html><meta charset="utf-8"><meta name=viewport[^>]*>)?<title>(403|429|502)<\/title>(403 Forbidden|429 Too Many Requests|502 Bad Gateway)\s*$/i))],
  presence: [hdr('via', /^1\.1 google$/i)],
  causes: [
    rule('rate-limited', 0.88, all(status(429), body(/Too Many Requests/)), { why: 'a Cloud Armor rate-based (throttle/ban) rule refused the request', template: true }),
    rule('waf-or-bot-block', 0.62, status(403), { why: 'Google\'s bare 403 page behind the external load balancer: a Cloud Armor security policy rule denied it (WAF, IP or geo rule)', template: true }),
    rule('ip-or-geo-blocked', 0.45, status(403)),
  ],
  checklist: { server: 'Check the Cloud Armor security policy attached to the backend service: preconfigured WAF rules, IP/geo deny rules, rate-based bans.' },
});

/** Artifact Registry's IAM refusal names its own permission (artifactregistry.repositories.*) and adds "(or it may not exist)". */
const GAR_DENIED = /Permission \\?["']artifactregistry\.[\w.]+\\?["'] denied on resource/;

export const googleArtifactRegistry = defineProducer({
  id: 'google-artifact-registry', kind: 'saas-api', name: 'Google Artifact Registry', family: 'google',
  overrides: ['docker-registry', 'google-apis'],
  bodyOnly: [body(GAR_DENIED)],
  causes: [
    rule('insufficient-permissions', 0.92, body(GAR_DENIED), {
      blocks: true, why: 'the caller (a node\'s or build\'s service account, or the deployer) lacks the Artifact Registry permission named, on that repository or project — Google words a repository that does not exist the same way',
      fix: 'Grant roles/artifactregistry.reader (pull) or .writer (push) on the repository to the identity that pulls or pushes, and check the repository path and location.',
    }),
    ...GOOGLE_RULES,
  ],
  checklist: GOOGLE_CHECKLIST,
});
