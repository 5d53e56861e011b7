import { anchored, anchorOf } from '../anchors';
import type { Matcher } from '../match';
import { all, status } from '../match';
import { rule } from '../rule';
import type { CauseId, CauseRule } from '../types';
import { shortBodyWords } from './short-body';

const w = shortBodyWords;

/** An anti-forgery check in words ("_xsrf", Tornado's and Jupyter's form field: "'_xsrf' argument missing from POST", github.com/oreillymedia/thebe/issues/93, github.com/ReviewNB/jupyterlab-gitplus/issues/3); "anti-forgery" may be hyphenated (ASP.NET MVC: "The required anti-forgery cookie … is not present", aspnet/antiforgery-cookie-missing-umbraco; "The anti-forgery cookie token and form field token do not match", aspnet/antiforgery-token-mismatch-log; ASP.NET Core's "antiforgery token", aspnet-core/antiforgery). */
const CSRF = /\b_?(csrf|xsrf)\b[^.\n"<]{0,60}|cross[- ]site request forgery|invalid authenticity token|anti-?forgery (token|cookie|form field)[^.\n"<]{0,40}|anti-?forgery cookie token and form field token|origin (check(ing)? failed|not allowed|does not match)|referr?er checking failed[^.\n"<]{0,40}|no valid crumb (was )?included in (the )?request/i;
const SIGNATURE = /signature (does not match|mismatch|is invalid|verification failed|validation failed|expired|has expired|not valid)|signature we calculated does not match|\bsignaturedoesnotmatch\b|\brequesttimetooskewed\b|difference between the request time and the (current|server'?s?) time is too large|invalid signature|request (has )?expired|clock skew|request time too skewed|time ?stamp[^.\n"<]{0,30}(expired|too old|out of (range|bounds)|outside)|signed url[^.\n"<]{0,30}expired|url signature expired|(presigned|pre-signed) url[^.\n"<]{0,20}expired|signature[_ ]expired|time ?stamp[^.\n"<]{0,40}too far|(too far|drift\w*) from (the )?server('s)? (time|clock)/i;
/** An expired JWT in the words of JWT libraries (PyJWT's ExpiredSignatureError, jose's JWTExpired): the token's exp claim passed, not a request signature. */
const JWT_EXPIRED = /\bsignature has expired\b|expiredsignatureerror|\bjwtexpired\b|"?\bexp\b"? claim timestamp check failed/i;
const INVALID = /invalid (api[ -]?key|token|credentials?|access[ -]token|bearer token|key|client[ _]?(id|secret)|password|jwt|session|signature|subscription key|auth(entication|orization)?)\b|(token|key|credentials?|session|jwt)\b[^.\n"<]{0,20}(has |is |are )?(expired|revoked|invalid|malformed|not valid)|bad credentials|authentication failed|access key id you provided does not exist in our records|unrecognized (login|client|key)|incorrect (api key|password|credentials)|could not (validate|authenticate)/i;
/** No credential received. Widened this round: api_key spelled with an underscore ("No api_key was supplied", api-umbrella/missing-key), a client secret ("Client secret not provided in request", keycloak/client-secret-not-provided-spring), and Kubernetes' anonymous identity as the API server and the kubelet name it (User "system:anonymous", kubernetes-apiserver/anonymous; user=system:anonymous, kubernetes-apiserver/kubelet-forbidden-anonymous). */
const MISSING = /(missing|no) (api[ _-]?key|client secret|token|access[ -]token|credentials?|authori[sz]ation( header)?|authentication( token)?|bearer token|subscription key)\b[^.\n"<]{0,30}|(api[ -]?key|token|authori[sz]ation header|credentials?|authentication)\b[^.\n"<]{0,15}(is |are |was |were )?(missing|required|not (found|provided|present|supplied))|must (be )?(authenticated|logged in|sign(ed)? in|provide (an? )?(api key|token))|login required|not (authenticated|logged in)|anonymous (access|caller|user)|\bsystem:anonymous\b/i;

// A credential that was sent and refused, in the words of many vendors (higher than the 401 default
// and than a bare WWW-Authenticate challenge, which say only "no credential accepted").

/** An adjective of refusal before the credential's name, up to two qualifier words between: "Invalid or expired token" (twitter-api/invalid-token-89), "invalid api token" (cohere-api), "invalid x-api-key" (anthropic-api/invalid-key), "Expired JWT Token" (symfony/expired-jwt), "bad token" (qiniu-kodo), "Invalid Application-ID or API key" (algolia), "Incorrect API key provided" (xai-api), "Unknown Key" (aws-cloudfront/signed-url-unknown-key). */
const BAD_CREDENTIAL = /\b(invalid|expired|incorrect|wrong|bad|unknown|revoked|malformed)\b(,? (or|and) (expired|invalid|revoked|unknown|non-existent|malformed|incorrect))?( [\w-]{1,30}){0,2}[ -](api[ _-]?key|api[ _-]?token|access[ _-]?token|auth(entication)? (token|information|header)|refresh token|token|jwt|key|secret|credentials?)\b/i;
/** The credential named first, then refused: "Token is invalid or expired" (django/simplejwt-invalid), "Session expired or invalid" (salesforce/invalid-session), "The security token included in the request is expired" (aws-services/expired-token), "The OAuth token used to make this call expired" (hubspot-api), "authorization grant is invalid, expired, or revoked" (sendgrid-api), "Authorization http header of your request was incorrect or expired" (square-api). */
const CREDENTIAL_BAD = /\b(api[ _-]?key|token|jwt|session|credentials?|grant|secret|password|authori[sz]ation[`'"]?( http)? header)\b(?:(?!seems?\b)[^.\n"<]){0,40}?\b(has |have |is |are |was |were )?(expired|revoked|invalid|malformed|not valid|incorrect|no longer valid|invalidated)\b/i;
/** A key id or user the layer does not know: "Specified access key is not found" (alibaba-cloud), "The SecretId is not found" (tencent-cloud-api), "ak ... not exist" (huawei-cloud-apig), "app/accesskey is not found" (qiniu-kodo), "api key user not found" (jumpcloud), "Authentication Fails (no such user)" (deepseek-api), "User not found." (openrouter/user-not-found-python-repr), "No active account found with the given credentials" (django/simplejwt-no-active-account-401). */
const KEY_UNKNOWN = /\b(access ?key( ?id)?|secret ?id|app ?key|ak|api key user)\b[^.\n"<]{0,20}?\b(is |was )?(not found|not exist|does not exist|doesn'?t exist)\b|\bauthentication fail\w*[^.\n"<]{0,5}no such user\b|\buser not found\b|\bno (active )?(account|user) (was )?found with the given credentials\b/i;
/** Authentication that ran and failed: "Authentication Fails" (deepseek-api), "unauthorized due to authentication failure" (neo4j), "AuthenticationFailed" (azure-blob-storage), "AUTHENTICATION_FAILED" (clickhouse), "Unable to authenticate you" (digitalocean-api), "Couldn't authenticate you" (zendesk-api), "was not able to validate the provided access credentials" (aws-services/ec2-auth-failure), "Failed to validate the token" (aspnet-core), "Login failed due to incorrect login credentials" (bitbucket-cloud), "Logon failed" (iis). */
const AUTH_FAILED = /\bauthenticat(ion|e)[ _-]?fail(s|ed|ure)?\b|\b(failed|unable|not able|could ?n[o'’]?t|cannot|can'?t) (to )?(authenticate|validate|verify) (you|the (provided )?(access )?(credentials?|token|jwt|identity|key)|(provided )?(access )?credentials|jwt)\b|\b(login|logon|log-in|sign-in) failed\b/i;
/** A user name or e-mail with its password, refused: "incorrect username or password" (docker-registry), "Name or password is incorrect" (couchdb), "Wrong email or password" (auth0), "Invalid username or password" (microsoft-entra-id b2c), "Invalid login credentials" (supabase-postgrest), "password is incorrect" (clickhouse). */
const BAD_LOGIN = /\b(invalid|incorrect|wrong|bad)( (user ?name|e-?mail|login|name)( address)?( or|,| and|\/) password| login( credentials)?)\b|\b(user ?name|e-?mail|login|name)( address)?( or|,| and|\/) password (provided |specified |entered |you entered )?(in the request )?(is |are |was |were )?(incorrect|invalid|wrong|not valid)\b|\bpassword (is |was )?(incorrect|invalid|wrong)\b/i;
/** The token's issuer or audience is not this API's: "The access token is from the wrong issuer" (azure-resource-manager), "AKV10032: Invalid issuer" (azure-key-vault), "IDX10214: Audience validation failed" (aspnet-core), "ID token has incorrect "aud" (audience) claim" (firebase), "jwt audience invalid" (jsonwebtoken, https://github.com/auth0/node-jsonwebtoken#errors--codes). */
const WRONG_ISSUER = /\b(invalid|wrong|incorrect|unexpected) ["'(]?(issuer|audience|aud|iss)\b|\b(issuer|audience) (validation failed|mismatch|(is )?invalid|does not match|did not match)\b|\bjwt (issuer|audience) invalid\b/i;
/** The vendors' code tokens for a refused credential: invalid_token, invalid_api_key, invalid_auth, InvalidAccessKeyId, InvalidClientTokenId, INVALID_SESSION_ID, expired_access_token, token_not_valid, ExpiredTokenException, AuthFailure, InvalidAuthenticationToken (slack-api, aws-sts, salesforce, dropbox-api, django, microsoft-graph, tencent-cloud-api fixtures). */
const CODE = /\b(invalid|expired|bad|revoked)[_-]?(api[_-]?key|access[_-]?token|auth[_-]?token|authentication[_-]?token|identity[_-]?token|token|auth|credentials?|client[_-]?token[_-]?id|access[_-]?key[_-]?id|session[_-]?id|jwt|login[_-]?credentials|login|password|authentication)(exception|error)?\b|\btoken[_-](not[_-]valid|expired|invalid|revoked)\b|\b(authfailure(?!\.unauthori[sz]ed)|expired[_-]authentication)\b/i;
/** A valid credential asked for (one was sent but did not count): "Request does not contain a valid Server token" (postmark-api), "You did not pass a valid authentication token" (replicate-api), "a valid `x-typesense-api-key` header must be sent" (typesense), "Please pass a valid API key" (google-apis), "API key not valid" (google-apis). */
const NOT_VALID = /\b(did not|does not|didn'?t|doesn'?t|do not|don'?t) (pass|contain|provide|include|send|present|have)( an?)? valid\b|\ban? valid [^.\n<]{0,40}?\b(must|needs to|has to) be (sent|provided|included|passed)\b|\b(api[ -]?key|token|credentials?) (is |are )?not valid\b|\bplease (pass|provide|use|send|supply) an? valid (api[ -]?key|token|credential)/i;

/** A credential said plainly not to have arrived, named with its verb (stronger than a code that calls it invalid): "No api_key was supplied" (api-umbrella/missing-key), "No authorization header supplied" (neo4j/no-authorization-header-node), "Authentication credentials not found" (hubspot-api/credentials-not-found-node-sdk), "Client secret not provided in request" (keycloak/client-secret-not-provided-spring), "Missing Authorization Header" (flask/jwt-extended-no-authorization-error-class), "Missing Credentials" (wso2-apim/missing-credentials), "Access token is empty" (microsoft-graph/empty-token; an empty bearer is a missing one: https://github.com/wso2/product-microgateway/issues/871). Not "missing or invalid", which says the layer cannot tell. */
const MISSING_STATED = /\b(no|missing) (api[ _-]?key|access[ _-]?token|auth(entication|orization)? (token|header|credentials)|bearer token|credentials?|client secret)\b[^.\n"<]{0,20}?\b(was |were |is |are )?(provided|supplied|found|sent|present|included|given)\b|\b(credentials?|api[ _-]?key|access[ _-]?token|authori[sz]ation header|client secret)\b (is |are |was |were )?(missing|not (found|provided|supplied|present|sent|included)|empty)\b(?!,? (or|invalid|incorrect|expired)\b)|(?<!\bor (a |an )?)\bmissing (authori[sz]ation header|credentials|api[ _-]?key|access token|bearer token)\b/i;

// No credential arrived, in frameworks' and APIs' own sentences the families above missed: Laravel's
// AuthenticationException "Unauthenticated." as the whole message (github.com/andrewdwallo/erpsaas/issues/39,
// github.com/HijenHEK/laravel-vue-sanctum-spa/issues/7), Devise's failure.unauthenticated "You need to sign in or sign up
// before continuing." (github.com/waiting-for-dev/devise-jwt/issues/98,
// github.com/gonzalo-bulnes/simple_token_authentication/issues/267, rails/devise-unauthenticated-*), OpenAI-compatible APIs' "You didn't provide an API key"
// (github.com/continuedev/continue/issues/10931, openai-api/no-key), GitHub's "Requires authentication" (github-api/*),
// a JWT or authorization field said missing (Google API Gateway's "Jwt is missing", Tyk's "Authorization field missing").
// Case-sensitive "Unauthenticated": gRPC's UNAUTHENTICATED status also covers a refused credential.
const UNAUTHENTICATED_MESSAGE = /["'>:]\s{0,3}[Uu]nauthenticated\.?\s{0,3}["'<]|^\s{0,3}[Uu]nauthenticated\.?\s{0,3}$/m;
const MISSING_MORE = /\byou need to (?:sign|log) in(?: or sign up)? before continuing\b|\b(?:did ?n['’]t|did not|forgot to) (?:provide|supply|include|send|pass) (?:an?|your|the|any) (?:api[ _-]?key|access[ _-]?token|token|credentials?|authori[sz]ation header)\b|\brequires? authentication\b|\b(?:jwt|bearer token|authori[sz]ation (?:field|header|token)) (?:is )?missing\b/i;

// CodeIgniter's CSRF refusal names no token: CI 2/3's csrf_show_error "The action you have requested is not allowed."
// (codeigniter/csrf-*, github.com/ericlbarnes/codeigniter-simpletest/issues/9) and CI 4's SecurityException::forDisallowedAction
// "The action you requested is not allowed." (system/Language/en/Security.php, https://github.com/codeigniter4/CodeIgniter4).
const CI_CSRF = /\bThe action you (?:have )?requested is not allowed\b/;

// An Authorization header parsed as AWS Signature V4 and not one: API Gateway (IAM auth, or a path no route serves)
// answers a Bearer or Basic token with "'<token>' not a valid key=value pair (missing equal-sign) in Authorization header"
// or "Authorization header requires 'Credential' parameter" (aws-api-gateway/sigv4-*, github.com/Phype/purei9_unofficial/issues/28,
// github.com/cowinapi/developer.cowin/issues/129). The credential sent is the wrong kind; a wrong path is the other reading.
const NOT_SIGV4 = /\bnot a valid key=value pair \(missing equal-sign\) in Authorization header\b|\bAuthorization header requires '(?:Credential|Signature|SignedHeaders)' parameter\b/i;

/** A request signature that failed in the short words of API gateways and bots: "sign not match" (dingtalk-api/robot-sign-not-match-response), "sign match fail" (feishu-lark-api/bot-webhook-19021-sign-fail), "verify aksk signature fail" (huawei-cloud-apig/python-sdk-apigw-0301-signature), "AuthFailure.SignatureFailure" (tencent-cloud-api), "SIGN_ERROR" (wechat-pay-api/go-sdk-authorization-invalid). */
const SIGN_FAILED = /\bsign(ature)?[ _-]?(not match|match fail\w*|mismatch|fail(ed|ure)?|error)\b|\bverify [\w ]{0,20}signature fail/i;
/** A signed request or assertion outside its time window (the caller's clock or an old signature): "invalid timestamp" (dingtalk-api/robot-invalid-timestamp), "timestamp is not within one hour from current time" (feishu-lark-api/bot-webhook-19021-sign-fail). (Not Entra's "assertion is not within its valid time range": for a user assertion that is an expired token, not the caller's clock.) */
const TIME_WINDOW = /\b(invalid|expired|stale) time ?stamp\b|\btime ?stamp (is )?not within\b/i;
/** An old signature scheme refused ("use version 4"): "SigV2 authorization is not supported. Please use SigV4 instead." (cloudflare-r2/sigv2-not-supported-boto3), "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256." (Amazon S3, https://github.com/tpyo/amazon-s3-php-class/issues/120, https://github.com/aliyun/oss-browser/issues/260). */
/**
 * A signed request outside the receive window the exchange allows (the caller's clock or a slow path): Binance -1021 "Timestamp
 * for this request is outside of the recvWindow" / "was 1000ms ahead of the server's time" (developers.binance.com spot errors),
 * MEXC 700003 (github.com/makarworld/pymexc/issues/8), Bybit 10002 "check your timestamp and recv_window param" / "The request
 * time exceeds the time window range" (bybit-exchange.github.io/docs/v5/error), WazirX 2098 "Request out of receiving window"
 * (github.com/WazirX/wazirx-api/issues/43).
 */
const RECV_WINDOW = /\boutside (?:of )?the recv_?window\b|\btime ?stamp\b[^.\n"<]{0,60}\brecv_?window\b|\bout of (?:the )?receiving window\b|\btime ?stamp for this request was \d{1,9} ?ms ahead of the server'?s time\b|\brequest time exceeds the time window\b/i;
const SIG_VERSION = /\bsig(nature )?v(ersion )?2\b[^.\n"<]{0,30}not supported\b|\bplease use (sigv4|aws4-hmac-sha256|signature version 4)\b|\bauthorization mechanism you have provided is not supported\b/i;

/** A token refused for the scopes it lacks, not for itself: "Invalid access token, does not contain scopes:[…]" (zoom-api/scopes-zoomapps-sample-400), RFC 6750's insufficient_scope (https://www.rfc-editor.org/rfc/rfc6750#section-3.1). A permission question, left to the authz words. */
const LACKS_SCOPE = /\b(does not|doesn'?t) (contain|have|include) (the )?(required )?scopes?\b|\binsufficient[_ ]scopes?\b/i;

/** `m`, unless the body also says `unless` (the stronger or more precise reading). */
function unlessBody(m: Matcher, unless: RegExp): Matcher {
  return anchored<Matcher>((ctx) => {
    const ev = m(ctx);
    return ev && !(unless.test(ctx.body) || (ctx.view !== null && unless.test(ctx.view.text))) ? ev : null;
  }, anchorOf(m));
}

type Step = [confidence: number, re: RegExp, why: string, unless?: RegExp];

/**
 * One cause read by several families, strongest first: a family counts only when no stronger one
 * matched, so one sentence read by two families is one hit, not two that corroborate each other (and
 * outvote a vendor's own rules when the producer is known).
 */
function ladder(cause: CauseId, steps: Step[]): CauseRule[] {
  const stronger: RegExp[] = [];
  return steps.map(([confidence, re, why, unless]) => {
    const above = unless ? [...stronger, unless] : [...stronger];
    stronger.push(re);
    const m = w(re);
    // the step's own words first (the anchor index skips most bodies), the stronger families only then
    const matcher: Matcher = above.length
      ? anchored<Matcher>((ctx) => {
        const ev = m(ctx);
        return ev && !above.some((a) => a.test(ctx.body) || (ctx.view !== null && a.test(ctx.view.text))) ? ev : null;
      }, anchorOf(m))
      : m;
    return rule(cause, confidence, matcher, { words: true, why });
  });
}

// Credential refusals inside an error envelope, served with a status that is not a refusal (Slack's
// 200 {"ok":false,"error":"invalid_auth"}, AWS's 400 ExpiredTokenException, Facebook's 400 OAuthException):
// blocking, so only where a code field or an error message holds the refusal itself.

/** A code field (JSON, a Python/Ruby repr, an SDK's "Code: …" line, XML <Error><Code> (not an HTML page's <code>), an SDK exception's "SlackError: invalid_auth" or "An API error occurred: not_authed", a Chinese gateway page's "错误代码 invalid-signature") and its value's opening. */
const CODE_FIELD = String.raw`(?:(?:\b(?:error|code|__type|error_?code|errcode|err_code|reason|sub_?code)|\.tag)\\?["']?\s{0,3}(?::|=>|=)\s{0,3}\\?["']?|<error>\s{0,20}(?:<type>[^<]{0,20}<\/type>\s{0,20})?<code>|(?:error|exception)(?: occurred)?:\s{0,2}|错误代码[:：]?\s{0,2})`;
/** A message field and its value's opening, with up to 40 characters of the message before the words. */
const MESSAGE_FIELD = String.raw`(?:\b(?:error|message|msg|errmsg|error_?message|error_?msg|error_description|detail)\\?["']\s{0,3}(?::|=>)\s{0,3}\\?["'][^"'\n<]{0,40}?)`;
const VALUE_END = String.raw`(?=\\?["'<\s/,}\]]|$)`;
/**
 * Code values for a refused credential, one per vendor family: invalid_auth (Slack, slack-api/ruby-client-slack-error-invalid-auth),
 * ExpiredTokenException (AWS JSON APIs, aws-services/expired-token), InvalidAccessKeyId.NotFound (Alibaba Cloud, alibaba-cloud/go-sdk-access-key-not-found),
 * AuthFailure.SecretIdNotFound (Tencent Cloud, tencent-cloud-api/dnspod-secretid-not-found), invalid_credentials (Supabase Auth,
 * supabase-postgrest/auth-invalid-credentials-token-endpoint; InvalidCredentials, Expo push tickets, github.com/expo/expo/issues/14022 and #4998), API_KEY_INVALID (Google APIs, google-apis/api-key-invalid), invalid-jwt (Hasura, hasura/jwt-expired).
 */
const INVALID_CODE_VALUE = String.raw`(?:invalid_auth|invalidcredentials|invalid_api_key|invalid_access_token|expired_access_token|access_token_expired|token_expired|invalid_credentials|invalid_login_credentials|invalid[_-]jwt|invalidaccesskeyid(?:\.notfound)?|invalidclienttokenid|expiredtoken(?:exception)?|authfailure(?:\.(?:secretidnotfound|invalidsecretid|tokenfailure|invalidauthorization))?|api_key_invalid|invalidauthenticationtoken)`;
/**
 * A message that opens with the refusal of a credential: "Invalid OAuth access token." (Facebook Graph, facebook-graph-api/invalid-oauth-token-placeholder),
 * "The provided API key is invalid." (Google Maps, google-maps-platform/request-denied-invalid-key), "invalid credential, access_token is invalid" (WeChat,
 * wechat-api/fastweixin-40001-invalid-credential), "Invalid login credentials" (Supabase), "Invalid username or password." (Azure AD B2C,
 * microsoft-entra-id/b2c-custom-policy-invalid-password), "Invalid access token for authorization" (Feishu, feishu-lark-api/openapi-99991668-invalid-token).
 * Not a bare "token" (a pagination token: https://github.com/amzn/selling-partner-api-models/issues/562).
 */
const INVALID_MESSAGE = String.raw`(?:\b(?:invalid|expired|revoked|incorrect) (?:oauth )?(?:api[ _]?key|access[ _]token|credential|appsecret|app secret|secret key|login credentials|username or password)\b|\b(?:access[ _]token|api[ _]?key) (?:is |has )?(?:expired|invalid|revoked|not valid)\b|\bapi key not valid\b)`;
const MESSAGE_START = String.raw`(?:\b(?:error|message|msg|errmsg|error_?message|error_?msg|error_description|detail)\\?["']\s{0,3}(?::|=>)\s{0,3}\\?["'])`;
/** Authentication that failed, as a whole message: "Unclassified Authentication Failure" (WSO2 API Manager, wso2-apim/unclassified-auth-failure-500-key-validation), "Failed to authenticate." (PocketBase, pocketbase/failed-to-authenticate-log), "Authentication failed due to invalid authentication credentials" (PayPal, paypal-api/laravel-message-only). */
const AUTH_FAILED_MESSAGE = String.raw`(?:(?:unclassified )?authentication fail(?:ed|ure|s)|failed to authenticate)(?=[.!,;:(\\"']|$| due\b| for\b| because\b| -)`;
const ENVELOPE_INVALID = new RegExp(`${CODE_FIELD}${INVALID_CODE_VALUE}${VALUE_END}|${MESSAGE_FIELD}${INVALID_MESSAGE}|${MESSAGE_START}${AUTH_FAILED_MESSAGE}|(?:error|exception):\\s{0,2}${INVALID_MESSAGE}`, 'i');
/** No credential, as a code: not_authed (Slack, slack-api/not-authed), API_KEY_MISSING (api.data.gov's API Umbrella, api-umbrella/missing-key), CREDENTIALS_MISSING (Google APIs, https://cloud.google.com/docs/authentication/troubleshoot-adc). */
const ENVELOPE_MISSING = new RegExp(`${CODE_FIELD}(?:not_authed|api_key_missing|credentials_missing)${VALUE_END}`, 'i');
/** OpenID Connect's login_required (a silent or prompt=none sign-in found no signed-in user: no session to stand for the caller), as Entra ID (microsoft-entra-id/silent-sign-in-no-session-redirect) and Auth0 (https://auth0.com/docs/authenticate/login/configure-silent-authentication) send it; https://openid.net/specs/openid-connect-core-1_0.html#AuthError. */
const LOGIN_REQUIRED = /\blogin_required\b(?=[:\s"',]|$)/i;
/** A Chinese message field that says the signature is wrong (签名错误, 验签出错, 签名不匹配): WeChat Pay's v2 XML <return_msg><![CDATA[签名错误 (wechat-pay-api/v2-xml-sign-error-raw), DingTalk's 'errmsg': '…机器人发送签名不匹配 (dingtalk-api/robot-sign-mismatch-new-format), Alipay's subMsg: '验签出错 (alipay-openapi/node-sdk-invalid-signature-object). */
const SIGNATURE_ZH_FIELD = String.raw`(?:<return_msg>(?:<!\[CDATA\[)?|\b(?:errmsg|msg|sub_?msg|message)\\?["']?\s{0,3}[:=]\s{0,3}\\?["'][^"'\n<]{0,40}?)`;
/** A signature refused, as a message: "sign not match" / "invalid timestamp" (DingTalk robots, dingtalk-api/robot-sign-not-match-response), "sign match fail or timestamp is not within one hour" (Feishu bots, feishu-lark-api/bot-webhook-19021-sign-fail). */
const SIGNATURE_MESSAGE = String.raw`(?:sign(?:ature)? (?:not match|match fail\w*|mismatch|does not match)\b|invalid timestamp\b)`;
/** A request signature refused, as a code: SignatureDoesNotMatch / RequestTimeTooSkewed (Amazon S3 and S3-compatible stores), isv.invalid-signature (Alipay, alipay-openapi/node-sdk-invalid-signature-object), AuthFailure.SignatureFailure (Tencent Cloud, tencent-cloud-api/ruby-sdk-signature-failure), SIGN_ERROR (WeChat Pay, wechat-pay-api/go-sdk-authorization-invalid). */
const ENVELOPE_SIGNATURE = new RegExp(`${CODE_FIELD}(?:signaturedoesnotmatch|requesttimetooskewed|(?:isv\\.)?invalid-signature|authfailure\\.signature(?:failure|expire)|sign_error)${VALUE_END}|${MESSAGE_START}${SIGNATURE_MESSAGE}|${SIGNATURE_ZH_FIELD}(?:签名错误|验签出错|签名不匹配|签名验证失败|验签失败)`, 'i');
/** An anti-forgery check that failed, in its own words (served as a 404 or a 500 as well): "XSRF check failed" (Atlassian, atlassian/xsrf-check-failed-attachment), "CSRF verification failed" / "CSRF cookie not set" (Django, https://docs.djangoproject.com/en/stable/ref/csrf/), "Invalid CSRF Token" (Spring Security), "The required anti-forgery cookie … is not present" (ASP.NET MVC, aspnet/antiforgery-cookie-missing-umbraco). */
const CSRF_FAILED = /\b(csrf|xsrf)( token| check| verification| cookie| validation)? (failed|missing|mismatch|not set|is missing|does not match|was invalid)\b|\binvalid (csrf|xsrf)( token)?\b|\brequired anti-?forgery (cookie|form field|token)\b[^.\n<]{0,60}\bis not present\b|\banti-?forgery cookie token and form field token do not match\b/i;

/** Credentials in words: missing, invalid or expired ones, a signature or clock that does not verify, an anti-forgery check. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const AUTHN_WORD_RULES: CauseRule[] = [
  rule('csrf', 0.65, w(CSRF), { words: true, why: 'the body talks about a CSRF/anti-forgery or Origin check' }),
  rule('invalid-credentials', 0.62, w(NOT_SIGV4), { words: true, why: 'the API parsed the Authorization header as an AWS Signature V4 and it is not one (a Bearer or Basic token was sent): this API wants a signed request, or the path reached no route that takes the token' }),
  rule('method-or-path-blocked', 0.5, w(NOT_SIGV4), { words: true, why: 'API Gateway treats a path no route serves as an IAM-signed call, so a token on a wrong URL also gets this signature error' }),
  rule('csrf', 0.62, w(CI_CSRF), { words: true, why: 'CodeIgniter\'s CSRF check refused the form post ("The action you requested is not allowed"): the token is missing, stale or from another session' }),
  rule('csrf', 0.64, all(status(400, 500), w(CI_CSRF)), { blocks: true, words: true, why: 'CodeIgniter\'s CSRF check refused the form post, served as 500 by CodeIgniter 2 (or a 400): the token is missing, stale or from another session' }),
  rule('csrf', 0.7, all(status(400, 419, 422), w(CSRF)), { blocks: true, words: true, why: 'a CSRF/anti-forgery check failed (served as a 400/419/422 look-alike of 403)' }),
  ...ladder('signature-or-clock-skew', [
    [0.64, SIGN_FAILED, 'the body says the request signature did not match what the server computed'],
    [0.64, TIME_WINDOW, 'the body says the signed request or assertion is outside its valid time window: the caller\'s clock is off or the signature is stale'],
    [0.64, SIG_VERSION, 'the body says this signature version is not supported: the request must be signed with Signature Version 4'],
    [0.64, SIGNATURE, 'the body says a signature did not verify, a signed URL expired or the clock is off'],
  ]),
  ...ladder('invalid-credentials', [
    [0.66, JWT_EXPIRED, 'the body says the token (a JWT) expired: its exp claim has passed, so the caller must get a fresh token'],
    // a code names a category; the message beside it saying none was sent is the more precise (Graph's InvalidAuthenticationToken "Access token is empty", HubSpot's INVALID_AUTHENTICATION "credentials not found")
    [0.62, CODE, 'the body carries an error code for a refused credential (invalid_token, InvalidAccessKeyId, expired_access_token…): one was sent, and it is wrong, expired or revoked', MISSING_STATED],
    [0.62, BAD_CREDENTIAL, 'the body says the credential sent is invalid, expired, wrong or unknown', LACKS_SCOPE],
    [0.62, CREDENTIAL_BAD, 'the body says the token, key or session sent has expired, was revoked or is invalid'],
    [0.6, BAD_LOGIN, 'the body says the user name or password is wrong'],
    [0.6, WRONG_ISSUER, 'the body says the token was issued by another issuer or for another audience than this API accepts'],
    [0.58, KEY_UNKNOWN, 'the body says the key id or user behind the credential is not known to this service'],
    [0.58, AUTH_FAILED, 'the body says authentication ran and failed: a credential arrived but was not accepted'],
    [0.55, INVALID, 'the body says the credential was invalid or expired'],
    [0.52, NOT_VALID, 'the body asks for a valid credential: the one sent (if any) was not accepted'],
  ]),
  ...ladder('missing-credentials', [
    [0.63, MISSING_STATED, 'the body says plainly that no credential (key, token, authorization header, client secret) was sent'],
    [0.56, MISSING_MORE, 'the body says no credential came with the request: sign in, or send the API key or token'],
    [0.56, UNAUTHENTICATED_MESSAGE, 'the whole message is "Unauthenticated": the framework found no signed-in user or token for the request'],
    [0.55, MISSING, 'the body says no credential was received'],
  ]),
  rule('csrf', 0.68, all(status(404, 500), w(CSRF_FAILED)), { blocks: true, words: true, why: 'the body says an anti-forgery (CSRF/XSRF) check failed: the token or cookie is missing or does not match, whatever the status' }),
  rule('signature-or-clock-skew', 0.68, w(RECV_WINDOW), { blocks: true, words: true, why: 'the body says the signed request\'s timestamp is outside the receive window (recvWindow) the API allows: the caller\'s clock is off or the request was too slow; sync the clock (NTP) or use the server time' }),
  rule('signature-or-clock-skew', 0.66, w(ENVELOPE_SIGNATURE), { blocks: true, words: true, why: 'the error envelope\'s code says the request signature did not verify (SignatureDoesNotMatch, invalid-signature, SignatureFailure), whatever the status' }),
  rule('invalid-credentials', 0.63, unlessBody(w(ENVELOPE_INVALID), LACKS_SCOPE), { blocks: true, words: true, why: 'the error envelope says the credential sent is invalid or expired (invalid_auth, ExpiredToken, "Invalid OAuth access token"), whatever the status' }),
  rule('missing-credentials', 0.64, all(status(400), w(LOGIN_REQUIRED)), { blocks: true, words: true, why: 'the identity provider answered login_required: no user is signed in, so a silent sign-in cannot get a token; sign in interactively' }),
  rule('missing-credentials', 0.63, w(ENVELOPE_MISSING), { blocks: true, words: true, why: 'the error envelope\'s code says no credential was sent (not_authed, API_KEY_MISSING), whatever the status' }),
];
