import { useEffect } from 'react';
import { sendTab, useRequestEditorStore } from '../features/request-editor';
import { useRunnerStore } from '../features/runner';
import { closeTabAsking, saveActiveTab } from '../features/workspace';

/**
 * Ctrl/Cmd+Enter send (Run in the Runner), Ctrl/Cmd+S save, Ctrl/Cmd+L URL, Ctrl/Cmd+T new tab, Ctrl/Cmd+W close tab.
 * Listens in the capture phase so Monaco (which binds Ctrl+Enter itself) does not swallow them.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const store = useRequestEditorStore.getState();
      const runner = useRunnerStore.getState();
      // In front of the editor, the Runner takes Ctrl/Cmd+Enter as Run.
      if (key === 'enter' && runner.visible) void runner.start();
      else if (key === 'enter') sendTab();
      else if (key === 's' && !e.shiftKey) void saveActiveTab();
      else if (key === 'l') {
        const input = document.getElementById('request-url') as HTMLInputElement | null;
        input?.focus();
        input?.select();
      } else if (key === 't' && !e.shiftKey) store.newTab();
      else if (key === 'w' && !e.shiftKey) void closeTabAsking(store.activeId);
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
