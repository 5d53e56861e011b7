import { all, any, body, hdr, not } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** Notion's error codes (developers.notion.com/reference/status-codes) in its {"object":"error",...} envelope. */
const NOTION_ENVELOPE = /"object"\s*:\s*"error"[^}]{0,80}"code"\s*:\s*"(unauthorized|restricted_resource|object_not_found|rate_limited|validation_error|invalid_json|invalid_request_url|invalid_request|missing_version|conflict_error)"/;
/** Notion's "share it with your integration" hint: the page exists for Notion, the integration may not see it. */
const SHARE_HINT = /Make sure the relevant pages and databases are shared with your integration/;

export const notionApi = defineProducer({
  id: 'notion-api', kind: 'saas-api', name: 'Notion API', family: 'notion', overrides: ['backblaze-b2'],
  own: [body(NOTION_ENVELOPE)],
  // the SDKs' own lines (@notionhq/client, notion_client.errors), the sharing hint, its API host
  bodyOnly: [body(/@notionhq\/client (warn|debug)|notion_client\.errors\.APIResponseError|node_modules\/@notionhq\/client\//), body(SHARE_HINT), body(/\bapi\.notion\.com\/v1\b/)],
  presence: [hdr('x-notion-request-id')],
  causes: [
    rule('insufficient-permissions', 0.82, any(all(body(/object_not_found/), body(SHARE_HINT)), body(/"code"\s*:\s*"restricted_resource"|restricted_resource/)), {
      blocks: true,
      why: 'Notion answers "not found" for a page or database the integration was not given access to (or that does not exist)',
      fix: 'Share the page or database with the integration (••• menu → Connections → add it), or check the id is the database id, not a view id.',
    }),
    rule('invalid-credentials', 0.9, body(/API token is invalid/), { why: 'Notion does not know this integration token (mistyped, revoked, or an OAuth token of another workspace)' }),
    rule('account-or-plan-restriction', 0.88, body(/account is restricted from accessing the public API/), { why: 'the user\'s account may not use the public API' }),
    rule('rate-limited', 0.9, all(body(/"code"\s*:\s*"rate_limited"/), not(body(/API token is invalid/))), { why: 'Notion\'s rate limit (about three requests per second per integration)' }),
  ],
  checklist: { auth: 'Check the integration token (secret_… / ntn_…) and that the page is shared with the integration.' },
});

/** HubSpot's scope refusal: its sentence and its developers.hubspot.com/scopes link, with or without the MISSING_SCOPES category. */
const HUBSPOT_SCOPES = /This app hasn't been granted all required scopes to make this call|"category"\s*:\s*"MISSING_SCOPES"/;

/** HubSpot's expired-token refusal (category EXPIRED_AUTHENTICATION). */
const HUBSPOT_EXPIRED = /The OAuth token used to make this call expired \d+ \w+\(s\) ago|"category"\s*:\s*"EXPIRED_AUTHENTICATION"/;
/**
 * Its authentication messages as a fragment keeps them (cut before the docs URL): missing credentials, an invalid API key,
 * an expired OAuth token. Sources: developers.hubspot.com/docs/api/error-handling, corpus hubspot-api/.
 */
const HUBSPOT_AUTH_WORDS = /Authentication credentials not found\. This API supports both API Key and OAuth 2\.0 authentication|The API key provided is invalid\. View or manage your API key here|The OAuth token used to make this call expired\b/;

export const hubspotApi = defineProducer({
  id: 'hubspot-api', kind: 'saas-api', name: 'HubSpot API', family: 'hubspot',
  own: [hdr('x-hubspot-correlation-id'), hdr('x-hubspot-ratelimit-daily')],
  bodyOnly: [body(HUBSPOT_SCOPES), body(/\b(developers|app)\.hubspot\.com\b|\bapi\.hubapi\.com\b/), body(HUBSPOT_EXPIRED), body(HUBSPOT_AUTH_WORDS)],
  causes: [
    rule('invalid-credentials', 0.93, body(HUBSPOT_EXPIRED), {
      blocks: true, why: 'the HubSpot OAuth access token expired (they live 30 minutes) and was not refreshed — or a placeholder like "access-token" was sent, which HubSpot reads as a long-expired token',
      fix: 'Exchange the refresh token for a new access token before it expires (POST /oauth/v1/token, grant_type=refresh_token) and retry.',
    }),
    rule('invalid-credentials', 0.9, body(/The API key provided is invalid\. View or manage your API key here/), {
      blocks: true, why: 'HubSpot does not accept the API key: developer API keys were sunset in November 2022 (or this one was rotated)',
      fix: 'Create a private app (Settings → Integrations → Private apps) and send its access token as Authorization: Bearer …',
    }),
    rule('missing-credentials', 0.88, body(/Authentication credentials not found\. This API supports/), { why: 'the call reached HubSpot with no access token or key (the client did not attach it)', blocks: true }),
    rule('insufficient-permissions', 0.92, body(HUBSPOT_SCOPES), {
      why: 'the HubSpot app or private-app token was not granted a scope this endpoint requires (the response lists requiredScopes)',
      fix: 'Add the required scope to the app (private app → Scopes, or the OAuth install URL) and reinstall or re-authorise it.',
    }),
  ],
});

export const zendeskApi = defineProducer({
  id: 'zendesk-api', kind: 'saas-api', name: 'Zendesk API', family: 'zendesk',
  own: [hdr('x-zendesk-origin-server'), hdr('x-zendesk-api-version')],
  bodyOnly: [body(/"error"\s*:\s*"Couldn't authenticate you"/), body(/\bhttps?:\/\/[\w-]+\.zendesk\.com\/api\/v2\//)],
  presence: [hdr('x-zendesk-zorg')],
  causes: [
    rule('invalid-credentials', 0.72, body(/Couldn't authenticate you/), {
      why: 'Zendesk did not accept the credentials: with an API token the user name must be "email/token", and token access must be enabled',
      fix: 'Send Basic auth as "agent@example.com/token:<api token>" (or an OAuth bearer token), and check API token access is enabled in the Admin Center.',
    }),
  ],
});

/** Dropbox's API v2 error: error_summary "<tag>/…" beside error {".tag"}, and its SDKs' token exceptions. */
const DROPBOX_TOKEN = /\b(invalid_access_token|expired_access_token)\b/;

export const dropboxApi = defineProducer({
  id: 'dropbox-api', kind: 'saas-api', name: 'Dropbox API', family: 'dropbox',
  own: [body(/\bapi\.dropboxapi\.com\/2\//)],
  bodyOnly: [body(/error_summary["']?\s*:\s*["'](invalid_access_token|expired_access_token)\//),
    body(/\bcom\.dropbox\.core\.InvalidAccessTokenException\b|\bDropboxClientException\b|\bAuthError\('\w+', AuthError\('(invalid_access_token|expired_access_token)'/)],
  causes: [
    rule('invalid-credentials', 0.9, body(DROPBOX_TOKEN), {
      blocks: true, why: 'Dropbox refused the access token: expired (short-lived tokens last about four hours), revoked by the user, or not a token of this app',
      fix: 'Request offline access (token_access_type=offline) and refresh the short-lived token with the refresh token before it expires; re-authorise if it was revoked.',
    }),
  ],
  checklist: { auth: 'Check the app\'s permissions (scopes) and whether the token is short-lived; store and use the refresh token.' },
});

/** Mailchimp Marketing API's 401: a key of another data center (the -usN suffix) reads the same as a wrong key. */

export const mailchimpApi = defineProducer({
  id: 'mailchimp-api', kind: 'saas-api', name: 'Mailchimp Marketing API', family: 'mailchimp',
  own: [body(/(mailchimp\.com\/developer\/marketing\/docs\/errors|developer\.mailchimp\.com\/documentation\/mailchimp\/guides\/error-glossary)/)],
  bodyOnly: [body(/Your API key may be invalid, or you've attempted to access the wrong datacenter/)],
  causes: [
    rule('invalid-credentials', 0.9, body(/Your API key may be invalid, or you've attempted to access the wrong datacenter/), {
      blocks: true, why: 'Mailchimp did not accept the API key: revoked or mistyped, or sent to another data center than the -usN suffix of the key names',
      fix: 'Create a key under Account → Extras → API keys and call https://<dc>.api.mailchimp.com with the data center its suffix names.',
    }),
  ],
  checklist: { auth: 'Check the key\'s -usN suffix matches the API host you call.' },
});

/** Zoom's scope refusal (codes 4700/4711: a token without a scope the endpoint needs), in any client's wrapping. */
const ZOOM_SCOPES = /Invalid access token, does not contain scopes:\s*\[/;
/** Zoom's code 124 beside its token sentence, as JSON or a PHP dump ("code" => 124). */
const ZOOM_124 = all(body(/["']?code["']?\s*(:|=>)\s*124\b/), body(/Invalid access token\.|Access token is expired\./));

export const zoomApi = defineProducer({
  id: 'zoom-api', kind: 'saas-api', name: 'Zoom API', family: 'zoom',
  own: [body(/\bapi\.zoom\.us\/v2\//)],
  bodyOnly: [body(ZOOM_SCOPES), ZOOM_124],
  causes: [
    rule('insufficient-permissions', 0.93, body(ZOOM_SCOPES), {
      blocks: true, why: 'the Zoom access token lacks a scope this endpoint needs (the message lists it): the app was not given it, or was not re-authorized after it was added',
      fix: 'Add the listed scope to the app on marketplace.zoom.us (Scopes), then fetch a new token (server-to-server apps) or re-authorize (OAuth apps).',
    }),
    rule('invalid-credentials', 0.9, ZOOM_124, {
      blocks: true, why: 'Zoom does not accept the access token (code 124): expired (they last an hour), of another app or account, or a JWT signed with the wrong key and secret',
      fix: 'Request a fresh token (server-to-server OAuth: account_credentials grant) with the app\'s own client id and secret.',
    }),
  ],
  checklist: { auth: 'Check the app type (server-to-server vs user OAuth), its scopes on marketplace.zoom.us, and that the token is less than an hour old.' },
});

/** Airtable's error types, as JSON, a Python dict, a PHP dump ("type" => …) or airtable.js's AirtableError (error: '…'). */
const AIRTABLE_TYPE = (types: string) => new RegExp(`(["']type["']\\s*(:|=>)\\s*|\\berror: )["'](${types})["']`);
const AIRTABLE_OWN = AIRTABLE_TYPE('AUTHENTICATION_REQUIRED|INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND|INVALID_PERMISSIONS|NOT_AUTHORIZED|PUBLIC_API_BILLING_LIMIT_EXCEEDED|INVALID_API_KEY');
/** Airtable's own message beside each type: the pair, not the type alone, is Airtable's. */
const AIRTABLE_MESSAGE = /Authentication required|Invalid permissions|You are not authorized to perform this operation|INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND|PUBLIC_API_BILLING_LIMIT_EXCEEDED/;

export const airtableApi = defineProducer({
  id: 'airtable-api', kind: 'saas-api', name: 'Airtable API', family: 'airtable',
  own: [body(/\bapi\.airtable\.com\/v0\//)],
  bodyOnly: [all(body(AIRTABLE_OWN), body(AIRTABLE_MESSAGE)), body(/\bAirtableError \{/)],
  causes: [
    rule('invalid-credentials', 0.8, body(AIRTABLE_TYPE('AUTHENTICATION_REQUIRED|INVALID_API_KEY')), {
      blocks: true, why: 'Airtable did not accept the token: since February 2024 only personal access tokens (pat…) and OAuth tokens work, old API keys (key…) are refused; a missing token answers the same',
      fix: 'Create a personal access token at airtable.com/create/tokens and send it as Authorization: Bearer pat…',
    }),
    rule('missing-credentials', 0.55, body(AIRTABLE_TYPE('AUTHENTICATION_REQUIRED'))),
    rule('insufficient-permissions', 0.88, body(AIRTABLE_TYPE('INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND|INVALID_PERMISSIONS|NOT_AUTHORIZED')), {
      blocks: true, why: 'the token may not do this on the base: a scope is missing (data.records:read/write), the base or workspace was not added to the token, or the base/table id or name is wrong (Airtable answers both the same)',
      fix: 'Add the scope and the base to the token at airtable.com/create/tokens, and check the base id (app…) and the table name or id.',
    }),
    rule('account-or-plan-restriction', 0.9, body(AIRTABLE_TYPE('PUBLIC_API_BILLING_LIMIT_EXCEEDED')), { why: 'the workspace used up its plan\'s monthly API calls', blocks: true }),
  ],
  checklist: { auth: 'Check the token is a personal access token with the scopes and bases the call needs.' },
});
