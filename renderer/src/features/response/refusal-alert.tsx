import type { ResponseRecord } from '../../../../shared/model';
import { refusalSummary } from './refusal';

export function RefusalIcon() {
  return (
    <span className="refusal-icon" aria-hidden>
      <svg viewBox="0 0 16 16" width="16" height="16"><circle cx="8" cy="8" r="7" fill="currentColor" /><rect x="4" y="7" width="8" height="2" rx="1" fill="#fff" /></svg>
    </span>
  );
}

/** The red band under the status line for 401/403/407/429; the explanation card goes below it. */
export function RefusalAlert({ record }: { record: ResponseRecord }) {
  return (
    <div className="refusal-alert" role="alert">
      <RefusalIcon />
      <span>
        <strong>{record.status} {record.statusText || 'Refused'}</strong> — {refusalSummary(record.status)}
      </span>
    </div>
  );
}

/** While the explainer (a worker that may still be loading right after the window opens) reads the response. */
export function Explaining() {
  return <p className="explain-pending" role="status">Explaining the response…</p>;
}

/** The explainer failed: the response stays, and the user learns why it has no explanation. */
export function ExplainFailed({ message }: { message: string }) {
  return <p className="explain-pending is-failed" role="status">No explanation: {message}</p>;
}
