import { describe, expect, it, vi } from 'vitest';

// Records what the shell asks of Electron; the binary itself cannot run here.
const created: Array<Record<string, unknown>> = [];
const handlers: Record<string, (...a: unknown[]) => unknown> = {};
let cspListener: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
let permissionHandler: ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void) | undefined;
const loaded: string[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (fn: (...a: unknown[]) => unknown) => { handlers.open = fn; },
      on: (event: string, fn: (...a: unknown[]) => unknown) => { handlers[event] = fn; },
    };
    constructor(opts: Record<string, unknown>) { created.push(opts); }
    once() {}
    loadFile(p: string) { loaded.push(p); return Promise.resolve(); }
    loadURL(u: string) { loaded.push(u); return Promise.resolve(); }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    session: { defaultSession: {
      webRequest: { onHeadersReceived: (fn: typeof cspListener) => { cspListener = fn; } },
      setPermissionRequestHandler: (fn: typeof permissionHandler) => { permissionHandler = fn; },
    } },
  };
});

describe('main window', () => {
  it('is hardened: isolation, sandbox, no node, CSP, no navigation or permissions', async () => {
    const { createMainWindow, CSP } = await import('../../electron/main/window');
    createMainWindow('/app/out/main');
    const prefs = created[0]!.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(loaded).toEqual(['/app/out/renderer/index.html']);

    let headers: Record<string, string[]> = {};
    cspListener!({ responseHeaders: {} }, (r) => { headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders; });
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).not.toMatch(/https?:|unsafe-eval/);

    const prevented = vi.fn();
    handlers['will-navigate']!({ preventDefault: prevented }, 'https://evil.example/');
    expect(prevented).toHaveBeenCalled();
    expect(handlers.open!({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });

    let granted: boolean | undefined;
    permissionHandler!(null, 'camera', (ok) => { granted = ok; });
    expect(granted).toBe(false);
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
