import { create } from 'zustand';
import type { HistoryEntry, HistoryOrigin } from '../../../../shared/contract';
import { isRefusal } from '../../../../shared/explain/refusal';
import { api, toClientError } from '../../platform';

export type { HistoryEntry };
export type StatusFilter = '' | '2xx' | '3xx' | '4xx' | '5xx' | 'refused' | 'failed';

export interface HistoryFilters {
  grep: string;
  status: StatusFilter;
  /** the explainer's producer name ('' = any) */
  producer: string;
  /** the explainer's cause id ('' = any) */
  cause: string;
  /** leave out what runs (the Runner, `clearance run`) recorded */
  hideRuns: boolean;
}

interface HistoryState extends HistoryFilters {
  /** newest first, from history.list (persisted, secrets redacted), with the filters applied */
  entries: HistoryEntry[];
  /** producers and causes among the entries the status and text filters leave (the filter menus' options) */
  facets: { producers: string[]; causes: string[] };
  /** ids picked for Compare, in the order picked */
  selected: string[];
  error: string | null;
  refresh(): Promise<void>;
  setFilter(patch: Partial<HistoryFilters>): void;
  toggleSelected(id: string): void;
  clearSelected(): void;
  /** after a send: reload the list (the backend stored the refusal verdict with the entry) */
  noteSend(): void;
  clear(): Promise<void>;
}

/** The one refusal rule on a history entry: its status, or the verdict recorded with it (a 200 block page). */
export const entryRefused = (e: HistoryEntry): boolean => isRefusal(e, { blocked: e.refused === true });
/** What the list asks for: enough to fill it after the client-side producer and cause filters. */
const LIMIT = 500;
const SHOWN = 200;
const ORIGINS_WITHOUT_RUNS: HistoryOrigin[] = ['app', 'cli'];
let timer: ReturnType<typeof setTimeout> | null = null;

function facetsOf(entries: HistoryEntry[]): HistoryState['facets'] {
  const producers = new Set<string>();
  const causes = new Set<string>();
  for (const e of entries) {
    if (e.producer) producers.add(e.producer);
    if (e.cause) causes.add(e.cause);
  }
  return { producers: [...producers].sort(), causes: [...causes].sort() };
}

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: [], facets: { producers: [], causes: [] }, selected: [],
  grep: '', status: '', producer: '', cause: '', hideRuns: false, error: null,
  async refresh() {
    const { grep, status, producer, cause, hideRuns } = get();
    const backendStatus = status === '' || status === 'failed' ? undefined : status;
    try {
      const { entries } = await api.history.list({ limit: LIMIT, ...(grep.trim() ? { grep: grep.trim() } : {}),
        ...(backendStatus ? { status: backendStatus } : {}), ...(hideRuns ? { origin: ORIGINS_WITHOUT_RUNS } : {}) });
      const listed = status === 'failed' ? entries.filter((e) => e.status === null) : entries;
      const shown = listed.filter((e) => (!producer || e.producer === producer) && (!cause || e.cause === cause)).slice(0, SHOWN);
      const ids = new Set(shown.map((e) => e.id));
      set((s) => ({ entries: shown, facets: facetsOf(listed), selected: s.selected.filter((id) => ids.has(id)), error: null }));
    } catch (err) {
      set({ error: toClientError(err).message });
    }
  },
  setFilter(patch) {
    set(patch);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), patch.grep !== undefined ? 200 : 0);
  },
  toggleSelected: (id) => set((s) => ({ selected: s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id] })),
  clearSelected: () => set({ selected: [] }),
  noteSend() {
    void get().refresh();
  },
  async clear() {
    // The list empties only once the backend says the history is gone; a failure keeps it and says why.
    try {
      await api.history.clear({});
      set({ entries: [], selected: [], facets: { producers: [], causes: [] }, error: null });
    } catch (err) {
      const e = toClientError(err);
      set({ error: e.remedy ? `${e.message} ${e.remedy}` : e.message });
    }
  },
}));
