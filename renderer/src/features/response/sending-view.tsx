import { useEffect, useState } from 'react';
import type { TimelineEvent } from '../../../../shared/model';
import { formatMs } from '../../lib/format';
import { Button } from '../../ui';
import { eventDisplay } from '../timeline';
import { useResponseStore } from './response.store';

/** The steps a slow call has reached so far (DNS, connect, TLS, request out, redirects), newest last. */
function Progress({ live }: { live: TimelineEvent[] }) {
  // Outgoing headers are many and say nothing about progress; the wire view shows them once done.
  const steps = live.filter((e) => e.type !== 'header.out' && e.type !== 'header.in').slice(-6);
  if (steps.length === 0) return null;
  return (
    <ol className="sending-progress" aria-label="Progress">
      {steps.map((e, i) => {
        const d = eventDisplay(e);
        return (
          <li key={i} className={`sending-step tone-${d.tone}`}>
            <span className="sending-step-label">{d.label}</span> <span className="mono">{d.summary}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function SendingView({ tabId, startedAt, live }: { tabId: string; startedAt: number; live: TimelineEvent[] }) {
  const cancel = useResponseStore((s) => s.cancel);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(performance.now()), 100);
    return () => window.clearInterval(t);
  }, []);
  const waiting = live.some((e) => e.type === 'request.url') ? 'Waiting for the response…' : 'Sending…';
  return (
    <div className="response-empty" role="status">
      <span className="spinner" aria-hidden />
      <p className="response-empty-title">{waiting} <span className="mono muted">{formatMs(now - startedAt)}</span></p>
      <Progress live={live} />
      <Button variant="ghost" onClick={() => void cancel(tabId)}>Cancel request</Button>
    </div>
  );
}
