import { body } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Azure Cosmos DB's own refusal sentences, as its SDKs (.NET CosmosException "Reason: (…)", Python
 * CosmosHttpResponseError, Java CosmosException JSON, Node) and tools print them: its IP firewall, its
 * native RBAC ("Request blocked by Auth <account> : …", substatus 5300/5301), an account with key auth
 * turned off, and a master-key signature it cannot verify.
 */
const COSMOS_FIREWALL = /Request originated from IP [\da-fA-F.:]+ through public internet\. This is blocked by your Cosmos DB account firewall settings|Request is blocked\. Please check your authorization token and Cosmos DB account firewall settings/;
const COSMOS_RBAC = /Request blocked by Auth [^:\n]{1,80}: (The given request \[\w+ [^\]\n]*\] cannot be authorized by AAD token in data plane|Request is blocked because principal \[[^\]\n]*\] does not have required RBAC permissions to perform action)/;
// printed copies wrap this one across lines
const COSMOS_LOCAL_AUTH = /Local\s+Authorization\s+is\s+disabled\.\s+Use\s+an\s+AAD\s+token\s+to\s+authorize\s+all\s+request/;
const COSMOS_WRONG_KEY = /The input authorization token can't serve the request\. (The wrong key is being used|Please check that the expected payload is built as per the protocol)/;
/** Its gateway's version stamp, its troubleshooting links and its SDKs' exception names. */
/**
 * The firewall's, local-auth, RBAC and key refusals cut at their first sentence, as a message-only fragment keeps them, and the
 * SDKs' own exception shapes (.NET's 'Substatus: …; ActivityId: …; Reason: (', Java's user agent and ClassName). Sources:
 * learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall, github.com/microsoft/vscode-cosmosdb/issues/2205, corpus azure-cosmos-db/.
 */
const COSMOS_FRAGMENT = /Request originated from IP [\da-fA-F.:]+ through public internet\b|\bLocal\s+Authorization\s+is\s+disabled\.|\bcannot be authorized by AAD token in data plane\b|Request blocked by Auth [^:\n]{1,80}: The given request \[\w+ [^\]\n]{0,200}\] cannot be authorized\b|The input authorization token can't serve the request\.|Response status code does not indicate success: \w+ \(\d{3}\); Substatus: \d+; ActivityId: [0-9a-f-]{36}; Reason: \(|\bazsdk-java-cosmos\/\d|"ClassName"\s*:\s*"CosmosException"/;
const COSMOS_MARK = /\bMicrosoft\.Azure\.Documents\.Common\/\d|https:\/\/aka\.ms\/(cosmos-native-rbac|cosmosdb-tsg-\w+)|\bazure\.cosmos\.exceptions\.CosmosHttpResponseError\b|\bMicrosoft\.Azure\.Cosmos\.CosmosException\b|\bcosmos-netstandard-sdk\/\d/;

export const azureCosmosDb = defineProducer({
  id: 'azure-cosmos-db', kind: 'saas-api', name: 'Azure Cosmos DB', family: 'azure',
  own: [body(COSMOS_FIREWALL), body(COSMOS_RBAC), body(COSMOS_LOCAL_AUTH), body(COSMOS_WRONG_KEY)],
  bodyOnly: [body(COSMOS_MARK), body(COSMOS_FRAGMENT)],
  causes: [
    rule('ip-or-geo-blocked', 0.93, body(COSMOS_FIREWALL), {
      blocks: true, why: 'the Cosmos DB account\'s IP firewall (selected networks, or public access off) refuses the address the message names — often a proxy\'s, VPN\'s or the portal\'s address rather than the one you added',
      fix: 'Add the IP the message names to the account\'s Networking firewall (it takes some minutes to apply), or reach the account through its private endpoint or an allowed virtual network.',
    }),
    rule('invalid-credentials', 0.4, body(/Please check your authorization token and Cosmos DB account firewall settings/)),
    rule('insufficient-permissions', 0.9, body(COSMOS_RBAC), {
      blocks: true, why: 'Cosmos DB read the Entra ID token but its native RBAC does not allow the call: the principal has no Cosmos DB data role (a Cosmos DB SQL role assignment, not an Azure portal role) on this account, or the call is a management operation (creating databases, containers, offers, stored procedures) that an Entra ID data-plane token may never do',
      fix: 'Assign a Cosmos DB data role (az cosmosdb sql role assignment create, e.g. Built-in Data Contributor) to the principal; create databases and containers through Azure Resource Manager (az cosmosdb sql container create, Bicep) or with the account key.',
    }),
    rule('resource-policy-deny', 0.9, body(COSMOS_LOCAL_AUTH), {
      blocks: true, why: 'the account has key-based (local) authorization turned off (disableLocalAuth), so a primary key, connection string or resource token is refused whatever its value',
      fix: 'Authenticate with an Entra ID credential (DefaultAzureCredential) whose principal has a Cosmos DB data role, or turn local authorization back on if keys are meant to work.',
    }),
    rule('invalid-credentials', 0.4, body(COSMOS_LOCAL_AUTH)),
    rule('invalid-credentials', 0.86, body(COSMOS_WRONG_KEY), {
      blocks: true, why: 'Cosmos DB could not verify the master-key signature: a key of another account or a regenerated one, a read-only key for a write, or a signed payload (verb, resource link, date) that differs from what the server signed — the message shows the payload it used',
      fix: 'Copy the key or connection string again from the account\'s Keys blade, and build the resource link as the SDK does (dbs/<db>/colls/<coll>, no trailing /docs, ids without reserved characters).',
    }),
    rule('signature-or-clock-skew', 0.55, body(COSMOS_WRONG_KEY), { why: 'the string the client signed (verb, resource link, x-ms-date) may differ from what the server signed, or the clock is off' }),
  ],
  checklist: {
    auth: 'Decide between keys and Entra ID: with Entra ID, list the principal\'s Cosmos DB data role assignments (az cosmosdb sql role assignment list); with keys, check local auth is enabled.',
    server: 'Check the account\'s Networking: public network access, IP firewall rules, virtual networks and private endpoints.',
    logging: 'Find the ActivityId of the failed request in the account\'s diagnostic logs (DataPlaneRequests).',
  },
});

/**
 * Azure Service Bus and Event Hubs (one messaging gateway, sb:// namespaces) refusing over AMQP or HTTP: the claims the
 * operation needs ('Send', 'Listen', 'Manage') followed by its own TrackingId / SystemTracker stamp.
 */
const SB_CLAIMS = /Unauthorized access\. '[\w,]+' claim\(s\) are required to perform this operation\./;
const SB_STAMP = /\bTrackingId:[\w-]+(_\w+)?, SystemTracker:[^,\n]+, Timestamp:/;

export const azureServiceBus = defineProducer({
  id: 'azure-service-bus', kind: 'saas-api', name: 'Azure Service Bus / Event Hubs', family: 'azure',
  own: [body(SB_CLAIMS)],
  bodyOnly: [body(SB_STAMP), body(/\bsb:\/\/[\w-]+\.servicebus\.windows\.net\b/)],
  causes: [
    rule('insufficient-permissions', 0.92, body(SB_CLAIMS), {
      blocks: true, why: 'the namespace authenticated the caller but its rights lack the claim the operation needs: a shared access policy without Send, Listen or Manage (a send-only connection string used to receive), or an Entra identity without the Azure Service Bus / Event Hubs Data Sender, Receiver or Owner role on that entity',
      fix: 'Use a connection string of a policy with the right named in the message (at the namespace or the queue/topic/hub), or assign the matching data role to the identity at the entity or namespace and wait a few minutes.',
    }),
    // the same message cut at its first period, as its SDKs print it once the producer is known (an SDK class, a sb:// host):
    // the namespace's 401 for a missing claim, not a bad key (that is InvalidSignature / ExpiredToken). Sources:
    // github.com/Azure/azure-sdk-for-java/issues/27831, github.com/Azure/azure-service-bus-java/issues/110 (both 'Listen' claims)
    rule('insufficient-permissions', 0.7, body(/\bUnauthorized access\.(?!\w)/), { why: 'Service Bus answers "Unauthorized access." when the caller\'s policy or role lacks the Send, Listen or Manage claim the operation needs' }),
  ],
  checklist: {
    auth: 'Check which shared access policy (SharedAccessKeyName) or identity the client uses and the rights or data roles it has on this entity.',
    server: 'Check the namespace\'s Networking (IP filter, private endpoints) and whether local (SAS) authentication is disabled.',
    logging: 'Quote the TrackingId from the message to find the request in the namespace\'s diagnostic logs.',
  },
});
