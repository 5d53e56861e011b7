// What a round observed, one entry per request (collection) or per sent cell (matrix), and the
// changes from the round before: a status class or a refusal verdict that moved, a request or a
// cell that came or went.
import type { CellRefusal, Matrix } from '../../shared/contract/matrix';
import type { WatchChange, WatchState } from '../../shared/contract/watch';
import { isRefusal } from '../../shared/explain/refusal';
import { statusClassOf } from '../matrix/cell';
import type { RunReport } from '../runner/types';

export interface WatchEntry {
  id: string;
  path: string;
  name: string;
  method: string;
  column?: string;
  state: WatchState;
  refusal?: CellRefusal;
  error?: { code: string; message: string };
}

/** One entry per request of a collection run. */
export function entriesOfRun(report: RunReport): WatchEntry[] {
  return report.results.map((r) => {
    const e = r.explanation;
    const refused = isRefusal(r, e);
    const refusal: CellRefusal | undefined = refused && e
      ? { producer: e.producer ? { id: e.producer.id, kind: e.producer.kind as NonNullable<CellRefusal['producer']>['kind'], name: e.producer.name } : null, cause: e.cause, reason: e.reason.text }
      : undefined;
    return { id: r.path, path: r.path, name: r.name, method: r.method, state: { status: r.status, statusClass: statusClassOf(r.status), refused },
      ...(refusal ? { refusal } : {}), ...(r.error ? { error: { code: r.error.code, message: r.error.message } } : {}) };
  });
}

/** One entry per cell of the matrix that was sent (skipped cells are not watched). */
export function entriesOfMatrix(m: Matrix): WatchEntry[] {
  const out: WatchEntry[] = [];
  m.rows.forEach((row, r) => m.columns.forEach((col, c) => {
    const cell = m.cells[r]![c]!;
    if (cell.statusClass === 'skipped') return;
    out.push({ id: `${row.path} [${col.id}]`, path: row.path, name: row.name, method: row.method, column: col.id,
      state: { status: cell.status, statusClass: cell.statusClass, refused: cell.refused },
      ...(cell.refusal ? { refusal: cell.refusal } : {}), ...(cell.error ? { error: cell.error } : {}) });
  }));
  return out;
}

const moved = (a: WatchState, b: WatchState): boolean => a.statusClass !== b.statusClass || a.refused !== b.refused;

function change(e: WatchEntry, before: WatchState | null, after: WatchState | null): WatchChange {
  return { id: e.id, path: e.path, name: e.name, method: e.method, ...(e.column ? { column: e.column } : {}), before, after,
    ...(after?.refused && e.refusal ? { refusal: e.refusal } : {}), ...(after && e.error ? { error: e.error } : {}) };
}

/** The changes from `before` (the last round) to `after`, in the order of `after`, then what is gone. */
export function diffEntries(before: ReadonlyMap<string, WatchEntry>, after: readonly WatchEntry[]): WatchChange[] {
  const out: WatchChange[] = [];
  const seen = new Set<string>();
  for (const e of after) {
    seen.add(e.id);
    const prev = before.get(e.id);
    if (!prev) out.push(change(e, null, e.state));
    else if (moved(prev.state, e.state)) out.push(change(e, prev.state, e.state));
  }
  for (const [id, prev] of before) if (!seen.has(id)) out.push(change(prev, prev.state, null));
  return out;
}
