import { useEffect } from 'react';
import { actionForKey, runAppAction } from '../features/palette';
import { api } from '../platform';
import { onMenuAction } from '../platform/menu-actions';

/**
 * The actions' keys (shared/contract/app-actions.ts): Ctrl/Cmd+Enter send (Run in the Runner), +S save,
 * +L URL, +T new tab, +W close tab, and in the browser (no native menu) +K palette, +, settings, +O open.
 * The desktop menu's actions (app.onMenuAction) run here too.
 * Listens in the capture phase so Monaco (which binds Ctrl+Enter and Ctrl+K itself) does not swallow them.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const nativeMenu = api.transport === 'ipc';
    const onKey = (e: KeyboardEvent) => {
      const action = actionForKey(e, nativeMenu);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      runAppAction(action);
    };
    window.addEventListener('keydown', onKey, true);
    // The desktop menu's choices run through the same dispatcher as the keys and the palette.
    const offMenu = onMenuAction(runAppAction);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      offMenu();
    };
  }, []);
}
