// The Troubleshoot panel's state per tab: the diagnosis run (probes as they land over
// diagnosis.onProbe, Stop, the result), Apply of its fix to the tab's draft, and the checklist
// ticks the backend keeps per request. Views read this; only this store calls the backend.
import { create } from 'zustand';
import type { CheckTarget, DiagnosisData, ErrorInfo } from '../../../../shared/contract';
import type { ResponseRecord } from '../../../../shared/model';
import type { z } from 'zod';
import type { ProbeResultSchema } from '../../../../shared/contract';
import { api, toClientError } from '../../platform';
import { newId } from '../../lib/id';
import { useProfileOverrides } from '../profiles';
import { useRequestEditorStore } from '../request-editor';
import { useResponseStore } from '../response';
import { applyEdits, type ApplyOutcome } from './apply-edits';
import { diagnosisSource, targetKey } from './tab-source';

export type Probe = z.infer<typeof ProbeResultSchema>;
/** Methods the diagnosis re-sends without asking (the backend's rule too). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The backend's default budget: shown while the first probes land. */
export const DEFAULT_MAX_PROBES = 40;

export type Run =
  | { state: 'idle' }
  /** the request's method is not safe to re-send: the user chooses before anything is sent */
  | { state: 'confirm'; record: ResponseRecord; method: string }
  | { state: 'running'; record: ResponseRecord; runId: string; allowUnsafe: boolean; probes: Probe[]; max: number; stopping: boolean }
  | { state: 'done'; record: ResponseRecord; runId: string; allowUnsafe: boolean; probes: Probe[]; result: DiagnosisData; applied: Pick<ApplyOutcome, 'applied' | 'manual'> | null }
  | { state: 'failed'; record: ResponseRecord; allowUnsafe: boolean; probes: Probe[]; error: ErrorInfo };

export interface Ticks { done: string[]; error: string | null }

interface DiagnosisState {
  byTab: Record<string, Run>;
  /** ticks by targetKey() */
  ticks: Record<string, Ticks>;
  /** Opens Troubleshoot for the tab's current response: runs at once, or asks first for an unsafe method. */
  open(tabId: string): void;
  run(tabId: string, allowUnsafe: boolean): Promise<void>;
  stop(tabId: string): Promise<void>;
  /** Edits the tab's draft as the fix did; says what it could not edit. */
  apply(tabId: string): void;
  loadTicks(target: CheckTarget): Promise<void>;
  tick(target: CheckTarget, id: string, done: boolean): Promise<void>;
  forget(tabId: string): void;
}

const IDLE: Run = { state: 'idle' };

function currentRecord(tabId: string): ResponseRecord | null {
  const ex = useResponseStore.getState().byTab[tabId];
  return ex?.state === 'done' ? ex.record : null;
}

export const useDiagnosisStore = create<DiagnosisState>()((set, get) => {
  const put = (tabId: string, run: Run) => set((s) => ({ byTab: { ...s.byTab, [tabId]: run } }));
  const putTicks = (key: string, t: Ticks) => set((s) => ({ ticks: { ...s.ticks, [key]: t } }));
  /** Only the run still shown for the tab may write (a newer run or another response wins). */
  const live = (tabId: string, runId: string) => {
    const r = get().byTab[tabId];
    return r && 'runId' in r && r.runId === runId ? r : null;
  };
  return {
    byTab: {},
    ticks: {},
    open(tabId) {
      const record = currentRecord(tabId);
      if (!record) return;
      const cur = get().byTab[tabId];
      // The panel reopened on the same response shows that run (live or done) again.
      if (cur && cur.state !== 'idle' && cur.record === record && cur.state !== 'failed') return;
      const draft = useRequestEditorStore.getState().tabs.find((d) => d.id === tabId);
      const method = (record.wire.method || draft?.method || 'GET').toUpperCase();
      if (!SAFE_METHODS.has(method)) return put(tabId, { state: 'confirm', record, method });
      void get().run(tabId, false);
    },
    async run(tabId, allowUnsafe) {
      const record = currentRecord(tabId);
      const ex = useResponseStore.getState().byTab[tabId];
      const draft = useRequestEditorStore.getState().tabs.find((d) => d.id === tabId);
      if (!record || !draft || ex?.state !== 'done') return;
      // A run still going for an older response is stopped: its probes no longer matter.
      await get().stop(tabId);
      const runId = newId('diag');
      put(tabId, { state: 'running', record, runId, allowUnsafe, probes: [], max: DEFAULT_MAX_PROBES, stopping: false });
      const off = api.events.on('diagnosis', 'onProbe', ({ runId: id, probe }) => {
        const r = live(tabId, runId);
        if (id !== runId || r?.state !== 'running') return;
        put(tabId, { ...r, probes: [...r.probes, probe] });
      });
      try {
        const result = await api.diagnosis.run({ runId, ...diagnosisSource(draft, draft.file ? undefined : ex.request), response: record,
          ...(allowUnsafe ? { allowUnsafe: true } : {}) });
        if (live(tabId, runId)) put(tabId, { state: 'done', record, runId, allowUnsafe, probes: result.probes, result, applied: null });
      } catch (err) {
        const r = live(tabId, runId);
        if (r) put(tabId, { state: 'failed', record, allowUnsafe, probes: r.state === 'running' ? r.probes : [], error: toClientError(err).info });
      } finally {
        off();
      }
    },
    async stop(tabId) {
      const r = get().byTab[tabId];
      if (r?.state !== 'running' || r.stopping) return;
      put(tabId, { ...r, stopping: true });
      try {
        await api.diagnosis.stop({ runId: r.runId });
      } catch (err) {
        // The run itself still ends with its result; the panel says the stop did not reach the backend.
        const cur = live(tabId, r.runId);
        if (cur?.state === 'running') put(tabId, { ...cur, stopping: false });
        console.warn(`diagnosis.stop: ${toClientError(err).message}`);
      }
    },
    apply(tabId) {
      const r = get().byTab[tabId];
      const editor = useRequestEditorStore.getState();
      const draft = editor.tabs.find((d) => d.id === tabId);
      if (r?.state !== 'done' || !r.result.fix || !draft) return;
      const out = applyEdits(draft, r.result.fix.edits ?? []);
      if (out.rows.method !== draft.method) editor.setMethod(tabId, out.rows.method);
      if (out.rows.headers !== draft.headers) editor.setHeaders(tabId, out.rows.headers);
      // setParams keeps the URL's query in step; a path edit is in the URL itself.
      if (out.rows.url !== draft.url) editor.setUrl(tabId, out.rows.url);
      if (out.rows.params !== draft.params) editor.setParams(tabId, out.rows.params);
      if (out.profiles.key || out.profiles.gateway) useProfileOverrides.getState().set(tabId, out.profiles);
      if (out.applied.length) editor.setSection(tabId, out.rows.headers !== draft.headers ? 'headers' : 'params');
      put(tabId, { ...r, applied: { applied: out.applied, manual: out.manual } });
    },
    async loadTicks(target) {
      const key = targetKey(target);
      try {
        const { done } = await api.diagnosis.checks({ target });
        putTicks(key, { done, error: null });
      } catch (err) {
        putTicks(key, { done: get().ticks[key]?.done ?? [], error: `Your ticks could not be read: ${toClientError(err).message}` });
      }
    },
    async tick(target, id, done) {
      const key = targetKey(target);
      const before = get().ticks[key]?.done ?? [];
      putTicks(key, { done: done ? [...new Set([...before, id])] : before.filter((x) => x !== id), error: null });
      try {
        const saved = await api.diagnosis.setCheck({ target, id, done });
        putTicks(key, { done: saved.done, error: null });
      } catch (err) {
        putTicks(key, { done: before, error: `The tick was not saved: ${toClientError(err).message}` });
      }
    },
    forget: (tabId) => set((s) => {
      const { [tabId]: _gone, ...rest } = s.byTab;
      return { byTab: rest };
    }),
  };
});

export function useRun(tabId: string): Run {
  return useDiagnosisStore((s) => s.byTab[tabId] ?? IDLE);
}
