// The working request's sources besides a pasted curl: a history entry that succeeded for the same
// origin (newest first), or a HAR file chosen or dropped here and read in the browser, with an entry
// selector when the capture holds several for the path. Each hands the contract's `working` to `onPick`.
import { useEffect, useState, type DragEvent } from 'react';
import { StatusBadge } from '../../ui';
import type { WorkingRequest } from './compare.store';
import { useWorkingSourcesStore } from './working-sources.store';

interface PickerProps {
  tabId: string;
  /** the refused request's URL: entries are matched against its origin and path */
  url: string;
  /** the working request chosen so far, or null */
  onPick(working: WorkingRequest | null): void;
}

const when = (iso: string) => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/i, '') || '/';

/** Recent history entries that succeeded (2xx) for the same origin, newest first: one is the working request. */
export function HistoryPicker({ tabId, url, onPick }: PickerProps) {
  const s = useWorkingSourcesStore((st) => st.successes[tabId]);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => { void useWorkingSourcesStore.getState().loadSuccesses(tabId, url); }, [tabId, url]);
  useEffect(() => onPick(chosen ? { historyId: chosen } : null), [chosen, onPick]);
  if (!s || s.state === 'loading') return <p className="muted cmp-help">Reading history…</p>;
  if (s.state === 'failed') return <p className="diag-tick-error" role="alert">History could not be read: {s.error}</p>;
  if (s.entries.length === 0) {
    return <p className="muted cmp-help">No request to {new URL(url).origin} has succeeded yet. Send one that works (with the credentials it needs) and it appears here.</p>;
  }
  return (
    <div className="cmp-pick">
      <p className="muted cmp-help">History keeps secrets redacted (•••): those values are unknown, compared but never sent.</p>
      <ul className="cmp-history" role="radiogroup" aria-label="Requests that succeeded">
        {s.entries.map((e) => (
          <li key={e.id}>
            <label className={`cmp-history-row${chosen === e.id ? ' is-chosen' : ''}`}>
              <input type="radio" name={`cmp-history-${tabId}`} checked={chosen === e.id} onChange={() => setChosen(e.id)} />
              {e.status !== null && <StatusBadge status={e.status} />}
              <span className="cmp-history-method">{e.method}</span>
              <span className="cmp-history-url mono" title={e.url}>{shortUrl(e.url)}</span>
              <span className="muted cmp-history-time">{when(e.time)}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A HAR file (DevTools › Network › Save all as HAR), chosen or dropped; read here, parsed again by the backend. */
export function HarPicker({ tabId, url, onPick }: PickerProps) {
  const har = useWorkingSourcesStore((st) => st.har[tabId]);
  const { readHar } = useWorkingSourcesStore.getState();
  const [entry, setEntry] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const read = har && 'read' in har && har.read.ok ? har.read : null;
  useEffect(() => setEntry(null), [har]);
  useEffect(() => onPick(har && 'text' in har && read ? { har: har.text, ...(entry !== null ? { entry } : {}) } : null), [har, read, entry, onPick]);
  const take = (file: File | undefined) => { if (file) void readHar(tabId, file, url); };
  const drop = (e: DragEvent) => { e.preventDefault(); setOver(false); take(e.dataTransfer.files[0]); };
  const error = har && 'error' in har ? har.error : har && 'read' in har && !har.read.ok ? har.read.error : null;
  return (
    <div className="cmp-pick">
      <label className={`cmp-drop${over ? ' is-over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)} onDrop={drop}>
        <span>{har ? <>HAR <strong>{har.name}</strong>: choose another or drop it here</> : <>Drop a HAR file here, or choose one</>}</span>
        <input type="file" accept=".har,application/json" aria-label="Choose a HAR file" onChange={(e) => take(e.target.files?.[0])} />
      </label>
      {error && <p className="diag-tick-error" role="alert">{error}</p>}
      {read && (read.samePath.length > 1 ? (
        <label className="cmp-har-entry">
          <span className="explain-label">Entry ({read.samePath.length} of {read.total} are for this path)</span>
          <select className="field-input" aria-label="HAR entry" value={entry ?? ''} onChange={(e) => setEntry(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Let Clearance pick (a 2xx for this path)</option>
            {read.samePath.map((c) => <option key={c.entry} value={c.entry}>#{c.entry} {c.method} {shortUrl(c.url)} → {c.status ?? 'no response'}</option>)}
          </select>
        </label>
      ) : (
        <p className="muted cmp-help">{read.total} {read.total === 1 ? 'entry' : 'entries'}, {read.samePath.length === 1 ? `#${read.samePath[0]!.entry} is for this path` : 'none for this path: Clearance takes the first 2xx'}.</p>
      ))}
    </div>
  );
}
