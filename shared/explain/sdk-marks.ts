// The vendors' SDKs as marks (issue 11): a registered vendor's own client library printing the
// error it got back names the vendor by its exception class or package namespace. Read by
// vendor-mark-scan.ts beside the structural marks of vendor-marks.ts, as code marks.

/**
 * The vendor's own SDK printing the error it got back: its exception class or package namespace
 * (a code mark). Left out on purpose: SDKs that speak to other vendors' endpoints too — OpenAI's and
 * Anthropic's (compatible APIs, Azure, Bedrock), AWS's S3 clients (MinIO, Ceph, R2…) — and
 * class names other libraries share (OAuthException).
 */
export const SDK_MARKS: Array<[string, RegExp]> = [
  ['stripe-api', /\bstripe\.error\.\w+Error\b|\bStripe\\Exception\\\w+|\bStripe::(?:AuthenticationError|PermissionError|InvalidRequestError|RateLimitError)\b|\bcom\.stripe\.exception\.\w+/],
  ['twilio', /\btwilio\.base\.exceptions\.TwilioRestException\b|\bTwilio\\Exceptions\\RestException\b|\bTwilio::REST::RestError\b|\bcom\.twilio\.exception\.\w+/],
  ['slack-api', /\bslack_sdk\.errors\.SlackApiError\b|\bslack\.errors\.SlackApiError\b|@slack\/web-api\b/],
  ['github-api', /\bOctokit::(?:Unauthorized|Forbidden|NotFound|TooManyRequests|UnprocessableEntity)\b|\bgithub\.GithubException\.\w+|@octokit\/request-error\b/],
  ['gitlab-api', /\bgitlab\.exceptions\.Gitlab\w+Error\b|\bGitlab::Error::\w+/],
  ['google-apis', new RegExp([
    String.raw`\bgoogle\.api_core\.exceptions\.\w+`,
    String.raw`\bgoogleapiclient\.errors\.HttpError\b`,
    String.raw`\bGoogle::Apis::\w+Error\b`,
    String.raw`\bcom\.google\.api\.client\.googleapis\.json\.GoogleJsonResponseException\b`,
    String.raw`\bGoogle\\Service\\Exception\b`,
  ].join('|'))],
  ['firebase', /\bfirebase_admin\.(?:auth|exceptions)\.\w+|\bFirebaseAuthException\b|\bFirebaseError: Firebase:/],
  ['microsoft-graph', /\bMicrosoft\.Graph\.(?:Models\.ODataErrors\.ODataError|ServiceException)\b|\bcom\.microsoft\.graph\.\w+/],
  ['microsoft-entra-id', /\bMsal(?:Service|UiRequired|Client)Exception\b|\bmsal\.(?:MsalServiceException|oauth2cli)\b/],
  ['okta', /\bcom\.okta\.sdk\.resource\.ResourceException\b|\bokta\.exceptions\.OktaAPIException\b|\bOktaApiError\b/],
  ['auth0', /\bAuth0\.Core\.Exceptions\.\w+|\bauth0\.exceptions\.Auth0Error\b|\bAuth0::(?:Unauthorized|AccessDenied|BadRequest)\b/],
  ['shopify', /\bShopifyAPI::Errors::\w+|\bShopifyAPI\\Exception\\\w+/],
  ['hubspot-api', /\bhubspot\.crm\.[\w.]+\.exceptions\.ApiException\b|\bHubSpot\\Client\\[\w\\]+\\ApiException\b/],
  ['salesforce', /\bsimple_salesforce\.exceptions\.Salesforce\w+\b|\bRestforce::(?:UnauthorizedError|AuthenticationError|ResponseError)\b/],
  ['dropbox-api', /\bdropbox\.exceptions\.\w+|\bcom\.dropbox\.core\.\w*Exception\b/],
  ['paypal-api', /\bpaypalhttp\.http_error\.HttpError\b|\bPayPalHttp\.HttpException\b|\bcom\.paypal\.http\.exceptions\.\w+/],
  ['square-api', /\bcom\.squareup\.square\.exceptions\.ApiException\b|\bsquare\.core\.api_error\.ApiError\b/],
  ['telegram-bot-api', /\btelegram\.error\.\w+|\bETELEGRAM: [45]\d\d\b|\bTelegramError: [45]\d\d:|\bTelegram\.Bot\.Exceptions\.ApiRequestException\b|\bGrammyError\b/],
  ['discord-api', /\bDiscordAPIError(?:\[\d+\])?|\bdiscord\.errors\.(?:Forbidden|HTTPException|LoginFailure)\b/],
  ['twitter-api', /\btweepy\.errors\.\w+|\bTwitterApiError\b/],
  ['facebook-graph-api', /\bFacebookApiException\b|\bfacebook_business\.exceptions\.FacebookRequestError\b/],
  ['cloudflare-api', /\bcloudflare\._exceptions\.\w+|\bCloudFlareAPIError\b/],
  ['digitalocean-api', /\bgodo\.ErrorResponse\b|\bDropletKit::Error\b/],
  ['kubernetes-apiserver', /\bkubernetes\.client\.exceptions\.ApiException\b|\bio\.fabric8\.kubernetes\.client\.KubernetesClientException\b/],
  ['elasticsearch', /\belasticsearch\.exceptions\.\w+|\bco\.elastic\.clients\.\w+|\bElasticsearchStatusException\b/],
  ['atlassian', /\bjira\.exceptions\.JIRAError\b|\batlassian\.errors\.\w+/],
  ['notion-api', /@notionhq\/client\b/],
  ['algolia', /\balgoliasearch\.exceptions\.\w+|\bAlgoliaException\b/],
  ['pinecone', /\bPineconeApiException\b|\bpinecone\.(?:core\.)?[\w.]*exceptions?\.\w+/],
  ['supabase-postgrest', /\bAuthApiError\b|@supabase\/[\w-]+|\bPostgrestError\b/],
  ['databricks', /\bdatabricks\.sdk\.errors\.\w+/],
  ['snowflake', /\bsnowflake\.connector\.errors\.\w+|\bnet\.snowflake\.client\.jdbc\.SnowflakeSQLException\b/],
  ['replicate-api', /\breplicate\.exceptions\.\w+/],
  ['cohere-api', /\bcohere\.(?:error\.CohereAPIError|errors\.\w+)/],
  ['mistral-api', /\bmistralai\.(?:exceptions\.MistralAPIException|models\.sdkerror\.SDKError)\b|\bMistralAPIException\b/],
  ['groq-api', /\bgroq\.(?:AuthenticationError|PermissionDeniedError|RateLimitError|APIStatusError)\b/],
  ['together-api', /\btogether\.error\.(?:AuthenticationError|RateLimitError|APIError|InvalidRequestError)\b/],
  ['elevenlabs-api', /\belevenlabs\.core\.api_error\.ApiError\b/],
  ['alibaba-model-studio', /\bcom\.alibaba\.dashscope\.exception\.\w+|\bDashscopeException\b/],
  ['hashicorp-vault', /\bhvac\.exceptions\.\w+/],
  ['sendgrid-api', /\bpython_http_client\.exceptions\.\w+Error\b/],
  ['sendgrid-api', /\bSendGrid\\Exception\b/],
  // round 11 (fragments): Keycloak's Java adapters logging the token endpoint's refusal (Spring abbreviates the logger to
  // o.k.adapters.*) — github.com/keycloak/keycloak/issues/13357, github.com/openanalytics/shinyproxy/issues/280,
  // github.com/zak905/keycloak-api-key-demo/issues/10
  ['keycloak', /\b(?:o\.k|org\.keycloak)\.adapters\.[\w.]{0,80}?(?:Authenticator|Exception|SecurityContext)\b/],
  // Azure Service Bus / Event Hubs SDKs: Java (track 2 and the older azure-servicebus / azure-eventhubs) and the older .NET one —
  // github.com/Azure/azure-sdk-for-java/issues/27831, github.com/Azure/azure-service-bus-java/issues/110, github.com/Azure/azure-sdk-for-net/issues/11619
  // (one entry per package: each is then scanned for only where its literal occurs)
  ['azure-service-bus', /\bcom\.azure\.messaging\.(?:servicebus|eventhubs)\.\w*Exception\b/],
  ['azure-service-bus', /\bcom\.microsoft\.azure\.(?:servicebus|eventhubs)\.\w*(?:Exception|Failed\w*)\b/],
  ['azure-service-bus', /\bMicrosoft\.Azure\.ServiceBus\.\w*Exception\b/],
  // Go's autorest Key Vault client (services/keyvault, the Terraform azurerm provider's): 'keyvault.BaseClient#GetSecret: Failure …'
  // — github.com/turbot/steampipe-plugin-azure/issues/127, github.com/piyushsachdeva/Terraform_AKS/issues/2
  ['azure-key-vault', /\bkeyvault\.BaseClient#\w+/],
  // ASP.NET Core's own authentication handlers logging why they refused (Microsoft.AspNetCore.Authentication.JwtBearer…) —
  // corpus aspnet-core/ (its JwtBearer handler's log lines and AuthenticationHandler's, from separate issues)
  ['aspnet-core', /\bMicrosoft\.AspNetCore\.Authentication ?\.(?:JwtBearer|Cookies|OpenIdConnect|AuthenticationHandler|Negotiate|Certificate)\b/],
  // the Hub client's own repository errors (not HfHubHTTPError, which InferenceClient raises for inference providers too) —
  // github.com/kyegomez/NeoSapiens/issues/3, corpus huggingface-hub/ (GatedRepoError in its errors module)
  ['huggingface-hub', /\bhuggingface_hub\.(?:errors|utils\._errors|utils)\.(?:GatedRepoError|RepositoryNotFoundError|RevisionNotFoundError)\b/],
  ['mailchimp-api', /\bmailchimp_marketing\.api_client\.ApiClientError\b|\bMailchimpMarketing\.ApiClientError\b/],
];
