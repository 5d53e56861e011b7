import { useEffect, useRef } from 'react';
import type { Drift, ExpectWord } from '../../../../shared/contract';
import { formatMs } from '../../lib/format';
import { Button, StatusBadge } from '../../ui';
import { CellExplanation } from './cell-explanation';
import { cellKey, driftText } from './matrix-model';
import { useMatrixStore, type MatrixRunView } from './matrix.store';
import { openAsCell } from './send-again';

/** The selected cell: its status and time, how it stands against access.yaml, a refusal's explanation, the request. */
export function CellDetail({ run, r, c, drift, expected }: { run: MatrixRunView; r: number; c: number; drift: Drift | undefined; expected: ExpectWord | undefined }) {
  const row = run.rows[r];
  const col = run.columns[c];
  const cell = run.cells[cellKey(r, c)];
  const select = useMatrixStore((s) => s.select);
  const ref = useRef<HTMLElement>(null);
  // The details sit under the grid: a click on a cell brings them into view.
  useEffect(() => { ref.current?.scrollIntoView({ block: 'nearest' }); }, [r, c]);
  if (!row || !col || !cell) return null;
  const target = { path: row.path, key: col.key, gateway: col.gateway };
  return (
    <section ref={ref} className="mx-detail" aria-label="Cell details">
      <div className="mx-detail-head">
        {cell.status !== null && <StatusBadge status={cell.status} tone={cell.refused ? 'refused' : undefined} />}
        <div className="mx-detail-title">
          <strong>{row.name}</strong>
          <span className="muted"> · {col.key} @ {col.gateway}</span>
          <span className="mx-detail-path mono">{row.method} {row.path}</span>
        </div>
        {cell.timeMs > 0 && <span className="mx-detail-time mono">{formatMs(cell.timeMs)}</span>}
        <Button size="sm" onClick={() => void openAsCell(target, { send: false })} title="Open the request in its tab with this cell's key and gateway">Open request</Button>
        <button type="button" className="mx-detail-close" aria-label="Close details" onClick={() => select(null)}>×</button>
      </div>
      {drift?.kind === 'changed' && (
        <p className="mx-drift-line is-drift"><strong>Differs from access.yaml:</strong> {driftText(drift, cell)}.</p>
      )}
      {drift?.kind === 'missing' && <p className="mx-drift-line">Not in access.yaml yet: <em>Accept as expected</em> records it as <code>{String(drift.observed)}</code>.</p>}
      {!drift && expected !== undefined && <p className="mx-drift-line is-ok">As access.yaml expects: <code>{String(expected)}</code>.</p>}
      {cell.refused ? <CellExplanation refusal={cell.refusal} status={cell.status} response={cell.response} onSendAgain={() => void openAsCell(target, { send: true })} />
        : cell.error ? <p className="mx-detail-error"><code>{cell.error.code}</code> {cell.error.message}</p>
          : cell.skipped ? <p className="muted">Not sent: {cell.skipped}.</p>
            : <p className="muted">Answered {cell.status} — not a refusal.</p>}
    </section>
  );
}
