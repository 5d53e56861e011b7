// Desktop notifications. `notify` is the one seam (any main-side code may call it); the app wires
// watch.onChange to it, so a watch that sees a refusal appear tells the user even with the window hidden.
import { Notification } from 'electron';
import { watchContract, type WatchChange, type WatchRound } from '../../shared/contract/watch';
import type { EventHub } from '../services/event-hub';

export interface Notice { title: string; body: string }

/** Shows a notification; false where the OS has none (some Linux desktops). */
export function notify(title: string, body: string): boolean {
  if (!Notification.isSupported()) return false;
  new Notification({ title, body, silent: false }).show();
  return true;
}

function stateWord(s: WatchChange['after']): string {
  if (!s) return 'gone';
  if (s.refused) return `refused ${s.status ?? ''}`.trim();
  return s.status === null ? s.statusClass : String(s.status);
}

/** One notice per round that changed: the first change in words, then how many more. */
export function watchNotice(payload: { watchId: string; round: WatchRound }): Notice | null {
  const { changes } = payload.round;
  const first = changes[0];
  if (!first) return null;
  const refused = changes.filter((c) => c.after?.refused && !c.before?.refused).length;
  const title = refused > 0 ? `Watch: ${refused} newly refused` : `Watch: ${changes.length} changed`;
  const where = `${first.method} ${first.name}${first.column ? ` [${first.column}]` : ''}`;
  const by = first.refusal?.producer ? ` by ${first.refusal.producer.name}` : '';
  const more = changes.length > 1 ? ` (+${changes.length - 1} more)` : '';
  return { title, body: `${where}: ${stateWord(first.before)} → ${stateWord(first.after)}${by}${more}`.slice(0, 250) };
}

/**
 * Every watch round that changed something becomes a notification while the app is in the
 * background (the window shows the change itself when it has the focus). Returns the unsubscribe.
 */
export function notifyWatchChanges(hub: EventHub, appFocused: () => boolean, show: (n: Notice) => void = (n) => notify(n.title, n.body)): () => void {
  const onChange = watchContract.events.onChange;
  return hub.subscribe((channel, payload) => {
    if (channel !== onChange.channel || appFocused()) return;
    const parsed = onChange.payload.safeParse(payload);
    const notice = parsed.success ? watchNotice(parsed.data) : null;
    if (notice) show(notice);
  });
}
