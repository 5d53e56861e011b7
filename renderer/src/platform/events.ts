// Typed contract events for stores: `events.on('requests', 'onTimeline', fn)`. One stream is opened on
// the first listener; every payload is checked against its schema before delivery. The schemas load
// after the first paint, so events that arrive before them wait, in order.
import type { EventDef, EventPayload, ServiceDef } from '../../../shared/contract';
import type { Services } from './contracts';
import type { Transport } from './transport';

type Listener = (payload: unknown) => void;
type EventsOf<S extends keyof Services> = Services[S] extends { readonly events: infer E } ? E : Record<never, never>;
type PayloadOf<S extends keyof Services, E extends keyof EventsOf<S>> = EventsOf<S>[E] extends infer D extends EventDef ? EventPayload<D> : never;

export interface EventsClient {
  on<S extends keyof Services, E extends keyof EventsOf<S> & string>(service: S, event: E, fn: (payload: PayloadOf<S, E>) => void): () => void;
}

export function createEvents(transport: Transport, contracts: () => Promise<Record<string, ServiceDef>>): EventsClient {
  const listeners = new Map<string, Set<Listener>>();
  let defs: Record<string, ServiceDef> | null = null;
  const waiting: Array<[string, unknown]> = [];
  let open = false;
  const deliver = (all: Record<string, ServiceDef>, channel: string, payload: unknown): void => {
    const fns = listeners.get(channel);
    if (!fns || fns.size === 0) return;
    const dot = channel.indexOf('.');
    const def = all[channel.slice(0, dot)]?.events?.[channel.slice(dot + 1)];
    const parsed = def?.payload.safeParse(payload);
    if (!parsed?.success) {
      // A malformed event says the backend and the window disagree on the contract: show it in the console, deliver nothing.
      console.error(`event ${channel}: payload does not match the contract`, parsed?.error.issues[0] ?? 'no such event');
      return;
    }
    for (const fn of fns) fn(parsed.data);
  };
  const dispatch = (channel: string, payload: unknown): void => {
    if (defs) return deliver(defs, channel, payload);
    waiting.push([channel, payload]);
  };
  return {
    on(service, event, fn) {
      if (!open) {
        open = true;
        transport.subscribe(dispatch);
        contracts().then((all) => {
          defs = all;
          for (const [channel, payload] of waiting.splice(0)) deliver(all, channel, payload);
        }, (err: unknown) => {
          // Every backend call needs the same chunk and shows its failure; here the held events cannot be checked, so say why they go undelivered.
          console.error(`events: the contracts did not load, ${waiting.length} event(s) not delivered`, err);
        });
      }
      const channel = `${service}.${event}`;
      const fns = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, fns);
      fns.add(fn as Listener);
      return () => {
        fns.delete(fn as Listener);
      };
    },
  };
}
