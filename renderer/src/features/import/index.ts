import './import.css';

export { ImportDialog } from './import-dialog-host';
export { DropZone } from './drop-zone';
export { useImportStore } from './import.store';
