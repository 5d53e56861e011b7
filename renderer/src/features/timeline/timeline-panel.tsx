import './timeline.css';
import type { ResponseRecord } from '../../../../shared/model';
import { useState } from 'react';
import { formatMs } from '../../lib/format';
import { eventDisplay, isSecretEvent } from './event-display';
import { useTimelineStore } from './timeline.store';
import { Waterfall } from './waterfall';
import { isSecret, RedirectList, WireRequestView } from './wire-request';

/**
 * Timings waterfall, the request as sent, redirects, then every event in order. Secret header
 * values are masked in both the wire view and the events until revealed, for this record only.
 */
export function TimelinePanel({ record }: { record: ResponseRecord }) {
  const showEvents = useTimelineStore((s) => s.showEvents);
  const toggle = useTimelineStore((s) => s.toggleEvents);
  const [revealed, setRevealed] = useState<ResponseRecord | null>(null);
  const reveal = revealed === record;
  const params = record.wire.sensitiveParams ?? [];
  const secret = params.length > 0 || record.wire.headers.some(isSecret) || record.timeline.some(isSecretEvent);
  const toggleReveal = secret ? () => setRevealed(reveal ? null : record) : undefined;
  return (
    <div className="scroll-area timeline">
      <section className="tl-section" aria-label="Timings">
        <h3 className="tl-title">Timings</h3>
        <Waterfall timings={record.timings} />
      </section>
      <section className="tl-section" aria-label="Request sent">
        <h3 className="tl-title">Request sent</h3>
        <WireRequestView wire={record.wire} reveal={reveal} onToggleReveal={toggleReveal} />
      </section>
      {record.redirects.length > 0 && (
        <section className="tl-section" aria-label="Redirects">
          <h3 className="tl-title">Redirects</h3>
          <RedirectList hops={record.redirects} params={params} reveal={reveal} />
        </section>
      )}
      {record.timeline.length > 0 && (
        <section className="tl-section" aria-label="Events">
          <h3 className="tl-title">
            <button type="button" className="disclosure" aria-expanded={showEvents} onClick={toggle}>
              {showEvents ? '▾' : '▸'} Events ({record.timeline.length})
            </button>
          </h3>
          {showEvents && (
            <ul className="tl-events">
              {record.timeline.map((e, i) => {
                const d = eventDisplay(e, reveal, params);
                return (
                  <li key={i} className={`tl-event tone-${d.tone}`}>
                    <span className="tl-t mono">{formatMs(e.t)}</span>
                    <span className="tl-icon" aria-hidden>{d.icon}</span>
                    <span className="tl-label">{d.label}</span>
                    <span className="tl-summary mono">{d.summary}</span>
                    {d.source && <span className={`origin-badge origin-${d.source}`}>{d.source}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
