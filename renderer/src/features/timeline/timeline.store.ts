import { create } from 'zustand';

interface TimelineState {
  /** The raw event list is long; it stays folded until asked for. */
  showEvents: boolean;
  toggleEvents(): void;
}

export const useTimelineStore = create<TimelineState>()((set) => ({
  showEvents: false,
  toggleEvents: () => set((s) => ({ showEvents: !s.showEvents })),
}));
