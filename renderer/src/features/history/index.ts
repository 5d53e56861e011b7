export { useHistoryStore, type HistoryEntry } from './history.store';
export { HistoryList, historyToRequest } from './history-list';
