// The last workspace.resolve of each file tab (the resolve feature fetches it for the URL
// preview): the editor reads it for variable hovers and the folder and collection headers.
import { create } from 'zustand';
import type { z } from 'zod';
import type { ResolveResultSchema } from '../../../../shared/contract';

export type Resolved = z.output<typeof ResolveResultSchema>;

interface ResolvedState {
  byTab: Record<string, { result: Resolved; env: string | null }>;
  put(tabId: string, result: Resolved, env: string | null): void;
}

export const useResolvedStore = create<ResolvedState>()((set) => ({
  byTab: {},
  put: (tabId, result, env) => set((s) => ({ byTab: { ...s.byTab, [tabId]: { result, env } } })),
}));
