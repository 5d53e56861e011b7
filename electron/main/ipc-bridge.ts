import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_IPC_CHANNEL, type Handler } from '../../shared/contract';
import type { EventHub } from '../services/event-hub';

/** Only frames of our own window may call; anything else gets an error, not a handler. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Map<string, Handler>, isTrusted: SenderCheck): string[] {
  for (const [channel, handler] of handlers) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden-sender', message: `${channel}: sender not allowed` } };
      return handler(args);
    });
  }
  return [...handlers.keys()];
}

/** Forwards the backend's contract events to the windows the caller lists (ours only). */
export function forwardEvents(hub: EventHub, targets: () => WebContents[]): () => void {
  return hub.subscribe((channel, payload) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(EVENT_IPC_CHANNEL, { channel, payload });
  });
}
