// Composition root of the desktop app: one instance, the app:// scheme, guards on every web
// contents, services bound to IPC, the menu, watch notifications, then the window.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { appContract } from '../../shared/contract/app';
import { createEventHub, createHandlers } from '../services';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, handleAppRequest } from './app-protocol';
import { pickFile, pickFolder, saveDownloadsWithDialog } from './dialogs';
import { guardContents, guardSession, isAppUrl } from './guards';
import { forwardEvents, registerIpc } from './ipc-bridge';
import { buildMenuTemplate } from './menu';
import { notifyWatchChanges } from './notify';
import { claimSingleInstance } from './single-instance';
import { createMainWindow } from './window';
import { loadWindowState, saveWindowState } from './window-state';

const devUrl = process.env.ELECTRON_RENDERER_URL;
const here = import.meta.dirname;
let mainWindow: BrowserWindow | null = null;

app.enableSandbox();
// Before `ready`, as Electron requires: app:// is a standard, secure origin for the bundle.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function openWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const loaded = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  if (loaded.problem) process.emitWarning(loaded.problem);
  const win = createMainWindow({
    preload: join(here, '../preload/index.cjs'),
    url: devUrl ?? APP_INDEX_URL,
    state: loaded.state,
    saveState: loaded.doNotSave ? undefined : (state) => {
      try {
        saveWindowState(stateFile, state);
      } catch (err) {
        // Closing must not fail over a window position; the next start opens at the last saved one.
        process.emitWarning(`window state not saved: ${(err as Error).message}`);
      }
    },
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

function start(): void {
  const rendererRoot = join(here, '../renderer');
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rendererRoot));
  guardSession(session.defaultSession, devUrl);
  saveDownloadsWithDialog(session.defaultSession, app.getPath('downloads'), devUrl);
  // Only what guards.ts's externalLinkTarget accepted gets here: http(s), a host, no credentials.
  const openExternal = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: checked above
  app.on('web-contents-created', (_e, wc) => guardContents(wc, { devUrl, openExternal }));

  const events = createEventHub();
  const handlers = createHandlers({ transport: 'ipc', version: app.getVersion(), pickFolder, pickFile, events });
  forwardEvents(events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  registerIpc(ipcMain, handlers, (event) => isAppUrl(event.senderFrame?.url ?? '', devUrl));
  notifyWatchChanges(events, () => BrowserWindow.getFocusedWindow() !== null);

  const onMenuAction = appContract.events.onMenuAction.channel;
  const template = buildMenuTemplate({ platform: process.platform, isDev: !app.isPackaged, onAction: (action) => events.emit(onMenuAction, { action }) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  mainWindow = openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
}

if (claimSingleInstance(app, () => mainWindow)) {
  app.whenReady().then(start).catch((err: Error) => {
    dialog.showErrorBox('Clearance could not start', err.stack ?? err.message);
    app.quit();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
