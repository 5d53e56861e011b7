// The Runner view's state: which folder it runs (the whole workspace for ''), the key/gateway it
// runs with, and the run itself: the planned requests, results as they stream in over
// runner.onResult, the report from runner.onFinish, Stop and the re-run of the failures. Only this
// store calls the backend for the runner.
import { create } from 'zustand';
import type { z } from 'zod';
import type { ErrorInfo, RunReportData, RunResultData } from '../../../../shared/contract';
import type { PlannedRequestSchema } from '../../../../shared/contract/runner';
import { isRefusal } from '../../../../shared/explain/refusal';
import { api, toClientError } from '../../platform';
import { batcher } from '../../lib/batch';
import { stopRun } from '../../lib/stop-run';
import { newId } from '../../lib/id';
import { frontView } from '../workspace/front-view';
import { useWorkspaceStore } from '../workspace';

export type Planned = z.output<typeof PlannedRequestSchema>;
export interface RunTarget { path: string; name: string }

export interface RunView {
  runId: string;
  target: RunTarget;
  running: boolean;
  stopping: boolean;
  planned: Planned[];
  results: RunResultData[];
  report: RunReportData | null;
  stopped: boolean;
  /** the run could not start or ended on bad input (an unknown environment or profile) */
  error: ErrorInfo | null;
  /** this run re-ran the failures of the one before */
  rerun: boolean;
  env: string | null;
}

export type RowFilter = 'all' | 'passed' | 'failed' | 'refused';

interface RunnerState {
  visible: boolean;
  target: RunTarget | null;
  /** '' = the default the request, folder or collection names */
  key: string;
  gateway: string;
  bail: boolean;
  run: RunView | null;
  filter: RowFilter;
  /** index of the result whose details are open */
  expanded: number | null;
  open(target: RunTarget): void;
  show(): void;
  hide(): void;
  /** closes the view; a run still going is stopped */
  close(): Promise<void>;
  setOptions(patch: Partial<Pick<RunnerState, 'key' | 'gateway' | 'bail' | 'filter'>>): void;
  toggle(index: number): void;
  start(only?: string[]): Promise<void>;
  stop(): Promise<void>;
  rerunFailures(): Promise<void>;
}

/** Was this result refused? The one rule: a refusal status, or the explainer's verdict. */
export function isRefusedResult(r: RunResultData): boolean {
  return r.status !== null && isRefusal(r, r.explanation ?? null);
}

/** Results arrive faster than a window repaints: they are taken in batches at most this often. */
const FLUSH_MS = 60;

export const useRunnerStore = create<RunnerState>()((set, get) => {
  let listening = false;

  const current = (runId: string) => (get().run?.runId === runId ? get().run : null);
  const results = batcher<RunResultData>(FLUSH_MS, (batch) => {
    const run = get().run;
    if (!run) return;
    set({ run: { ...run, results: [...run.results, ...batch] } });
    // The tree's dots show the run's statuses as a send's would.
    const ws = useWorkspaceStore.getState();
    for (const r of batch) {
      // A request Stop cancelled says nothing about the server.
      if (r.error?.code !== 'cancelled') ws.setStatus(r.path, { status: r.status, refused: r.status === null || isRefusedResult(r) });
    }
  });
  function listen(): void {
    if (listening) return;
    listening = true;
    api.events.on('runner', 'onResult', ({ runId, result }) => {
      if (current(runId)) results.push(result);
    });
    api.events.on('runner', 'onFinish', ({ runId, stopped, report, error }) => {
      results.flush();
      const run = current(runId);
      if (!run) return;
      // The report's results are the whole truth (an event lost on the way is in it).
      set({ run: { ...run, running: false, stopping: false, stopped, report: report ?? null, results: report?.results ?? run.results, error: error ?? null } });
    });
  }

  return {
    visible: false, target: null, key: '', gateway: '', bail: false, run: null, filter: 'all', expanded: null,
    open(target) {
      // Listening from the moment the view opens: the event stream is up before Run is pressed.
      listen();
      // A run in progress keeps its folder (the new one is picked up by the next Run); the same folder keeps its last run.
      const keep = get().run?.running || get().target?.path === target.path;
      set({ visible: true, target, ...(keep ? {} : { run: null, expanded: null, filter: 'all' as RowFilter }) });
    },
    show: () => set({ visible: true }),
    hide: () => set({ visible: false }),
    async close() {
      if (get().run?.running) await get().stop();
      set({ visible: false, target: null, run: null, expanded: null });
    },
    setOptions: (patch) => set(patch),
    toggle: (index) => set((s) => ({ expanded: s.expanded === index ? null : index })),
    async start(only) {
      const { target, key, gateway, bail, run: prev } = get();
      const { root, env } = useWorkspaceStore.getState();
      if (!target || !root || prev?.running) return;
      listen();
      results.clear();
      const runId = newId('run');
      const run: RunView = { runId, target, running: true, stopping: false, planned: [], results: [], report: null, stopped: false, error: null,
        rerun: Boolean(only), env };
      set({ run, expanded: null, filter: 'all' });
      try {
        const started = await api.runner.start({ runId, workspace: root, target: target.path, ...(env ? { env } : {}),
          ...(key ? { key } : {}), ...(gateway ? { gateway } : {}), ...(bail ? { bail } : {}), ...(only ? { only } : {}) });
        const cur = current(runId);
        if (cur) set({ run: { ...cur, planned: started.requests } });
      } catch (err) {
        const cur = current(runId);
        if (cur) set({ run: { ...cur, running: false, error: toClientError(err).info } });
      }
    },
    async stop() {
      await stopRun({ get: () => get().run, set: (run) => set({ run }) }, (runId) => api.runner.stop({ runId }),
        (run, err) => ({ ...run, error: toClientError(err).info }));
    },
    async rerunFailures() {
      const failed = failedPaths(get().run);
      if (failed.length) await get().start(failed);
    },
  };
});

/** The request paths that failed in the run, each once, in run order. */
export function failedPaths(run: RunView | null): string[] {
  return [...new Set((run?.results ?? []).filter((r) => !r.passed).map((r) => r.path))];
}

/**
 * Opening a request brings the editor back in front of the Runner; another workspace closes it; the
 * palette's and the menu's "Runner" shows it as it was, or opens one for the whole workspace.
 */
export const showRunner = frontView(useRunnerStore);
