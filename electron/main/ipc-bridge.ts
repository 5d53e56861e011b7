import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handler } from '../../shared/contract';

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
