// The Matrix view's state: which folder it audits ('' = the workspace), the key and gateway columns
// chosen, and the run: its cells as they stream in over matrix.onCell, then the matrix and its
// comparison with access.yaml from matrix.run; Stop, and "Accept as expected" (matrix.update).
// Only this store calls the backend for the matrix.
import { create } from 'zustand';
import type { ErrorInfo, Expectation, Matrix, MatrixCell, MatrixColumn, MatrixComparison, MatrixRow } from '../../../../shared/contract';
import { batcher } from '../../lib/batch';
import { stopRun } from '../../lib/stop-run';
import { newId } from '../../lib/id';
import { api, toClientError } from '../../platform';
import { confirmAction } from '../../ui';
import { useProfilesStore } from '../profiles';
import { useRunnerStore } from '../runner';
import { useWorkspaceStore } from '../workspace';
import { frontView } from '../workspace/front-view';
import { cellKey, columnsFor, DIRECT, NO_KEY, plannedRows } from './matrix-model';

export interface MatrixTarget { path: string; name: string }

export interface MatrixRunView {
  runId: string;
  target: MatrixTarget;
  env: string | null;
  allowUnsafe: boolean;
  running: boolean;
  stopping: boolean;
  rows: MatrixRow[];
  columns: MatrixColumn[];
  /** by cellKey(row, column); the matrix's own cells once it is in */
  cells: Record<string, MatrixCell>;
  matrix: Matrix | null;
  /** null: no access.yaml when the run started */
  comparison: MatrixComparison | null;
  error: ErrorInfo | null;
  /** "Accept as expected" wrote this run into access.yaml */
  accepted: { file: string; changed: number } | null;
}

export interface ExpectationFile { file: string; exists: boolean; requests: Expectation }

interface MatrixState {
  visible: boolean;
  target: MatrixTarget | null;
  /** profile names left out of the columns (every one is in by default, with none/direct) */
  keysOff: string[];
  gatewaysOff: string[];
  allowUnsafe: boolean;
  run: MatrixRunView | null;
  expectation: ExpectationFile | null;
  /** access.yaml could not be read */
  expectationError: string | null;
  /** the cell whose details are open */
  selected: { row: number; column: number } | null;
  open(target: MatrixTarget): void;
  show(): void;
  hide(): void;
  close(): Promise<void>;
  toggleKey(name: string): void;
  toggleGateway(name: string): void;
  setAllowUnsafe(on: boolean): void;
  select(cell: { row: number; column: number } | null): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  accept(): Promise<void>;
  loadExpectation(): Promise<void>;
}

/** Cells arrive faster than a window repaints: they are taken in batches at most this often. */
const FLUSH_MS = 60;

/** The key names a column may use: the workspace's readable key profiles, then none. */
export function keyOptions(): string[] {
  return [...useProfilesStore.getState().keys.filter((k) => k.profile).map((k) => k.name), NO_KEY];
}
export function gatewayOptions(): string[] {
  return [...useProfilesStore.getState().gateways.filter((g) => g.profile).map((g) => g.name), DIRECT];
}
const chosen = (all: string[], off: string[]) => all.filter((n) => !off.includes(n));

export function chosenKeys(s: Pick<MatrixState, 'keysOff'>): string[] {
  return chosen(keyOptions(), s.keysOff);
}
export function chosenGateways(s: Pick<MatrixState, 'gatewaysOff'>): string[] {
  return chosen(gatewayOptions(), s.gatewaysOff);
}

const flip = (list: string[], name: string) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]);

function cellsOf(m: Matrix): Record<string, MatrixCell> {
  const out: Record<string, MatrixCell> = {};
  m.cells.forEach((row, r) => row.forEach((cell, c) => { out[cellKey(r, c)] = cell; }));
  return out;
}

export const useMatrixStore = create<MatrixState>()((set, get) => {
  let listening = false;
  const current = (runId: string) => (get().run?.runId === runId ? get().run : null);
  const cellsIn = batcher<{ runId: string; row: number; column: number; cell: MatrixCell }>(FLUSH_MS, (batch) => {
    const run = get().run;
    if (!run) return;
    const cells = { ...run.cells };
    for (const b of batch) if (b.runId === run.runId) cells[cellKey(b.row, b.column)] = b.cell;
    set({ run: { ...run, cells } });
  });

  function listen(): void {
    if (listening) return;
    listening = true;
    api.events.on('matrix', 'onCell', ({ runId, row, column, cell }) => {
      if (current(runId)) cellsIn.push({ runId, row, column, cell });
    });
  }
  const fail = (runId: string, err: unknown) => {
    const cur = current(runId);
    if (cur) set({ run: { ...cur, running: false, stopping: false, error: toClientError(err).info } });
  };

  return {
    visible: false, target: null, keysOff: [], gatewaysOff: [], allowUnsafe: false, run: null, expectation: null, expectationError: null, selected: null,
    open(target) {
      // The event stream is up before Run is pressed.
      listen();
      const keep = get().run?.running || get().target?.path === target.path;
      set({ visible: true, target, ...(keep ? {} : { run: null, selected: null }) });
      useRunnerStore.getState().hide();
      void get().loadExpectation();
    },
    show() {
      set({ visible: true });
      useRunnerStore.getState().hide();
    },
    hide: () => set({ visible: false }),
    async close() {
      if (get().run?.running) await get().stop();
      set({ visible: false, target: null, run: null, selected: null, expectation: null });
    },
    toggleKey: (name) => set((s) => ({ keysOff: flip(s.keysOff, name) })),
    toggleGateway: (name) => set((s) => ({ gatewaysOff: flip(s.gatewaysOff, name) })),
    setAllowUnsafe: (on) => set({ allowUnsafe: on }),
    select: (cell) => set({ selected: cell }),
    async start() {
      const s = get();
      const { root, env, snapshot } = useWorkspaceStore.getState();
      if (!s.target || !root || s.run?.running) return;
      const keys = chosenKeys(s);
      const gateways = chosenGateways(s);
      if (!keys.length || !gateways.length) return;
      listen();
      cellsIn.clear();
      const runId = newId('matrix');
      const run: MatrixRunView = {
        runId, target: s.target, env, allowUnsafe: s.allowUnsafe, running: true, stopping: false,
        rows: plannedRows(snapshot?.tree ?? [], s.target.path), columns: columnsFor(keys, gateways), cells: {},
        matrix: null, comparison: null, error: null, accepted: null,
      };
      set({ run, selected: null });
      try {
        const res = await api.matrix.run({ dir: root, runId, keys, gateways, ...(s.target.path ? { target: s.target.path } : {}),
          ...(env ? { env } : {}), ...(s.allowUnsafe ? { allowUnsafe: true } : {}) });
        cellsIn.clear();
        const cur = current(runId);
        // The matrix is the whole truth: a cell event lost on the way is in it.
        if (cur) set({ run: { ...cur, running: false, stopping: false, matrix: res.matrix, rows: res.matrix.rows, columns: res.matrix.columns,
          cells: cellsOf(res.matrix), comparison: res.comparison } });
        void get().loadExpectation();
      } catch (err) {
        fail(runId, err);
      }
    },
    async stop() {
      await stopRun({ get: () => get().run, set: (run) => set({ run }) }, (runId) => api.matrix.stop({ runId }),
        (run, err) => ({ ...run, error: toClientError(err).info }));
    },
    async accept() {
      const run = get().run;
      const root = useWorkspaceStore.getState().root;
      if (!run?.matrix || run.running || !root) return;
      const file = get().expectation?.exists ? 'access.yaml' : 'a new access.yaml';
      const drift = run.comparison?.drift ?? [];
      const changed = drift.filter((d) => d.kind === 'changed').length;
      const fresh = drift.length - changed;
      const message = run.comparison
        ? `Write the observed answer of ${drift.length} cell(s) into ${file}: ${changed} that differ from it and ${fresh} it does not mention yet. `
          + 'Words that still hold and comments stay; review the diff before you commit it.'
        : `Write every cell of this matrix into ${file} as the expected access; later runs are checked against it.`;
      const ok = await confirmAction({ title: 'Accept as expected', message, action: 'Write access.yaml' });
      if (!ok) return;
      try {
        const res = await api.matrix.update({ dir: root, matrix: run.matrix });
        const cur = current(run.runId);
        // What was written is exactly the observed matrix: nothing drifts from it now.
        if (cur) set({ run: { ...cur, accepted: res, comparison: cur.comparison ? { ...cur.comparison, drift: [] } : null } });
        await get().loadExpectation();
      } catch (err) {
        fail(run.runId, err);
      }
    },
    async loadExpectation() {
      const root = useWorkspaceStore.getState().root;
      if (!root) return;
      try {
        set({ expectation: await api.matrix.expectation({ dir: root }), expectationError: null });
      } catch (err) {
        // A broken access.yaml: the view shows why (line and column); a run reports it the same way.
        const e = toClientError(err);
        set({ expectation: null, expectationError: e.remedy ? `${e.message} ${e.remedy}` : e.message });
      }
    },
  };
});

/** The Runner shown hides the matrix: one view at a time in front of the editor. */
useRunnerStore.subscribe((s, prev) => {
  if (s.visible && !prev.visible && useMatrixStore.getState().visible) useMatrixStore.getState().hide();
});

/** Wired as the Runner is: a request opened hides it, another workspace closes it; "Matrix" (palette, menu) shows it. */
export const showMatrix = frontView(useMatrixStore);
