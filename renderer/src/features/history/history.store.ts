import { create } from 'zustand';
import type { HistoryEntry } from '../../../../shared/contract';
import { api, toClientError } from '../../platform';

export type { HistoryEntry };
export type StatusFilter = '' | '2xx' | '3xx' | '4xx' | '5xx' | 'refused' | 'failed';

interface HistoryState {
  /** newest first, from history.list (persisted, secrets redacted) */
  entries: HistoryEntry[];
  grep: string;
  status: StatusFilter;
  error: string | null;
  /** sends of this session the explainer called refusals (a block page served with 200): `method url status` */
  refused: Record<string, true>;
  refresh(): Promise<void>;
  setFilter(patch: { grep?: string; status?: StatusFilter }): void;
  /** after a send: remember whether it was refused, then reload the list */
  noteSend(method: string, url: string, status: number | null, blocked: boolean): void;
  clear(): Promise<void>;
}

export const refusedKey = (method: string, url: string, status: number | null) => `${method} ${url} ${status ?? ''}`;
let timer: ReturnType<typeof setTimeout> | null = null;

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: [], grep: '', status: '', error: null, refused: {},
  async refresh() {
    const { grep, status } = get();
    const backendStatus = status === '' || status === 'refused' || status === 'failed' ? undefined : status;
    try {
      const { entries } = await api.history.list({ limit: 200, ...(grep.trim() ? { grep: grep.trim() } : {}), ...(backendStatus ? { status: backendStatus } : {}) });
      const refused = get().refused;
      const shown = status === 'refused'
        ? entries.filter((e) => (e.status !== null && [401, 403, 407, 429].includes(e.status)) || refused[refusedKey(e.method, e.url, e.status)])
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
  noteSend(method, url, status, blocked) {
    if (blocked) set((s) => ({ refused: { ...s.refused, [refusedKey(method, url, status)]: true } }));
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
