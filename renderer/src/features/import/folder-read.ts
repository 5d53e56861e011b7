// Reading a dropped or picked folder (a Bruno collection) into the files imports.run carries:
// relative POSIX paths inside the folder, bounded like the contract (5,000 files, 64 MiB), with
// node_modules and .git left out. The user's files are only read.

export interface FolderFile { path: string; content: string; encoding: 'text' | 'base64' }
export interface ReadFolder { name: string; files: FolderFile[]; bytes: number }

export const MAX_FILES = 5000;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 32;
const SKIPPED = new Set(['node_modules', '.git']);

/** A file that is part of a Bruno collection, which alone cannot be imported. */
export const isBrunoPart = (name: string) => /^(bruno\.json|opencollection\.ya?ml)$|\.bru$/i.test(name);

export class FolderTooLarge extends Error {}

/** Text when the bytes are UTF-8, base64 otherwise (as the single-file import sends them). */
export async function readContent(file: Blob): Promise<{ content: string; encoding: 'text' | 'base64' }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { content: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'text' };
  } catch {
    // Not UTF-8: the bytes travel as base64 instead.
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { content: btoa(bin), encoding: 'base64' };
  }
}

/** Collects files one by one, refusing past the bounds with a sentence the user can act on. */
class Collector {
  readonly files: FolderFile[] = [];
  bytes = 0;
  constructor(private readonly onProgress?: (n: number) => void) {}
  async add(path: string, file: File): Promise<void> {
    if (this.files.length >= MAX_FILES) throw new FolderTooLarge(`The folder has more than ${MAX_FILES.toLocaleString('en')} files; import the collection's own folder.`);
    this.bytes += file.size;
    if (this.bytes > MAX_BYTES) throw new FolderTooLarge('The folder holds more than 64 MiB; import the collection\'s own folder.');
    this.files.push({ path, ...(await readContent(file)) });
    this.onProgress?.(this.files.length);
  }
}

const skipped = (path: string) => path.split('/').some((s) => SKIPPED.has(s));

/** The files of an `<input webkitdirectory>`: webkitRelativePath starts with the folder's name. */
export async function readPickedFolder(list: ArrayLike<File>, onProgress?: (n: number) => void): Promise<ReadFolder> {
  const all = Array.from(list);
  const name = all[0]?.webkitRelativePath.split('/')[0] ?? 'folder';
  const c = new Collector(onProgress);
  for (const f of all) {
    const path = f.webkitRelativePath.split('/').slice(1).join('/');
    if (path && !skipped(path)) await c.add(path, f);
  }
  return { name, files: c.files, bytes: c.bytes };
}

const entries = (dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> => new Promise((resolve, reject) => {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until an empty one; bounded by the file limit.
  const next = () => reader.readEntries((batch) => {
    if (batch.length === 0 || out.length > MAX_FILES) return resolve(out);
    out.push(...batch);
    next();
  }, reject);
  next();
});

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

/** A dropped folder, walked through its directory entries. */
export async function readDroppedFolder(root: FileSystemDirectoryEntry, onProgress?: (n: number) => void): Promise<ReadFolder> {
  const c = new Collector(onProgress);
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) throw new FolderTooLarge(`The folder nests deeper than ${MAX_DEPTH} levels.`);
    for (const e of await entries(dir)) {
      if (SKIPPED.has(e.name)) continue;
      const path = prefix + e.name;
      if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, `${path}/`, depth + 1);
      else if (e.isFile) await c.add(path, await fileOf(e as FileSystemFileEntry));
    }
  };
  await walk(root, '', 0);
  return { name: root.name, files: c.files, bytes: c.bytes };
}
