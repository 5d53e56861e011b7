// The local store: where secrets live when no OS keychain is reachable (CI, containers, SSH without
// D-Bus), as `gh` keeps its token in a file when there is no keyring. One JSON file readable by the
// user alone, `<data folder>/secrets/local-store.json` (mode 0600 in a 0700 folder), keyed by
// workspace id and never inside a workspace. Every change is written atomically under a lock file.
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { ContractError } from '../../shared/contract/result';
import { appHome } from '../workspace/history/app-home';
import { readJsonFile } from '../workspace/json-file';

/** What the keychain, the local store and an in-memory store have in common (the hint is for keychain errors). */
export interface SecretStore {
  get(account: string, hint?: unknown): Promise<string | null>;
  set(account: string, value: string, hint?: unknown): Promise<void>;
  delete(account: string, hint?: unknown): Promise<boolean>;
}

export interface LocalStore extends SecretStore {
  readonly path: string;
  /** every account stored for a workspace (`<id>/<env>/<var>`, `<id>/key:<profile>/<field>`) */
  accounts(workspaceId: string): Promise<string[]>;
}

interface StoreFile {
  clearanceLocalStore: 1;
  /** workspace id → account (without the id) → value */
  workspaces: Record<string, Record<string, string>>;
}

const LOCK_WAIT_MS = 5_000;
/** A lock older than this was left by a killed process (a write takes milliseconds). */
const STALE_LOCK_MS = 30_000;

export function localStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(appHome(env), 'secrets', 'local-store.json');
}

/** `<id>/<rest>` → [id, rest]: workspace ids never contain a slash. */
function split(account: string): [string, string] {
  const i = account.indexOf('/');
  return i < 0 ? [account, ''] : [account.slice(0, i), account.slice(i + 1)];
}

function storeError(path: string, what: string): ContractError {
  return new ContractError({
    code: 'local-store-unreadable', message: `local secret store ${path}: ${what}`,
    remedy: 'Fix the file (it is JSON) or move it away; Clearance never replaces a store it cannot read, so no secret in it is lost.',
  });
}

async function readStore(path: string): Promise<StoreFile> {
  const doc = await readJsonFile(path, (what) => storeError(path, what));
  if (doc === undefined) return { clearanceLocalStore: 1, workspaces: {} };
  const ws = (doc as Partial<StoreFile> | null)?.workspaces;
  if (!ws || typeof ws !== 'object') throw storeError(path, 'has no "workspaces" object');
  return { clearanceLocalStore: 1, workspaces: ws };
}

/** Temp file created 0600 (never readable by others, not even for an instant), fsync, rename, fsync the folder. */
async function writeStore(path: string, data: StoreFile): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.local-store.json.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined); // the rename error below is the one that matters
    throw err;
  }
  if (process.platform === 'win32') return; // no fsync of a directory there
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

async function ensureFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // An existing folder keeps its mode on mkdir: tighten it, so only the user can list the store.
  if (process.platform !== 'win32') await chmod(dir, 0o700);
}

/** Who holds a lock: a process on this machine (a home folder may be shared between machines). */
const LOCK_OWNER = `${process.pid}@${hostname()}`;

/** A lock whose holder on this machine no longer runs was left by a kill: no need to wait 30 s for it. */
async function holderIsGone(lock: string): Promise<boolean> {
  const text = await readFile(lock, 'utf8').catch(() => ''); // gone or unreadable: the age rule decides
  const m = /^(\d+)@(.*)$/.exec(text);
  if (!m || m[2] !== hostname() || Number(m[1]) === process.pid) return false;
  try {
    process.kill(Number(m[1]), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Creates `lock` already holding its owner: the owner is written to a file of this process's own and
 * hard-linked into place (link fails with EEXIST when the lock exists, as an exclusive create does).
 * Creating the lock and then writing into it left an empty lock when a kill fell in between, and an
 * empty lock names no holder, so every later writer waited 30 s for it.
 */
async function takeLock(lock: string): Promise<void> {
  // Unique per call: two writers of one process race for the lock too.
  const mine = `${lock}.${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(mine, 'w', 0o600);
  try {
    await fh.writeFile(LOCK_OWNER);
  } finally {
    await fh.close();
  }
  try {
    await link(mine, lock);
  } finally {
    await unlink(mine);
  }
}

/** Runs `fn` holding `<path>.lock` (create-exclusive), so two processes never lose each other's writes. */
async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await takeLock(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // The lock vanished between open and stat (its holder finished): age 0, so the loop retries at once.
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS || await holderIsGone(lock)) {
        await unlink(lock).catch(() => undefined); // another process may have removed it first: retry either way
        continue;
      }
      if (Date.now() > deadline) throw storeError(path, `is locked by another process (${lock}); retry, or remove the lock file if no Clearance is running`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(lock);
  }
}

/** The local store at `path` (default: under the data folder, which honours CLEARANCE_HOME). */
export function localStore(path: string = localStorePath()): LocalStore {
  const update = async (change: (data: StoreFile) => boolean): Promise<boolean> => {
    await ensureFolder(dirname(path));
    return withLock(path, async () => {
      const data = await readStore(path);
      const changed = change(data);
      if (changed) await writeStore(path, data);
      return changed;
    });
  };
  return {
    path,
    async get(account) {
      const [id, rest] = split(account);
      return (await readStore(path)).workspaces[id]?.[rest] ?? null;
    },
    async set(account, value) {
      const [id, rest] = split(account);
      await update((data) => {
        (data.workspaces[id] ??= {})[rest] = value;
        return true;
      });
    },
    delete(account) {
      const [id, rest] = split(account);
      return update((data) => {
        const ws = data.workspaces[id];
        if (!ws || !(rest in ws)) return false;
        delete ws[rest];
        if (Object.keys(ws).length === 0) delete data.workspaces[id];
        return true;
      });
    },
    async accounts(workspaceId) {
      return Object.keys((await readStore(path)).workspaces[workspaceId] ?? {}).map((rest) => `${workspaceId}/${rest}`);
    },
  };
}
