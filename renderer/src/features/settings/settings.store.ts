import { create } from 'zustand';

interface SettingsState {
  open: boolean;
  show(): void;
  hide(): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

export function openSettings(): void {
  useSettingsStore.getState().show();
}
