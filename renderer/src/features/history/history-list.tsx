import type { RequestSpecInput } from '../../../../shared/model';
import { StatusDot } from '../../ui';
import { useHistoryStore } from './history.store';

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '');
}

/** Recent sends of this session; clicking one opens it in a new tab. */
export function HistoryList({ onOpen }: { onOpen(request: RequestSpecInput): void }) {
  const entries = useHistoryStore((s) => s.entries);
  const clear = useHistoryStore((s) => s.clear);
  if (entries.length === 0) {
    return <p className="sidebar-hint">Requests you send appear here.</p>;
  }
  return (
    <>
      <ul className="history-list" aria-label="Recent sends">
        {entries.map((e) => (
          <li key={e.id}>
            <button type="button" className="history-row" onClick={() => onOpen(e.request)}
              title={`${e.request.method} ${e.request.url}`}>
              <span className={`method-tag method-${e.request.method.toLowerCase()}`}>{e.request.method}</span>
              <span className="history-url mono">{shortUrl(e.request.url)}</span>
              <span className={`history-status${e.blocked ? ' is-refused' : ''}`}>
                <StatusDot status={e.status} tone={e.blocked || (e.status === null && e.errorCode !== 'cancelled') ? 'refused' : undefined}
                  title={e.blocked ? 'refused' : undefined} />
                {e.status ?? (e.errorCode === 'cancelled' ? '—' : 'ERR')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-btn" onClick={clear}>Clear history</button>
    </>
  );
}
