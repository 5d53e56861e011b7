export { RequestEditor } from './request-editor';
export { useRequestEditorStore, useActiveDraft } from './request-editor.store';
export { sendTab, cancelTab, closeTab } from './send-actions';
export { draftTitle, toRequestSpec, type Draft } from './draft';
