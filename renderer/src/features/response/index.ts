export { ResponsePane } from './response-pane';
export { useResponseStore, useExchange, type Exchange } from './response.store';
export { REFUSAL_STATUSES, refusalSummary } from './refusal';
