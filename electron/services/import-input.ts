// What imports.run reads: the sent file, or the sent folder's files, written into a private temp
// folder (0700, created by mkdtemp) that the caller removes in `finally`. The contract has already
// refused unsafe paths; each one is checked again against the folder it lands in, so a path that
// slipped past the schema still cannot write outside it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { ContractError } from '../../shared/contract';
import { folderPathProblem } from '../../shared/contract/import-paths';

export interface FolderFile { path: string; content: string; encoding: 'text' | 'base64' }
export interface ImportInput {
  /** the private temp folder: remove it when done */
  temp: string;
  /** what to import: the written file, or the collection's folder */
  path: string;
}

const bytes = (content: string, encoding: 'text' | 'base64') => (encoding === 'base64' ? Buffer.from(content, 'base64') : content);

/** The user's name for the file or folder, made a single safe segment. */
export const safeName = (name: string) => basename(name).replace(/[^\w.@() -]/g, '_').replace(/^\.+$/, '_') || 'import';

/** Where `rel` lands under `root`, or an invalid-arguments error when it would land elsewhere. */
export function inside(root: string, rel: string): string {
  const problem = folderPathProblem(rel);
  const target = resolve(root, rel);
  if (problem || !target.startsWith(root + sep)) {
    throw new ContractError({ code: 'invalid-arguments', message: `folder file path ${JSON.stringify(rel.slice(0, 300))} ${problem ?? 'leaves the folder'}: nothing written` });
  }
  return target;
}

export async function writeImportInput(name: string, single: { content: string; encoding: 'text' | 'base64' }, files?: FolderFile[]): Promise<ImportInput> {
  const temp = await mkdtemp(join(tmpdir(), 'clearance-import-in-'));
  const path = join(temp, safeName(name));
  try {
    if (!files) {
      await writeFile(path, bytes(single.content, single.encoding), { mode: 0o600 });
      return { temp, path };
    }
    await mkdir(path, { mode: 0o700 });
    // Every path is checked before the first write, so a refused folder leaves nothing behind.
    const targets = files.map((f) => inside(path, f.path));
    for (const [i, f] of files.entries()) {
      const target = targets[i] as string;
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      // `wx`: never through an existing name (a second spelling of the same file, a link).
      await writeFile(target, bytes(f.content, f.encoding), { flag: 'wx', mode: 0o600 }).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
        throw new ContractError({ code: 'invalid-arguments', message: `folder file path ${JSON.stringify(f.path)} is given twice` });
      });
    }
    return { temp, path };
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}
