// Which theme the window shows: the user's choice (<html data-theme>, set by the settings feature)
// or else the OS's. For what CSS cannot colour itself (Monaco's theme).
import { useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';

export function resolvedTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia(DARK).matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(DARK);
  mql.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    mql.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

export function useResolvedTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, resolvedTheme);
}
