export { SecretsDialogHost } from './secrets-dialog-host';
export { openSecrets, closeSecrets, useSecretsStore } from './secrets.store';
