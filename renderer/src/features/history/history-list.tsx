import { useEffect, useState, type MouseEvent } from 'react';
import type { CauseId } from '../../../../shared/explain';
import type { RequestSpecInput } from '../../../../shared/model';
import { Button, StatusDot } from '../../ui';
import { causePhrase } from '../explain/explanation-view';
import { entryRefused, useHistoryStore, type HistoryEntry, type StatusFilter } from './history.store';

const shortUrl = (url: string) => url.replace(/^https?:\/\//i, '');
/** `/orders?limit=10` and `api.example.com`: the path leads, the host follows in small type. */
function urlParts(url: string): { path: string; host: string } {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)(.*)$/i.exec(url);
  return m ? { host: m[1]!, path: m[2] || '/' } : { host: '', path: url };
}
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

const ORIGIN_CHIP: Record<string, { text: string; title: string }> = {
  run: { text: 'run', title: 'Sent by a run (the Runner or clearance run)' },
  cli: { text: 'CLI', title: 'Sent from the command line' },
};

/** `nginx · insufficient permissions`: who refused and why, as far as the explainer could tell. */
function why(e: HistoryEntry): string {
  const cause = e.cause && e.cause !== 'other' ? causePhrase(e.cause as CauseId) : null;
  return [e.producer, cause].filter(Boolean).join(' · ');
}

function tooltip(e: HistoryEntry, refused: boolean): string {
  const lines = [`${e.method} ${e.url}`, `${when(e.time)} · ${new Date(e.time).toLocaleString()}${e.source?.env ? ` · env ${e.source.env}` : ''}`];
  if (refused) lines.push(`Refused${e.producer ? ` by ${e.producer}` : ''}${e.cause ? ` — ${causePhrase(e.cause as CauseId)}` : ''}`);
  if (e.error) lines.push(e.error.message);
  if (e.origin && ORIGIN_CHIP[e.origin]) lines.push(ORIGIN_CHIP[e.origin]!.title);
  return lines.join('\n');
}

function Filters() {
  const { status, producer, cause, hideRuns, facets, setFilter } = useHistoryStore();
  return (
    <div className="history-filter-grid" role="group" aria-label="History filters">
      <label className="history-filter"><span>Status</span>
        <select className="field-input" aria-label="Status filter" value={status} onChange={(e) => setFilter({ status: e.target.value as StatusFilter })}>
          <option value="">All</option><option value="2xx">2xx</option><option value="3xx">3xx</option><option value="4xx">4xx</option>
          <option value="5xx">5xx</option><option value="refused">Refused</option><option value="failed">Failed (no response)</option>
        </select>
      </label>
      <label className="history-filter"><span>Producer</span>
        <select className="field-input" aria-label="Producer filter" value={producer} onChange={(e) => setFilter({ producer: e.target.value })}>
          <option value="">Any</option>
          {facets.producers.map((p) => <option key={p} value={p}>{p}</option>)}
          {producer && !facets.producers.includes(producer) && <option value={producer}>{producer}</option>}
        </select>
      </label>
      <label className="history-filter"><span>Cause</span>
        <select className="field-input" aria-label="Cause filter" value={cause} onChange={(e) => setFilter({ cause: e.target.value })}>
          <option value="">Any</option>
          {facets.causes.map((c) => <option key={c} value={c}>{causePhrase(c as CauseId)}</option>)}
          {cause && !facets.causes.includes(cause) && <option value={cause}>{causePhrase(cause as CauseId)}</option>}
        </select>
      </label>
      <label className="history-hide-runs">
        <input type="checkbox" checked={hideRuns} onChange={(e) => setFilter({ hideRuns: e.target.checked })} /> Hide runner sends
      </label>
    </div>
  );
}

interface HistoryListProps {
  onOpen(request: RequestSpecInput): void;
  /** Compare the two picked entries (older left); absent: no Compare button */
  onCompare?(a: HistoryEntry, b: HistoryEntry): void;
}

/** Sends recorded by the backend (newest first), searchable and filterable; clicking opens a new tab, two picked compare. */
export function HistoryList({ onOpen, onCompare }: HistoryListProps) {
  const { entries, grep, status, producer, cause, hideRuns, selected, error, refresh, setFilter, clear, toggleSelected, clearSelected } = useHistoryStore();
  const [showFilters, setShowFilters] = useState(false);
  useEffect(() => void refresh(), [refresh]);
  const active = [status, producer, cause, hideRuns].filter(Boolean).length;
  const picked = selected.map((id) => entries.find((e) => e.id === id)).filter((e): e is HistoryEntry => e !== undefined);
  const open = (ev: MouseEvent, e: HistoryEntry) => {
    if (ev.ctrlKey || ev.metaKey) toggleSelected(e.id);
    else onOpen(historyToRequest(e));
  };
  return (
    <div className={`history${selected.length ? ' is-selecting' : ''}`}>
      <div className="history-filters">
        <input className="field-input history-search" type="search" aria-label="Search history" placeholder="Search URL, status, header…"
          value={grep} onChange={(e) => setFilter({ grep: e.target.value })} />
        <button type="button" className={`history-filter-btn${active ? ' is-active' : ''}`} aria-expanded={showFilters} aria-label="Filters"
          title="Filter by status, producer, cause; hide runner sends" onClick={() => setShowFilters(!showFilters)}>
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden><path d="M2 3.5h12l-4.5 5.2v4l-3 1.3V8.7z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" /></svg>
          {active > 0 && <span className="history-filter-count">{active}</span>}
        </button>
      </div>
      {showFilters && <Filters />}
      {selected.length > 0 && onCompare && (
        <div className="history-selection" role="status" aria-label="Selection">
          <span>{selected.length} selected</span>
          <Button size="sm" variant="primary" disabled={picked.length !== 2} title={picked.length === 2 ? 'Compare the two side by side' : 'Pick two entries to compare'}
            onClick={() => { if (picked.length === 2) onCompare(picked[0]!, picked[1]!); }}>Compare</Button>
          <button type="button" className="link-btn" onClick={clearSelected}>Clear</button>
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {entries.length === 0 ? <p className="sidebar-hint">{grep || active ? 'Nothing matches.' : 'Requests you send appear here.'}</p> : (
        <ul className="history-list" aria-label="Recent sends">
          {entries.map((e) => {
            const blocked = entryRefused(e);
            const failed = e.status === null && e.error?.code !== 'cancelled';
            const chip = e.origin ? ORIGIN_CHIP[e.origin] : undefined;
            const isSel = selected.includes(e.id);
            return (
              <li key={e.id} className={`history-item${isSel ? ' is-selected' : ''}${e.origin === 'run' ? ' is-run' : ''}`}>
                {onCompare && (
                  <input type="checkbox" className="history-check" checked={isSel} onChange={() => toggleSelected(e.id)}
                    aria-label={`Select ${e.method} ${shortUrl(e.url)} (${when(e.time)}) to compare`} />
                )}
                <button type="button" className="history-row" onClick={(ev) => open(ev, e)} title={tooltip(e, blocked)}>
                  <span className={`method-tag method-${e.method.toLowerCase()}`}>{e.method}</span>
                  <span className="history-url mono">{urlParts(e.url).path}</span>
                  {chip && <span className={`history-origin origin-${e.origin}`}>{chip.text}</span>}
                  <span className={`history-status${blocked || failed ? ' is-refused' : ''}`}>
                    <StatusDot status={e.status} tone={blocked || failed ? 'refused' : undefined} title={blocked ? 'refused' : undefined} />
                    {e.status ?? (e.error?.code === 'cancelled' ? '—' : 'ERR')}
                  </span>
                  <span className="history-sub">
                    <span className="history-host">{urlParts(e.url).host}</span>
                    {blocked && why(e) ? <span className="history-why">{why(e)}</span> : <span className="history-when">{when(e.time)}</span>}
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
