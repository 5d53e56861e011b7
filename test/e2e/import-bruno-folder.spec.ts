// A Bruno collection is a folder: dropped on the window (directory entries, read in batches) or
// chosen with the Import view's folder picker, it imports through `clearance serve` into exactly
// the files `clearance import bruno DIR` writes for the same folder, and the user's folder is
// left as it was. A lone bruno.json dropped says the whole folder is needed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { cliImport, filesUnder, requestFiles } from './support/import-tree';
import { SHOTS } from './support/shots';

const BRUNO = join(import.meta.dirname, '../fixtures/imports/bruno');
const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /;

/** The folder's files and bytes, to prove the import only read them. */
const snapshot = (dir: string) => filesUnder(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);

/**
 * Drops `dir` as Chromium hands a dropped folder to the page: items[0].webkitGetAsEntry() is a
 * directory entry whose reader answers in batches of two, then an empty batch.
 */
async function dropFolder(page: Page, dir: string): Promise<void> {
  const files = filesUnder(dir).map((path) => ({ path, content: readFileSync(join(dir, path), 'utf8') }));
  await page.evaluate(([name, list]) => {
    interface Tree { dirs: Map<string, Tree>; files: Map<string, string> }
    const tree = (): Tree => ({ dirs: new Map(), files: new Map() });
    const root = tree();
    for (const f of list) {
      const parts = f.path.split('/');
      let node = root;
      for (const p of parts.slice(0, -1)) node = node.dirs.get(p) ?? node.dirs.set(p, tree()).get(p)!;
      node.files.set(parts[parts.length - 1]!, f.content);
    }
    const fileEntry = (n: string, text: string) => ({ isFile: true, isDirectory: false, name: n, file: (ok: (f: File) => void) => ok(new File([text], n)) });
    const dirEntry = (n: string, node: Tree): unknown => ({
      isFile: false, isDirectory: true, name: n,
      createReader: () => {
        const all = [...[...node.dirs].map(([k, v]) => dirEntry(k, v)), ...[...node.files].map(([k, v]) => fileEntry(k, v))];
        return { readEntries: (ok: (batch: unknown[]) => void) => ok(all.splice(0, 2)) };
      },
    });
    const real = new DataTransfer();
    real.items.add(new File([''], name));
    const fake = { types: ['Files'], files: real.files, items: [{ webkitGetAsEntry: () => dirEntry(name, root) }] };
    const app = document.querySelector('.app')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const ev = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: real });
      Object.defineProperty(ev, 'dataTransfer', { value: fake });
      app.dispatchEvent(ev);
    }
  }, [basename(dir), files] as const);
}

/** Imports the chosen folder into a new folder and compares it with the CLI's for the same folder. */
async function importAndCompare(page: Page, dir: string, format: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Import a collection' });
  const count = filesUnder(dir).length;
  await expect(dialog).toContainText(`${basename(dir)}/`);
  await expect(dialog).toContainText(`${count} files`);
  await expect(dialog.getByLabel('Format')).toHaveValue('bruno');
  const out = join(mkdtempSync(join(tmpdir(), 'clearance-bruno-')), 'imported');
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const done = page.getByRole('dialog', { name: 'Import finished' });
  await expect(done.getByRole('status')).toContainText(`(${format})`);
  const requests = requestFiles(filesUnder(out)).length;
  expect(requests).toBeGreaterThan(0);
  await expect(done.getByRole('status')).toContainText(`Imported ${requests} requests (${format})`);

  const { out: cli, res } = await cliImport('bruno', dir);
  expect(res.code, res.stderr).toBe(0);
  expect(filesUnder(out)).toEqual(filesUnder(cli));
  // Byte for byte but the workspace id, which each import draws afresh.
  const noId = (f: string, dirOf: string) => readFileSync(join(dirOf, f), 'utf8').replace(/^id: .*$/m, 'id: <id>');
  for (const f of filesUnder(cli)) expect(noId(f, out), f).toBe(noId(f, cli));
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: METHOD }).first()).toBeVisible();
}

test.describe('import a Bruno collection folder', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('a .bru folder dropped on the window: the same files as clearance import bruno, the folder untouched', async ({ page }) => {
    const dir = join(BRUNO, 'petstore');
    const before = snapshot(dir);
    await dropFolder(page, dir);
    await importAndCompare(page, dir, 'bruno');
    expect(snapshot(dir)).toEqual(before);
  });

  test('a YAML (OpenCollection) folder chosen with the Import view\'s folder picker, the same way', async ({ page }) => {
    const dir = join(BRUNO, 'petstore-yaml');
    const before = snapshot(dir);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a collection' });
    await expect(dialog.getByLabel('Format').getByRole('option', { name: 'Bruno collection (folder)' })).toBeAttached();
    await dialog.getByLabel('Folder to import').setInputFiles(dir);
    await expect(dialog).toContainText('petstore-yaml/');
    await page.screenshot({ path: `${SHOTS}/import-bruno-folder.png` });
    await importAndCompare(page, dir, 'bruno-yaml');
    expect(snapshot(dir)).toEqual(before);
  });

  test('a folder that is not a Bruno collection is named as such, and nothing is written', async ({ page }) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'clearance-notbruno-')), 'notes');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'readme.txt'), 'hello');
    writeFileSync(join(dir, 'sub/list.bru'), 'meta {\n  name: list\n}\n');
    await dropFolder(page, dir);
    const dialog = page.getByRole('dialog', { name: 'Import a collection' });
    await expect(dialog).toContainText('notes/');
    const out = join(mkdtempSync(join(tmpdir(), 'clearance-notbruno-out-')), 'imported');
    await dialog.getByLabel('Output folder').fill(out);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('notes: not a Bruno collection folder: no bruno.json or opencollection.yml in it');
    expect(existsSync(out)).toBe(false);
  });

  test('a lone bruno.json or .bru dropped says the whole folder is needed, and imports nothing', async ({ page }) => {
    for (const name of ['bruno.json', 'get-pet.bru']) {
      const text = readFileSync(join(BRUNO, 'petstore', name === 'bruno.json' ? name : `pets/${name}`), 'utf8');
      const dt = await page.evaluateHandle(([n, t]) => {
        const d = new DataTransfer();
        d.items.add(new File([t], n));
        return d;
      }, [name, text] as const);
      for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('.app', type, { dataTransfer: dt });
      const dialog = page.getByRole('dialog', { name: 'Import a collection' });
      await expect(dialog.getByRole('alert')).toContainText(`${name} is one file of a Bruno collection`);
      await expect(dialog.getByRole('alert')).toContainText('drop the whole collection folder');
      await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
  });
});
