import { lazyView } from '../../ui';
import { useImportStore } from './import.store';

// The dialog's own chunk is fetched the first time it opens, not with the first paint.
const Dialog = lazyView(() => import('./import-dialog').then((m) => m.ImportDialog));

export function ImportDialog() {
  return useImportStore((s) => s.open) ? <Dialog /> : null;
}
