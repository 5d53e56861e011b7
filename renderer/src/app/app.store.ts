import { create } from 'zustand';
import { api } from '../platform';

interface AppState {
  version: string | null;
  transport: 'ipc' | 'http';
  backendError: string | null;
  load(): Promise<void>;
}

export const useAppStore = create<AppState>()((set) => ({
  version: null,
  transport: api.transport,
  backendError: null,
  async load() {
    try {
      const info = await api.app.info({});
      set({ version: info.version, transport: info.transport, backendError: null });
    } catch (err) {
      set({ backendError: (err as Error).message });
    }
  },
}));
