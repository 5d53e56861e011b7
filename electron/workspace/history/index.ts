export { HistoryStore, type HistoryOptions, type HistoryQuery } from './store';
export { appHome } from './app-home';
export { buildEntry, type SendOutcome } from './entry';
