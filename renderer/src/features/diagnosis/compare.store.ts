// "Compare with a working request" and the report, per tab: diagnosis.compare with a pasted curl,
// a HAR (one entry, or the backend's pick) or a history entry that succeeded (its sends stream over diagnosis.onProbe like the probes), Stop, and diagnosis.report of the
// run (and the comparison, when there is one) as Markdown or HTML. Views read this; only this
// store calls the backend.
import { create } from 'zustand';
import type { ErrorInfo } from '../../../../shared/contract';
import type { ComparisonData, WorkingRequestSchema } from '../../../../shared/contract/diagnosis';
import type { z } from 'zod';
import { api, toClientError } from '../../platform';
import { newId } from '../../lib/id';
import { useRequestEditorStore } from '../request-editor';
import { useResponseStore } from '../response';
import { useDiagnosisStore, type Probe } from './diagnosis.store';
import { diagnosisSource } from './tab-source';

export type Comparison =
  | { state: 'idle' }
  | { state: 'running'; runId: string; sends: Probe[]; stopping: boolean }
  | { state: 'done'; result: ComparisonData }
  | { state: 'failed'; error: ErrorInfo };

/** What the user compares with: `{curl}`, `{har, entry?}` or `{historyId}` (the contract's `working`). */
export type WorkingRequest = z.infer<typeof WorkingRequestSchema>;

export type ReportFormat = 'markdown' | 'html';

interface CompareState {
  byTab: Record<string, Comparison>;
  compare(tabId: string, working: WorkingRequest): Promise<void>;
  stop(tabId: string): Promise<void>;
  /** The report of the tab's finished diagnosis (and comparison), or why there is none. */
  report(tabId: string, format: ReportFormat): Promise<{ text: string } | { error: string }>;
}

const IDLE: Comparison = { state: 'idle' };

export const useCompareStore = create<CompareState>()((set, get) => {
  const put = (tabId: string, c: Comparison) => set((s) => ({ byTab: { ...s.byTab, [tabId]: c } }));
  const live = (tabId: string, runId: string) => {
    const c = get().byTab[tabId];
    return c?.state === 'running' && c.runId === runId ? c : null;
  };
  return {
    byTab: {},
    async compare(tabId, working) {
      const ex = useResponseStore.getState().byTab[tabId];
      const draft = useRequestEditorStore.getState().tabs.find((d) => d.id === tabId);
      if (ex?.state !== 'done' || !draft || get().byTab[tabId]?.state === 'running') return;
      // The permission the user gave the diagnosis (an unsafe method re-sent) holds for the comparison too.
      const run = useDiagnosisStore.getState().byTab[tabId];
      const allowUnsafe = run !== undefined && 'allowUnsafe' in run && run.allowUnsafe;
      const runId = newId('compare');
      put(tabId, { state: 'running', runId, sends: [], stopping: false });
      const off = api.events.on('diagnosis', 'onProbe', ({ runId: id, probe }) => {
        const c = live(tabId, runId);
        if (id === runId && c) put(tabId, { ...c, sends: [...c.sends, probe] });
      });
      try {
        const result = await api.diagnosis.compare({ runId, ...diagnosisSource(draft, draft.file ? undefined : ex.request), response: ex.record,
          working, ...(allowUnsafe ? { allowUnsafe: true } : {}) });
        if (live(tabId, runId)) put(tabId, { state: 'done', result });
      } catch (err) {
        if (live(tabId, runId)) put(tabId, { state: 'failed', error: toClientError(err).info });
      } finally {
        off();
      }
    },
    async stop(tabId) {
      const c = get().byTab[tabId];
      if (c?.state !== 'running' || c.stopping) return;
      put(tabId, { ...c, stopping: true });
      try {
        await api.diagnosis.stop({ runId: c.runId });
      } catch (err) {
        // The comparison still ends with its result; only the early stop did not reach the backend.
        const cur = live(tabId, c.runId);
        if (cur) put(tabId, { ...cur, stopping: false });
        console.warn(`diagnosis.stop: ${toClientError(err).message}`);
      }
    },
    async report(tabId, format) {
      const run = useDiagnosisStore.getState().byTab[tabId];
      if (run?.state !== 'done') return { error: 'The diagnosis has not finished yet.' };
      const c = get().byTab[tabId];
      try {
        return await api.diagnosis.report({ diagnosis: run.result, ...(c?.state === 'done' ? { compare: c.result } : {}), format });
      } catch (err) {
        return { error: toClientError(err).message };
      }
    },
  };
});

/** The URL the tab's refused response came from: history and HAR entries are matched against it. */
export function useComparedUrl(tabId: string): string | null {
  return useResponseStore((s) => {
    const ex = s.byTab[tabId];
    return ex?.state === 'done' ? ex.record.url : null;
  });
}

export function useComparison(tabId: string): Comparison {
  return useCompareStore((s) => s.byTab[tabId] ?? IDLE);
}
