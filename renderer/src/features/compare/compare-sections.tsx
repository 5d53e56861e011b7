// The pieces of the Compare view: a header table by name and a side-by-side body diff whose
// unchanged stretches fold to a line when only the differences are wanted.
import { useMemo, useState } from 'react';
import { comparableBody, diffBodies, diffHeaders, wordPieces, type Change, type HeaderRow, type LinePair, type Piece } from './compare-model';

const CHANGE_LABEL: Record<Change, string> = { same: 'same', added: 'only in B', removed: 'only in A', changed: 'differs' };

export function headerCounts(rows: HeaderRow[]): string {
  const n = (c: Change) => rows.filter((r) => r.change === c).length;
  const parts = [n('changed') && `${n('changed')} differ`, n('removed') && `${n('removed')} only in A`, n('added') && `${n('added')} only in B`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'identical';
}

function Values({ values }: { values: string[] }) {
  if (values.length === 0) return <span className="muted">—</span>;
  return <>{values.map((v, i) => <div key={i} className="cmpv-value">{v}</div>)}</>;
}

export function HeaderDiff({ label, left, right, onlyDiff }: {
  label: string; left: ReadonlyArray<readonly [string, string]>; right: ReadonlyArray<readonly [string, string]>; onlyDiff: boolean;
}) {
  const rows = useMemo(() => diffHeaders(left, right), [left, right]);
  const shown = onlyDiff ? rows.filter((r) => r.change !== 'same') : rows;
  if (rows.length === 0) return <p className="muted cmpv-empty">No headers on either side.</p>;
  return (
    <table className="cmpv-table" aria-label={label}>
      <thead><tr><th>Header</th><th>A</th><th>B</th></tr></thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.name.toLowerCase()} className={`cmpv-${r.change}`} data-change={r.change} title={CHANGE_LABEL[r.change]}>
            <td className="mono cmpv-name">{r.name}{r.change !== 'same' && <span className="cmpv-tag">{CHANGE_LABEL[r.change]}</span>}</td>
            <td className="mono"><Values values={r.left} /></td>
            <td className="mono"><Values values={r.right} /></td>
          </tr>
        ))}
        {shown.length === 0 && <tr><td colSpan={3} className="muted">All {rows.length} headers are the same.</td></tr>}
      </tbody>
    </table>
  );
}

type Row = { kind: 'pair'; pair: LinePair } | { kind: 'fold'; count: number; at: number };

/** Unchanged runs longer than 2×context fold into one row, keeping `context` lines around each change. */
function fold(pairs: LinePair[], context: number): Row[] {
  const rows: Row[] = [];
  let i = 0;
  while (i < pairs.length) {
    if (pairs[i]!.change !== 'same') {
      rows.push({ kind: 'pair', pair: pairs[i]! });
      i++;
      continue;
    }
    let j = i;
    while (j < pairs.length && pairs[j]!.change === 'same') j++;
    const run = j - i;
    const head = i === 0 ? 0 : context;
    const tail = j === pairs.length ? 0 : context;
    if (run > head + tail + 1) {
      for (let k = i; k < i + head; k++) rows.push({ kind: 'pair', pair: pairs[k]! });
      rows.push({ kind: 'fold', count: run - head - tail, at: i + head });
      for (let k = j - tail; k < j; k++) rows.push({ kind: 'pair', pair: pairs[k]! });
    } else {
      for (let k = i; k < j; k++) rows.push({ kind: 'pair', pair: pairs[k]! });
    }
    i = j;
  }
  return rows;
}

/** Text with the words that differ from the other side marked. */
export function Marked({ pieces }: { pieces: Piece[] }) {
  return <>{pieces.map((p, i) => (p.changed ? <mark key={i} className="cmpv-word">{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** Rows rendered at most: a diff longer than this says so (the bodies are still compared whole). */
const MAX_ROWS = 3000;

function Cell({ side, pair }: { side: 'left' | 'right'; pair: LinePair }) {
  const cell = pair[side];
  if (!cell) return <><td className="cmpv-no" /><td className="cmpv-line cmpv-blank" /></>;
  const pieces = pair.change === 'changed' ? wordPieces(pair.left!.text, pair.right!.text)[side] : null;
  return (
    <>
      <td className="cmpv-no">{cell.no}</td>
      <td className="cmpv-line mono">
        {pieces ? <Marked pieces={pieces} /> : cell.text}
      </td>
    </>
  );
}

export function BodyDiff({ label, left, right, onlyDiff }: { label: string; left: string | null; right: string | null; onlyDiff: boolean }) {
  const [all, setAll] = useState(false);
  const diff = useMemo(() => (left === null || right === null ? null : diffBodies(comparableBody(left), comparableBody(right))), [left, right]);
  if (!diff) return null;
  const changed = diff.pairs.filter((p) => p.change !== 'same').length;
  if (diff.pairs.length === 0) return <p className="muted cmpv-empty">Both bodies are empty.</p>;
  const rows: Row[] = onlyDiff ? fold(diff.pairs, 3) : diff.pairs.map((pair) => ({ kind: 'pair', pair }));
  const shown = all ? rows : rows.slice(0, MAX_ROWS);
  return (
    <div className="cmpv-body">
      <p className="cmpv-body-summary" role="status" aria-label={`${label} summary`}>
        {changed === 0 ? 'The bodies are identical.' : `${changed} line${changed === 1 ? '' : 's'} differ`}
        {diff.truncated && ' (compared on their first 512 KiB)'}
        {diff.gaveUp && ' — too different to align line by line'}
      </p>
      <table className="cmpv-diff" aria-label={label}>
        <colgroup><col className="cmpv-no-col" /><col /><col className="cmpv-no-col" /><col /></colgroup>
        <tbody>
          {shown.map((r, i) => r.kind === 'fold'
            ? <tr key={`f${r.at}`} className="cmpv-fold"><td colSpan={4}>⋯ {r.count} unchanged line{r.count === 1 ? '' : 's'}</td></tr>
            : <tr key={i} className={`cmpv-${r.pair.change}`}><Cell side="left" pair={r.pair} /><Cell side="right" pair={r.pair} /></tr>)}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <button type="button" className="link-btn" onClick={() => setAll(true)}>Show all {rows.length} rows</button>
      )}
    </div>
  );
}
