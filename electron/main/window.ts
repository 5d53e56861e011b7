import { BrowserWindow, session, shell, type WebPreferences } from 'electron';
import { join } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const WEB_PREFERENCES: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
};

/** True for the app's own pages only: file:// of the bundled renderer or the dev server. */
export function isAppUrl(url: string, devUrl: string | undefined): boolean {
  if (devUrl && url.startsWith(devUrl)) return true;
  return url.startsWith('file://');
}

export function createMainWindow(dirname: string): BrowserWindow {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'Clearance',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: join(dirname, '../preload/index.cjs') },
  });
  win.once('ready-to-show', () => win.show());
  // No remote content in the window: external links open in the browser, navigation elsewhere is refused.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault();
  });
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(dirname, '../renderer/index.html'));
  return win;
}
