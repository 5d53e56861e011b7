import { lazyView } from '../../ui';
import { useSecretsStore } from './secrets.store';

// The dialog's own chunk is fetched the first time it opens, not with the first paint.
const Dialog = lazyView(() => import('./secrets-dialog').then((m) => m.SecretsDialogHost));

export function SecretsDialogHost() {
  return useSecretsStore((s) => s.open) ? <Dialog /> : null;
}
