import type { ResponseRecord } from '../../../../shared/model';
import { refusalSummary } from './refusal';

/** The red band under the status line for 401/403/407/429; the explanation card goes below it. */
export function RefusalAlert({ record }: { record: ResponseRecord }) {
  return (
    <div className="refusal-alert" role="alert">
      <span className="refusal-icon" aria-hidden>⛔</span>
      <span>
        <strong>{record.status} {record.statusText || 'Refused'}</strong> — {refusalSummary(record.status)}
      </span>
    </div>
  );
}
