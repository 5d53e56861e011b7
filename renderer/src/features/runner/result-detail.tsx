import { useEffect } from 'react';
import type { RunResultData } from '../../../../shared/contract';
import { formatMs } from '../../lib/format';
import { Button } from '../../ui';
import { causePhrase, ExplanationCard } from '../explain';
import { openResult, useKept, useRunRecords } from './run-records';
import { isRefusedResult, type RunView } from './runner.store';

interface Check { name: string; passed: boolean; expected?: string | undefined; actual?: string | undefined; error?: string | undefined }

function Checks({ title, items }: { title: string; items: Check[] | undefined }) {
  if (!items?.length) return null;
  return (
    <div className="rr-checklist">
      <h4>{title}</h4>
      <ul aria-label={title}>
        {items.map((c, i) => (
          <li key={i} className={c.passed ? 'is-pass' : 'is-fail'}>
            <span className="rr-mark" aria-label={c.passed ? 'held' : 'failed'}>{c.passed ? '✓' : '✗'}</span>
            <span className="rr-check-name">{c.name}</span>
            {!c.passed && c.expected !== undefined && <span className="rr-check-why">expected <code>{c.expected}</code>, got <code>{c.actual ?? '—'}</code></span>}
            {!c.passed && c.error && <span className="rr-check-why">{c.error}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

const failedCheck = (r: RunResultData) => [...(r.assertions ?? []), ...(r.tests ?? [])].some((c) => !c.passed);

/** The explanation of a refusal: the card over the response the run got, or its summary when the response is no longer kept. */
function RefusalDetail({ run, r }: { run: RunView; r: RunResultData }) {
  const kept = useKept(run.runId, r.index);
  if (!kept || kept.state === 'loading') return <p className="rr-note">Loading the response…</p>;
  if (kept.state === 'done' && kept.record && kept.explanation) {
    return <ExplanationCard record={kept.record} explanation={kept.explanation} onReveal={() => void openResult(r, { troubleshoot: false })}
      onTroubleshoot={() => void openResult(r, { troubleshoot: true })} />;
  }
  const e = r.explanation;
  return (
    <div className="rr-refusal-summary" role="group" aria-label="Explanation">
      {e && <p><strong>Refused by {e.producer?.name ?? 'an unidentified layer'}</strong> — {causePhrase(e.cause)} <span className="muted">({Math.round(e.confidence * 100)}%)</span></p>}
      {e && <p>{e.reason.text}</p>}
      {e && <p><span className="explain-label">Fix</span>{e.fix}</p>}
      <p className="rr-note">{kept.state === 'failed' ? `The response could not be fetched: ${kept.error}` : 'The run no longer keeps this response.'} Open the request and send it to troubleshoot.</p>
    </div>
  );
}

/** What a row opens to: the refusal's explanation with Troubleshoot, why it failed, its checks, and Open request. */
export function ResultDetail({ run, r }: { run: RunView; r: RunResultData }) {
  const refused = isRefusedResult(r);
  const load = useRunRecords((s) => s.load);
  useEffect(() => {
    if (!r.passed) void load(run.runId, r.index);
  }, [load, run.runId, r.index, r.passed]);
  return (
    <div className="rr-detail">
      <div className="rr-detail-actions">
        <Button size="sm" onClick={() => void openResult(r, { troubleshoot: false })} title="Open the request in its tab, with the response this run got">Open request</Button>
        <span className="rr-url mono" title={r.url}>{r.method} {r.url}</span>
      </div>
      {refused && <RefusalDetail run={run} r={r} />}
      {/* The failed checks below say it better than the one line the row already shows. */}
      {!refused && !r.passed && r.reason && !failedCheck(r) && <p className="rr-reason">{r.reason}</p>}
      {r.error && !refused && <p className="rr-error"><code>{r.error.code}</code> {r.error.message}</p>}
      <Checks title="Assertions" items={r.assertions} />
      <Checks title="Script tests" items={r.tests} />
      {r.unsupported && r.unsupported.length > 0 && (
        <p className="rr-note">Not supported, so not counted as passed: {r.unsupported.join(', ')}</p>
      )}
      {r.logs && r.logs.length > 0 && (
        <details className="rr-logs"><summary>Script console ({r.logs.length})</summary><pre className="mono">{r.logs.join('\n')}</pre></details>
      )}
      {r.pacedMs ? <p className="rr-note">Waited {formatMs(r.pacedMs)} before sending{r.pacedWhy ? `: ${r.pacedWhy}` : ''}.</p> : null}
      {r.retried && <p className="rr-note">Sent again after a {r.retried.status} asked to wait {formatMs(r.retried.afterMs)}.</p>}
    </div>
  );
}
