import { BrowserWindow, dialog } from 'electron';

/** The native folder picker behind app.pickFolder (the browser UI types a path instead). */
export async function pickFolder(title?: string): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow();
  const options = { title: title ?? 'Open a Clearance workspace', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
