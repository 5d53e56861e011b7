import { StatusBadge } from '../../ui';
import type { Probe } from './diagnosis.store';

function ProbeMark({ p }: { p: Probe }) {
  const kind = p.flipped ? 'flipped' : p.status === null ? 'error' : 'same';
  const label = p.flipped ? 'turned the refusal into a success' : p.status === null ? 'could not be sent' : 'still refused';
  return (
    <span className={`probe-mark probe-mark-${kind}`} role="img" aria-label={label} title={label}>
      {p.flipped ? '✓' : p.status === null ? '!' : '×'}
    </span>
  );
}

/** Every probe as it landed: what changed, the answer, what it proved. */
export function ProbeList({ probes, running }: { probes: readonly Probe[]; running: boolean }) {
  return (
    <ol className="probe-list" aria-label="Probes">
      {probes.map((p) => (
        <li key={p.id} className={`probe-row${p.flipped ? ' is-flipped' : ''}`} data-probe={p.id}>
          <ProbeMark p={p} />
          <span className="probe-status">{p.status === null ? <span className="probe-na">n/a</span> : <StatusBadge status={p.status} />}</span>
          <span className="probe-main">
            <span className="probe-change">{p.change}</span>
            {(p.proved || p.error) && <span className="probe-proved">{p.proved || p.error?.message}</span>}
          </span>
          <span className="probe-ms" title="Time for this probe">{Math.round(p.ms)} ms</span>
        </li>
      ))}
      {running && (
        <li className="probe-row probe-pending" aria-hidden>
          <span className="probe-spinner" />
          <span className="probe-main"><span className="probe-change muted">Next probe…</span></span>
        </li>
      )}
    </ol>
  );
}
