// The composition root (electron/main/index.ts) against a recording Electron: what it registers
// before and after `ready`, the single-instance hand-over, the menu reaching the window over the one
// event channel, and the window state across a restart.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_IPC_CHANNEL } from '../../shared/contract';

type Fn = (...a: unknown[]) => unknown;

const rec = vi.hoisted(() => ({
  userData: '',
  lock: true,
  order: [] as string[],
  appOn: {} as Record<string, (...a: unknown[]) => unknown>,
  schemes: [] as unknown[],
  handled: {} as Record<string, (req: Request) => Promise<Response>>,
  ipc: new Map<string, (...a: unknown[]) => Promise<unknown>>(),
  menu: [] as unknown[],
  windows: [] as Array<{ opts: Record<string, unknown>; on: Record<string, (...a: unknown[]) => unknown>; calls: string[]; sent: unknown[]; self?: unknown }>,
  focusedWindow: null as unknown,
  quit: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => rec.windows.map((w) => w.self);
    static getFocusedWindow = () => rec.focusedWindow;
    rec: (typeof rec.windows)[number];
    webContents: { isDestroyed(): boolean; send(c: string, m: unknown): void };
    constructor(opts: Record<string, unknown>) {
      this.rec = { opts, on: {}, calls: [], sent: [] };
      const r = this.rec;
      this.webContents = { isDestroyed: () => false, send: (c, m) => { r.sent.push([c, m]); } };
      rec.windows.push(Object.assign(this.rec, { self: this }));
    }
    once(e: string, fn: Fn) { this.rec.on[`once:${e}`] = fn; }
    on(e: string, fn: Fn) { this.rec.on[e] = fn; }
    maximize() { this.rec.calls.push('maximize'); }
    isMaximized() { return false; }
    isMinimized() { return true; }
    isVisible() { return false; }
    restore() { this.rec.calls.push('restore'); }
    show() { this.rec.calls.push('show'); }
    focus() { this.rec.calls.push('focus'); }
    getNormalBounds() { return { x: 100, y: 80, width: 1200, height: 800 }; }
    loadURL(url: string) { this.rec.calls.push(`load ${url}`); return Promise.resolve(); }
  }
  class Notification {
    static isSupported = () => false;
  }
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((r) => { ready = r; });
  return {
    app: {
      enableSandbox: () => rec.order.push('enableSandbox'),
      requestSingleInstanceLock: () => { rec.order.push('lock'); return rec.lock; },
      quit: () => { rec.quit++; },
      on: (e: string, fn: Fn) => { rec.appOn[e] = fn; },
      whenReady: () => { rec.order.push('whenReady'); setTimeout(() => ready(), 0); return whenReady; },
      getPath: () => rec.userData,
      getVersion: () => '9.9.9',
      isPackaged: true,
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => { rec.order.push('registerSchemes'); rec.schemes.push(...s); },
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => { rec.order.push(`handle ${scheme}`); rec.handled[scheme] = fn; },
    },
    session: { defaultSession: {
      setPermissionRequestHandler: () => rec.order.push('permissionRequest'),
      setPermissionCheckHandler: () => rec.order.push('permissionCheck'),
      webRequest: { onHeadersReceived: () => rec.order.push('csp') },
      on: (event: string) => rec.order.push(`session ${event}`),
    } },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: { openExternal: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: { handle: (c: string, fn: (...a: unknown[]) => Promise<unknown>) => { rec.ipc.set(c, fn); } },
    Menu: {
      buildFromTemplate: (t: unknown[]) => t,
      setApplicationMenu: (m: unknown[]) => { rec.order.push('menu'); rec.menu = m; },
    },
    Notification,
    BrowserWindow,
  };
});

const home = mkdtempSync(join(tmpdir(), 'clearance-shell-boot-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function reset(lock: boolean): void {
  rec.userData = join(home, `user-data-${Math.random().toString(36).slice(2)}`);
  rec.lock = lock;
  rec.order = [];
  rec.appOn = {};
  rec.schemes = [];
  rec.handled = {};
  rec.ipc = new Map();
  rec.menu = [];
  rec.windows = [];
  rec.focusedWindow = null;
  rec.quit = 0;
}

async function boot(lock = true, before?: () => void): Promise<void> {
  reset(lock);
  before?.();
  vi.resetModules();
  await import('../../electron/main/index');
  if (lock) await vi.waitFor(() => expect(rec.windows).toHaveLength(1));
}

function menuItem(id: string): MenuItemConstructorOptions {
  const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
  return all(rec.menu as MenuItemConstructorOptions[]).find((i) => i.id === id)!;
}

describe('desktop shell start-up', () => {
  beforeEach(() => vi.spyOn(process, 'emitWarning').mockImplementation(() => {}));

  it('registers app:// as privileged before ready, then serves it, guards, menu and window after', async () => {
    await boot();
    expect(rec.order.slice(0, 4)).toEqual(['enableSandbox', 'registerSchemes', 'lock', 'whenReady']);
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(rec.order).toEqual(expect.arrayContaining(['handle app', 'permissionRequest', 'permissionCheck', 'csp', 'session will-download', 'menu']));
    expect(Object.keys(rec.appOn).sort()).toEqual(['activate', 'second-instance', 'web-contents-created', 'window-all-closed']);
    const w = rec.windows[0]!;
    expect(w.calls).toContain('load app://clearance/index.html');
    expect(w.opts.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // The handler is the real one: it refuses a way out of the bundle.
    const res = await rec.handled.app!(new Request('app://clearance/assets/%2e%2e%5c..%5csecret'));
    expect(res.status).toBe(403);
  });

  it('IPC answers app:// frames only', async () => {
    await boot();
    const info = rec.ipc.get('app.info')!;
    expect(await info({ senderFrame: { url: 'app://clearance/index.html' } }, {})).toMatchObject({ ok: true, value: { version: '9.9.9', transport: 'ipc' } });
    expect(await info({ senderFrame: { url: 'file:///home/u/evil.html' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('a menu choice reaches the window as app.onMenuAction on the one event channel', async () => {
    await boot();
    (menuItem('open-folder').click as () => void)();
    (menuItem('theme-dark').click as () => void)();
    expect(rec.windows[0]!.sent).toEqual([
      [EVENT_IPC_CHANNEL, { channel: 'app.onMenuAction', payload: { action: 'open-folder' } }],
      [EVENT_IPC_CHANNEL, { channel: 'app.onMenuAction', payload: { action: 'theme-dark' } }],
    ]);
    // Packaged: no reload item.
    expect(JSON.stringify(rec.menu)).not.toContain('"reload"');
  });

  it('single instance: a second start quits before ready; the first brings its window to the front', async () => {
    await boot(false);
    expect(rec.quit).toBe(1);
    expect(rec.order).not.toContain('whenReady');
    expect(rec.windows).toHaveLength(0);

    await boot(true);
    const w = rec.windows[0]!;
    w.calls.length = 0;
    rec.appOn['second-instance']!({}, ['clearance'], '/home/u');
    expect(w.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('window state: saved on close, used on the next start; a corrupt file is set aside and reported', async () => {
    await boot();
    const stateFile = join(rec.userData, 'window-state.json');
    rec.windows[0]!.on.close!();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: false });

    const userData = rec.userData;
    await boot(true, () => { rec.userData = userData; });
    expect(rec.windows[0]!.opts).toMatchObject({ x: 100, y: 80, width: 1200, height: 800 });

    const warnings = vi.mocked(process.emitWarning);
    warnings.mockClear();
    await boot(true, () => {
      mkdirSync(rec.userData, { recursive: true });
      writeFileSync(join(rec.userData, 'window-state.json'), '{"width": 12');
    });
    expect(rec.windows[0]!.opts).toMatchObject({ width: 1320, height: 860 });
    expect(rec.windows[0]!.opts).not.toHaveProperty('x');
    const files = readdirSync(rec.userData);
    const kept = files.find((f) => f.startsWith('window-state.json.corrupt-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(rec.userData, kept!), 'utf8')).toBe('{"width": 12');
    expect(String(warnings.mock.calls[0]?.[0])).toContain('is corrupt');
  });
});
