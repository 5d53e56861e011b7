import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFile } from './atomic-write';

export interface WatchOptions {
  /** quiet time before a batch of changes is reported (default 150 ms) */
  debounceMs?: number;
  /** a folder cannot be watched (inotify limit, no permission…): its changes go unreported */
  onError?: (err: Error) => void;
}

const IGNORED_DIRS = new Set(['.git', 'node_modules', '.clearance']);
const IGNORED = /(^|\/)(\.git|node_modules|\.clearance)(\/|$)/;

/**
 * One non-recursive watcher per directory. Node 20's recursive mode on Linux watches files one by
 * one and loses a file once an atomic save replaced it (later writes go unreported); a directory
 * watch sees every change of its entries whatever the inode.
 */
function watchTree(root: string, onName: (rel: string) => void, onError: (err: Error) => void): { close: () => void } {
  // A subfolder removed meanwhile is no failure: its parent's watcher reports the removal.
  const fail = (rel: string, err: NodeJS.ErrnoException): void => {
    if (rel === '' || err.code !== 'ENOENT') onError(err);
  };
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const add = async (rel: string): Promise<void> => {
    if (closed || watchers.has(rel)) return;
    const full = rel ? join(root, rel) : root;
    let w: FSWatcher;
    try {
      w = watch(full, (_e, name) => {
        if (!name) return;
        const child = rel ? `${rel}/${name.toString()}` : name.toString();
        onName(child);
        void stat(join(root, child)).then((s) => (s.isDirectory() && !IGNORED_DIRS.has(name.toString()) ? add(child) : undefined), () => {
          watchers.get(child)?.close();
          watchers.delete(child);
        });
      });
    } catch (err) {
      fail(rel, err as NodeJS.ErrnoException);
      return;
    }
    w.on('error', (err) => {
      w.close();
      watchers.delete(rel);
      fail(rel, err);
    });
    watchers.set(rel, w);
    const entries = await readdir(full, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      fail(rel, err);
      return [];
    });
    for (const e of entries) if (e.isDirectory() && !IGNORED_DIRS.has(e.name)) await add(rel ? `${rel}/${e.name}` : e.name);
  };
  void add('');
  return {
    close: () => {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

function watchRecursive(root: string, onName: (rel: string) => void, onError: (err: Error) => void): { close: () => void } {
  let w: FSWatcher;
  try {
    w = watch(root, { recursive: true }, (_e, name) => {
      if (name) onName(name.toString().split('\\').join('/'));
    });
  } catch (err) {
    onError(err as Error);
    return { close: () => undefined };
  }
  w.on('error', onError);
  return { close: () => w.close() };
}

/**
 * Watches a workspace folder and reports changed workspace-relative paths in debounced batches
 * (per-directory watchers on Linux, native recursive watching on macOS and Windows).
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
  const onName = (rel: string): void => {
    const base = rel.split('/').at(-1) ?? rel;
    if (IGNORED.test(rel) || isTempFile(base)) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, opts.debounceMs ?? 150);
  };
  // Without onError (callers that only want changes) a watch failure is theirs to ignore.
  const onError = opts.onError ?? ((): void => undefined);
  const tree = process.platform === 'linux' ? watchTree(root, onName, onError) : watchRecursive(root, onName, onError);
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      tree.close();
    },
  };
}
