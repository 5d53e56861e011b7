import { useEffect, useState } from 'react';
import { CAUSES } from '../../../../shared/explain/causes';
import type { CauseId } from '../../../../shared/explain';
import { formatMs } from '../../lib/format';
import { isRefusedResult, type RunView } from './runner.store';

export interface Counts { done: number; total: number; passed: number; failed: number; refused: number; skipped: number }

/** Live counts from the results; the report's own numbers once it is in. */
export function countsOf(run: RunView): Counts {
  const done = run.results.length;
  const refused = run.results.filter(isRefusedResult).length;
  const s = run.report?.summary;
  if (s) return { done, total: Math.max(s.total, done), passed: s.passed, failed: s.failed, refused, skipped: s.skipped };
  const passed = run.results.filter((r) => r.passed).length;
  return { done, total: Math.max(run.planned.length, done), passed, failed: done - passed, refused, skipped: 0 };
}

/** Seconds since the run started, ticking while it runs. */
function useElapsed(running: boolean): number {
  const [t0] = useState(() => performance.now());
  const [now, setNow] = useState(t0);
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(id);
  }, [running]);
  return now - t0;
}

function statusLine(run: RunView, c: Counts): string {
  if (run.error) return 'Could not run';
  if (run.running) return run.stopping ? 'Stopping…' : run.planned.length === 0 ? 'Planning…' : 'Running';
  if (run.stopped) return 'Stopped';
  return c.failed === 0 ? 'All passed' : `${c.failed} failed`;
}

/** The bar (passed green, failed amber, refused red), how far the run is and what it sends now. */
export function RunnerProgress({ run }: { run: RunView }) {
  const c = countsOf(run);
  const elapsed = useElapsed(run.running);
  const share = (n: number) => `${c.total ? (n / c.total) * 100 : 0}%`;
  const current = run.running && run.planned.length > 0 && c.done < c.total ? run.planned[c.done % run.planned.length] : undefined;
  const duration = run.report?.summary.durationMs ?? elapsed;
  const tone = run.error ? 'error' : run.running ? 'running' : run.stopped ? 'stopped' : c.failed ? 'failed' : 'passed';
  return (
    <div className={`runner-progress is-${tone}`}>
      <div className="runner-progress-line">
        <span className="runner-state" role="status">{statusLine(run, c)}</span>
        <span className="runner-count"><strong>{c.done}</strong> of {c.total}</span>
        {current && (
          <span className="runner-current" aria-label="Current request">
            <span className="mini-spinner" aria-hidden />
            <span className={`method-tag method-${current.method.toLowerCase()}`}>{current.method}</span>
            <span className="runner-current-name">{current.name}</span>
          </span>
        )}
        <span className="runner-elapsed" title={run.report ? 'Duration of the run' : 'Elapsed'}>{formatMs(duration)}</span>
      </div>
      <div className="runner-bar" role="progressbar" aria-label="Run progress" aria-valuemin={0} aria-valuemax={c.total} aria-valuenow={c.done}
        aria-valuetext={`${c.done} of ${c.total} requests`}>
        <span className="runner-bar-passed" style={{ width: share(c.passed) }} />
        <span className="runner-bar-failed" style={{ width: share(c.failed - c.refused) }} />
        <span className="runner-bar-refused" style={{ width: share(c.refused) }} />
      </div>
    </div>
  );
}

/** One number of a summary with its label (the Matrix view's summary uses it too). */
export function Stat({ label, value, tone, hint }: { label: string; value: string | number; tone?: string; hint?: string }) {
  return (
    <div className={`runner-stat${tone ? ` tone-${tone}` : ''}`} title={hint}>
      <span className="runner-stat-value">{value}</span>
      <span className="runner-stat-label">{label}</span>
    </div>
  );
}

/** Passed, failed, refused, skipped, the time, checks when the run had them, and the refusals by cause. */
export function RunnerSummary({ run }: { run: RunView }) {
  const c = countsOf(run);
  const s = run.report?.summary;
  const times = run.results.filter((r) => r.status !== null).map((r) => r.timeMs);
  const avg = times.length ? times.reduce((a, b) => a + b, 0) / times.length : null;
  const causes = Object.entries(s?.refusals ?? byCause(run)).sort((a, b) => b[1] - a[1]);
  const checks = s?.assertions && s.assertions.passed + s.assertions.failed > 0 ? s.assertions : null;
  const tests = s?.tests && s.tests.passed + s.tests.failed > 0 ? s.tests : null;
  return (
    <section className="runner-summary" aria-label="Run summary">
      <div className="runner-stats">
        <Stat label="Passed" value={c.passed} tone="success" />
        <Stat label="Failed" value={c.failed} tone={c.failed ? 'client' : undefined} />
        <Stat label="Refused" value={c.refused} tone={c.refused ? 'refused' : undefined} hint="Refusals among the failures: 401, 403, 407, 429, 451 or a block page" />
        <Stat label="Skipped" value={c.skipped} hint="Not run: the run was stopped or ended at the first failure" />
        {checks && <Stat label="Assertions" value={`${checks.passed}/${checks.passed + checks.failed}`} tone={checks.failed ? 'client' : 'success'} />}
        {tests && <Stat label="Script tests" value={`${tests.passed}/${tests.passed + tests.failed}`} tone={tests.failed ? 'client' : 'success'} />}
        {avg !== null && <Stat label="Avg. response" value={formatMs(avg)} />}
        {s?.paced && s.paced.requests > 0 && <Stat label="Paced" value={formatMs(s.paced.totalMs)} hint={`${s.paced.requests} request(s) waited as the server asked`} />}
      </div>
      {causes.length > 0 && (
        <ul className="runner-causes" aria-label="Refusals by cause">
          {causes.map(([cause, n]) => (
            <li key={cause} className="runner-cause"><span className="status-dot tone-refused" aria-hidden />{CAUSES[cause as CauseId]?.title ?? cause}<span className="runner-cause-n">×{n}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

function byCause(run: RunView): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of run.results) if (r.explanation && isRefusedResult(r)) out[r.explanation.cause] = (out[r.explanation.cause] ?? 0) + 1;
  return out;
}
