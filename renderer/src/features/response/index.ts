export { ResponsePane, type BelowStatusContext } from './response-pane';
export { useResponseStore, useExchange, explainRecord, preloadExplainer, type Exchange } from './response.store';
export { REFUSAL_STATUSES, isRefusal, refusalSummary } from './refusal';
