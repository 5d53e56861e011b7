// The app's actions by id: the desktop menu lists them and sends the chosen id to the window
// (app.onMenuAction); a command palette lists the same ones, so the two cannot drift apart. No zod
// here: the window's key bindings import this at first paint (the schema is AppActionIdSchema in app.ts).
export type MenuGroup = 'file' | 'request' | 'view' | 'theme' | 'help';

export interface AppAction {
  readonly id: string;
  readonly label: string;
  readonly group: MenuGroup;
  /** Electron accelerator syntax; the palette shows it too */
  readonly accelerator?: string;
  /**
   * The window binds this key itself (renderer/src/app/use-shortcuts.ts): the menu shows the key but
   * does not register it, so one key press never runs the action twice.
   */
  readonly keyInWindow?: boolean;
}

export const APP_ACTIONS = [
  { id: 'open-folder', label: 'Open Folder…', group: 'file', accelerator: 'CmdOrCtrl+O' },
  { id: 'import', label: 'Import…', group: 'file' },
  { id: 'new-tab', label: 'New Tab', group: 'file', accelerator: 'CmdOrCtrl+T', keyInWindow: true },
  { id: 'save', label: 'Save', group: 'file', accelerator: 'CmdOrCtrl+S', keyInWindow: true },
  { id: 'close-tab', label: 'Close Tab', group: 'file', accelerator: 'CmdOrCtrl+W', keyInWindow: true },
  { id: 'send', label: 'Send Request', group: 'request', accelerator: 'CmdOrCtrl+Enter', keyInWindow: true },
  { id: 'focus-url', label: 'Go to URL', group: 'request', accelerator: 'CmdOrCtrl+L', keyInWindow: true },
  { id: 'command-palette', label: 'Command Palette…', group: 'view', accelerator: 'CmdOrCtrl+K' },
  { id: 'show-troubleshoot', label: 'Troubleshoot', group: 'view' },
  { id: 'show-runner', label: 'Runner', group: 'view' },
  { id: 'show-matrix', label: 'Matrix', group: 'view' },
  { id: 'show-history', label: 'History', group: 'view' },
  { id: 'show-compare', label: 'Compare', group: 'view' },
  { id: 'show-settings', label: 'Settings', group: 'view', accelerator: 'CmdOrCtrl+,' },
  { id: 'theme-system', label: 'Follow the System', group: 'theme' },
  { id: 'theme-light', label: 'Light', group: 'theme' },
  { id: 'theme-dark', label: 'Dark', group: 'theme' },
  { id: 'open-demo', label: 'Try the Demo', group: 'help' },
] as const satisfies readonly AppAction[];

export type AppActionId = (typeof APP_ACTIONS)[number]['id'];
