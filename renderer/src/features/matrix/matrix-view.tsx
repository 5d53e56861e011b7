import { useCallback, useMemo } from 'react';
import { Button } from '../../ui';
import { Stat } from '../runner/runner-progress';
import { useWorkspaceStore } from '../workspace';
import { CellDetail } from './cell-detail';
import { MatrixGrid, MatrixLegend } from './matrix-grid';
import { MatrixHeader } from './matrix-header';
import { GridIcon } from './matrix-icon';
import { countCells, driftKey, plannedRows, refusalsByCause } from './matrix-model';
import { useMatrixStore, type MatrixRunView } from './matrix.store';

/** How far the run is; then the cells by outcome, the drift from access.yaml and the refusals by cause. */
function MatrixSummary({ run }: { run: MatrixRunView }) {
  const total = run.rows.length * run.columns.length;
  const cells = Object.values(run.cells);
  const c = countCells(cells, total);
  const drift = run.comparison?.drift ?? [];
  const changed = drift.filter((d) => d.kind === 'changed').length;
  const causes = refusalsByCause(cells);
  const state = run.error ? 'Could not run' : run.running ? (run.stopping ? 'Stopping…' : 'Running') : run.matrix?.stopped ? 'Stopped' : 'Done';
  const tone = run.error ? 'error' : run.running ? 'running' : run.matrix?.stopped ? 'stopped' : changed ? 'failed' : 'passed';
  const share = (n: number) => `${total ? (n / total) * 100 : 0}%`;
  return (
    <section className="runner-summary mx-summary" aria-label="Matrix summary">
      <div className={`runner-progress is-${tone}`}>
        <div className="runner-progress-line">
          <span className="runner-state" role="status">{state}</span>
          <span className="runner-count"><strong>{c.done}</strong> of {total} cells</span>
        </div>
        <div className="runner-bar" role="progressbar" aria-label="Matrix progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={c.done}>
          <span className="runner-bar-passed" style={{ width: share(c.allowed) }} />
          <span className="runner-bar-failed" style={{ width: share(c.other) }} />
          <span className="runner-bar-refused" style={{ width: share(c.refused) }} />
        </div>
      </div>
      <div className="runner-stats">
        <Stat label="Cells" value={c.done} />
        <Stat label="Allowed" value={c.allowed} tone="success" />
        <Stat label="Refused" value={c.refused} tone={c.refused ? 'refused' : undefined} hint="401, 403, 407, 429, 451 or a block page" />
        <Stat label="Other" value={c.other} tone={c.other ? 'client' : undefined} hint="Other 4xx, 5xx, no response" />
        <Stat label="Skipped" value={c.skipped} hint="Not sent: unsafe methods without the toggle, or stopped" />
        {run.comparison && <Stat label="Drift" value={changed} tone={changed ? 'drift' : 'success'} hint={`Cells whose answer differs from ${run.comparison.file}`} />}
        {run.comparison && drift.length > changed && <Stat label="Not in access.yaml" value={drift.length - changed} hint="Cells the file does not mention yet" />}
      </div>
      {causes.length > 0 && (
        <ul className="runner-causes" aria-label="Refusals by cause">
          {causes.map(([cause, n]) => <li key={cause} className="runner-cause"><span className="status-dot tone-refused" aria-hidden />{cause}<span className="runner-cause-n">×{n}</span></li>)}
        </ul>
      )}
    </section>
  );
}

/** Where access.yaml stands: none yet, unreadable, or what this run found (and what Accept wrote). */
function ExpectationNote({ run }: { run: MatrixRunView | null }) {
  const expectation = useMatrixStore((s) => s.expectation);
  const error = useMatrixStore((s) => s.expectationError);
  if (error) return <p className="mx-note is-error" role="alert">access.yaml cannot be read: {error}</p>;
  if (run?.accepted) return <p className="mx-note is-ok" role="status">Written to {run.accepted.file}: {run.accepted.changed} entr{run.accepted.changed === 1 ? 'y' : 'ies'} changed. Review the diff before you commit it.</p>;
  if (!expectation) return null;
  if (!expectation.exists) return <p className="mx-note">No access.yaml yet: after a run, <em>Accept as expected</em> writes one, and later runs show what drifts from it.</p>;
  const changed = run?.comparison?.drift.filter((d) => d.kind === 'changed') ?? [];
  if (!run?.comparison || run.running) return <p className="mx-note">Checked against <span className="mono">{expectation.file}</span> ({Object.keys(expectation.requests).length} requests).</p>;
  return changed.length
    ? <p className="mx-note is-drift" role="status"><strong>{changed.length} cell{changed.length === 1 ? '' : 's'} differ{changed.length === 1 ? 's' : ''} from access.yaml</strong> — outlined in the grid.</p>
    : <p className="mx-note is-ok" role="status">Every cell access.yaml mentions is as expected.</p>;
}

function ReadyState({ rows }: { rows: number }) {
  return (
    <div className="runner-ready">
      <span className="runner-ready-icon"><GridIcon size={22} /></span>
      <p className="runner-ready-title">Send {rows} request{rows === 1 ? '' : 's'} with every key through every gateway</p>
      <p className="muted">Only GET, HEAD and OPTIONS unless you include unsafe methods; 4 cells at a time. Each refusal names who refused and why,
        and cells that differ from access.yaml are outlined.</p>
      <Button variant="primary" onClick={() => void useMatrixStore.getState().start()} disabled={rows === 0}><GridIcon /> Run the matrix</Button>
    </div>
  );
}

/** The access matrix of a folder or the workspace: a heat map of every request × key × gateway, checked against access.yaml. */
export function MatrixView() {
  const run = useMatrixStore((s) => s.run);
  const target = useMatrixStore((s) => s.target);
  const selected = useMatrixStore((s) => s.selected);
  const expectation = useMatrixStore((s) => s.expectation);
  const select = useMatrixStore((s) => s.select);
  const tree = useWorkspaceStore((s) => s.snapshot?.tree);
  const rows = useMemo(() => (target ? plannedRows(tree ?? [], target.path).length : 0), [tree, target]);
  const onSelect = useCallback((r: number, c: number) => {
    const cur = useMatrixStore.getState().selected;
    select(cur?.row === r && cur.column === c ? null : { row: r, column: c });
  }, [select]);
  const sel = run && selected ? { row: run.rows[selected.row], col: run.columns[selected.column] } : null;
  const drift = sel?.row && sel.col ? run?.comparison?.drift.find((d) => driftKey(d.path, d.column) === driftKey(sel.row!.path, sel.col!.id)) : undefined;
  return (
    <section className="runner matrix" aria-label="Matrix">
      <MatrixHeader rowCount={run ? run.rows.length : rows} />
      <ExpectationNote run={run} />
      {!run ? <ReadyState rows={rows} /> : (
        <div className="mx-body">
          {run.error && (
            <div className="runner-error" role="alert">
              <strong>The matrix could not {run.matrix ? 'be written' : 'run'}.</strong> {run.error.message}{run.error.remedy ? ` ${run.error.remedy}` : ''}
            </div>
          )}
          <MatrixSummary run={run} />
          <div className="mx-table">
            <MatrixGrid run={run} expected={expectation?.requests ?? null} selected={selected} onSelect={onSelect} />
            <MatrixLegend />
          </div>
          {selected && sel?.row && (
            <CellDetail run={run} r={selected.row} c={selected.column} drift={drift} expected={expectation?.requests[sel.row.path]?.[sel.col?.id ?? '']} />
          )}
        </div>
      )}
    </section>
  );
}
