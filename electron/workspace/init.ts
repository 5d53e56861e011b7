import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FORMAT_VERSION, WORKSPACE_FILE, WorkspaceFileSchema, type Defaults, type WorkspaceFile } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { encode } from './codec';
import { workspaceError } from './errors';
import { ifMissing } from './if-missing';
import { ENV_DIR } from './layout';

/** A new workspace id: random once, then stable (it names the workspace's secrets in the keychain). */
export function newWorkspaceId(): string {
  return randomUUID();
}

/** Creates clearance.yaml (and environments/) in `dir`; refuses when one is already there. */
export async function initWorkspace(dir: string, name: string, defaults?: Defaults): Promise<WorkspaceFile> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const target = join(root, WORKSPACE_FILE);
  if (await stat(target).then(() => true, ifMissing(false))) {
    throw workspaceError('already-a-workspace', `${root} already has a ${WORKSPACE_FILE}`);
  }
  const file: WorkspaceFile = { clearance: FORMAT_VERSION, name, id: newWorkspaceId(), ...(defaults ? { defaults } : {}) };
  await writeFileAtomic(target, encode(WorkspaceFileSchema, file));
  await mkdir(join(root, ENV_DIR), { recursive: true });
  return file;
}
