// Where the working request of "Compare with a working request" comes from, per tab, besides a
// pasted curl: the history entries that succeeded (2xx, not a block page) for the same origin,
// newest first (history.list), and a HAR file the user chose or dropped, read in the browser with
// FileReader. Views read this; only this store calls the backend.
import { create } from 'zustand';
import type { HistoryEntry } from '../../../../shared/contract';
import { isRefusal } from '../../../../shared/explain/refusal';
import { api, toClientError } from '../../platform';
import { harEntries, type HarRead } from './har-entries';

export type Successes =
  | { state: 'loading' }
  | { state: 'ready'; entries: HistoryEntry[] }
  | { state: 'failed'; error: string };

export interface HarFile { name: string; text: string; read: HarRead }

interface WorkingSourcesState {
  successes: Record<string, Successes>;
  har: Record<string, HarFile | { name: string; error: string } | undefined>;
  /** The history entries that succeeded for `url`'s origin, newest first (at most `limit`). */
  loadSuccesses(tabId: string, url: string, limit?: number): Promise<void>;
  /** Reads a HAR file in the browser and lists its entries for `url`'s path. */
  readHar(tabId: string, file: Blob & { name: string }, url: string): Promise<void>;
  forgetHar(tabId: string): void;
}

const originOf = (url: string): string | null => (URL.canParse(url) ? new URL(url).origin : null);

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

export const useWorkingSourcesStore = create<WorkingSourcesState>()((set) => ({
  successes: {},
  har: {},
  async loadSuccesses(tabId, url, limit = 20) {
    const put = (s: Successes) => set((st) => ({ successes: { ...st.successes, [tabId]: s } }));
    put({ state: 'loading' });
    const origin = originOf(url);
    try {
      const { entries } = await api.history.list({ status: '2xx', limit: 500 });
      const ok = entries.filter((e) => e.status !== null && !isRefusal(e, { blocked: e.refused === true }) && originOf(e.url) === origin);
      put({ state: 'ready', entries: ok.slice(0, limit) });
    } catch (err) {
      put({ state: 'failed', error: toClientError(err).message });
    }
  },
  async readHar(tabId, file, url) {
    const put = (h: WorkingSourcesState['har'][string]) => set((st) => ({ har: { ...st.har, [tabId]: h } }));
    try {
      const text = await readText(file);
      put({ name: file.name, text, read: harEntries(text, url) });
    } catch (err) {
      put({ name: file.name, error: `${file.name} could not be read: ${(err as Error).message}` });
    }
  },
  forgetHar(tabId) {
    set((st) => ({ har: { ...st.har, [tabId]: undefined } }));
  },
}));
