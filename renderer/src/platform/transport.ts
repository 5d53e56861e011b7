// The only code that knows how the backend is reached: Electron IPC via the preload bridge,
// or loopback HTTP (`clearance serve`) with the session token.
import type { Result } from '../../../shared/contract';
import { openEventStream } from './event-stream';

export type EventListener = (channel: string, payload: unknown) => void;

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(channel: string, args: unknown): Promise<Result<unknown>>;
  /** every contract event the backend pushes; returns the unsubscribe function */
  subscribe(listener: EventListener): () => void;
}

interface PreloadBridge {
  channels: string[];
  invoke(channel: string, args: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
}

declare global {
  interface Window {
    clearance?: PreloadBridge;
  }
}

const TOKEN_KEY = 'clearance.token';

/** Takes `?token=` from the address bar into sessionStorage and removes it from the URL. */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function ipcTransport(bridge: PreloadBridge): Transport {
  return { kind: 'ipc', invoke: (channel, args) => bridge.invoke(channel, args), subscribe: (listener) => bridge.subscribe(listener) };
}

function httpTransport(token: string | null): Transport {
  return {
    kind: 'http',
    subscribe: (listener) => openEventStream(token, listener),
    async invoke(channel, args) {
      let res: Response;
      try {
        res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-clearance-token': token ?? '' },
          body: JSON.stringify(args ?? {}),
        });
      } catch (err) {
        return { ok: false, error: {
          code: 'backend-unreachable',
          message: `Could not reach the Clearance backend: ${(err as Error).message}`,
          reason: 'The `clearance serve` process stopped or the page was opened from another address.',
          remedy: 'Start `clearance serve` again and open the URL it prints.',
        } };
      }
      try {
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'bad-response', message: `The backend answered ${res.status} without a JSON result` } };
      }
    },
  };
}

export function createTransport(): Transport {
  if (typeof window !== 'undefined' && window.clearance) return ipcTransport(window.clearance);
  return httpTransport(takeToken());
}
