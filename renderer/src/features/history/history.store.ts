import { create } from 'zustand';
import type { HistoryEntry } from '../../../../shared/contract';
import { isRefusal } from '../../../../shared/explain/refusal';
import { api, toClientError } from '../../platform';

export type { HistoryEntry };
export type StatusFilter = '' | '2xx' | '3xx' | '4xx' | '5xx' | 'refused' | 'failed';

interface HistoryState {
  /** newest first, from history.list (persisted, secrets redacted) */
  entries: HistoryEntry[];
  grep: string;
  status: StatusFilter;
  error: string | null;
  refresh(): Promise<void>;
  setFilter(patch: { grep?: string; status?: StatusFilter }): void;
  /** after a send: reload the list (the backend stored the refusal verdict with the entry) */
  noteSend(): void;
  clear(): Promise<void>;
}

/** The one refusal rule on a history entry: its status, or the verdict recorded with it (a 200 block page). */
export const entryRefused = (e: HistoryEntry): boolean => isRefusal(e, { blocked: e.refused === true });
let timer: ReturnType<typeof setTimeout> | null = null;

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: [], grep: '', status: '', error: null,
  async refresh() {
    const { grep, status } = get();
    const backendStatus = status === '' || status === 'refused' || status === 'failed' ? undefined : status;
    try {
      const { entries } = await api.history.list({ limit: 200, ...(grep.trim() ? { grep: grep.trim() } : {}), ...(backendStatus ? { status: backendStatus } : {}) });
      const shown = status === 'refused'
        ? entries.filter(entryRefused)
        : status === 'failed' ? entries.filter((e) => e.status === null) : entries;
      set({ entries: shown, error: null });
    } catch (err) {
      set({ error: toClientError(err).message });
    }
  },
  setFilter(patch) {
    set(patch);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), patch.grep !== undefined ? 200 : 0);
  },
  noteSend() {
    void get().refresh();
  },
  async clear() {
    // The list empties only once the backend says the history is gone; a failure keeps it and says why.
    try {
      await api.history.clear({});
      set({ entries: [], error: null });
    } catch (err) {
      const e = toClientError(err);
      set({ error: e.remedy ? `${e.message} ${e.remedy}` : e.message });
    }
  },
}));
