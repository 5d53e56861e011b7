// "Compare with…" for a tab: another open tab that has a response, or a history entry.
import { Dialog, StatusDot } from '../../ui';
import { entryRefused, useHistoryStore } from '../history';
import { draftTitle, useRequestEditorStore } from '../request-editor';
import { isRefusal, useResponseStore } from '../response';
import { useCompareStore } from './compare.store';

const when = (iso: string) => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortUrl = (url: string) => url.replace(/^https?:\/\//i, '');

export function ComparePicker() {
  const tabId = useCompareStore((s) => s.pickerFor);
  const pickFor = useCompareStore((s) => s.pickFor);
  const compare = useCompareStore((s) => s.compare);
  const tabs = useRequestEditorStore((s) => s.tabs);
  const byTab = useResponseStore((s) => s.byTab);
  const entries = useHistoryStore((s) => s.entries);
  if (!tabId) return null;
  const self = tabs.find((d) => d.id === tabId);
  const others = tabs.filter((d) => d.id !== tabId && (byTab[d.id]?.state === 'done' || byTab[d.id]?.state === 'failed'));
  const recent = entries.slice(0, 25);
  const pick = (other: Parameters<typeof compare>[1]) => void compare({ kind: 'tab', tabId }, other);
  return (
    <Dialog title={`Compare ${self ? draftTitle(self) : 'this tab'} with…`} onClose={() => pickFor(null)} wide>
      <div className="cmp-picker">
        <h3 className="cmp-picker-h">Open tabs</h3>
        {others.length === 0 ? <p className="muted">No other tab has a response yet.</p> : (
          <ul className="cmp-picker-list" aria-label="Open tabs to compare with">
            {others.map((d) => {
              const ex = byTab[d.id];
              const status = ex?.state === 'done' ? ex.record.status : null;
              const refused = ex?.state === 'done' && isRefusal(ex.record, ex.explanation);
              return (
                <li key={d.id}>
                  <button type="button" className="cmp-picker-row" onClick={() => pick({ kind: 'tab', tabId: d.id })}>
                    <span className={`method-tag method-${d.method.toLowerCase()}`}>{d.method}</span>
                    <span className="cmp-picker-url mono">{draftTitle(d)}</span>
                    <span className="cmp-picker-status"><StatusDot status={status} tone={refused || ex?.state === 'failed' ? 'refused' : undefined} />{status ?? 'ERR'}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <h3 className="cmp-picker-h">History</h3>
        {recent.length === 0 ? <p className="muted">Nothing in the history yet.</p> : (
          <ul className="cmp-picker-list" aria-label="History entries to compare with">
            {recent.map((e) => (
              <li key={e.id}>
                <button type="button" className="cmp-picker-row" onClick={() => pick({ kind: 'history', entry: e })}>
                  <span className={`method-tag method-${e.method.toLowerCase()}`}>{e.method}</span>
                  <span className="cmp-picker-url mono" title={e.url}>{shortUrl(e.url)}</span>
                  <span className="muted cmp-picker-time">{when(e.time)}</span>
                  <span className="cmp-picker-status">
                    <StatusDot status={e.status} tone={entryRefused(e) || e.status === null ? 'refused' : undefined} />{e.status ?? 'ERR'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
