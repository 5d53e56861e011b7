import './history.css';

export { useHistoryStore, entryRefused, type HistoryEntry } from './history.store';
export { HistoryList, historyToRequest } from './history-list';
