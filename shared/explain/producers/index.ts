import type { Producer } from '../types';
import { apacheApisix, gravitee, kong, krakend, oauth2Proxy, springCloudGateway, tyk } from './gateways-oss.producer';
import { apiUmbrella, apigee, mulesoft, threeScale, wso2Apim } from './gateways-enterprise.producer';
import { amazonSpApi, awsApiGateway, awsEcr, awsIam, awsServices, awsSts } from './aws-api.producer';
import { awsCloudfront, awsWaf } from './aws-edge.producer';
import { alibabaCloud, alibabaOss, awsS3, backblazeB2, cephRgw, cloudflareR2, digitaloceanSpaces, ibmCloudObjectStorage, minio, wasabi } from './s3-compatible.producer';
import { ociObjectStorage, oracleOci } from './oracle.producer';
import { alipayOpenapi, baiduAiCloud, dingtalkApi, feishuLarkApi, huaweiCloudApig, qiniuKodo, taobaoTop, tencentCloudApi, tencentCos, wechatApi, wechatPayApi, wecomApi } from './cn-clouds.producer';
import { airtableApi, dropboxApi, hubspotApi, mailchimpApi, notionApi, zendeskApi, zoomApi } from './saas-apps.producer';
import { azureAdGraph, azureAiServices, azureApiManagement, azureAppService, azureApplicationGateway, azureBlobStorage, azureContainerRegistry, azureFrontDoor, azureKeyVault, azureResourceManager, microsoftGraph } from './azure.producer';
import { azureCosmosDb, azureServiceBus } from './azure-data.producer';
import { anubis, datadome, humanPerimeterx, kasada } from './bot-managers.producer';
import { cloudflare, cloudflareApi } from './cloudflare.producer';
import { bunnycdn, netlify, render, stackpath, vercel } from './edge-platforms.producer';
import { firebase, googleApiGateway, googleApis, googleArtifactRegistry, googleCloudArmor, googleCloudStorage, googleMapsPlatform } from './google.producer';
import { continueProxy, helicone, litellm, oneApi, openrouter, portkey, vercelAiGateway } from './ai-gateways.producer';
import { cntlm, envoy, forcepointWebsense, fortigate, haproxy, istio, linkerd, mcafeeWebGateway, mitmproxy, paloAltoNetworks, privoxy, sonicwall, squid, symantecBluecoat, tinyproxy, traefik, watchguard, zscaler } from './proxies.producer';
import { akamai, alibabaCloudWaf, barracudaWaf, citrixNetscaler, configserverCsf, f5BigIpAsm, fastly, fortiweb, huaweiCloudWaf, imperva, knownsecJiasule, modsecurity, naxsi, radware, stormwall, sucuri, tencentCloudWaf, tencentEdgeone, varnish, wordfence, wtsWaf } from './waf-vendors.producer';
import { aspnet, aspnetCore, authlib, codeigniter, django, express, fastapi, fastify, flask, gorillaCsrf, laravel, nestjs, nextjs, phoenix, rails, springSecurity, symfony } from './frameworks.producer';
import { magento, strapi, wordpress } from './cms.producer';
import { algolia, clickhouse, couchdb, databricks, hasura, huggingfaceHub, influxdb, meilisearch, mongodbAtlas, neo4j, pinecone, snowflake, typesense } from './data-apis.producer';
import { githubApi, githubContainerRegistry, gitlabApi } from './github.producer';
import { anthropicApi, cohereApi, deepseekApi, elevenlabsApi, groqApi, mistralApi, openaiApi, replicateApi, togetherApi, xaiApi } from './ai-apis.producer';
import { alibabaModelStudio, fireworksApi, minimaxApi, moonshotApi, perplexityApi, siliconflowApi, volcengineArk, zhipuApi } from './ai-apis-2.producer';
import { digitaloceanApi, discordApi, facebookGraphApi, heroku, salesforce, shopify, slackApi, stripeApi, twilio, twitterApi } from './saas-platforms.producer';
import { akamaiApi, azureDevops, bitbucketCloud, circleciApi, dockerRegistry, harbor, elasticsearch, jfrogArtifactory, npmRegistry, nugetGallery, pypi, quay, rubygems, cratesIo, supabasePostgrest } from './saas-dev-tools.producer';
import { appwrite, bitbucketServer, directus, gitea, grafana, pocketbase, sentryApi, sonatypeNexus } from './dev-tools-2.producer';
import { auth0, cloudfoundryUaa, duo, googleIdentity, keycloak, microsoftEntraId, okta } from './identity.producer';
import { adfs, atlassian, authentik, jumpcloud, zitadel } from './identity-2.producer';
import { argoCd, consul, kubernetesApiserver, openshift } from './kubernetes.producer';
import { adyenApi, mailgunApi, paypalApi, postmarkApi, sendgridApi, squareApi, telegramBotApi } from './messaging-payments.producer';
import { doppler, hashicorpVault, infisical, onepasswordConnect } from './secrets.producer';
import { microsoftForefrontTmg, untangle } from './web-filters-2.producer';
import { barracudaWebFilter, checkPointUsercheck, ciscoMeraki, ciscoUmbrella, ciscoWsa, contentkeeper, iboss, kerioControl, netsweeper, olfeo } from './web-filters-3.producer';
import { FINANCE_API_PRODUCERS } from './finance-apis.producer';
import { FINANCE_API_PRODUCERS_2 } from './finance-apis-2.producer';
import { WEB_API_PRODUCERS } from './web-apis.producer';
import { DEVOPS_TOOL_PRODUCERS } from './devops-tools.producer';
import { DEVOPS_TOOL_PRODUCERS_2 } from './devops-tools-2.producer';
import { WORK_SAAS_PRODUCERS } from './work-saas.producer';
import { WORK_SAAS_PRODUCERS_2 } from './work-saas-2.producer';
import { ZERO_TRUST_PRODUCERS } from './zero-trust.producer';
import { ZERO_TRUST_PRODUCERS_2 } from './zero-trust-2.producer';
import { COMMS_SCRAPING_PRODUCERS } from './comms-scraping.producer';
import { COMMS_SCRAPING_PRODUCERS_2 } from './comms-scraping-2.producer';
import { REGISTRY_PLATFORM_PRODUCERS } from './registries-platforms.producer';
import { REGISTRY_PLATFORM_PRODUCERS_2 } from './registries-platforms-2.producer';
import { DATA_OBSERVABILITY_PRODUCERS } from './data-observability.producer';
import { DATA_OBSERVABILITY_PRODUCERS_2 } from './data-observability-2.producer';
import { PUBLIC_MEDIA_PRODUCERS } from './public-media.producer';
import { PUBLIC_MEDIA_PRODUCERS_2 } from './public-media-2.producer';
import { COMMERCE_PAYMENT_PRODUCERS } from './commerce-payments.producer';
import { COMMERCE_PAYMENT_PRODUCERS_2 } from './commerce-payments-2.producer';
import { AI_CI_REGISTRY_PRODUCERS } from './ai-ci-registries.producer';
import { AI_CI_REGISTRY_PRODUCERS_2 } from './ai-ci-registries-2.producer';
import { GATEWAY_PLATFORM_PRODUCERS } from './gateways-platforms.producer';
import { GATEWAY_PLATFORM_PRODUCERS_2 } from './gateways-platforms-2.producer';
import { EDGE_SECURITY_PRODUCERS } from './edge-security.producer';
import { FRAMEWORK_PRODUCERS_2 } from './frameworks-2.producer';
import { apacheHttpd, caddy, gunicorn, iis, jetty, lighttpd, litespeed, microsoftHttpapi, nginx, openresty, tomcat } from './web-servers.producer';

/**
 * The producer registry. Order breaks ties between equal scores: the more specific (the layer that
 * writes its own error format) comes before the generic layer on the path.
 */
export const PRODUCERS: Producer[] = [
  // cloud storage and vendor APIs with their own error formats
  cloudflareR2, alibabaCloud, alibabaOss, wasabi, digitaloceanSpaces, ibmCloudObjectStorage, cephRgw, awsS3, minio, backblazeB2, googleCloudStorage, azureBlobStorage,
  amazonSpApi, awsEcr, awsSts, awsIam, awsApiGateway, awsServices,
  tencentCos, tencentCloudApi, qiniuKodo, baiduAiCloud, wecomApi, wechatApi, huaweiCloudApig, dingtalkApi, feishuLarkApi, alipayOpenapi, wechatPayApi, taobaoTop,
  azureContainerRegistry, azureKeyVault, azureCosmosDb, azureServiceBus, googleArtifactRegistry, githubContainerRegistry,
  googleMapsPlatform, directus, firebase, googleApiGateway, googleApis,
  ociObjectStorage, oracleOci, azureAdGraph, microsoftGraph, azureResourceManager, azureAiServices, azureApiManagement, azureAppService,
  cloudflareApi, githubApi, gitlabApi, groqApi, mistralApi, xaiApi, deepseekApi, togetherApi, elevenlabsApi, alibabaModelStudio, moonshotApi, zhipuApi, volcengineArk, siliconflowApi, minimaxApi, perplexityApi, fireworksApi, openaiApi, anthropicApi, stripeApi, twitterApi, salesforce, slackApi, shopify, discordApi, twilio, digitaloceanApi, heroku, facebookGraphApi,
  telegramBotApi, sendgridApi, mailgunApi, postmarkApi, paypalApi, adyenApi, squareApi, doppler, infisical, onepasswordConnect, hashicorpVault, cohereApi, replicateApi,
  huggingfaceHub, hasura, couchdb, clickhouse, snowflake, databricks, neo4j, mongodbAtlas, meilisearch, algolia, typesense, influxdb, pinecone, bitbucketCloud, azureDevops, circleciApi, notionApi, hubspotApi, zoomApi, airtableApi, zendeskApi, dropboxApi, mailchimpApi,
  supabasePostgrest, appwrite, grafana, gitea, sonatypeNexus, pocketbase, sentryApi, bitbucketServer, akamaiApi, elasticsearch, jfrogArtifactory, npmRegistry, nugetGallery, rubygems, cratesIo, pypi, quay, harbor, dockerRegistry, auth0, okta, keycloak, cloudfoundryUaa, microsoftEntraId, adfs, googleIdentity, duo, jumpcloud, authentik, zitadel, atlassian,
  openshift, kubernetesApiserver, argoCd, consul,
  // APIs with their own error envelopes, one file per family (the list order inside each file breaks ties)
  ...FINANCE_API_PRODUCERS, ...FINANCE_API_PRODUCERS_2, ...WEB_API_PRODUCERS,
  ...DEVOPS_TOOL_PRODUCERS, ...DEVOPS_TOOL_PRODUCERS_2, ...WORK_SAAS_PRODUCERS, ...WORK_SAAS_PRODUCERS_2,
  ...COMMS_SCRAPING_PRODUCERS, ...COMMS_SCRAPING_PRODUCERS_2, ...REGISTRY_PLATFORM_PRODUCERS, ...REGISTRY_PLATFORM_PRODUCERS_2,
  ...DATA_OBSERVABILITY_PRODUCERS, ...DATA_OBSERVABILITY_PRODUCERS_2, ...PUBLIC_MEDIA_PRODUCERS, ...PUBLIC_MEDIA_PRODUCERS_2,
  ...COMMERCE_PAYMENT_PRODUCERS, ...COMMERCE_PAYMENT_PRODUCERS_2, ...AI_CI_REGISTRY_PRODUCERS, ...AI_CI_REGISTRY_PRODUCERS_2,
  // zero-trust access proxies and web filters: their pages quote the CDN or IdP they sit behind, so they come first
  ...ZERO_TRUST_PRODUCERS, ...ZERO_TRUST_PRODUCERS_2,
  // gateways (the long tail first: a platform's own envelope before the generic gateway it may run on)
  ...GATEWAY_PLATFORM_PRODUCERS, ...GATEWAY_PLATFORM_PRODUCERS_2,
  apigee, wso2Apim, mulesoft, threeScale, apiUmbrella, kong, apacheApisix, tyk, krakend, gravitee, springCloudGateway, oauth2Proxy,
  litellm, oneApi, openrouter, portkey, helicone, vercelAiGateway, continueProxy,
  // bot managers and WAFs (the long tail's own pages first)
  ...EDGE_SECURITY_PRODUCERS,
  datadome, humanPerimeterx, kasada, anubis, cloudflare, akamai, imperva, sucuri, f5BigIpAsm, modsecurity, naxsi, barracudaWaf,
  fortiweb, citrixNetscaler, radware, wordfence, configserverCsf, huaweiCloudWaf, wtsWaf, knownsecJiasule, alibabaCloudWaf, tencentEdgeone, tencentCloudWaf, stormwall, fastly, awsCloudfront, awsWaf, azureFrontDoor, azureApplicationGateway,
  googleCloudArmor, vercel, netlify, render, bunnycdn, stackpath,
  // proxies
  squid, zscaler, symantecBluecoat, fortigate, paloAltoNetworks, watchguard, mcafeeWebGateway, forcepointWebsense, sonicwall, untangle, microsoftForefrontTmg, ciscoWsa, ciscoUmbrella, contentkeeper, iboss, barracudaWebFilter, kerioControl, ciscoMeraki, checkPointUsercheck, netsweeper, olfeo, tinyproxy, privoxy, cntlm, mitmproxy, istio, envoy, linkerd, haproxy, traefik, varnish,
  // frameworks
  django, rails, laravel, symfony, springSecurity, nestjs, magento, strapi, phoenix, codeigniter, gorillaCsrf, express, fastify, flask, authlib, fastapi, aspnetCore, aspnet, nextjs, wordpress,
  ...FRAMEWORK_PRODUCERS_2,
  // web servers
  iis, microsoftHttpapi, tomcat, jetty, litespeed, lighttpd, openresty, nginx, apacheHttpd, caddy, gunicorn,
];

export function producerById(id: string): Producer | undefined {
  return PRODUCERS.find((p) => p.id === id);
}
