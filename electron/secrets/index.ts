// Secrets: the OS keychain through @napi-rs/keyring (service `clearance`, account
// `<workspace id>/<env>/<variable>`), the local store where no keychain is reachable, an env-var
// fallback for CI (it wins), and the redaction helper.
export { keychain, secretAccount, keychainUnavailable, KEYCHAIN_SERVICE, type Keychain, type SecretHint } from './keychain';
export { resolveVariables, type ResolvedVariables, type SecretContext } from './secret-values';
export { profileSecretAccount, resolveProfileSecrets, missingSecretError, type ProfileSecretKind, type ResolvedProfileSecrets } from './profile-secrets';
export { localStore, localStorePath, type LocalStore, type SecretStore } from './local-store';
export { lookupSecret, type SecretSource, type SecretStores } from './lookup';
export { memoryKeychain } from './memory-keychain';
export { slotAccount, slotLabel, type SecretSlot, type SlotValue } from './slots';
export { createRedactor, maskHeaderValue, isSensitiveHeader, REDACTED, MIN_SECRET_LENGTH, type Redactor } from './redact';
