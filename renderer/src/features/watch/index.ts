import './watch.css';

export { WatchControl, EyeIcon } from './watch-control';
export { WatchIndicator } from './watch-indicator';
export { WatchToasts, ChangeDialogHost } from './watch-toasts';
export { useWatchStore, type WatchSource } from './watch.store';
