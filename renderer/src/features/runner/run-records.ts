// The response a failed result got, fetched from the backend when its row is opened (runner.response)
// and explained here as a send's is; then "Open request" and "Troubleshoot" show it in the request's
// own tab, where the Troubleshoot drawer diagnoses it without sending it again.
import { create } from 'zustand';
import type { RunResultData } from '../../../../shared/contract';
import type { Explanation } from '../../../../shared/explain';
import type { ResponseRecord } from '../../../../shared/model';
import { api, toClientError } from '../../platform';
import { openTroubleshootOnShow } from '../explain';
import { useProfileOverrides } from '../profiles';
import { toRequestSpec, useRequestEditorStore } from '../request-editor';
import { explainRecord, useResponseStore } from '../response';
import { openRequest } from '../workspace';
import { useRunnerStore } from './runner.store';

export type Kept =
  | { state: 'loading' }
  /** `record` null: the backend no longer keeps it (an older run, or past the kept failures) */
  | { state: 'done'; record: ResponseRecord | null; explanation: Explanation | null }
  | { state: 'failed'; error: string };

interface RecordsState {
  byKey: Record<string, Kept>;
  load(runId: string, index: number): Promise<Kept>;
}

const keyOf = (runId: string, index: number) => `${runId}#${index}`;

export const useRunRecords = create<RecordsState>()((set, get) => ({
  byKey: {},
  async load(runId, index) {
    const key = keyOf(runId, index);
    const have = get().byKey[key];
    if (have && have.state !== 'failed') return have;
    const put = (k: Kept) => set((s) => ({ byKey: { ...s.byKey, [key]: k } }));
    put({ state: 'loading' });
    try {
      const { record } = await api.runner.response({ runId, index });
      const done: Kept = { state: 'done', record, explanation: record ? await explainRecord(record) : null };
      put(done);
      return done;
    } catch (err) {
      const failed: Kept = { state: 'failed', error: toClientError(err).message };
      put(failed);
      return failed;
    }
  },
}));

export function useKept(runId: string, index: number): Kept | undefined {
  return useRunRecords((s) => s.byKey[keyOf(runId, index)]);
}

/**
 * Opens the result's request in its tab with the response the run got (nothing is sent again), the
 * run's key and gateway chosen for the tab; `troubleshoot` opens its Troubleshoot drawer too.
 */
export async function openResult(result: RunResultData, opts: { troubleshoot: boolean }): Promise<void> {
  const runner = useRunnerStore.getState();
  const kept = runner.run ? await useRunRecords.getState().load(runner.run.runId, result.index) : undefined;
  await openRequest(result.path);
  const editor = useRequestEditorStore.getState();
  const draft = editor.tabs.find((d) => d.id === editor.activeId);
  // Not opened (deleted or unreadable since the run): the workspace's error line says why.
  if (!draft?.file || draft.file.path !== result.path) return;
  if (runner.key || runner.gateway) useProfileOverrides.getState().set(draft.id, { key: runner.key || undefined, gateway: runner.gateway || undefined });
  const record = kept?.state === 'done' ? kept.record : null;
  if (record) {
    if (opts.troubleshoot) openTroubleshootOnShow(record);
    void useResponseStore.getState().send(draft.id, toRequestSpec(draft), undefined, async () => record);
  }
  useRunnerStore.getState().hide();
}
