// The window's half of the menu: the preload bridge delivers app.onMenuAction and the renderer's
// platform seam hands each valid action id to the app (an unknown id never reaches it).
import { describe, expect, it, vi } from 'vitest';

type Listener = (channel: string, payload: unknown) => void;
const listeners: Listener[] = [];
const bridge = {
  channels: [],
  invoke: vi.fn(),
  subscribe: (fn: Listener) => { listeners.push(fn); return () => listeners.splice(listeners.indexOf(fn), 1); },
};
// What the preload exposes in Electron; the platform picks the IPC transport when it is there.
Object.assign(globalThis, { window: { clearance: bridge } });

describe('onMenuAction (renderer/src/platform/menu-actions.ts)', () => {
  it('runs each menu action the main process sends, validated against the action list', async () => {
    const { onMenuAction, APP_ACTIONS } = await import('../../renderer/src/platform/menu-actions');
    const { loadContracts } = await import('../../renderer/src/platform');
    expect(APP_ACTIONS.map((a) => a.id)).toContain('save');
    const ran: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stop = onMenuAction((id) => ran.push(id));
    expect(listeners).toHaveLength(1);
    listeners[0]!('app.onMenuAction', { action: 'save' });
    listeners[0]!('app.onMenuAction', { action: 'format-disk' });
    listeners[0]!('requests.onTimeline', { action: 'close-tab' });
    listeners[0]!('app.onMenuAction', { action: 'open-folder' });
    // The contracts' schemas load after the first paint: events that came before them wait, in order.
    expect(ran).toEqual([]);
    await loadContracts();
    await new Promise((r) => setTimeout(r, 0)); // every promise callback queued by then has run
    expect(ran).toEqual(['save', 'open-folder']);
    expect(errors).toHaveBeenCalledTimes(1);
    // Once loaded, each event is checked and delivered as it comes.
    listeners[0]!('app.onMenuAction', { action: 'close-tab' });
    listeners[0]!('app.onMenuAction', { action: 'format-disk' });
    expect(ran).toEqual(['save', 'open-folder', 'close-tab']);
    expect(errors).toHaveBeenCalledTimes(2);
    stop();
    listeners[0]!('app.onMenuAction', { action: 'save' });
    expect(ran).toEqual(['save', 'open-folder', 'close-tab']);
  });
});
