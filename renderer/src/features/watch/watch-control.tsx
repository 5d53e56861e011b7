import { useState } from 'react';
import { everyText, MIN, parseEvery, PRESETS } from './every';
import { Button, promptText } from '../../ui';
import { askToNotify, notifyState, type NotifyState } from './notify';
import { useWatchStore, watchOf, type WatchSource } from './watch.store';

export const EyeIcon = ({ size = 13 }: { size?: number }) => (
  <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden>
    <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8Z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    <circle cx="8" cy="8" r="2" fill="currentColor" />
  </svg>
);

/** "Notify me" under serve until the browser answered; a plain note once it refused. */
export function NotifyMe() {
  const [state, setState] = useState<NotifyState>(notifyState);
  if (state === 'default') {
    return (
      <Button size="sm" variant="ghost" onClick={() => void askToNotify().then(setState)} title="Let this browser show a notification when a watch sees a change">
        Notify me
      </Button>
    );
  }
  if (state === 'denied') return <span className="watch-note" title="The browser blocks notifications for this page: changes show here in the app">Notifications blocked</span>;
  return null;
}

/**
 * "Watch every [5 min ▾]": starts watching this view's folder in the backend (watch.start) with the
 * view's settings; once watching, the interval, the rounds so far and Stop.
 */
export function WatchControl({ source, disabled }: { source: WatchSource | null; disabled?: boolean }) {
  const watches = useWatchStore((s) => s.watches);
  const startError = useWatchStore((s) => s.startError);
  const { start, stop } = useWatchStore.getState();
  const [every, setEvery] = useState(5 * MIN);
  const [custom, setCustom] = useState<number | null>(null);
  const active = source ? watchOf(watches, source.kind, source.target) : undefined;
  if (active) {
    return (
      <div className="watch-control is-on" role="group" aria-label="Watch">
        <span className="watch-live" title={`Re-run every ${everyText(active.everyMs)} in the background; only changes are reported`}>
          <span className="watch-pulse" aria-hidden /> Watching every {everyText(active.everyMs)}
          <span className="watch-rounds">{active.rounds ? ` · round ${active.rounds}` : ' · first round…'}</span>
        </span>
        <NotifyMe />
        <Button size="sm" onClick={() => void stop(active.watchId)}>Stop watching</Button>
      </div>
    );
  }
  const choose = async (value: string) => {
    if (value !== 'custom') return setEvery(Number(value));
    const text = await promptText({ title: 'Watch interval', label: 'Re-run every (seconds, or 90s, 10m, 2h)', initial: '30', action: 'Set' });
    const ms = text === null ? null : parseEvery(text);
    if (ms !== null) {
      setCustom(ms);
      setEvery(ms);
    }
  };
  const options = custom !== null && !PRESETS.some(([v]) => v === custom) ? [...PRESETS, [custom, everyText(custom)] as [number, string]] : PRESETS;
  return (
    <div className="watch-control" role="group" aria-label="Watch">
      <Button onClick={() => source && void start(source, every)} disabled={disabled || !source}
        title="Re-run in the background on this schedule and tell me when a status or refusal changes">
        <EyeIcon /> Watch
      </Button>
      <label className="watch-every">
        <span>every</span>
        <select aria-label="Watch interval" value={every} disabled={disabled || !source} onChange={(e) => void choose(e.target.value)}>
          {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {startError && <span className="watch-error" role="alert">{startError}</span>}
    </div>
  );
}
