import { parseColumnId } from '../../../../shared/contract/column-id';
import { Button, Dialog, StatusBadge } from '../../ui';
import { CellExplanation } from '../matrix/cell-explanation';
import { openAsCell } from '../matrix/send-again';
import { stateText } from './notify';
import { ChangeButton } from './watch-indicator';
import { useWatchStore, type ChangeItem } from './watch.store';

/** A round's changes, bottom right, until dismissed: each opens its explanation. */
export function WatchToasts() {
  const toasts = useWatchStore((s) => s.toasts);
  const dismiss = useWatchStore((s) => s.dismiss);
  return (
    <section className="watch-toasts" aria-label="Watch changes" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="watch-toast" role="status">
          <div className="watch-toast-head">
            <strong>{t.label}</strong>
            <span className="muted">round {t.round} · {t.items.length} change{t.items.length === 1 ? '' : 's'}</span>
            <button type="button" className="watch-toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>×</button>
          </div>
          <ul className="watch-toast-list">
            {t.items.slice(0, 4).map((item) => <li key={item.id}><ChangeButton item={item} /></li>)}
          </ul>
          {t.items.length > 4 && <p className="watch-note">and {t.items.length - 4} more in the watch list (top bar)</p>}
        </div>
      ))}
    </section>
  );
}

function StateBadge({ s }: { s: ChangeItem['change']['before'] }) {
  if (!s) return <span className="watch-state muted">none</span>;
  if (s.status === null) return <span className="watch-state">{stateText(s)}</span>;
  return <StatusBadge status={s.status} tone={s.refused ? 'refused' : undefined} text={s.refused ? 'refused' : undefined} />;
}

/** One change opened: before → after, and a new refusal's explanation with "Send again to explain". */
export function ChangeDialogHost() {
  const item = useWatchStore((s) => s.opened);
  const open = useWatchStore((s) => s.open);
  if (!item) return null;
  const c = item.change;
  const col = c.column ? parseColumnId(c.column) : null;
  const again = { path: c.path, key: col?.key ?? item.key, gateway: col?.gateway ?? item.gateway };
  const go = (send: boolean) => { open(null); void openAsCell(again, { send }); };
  return (
    <Dialog title={`${c.method} ${c.name}${c.column ? ` [${c.column}]` : ''}`} wide onClose={() => open(null)}
      footer={<><Button onClick={() => go(false)}>Open request</Button><Button onClick={() => open(null)}>Close</Button></>}>
      <div className="watch-diff">
        <span className="muted">{item.label} · round {item.round} · {new Date(item.at).toLocaleTimeString()}</span>
        <span className="watch-diff-states"><StateBadge s={c.before} /><span aria-hidden>→</span><StateBadge s={c.after} /></span>
        <span className="mono muted">{c.path}</span>
      </div>
      {c.after?.refused ? <CellExplanation refusal={c.refusal} status={c.after.status} onSendAgain={() => go(true)} />
        : c.error ? <p className="watch-row-error"><code>{c.error.code}</code> {c.error.message}</p>
          : <p className="dialog-text">{c.before?.refused ? 'No longer refused: it now answers ' : 'It now answers '}<strong>{stateText(c.after)}</strong>.</p>}
    </Dialog>
  );
}
