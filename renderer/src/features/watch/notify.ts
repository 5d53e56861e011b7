// How a watch tells the user outside the window. In the desktop app the main process shows the
// OS notification itself (electron/main/notify.ts, while the window is in the background); in a
// browser under `clearance serve` it is the page's Notification API, once the user allowed it with
// "Notify me". The in-app toast shows either way.
import type { WatchChange, WatchState } from '../../../../shared/contract';
import { api } from '../../platform';

/** `desktop`: the main process notifies; the others are the browser's permission (or none there). */
export type NotifyState = 'desktop' | 'granted' | 'denied' | 'default' | 'unsupported';

export function notifyState(): NotifyState {
  if (api.transport === 'ipc') return 'desktop';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/** Asks the browser for permission; call it from the user's click only (browsers refuse it otherwise). */
export async function askToNotify(): Promise<NotifyState> {
  const now = notifyState();
  if (now !== 'default') return now;
  return Notification.requestPermission();
}

/** A state in a few words: "200", "refused 403", "no response", "gone". */
export function stateText(s: WatchState | null): string {
  if (!s) return 'gone';
  if (s.status === null) return s.statusClass === 'error' ? 'no response' : s.statusClass;
  return s.refused ? `refused ${s.status}` : String(s.status);
}

/** "GET Orders [bob @ direct]: 200 → refused 403" */
export function changeLine(c: WatchChange): string {
  const before = c.before ? stateText(c.before) : 'new';
  return `${c.method} ${c.name}${c.column ? ` [${c.column}]` : ''}: ${before} → ${stateText(c.after)}`;
}

/** A round's changes as the browser's notification (under serve, when allowed); false when none was shown. */
export function notifyChanges(label: string, changes: WatchChange[]): boolean {
  if (notifyState() !== 'granted' || changes.length === 0) return false;
  const lines = changes.slice(0, 3).map(changeLine);
  if (changes.length > 3) lines.push(`and ${changes.length - 3} more`);
  const title = `Clearance · ${label}: ${changes.length} change${changes.length === 1 ? '' : 's'}`;
  // One notification per watch: a newer round replaces the older one instead of piling up.
  new Notification(title, { body: lines.join('\n'), tag: `clearance-watch-${label}` });
  return true;
}
