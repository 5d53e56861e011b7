// Watch: a collection or an access matrix re-run on a schedule, reporting only what changed.
export { watch, watchErrorInfo, type WatchOptions } from './watch';
export { WatchLog, type WatchLogRecord } from './log';
export { runNotify, summaryLine } from './notify';
export { parseDuration } from './duration';
export { diffEntries, entriesOfMatrix, entriesOfRun, type WatchEntry } from './snapshot';
