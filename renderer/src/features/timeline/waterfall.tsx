import type { Timings } from '../../../../shared/model';
import { formatMs } from '../../lib/format';

const PHASES = [
  { key: 'dns', label: 'DNS lookup' },
  { key: 'connect', label: 'TCP connect' },
  { key: 'tls', label: 'TLS handshake' },
  { key: 'firstByte', label: 'Waiting (TTFB)' },
  { key: 'download', label: 'Download' },
] as const;

/** DNS → connect → TLS → waiting → download, each bar offset by the phases before it. */
export function Waterfall({ timings }: { timings: Timings }) {
  const sum = PHASES.reduce((acc, p) => acc + (timings[p.key] ?? 0), 0);
  const scale = Math.max(sum, timings.total, 0.001);
  let start = 0;
  return (
    <div className="waterfall" role="table" aria-label="Timings">
      {PHASES.map((p) => {
        const ms = timings[p.key];
        const left = (start / scale) * 100;
        const width = ms === null ? 0 : Math.max((ms / scale) * 100, 0.4);
        if (ms !== null) start += ms;
        return (
          <div key={p.key} className={`wf-row ${ms === null ? 'wf-skipped' : ''}`} role="row">
            <span className="wf-label" role="cell">{p.label}</span>
            <span className="wf-track" role="cell" aria-hidden>
              {ms !== null && <span className={`wf-bar wf-${p.key}`} style={{ left: `${left}%`, width: `${width}%` }} />}
            </span>
            <span className="wf-ms mono" role="cell">{ms === null ? '—' : formatMs(ms)}</span>
          </div>
        );
      })}
      <div className="wf-row wf-total" role="row">
        <span className="wf-label" role="cell">Total</span>
        <span className="wf-track" role="cell" aria-hidden />
        <span className="wf-ms mono" role="cell">{formatMs(timings.total)}</span>
      </div>
    </div>
  );
}
