import { beforeEach, describe, expect, it, vi } from 'vitest';

// Records what the shell asks of Electron; the binary itself cannot run here.
type Fn = (...a: unknown[]) => unknown;
const created: Array<Record<string, unknown>> = [];
const loaded: string[] = [];
const errorBoxes: Array<[string, string]> = [];
let loadResult: Promise<void> = Promise.resolve();
const windows: Array<{ listeners: Record<string, Fn>; maximized: boolean }> = [];
const lastWindow = () => windows.at(-1)!;

vi.mock('electron', () => {
  class BrowserWindow {
    listeners: Record<string, Fn> = {};
    maximized = false;
    constructor(opts: Record<string, unknown>) {
      created.push(opts);
      windows.push(this);
    }
    once(event: string, fn: Fn) { this.listeners[event] = fn; }
    on(event: string, fn: Fn) { this.listeners[event] = fn; }
    maximize() { this.maximized = true; }
    isMaximized() { return this.maximized; }
    getNormalBounds() { return { x: 40, y: 30, width: 1100, height: 700 }; }
    loadURL(u: string) { loaded.push(u); return loadResult; }
  }
  return {
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, text: string) => { errorBoxes.push([title, text]); },
      showOpenDialog: vi.fn(),
    },
  };
});

beforeEach(() => {
  created.length = 0;
  loaded.length = 0;
  errorBoxes.length = 0;
  loadResult = Promise.resolve();
});

describe('main window', () => {
  it('is hardened: isolation, sandbox, no node, no webviews, no navigation on drop; loads app://', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    createMainWindow({ preload: '/app/out/preload/index.cjs', url: 'app://clearance/index.html' });
    const prefs = created[0]!.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false, experimentalFeatures: false,
    });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(loaded).toEqual(['app://clearance/index.html']);
    expect(created[0]).toMatchObject({ width: 1320, height: 860, minWidth: 900, minHeight: 560, show: false });
    expect(created[0]).not.toHaveProperty('x');
  });

  it('opens with the remembered bounds and maximised, and hands its bounds back on close', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    const saved: unknown[] = [];
    createMainWindow({ preload: '/p.cjs', url: 'app://clearance/index.html', state: { x: 5, y: 6, width: 1000, height: 640, maximized: true }, saveState: (s) => saved.push(s) });
    expect(created[0]).toMatchObject({ x: 5, y: 6, width: 1000, height: 640 });
    expect(lastWindow().maximized).toBe(true);
    expect(saved).toEqual([]);
    lastWindow().listeners.close!();
    expect(saved).toEqual([{ x: 40, y: 30, width: 1100, height: 700, maximized: true }]);
  });

  it('a bundle that fails to load is said in an error box, not left as an empty window', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    loadResult = Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    createMainWindow({ preload: '/p.cjs', url: 'app://clearance/index.html' });
    await vi.waitFor(() => expect(errorBoxes).toHaveLength(1));
    expect(errorBoxes[0]![1]).toContain('ERR_FILE_NOT_FOUND');
  });
});

describe('native folder picker', () => {
  it('returns the chosen folder, or null when cancelled', async () => {
    const electron = await import('electron');
    const calls: unknown[] = [];
    Object.assign(electron, {
      dialog: { showOpenDialog: async (...args: unknown[]) => { calls.push(args.at(-1)); return calls.length === 1 ? { canceled: false, filePaths: ['/home/u/api'] } : { canceled: true, filePaths: [] }; } },
    });
    Object.assign(electron.BrowserWindow, { getFocusedWindow: () => null });
    const { pickFolder } = await import('../../electron/main/dialogs');
    expect(await pickFolder()).toBe('/home/u/api');
    expect(calls[0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    expect(await pickFolder('Import into')).toBeNull();
  });
});

describe('native file picker', () => {
  it('returns the chosen file (files only), or null when cancelled; serve mode has none', async () => {
    const electron = await import('electron');
    const calls: unknown[] = [];
    Object.assign(electron, {
      dialog: { showOpenDialog: async (...args: unknown[]) => { calls.push(args.at(-1)); return calls.length === 1 ? { canceled: false, filePaths: ['/home/u/photo.png'] } : { canceled: true, filePaths: [] }; } },
    });
    Object.assign(electron.BrowserWindow, { getFocusedWindow: () => null });
    const { pickFile } = await import('../../electron/main/dialogs');
    expect(await pickFile()).toBe('/home/u/photo.png');
    expect(calls[0]).toMatchObject({ properties: ['openFile'] });
    expect(await pickFile('Part file')).toBeNull();
    const { createAppService } = await import('../../electron/services/app.service');
    const served = createAppService({ version: '0', transport: 'http', pickFile: async () => '/never' });
    expect(await served.pickFile({})).toEqual({ path: null });
  });
});

describe('native save dialog', () => {
  it("the window's own blob downloads get a Save dialog in Downloads; any other download is refused", async () => {
    const { saveDownloadsWithDialog } = await import('../../electron/main/dialogs');
    let onDownload: Fn | undefined;
    saveDownloadsWithDialog({ on: (_e: string, fn: Fn) => { onDownload = fn; } } as never, '/home/u/Downloads');
    const download = (url: string, filename: string) => {
      const event = { preventDefault: vi.fn() };
      const options: unknown[] = [];
      onDownload!(event, { getURL: () => url, getFilename: () => filename, setSaveDialogOptions: (o: unknown) => options.push(o) });
      return { refused: event.preventDefault.mock.calls.length > 0, options };
    };
    expect(download('blob:app://clearance/5f0c', 'diagnosis.md')).toEqual({ refused: false, options: [{ title: 'Save', defaultPath: '/home/u/Downloads/diagnosis.md' }] });
    expect(download('blob:app://clearance/5f0c', '../../.bashrc').options).toEqual([{ title: 'Save', defaultPath: '/home/u/Downloads/.bashrc' }]);
    for (const url of ['https://evil.example/payload.exe', 'blob:https://evil.example/1', 'data:text/plain,x', 'file:///etc/passwd']) {
      expect(download(url, 'x'), url).toEqual({ refused: true, options: [] });
    }
  });
});
