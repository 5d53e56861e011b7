// Keyboard for a tab strip as the WAI-ARIA tabs pattern has it: arrows, Home and End move focus
// between the tabs of the same tablist (Enter or Space then shows one), and Delete closes a
// closable tab, whose × button is for the mouse only and hidden from screen readers.
import type { KeyboardEvent } from 'react';

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function onTabKeyDown(e: KeyboardEvent<HTMLElement>, onClose?: () => void): void {
  if (e.key === 'Delete' && onClose) {
    e.preventDefault();
    onClose();
    return;
  }
  const move = MOVES[e.key];
  const list = e.currentTarget.closest('[role="tablist"]');
  if (!move || !list) return;
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const next = tabs[move(tabs.indexOf(e.currentTarget), tabs.length)];
  if (!next) return;
  e.preventDefault();
  next.focus();
}
