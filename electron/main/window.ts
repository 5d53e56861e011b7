import { BrowserWindow, dialog } from 'electron';
import { DEFAULT_WINDOW_STATE, MIN_SIZE, type WindowState } from './window-state';

export interface MainWindowOptions {
  /** the built preload script (out/preload/index.cjs) */
  preload: string;
  /** app://clearance/index.html, or the dev server in development */
  url: string;
  state?: WindowState;
  /** called once when the window closes, with its normal (unmaximised) bounds */
  saveState?(state: WindowState): void;
}

/** The one window. Its preferences are written out here, literally, so electronegativity can read them. */
export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  const s = o.state ?? DEFAULT_WINDOW_STATE;
  const win = new BrowserWindow({
    width: s.width,
    height: s.height,
    ...(s.x !== undefined && s.y !== undefined ? { x: s.x, y: s.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Clearance',
    show: false,
    webPreferences: {
      // It exposes invoke/subscribe for the contract's channels and events only (electron/preload).
      preload: o.preload, // eng-disable PRELOAD_JS_CHECK: reviewed, see the line above
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would ask for a new window; there are none.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (s.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  if (o.saveState) {
    const save = o.saveState;
    win.on('close', () => save({ ...win.getNormalBounds(), maximized: win.isMaximized() }));
  }
  win.loadURL(o.url).catch((err: Error) => {
    // A bundle that does not load leaves an empty window: say why instead.
    dialog.showErrorBox('Clearance could not load its window', `${o.url}: ${err.message}`);
  });
  return win;
}
