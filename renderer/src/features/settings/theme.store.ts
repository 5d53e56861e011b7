// The theme the user chose: follow the system (default), light or dark. Applied as <html data-theme>
// (theme.css picks its colours from color-scheme); kept in localStorage so the next start paints
// in it at once, before the backend's settings arrive.
import { create } from 'zustand';

export type ThemePref = 'system' | 'light' | 'dark';

const KEY = 'clearance.theme';

export function isThemePref(v: unknown): v is ThemePref {
  return v === 'system' || v === 'light' || v === 'dark';
}

function remembered(): ThemePref {
  try {
    const v = localStorage.getItem(KEY);
    return isThemePref(v) ? v : 'system';
  } catch (err) {
    // Storage can be off (privacy settings): the theme then follows the system until chosen.
    console.warn(`theme: ${(err as Error).message}`);
    return 'system';
  }
}

function apply(pref: ThemePref): void {
  const root = document.documentElement;
  if (pref === 'system') delete root.dataset.theme;
  else root.dataset.theme = pref;
}

interface ThemeState {
  pref: ThemePref;
  /** Applies and remembers the choice (the settings feature also stores it with the backend). */
  setPref(pref: ThemePref): void;
}

export const useThemeStore = create<ThemeState>()((set) => ({
  pref: remembered(),
  setPref(pref) {
    apply(pref);
    try {
      localStorage.setItem(KEY, pref);
    } catch (err) {
      // Only the next start's first paint needs this copy; the backend keeps the setting.
      console.warn(`theme: ${(err as Error).message}`);
    }
    set({ pref });
  },
}));

apply(useThemeStore.getState().pref);
