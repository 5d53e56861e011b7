// The top bar's Key ▾ / Gateway ▾ choice per request tab: sent with workspace.sendRequest as an
// override of the request/folder/collection default. No imports from other features, so the
// workspace's sender can read it without an import cycle.
import { create } from 'zustand';

/** undefined = the default in effect; `none` (key) / `direct` (gateway) = explicitly none; else a profile name. */
export interface ProfileOverride {
  key?: string;
  gateway?: string;
}

interface OverridesState {
  byTab: Record<string, ProfileOverride>;
  set(tabId: string, patch: ProfileOverride): void;
  clearAll(): void;
}

export const useProfileOverrides = create<OverridesState>()((set) => ({
  byTab: {},
  set: (tabId, patch) => set((s) => {
    const next: ProfileOverride = { ...s.byTab[tabId], ...patch };
    for (const k of ['key', 'gateway'] as const) if (next[k] === undefined || next[k] === '') delete next[k];
    return { byTab: { ...s.byTab, [tabId]: next } };
  }),
  clearAll: () => set({ byTab: {} }),
}));

/** The override of a tab, ready to spread into workspace.sendRequest / requests.send args. */
export function overrideFor(tabId: string): ProfileOverride {
  return useProfileOverrides.getState().byTab[tabId] ?? {};
}
