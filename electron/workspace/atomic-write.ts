import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files are dot files with this marker: the loader never reads them and cleans up stale ones. */
export const TEMP_MARKER = '.clearance-tmp-';

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARKER);
}

/**
 * Writes a file so that a reader (or a crash at any instant) sees either the old or the new
 * complete content: temp file in the same directory, write, fsync, rename over, fsync the directory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    // Tidying up after a failed write: the write error is the one to report.
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {}); // a temp file left behind goes on the next load (cleanTempFiles)
    throw err;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {}); // the rename error is the one to report
    throw err;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/** Removes temp files a killed writer left behind (older than `olderThanMs`, so a live writer's file is spared). */
export async function cleanTempFiles(dir: string, olderThanMs = 60_000): Promise<number> {
  let removed = 0;
  // Housekeeping only: a folder that cannot be listed is reported by the loader's own listing.
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!isTempFile(name)) continue;
    const full = join(dir, name);
    const st = await stat(full).catch(() => null); // gone already: its writer finished
    if (st && now - st.mtimeMs >= olderThanMs) {
      await unlink(full).catch(() => {}); // another process got there first, or the next load retries
      removed++;
    }
  }
  return removed;
}
