export { explain } from './explain';
export { parseExplainInput, ExplainInputError } from './parse-input';
export { PRODUCERS, producerById } from './producers/index';
export { CAUSES } from './causes';
export { htmlToText } from './html-text';
export * from './types';
