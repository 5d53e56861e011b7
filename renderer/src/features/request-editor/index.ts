export { RequestEditor } from './request-editor';
export { useRequestEditorStore, useActiveDraft } from './request-editor.store';
export { sendTab, cancelTab, closeTab, setFileSender, setFileExporter } from './send-actions';
export { fileFromDraft, isDraftDirty, newFileFromDraft, optionsFile } from './file-draft';
export { draftTitle, isScratchEdited, suggestedName, toRequestSpec, type Draft, type FileLink } from './draft';
export { useResolvedStore, type Resolved } from './resolved.store';
export { maskedSegments, resolvedUrl } from './url-vars';
