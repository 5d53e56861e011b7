// The renderer's only door to the backend: invoke for the contract's channels, and the contract's
// events (requests.onTimeline...) pushed by the main process; nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { allChannels, allEventChannels, EVENT_IPC_CHANNEL, type Result } from '../../shared/contract';

const allowed = new Set(allChannels);
const allowedEvents = new Set(allEventChannels);

export const bridge = {
  channels: [...allChannels],
  invoke(channel: string, args: unknown): Promise<Result<unknown>> {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `unknown channel ${channel}` } });
    return ipcRenderer.invoke(channel, args) as Promise<Result<unknown>>;
  },
  /** Calls `listener` for every contract event; returns the unsubscribe function. */
  subscribe(listener: (channel: string, payload: unknown) => void): () => void {
    const fn = (_e: IpcRendererEvent, msg: { channel?: unknown; payload?: unknown }): void => {
      if (typeof msg?.channel === 'string' && allowedEvents.has(msg.channel)) listener(msg.channel, msg.payload);
    };
    ipcRenderer.on(EVENT_IPC_CHANNEL, fn);
    return () => {
      ipcRenderer.removeListener(EVENT_IPC_CHANNEL, fn);
    };
  },
};

contextBridge.exposeInMainWorld('clearance', bridge);
