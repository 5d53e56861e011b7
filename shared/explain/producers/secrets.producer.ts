import { all, body, hdr } from '../match';
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
