export { useHistoryStore, type HistoryEntry } from './history.store';
export { HistoryList } from './history-list';
