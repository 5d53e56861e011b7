import type { ServiceDef } from '../../../shared/contract';
import { createClient } from './client';
import type { Schemas, Services } from './contracts';
import { createEvents } from './events';
import { createTransport } from './transport';

export { ClientError, toClientError } from './client-error';
export type { Transport } from './transport';
export type { EventsClient } from './events';

const transport = createTransport();

type Contracts = typeof import('./contracts');
let loaded: Contracts | null = null;
let loading: Promise<Contracts> | null = null;

/**
 * Resolves after the next frame: the window's first calls go out during its first render, and
 * building every schema (tens of ms) then would hold the first paint. A hidden window draws no
 * frame, so a short timer stands in.
 */
function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => { clearTimeout(timer); setTimeout(resolve, 0); });
  });
}

/** The contracts' zod schemas, in their own chunk: loaded on the first call, or when the window is idle. */
export function loadContracts(): Promise<Contracts> {
  loading ??= afterNextFrame().then(() => import('./contracts')).then((m) => (loaded = m));
  return loading;
}

/** The model schemas once the contracts are loaded; every backend reply waits for them, so code that
 *  handles a reply (a request file read from disk) always finds them. */
export function loadedSchemas(): Schemas | null {
  return loaded?.schemas ?? null;
}

const all = async (): Promise<Record<string, ServiceDef>> => (await loadContracts()).services;
const client = <K extends keyof Services>(name: K) =>
  createClient<Services[K]>(name, transport, async () => (await loadContracts()).services[name]);

/** The backend, typed from shared/contract. Only stores call these; views never do. */
export const api = {
  transport: transport.kind,
  app: client('app'),
  requests: client('requests'),
  workspace: client('workspace'),
  history: client('history'),
  imports: client('imports'),
  profiles: client('profiles'),
  diagnosis: client('diagnosis'),
  runner: client('runner'),
  matrix: client('matrix'),
  watch: client('watch'),
  settings: client('settings'),
  /** contract events pushed by the backend (a send's live timeline) */
  events: createEvents(transport, all),
};
