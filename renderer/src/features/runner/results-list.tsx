import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { RunResultData } from '../../../../shared/contract';
import { causePhrase } from '../explain';
import { formatMs } from '../../lib/format';
import { StatusBadge } from '../../ui';
import { ResultDetail } from './result-detail';
import { isRefusedResult, useRunnerStore, type Planned, type RowFilter, type RunView } from './runner.store';

type Row =
  | { kind: 'result'; result: RunResultData }
  /** a planned request without a result yet (`current`: the one in flight), or never run */
  | { kind: 'pending' | 'skipped'; planned: Planned; n: number; current: boolean };

const MATCH: Record<Exclude<RowFilter, 'all'>, (r: RunResultData) => boolean> = {
  passed: (r) => r.passed,
  failed: (r) => !r.passed,
  refused: isRefusedResult,
};

function rowsOf(run: RunView, filter: RowFilter): Row[] {
  if (filter !== 'all') return run.results.filter(MATCH[filter]).map((result) => ({ kind: 'result', result }));
  const rows: Row[] = run.results.map((result) => ({ kind: 'result', result }));
  for (let i = run.results.length; i < run.planned.length; i++) {
    rows.push({ kind: run.running ? 'pending' : 'skipped', planned: run.planned[i]!, n: i + 1, current: run.running && i === run.results.length });
  }
  return rows;
}

/** Aborted by Stop: the user's doing, not the server's answer. */
export const isCancelled = (r: RunResultData) => r.error?.code === 'cancelled';

const short = (m: string) => (m === 'DELETE' ? 'DEL' : m === 'OPTIONS' ? 'OPT' : m);

/** The outcome in a few words: passed, the refusal with its producer and cause, or why it failed. */
function Outcome({ r }: { r: RunResultData }) {
  const failedChecks = [...(r.assertions ?? []), ...(r.tests ?? [])].filter((c) => !c.passed).length;
  const checks = (r.assertions?.length ?? 0) + (r.tests?.length ?? 0);
  let text;
  if (isRefusedResult(r) && r.explanation) {
    const by = r.explanation.producer?.name;
    text = <span className="rr-refused-text"><strong>Refused</strong>{by ? <> by {by}</> : ''} — {causePhrase(r.explanation.cause)}</span>;
  } else if (isRefusedResult(r)) text = <span className="rr-refused-text"><strong>Refused</strong></span>;
  else if (r.passed) text = <span className="rr-passed-text">Passed</span>;
  else if (isCancelled(r)) text = <span className="muted">Cancelled: the run was stopped while it was in flight</span>;
  else text = <span className="rr-failed-text">{r.reason ?? 'Failed'}</span>;
  return (
    <span className="rr-outcome">
      {text}
      {checks > 0 && <span className={`rr-checks${failedChecks ? ' is-failed' : ''}`} title="Assertions and script tests that held">{checks - failedChecks}/{checks} checks</span>}
      {r.unsupported && r.unsupported.length > 0 && <span className="rr-checks is-warn" title={r.unsupported.join('\n')}>{r.unsupported.length} unsupported</span>}
      {r.pacedMs ? <span className="rr-checks" title={r.pacedWhy ?? 'Waited as the server asked'}>paced {formatMs(r.pacedMs)}</span> : null}
    </span>
  );
}

function ResultLine({ r, open, onToggle }: { r: RunResultData; open: boolean; onToggle(): void }) {
  const refused = isRefusedResult(r);
  return (
    <button type="button" className="rr-line" aria-expanded={open} onClick={onToggle}>
      <span className="rr-n">{r.index}</span>
      <span className="rr-status">
        {r.status !== null ? <StatusBadge status={r.status} tone={refused ? 'refused' : undefined} />
          : <span className={`status-badge tone-${isCancelled(r) ? 'none' : 'refused'}`} title={r.error?.message}><span className="status-code">{isCancelled(r) ? '—' : 'ERR'}</span></span>}
      </span>
      <span className={`rr-method method-tag method-${r.method.toLowerCase()}`}>{short(r.method)}</span>
      <span className="rr-name"><span className="rr-title">{r.name}</span><span className="rr-path">{r.path}{r.iteration ? ` · iteration ${r.iteration}` : ''}</span></span>
      <Outcome r={r} />
      <span className="rr-time">{r.timeMs > 0 ? formatMs(r.timeMs) : ''}</span>
      <svg className="rr-chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden><path d="m6 4 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
    </button>
  );
}

function PlannedLine({ row }: { row: Extract<Row, { kind: 'pending' | 'skipped' }> }) {
  const { planned: p } = row;
  return (
    <div className="rr-line is-static">
      <span className="rr-n">{row.n}</span>
      <span className="rr-status">{row.current ? <span className="mini-spinner" aria-label="sending" /> : <span className="rr-dot" aria-hidden />}</span>
      <span className={`rr-method method-tag method-${p.method.toLowerCase()}`}>{short(p.method)}</span>
      <span className="rr-name"><span className="rr-title">{p.name}</span><span className="rr-path">{p.path}</span></span>
      <span className="rr-outcome muted">{row.current ? 'Sending…' : row.kind === 'pending' ? 'Waiting' : 'Not run'}</span>
      <span className="rr-time" />
      <span />
    </div>
  );
}

/** Every result (and the requests still to run) in a virtual list: thousands of rows scroll as lightly as ten. */
export function ResultsList({ run }: { run: RunView }) {
  const filter = useRunnerStore((s) => s.filter);
  const expanded = useRunnerStore((s) => s.expanded);
  const toggle = useRunnerStore((s) => s.toggle);
  const rows = useMemo(() => rowsOf(run, filter), [run, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 41, overscan: 10,
    getItemKey: (i) => { const row = rows[i]!; return row.kind === 'result' ? `r${row.result.index}` : `p${row.n}`; },
  });
  return (
    <div className="rr-scroll" ref={scroller}>
      {rows.length === 0 ? <p className="empty-note">{run.running ? 'Waiting for the first result…' : 'No results here.'}</p> : (
        <ul className="rr-list" aria-label="Results" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const r = row.kind === 'result' ? row.result : null;
            const tone = r ? (isRefusedResult(r) ? ' is-refused' : r.passed ? ' is-passed' : isCancelled(r) ? ' is-cancelled' : ' is-failed') : ` is-${row.kind}`;
            const open = r !== null && expanded === r.index;
            return (
              <li key={item.key} ref={virtual.measureElement} data-index={item.index} data-path={r?.path ?? (row.kind !== 'result' ? row.planned.path : '')}
                className={`rr-item${tone}${open ? ' is-open' : ''}`} style={{ transform: `translateY(${item.start}px)` }}>
                {r ? <ResultLine r={r} open={open} onToggle={() => toggle(r.index)} /> : row.kind !== 'result' && <PlannedLine row={row} />}
                {open && r && <ResultDetail run={run} r={r} />}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
