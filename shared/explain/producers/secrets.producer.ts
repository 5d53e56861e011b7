import { all, any, body, hdr, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** Vault's Go API client's error text (the vault CLI and every tool built on it): its URL line is always /v1/. */
const VAULT_CLIENT = /Error making API request\.\s+URL: [A-Z]+ \S+\/v1\/\S*\s+Code: \d{3}\. Errors:/;
/** Vault's clients in other languages: hvac (Python) and node-vault. */
const VAULT_SDK = /\bhvac\.exceptions\.\w+|node_modules\/node-vault\//;

export const hashicorpVault = defineProducer({
  id: 'hashicorp-vault', kind: 'saas-api', name: 'HashiCorp Vault', family: 'vault',
  own: [body(VAULT_CLIENT)],
  bodyOnly: [body(VAULT_SDK)],
  presence: [hdr('x-vault-request')],
  causes: [
    // Vault answers 403 "permission denied" both for a token its policies do not allow and for an unknown or expired token
    rule('insufficient-permissions', 0.72, all(body(/Code: 403|statusCode: 403|Forbidden/), body(/\bpermission denied\b/)), {
      blocks: true, why: 'Vault refused the path: the token\'s policies lack the capability (read, create, update, list, sudo) on it, or the token is expired or unknown — Vault words both the same',
      fix: 'Run `vault token capabilities <path>` with the same token; add the capability to one of its policies, or log in again for a fresh token.',
    }),
    rule('invalid-credentials', 0.5, all(body(/Code: 403|statusCode: 403|Forbidden/), body(/\bpermission denied\b/)), { why: 'the Vault token is expired, revoked or of another cluster' }),
    rule('missing-credentials', 0.9, body(/\bmissing client token\b/), { why: 'no X-Vault-Token reached Vault', blocks: true }),
  ],
  checklist: { auth: 'Check VAULT_TOKEN (vault token lookup) and the policies attached to it; KV v2 paths need data/ or metadata/ in policies.' },
});

/** Doppler's CLI and API client prefix their errors with its name ("Doppler Error:", "Doppler API Client Error:"). */
const DOPPLER_LINE = /\bDoppler (API Client )?Error: /;

export const doppler = defineProducer({
  id: 'doppler', kind: 'saas-api', name: 'Doppler', family: 'doppler',
  own: [body(/\bapi\.doppler\.com\/v3\//)],
  bodyOnly: [body(DOPPLER_LINE)],
  causes: [
    rule('invalid-credentials', 0.92, body(/\bInvalid Auth token\b/i), {
      blocks: true, why: 'Doppler does not accept the token (DOPPLER_TOKEN or the CLI login): revoked, rotated, expired, or of another workplace',
      fix: 'Create a new service token for the project and config (or run `doppler login` again) and update DOPPLER_TOKEN where the job reads it.',
    }),
  ],
  checklist: { auth: 'Run `doppler me` with the same token to see whether it is valid and which workplace it belongs to.' },
});

/** Infisical's API error object (a req-… id beside statusCode, message and error) and its CLI's request block. */
const INFISICAL_ENVELOPE = all(body(/"reqId"\s*:\s*"req-\w+"/), body(/"error"\s*:\s*"(UnauthorizedError|ForbiddenError|PermissionDenied|BadRequest|NotFound)"/));
const INFISICAL_CLI = /get support at https:\/\/infisical\.com\/slack/;

export const infisical = defineProducer({
  id: 'infisical', kind: 'saas-api', name: 'Infisical', family: 'infisical',
  own: [body(/\b(app|eu|us)\.infisical\.com\/api\/v\d\//)],
  bodyOnly: [INFISICAL_ENVELOPE, body(INFISICAL_CLI)],
  causes: [
    rule('invalid-credentials', 0.9, body(/"message"\s*:\s*"Invalid credentials"|\bInvalid credentials\b/), {
      blocks: true, why: 'Infisical did not accept the machine identity\'s client id and secret (Universal Auth), or the token: revoked, expired, or copied with a stray newline',
      fix: 'Create a new client secret for the identity and pass it without whitespace; check the identity is added to the project.',
    }),
    rule('missing-credentials', 0.9, body(/\bToken missing\b/), { why: 'no Infisical token reached the API', blocks: true }),
    rule('invalid-credentials', 0.75, all(any(status(401), body(/Response Code: 401|"statusCode"\s*:\s*401/)), body(/You are not allowed to access this resource/)), {
      blocks: true, why: 'Infisical answers 401 when the token it got is not one it accepts (none stored by the login, expired, or of another instance)',
    }),
    rule('insufficient-permissions', 0.85, any(body(/"error"\s*:\s*"(ForbiddenError|PermissionDenied)"/), all(any(status(403), body(/Response Code: 403/)), body(/You are not allowed to access this resource/))), {
      blocks: true, why: 'the identity or user lacks a role on this project, environment or secret path',
    }),
  ],
  checklist: { auth: 'Check the identity or token, the project (workspace) id, the environment slug and the secret path.' },
});

/** 1Password Connect's own error words (its Go server wraps each step: "Server: (failed to …)"). */
const OP_CONNECT = /Authorization: token does not have access to vault|Authentication: \(?Invalid bearer token\)?|\bServer: \(failed to \w+\), (401: )?(Authentication: \()?Invalid bearer token/;

export const onepasswordConnect = defineProducer({
  id: 'onepassword-connect', kind: 'saas-api', name: '1Password Connect', family: '1password',
  bodyOnly: [body(OP_CONNECT)],
  causes: [
    rule('insufficient-permissions', 0.92, body(/token does not have access to vault/), {
      blocks: true, why: 'the Connect token was not granted this vault (tokens are issued per vault)',
      fix: 'Issue a token with access to the vault (`op connect token create … --vault <vault>`), or add the vault to the Connect server and token.',
    }),
    rule('invalid-credentials', 0.9, body(/Invalid bearer token/), {
      blocks: true, why: 'Connect does not accept the bearer token: cut short or base64-encoded twice in the secret, expired, or issued for another Connect server',
      fix: 'Copy the whole OP_CONNECT_TOKEN again (it is long; check nothing trims it) for this Connect server.',
    }),
  ],
  checklist: { auth: 'Check OP_CONNECT_TOKEN is whole, belongs to this Connect server, and was granted the vault.' },
});
