// Small JSON files of the app's data folder (the local secret store, checklist ticks): a missing
// file is no error (undefined); a file that cannot be read or parsed is reported through `fail`
// and never treated as empty, so the caller never overwrites what it could not read.
import { readFile } from 'node:fs/promises';

export async function readJsonFile(path: string, fail: (what: string) => Error): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fail(`cannot be read (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw fail(`is not JSON (${(err as Error).message})`);
  }
}
