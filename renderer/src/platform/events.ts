// Typed contract events for stores: `events.on(requestsContract.events.onTimeline, fn)`. One stream
// is opened on the first listener; every payload is checked against its schema before delivery.
import type { EventDef, EventPayload } from '../../../shared/contract';
import type { Transport } from './transport';

type Listener = (payload: unknown) => void;

export interface EventsClient {
  on<E extends EventDef>(def: E, fn: (payload: EventPayload<E>) => void): () => void;
}

export function createEvents(transport: Transport): EventsClient {
  const listeners = new Map<string, { def: EventDef; fns: Set<Listener> }>();
  let open = false;
  const dispatch = (channel: string, payload: unknown): void => {
    const entry = listeners.get(channel);
    if (!entry || entry.fns.size === 0) return;
    const parsed = entry.def.payload.safeParse(payload);
    if (!parsed.success) {
      // A malformed event says the backend and the window disagree on the contract: show it in the console, deliver nothing.
      console.error(`event ${channel}: payload does not match the contract`, parsed.error.issues[0]);
      return;
    }
    for (const fn of entry.fns) fn(parsed.data);
  };
  return {
    on(def, fn) {
      if (!open) {
        open = true;
        transport.subscribe(dispatch);
      }
      const entry = listeners.get(def.channel) ?? { def, fns: new Set<Listener>() };
      listeners.set(def.channel, entry);
      entry.fns.add(fn as Listener);
      return () => {
        entry.fns.delete(fn as Listener);
      };
    },
  };
}
