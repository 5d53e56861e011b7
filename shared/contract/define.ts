import type { z } from 'zod';

export interface MethodDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly args: A;
  readonly result: R;
}

/** A stream the backend pushes to the window (IPC: webContents.send; serve: GET /events). */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly payload: P;
}

export interface ServiceDef {
  readonly service: string;
  readonly methods: Readonly<Record<string, MethodDef>>;
  readonly events?: Readonly<Record<string, EventDef>>;
}

/** The payload type of an event. */
export type EventPayload<E extends EventDef> = z.output<E['payload']>;

/** What a service implements: zod-parsed args in, a value the result schema accepts out. */
export type ServiceImpl<S extends ServiceDef> = {
  [K in keyof S['methods']]: (args: z.output<S['methods'][K]['args']>) => Promise<z.input<S['methods'][K]['result']>>;
};

/** What a client calls: raw args in, parsed result out (errors are thrown by the client). */
export type ServiceClient<S extends ServiceDef> = {
  [K in keyof S['methods']]: (args: z.input<S['methods'][K]['args']>) => Promise<z.output<S['methods'][K]['result']>>;
};

export function defineService<const S extends ServiceDef>(def: S): S {
  for (const [name, m] of Object.entries(def.methods)) {
    if (m.channel !== `${def.service}.${name}`) throw new Error(`channel ${m.channel} must be ${def.service}.${name}`);
  }
  for (const [name, e] of Object.entries(def.events ?? {})) {
    if (e.channel !== `${def.service}.${name}` || !/^on[A-Z]/.test(name)) throw new Error(`event ${e.channel} must be ${def.service}.on<Event>`);
  }
  return def;
}
