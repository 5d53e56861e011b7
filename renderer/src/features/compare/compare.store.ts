// Which two exchanges Compare shows, and the "Compare with…" picker of a tab. Views read this;
// only this store (through sides.ts) calls the backend.
import { create } from 'zustand';
import type { HistoryEntry } from '../../../../shared/contract';
import { toClientError } from '../../platform';
import { useResponseStore } from '../response';
import { sideFromHistory, sideFromTab, type Side } from './sides';

export type Source = { kind: 'history'; entry: HistoryEntry } | { kind: 'tab'; tabId: string };

interface CompareState {
  view: { state: 'closed' } | { state: 'loading' } | { state: 'open'; left: Side; right: Side } | { state: 'failed'; error: string };
  /** the tab whose "Compare with…" picker is open */
  pickerFor: string | null;
  /** a tab's context menu, where the pointer was */
  menu: { tabId: string; x: number; y: number } | null;
  openMenu(menu: CompareState['menu']): void;
  compare(left: Source, right: Source): Promise<void>;
  close(): void;
  pickFor(tabId: string | null): void;
}

async function sideOf(s: Source): Promise<Side> {
  if (s.kind === 'history') return sideFromHistory(s.entry);
  const side = sideFromTab(s.tabId);
  if (!side) throw new Error('That tab has no response to compare yet: send it first.');
  return side;
}

/** When the source's response arrived: a history entry's time, a tab's last exchange (now when unknown). */
function timeOf(s: Source): number {
  if (s.kind === 'history') return Date.parse(s.entry.time);
  const ex = useResponseStore.getState().byTab[s.tabId];
  return ex?.state === 'done' ? ex.receivedAt : Date.now();
}

/** Older on the left, as A; the newer is B. */
function order(a: Source, b: Source): [Source, Source] {
  return timeOf(a) <= timeOf(b) ? [a, b] : [b, a];
}

export const useCompareStore = create<CompareState>()((set) => ({
  view: { state: 'closed' },
  pickerFor: null,
  menu: null,
  openMenu: (menu) => set({ menu }),
  async compare(a, b) {
    set({ view: { state: 'loading' }, pickerFor: null });
    const [first, second] = order(a, b);
    try {
      const [left, right] = await Promise.all([sideOf(first), sideOf(second)]);
      set({ view: { state: 'open', left, right } });
    } catch (err) {
      set({ view: { state: 'failed', error: toClientError(err).message } });
    }
  },
  close: () => set({ view: { state: 'closed' } }),
  pickFor: (tabId) => set({ pickerFor: tabId, menu: null }),
}));

/** "Compare with…" on a tab (its context menu, the palette): opens the picker of what to compare it with. */
export function compareTabWith(tabId: string): void {
  useCompareStore.getState().pickFor(tabId);
}
