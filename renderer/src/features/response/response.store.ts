import { create } from 'zustand';
import type { ErrorInfo } from '../../../../shared/contract';
import type { Explanation } from '../../../../shared/explain';
import type { RequestSpecInput, ResponseRecord, SendOptionsInput, TimelineEvent } from '../../../../shared/model';
import { api, toClientError } from '../../platform';
import { newId } from '../../lib/id';
import { useHistoryStore } from '../history';
import { appendPage, startPaging, type BodyPages } from './body-pages';
import { explainInWorker, startExplainer } from './explain-record';

export type Exchange =
  | { state: 'idle' }
  /** `live`: the timeline so far, streamed from the backend while the request is in flight */
  | { state: 'sending'; sendId: string; startedAt: number; request: RequestSpecInput; live: TimelineEvent[] }
  /**
   * `receivedAt`: the local clock when the response arrived (rate-limit countdowns and cookie expiry
   * count from it). The response shows at once; `explanation` is null while the explainer's worker
   * (still loading right after the window opens) works on it, and `explainError` says why it never came.
   */
  | { state: 'done'; request: RequestSpecInput; record: ResponseRecord; explanation: Explanation | null; explainError: string | null;
      pages: BodyPages | null; receivedAt: number }
  | { state: 'failed'; request: RequestSpecInput; error: ErrorInfo };

interface ResponseState {
  byTab: Record<string, Exchange>;
  /** `options` are the tab's send options (from a pasted curl command); omitted means the engine's defaults. */
  send(tabId: string, request: RequestSpecInput, options?: SendOptionsInput, via?: (sendId: string) => Promise<ResponseRecord>): Promise<void>;
  cancel(tabId: string): Promise<void>;
  /** Reads the next page of a body on disk (`length` bytes, 1 MiB by default; readBody allows 4 MiB). */
  loadMore(tabId: string, length?: number): Promise<void>;
  forget(tabId: string): void;
}

const PAGE = 1024 * 1024;
/** Live events kept per send: enough for the progress view, bounded for a chatty redirect chain. */
const LIVE_MAX = 200;

/** Starts the explainer's worker ahead of the first response (the window calls it when idle). */
export function preloadExplainer(): void {
  startExplainer();
}

/** The passive explainer, once per response, in its worker (explain-record.ts): bodies on disk use their preview. */
export function explainRecord(record: ResponseRecord): Promise<Explanation> {
  return explainInWorker(record);
}
const IDLE: Exchange = { state: 'idle' };

export const useResponseStore = create<ResponseState>()((set, get) => {
  const put = (tabId: string, ex: Exchange) => set((s) => ({ byTab: { ...s.byTab, [tabId]: ex } }));
  /** Only the send that is still current may write its outcome (a newer send or a cancel wins). */
  const isCurrent = (tabId: string, sendId: string) => {
    const ex = get().byTab[tabId];
    return ex?.state === 'sending' && ex.sendId === sendId;
  };
  /** The verdict joins the response it was made for, unless the tab has moved on to another. */
  const explainInto = async (tabId: string, record: ResponseRecord) => {
    const same = () => { const ex = get().byTab[tabId]; return ex?.state === 'done' && ex.record === record ? ex : null; };
    try {
      const explanation = await explainRecord(record);
      const ex = same();
      if (ex) put(tabId, { ...ex, explanation });
    } catch (err) {
      const ex = same();
      if (ex) put(tabId, { ...ex, explainError: toClientError(err).message });
    }
  };
  return {
    byTab: {},
    async send(tabId, request, options, via) {
      const prev = get().byTab[tabId];
      if (prev?.state === 'sending') await get().cancel(tabId);
      const sendId = newId('send');
      startExplainer(); // a window sending before it was idle: the worker starts while the request is out
      const startedAt = performance.now();
      put(tabId, { state: 'sending', sendId, startedAt, request, live: [] });
      const stop = api.events.on('requests', 'onTimeline', ({ sendId: id, event }) => {
        const cur = get().byTab[tabId];
        if (id !== sendId || cur?.state !== 'sending' || cur.sendId !== sendId || cur.live.length >= LIVE_MAX) return;
        put(tabId, { ...cur, live: [...cur.live, event] });
      });
      try {
        const record = via ? await via(sendId)
          : await api.requests.send({ request, sendId, ...(options && Object.keys(options).length > 0 && { options }) });
        if (!isCurrent(tabId, sendId)) return;
        put(tabId, { state: 'done', request, record, explanation: null, explainError: null,
          pages: record.body.kind === 'file' ? startPaging(record.body) : null, receivedAt: Date.now() });
        useHistoryStore.getState().noteSend();
        await explainInto(tabId, record);
      } catch (err) {
        if (!isCurrent(tabId, sendId)) return;
        const error = toClientError(err).info;
        put(tabId, { state: 'failed', request, error });
        useHistoryStore.getState().noteSend();
      } finally {
        stop();
      }
    },
    async cancel(tabId) {
      const ex = get().byTab[tabId];
      if (ex?.state !== 'sending') return;
      put(tabId, { state: 'failed', request: ex.request, error: {
        code: 'cancelled', message: 'You cancelled the request before a response arrived.',
        reason: 'The request was cancelled.', remedy: 'Send it again.' } });
      try {
        await api.requests.cancel({ sendId: ex.sendId });
      } catch {
        // The send may already have finished; nothing to undo.
      }
    },
    async loadMore(tabId, length = PAGE) {
      const ex = get().byTab[tabId];
      if (ex?.state !== 'done' || !ex.pages || ex.pages.eof || ex.pages.loading || ex.record.body.kind !== 'file') return;
      const path = ex.record.body.path;
      put(tabId, { ...ex, pages: { ...ex.pages, loading: true, error: null } });
      try {
        const chunk = await api.requests.readBody({ path, offset: ex.pages.offset, length });
        const cur = get().byTab[tabId];
        if (cur?.state === 'done' && cur.pages) put(tabId, { ...cur, pages: appendPage(cur.pages, chunk) });
      } catch (err) {
        const cur = get().byTab[tabId];
        if (cur?.state === 'done' && cur.pages) put(tabId, { ...cur, pages: { ...cur.pages, loading: false, error: toClientError(err).message } });
      }
    },
    forget: (tabId) => set((s) => {
      const { [tabId]: _gone, ...rest } = s.byTab;
      return { byTab: rest };
    }),
  };
});

export function useExchange(tabId: string): Exchange {
  return useResponseStore((s) => s.byTab[tabId] ?? IDLE);
}
