import { watch, type FSWatcher } from 'node:fs';
import { isTempFile } from './atomic-write';

export interface WatchOptions {
  /** quiet time before a batch of changes is reported (default 150 ms) */
  debounceMs?: number;
}

const IGNORED = /(^|\/)(\.git|node_modules|\.clearance)(\/|$)/;

/**
 * Watches a workspace folder recursively (node:fs.watch; recursive works on Linux from Node 20,
 * and on macOS/Windows natively) and reports changed workspace-relative paths in debounced batches.
 */
export function watchWorkspace(root: string, onChange: (paths: string[]) => void, opts: WatchOptions = {}): { close: () => void } {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const paths = [...pending].sort();
    pending.clear();
    if (paths.length) onChange(paths);
  };
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, filename) => {
    if (!filename) return;
    const rel = filename.toString().split('\\').join('/');
    const base = rel.split('/').at(-1) ?? rel;
    if (IGNORED.test(rel) || isTempFile(base)) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, opts.debounceMs ?? 150);
  });
  watcher.on('error', () => {
    // the folder went away; the session reports it on the next read
  });
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
