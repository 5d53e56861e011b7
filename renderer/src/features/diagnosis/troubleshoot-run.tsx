import { useEffect } from 'react';
import { Button } from '../../ui';
import { CompareBox } from './compare-box';
import { Conclusion } from './conclusion';
import { useDiagnosisStore, useRun, type Run } from './diagnosis.store';
import { ProbeList } from './probe-list';
import { ReportExport } from './report-export';

const STOPPED: Record<string, string> = {
  fixed: 'stopped at the fix', budget: 'budget used up', cancelled: 'stopped by you', exhausted: 'every planned probe sent', 'not-refused': 'nothing to diagnose',
  unreachable: 'the server stopped answering', 'rate-limited': 'the server only rate-limited',
};

function BudgetLine({ run }: { run: Extract<Run, { state: 'running' | 'done' }> }) {
  const used = run.state === 'done' ? run.result.budget.used : run.probes.length;
  const max = run.state === 'done' ? run.result.budget.max : run.max;
  const pct = Math.min(100, Math.round((used / Math.max(1, max)) * 100));
  const why = run.state === 'done' && run.result.stopped ? STOPPED[run.result.stopped] : null;
  return (
    <div className="diag-budget" aria-label="Probe budget">
      <span className="diag-budget-bar" aria-hidden><span style={{ width: `${Math.max(2, pct)}%` }} /></span>
      <span>{used} of at most {max} probes{why ? ` · ${why}` : ''}</span>
    </div>
  );
}

function ConfirmUnsafe({ tabId, method }: { tabId: string; method: string }) {
  const run = useDiagnosisStore((s) => s.run);
  return (
    <div className="diag-confirm" role="group" aria-label="Allow unsafe methods">
      <p><strong>This request is a {method}.</strong> Probing re-sends it many times. By default only GET, HEAD and OPTIONS
        are sent, so the {method} is probed as a GET on the same URL and nothing is created or changed on the server.</p>
      <div className="diag-actions">
        <Button size="sm" variant="primary" onClick={() => void run(tabId, false)}>Probe with safe methods</Button>
        <Button size="sm" variant="danger" onClick={() => void run(tabId, true)}>Allow {method} re-sends</Button>
      </div>
    </div>
  );
}

/** The live diagnosis in the Troubleshoot drawer: starts on open, probes as they land, Stop, the conclusion, the report; then Compare. */
export function TroubleshootRun({ tabId }: { tabId: string }) {
  const run = useRun(tabId);
  const { open, stop, apply, run: again } = useDiagnosisStore.getState();
  useEffect(() => open(tabId), [open, tabId]);

  let body;
  if (run.state === 'idle') body = <p className="muted">Starting…</p>;
  else if (run.state === 'confirm') body = <ConfirmUnsafe tabId={tabId} method={run.method} />;
  else if (run.state === 'failed') {
    body = (
      <>
        {run.probes.length > 0 && <ProbeList probes={run.probes} running={false} />}
        <div className="diag-error" role="alert">
          <strong>The diagnosis could not finish.</strong> {run.error.message}{run.error.remedy ? ` ${run.error.remedy}` : ''}
          <div className="diag-actions"><Button size="sm" onClick={() => void again(tabId, run.allowUnsafe)}>Try again</Button></div>
        </div>
      </>
    );
  } else if (run.state === 'running') {
    body = (
      <>
        <BudgetLine run={run} />
        <ProbeList probes={run.probes} running />
      </>
    );
  } else {
    // Done: the verdict first, then the notes it rests on.
    body = (
      <>
        <Conclusion tabId={tabId} d={run.result} applied={run.applied} onApply={() => apply(tabId)} />
        <ReportExport tabId={tabId} />
        <BudgetLine run={run} />
        {run.probes.length > 0 && <ProbeList probes={run.probes} running={false} />}
      </>
    );
  }
  return (<>
    <section className="diag-run" aria-label="Diagnosis" aria-busy={run.state === 'running'}>
      <header className="diag-run-head">
        <h3 className="troubleshoot-h3">Diagnosis</h3>
        {run.state === 'running' && (
          <>
            <span className="diag-live" role="status">{run.stopping ? 'Stopping…' : 'Probing safe variants…'}</span>
            <Button size="sm" onClick={() => void stop(tabId)} disabled={run.stopping}>Stop</Button>
          </>
        )}
        {run.state === 'done' && (
          <Button size="sm" variant="ghost" onClick={() => void again(tabId, run.allowUnsafe)} title="Probe this response again">Run again</Button>
        )}
      </header>
      {body}
    </section>
    {/* Compared once the probes are done: the two never send at the same time. */}
    {(run.state === 'done' || run.state === 'failed') && <CompareBox tabId={tabId} />}
  </>);
}
