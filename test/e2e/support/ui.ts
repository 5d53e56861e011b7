import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Pastes `text` into the URL field the way the browser does: a paste event carrying a DataTransfer. */
export async function pasteIntoUrl(page: Page, text: string): Promise<void> {
  const url = page.getByLabel('URL', { exact: true });
  await url.focus();
  await url.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Opens a workspace folder through the empty state's path field (the browser has no native dialog). */
export async function openWorkspace(page: Page, dir: string): Promise<void> {
  await page.getByRole('button', { name: 'Open folder' }).click();
  await page.getByLabel('Workspace folder path').fill(dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('tree', { name: 'Collections' })).toBeVisible();
}
