// Round 11, fragments: the marks that name a registered layer from a message alone (its code namespace, its SDK's class,
// its own sentence cut at the first period) and the look-alikes checked against them — another vendor's words, or a
// generic sentence, that must NOT name that layer.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import type { ExplainInput } from '../../../../shared/explain/index';

const frag = (status: number, body: string): ExplainInput => ({ status, headers: {}, body });

describe('round 11 fragment marks: look-alikes name nobody (or their own layer)', () => {
  it.each([
    // Google's project number in parentheses is no Graph API '(#code) …' prefix
    ['Google project number', frag(403, 'Project charming-module-137923 (#808448574146) has billing disabled. Please enable it.'), 'facebook-graph-api'],
    ['a changelog reference', frag(403, 'Merged (#123) Fix the build'), 'facebook-graph-api'],
    // Azure AI services word their own quota differently from APIM's quota policy
    ['Azure AI services quota', frag(403, 'Out of call volume quota for TextAnalytics F0 pricing tier. Please retry after 7 days.'), 'azure-api-management'],
    // a signature refusal without Cloudinary's 40-hex digest
    ['a generic signature refusal', frag(401, 'Invalid Signature. Check your secret.'), 'cloudinary-api'],
    // curl's own summary is not Squid's page title
    ['curl summary', frag(403, 'curl: (22) The requested URL returned error: 403'), 'squid'],
    ['the title in prose', frag(403, 'It said the requested URL could not be retrieved, then nothing.'), 'squid'],
    // other libraries' JWT sentences (Lexik capitalises Token, and says 'Invalid JWT Token' like others)
    ['a lower-case JWT sentence', frag(401, 'JWT token not found in request'), 'symfony'],
    ['Portainer-like invalid token', frag(401, 'Invalid JWT token'), 'symfony'],
    // an envelope with code and msg but no Feishu platform code
    ['a code/msg envelope', frag(403, '{"code": 403, "msg": "Access denied."}'), 'feishu-lark-api'],
    // generic throttling words are not WSO2's throttle handler
    ['generic throttling', frag(429, 'Request was throttled. Expected available in 3 seconds.'), 'wso2-apim'],
    // a generic authorization failure is not OCI's NotAuthorizedOrNotFound sentence
    ['generic authorization failure', frag(404, 'Authorization failed.'), 'oracle-oci'],
    ['generic insufficient permissions', frag(403, 'Insufficient permissions'), 'taobao-top'],
    ['generic unavailable service', frag(451, 'Service unavailable in your region.'), 'binance-api'],
    // a Java client's exception line without clickhouse-client's '(version …)'
    ['a Java exception line', frag(500, 'Received exception from server: connection reset'), 'clickhouse'],
    // Infura's JSON-RPC quota error is not Alchemy's
    ['Infura daily quota', frag(429, '{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"daily request count exceeded, request rate limited"}}'), 'alchemy-api'],
    // Docker Hub's denial is not ECR's expired token
    ['Docker Hub denial', frag(403, 'denied: requested access to the resource is denied'), 'aws-ecr'],
    // a generic 429 envelope without CoinGecko's sentence
    ['a generic error_code envelope', frag(429, '{"error_code": 429, "error_message": "Too many requests"}'), 'coingecko-api'],
    ['plan words without Polygon\'s link', frag(403, 'You are not entitled to this data.'), 'polygon-api'],
    // Oracle's REST style without NetSuite's login sentence (Oracle Fusion answers so too)
    ['Oracle REST envelope', frag(400, '{"title":"Bad Request","status":400,"o:errorDetails":[{"detail":"Invalid value.","o:errorCode":"-1"}]}'), 'netsuite'],
    // a repository error class of another library (not huggingface_hub's errors module)
    ['another library\'s RepositoryNotFoundError', frag(404, 'gitlab.exceptions.RepositoryNotFoundError: 404 Project Not Found'), 'huggingface-hub'],
    ['Auth0 java-jwt verifying anyone\'s token', frag(401, 'com.auth0.jwt.exceptions.TokenExpiredException: The Token has expired on 2024-01-01.'), 'auth0'],
    ['Terraform variable line', frag(400, 'Error: TF_VAR_region: Must be set'), 'azure-devops'],
    // API Umbrella's sentence names it only with its signup link; a cap word alone is not B2's
    ['an api_key sentence without the link', frag(403, 'No api_key was supplied.'), 'api-umbrella'],
    ['a generic cap sentence', frag(403, 'Monthly bandwidth cap exceeded for this account.'), 'backblaze-b2'],
    // OCS's 997 sentence starts with a capital; the words inside another sentence are not it
    ['the words in prose', frag(401, 'Login failed because the current user is not logged in to the registry'), 'nextcloud'],
  ] as Array<[string, ExplainInput, string]>)('%s', (_name, input, notProducer) => {
    expect(explain(input).producer?.id ?? null).not.toBe(notProducer);
  });

  it.each([
    ['WSO2 throttle message alone', frag(429, 'Message throttled out'), 'wso2-apim', 'rate-limited'],
    ['WSO2 900910 sentence alone', frag(403, 'The access token does not allow you to access the requested resource'), 'wso2-apim', 'insufficient-permissions'],
    ['Cloudinary signature cut', frag(401, 'Invalid Signature d4cc2506fe374f2c10de3de3368964825acac78e.'), 'cloudinary-api', 'signature-or-clock-skew'],
    ['clickhouse-client line with its code', frag(500, 'Received exception from server (version 24.10.1): Code: 497.'), 'clickhouse', 'insufficient-permissions'],
    ['Squid title after a client prefix', frag(403, 'Error: Request failed with status code 403: The requested URL could not be retrieved.'), 'squid', 'proxy-denied'],
    ['Graph API numbered message', frag(403, '(#4) Application request limit reached'), 'facebook-graph-api', 'rate-limited'],
    ['Azure DevOps code after a pkt-line', frag(403, "remote: 0000000000aaTF401027: You need the Git 'GenericContribute' permission to perform this action."), 'azure-devops', 'insufficient-permissions'],
    ['Keycloak adapter log', frag(400, '2022-07-27 12:41:21.715 ERROR 25 --- [nio-8080-exec-2] o.k.adapters.OAuthRequestAuthenticator : failed to turn code into token'), 'keycloak', undefined],
    ['Nextcloud OCS 997 sentence', frag(401, 'Current user is not logged in'), 'nextcloud', 'invalid-credentials'],
    ['Storage AuthorizationFailure sentence', frag(403, 'This request is not authorized to perform this operation. RequestId:eac84bcc-f01e-0034-433b-1623fc000000 Time:2023-11-13T14:13:17.7458151Z'), 'azure-blob-storage', 'ip-or-geo-blocked'],
  ] as Array<[string, ExplainInput, string, string | undefined]>)('names its layer: %s', (_name, input, producer, cause) => {
    const got = explain(input);
    expect(got.producer?.id).toBe(producer);
    if (cause) expect(got.cause).toBe(cause);
  });
});
