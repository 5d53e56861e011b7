import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import type { Drift, ExpectWord, MatrixCell, MatrixColumn, MatrixRow } from '../../../../shared/contract';
import { cellDescription, cellKey, cellText, cellTone, driftKey, keyGroups } from './matrix-model';
import type { MatrixRunView } from './matrix.store';

const short = (m: string) => (m === 'DELETE' ? 'DEL' : m === 'OPTIONS' ? 'OPT' : m);

interface CellProps {
  row: MatrixRow; column: MatrixColumn; r: number; c: number;
  cell: MatrixCell | undefined; drift: Drift | undefined; expected: ExpectWord | undefined;
  running: boolean; selected: boolean; onSelect(r: number, c: number): void;
}

/** One cell: coloured by status class, red for a refusal with who refused; drift outlined and marked. */
const Cell = memo(function Cell({ row, column, r, c, cell, drift, expected, running, selected, onSelect }: CellProps) {
  const tone = cellTone(cell);
  const label = cellDescription(row, column, cell, drift, expected);
  const changed = drift?.kind === 'changed';
  const cls = `mx-cell tone-${tone}${changed ? ' is-drift' : drift ? ' is-new' : ''}${selected ? ' is-selected' : ''}`;
  if (!cell) {
    return <td className={cls} title={label} aria-label={label}>{running ? <span className="mx-wait" aria-hidden /> : null}</td>;
  }
  const text = cellText(cell);
  return (
    <td className={cls}>
      <button type="button" className="mx-cell-btn" title={label} aria-label={label} aria-pressed={selected} onClick={() => onSelect(r, c)}>
        <span className="mx-cell-main">{text.main}</span>
        {text.sub && <span className="mx-cell-sub">{text.sub}</span>}
        {changed && <span className="mx-cell-exp">exp. {String(drift.expected)}</span>}
      </button>
    </td>
  );
});

interface RowProps {
  run: MatrixRunView; r: number; measure(el: Element | null): void; drifts: Map<string, Drift>;
  expected: Record<string, Record<string, ExpectWord>> | null; selected: { row: number; column: number } | null; onSelect(r: number, c: number): void;
}

/** One request: its name and path (sticky), then a cell per column. */
function GridRow({ run, r, measure, drifts, expected, selected, onSelect }: RowProps) {
  const row = run.rows[r]!;
  return (
    <tr ref={measure} data-index={r}>
      <th scope="row" className="mx-row" title={row.path}>
        <span className={`method-tag method-${row.method.toLowerCase()}`}>{short(row.method)}</span>
        <span className="mx-row-text"><span className="mx-row-name">{row.name}</span><span className="mx-row-path">{row.path}</span></span>
      </th>
      {run.columns.map((col, c) => (
        <Cell key={col.id} row={row} column={col} r={r} c={c} cell={run.cells[cellKey(r, c)]} drift={drifts.get(driftKey(row.path, col.id))}
          expected={expected?.[row.path]?.[col.id]} running={run.running} selected={selected?.row === r && selected.column === c} onSelect={onSelect} />
      ))}
    </tr>
  );
}

/** A row's height before it is measured (.mx-cell's 46 px and its border). */
const ROW_HEIGHT = 47;
/** The sticky header's two rows (.mx-keys 28 px, .mx-gateways 24 px), above the first request. */
const HEAD_HEIGHT = 52;

/** Space for the rows not rendered, above or below the ones that are; none when there is nothing to stand for. */
function Spacer({ height, span }: { height: number; span: number }) {
  return height > 0 ? <tr className="mx-spacer" aria-hidden style={{ height }}><td colSpan={span} /></tr> : null;
}

/**
 * The heat map: a sticky header of "key @ gateway" columns grouped by key, a sticky first column
 * of requests; each cell a button that opens its details. Only the rows in view (and a few around
 * them) are rendered: 300 requests × 12 columns scroll as lightly as ten.
 */
export function MatrixGrid({ run, expected, selected, onSelect }: {
  run: MatrixRunView;
  /** access.yaml's words: path → column → word */
  expected: Record<string, Record<string, ExpectWord>> | null;
  selected: { row: number; column: number } | null;
  onSelect(r: number, c: number): void;
}) {
  const drifts = useMemo(() => new Map((run.comparison?.drift ?? []).map((d) => [driftKey(d.path, d.column), d])), [run.comparison]);
  const groups = keyGroups(run.columns);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: run.rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8,
    scrollMargin: HEAD_HEIGHT, getItemKey: (i) => run.rows[i]!.path,
  });
  const items = virtual.getVirtualItems();
  const above = (items[0]?.start ?? HEAD_HEIGHT) - HEAD_HEIGHT;
  const below = virtual.getTotalSize() - ((items[items.length - 1]?.end ?? HEAD_HEIGHT) - HEAD_HEIGHT);
  return (
    <div className="mx-scroll" ref={scroller}>
      <table className="mx-grid" aria-label="Access matrix">
        <thead>
          <tr className="mx-keys">
            <th className="mx-corner" rowSpan={2} scope="col"><span className="mx-corner-text">Request <span aria-hidden>╲</span> key @ gateway</span></th>
            {groups.map((g, i) => <th key={i} colSpan={g.span} scope="colgroup" className="mx-key">{g.key}</th>)}
          </tr>
          <tr className="mx-gateways">
            {run.columns.map((col, c) => (
              <th key={col.id} scope="col" className={`mx-gw${c > 0 && run.columns[c - 1]!.key !== col.key ? ' is-group-start' : ''}`} title={col.id} aria-label={col.id}>
                @ {col.gateway}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Spacer height={above} span={run.columns.length + 1} />
          {items.map(({ index: r, key }) => (
            <GridRow key={key} run={run} r={r} measure={virtual.measureElement} drifts={drifts} expected={expected} selected={selected} onSelect={onSelect} />
          ))}
          <Spacer height={below} span={run.columns.length + 1} />
        </tbody>
      </table>
    </div>
  );
}

/** What the colours mean. */
export function MatrixLegend() {
  const items: Array<[string, string]> = [['success', '2xx allowed'], ['redirect', '3xx'], ['refused', 'refused'], ['client', 'other 4xx'],
    ['server', '5xx'], ['error', 'no response'], ['skipped', 'not sent']];
  return (
    <ul className="mx-legend" aria-label="Legend">
      {items.map(([tone, text]) => <li key={tone}><span className={`mx-swatch tone-${tone}`} aria-hidden />{text}</li>)}
      <li><span className="mx-swatch is-drift" aria-hidden />differs from access.yaml</li>
      <li><span className="mx-swatch is-new" aria-hidden />not in access.yaml</li>
    </ul>
  );
}
