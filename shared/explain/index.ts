export { explain } from './explain';
export { parseExplainInput, ExplainInputError } from './parse-input';
export { PRODUCERS, producerById } from './producers/index';
export { CAUSES } from './causes';
export { CHECKLIST_TITLES, checklistLine } from './checklist';
export { REFUSAL_STATUSES, isRefusal, isRefusalStatus, mayBeRefusal, type HeaderSource } from './refusal';
export { htmlToText } from './html-text';
export * from './types';
