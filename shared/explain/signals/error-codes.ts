// Vendors write the cause of a refusal as a machine code more often than in prose: a JSON code field
// ("code": "PERMISSION_DENIED", "error": "invalid_token", "__type": "ExpiredTokenException"), an XML
// <Code>SignatureDoesNotMatch</Code>, an error header (x-amzn-errortype, x-ms-error-code) or an SDK's
// printed "Error Code: InvalidAuthenticationToken". Whatever layer wrote it, the token's words name the
// cause: it is split into lower-case words (CamelCase, SCREAMING_SNAKE, snake, dotted, dashed) and the
// words are read by families below. Only structured places are read, never free text; the prose
// word rules (words-*.ts) read the rest.
import { anchored } from '../anchors';
import { isRefusalStatus } from '../refusal';
import type { CauseId, CauseRule, Ctx, WeightedEvidence } from '../types';
import { tokensOf } from './error-code-tokens';
import { ENVELOPE_MAX_FIELDS, jsonRoot } from './json-values';

// ---------------------------------------------------------------- word families

interface Family {
  cause: CauseId;
  confidence: number;
  re: RegExp;
  why: string;
  /** a bare code that says little (AccessDenied): below the prose rules, and silent on a 401, whose status already says more */
  generic?: boolean;
  /**
   * The family's codes that are refusals whatever the status (a 400 or a 200 whose error envelope says
   * InvalidAccessKeyId), read on the whole token; `anchor` is text every such token holds (the
   * explainer's index and the runner's light gate read it), checked again on the token itself.
   */
  block?: { re: RegExp; anchor: RegExp };
}

/**
 * A whole token of the family: namespace words before (isv., oauth.v2., AuthFailure.), an exception/error suffix after.
 * Gaps between words are bounded runs of word characters and spaces, so every expression stays linear.
 */
const whole = (alternatives: string): RegExp => new RegExp(`(?:^|^[a-z0-9 ]{0,40} )(?:${alternatives})(?: (?:exception|error|fault|failure|not ?found))?$`);

/**
 * Families of code words, most specific first; a token counts for the first family it matches. The
 * regular expressions read the token's words ("invalid access key id"), never a body.
 */
const FAMILIES: Family[] = [
  // signature or clock: SignatureDoesNotMatch, RequestTimeTooSkewed (aws-s3, minio, alibaba-oss, tencent-cos fixtures), InvalidSignatureException
  // (aws-api-gateway), AuthFailure.SignatureFailure (tencent-cloud-api), isv.invalid-signature (alipay-openapi), SIGN_ERROR (wechat-pay-api)
  {
    cause: 'signature-or-clock-skew', confidence: 0.68,
    re: /\bsignature (does not match|mismatch|invalid|expired|error|fail(ed|ure)?|not valid|verification fail(ed|ure))\b|\b(invalid|bad|incorrect|wrong|mismatched|expired) (request )?signature\b|^sign (error|fail(ed|ure)?|invalid|mismatch)\b|\btime (too )?skew(ed)?\b|\bclock skew\b|\brequest (has )?expired\b|\btimestamp (expired|invalid|out of (range|bounds)|too old|mismatch)\b|\b(expired|invalid) timestamp\b/,
    block: {
      re: whole('signature (does not match|mismatch|invalid|expired|error|failure|not valid|verification failed)|(invalid|incorrect|wrong) (request )?signature|(request )?time too skewed|request expired|clock skew|sign error'),
      anchor: /sign|skew|expired/i,
    },
    why: 'the error code says the request signature did not verify or the request time is too far from the server\'s clock',
  },
  // a policy's deny: API_KEY_HTTP_REFERRER_BLOCKED / ipRefererBlocked (google-apis), RequestDisallowedByPolicy / ScopeLocked
  // (azure-resource-manager), admin_policy_enforced (google-identity), PublicAccessNotPermitted (azure-blob-storage)
  {
    cause: 'resource-policy-deny', confidence: 0.66,
    re: /\breferr?er (blocked|denied|not allowed|restricted)\b|\b(disallowed|denied|blocked|forbidden|prohibited|restricted) by (policy|policies|admin[a-z]{0,12}|organi[sz]ation policy)\b|\b(admin|organi[sz]ation|conditional access|access) polic(y|ies) (enforced|denied|deny|violat[a-z]{0,5}|blocked)\b|\bpolicy (violation|denied|deny|blocked|enforced)\b|\bpublic access (not permitted|not allowed|disabled|denied)\b|\bscope locked\b/,
    block: {
      re: whole('(request )?disallowed by policy|admin policy enforced|(api key )?(http )?referr?er blocked|public access not permitted|scope locked'),
      anchor: /polic|refer|publicaccess|public_access|public-access|locked/i,
    },
    why: 'the error code says a policy on the resource, the key or the organisation denied the request',
  },
  // source IP or country: IP_NOT_ALLOWED (unknown-causes; anti-captcha.com/apidoc/errors ERROR_IP_NOT_ALLOWED), IpNotInWhiteList (dingtalk-api),
  // AuthorizationSourceIPMismatch (azure-blob-storage), accesscontrol.IPDeniedAccess (apigee), unsupported_country_region_territory (openai-api)
  {
    cause: 'ip-or-geo-blocked', confidence: 0.68,
    re: /\b(ip|ips|ip address|client ip|source ip|remote ip|country|countries|geo|geolocation|location|territory)\b[a-z0-9 ]{0,30} (blocked|denied|not allowed|not permitted|forbidden|mismatch|restricted|not in (white ?list|allow ?list)|blacklisted|blocklisted|banned|rejected|unsupported|not supported)\b|\bunsupported (country|region|location|territory)\b|\b(ip|geo|country|region) (block(ed|ing)?|restrict(ed|ion)?|den(y|ied)|filter(ed|ing)?|ban(ned)?)\b|\bip denied\b|\bnot in (ip )?(white ?list|allow ?list)\b|\bip (white ?list|allow ?list)\b/,
    block: {
      re: whole('((client|source|remote) )?(ip|ip address|country|territory|geo)[a-z ]{0,30} (not allowed|blocked|denied|not in (white list|whitelist|allow list|allowlist)|mismatch|not permitted)|ip denied access|unsupported country[a-z ]{0,30}|ip (white list|whitelist) limit'),
      anchor: /allow|block|denied|white|mismatch|permit|unsupported/i,
    },
    why: 'the error code says the caller\'s IP address or country is not allowed',
  },
  // account, plan or billing: account_suspended (generic, heldout), BILLING_DISABLED / SERVICE_DISABLED / accessNotConfigured (google-apis),
  // billing_not_active / access_terminated (openai-api), Arrearage (alibaba-model-studio), plan_required / EMAIL_NOT_VERIFIED
  // (generic-causes-r6), LOCKED_OUT / PASSWORD_EXPIRED (okta), API_DISABLED_FOR_ORG (salesforce), organization_restricted (groq-api)
  {
    cause: 'account-or-plan-restriction', confidence: 0.66,
    re: /\b(account|subscription|plan|billing|payment|tenant|org|organi[sz]ation|customer|user|developer|license|licence|trial|app|application)\b[a-z0-9 ]{0,20} (suspended|disabled|inactive|not active|deactivated|terminated|closed|frozen|banned|locked|locked out|restricted|overdue|past due|not enabled|not verified|unverified|not confirmed|blocked|delinquent)\b|\b(subscription|plan|trial|license|licence|account) expired\b|\b(plan|subscription|payment|billing|license|upgrade) required\b|\b(service|api|feature|model|product|access) (disabled|not enabled|not activated|not open|not configured|not subscribed)\b|\b(insufficient|no|out of|not enough) (funds|balance|credits?)\b|\bexceeded (current|monthly|billing) quota\b|(?<!\b(?:complexity|query|rate|request|call|point|cost) )\b(budget|spend|spending|credit|download) (cap |limit )?(exceeded|reached|exhausted)\b|\b(plan|tier) limit\b|\barrearage\b|\b(email|e mail|phone) not (verified|confirmed)\b|\bnot (enrolled|subscribed|entitled)\b|\blocked out\b|\bpassword expired\b|\baccess terminated\b/,
    block: {
      re: whole('(account|user|subscription|billing|organization|org|tenant|customer)( [a-z]{1,20})? (suspended|disabled|deactivated|locked|locked out|terminated|banned|frozen|not active|inactive|restricted)|billing not (active|enabled)|(plan|subscription|payment) required|arrearage|locked out|insufficient (balance|credits?)|(service|api) (disabled|not enabled)( for [a-z]{1,20})?|email not (verified|confirmed)'),
      anchor: /suspend|disabl|deactivat|lock|terminat|bann|frozen|active|restrict|required|arrearage|insufficient|enabled|verified|confirmed/i,
    },
    why: 'the error code says the account, plan, billing or subscription does not allow the request',
  },
  // (a complexity, query-cost or rate budget is a rate limit that resets within the minute, not money: monday.com's
  // complexityBudgetExhausted "Complexity budget exhausted … reset in 16 seconds", monday-api/complexity-budget-*,
  // github.com/airbytehq/airbyte/pull/36717; read by the rate family below)
  // rate or quota: RESOURCE_EXHAUSTED / RATE_LIMIT_EXCEEDED / quotaExceeded (google-apis), TooManyRequestsException / LimitExceededException
  // (aws-api-gateway), SlowDown (aws-s3), rate_limit_error (anthropic-api), OVER_QUERY_LIMIT (google-maps-platform), QuotaExceeded (amazon-sp-api),
  // RequestLimitExceeded (tencent-cloud-api), TOOMANYREQUESTS (docker-registry)
  {
    cause: 'rate-limited', confidence: 0.68,
    re: /\b(rate|request|requests|call|calls|query|queries|api|concurrency|concurrent|throughput|usage|daily|hourly|minute|quota|invocation|invocations)\b[a-z0-9 ]{0,20} (limit|limits|limited|exceeded|exhausted|throttled|violation)\b|\b(complexity|query cost|point) budget (exceeded|exhausted)\b|\b(rate|quota|daily|request|usage) limit|\bthrottl|\btoo ?many ?(requests|calls|attempts|connections)\b|\bslow ?down\b|\bresource exhausted\b|\bover (rate|query|request) limit\b|\blimit exceeded\b|\bratelimit|\brate limited\b/,
    block: {
      re: whole('rate limit(ed)?( exceeded| reached)?|rate exceeded|too many requests|toomanyrequests|throttl[a-z]{0,8}|slow down|resource exhausted|over (query|rate) limit|(quota|rate|request|requests|daily|call|calls|api) (limit )?exceeded|quota violation'),
      anchor: /rate|many|throttl|slow|exhaust|limit|exceed|quota/i,
    },
    why: 'the error code says a rate limit or quota was exceeded',
  },
  // no credential: NoAuthenticationInformation (azure-blob-storage), API_KEY_MISSING (api-umbrella), MISSING_API_KEY (heldout),
  // CREDENTIALS_MISSING (google-apis), missing_authorization_header (meilisearch), not_authed (slack-api),
  // steps.oauth.v2.FailedToResolveAPIKey (apigee)
  {
    cause: 'missing-credentials', confidence: 0.62,
    re: /\b(missing|no|absent|empty|without)( (api|access|auth|bearer|session|client|authentication|authorization))? (auth|authentication|authorization|token|key|apikey|api key|credentials?|authorization header|auth header|session|cookie|login|jwt|signature)\b|\b(auth|authentication|authorization|token|api key|apikey|credentials?|authorization header|auth header|bearer token|access token|login|session)\b( [a-z0-9]{1,20})? (missing|required|not (provided|present|supplied|found|sent|given))\b|\bnot (authed|authenticated|logged in|signed in)\b|\bno authentication information\b|\bfailed to resolve (api )?key\b|\bcredentials missing\b/,
    block: {
      re: whole('(missing|no) (api key|apikey|access token|auth token|bearer token|authentication token|authorization header|auth header|credentials?|authentication|authorization|authorization token)|(api key|apikey|access token|auth token|credentials|authorization header) (missing|required|not provided)|not authed|not authenticated|no authentication information'),
      anchor: /auth|key|token|credential/i,
    },
    why: 'the error code says no credential (token, key or login) came with the request',
  },
  // a credential that was not accepted: InvalidAccessKeyId (aws-s3, tencent-cos, alibaba-cloud), InvalidClientTokenId (aws-sts),
  // ExpiredTokenException (aws-services), API_KEY_INVALID (google-apis), invalid_api_key (openai-api, groq-api, meilisearch),
  // InvalidAuthenticationToken (microsoft-graph), token_not_valid (django), invalid_token (authlib, cloudflare, quay),
  // INVALID_SESSION_ID (salesforce), UnrecognizedClientException (aws-api-gateway), bad_auth_token (backblaze-b2)
  {
    cause: 'invalid-credentials', confidence: 0.64,
    re: /\b(invalid|bad|malformed|unknown|expired|revoked|incorrect|wrong|unrecognized|unrecognised|illegal|deleted|unregistered|inactive)\b[a-z0-9 ]{0,30} (token|tokens|key|keys|api key|apikey|access key|key id|credential|credentials|secret|password|passwd|jwt|auth|authentication|session|session id|login|cert|certificate|signature key|token id|username|user or password)\b|\b(token|key|apikey|jwt|credential|credentials|session|password|secret|api key|access key)\b( [a-z0-9]{1,20})? (expired|revoked|invalid|not valid|malformed|disabled|not found|unknown|mismatch|incorrect)\b|\bunrecogni[sz]ed client\b|\b(invalid|bad) auth\b/,
    block: {
      re: whole('(invalid|expired|revoked|unrecogni[sz]ed|malformed) ((api|access|secret|subscription|license|app|auth) key( id)?|apikey|access key id|((access|auth|bearer|refresh|id|session|security|oauth|authentication) )?token|client token id|credentials?|jwt|auth|session( id)?|login|(client |app )?secret)|(api key|apikey|access token|auth token|jwt|credentials?|token|session) (invalid|expired|revoked|not valid)|unrecogni[sz]ed client'),
      anchor: /valid|expired|revoked|unrecogni|malformed/i,
    },
    why: 'the error code says the credential (key, token, secret or login) was invalid, expired or revoked',
  },
  // anti-forgery tokens: rest_cookie_invalid_nonce (wordpress), InvalidCsrfTokenException (CakePHP,
  // https://github.com/cakephp/cakephp/pull/14573), ActionController::InvalidAuthenticityToken (Rails,
  // https://github.com/department-of-veterans-affairs/vets-api/pull/4295), EBADCSRFTOKEN (expressjs/csurf)
  {
    cause: 'csrf', confidence: 0.66,
    re: /csrf|xsrf|\banti ?forgery\b|\bauthenticity token\b|\bcookie invalid nonce\b/,
    block: {
      re: whole('((invalid|missing|bad|no) )?(csrf|xsrf|authenticity)( token)?( (invalid|missing|mismatch|failed|expired|verification failed|required))?|ebadcsrftoken'),
      anchor: /csrf|xsrf|authenticity/i,
    },
    why: 'the error code says an anti-forgery (CSRF) check failed',
  },
  // the gRPC canonical PERMISSION_DENIED (google-apis, firebase, google-artifact-registry) and PermissionDenied (argo-cd, zitadel,
  // azure-ai-services): a permission, unless a vendor's reason beside it (BILLING_DISABLED, API_KEY_SERVICE_BLOCKED) or the vendor's own
  // rule says more, so below both
  {
    cause: 'insufficient-permissions', confidence: 0.56,
    re: /(?:^|^[a-z0-9 ]{0,30} )permission denied(?: (?:exception|error))?$/,
    block: { re: /(?:^|^[a-z0-9 ]{0,30} )permission denied(?: (?:exception|error))?$/, anchor: /denied/i },
    why: 'the error code says permission was denied (PERMISSION_DENIED): the caller\'s identity lacks a permission or role for this call',
  },
  // permission or scope, named: AuthorizationPermissionMismatch (azure-blob-storage), insufficient_scope (auth0, gitlab-api, authlib),
  // insufficientPermissions (google-apis), Authorization_RequestDenied (microsoft-graph), ForbiddenByRbac (azure-key-vault), missing_scope (slack-api)
  {
    cause: 'insufficient-permissions', confidence: 0.62,
    re: /\b(permission|permissions|privilege|privileges|scope|scopes|role|roles|rbac|iam|rights|authorization|authorisation)\b[a-z0-9 ]{0,20} (denied|insufficient|mismatch|missing|required|not (granted|allowed|permitted|sufficient)|request denied)\b|\binsufficient( [a-z0-9]{1,20})? (permissions?|privileges?|scopes?|rights|access|role|roles)\b|\b(missing|invalid|no|lacks?|lacking) (permissions?|scopes?|privileges?|rights)\b|\bforbidden by (rbac|role|acl)\b|\bunauthori[sz]ed (operation|scope|action)\b/,
    block: {
      re: whole('permission denied|insufficient (permissions?|privileges?|scopes?)|(missing|insufficient) scopes?|scopes? (missing|insufficient)|authorization permission mismatch|unauthori[sz]ed operation|forbidden by rbac'),
      anchor: /denied|insufficient|scope|mismatch|authori|forbidden/i,
    },
    why: 'the error code says the caller lacks the permission, role or scope for this request',
  },
  // a bare denial code: AccessDenied (aws-s3, aws-sts, alibaba-oss), FORBIDDEN (github-api, generic), ForbiddenError (strapi),
  // NotAuthorizedOrNotFound (oracle-oci), Forbidden.RAM (alibaba-cloud), REQUEST_DENIED (google-maps-platform; RFC 9209 http_request_denied):
  // most often a permission, but the same code also answers an expired signed URL or a policy's deny, so prose outranks it
  {
    cause: 'insufficient-permissions', confidence: 0.5, generic: true,
    // the code is the denial itself, with at most a namespace before and a sub-code after (Forbidden.RAM), not a status that merely
    // holds the word (forbidden_words_found)
    re: /(?:^|^[a-z0-9 ]{0,40} )(?:(access|request) denied|forbidden|permission error|not authori[sz]ed|unauthori[sz]ed (access|client|request|resource)|authori[sz]ation fail(ed|ure))(?:$| [a-z0-9]{1,30}$)/,
    block: { re: whole('(access|request) denied|forbidden|not authori[sz]ed'), anchor: /denied|forbidden|authori/i },
    why: 'the error code says access was denied (most often a missing permission, role or scope)',
  },
  // a bare authentication failure: AuthenticationFailed (azure-blob-storage), AuthFailure (aws EC2, tencent-cloud-api),
  // SalesforceAuthenticationFailed (salesforce), AUTHENTICATION_FAILURE
  {
    cause: 'invalid-credentials', confidence: 0.5, generic: true,
    re: /\b(auth|authentication|login|logon|sign in) (fail(ed|ure)?|error|rejected)\b|\bfailed (auth|authentication|login)\b/,
    why: 'the error code says authentication failed (most often a wrong or expired credential)',
  },
  // the canonical "UNAUTHENTICATED" (google-apis, gRPC) and "NotAuthenticated" (oracle-oci): no credential, or one that was not recognised
  {
    cause: 'missing-credentials', confidence: 0.56,
    re: /^(unauthenticated|not authenticated|authentication required)$/,
    block: { re: whole('unauthenticated|not authenticated|authentication required'), anchor: /authentic/i },
    why: 'the error code says the request was not authenticated: no credential came, or it was not recognised',
  },
];

/** Keys that make a JSON body an error envelope even on a success status (Google Maps' {"status": …, "error_message": …}). */
const ERROR_SHAPE = /^(error|errors|err|fault|error_?message|error_?description|errormessage|message|msg)$/i;
function errorShaped(ctx: Ctx): boolean {
  if (ctx.status >= 400) return true;
  const root = jsonRoot(ctx.json);
  if (!root) return false;
  const keys = Object.keys(root);
  if (keys.length > ENVELOPE_MAX_FIELDS) return false;
  return root.success === false || root.ok === false || keys.some((key) => ERROR_SHAPE.test(key));
}

/**
 * Codes whose words say something else than what they answer: API Gateway's MissingAuthenticationToken
 * answers a path, method or stage that does not exist as often as a missing signature
 * (https://repost.aws/knowledge-center/api-gateway-authentication-token-errors), so it names no cause here.
 */
const MISNOMERS = /^missing authentication token(?: exception)?$/;

interface FamilyHit { evidence: WeightedEvidence[]; block: WeightedEvidence[] | null; }

interface Reading { family: number; refusal: boolean; }
/** Codes recur (AccessDenied, invalid_request_error): each one's reading is kept, up to this many. */
const READINGS_KEPT = 2000;
const readings = new Map<string, Reading>();

/** The family a code's words belong to (-1: none), and whether they are a refusal whatever the status. */
function classify(words: string): Reading {
  let r = readings.get(words);
  if (r) return r;
  const family = !words || MISNOMERS.test(words) ? -1 : FAMILIES.findIndex((f) => f.re.test(words));
  const block = family >= 0 ? FAMILIES[family]!.block : undefined;
  r = { family, refusal: Boolean(block && block.re.test(words)) };
  if (readings.size >= READINGS_KEPT) readings.clear();
  readings.set(words, r);
  return r;
}

// The rules below ask one after another about the same response: its hits are kept for the next
// question (one slot, not a WeakMap of every response, whose entries cost the collector more than a re-read).
let lastCtx: Ctx | null = null;
let lastHits = new Map<number, FamilyHit>();

/** Per response: for each family, its first token as evidence, and the first that is a refusal on any status. */
function familyHits(ctx: Ctx): Map<number, FamilyHit> {
  if (ctx === lastCtx) return lastHits;
  const hits = new Map<number, FamilyHit>();
  const shaped = errorShaped(ctx);
  for (const token of tokensOf(ctx)) {
    const { family: i, refusal } = classify(token.words);
    if (i < 0) continue;
    let hit = hits.get(i);
    if (!hit) hits.set(i, (hit = { evidence: [token.evidence], block: null }));
    if (!hit.block && refusal && token.envelope && shaped && FAMILIES[i]!.block!.anchor.test(token.evidence.text)) hit.block = [token.evidence];
  }
  lastCtx = ctx;
  lastHits = hits;
  return hits;
}

/** Whether a code's refusal marks the response blocked: not needed on a refusal status, whose rule above speaks. */
function blocking(ctx: Ctx, i: number): WeightedEvidence[] | null {
  return isRefusalStatus(ctx.status) ? null : familyHits(ctx).get(i)?.block ?? null;
}

/** A bare denial code's weight on a 403: above the status's own guesses (0.25), below corroboration (explain.ts counts 0.3 and up). */
const ON_403 = 0.28;

export const ERROR_CODE_RULES: CauseRule[] = FAMILIES.flatMap((f, i): CauseRule[] => {
  const own: CauseRule = {
    cause: f.cause,
    confidence: f.confidence,
    when: (ctx) => {
      if (f.generic && (ctx.status === 401 || ctx.status === 403)) return null;
      const hit = familyHits(ctx).get(i);
      // one hit per family: the blocking variant below speaks when it matches
      return hit && !(f.block && blocking(ctx, i)) ? hit.evidence : null;
    },
    why: f.why,
  };
  const rules = [own];
  if (f.generic) {
    // on a 403 a bare denial code mostly restates the status: it tips an unexplained 403 toward its usual reading, below
    // what counts as corroboration (0.3), so it never outweighs a vendor's own rule or the prose
    rules.push({
      cause: f.cause,
      confidence: ON_403,
      when: (ctx) => (ctx.status === 403 ? familyHits(ctx).get(i)?.evidence ?? null : null),
      why: f.why,
    });
  }
  if (!f.block) return rules;
  const blocks: CauseRule = {
    cause: f.cause,
    confidence: f.confidence,
    when: anchored((ctx: Ctx) => blocking(ctx, i), { body: f.block.anchor }),
    why: f.why,
    blocks: true,
  };
  return [...rules, blocks];
});
