// Secrets: the OS keychain through @napi-rs/keyring (service `clearance`, account
// `<workspace id>/<env>/<variable>`), an env-var fallback for CI, and the redaction helper.
export { keychain, secretAccount, keychainUnavailable, KEYCHAIN_SERVICE, type Keychain, type SecretHint } from './keychain';
export { resolveVariables, type ResolvedVariables, type SecretContext } from './secret-values';
export { profileSecretAccount, resolveProfileSecrets, missingSecretError, type ProfileSecretKind, type ResolvedProfileSecrets } from './profile-secrets';
export { createRedactor, maskHeaderValue, isSensitiveHeader, REDACTED, MIN_SECRET_LENGTH, type Redactor } from './redact';
