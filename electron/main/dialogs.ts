import { BrowserWindow, dialog, type Session } from 'electron';
import { basename, join } from 'node:path';
import { isAppUrl } from './guards';

/** The native folder picker behind app.pickFolder (the browser UI types a path instead). */
export async function pickFolder(title?: string): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow();
  const options = { title: title ?? 'Open a Clearance workspace', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The native file picker behind app.pickFile (a body part's file; the browser UI types a path instead). */
export async function pickFile(title?: string): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow();
  const options = { title: title ?? 'Choose a file', properties: ['openFile'] as Array<'openFile'> };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/**
 * The save dialog: a file the window saves (a diagnosis report is a blob link with `download`)
 * opens the native Save dialog in the Downloads folder; a download from anywhere else is refused.
 */
export function saveDownloadsWithDialog(ses: Pick<Session, 'on'>, downloadsDir: string, devUrl?: string): void {
  ses.on('will-download', (event, item) => {
    const url = item.getURL();
    if (!url.startsWith('blob:') || !isAppUrl(url.slice('blob:'.length), devUrl)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: 'Save', defaultPath: join(downloadsDir, basename(item.getFilename())) });
  });
}
