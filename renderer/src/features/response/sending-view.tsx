import { useEffect, useState } from 'react';
import { formatMs } from '../../lib/format';
import { Button } from '../../ui';
import { useResponseStore } from './response.store';

export function SendingView({ tabId, startedAt }: { tabId: string; startedAt: number }) {
  const cancel = useResponseStore((s) => s.cancel);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(performance.now()), 100);
    return () => window.clearInterval(t);
  }, []);
  return (
    <div className="response-empty" role="status">
      <span className="spinner" aria-hidden />
      <p className="response-empty-title">Sending… <span className="mono muted">{formatMs(now - startedAt)}</span></p>
      <Button variant="ghost" onClick={() => void cancel(tabId)}>Cancel request</Button>
    </div>
  );
}
