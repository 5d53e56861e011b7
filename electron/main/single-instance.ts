// One app at a time: a second start hands over to the first (its window comes to the front) and quits,
// so two processes never write the same history and window-state files.
import type { App, BrowserWindow } from 'electron';

type Focusable = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>;

/** Restored if minimised, shown if hidden, then focused; false when there is no window yet. */
export function bringToFront(win: Focusable | null | undefined): boolean {
  if (!win) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return true;
}

/** True when this process holds the lock; otherwise it has asked the app to quit. */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>, mainWindow: () => Focusable | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => bringToFront(mainWindow()));
  return true;
}
