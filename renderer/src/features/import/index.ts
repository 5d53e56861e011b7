export { ImportDialog } from './import-dialog';
export { DropZone } from './drop-zone';
export { useImportStore } from './import.store';
