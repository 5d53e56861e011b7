// The native menu: the palette's actions (shared/contract/app-actions.ts) under File, Request,
// View and Help, plus the OS's own roles (edit, zoom, window). Choosing an action sends its id to
// the window; the menu itself knows nothing about what the action does.
import type { MenuItemConstructorOptions } from 'electron';
import { APP_ACTIONS, type AppActionId, type MenuGroup } from '../../shared/contract/app-actions';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** development build: reload and developer tools in View */
  isDev: boolean;
  onAction(id: AppActionId): void;
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

function actions(group: MenuGroup, onAction: MenuOptions['onAction']): MenuItemConstructorOptions[] {
  return APP_ACTIONS.filter((a) => a.group === group).map((a) => ({
    id: a.id,
    label: a.label,
    // A key the window binds itself is shown here but not registered (Windows, Linux); on macOS the
    // page sees the key first and the menu only gets what the page left unhandled.
    ...('accelerator' in a ? { accelerator: a.accelerator, registerAccelerator: !('keyInWindow' in a && a.keyInWindow) } : {}),
    click: () => onAction(a.id),
  }));
}

function pick(items: MenuItemConstructorOptions[], ids: string[]): MenuItemConstructorOptions[] {
  return items.filter((i) => ids.includes(i.id ?? ''));
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const file = actions('file', o.onAction);
  const view = actions('view', o.onAction);
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push({
    label: '&File',
    submenu: [
      ...pick(file, ['open-folder', 'import']), SEPARATOR,
      ...pick(file, ['new-tab', 'save', 'close-tab']),
      // macOS keeps Quit in the app menu.
      ...(mac ? [] : [SEPARATOR, { role: 'quit' } as const]),
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, SEPARATOR,
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' }, SEPARATOR, { role: 'selectAll' },
    ],
  });
  template.push({ label: '&Request', submenu: actions('request', o.onAction) });
  template.push({
    label: '&View',
    submenu: [
      ...pick(view, ['command-palette']), SEPARATOR,
      ...view.filter((i) => i.id !== 'command-palette'), SEPARATOR,
      { label: 'Theme', submenu: actions('theme', o.onAction) }, SEPARATOR,
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, SEPARATOR, { role: 'togglefullscreen' },
      ...(o.isDev ? [SEPARATOR, { role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  });
  // Elsewhere the Window role's Close takes Ctrl+W, which closes a tab here.
  if (mac) template.push({ role: 'windowMenu' });
  template.push({ role: 'help', label: '&Help', submenu: [...actions('help', o.onAction), SEPARATOR, { role: 'about' }] });
  return template;
}
