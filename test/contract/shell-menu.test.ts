// The native menu template: every palette action once, each click sending its id, the OS roles,
// and the development-only items only in development.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { AppActionIdSchema } from '../../shared/contract/app';
import { APP_ACTIONS } from '../../shared/contract/app-actions';
import { appContract } from '../../shared/contract/app';
import { buildMenuTemplate } from '../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDev: boolean) {
  const sent: string[] = [];
  const template = buildMenuTemplate({ platform, isDev, onAction: (id) => sent.push(id) });
  return { template, all: flatten(template), sent };
}

const topLabels = (t: MenuItemConstructorOptions[]) => t.map((i) => i.label ?? i.role);

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`${platform}: every action of the palette appears once and sends its own id`, () => {
      const { all, sent } = build(platform, false);
      const ids = all.filter((i) => i.id).map((i) => i.id);
      expect([...ids].sort()).toEqual(APP_ACTIONS.map((a) => a.id).sort());
      for (const item of all.filter((i) => i.id)) (item.click as () => void)();
      expect(sent).toEqual(ids);
      for (const id of sent) expect(AppActionIdSchema.safeParse(id).success).toBe(true);
    });
  }

  it('File holds Open Folder…, Import…, Save and Close Tab; Edit the clipboard roles', () => {
    const { template } = build('linux', false);
    const file = flatten(template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[]);
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual(['Open Folder…', 'Import…', 'separator', 'New Tab', 'Save', 'Close Tab', 'separator', 'quit']);
    const edit = template.find((m) => m.label === '&Edit')!.submenu as MenuItemConstructorOptions[];
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(topLabels(template)).toEqual(['&File', '&Edit', '&Request', '&View', '&Help']);
  });

  it('keys the window binds itself are shown but not registered; menu-only keys are registered', () => {
    const { all } = build('linux', false);
    const byId = new Map(all.filter((i) => i.id).map((i) => [i.id, i]));
    for (const id of ['save', 'close-tab', 'send', 'focus-url', 'new-tab']) {
      expect(byId.get(id), id).toMatchObject({ registerAccelerator: false });
      expect(byId.get(id)!.accelerator, id).toMatch(/^CmdOrCtrl\+/);
    }
    expect(byId.get('open-folder')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: true });
    expect(byId.get('command-palette')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: true });
    // Ctrl+W is Close Tab: no Window menu on Linux/Windows whose Close would take it.
    expect(all.filter((i) => i.accelerator === 'CmdOrCtrl+W')).toHaveLength(1);
    expect(all.some((i) => i.role === 'windowMenu' || i.role === 'close')).toBe(false);
  });

  it('reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => build('linux', isDev).all.map((i) => i.role).filter(Boolean);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('macOS: the app menu and Window menu, Quit not in File', () => {
    const { template, all } = build('darwin', false);
    expect(topLabels(template)).toEqual(['appMenu', '&File', '&Edit', '&Request', '&View', 'windowMenu', '&Help']);
    const file = template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    expect(file.some((i) => i.role === 'quit')).toBe(false);
    expect(all.some((i) => i.role === 'pasteAndMatchStyle')).toBe(true);
  });

  it('the action ids are the payload of the one allow-listed event, app.onMenuAction', () => {
    const ev = appContract.events.onMenuAction;
    expect(ev.channel).toBe('app.onMenuAction');
    expect(ev.payload.safeParse({ action: 'save' }).success).toBe(true);
    expect(ev.payload.safeParse({ action: 'rm -rf' }).success).toBe(false);
  });
});
