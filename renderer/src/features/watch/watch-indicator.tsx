import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui';
import { useWorkspaceStore } from '../workspace';
import { changeLine } from './notify';
import { everyText } from './every';
import { EyeIcon, NotifyMe } from './watch-control';
import { useWatchStore, type ActiveWatch, type ChangeItem } from './watch.store';

const timeOf = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : '—');

function WatchRow({ w }: { w: ActiveWatch }) {
  const stop = useWatchStore((s) => s.stop);
  const forget = () => useWatchStore.setState((s) => ({ watches: s.watches.filter((x) => x.watchId !== w.watchId) }));
  return (
    <li className={`watch-row${w.error ? ' has-error' : ''}`}>
      <div className="watch-row-main">
        <span className="watch-row-label">{w.label}</span>
        <span className="watch-row-meta">
          {w.ended ? 'ended' : `every ${everyText(w.everyMs)}`} · {w.rounds ? `round ${w.rounds} at ${timeOf(w.lastAt)}` : 'first round running'}
          {w.changes > 0 && <> · <strong>{w.changes} change{w.changes === 1 ? '' : 's'}</strong></>}
        </span>
        {w.error && <span className="watch-row-error">{w.error.message}</span>}
      </div>
      {w.ended ? <Button size="sm" variant="ghost" onClick={forget}>Remove</Button>
        : <Button size="sm" onClick={() => void stop(w.watchId)} aria-label={`Stop watching ${w.label}`}>Stop</Button>}
    </li>
  );
}

export function ChangeButton({ item }: { item: ChangeItem }) {
  const open = useWatchStore((s) => s.open);
  const refused = item.change.after?.refused && !item.change.before?.refused;
  return (
    <button type="button" className={`watch-change${refused ? ' is-refused' : ''}`} onClick={() => open(item)} title="Open its explanation">
      <span className="watch-change-dot" aria-hidden />
      <span className="watch-change-text">{changeLine(item.change)}</span>
    </button>
  );
}

/**
 * The top bar's watch chip: how many watches run, a badge of changes not looked at yet; open, the
 * watches with Stop and the latest changes, each opening its explanation.
 */
export function WatchIndicator() {
  const watches = useWatchStore((s) => s.watches);
  const feed = useWatchStore((s) => s.feed);
  const unseen = useWatchStore((s) => s.unseen);
  const root = useWorkspaceStore((s) => s.root);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // A reloaded window finds the backend's watches again.
  useEffect(() => void useWatchStore.getState().refresh(), [root]);
  useEffect(() => {
    if (!open) return;
    useWatchStore.getState().markSeen();
    const away = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open, unseen]);
  if (!watches.length && !feed.length) return null;
  const live = watches.filter((w) => !w.ended).length;
  return (
    <div className="slot-wrap watch-indicator" ref={ref}>
      <button type="button" className={`slot watch-chip${live ? ' is-live' : ''}`} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}
        aria-label={`Watches: ${live} running${unseen ? `, ${unseen} new change${unseen === 1 ? '' : 's'}` : ''}`}>
        <EyeIcon />
        <span className="slot-value">{live ? `${live} watching` : 'Watches'}</span>
        {unseen > 0 && <span className="watch-badge" aria-hidden>{unseen}</span>}
      </button>
      {open && (
        <div className="watch-pop" role="dialog" aria-label="Watches">
          <div className="watch-pop-head">
            <span>Watches</span>
            <NotifyMe />
          </div>
          {watches.length ? <ul className="watch-list">{watches.map((w) => <WatchRow key={w.watchId} w={w} />)}</ul>
            : <p className="watch-empty">Nothing is watched. Start one from a Runner or Matrix view.</p>}
          <div className="watch-pop-head"><span>Changes</span></div>
          {feed.length ? (
            <ul className="watch-feed" aria-label="Changes">
              {feed.slice(0, 30).map((item) => (
                <li key={item.id}><span className="watch-feed-meta">{timeOf(item.at)} · {item.label}</span><ChangeButton item={item} /></li>
              ))}
            </ul>
          ) : <p className="watch-empty">No change yet: the first round is the baseline, later rounds report what moved.</p>}
        </div>
      )}
    </div>
  );
}
