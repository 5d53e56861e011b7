// The renderer's only door to the backend: invoke for the contract's channels, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { allChannels, type Result } from '../../shared/contract';

const allowed = new Set(allChannels);

export const bridge = {
  channels: [...allChannels],
  invoke(channel: string, args: unknown): Promise<Result<unknown>> {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `unknown channel ${channel}` } });
    return ipcRenderer.invoke(channel, args) as Promise<Result<unknown>>;
  },
};

contextBridge.exposeInMainWorld('clearance', bridge);
