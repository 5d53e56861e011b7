// Composition root of the desktop app: build services, bind them to IPC, open the window.
import { app, BrowserWindow, ipcMain } from 'electron';
import { createEventHub, createHandlers } from '../services';
import { pickFolder } from './dialogs';
import { forwardEvents, registerIpc } from './ipc-bridge';
import { createMainWindow, isAppUrl } from './window';

app.enableSandbox();

void app.whenReady().then(() => {
  const events = createEventHub();
  const handlers = createHandlers({ transport: 'ipc', version: app.getVersion(), pickFolder, events });
  forwardEvents(events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  registerIpc(ipcMain, handlers, (event) => isAppUrl(event.senderFrame?.url ?? '', process.env.ELECTRON_RENDERER_URL));
  createMainWindow(import.meta.dirname);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(import.meta.dirname);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
