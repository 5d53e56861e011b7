// The Settings view's state: the settings the backend keeps (settings.get/set), which field is
// being saved, and what the backend refused. The theme is also applied here when it arrives, so
// a choice made in another window or an earlier session wins over this browser's cached copy.
import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../../shared/contract/settings';
import { api, toClientError } from '../../platform';
import { useThemeStore, type ThemePref } from './theme.store';

export type SettingsField = keyof Settings;

interface SettingsState {
  open: boolean;
  values: Settings | null;
  /** the settings could not be read (the file is broken): the view says why and how to fix it */
  loadError: string | null;
  /** per field: what the backend refused */
  errors: Partial<Record<SettingsField, string>>;
  /** the field whose change was saved last (a short "Saved" note) */
  saved: SettingsField | null;
  show(): void;
  hide(): void;
  load(): Promise<void>;
  /**
   * Saves one change; false (and the field's error set) when the backend refused it. `instant`: shown
   * before the backend answers (a radio moves when clicked), put back if refused; a text field keeps
   * what was typed instead, next to its error.
   */
  save(field: SettingsField, patch: SettingsPatch, opts?: { instant?: boolean }): Promise<boolean>;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  open: false,
  values: null,
  loadError: null,
  errors: {},
  saved: null,
  show() {
    set({ open: true, errors: {}, saved: null });
    void get().load();
  },
  hide: () => set({ open: false }),
  async load() {
    try {
      const values = await api.settings.get({});
      set({ values, loadError: null });
      if (values.theme !== useThemeStore.getState().pref) useThemeStore.getState().setPref(values.theme);
    } catch (err) {
      const e = toClientError(err);
      set({ loadError: `${e.message}${e.remedy ? ` ${e.remedy}` : ''}` });
    }
  },
  async save(field, patch, opts = {}) {
    const before = get().values;
    if (before && opts.instant) set({ values: { ...before, ...patch } as Settings, saved: null });
    try {
      const values = await api.settings.set({ patch });
      set((s) => ({ values, saved: field, errors: { ...s.errors, [field]: undefined } }));
      return true;
    } catch (err) {
      const e = toClientError(err);
      // The contract names the field first ("settings.set: patch.proxy.url: …"): the rest is the reason.
      const message = e.message.replace(/^settings\.set: patch\.[\w.]+: /, '');
      set((s) => ({ values: before ?? s.values, saved: null, errors: { ...s.errors, [field]: message } }));
      return false;
    }
  },
}));

export function openSettings(): void {
  useSettingsStore.getState().show();
}

/** The palette's and the Settings view's theme choice: shown at once, kept with the backend. */
export function chooseTheme(pref: ThemePref): void {
  useThemeStore.getState().setPref(pref);
  void useSettingsStore.getState().save('theme', { theme: pref }, { instant: true });
}
