import { createWriteStream, lstatSync, mkdirSync, readdirSync, rmSync, chmodSync, type WriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * Big response bodies on disk, kept only while this process may still show them: each file is
 * readable by the user alone (0600 in a 0700 folder the user owns), at most MAX_KEPT are kept (the
 * oldest removed first), all are removed when the process exits, and files of processes that are
 * gone are removed when the folder is first used. Names carry the writer's pid for that check.
 */
export const MAX_KEPT = 16;

const kept: string[] = [];
const readyDirs = new Set<string>();
let exitHook = false;

function ownerAlive(name: string): boolean {
  const pid = Number(/^(\d+)-/.exec(name)?.[1]);
  if (!pid) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the folder (0700) once per process, refuses one that is a link or someone else's, removes stale bodies. */
function ready(dir: string): void {
  if (readyDirs.has(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) {
    throw new Error(`the body folder ${dir} is not a folder of this user; remove it`);
  }
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.body') && !ownerAlive(name)) rmSync(join(dir, name), { force: true });
  }
  readyDirs.add(dir);
}

/** A new body file (exclusive create: never an existing file or link), registered for removal. */
export function openBodyFile(dir: string): { path: string; stream: WriteStream } {
  ready(dir);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', removeAllBodyFiles);
  }
  const path = join(dir, `${process.pid}-${randomUUID()}.body`);
  const stream = createWriteStream(path, { mode: 0o600, flags: 'wx' });
  kept.push(path);
  while (kept.length > MAX_KEPT) rmSync(kept.shift()!, { force: true });
  return { path, stream };
}

export function removeBodyFile(path: string): void {
  const i = kept.indexOf(path);
  if (i >= 0) kept.splice(i, 1);
  rmSync(path, { force: true });
}

/** Synchronous: it runs in the process's 'exit' event. */
export function removeAllBodyFiles(): void {
  for (const path of kept.splice(0)) rmSync(path, { force: true });
}
