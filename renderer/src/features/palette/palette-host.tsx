import { useEffect } from 'react';
import { lazyView } from '../../ui';
import { usePaletteStore } from './palette.store';

// Not in the first paint's JavaScript; fetched once the window is idle, so the first Ctrl/Cmd+K
// never loses the keys typed right after it.
const load = () => import('./palette').then((m) => m.Palette);
const Palette = lazyView(load);

/** Ctrl/Cmd+K: every action of the app, the open tabs and the workspace's requests; mount once. */
export function CommandPalette() {
  const open = usePaletteStore((s) => s.open);
  const hide = usePaletteStore((s) => s.hide);
  useEffect(() => {
    const id = requestIdleCallback(() => void load(), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, []);
  return open ? <Palette onClose={hide} /> : null;
}
