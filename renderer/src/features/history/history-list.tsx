import { useEffect } from 'react';
import type { RequestSpecInput } from '../../../../shared/model';
import { StatusDot } from '../../ui';
import { entryRefused, useHistoryStore, type HistoryEntry, type StatusFilter } from './history.store';

const shortUrl = (url: string) => url.replace(/^https?:\/\//i, '');
const SKIP = new Set(['default', 'computed', 'auth', 'gateway', 'folder', 'collection']);

/** A history entry as a request to open in a new tab: the headers the user wrote, and the body. */
export function historyToRequest(e: HistoryEntry): RequestSpecInput {
  const headers = e.requestHeaders.filter((h) => !h.origin || !SKIP.has(h.origin)).map((h) => ({ name: h.name, value: h.value }));
  const json = headers.some((h) => /^content-type$/i.test(h.name) && /json/i.test(h.value));
  return { method: e.method, url: e.url, headers, ...(e.requestBody ? { body: json ? { kind: 'json', text: e.requestBody } : { kind: 'text', text: e.requestBody } } : {}) };
}

function when(iso: string): string {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

/** Sends recorded by the backend (newest first), searchable and filterable; clicking opens a new tab. */
export function HistoryList({ onOpen }: { onOpen(request: RequestSpecInput): void }) {
  const { entries, grep, status, error, refresh, setFilter, clear } = useHistoryStore();
  useEffect(() => void refresh(), [refresh]);
  return (
    <div className="history">
      <div className="history-filters">
        <input className="field-input history-search" type="search" aria-label="Search history" placeholder="Search URL, status, header…"
          value={grep} onChange={(e) => setFilter({ grep: e.target.value })} />
        <select className="field-input history-status-filter" aria-label="Status filter" value={status}
          onChange={(e) => setFilter({ status: e.target.value as StatusFilter })}>
          <option value="">All</option><option value="2xx">2xx</option><option value="3xx">3xx</option><option value="4xx">4xx</option>
          <option value="5xx">5xx</option><option value="refused">Refused</option><option value="failed">Failed</option>
        </select>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {entries.length === 0 ? <p className="sidebar-hint">{grep || status ? 'Nothing matches.' : 'Requests you send appear here.'}</p> : (
        <ul className="history-list" aria-label="Recent sends">
          {entries.map((e) => {
            const blocked = entryRefused(e);
            const failed = e.status === null && e.error?.code !== 'cancelled';
            return (
              <li key={e.id}>
                <button type="button" className="history-row" onClick={() => onOpen(historyToRequest(e))}
                  title={`${e.method} ${e.url}\n${when(e.time)} · ${new Date(e.time).toLocaleString()}${e.source?.env ? ` · env ${e.source.env}` : ''}${e.error ? `\n${e.error.message}` : ''}`}>
                  <span className={`method-tag method-${e.method.toLowerCase()}`}>{e.method}</span>
                  <span className="history-url mono">{shortUrl(e.url)}</span>
                  <span className={`history-status${blocked || failed ? ' is-refused' : ''}`}>
                    <StatusDot status={e.status} tone={blocked || failed ? 'refused' : undefined} title={blocked ? 'refused' : undefined} />
                    {e.status ?? (e.error?.code === 'cancelled' ? '—' : 'ERR')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {entries.length > 0 && <button type="button" className="link-btn" onClick={() => void clear()}>Clear history</button>}
    </div>
  );
}
