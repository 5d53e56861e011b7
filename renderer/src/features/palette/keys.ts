// Keyboard shortcuts from the actions' accelerators (Electron syntax, shared/contract/app-actions.ts):
// one table for the menu, the palette's hints and the window's keys. Pure, unit-tested.
import { APP_ACTIONS, type AppAction, type AppActionId } from '../../../../shared/contract/app-actions';

interface KeyLike { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }

function matches(accelerator: string, e: KeyLike): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
  if (e.shiftKey !== parts.includes('Shift')) return false;
  return e.key.toLowerCase() === key;
}

/**
 * The action a key press runs in the window. With a native menu (the desktop app) the menu owns the
 * accelerators it registers and the window only the keys marked keyInWindow; without one (the
 * browser) the window takes them all.
 */
export function actionForKey(e: KeyLike, nativeMenu: boolean): AppActionId | null {
  const hit = (APP_ACTIONS as readonly AppAction[]).find((a) => a.accelerator && (a.keyInWindow || !nativeMenu) && matches(a.accelerator, e));
  return (hit?.id as AppActionId | undefined) ?? null;
}

/** How the palette shows an accelerator: ⌘K on a Mac, Ctrl+K elsewhere. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').map((p) => {
    if (p === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl';
    if (p === 'Shift') return mac ? '⇧' : 'Shift';
    if (p === 'Enter') return mac ? '↩' : 'Enter';
    return p.length === 1 ? p.toUpperCase() : p;
  });
  return mac ? parts.join('') : parts.join('+');
}
