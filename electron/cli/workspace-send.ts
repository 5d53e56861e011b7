import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { WORKSPACE_FILE } from '../../shared/model';
import { ifMissing } from '../workspace/if-missing';
import { UsageError } from './exit-codes';

/** The nearest folder at or above `start` holding clearance.yaml, or null. */
export async function findWorkspaceRoot(start: string): Promise<string | null> {
  let dir = resolve(start);
  for (let i = 0; i < 64; i++) {
    if (await stat(join(dir, WORKSPACE_FILE)).then((s) => s.isFile(), ifMissing(false))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

/**
 * Where a request file sits in a workspace: `--workspace DIR` when given, else the nearest
 * ancestor with clearance.yaml. Null when the file is in no workspace (sent as a plain file).
 */
export async function locateInWorkspace(file: string, workspace: string | undefined): Promise<{ dir: string; path: string } | null> {
  const full = resolve(file);
  const dir = workspace ? resolve(workspace) : await findWorkspaceRoot(dirname(full));
  if (!dir) return null;
  if (workspace && !(await stat(join(dir, WORKSPACE_FILE)).then(() => true, ifMissing(false)))) {
    throw new UsageError(`--workspace ${workspace}: no ${WORKSPACE_FILE} there`);
  }
  const rel = relative(dir, full);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`${file} is not inside the workspace ${dir}`);
  return { dir, path: rel.split(sep).join('/') };
}
