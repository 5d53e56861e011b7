// Import as a new user does it: each supported file kind dropped on the window (and one chosen
// through the first-run Import button). The truth is on disk: the app writes the same workspace
// files as `clearance import` does for the same file, and the dialog's count is the number of
// request files written. The tree then shows a request of the file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { cliImport, filesUnder, requestFiles } from './support/import-tree';
import { SHOTS } from './support/shots';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');

/** A request row of the tree: its method, then its name. */
const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /;

/** Each file kind the window takes, with the format the import detects. */
const KINDS = [
  { file: 'postman/shop-v2.1.postman_collection.json', format: 'postman-2.1' }, { file: 'postman/legacy-v2.0.postman_collection.json', format: 'postman-2.0' },
  { file: 'insomnia/billing-v4.json', format: 'insomnia-v4' }, { file: 'insomnia/billing-v5.yaml', format: 'insomnia-v5' },
  { file: 'openapi/inventory-3.0.yaml', format: 'openapi-3.0' }, { file: 'openapi/payments-3.1.json', format: 'openapi-3.1' },
  { file: 'har/browser.har', format: 'har-1.2' }, { file: 'curl/requests.sh', format: 'curl' },
];

/** Drops `path` on the window as the OS does: a DataTransfer with the file in it. */
async function drop(page: Page, path: string): Promise<void> {
  const dt = await page.evaluateHandle(([name, text]) => {
    const d = new DataTransfer();
    d.items.add(new File([text], name));
    return d;
  }, [basename(path), readFileSync(path, 'utf8')] as const);
  await page.dispatchEvent('.app', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: dt });
}

/** Fills the output folder, imports, checks the summary against the disk and closes it. */
async function importInto(page: Page, kind: (typeof KINDS)[number]): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Import a collection' });
  await expect(dialog).toContainText(basename(kind.file));
  const out = join(mkdtempSync(join(tmpdir(), 'clearance-drop-')), 'imported');
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const done = page.getByRole('dialog', { name: 'Import finished' });
  await expect(done.getByRole('status')).toContainText(`(${kind.format})`);
  const requests = requestFiles(filesUnder(out)).length;
  expect(requests).toBeGreaterThan(0);
  await expect(done.getByRole('status')).toContainText(`Imported ${requests} request${requests === 1 ? '' : 's'} (${kind.format})`);

  // The same workspace files as the command line writes from the same file.
  const { out: cli, res } = await cliImport('auto', join(FIXTURES, kind.file));
  expect(res.code, res.stderr).toBe(0);
  expect(filesUnder(out)).toEqual(filesUnder(cli));
  await done.getByRole('button', { name: 'Done' }).click();
  const tree = page.getByRole('tree', { name: 'Collections' });
  await expect(tree.getByRole('treeitem', { name: METHOD }).first()).toBeVisible();
  return out;
}

test.describe('import by drag and drop', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  for (const kind of KINDS) {
    test(`${kind.file}: dropped on the window, imported, the same files as clearance import`, async ({ page }) => {
      await drop(page, join(FIXTURES, kind.file));
      await importInto(page, kind);
    });
  }

  test('first run: the empty state\'s Import button takes a chosen file the same way', async ({ page }) => {
    await expect(page.getByText('No response yet')).toBeVisible();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a collection' });
    await dialog.getByLabel('File to import').setInputFiles(join(FIXTURES, KINDS[4]!.file));
    await page.screenshot({ path: `${SHOTS}/import-dialog.png` });
    await importInto(page, KINDS[4]!);
  });
});
