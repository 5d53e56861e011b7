// A request tab's context menu (right-click, or the menu key): "Compare with…".
import { useEffect, useRef, type MouseEvent } from 'react';
import { useCompareStore } from './compare.store';

/** The tab strip's onContextMenu: opens this menu at the pointer for the tab. */
export function openTabMenu(e: MouseEvent, tabId: string): void {
  e.preventDefault();
  const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
  // The menu key gives no pointer position: open under the tab.
  const x = e.clientX || r.left;
  const y = e.clientY || r.bottom;
  useCompareStore.getState().openMenu({ tabId, x, y });
}

export function TabMenu() {
  const menu = useCompareStore((s) => s.menu);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) useCompareStore.getState().openMenu(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [menu]);
  if (!menu) return null;
  const close = () => useCompareStore.getState().openMenu(null);
  return (
    <div ref={ref} className="tab-menu" role="menu" aria-label="Tab actions" style={{ left: menu.x, top: menu.y }}
      onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
      <button type="button" role="menuitem" className="tab-menu-item" onClick={() => useCompareStore.getState().pickFor(menu.tabId)}>
        Compare with…
      </button>
    </div>
  );
}
