import type { Matcher } from '../match';
import { all, any, body, not, status, when } from '../match';
import { rule } from '../rule';
import type { CauseRule, Ctx } from '../types';
import { shortBody, shortBodyWords } from './short-body';

const w = shortBodyWords;
/** A short body on an error status (4xx/5xx): where a refusal sentence cannot be a success's confirmation ("account disabled" after an admin disabled it). */
const failed = (ctx: Ctx): boolean => ctx.status >= 400 && shortBody(ctx);
const we = (re: RegExp): Matcher => when(failed, body(re));
/** On a success status, only a body that says it is an error (an error key, an exception, "failed", 错误) or a bare line of text may carry a rate-limit refusal: a 200 JSON row titled "API limit reached" is data. */
const ERRORISH = /\berr(?:or)?(?:s|_?\w{0,12})?\b|exception|\bfail(?:ed|ure|s)?\b|错误|失败/i;
const refusalShaped = (ctx: Ctx): boolean => shortBody(ctx) && (ctx.status >= 400 || ERRORISH.test(ctx.body) || (!ctx.isJson && !ctx.isHtml && ctx.textLength < 200));
const wr = (re: RegExp): Matcher => when(refusalShaped, body(re));

const ACCOUNT = /\b(account|project|subscription|organi[sz]ation|tenant|app|application|api|web app)\b[^.\n"<]{0,30}\b(has been |is |was )?(suspended|disabled|deactivated|inactive|locked|terminated|stopped|not enabled)\b|\b(account|project|subscription|organi[sz]ation|tenant)\b[^.\n"<]{0,30}\b(has been|is|was) blocked\b|billing (is )?(disabled|not enabled|account)|upgrade (your|the) (plan|subscription|account)|(plan|tier) (does not|doesn't) (include|allow|support)|payment required|trial (has )?(expired|ended)|insufficient (credits?|balance|funds|quota)|credit balance is too low|not[- _](enrolled|entitled)|sso (authori[sz]ation )?required|saml (sso|enforcement)|not (available|included) (on|in|with) your (current )?(plan|tier|subscription)|upgrade to (a |the )?(paid|pro|premium|business|enterprise|higher)\b|plan[_ ]limit|\b(need|needs|requires?) an? (active,? )?(paid|premium|pro) (subscription|plan|account)|not available (with|on|for|to) (a |an |your )?(free|unpaid|trial)\b[\w /]{0,12}\b(plan|account|tier|users?)\b|\b(paid|premium) (subscription|plan|account) (is )?required|\brequires? an? [\w-]{1,20} (plan|tier|subscription|licen[cs]e) or (higher|above|superior)\b|\b(plan|subscription)_required\b|\b(e-?mail|account)( address)? (is |has )?(not|not yet) (been )?verified\b|\b(email|account)_not_verified\b/i;
/** Credit and spend refusals in vendors' words: the account must pay or raise a limit; waiting does not help (a 402/429/400 look-alike of 403). */
const CREDIT = /credit balance is too low|(insufficient|not enough|out of) (credits?|credit balance|balance)\b|(used|exhausted|run out of) (all )?(your |its |the )?(available )?credits|(reached|hit|exceeded) (its |your |the )?(monthly |daily |max(imum)? )?(spend(ing)?|usage|budget) limit|spending limit (reached|exceeded)|exceeded your current quota|key limit exceeded|requires more credits|(purchase|buy|add) (more )?credits/i;
/** Billing not set up or disabled (Google's project billing family; more specific than a bare permission error). */
const BILLING = /billing (account )?[^.\n"<]{0,40}\b(is |has been |was )?(disabled|not (enabled|configured|found|active)|absent)|(has|have) (not configured|no) billing|billing[^.\n"<]{0,10} disabled|requires? billing to be enabled|billing (must|needs to) be enabled|must enable billing|enable billing (on|for) (the |this |your )?(google cloud )?project|billing_?not_?enabled/i;
/** AWS-style throttling sent as a 400 (its query/JSON APIs): the code or its message, in an envelope or an SDK line. */
const THROTTLED = /\brate exceeded\b|\brequest (was |has been )?throttled\b|\bthrottlingexception\b|\bcode:? ?"?throttling\b|"code"\s*=>\s*"throttling"/i;
// "rate limit" as prose, never as a header name dumped into a body (x-ratelimit-remaining, X-RateLimit-Limit:
// sendgrid-api/access-forbidden-node-error-dump, a CORS expose-headers list as GitHub sends it)
// "too many concurrent requests": OpenAI's 429 (https://platform.openai.com/docs/guides/error-codes), Cloudflare Workers AI.
// "reached your secondly limit" (HubSpot: https://developers.hubspot.com/docs/api/usage-details) beside "daily/hourly limit";
// a count per unit of time exceeded or as the limit: Shopify's "Exceeded 4 calls per second for api client"
// (github.com/internalfx/quickshot/issues/60), Cloudflare's API "More than 1200 requests per 300 seconds reached"
// (github.com/lablabs/cloudflare-exporter/issues/74), "a rate limit of 10 requests per second" (github.com/jdemaeyer/brightsky/issues/162).
const RATE = /(?<![-\w])rate[- ]?limit(ed|ing)?\b(?!-)[^.\n"<]{0,30}|too many (?:concurrent |simultaneous |parallel )?(?:requests|calls|queries)\b|\brate exceeded\b|(quota|limit) (has been |was )?(exceeded|exhausted|reached)|exceeded[^.\n"<]{0,30}(rate|quota|limit)|throttl(ed|ing)|slow down|(usage|request|rate|api|call|query|daily|hourly|monthly)[- ]limits?\b[^.\n"<]{0,60}?\b(exceeded|reached|exhausted)\b|reached (the |your |its )?(\w{2,12}ly |maximum |max )?(request |api |usage |call )?(limit|quota)\b|\b(?:exceeded|limit of) \d{1,9} (?:calls|requests|queries) per (?:second|minute|hour|day)\b|requests? per (\d{1,6} )?(seconds?|minutes?|hours?|days?)\b[^.\n"<]{0,40}(exceeded|reached)/i;

// An account, organisation, user or consumer said to be in a state that stops every call: suspended,
// disabled, deactivated, terminated, restricted, banned, locked, inactive, not in good standing — with
// an optional name or id between (Account pollinations is suspended; Consumer 'projects/x' has been
// suspended). Sources: anthropic-api/org-disabled-* ("This organization has been disabled."),
// groq-api/organization-restricted-* ("Organization has been restricted."), fireworks-api/account-suspended-*,
// aws-services/cognito-user-disabled-* ("User is disabled."), microsoft-entra-id/user-disabled-azure-cli
// ("The user account is disabled."), auth0/user-blocked-* ("user is blocked"), apigee/developer-inactive,
// google-apis/consumer-suspended-*, openai-api/billing-not-active-* ("Your account is not active"),
// Binance "This account is inactive" (github.com/terryso/nof1-tracker/issues/13), alibaba-model-studio/arrearage-*
// ("make sure your account is in good standing"; Paperspace's billing "isInGoodStanding": github.com/Paperspace/cli/pull/44).
// the name or id, and a key or org tag beside it (moonshot-api: "Your account org-… <ak-…> is not active")
const NAME = String.raw`(?:\s+['"‘“\[(［<]?[\w:@./+=-]{1,64}['"’”\])］>]{0,2}(?:\s?[<(\[][^>)\]\n]{1,40}[>)\]])?)?`;
// not a policy's restriction ("Access to your account data is restricted by policies": google-identity/admin-policy-*)
// nor a record lock ("account is locked by another transaction")
const STATE_WORDS = String.raw`(?:has been|have been|is|was|are|were)\s+(?:temporarily |permanently |currently )?(?:suspended|disabled|deactivated|terminated|restricted|banned|blocked|locked|inactive|frozen|not active|not activated)\b(?!\s+by\s+(?:polic|(?:an?|your|the)\s+(?:admin|organi[sz]ation)|another|other|a different))`;
const HOLDER_STATE = new RegExp(String.raw`\b(?:account|organi[sz]ation|developer|consumer|tenant|workspace|subscription)${NAME}\s+${STATE_WORDS}|\buser\s+${STATE_WORDS}|\byour access (?:has been|was) (?:terminated|suspended|revoked)\b|\baccount is (?:not )?in good standing\b`, 'i');
// An app, deployment, site or service its owner's account stopped: suspended, paused or disabled (not
// "blocked", which for an app is an admin's policy: google-identity/app-blocked-*). Sources:
// render/service-suspended-* ("This service has been suspended by its owner."), vercel/deployment-disabled-402-page
// ("This Deployment has been disabled."), netlify/site-paused-* ("This site was paused"),
// volcengine-ark/safe-experience-mode-paused ("the model service has been paused"),
// microsoft-entra-id/app-disabled-* ("Application '…'(name) is disabled.").
const DEPLOYED_STATE = /\b(?:application|app|deployment|site)(?:\s+['"‘“]?[\w:@./-]{1,64}['"’”]?(?:\s?\([^)\n]{1,40}\))?)?\s+(?:has been|was|is)\s+(?:temporarily )?(?:suspended|disabled|deactivated|paused)\b|\bservice has been (?:suspended|paused)\b|\bservice was (?:suspended|paused)\b|\bproject has been (?:suspended|paused)\b/i;
// Vendors' codes for the same states, as a token: CONSUMER_SUSPENDED (google-apis/consumer-suspended-gemini-relayed),
// organization_restricted (groq-api/organization-restricted-*), USER_DISABLED (Firebase Auth:
// https://firebase.google.com/docs/reference/rest/auth#section-sign-in-email-password), DEPLOYMENT_DISABLED /
// DEPLOYMENT_PAUSED (vercel/deployment-*), access_terminated and billing_not_active (openai-api).
// The same code as an error envelope's value, on any status (Slack answers 200 {"ok":false,"error":"account_inactive"}:
// https://api.slack.com/methods/chat.postMessage#errors; Firebase Auth {"error":{"message":"USER_DISABLED"}}).
const STATE_CODE_ENVELOPE = /"(?:error|code|error_code|errorCode|message|status|reason)"\s*:\s*"(?:account|user|team|org|organi[sz]ation|workspace)_(?:inactive|disabled|suspended|deactivated)"/i;
const STATE_CODE = /\b(?:account|organi[sz]ation|org|user|consumer|developer|deployment|project|tenant)_(?:suspended|disabled|deactivated|restricted|banned|inactive|paused|terminated)\b|\baccess_terminated\b|\bbilling_not_active\b/i;

// Money: a balance, credit line or budget used up, a bill unpaid, a payment or payment method required.
// Sources: siliconflow-api/paid-balance-* ("Your paid balance is insufficient. Please top up"),
// together-api/credit-limit-exceeded-402 ("Credit limit exceeded"), litellm/budget* ("Budget has been exceeded!"),
// fireworks-api/account-suspended-* ("failure to pay past invoices"), heroku "delinquent account" 402
// (github.com/heroku/legacy-cli/pull/903), anthropic-api/long-context-* ("Extra usage is required",
// "Usage credits are required"), openrouter/key-prompt-tokens-limit ("create a key with a higher monthly limit"),
// SendGrid's 401 "Maximum credits exceeded" (https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/responses),
// "You have 0 credits remaining" (elevenlabs-api/quota-exceeded-credits-home-assistant), Clever Cloud's "you don't have selected a default payment method" (github.com/CleverCloud/clever-tools/issues/401),
// "Please update your payment method" (github.com/savvi-legal/feedback/issues/179). (npm's 402 "You need a paid
// account" is read by the 402 rule below.)
const PAY = /\b(?:paid |account |wallet )?balance (?:is )?(?:insufficient|too low|not enough|negative|exhausted)\b|\b(?:credit|spend(?:ing)?|budget|billing) limit (?:has been |was |is )?(?:exceeded|reached)\b|(?<!\b(?:complexity|query|rate|request|call|point|cost) )\bbudget (?:has been |was |is )?(?:exceeded|exhausted|reached)\b|\bexceeded (?:your |the |its )?(?:max(?:imum)? |monthly |team |key )?budget\b|\bfailure to pay\b|\b(?:past[- ]due|overdue|unpaid) (?:invoices?|payments?|balance|bills?)\b|\bdelinquent account\b|\b(?:max(?:imum)? )?credits? (?:limit )?(?:has been |have been |was |were )?(?:exceeded|exhausted|depleted|used up)\b|\b(?:0|no|zero) credits (?:remaining|left)\b|\b(?:no|don't have (?:selected )?a) (?:valid |default )?payment method\b|\bupdate your payment method\b|\b(?:extra usage|usage credits|credits|payment) (?:is|are) required\b|\bcreate a key with a higher (?:monthly |daily )?limit\b/i;
// A limit the account owner set (a spend or inference cap), reached: raising it, not waiting, lets calls
// through. Sources: anthropic-api/spend-limit-* ("You have reached your specified API usage limits"),
// volcengine-ark/safe-experience-mode-paused ("has reached the set inference limit"), cloudflare/error-1027-*
// and netlify/site-paused-usage-limits ("reached their plan limits", "reached its usage limits" on a paused site).
const PLAN_LIMIT = /\breached (?:their|your|its) plan(?:'s)? limits?\b|\bpaused as it reached its (?:usage|plan) limits?\b/i;
// (not a per-second or per-minute limit: "reached the configured limit of 100 requests per minute" is a rate limit)
const OWNER_LIMIT = new RegExp(String.raw`\breached (?:your |the |its |their )(?:specified |configured |set |own )[\w ]{0,24}?limits?\b(?![^.\n"<]{0,40}\bper (?:second|minute|min|hour|day)\b)|${PLAN_LIMIT.source}`, 'i');

// The plan, tier or access level does not include what was asked: "allowed for build tier 2 and above"
// (together-api/build-tier-model-access), "requires a Pro plan or higher" (generic-causes-r6/plan-or-higher-warp),
// "you may need a different access level" (twitter-api/tweepy-453-*), "Trial accounts cannot send messages to
// unverified numbers" (twilio/trial-unverified-*), Mailgun's "free accounts are for test purposes only"
// (github.com/mailgun/wordpress-plugin/issues/68); a free tier used up or switched off: ElevenLabs' "Free Tier
// usage disabled" (elevenlabs-api/unusual-activity-*), DashScope's "The free tier of the model has been exhausted"
// (github.com/APIParkLab/APIPark/issues/394); a subscription or licence run out: Zscaler's 403 "API subscription is
// required, but it is currently expired" (github.com/CrowdStrike/zscaler-FalconX-integration/issues/23), Nabu Casa's
// expired-subscription 403 (github.com/NabuCasa/hass-nabucasa/pull/834), Kibana's "require an Enterprise license or
// higher" (github.com/elastic/kibana/pull/247545, read by ACCOUNT's "or higher").
const TIER = /\b(?:subscription(?! key)|licen[cs]e)\b[^.\n"<]{0,30}?\b(?:has |is |was )?(?:currently )?(?:expired|lapsed)\b|\bfree (?:tier|quota|plan)\b[^.\n"<]{0,20}?\b(?:has been |is |was )?(?:exhausted|disabled|used up)\b|\b(?:allowed|available|only) for [\w ]{0,20}?(?:tier|plan|level) \w{1,12} (?:and above|or above|or higher)\b|\bneed a (?:different|higher) (?:access level|tier|plan)\b|\byou currently have [\w ]{0,20}?access (?:which|that) (?:includes|is limited)|\byou currently have access to a subset\b|\b(?:trial|free|sandbox) accounts? (?:may only|can only|cannot|can ?not|are (?:for|limited))\b/i;
// The model is not turned on for this account: Bedrock's "You don't have access to the model with the specified
// model ID" (aws-services/bedrock-no-model-access-*), DashScope's "make sure you are eligible for using the model"
// (alibaba-model-studio/unpurchased-*), Ark's "has not activated the model" (volcengine-ark/model-not-open-404),
// OpenAI's "Your organization must be verified to use the model" (openai-api/org-verify-*).
// Wrapped lines are common in these (alibaba-model-studio/unpurchased-token-plan-json breaks "the\n model").
const S = String.raw`\s{1,3}`;
const MODEL_ACCESS = new RegExp(String.raw`\b(?:don't|do not|does not)${S}have${S}access${S}to${S}the${S}model${S}with\b|\beligible${S}(?:for${S}using|to${S}use)${S}the${S}model\b|\bhas${S}not${S}(?:been${S})?activated${S}the${S}model\b|\bactivate${S}the${S}model${S}service\b|\borgani[sz]ation${S}must${S}be${S}verified${S}to${S}(?:use|stream|access)\b`, 'i');
// Terms, agreements or a licence the account has not accepted (or that expired): App Store Connect's "A required agreement
// is missing or has expired" (FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED:
// https://developer.apple.com/documentation/appstoreconnectapi/interpreting-and-handling-errors), IBM Quantum's "must
// accept the license" (github.com/Qiskit/qiskit-ibmq-provider/issues/91), Docker Hub / npm "accept the terms" prompts.
const AGREEMENT = /\b(?:required |latest |updated )?agreements? (?:is |are |has |have )?(?:been )?(?:missing|expired|not (?:been )?(?:accepted|signed))\b|\bmust (?:first )?accept the (?:latest |updated |new )?(?:terms|agreement|licen[cs]e|eula)\b/i;
// An address or account not verified or confirmed before use: Supabase's "Email not confirmed"
// (supabase-postgrest/auth-email-not-confirmed-*), "Email of this user is not confirmed"
// (github.com/Sekai-World/sekai-viewer/issues/525), SendGrid's "does not match a verified Sender Identity"
// (sendgrid-api/sender-identity-*), Keycloak's "Account is not fully set up" (keycloak/account-not-fully-set-up*),
// Storj's account "not activated" (github.com/storj-archived/bridge/issues/570).
const UNVERIFIED = /\b(?:e-?mail|account)(?: address)?(?: of this user)? (?:is |has )?not (?:yet )?(?:been )?confirmed\b|\bemail_not_confirmed\b|\bdoes not match a verified sender\b|\baccount is not (?:fully |yet )?(?:set up|activated)\b/i;

// An API or service not turned on for the project, subscription or account (the owner must enable or
// subscribe to it): Google's "Sheets API has not been used in project 123 before or it is disabled"
// (google-apis/service-disabled-*), "API is not enabled for this project", AWS's OptInRequired "You are not
// subscribed to this service" and "needs a subscription for the service"
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html), Azure's
// MissingSubscriptionRegistration "The subscription is not registered to use namespace"
// (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider).
const NOT_ENABLED = /\b(?:api|service)\b[^.\n"<]{0,40}\b(?:has not been used|is not enabled|has not been enabled|is not activated) (?:in|for|on) (?:the |this |your )?(?:project|subscription|account)\b|\bnot subscribed to (?:this|the) service\b|\bneeds a subscription for the service\b|\bsubscription is not registered to use namespace\b/i;
// Billing off, said inside an error envelope's message (so a README's "you must enable billing" is no
// refusal): Google Maps' {"error_message":"You must enable Billing on the Google Cloud Project…","status":
// "REQUEST_DENIED"} (google-maps-platform/billing*), Google Cloud's "This API method requires billing to be
// enabled" (google-apis/billing-required-for-method), served with 200 or 403.
const BILLING_ENVELOPE = /"(?:error_message|message|error|detail|errorMessage)"\s*:\s*"[^"]{0,60}(?:must enable billing|requires billing to be enabled|billing (?:is )?(?:not enabled|disabled))/i;

// A wait measured in (milli)seconds or minutes before the next try: "Please try again in 6ms"
// (openai-api/rate-limit-tier-name-help-center), "Please retry after 2 seconds" (Azure OpenAI's 429:
// https://learn.microsoft.com/azure/ai-services/openai/quotas-limits), "try again in 9m38.016s" (groq-api/rate-limit-tpd-service-tier).
// Weak on its own (an access change may also say "try again after 2 minutes" while it propagates): below a permission word.
const RETRY_IN = /\b(?:try again|retry) (?:in|after) \d{1,6}(?:\.\d{1,3})? ?(?:ms|milliseconds?|s|secs?|seconds?|m\d{0,2}|mins?|minutes?)\b/i;

// Rate limits that are certain in a short body whatever the status (a 200 or 500 envelope, a 413, S3's 503):
// "qps request limit reached", "daily request limit reached" (baidu-ai-cloud/*), "reach max api daily quota
// limit" (wechat-api/senparc-45009-daily-quota), "exceeds the frequency limit" and "reduce the frequency of
// calls" (tencent-cloud-api/*), "Please reduce your request rate" (aws-s3/slow-down), Shopify's "Reduce request rates to
// resume uninterrupted service", "You have exceeded your
// rate-limit for this API" (google-maps-platform/over-query-limit), "Quota for user `x` for 240s has been
// exceeded" (clickhouse/quota-exceeded-*), "on tokens per minute (TPM): Limit 6000, Requested 14368"
// (groq-api/request-too-large-413-*, openai-api/request-too-large-tpm-python-sdk).
/**
 * A month's allowance used up: the plan's volume, not a rate window; upgrading (or the next cycle) lifts it. Sources: Alchemy
 * "Monthly capacity limit exceeded" (alchemy-api/monthly-capacity-*), apilayer's 104 "Your monthly usage limit has been reached"
 * (github.com/fixerAPI/fixer/issues/133), a coding gateway's "You have exceeded the monthly usage quota"
 * (github.com/anomalyco/opencode/issues/44099), RapidAPI's "exceeded the MONTHLY quota for Requests on your current plan".
 */
const MONTHLY = /\bmonthly (?:capacity|usage|credit|request|api|call)s? (?:limit|quota|allowance)\b[^.\n"<]{0,30}?\b(?:exceeded|reached|exhausted|used up)\b|\b(?:exceeded|reached|used up|exhausted) (?:the |your |its )?monthly (?:usage |request |credit |api |call )?(?:limit|quota|allowance)\b|\bmonthly_request_count\b/i;
/**
 * An endpoint or feature the plan does not include: "This is a premium endpoint" (Alpha Vantage, alpha-vantage-api/premium-*),
 * "This API endpoint is only enabled if you have a premium token" and "a paid feature not currently available to your instance.
 * Please upgrade" (Metabase, github.com/metabase/metabase/pull/32522), "not available under your current subscription" (FMP),
 * "upgrade your plan to access".
 */
const PREMIUM = /\bthis is an? (?:premium|pro|paid) (?:api )?endpoint\b|\btrying to access an? (?:api )?(?:pro|premium) endpoint\b|\bendpoint is only (?:enabled|available) if you have an? (?:premium|paid|pro)\b|\bis an? (?:paid|premium) feature (?:that is )?not (?:currently )?available (?:to|on|for) your\b|\bnot available (?:under|on|with|in) your (?:current )?(?:subscription|plan|tier)\b|\bupgrade (?:your|the) (?:plan|subscription|account) to (?:access|unlock|use|enable)\b/i;
const RATE_SURE = /\b(?:qps|api|request|call|query|daily|hourly|frequency) (?:request |call )?limit (?:has been |was )?(?:reached|exceeded)\b|\breach(?:ed)? (?:the )?max(?:imum)? (?:api )?(?:daily |hourly )?(?:quota|request|call)s? limit\b|\bexceed(?:s|ed)? (?:the |your )?(?:frequency|request rate|rate|qps) limit\b|\bexceeded your rate[- ]limit\b|\breduce (?:your |the )?(?:request rates?|request frequency|rate of requests|frequency of (?:calls|requests))\b|\bquota for [^.\n"<]{1,60}? has been exceeded\b|\b(?:tokens|requests) per (?:min(?:ute)?|day) \((?:TPM|RPM|TPD|RPD)\): Limit \d/i;
// The same as vendors' codes: RequestLimitExceeded (tencent-cloud-api, AWS EC2:
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/throttling.html), rateLimitExceeded /
// userRateLimitExceeded / quotaExceeded / dailyLimitExceeded (google-apis/legacy-daily-limit, YouTube
// https://developers.google.com/youtube/v3/docs/errors), OVER_QUERY_LIMIT (google-maps-platform/over-query-limit),
// QUOTA_EXCEEDED (clickhouse/quota-exceeded-http-read-rows), ProvisionedThroughputExceededException (DynamoDB and Kinesis,
// sent as a 400: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html), TooManyRequestsException
// (aws-services/lambda-throttling, aws-api-gateway/too-many-requests), <Code>SlowDown</Code> (aws-s3/slow-down, Ceph RGW).
// Case-sensitive: "slowdown" or "quota exceeded" in prose is not a code.
const RATE_CODE = /\b(?:RequestLimitExceeded|ProvisionedThroughputExceeded(?:Exception)?|TooManyRequestsException|(?:user)?[rR]ateLimitExceeded|quotaExceeded|dailyLimitExceeded|OVER_QUERY_LIMIT|QUOTA_EXCEEDED)\b|<Code>SlowDown<\/Code>|\bcode:? ?"?SlowDown\b/;
// A 429 that sends the reader to a rate-limit documentation page: Gemini's ai.google.dev/gemini-api/docs/rate-limits
// (google-apis/gemini-quota-*), Groq's console.groq.com/docs/rate-limits (groq-api/*), OpenAI's
// platform.openai.com/account/rate-limits (openai-api/rate-limit): a quota that waiting restores, even when the
// sentence also says "check your plan and billing details".
const RATE_DOCS = /https?:\/\/[\w.-]{1,60}\/[\w./-]{0,60}\brate[-_]limits?\b/i;
// Allocation quotas: a cap on how much an account or namespace may hold (storage, cores, addresses,
// resources), not on how often it may call; waiting does not lift it. A cloud's or a store's cap is the
// plan's (raise the quota or free space): Google Compute's "Quota 'CPUS' exceeded.  Limit: 8.0 in region"
// (github.com/mesosphere-backup/terraform-dcos/issues/61, github.com/fastai/course-v3/pull/165), Azure's
// "Operation results in exceeding quota limits of Core" (github.com/hashicorp/terraform/issues/10056) and
// "exceeding approved Total Regional Cores quota" (github.com/nforgeio/neonKUBE/issues/1671), Google Drive's
// storageQuotaExceeded "The user's Drive storage quota has been exceeded" (github.com/apache/opendal/issues/4071),
// an S3 gateway's "denied due to quota exceeded" (github.com/versity/versitygw/pull/503), Harbor's "Not enough
// quota available" / "Quota exceeded when processing the request" (github.com/goharbor/harbor/issues/8802) and its 2.x
// "… of storage resource, which when updated to current usage of … will exceed the configured upper limit of …"
// (github.com/goharbor/harbor/issues/17390, /11712).
const ALLOCATION = /\b(?:storage|disk|drive|space|file|upload|repository|project|seat|licen[cs]e|instance|volume|bucket)s? quota (?:has been |was |is )?(?:exceeded|reached|full|exhausted)\b|\bstorageQuotaExceeded\b|\b(?:exceeded|reached|over) (?:your |the |its |their )?(?:storage|disk|drive|space) quota\b|\bnot enough quota available\b|\bdenied due to quota exceeded\b|\bquota exceeded when processing the request\b|\bof storage resource, which when (?:updated|added) to current usage of [\d.]{1,12} ?[KMGTP]?i?B will exceed the configured upper limit\b|\bQuota '[A-Z0-9_]{2,40}' exceeded\.\s{1,3}Limit:|\bexceeding (?:approved )?[\w ]{0,30}?quota limits? of\b|\bexceeding approved [\w ]{1,40}? quota\b/i;
// A Kubernetes ResourceQuota is the namespace's policy (an admin's, answered 403 by the admission plugin):
// "is forbidden: exceeded quota: <name>, requested: … used: … limited: …" and "failed quota: <name>: must
// specify limits.cpu" (kubernetes-apiserver/quota-*), the 1.1 wording "cpu is limited by quota" and "cpu
// quota is 200m, current usage is 200m" (github.com/kubernetes/kubernetes/pull/16941).
const K8S_QUOTA = /\bis forbidden: (?:exceeded|failed) quota: [\w.-]{1,63}|\bis forbidden: [\w.]{1,40} (?:is limited by quota|quota is [\w.]{1,20}, current usage is)\b/i;
// A search cluster's disk-full write block, sent as 429 since Elasticsearch 7.x (403 before): "TOO_MANY_REQUESTS/12/disk usage
// exceeded flood-stage watermark, index has read-only-allow-delete block" (github.com/rwynn/monstache/issues/610, OpenSearch:
// github.com/opensearch-project/OpenSearch/issues/14791, elasticsearch/disk-block-*) and the older "index read-only / allow
// delete (api)" (github.com/elastic/elasticsearch/issues/58376). No rate: the disk must be freed and the block lifted.
const DISK_BLOCK = /\bdisk usage exceeded flood[- ]stage watermark\b|\bindex read-only \/ allow delete \(api\)|\bread[-_]only[-_]allow[-_]delete block\b/i;
/** A card payment that failed (Stripe's 402 card_declined) is the customer's card, not the account's plan. */
const CARD = /\bcard[_ ]?(?:declined|error)\b|\bdecline_code\b|\byour card\b|\binsufficient_funds\b/i;

/** Accounts, plans, billing and rate limits in words: what waiting or paying changes. Read for the cause of any layer, known or not; lower confidence than a vendor's own codes. */
export const QUOTA_WORD_RULES: CauseRule[] = [
  rule('account-or-plan-restriction', 0.58, w(ACCOUNT), { words: true, why: 'the body says the account, project, plan or app is suspended, disabled or not enabled' }),
  rule('account-or-plan-restriction', 0.68, w(CREDIT), { blocks: true, words: true, why: 'the body says the account has no credit left or reached its spending limit: it must pay or raise the limit, waiting does not help' }),
  rule('account-or-plan-restriction', 0.92, all(status(402, 429), w(CREDIT), not(w(RATE_DOCS))), { blocks: true, words: true, why: 'a 402/429 that asks for credit or a higher spending limit is a billing stop, not a rate limit that passes with time' }),
  rule('account-or-plan-restriction', 0.66, w(BILLING), { words: true, why: 'the body says billing is not enabled or is disabled for the project or account' }),
  rule('account-or-plan-restriction', 0.7, we(HOLDER_STATE), { blocks: true, words: true, why: 'the body says the account, organisation or user is suspended, disabled, locked or inactive: no credential or permission helps until it is restored' }),
  rule('account-or-plan-restriction', 0.68, we(DEPLOYED_STATE), { blocks: true, words: true, why: 'the body says the app, site or deployment was suspended, paused or disabled (usually by its owner\'s account or plan)' }),
  rule('account-or-plan-restriction', 0.68, w(STATE_CODE_ENVELOPE), { blocks: true, words: true, why: 'the error envelope\'s code says the account, user or workspace is inactive, disabled or suspended' }),
  rule('account-or-plan-restriction', 0.66, we(AGREEMENT), { blocks: true, words: true, why: 'the body says a required agreement, terms or licence is not accepted or expired: the account owner must accept it' }),
  rule('account-or-plan-restriction', 0.68, we(STATE_CODE), { blocks: true, words: true, why: 'the error code says the account, organisation, user or deployment is suspended, disabled or restricted' }),
  rule('account-or-plan-restriction', 0.7, we(PAY), { blocks: true, words: true, why: 'the body says a balance, credit line or budget is used up or a payment is required: the account must pay or raise its limit' }),
  rule('account-or-plan-restriction', 0.68, we(OWNER_LIMIT), { blocks: true, words: true, why: 'the body says the account reached a limit its owner or plan sets: raising the limit or the plan, not waiting, lets calls through' }),
  rule('account-or-plan-restriction', 0.7, we(TIER), { blocks: true, words: true, why: 'the body says the plan, tier or access level (or a trial account) does not include this' }),
  rule('account-or-plan-restriction', 0.68, we(MODEL_ACCESS), { blocks: true, words: true, why: 'the body says the model is not activated, purchased or granted for this account' }),
  rule('account-or-plan-restriction', 0.7, we(UNVERIFIED), { blocks: true, words: true, why: 'the body says the account or its e-mail address is not verified or set up yet' }),
  rule('account-or-plan-restriction', 0.64, we(NOT_ENABLED), { blocks: true, words: true, why: 'the body says the API or service is not enabled or subscribed for the project, subscription or account' }),
  rule('account-or-plan-restriction', 0.7, w(BILLING_ENVELOPE), { blocks: true, words: true, why: 'the error envelope says billing is not enabled for the project: calls stay refused until billing is turned on' }),
  rule('account-or-plan-restriction', 0.8, all(status(402), not(w(CARD)), w(/\bpayment\b|\bpaid\b|\bplan\b|\bbilling\b|\bcredits?\b|\bsubscription\b|\bbalance\b|\bupgrade\b|\blimit\b|\bsign up\b|\binvoice\b|\bdelinquent\b|\baccount\b|\bquota\b|\btrial\b|\bexpired\b|\brenew|\bunavailable\b|\bsuspended\b|\bdisabled\b|\bdeployment/i)), {
    blocks: true, words: true, why: 'a 402 Payment Required about the plan, credit or billing: the account must pay or upgrade',
  }),
  // a 429 (whose status alone says rate limit, 0.9) that is in fact an account stop: billing, plan or account state, not time
  // (not "reached the configured limit", which a gateway's per-minute limit also says)
  rule('account-or-plan-restriction', 0.93, all(status(429), not(w(RATE_DOCS)), any(w(PAY), w(PLAN_LIMIT), w(STATE_CODE), w(/\b(?:account|organi[sz]ation)\b[^.\n"<]{0,40}\b(?:is|has been|was) (?:suspended|disabled|deactivated|terminated|not active|inactive)\b|\bservice has been paused\b|\bbalance[^.\n"<]{0,8}insufficient|余额不足/i))), {
    blocks: true, words: true, why: 'a 429 whose body says the account is inactive, out of balance or at a limit its owner set: paying or raising the limit helps, waiting does not',
  }),
  // 402 Payment Required names the cause by itself once something marks the answer a refusal (a Stripe card_declined 402 stays ordinary)
  rule('account-or-plan-restriction', 0.72, status(402), { why: 'status 402 Payment Required: the account must pay, add credit or upgrade its plan' }),
  rule('account-or-plan-restriction', 0.74, we(ALLOCATION), { blocks: true, words: true, why: 'the body says an allocation quota (storage, cores, addresses, resources) is used up: free some or have the quota raised; waiting does not help' }),
  rule('other', 0.94, w(DISK_BLOCK), { words: true, why: 'the search cluster made the index read-only because a node\'s disk passed its flood-stage watermark: free disk space (or add nodes) and lift the block; this 429 is no rate limit' }),
  rule('resource-policy-deny', 0.74, w(K8S_QUOTA), { words: true, why: 'a Kubernetes ResourceQuota of the namespace refused the object: it would exceed the quota, or it lacks the requests/limits the quota requires' }),
  rule('rate-limited', 0.72, all(status(400), w(THROTTLED)), { blocks: true, words: true, why: 'the body says the request was throttled ("Throttling: Rate exceeded"), sent as a 400 as AWS-style APIs do' }),
  rule('account-or-plan-restriction', 0.7, wr(MONTHLY), { blocks: true, words: true, why: 'the body says the month\'s allowance (requests, capacity, credits) is used up: an upgrade or the next billing cycle lifts it, retrying sooner does not' }),
  rule('account-or-plan-restriction', 0.93, all(status(429), not(w(RATE_DOCS)), w(MONTHLY)), { blocks: true, words: true, why: 'a 429 whose body says the month\'s allowance is used up: a plan limit that lasts until the next cycle, not a rate window' }),
  rule('account-or-plan-restriction', 0.7, w(PREMIUM), { blocks: true, words: true, why: 'the body says this endpoint or feature belongs to a premium or paid plan the account does not have' }),
  rule('rate-limited', 0.45, w(RETRY_IN), { words: true, why: 'the body asks to try again after a few seconds or minutes: a rate limit\'s window' }),
  rule('rate-limited', 0.6, w(RATE), { words: true, why: 'the body talks about a rate limit or quota' }),
  rule('rate-limited', 0.66, wr(RATE_SURE), { blocks: true, words: true, why: 'the body says a request-rate, daily or per-minute limit was reached: waiting for the window to pass lets calls through' }),
  rule('rate-limited', 0.68, wr(RATE_CODE), { blocks: true, words: true, why: 'the error code says a rate or quota limit was exceeded (RequestLimitExceeded, rateLimitExceeded, OVER_QUERY_LIMIT, SlowDown)' }),
  rule('rate-limited', 0.94, all(status(429), w(RATE_DOCS)), { words: true, why: 'a 429 that points to the vendor\'s rate-limit documentation: a quota that waiting restores' }),
];
