// Events the backend pushes to the window (contract `events`): services emit, each transport
// forwards to its clients (IPC: webContents.send; serve: the GET /events stream).
export type EventListener = (channel: string, payload: unknown) => void;

export interface EventHub {
  emit(channel: string, payload: unknown): void;
  /** returns the unsubscribe function */
  subscribe(fn: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(channel, payload) {
      for (const fn of listeners) {
        try {
          fn(channel, payload);
        } catch (err) {
          // One broken client (a closed window, a dropped stream) must not stop the send or the others.
          process.emitWarning(`event ${channel}: a listener failed: ${(err as Error).message}`);
        }
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
