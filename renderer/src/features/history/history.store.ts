import { create } from 'zustand';
import type { RequestSpecInput } from '../../../../shared/model';
import { newId } from '../../lib/id';

export interface HistoryEntry {
  id: string;
  request: RequestSpecInput;
  status: number | null;
  statusText: string;
  /** The explainer called it a refusal (a 403, or a block page served with 200). */
  blocked?: boolean;
  /** Error code when the send failed before a response. */
  errorCode?: string;
  ms: number | null;
  at: number;
}

interface HistoryState {
  entries: HistoryEntry[];
  add(entry: Omit<HistoryEntry, 'id' | 'at'>): void;
  clear(): void;
}

const MAX = 100;

/** Sends of this session, newest first (persisted history comes with the workspace). */
export const useHistoryStore = create<HistoryState>()((set) => ({
  entries: [],
  add: (e) => set((s) => ({ entries: [{ ...e, id: newId('h'), at: Date.now() }, ...s.entries].slice(0, MAX) })),
  clear: () => set({ entries: [] }),
}));
