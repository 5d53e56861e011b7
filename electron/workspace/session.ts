import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { versionOf } from './read-file';
import { watchWorkspace, type WatchOptions } from './watcher';

export interface ChangeBatch {
  /** pass back as `since` to get only what happened after this batch */
  seq: number;
  changed: string[];
  /** files changed on disk while the app holds unsaved edits for them */
  conflicts: Array<{ path: string; message: string }>;
  /** set when the folder (or part of it) cannot be watched: changes there go unreported */
  warning?: string;
}

interface Event {
  seq: number;
  path: string;
  conflict: boolean;
}

const MAX_EVENTS = 5_000;

/**
 * An open workspace: a watcher, the content hash last read or saved per file, and which files the
 * app is editing. An outside change to a file with unsaved edits is a conflict, never a silent loss.
 */
export class WorkspaceSession {
  private seq = 0;
  private events: Event[] = [];
  private readonly known = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly watcher: { close: () => void };
  private watchError: string | null = null;

  constructor(readonly root: string, opts: WatchOptions = {}) {
    this.watcher = watchWorkspace(root, (paths) => void this.onDisk(paths), {
      ...opts, onError: (err) => { this.watchError ??= `Changes on disk are not being followed: ${err.message}`; },
    });
  }

  /** The app read or saved this content: a later event with the same content is our own write. */
  remember(path: string, text: string): void {
    this.known.set(path, versionOf(text));
  }

  setDirty(path: string, dirty: boolean): void {
    if (dirty) this.dirty.add(path);
    else this.dirty.delete(path);
  }

  private async onDisk(paths: string[]): Promise<void> {
    for (const path of paths) {
      // Gone or unreadable: reported as changed, and the app's own read says which.
      const text = await readFile(join(this.root, path)).catch(() => null);
      const version = text === null ? 'deleted' : versionOf(text);
      const before = this.known.get(path);
      if (before !== undefined && before === version) continue;
      const conflict = this.dirty.has(path) && before !== undefined;
      if (text !== null && !conflict) this.known.set(path, version);
      this.events.push({ seq: ++this.seq, path, conflict });
    }
    if (this.events.length > MAX_EVENTS) this.events = this.events.slice(-MAX_EVENTS);
  }

  changes(since = 0): ChangeBatch {
    const fresh = this.events.filter((e) => e.seq > since);
    const changed = [...new Set(fresh.map((e) => e.path))];
    const conflicts = [...new Set(fresh.filter((e) => e.conflict).map((e) => e.path))].map((path) => ({
      path, message: `${path} changed on disk while it has unsaved edits: reload it or save over it deliberately`,
    }));
    return { seq: this.seq, changed, conflicts, ...(this.watchError ? { warning: this.watchError } : {}) };
  }

  close(): void {
    this.watcher.close();
  }
}
