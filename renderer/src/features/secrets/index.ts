export { SecretsDialogHost } from './secrets-dialog';
export { openSecrets, closeSecrets, useSecretsStore } from './secrets.store';
