import { readdir, realpath } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import {
  EnvironmentFileSchema, FOLDER_FILE, FolderFileSchema, RequestFileSchema,
  type Defaults, type EnvironmentFile, type FileProblem, type RequestFile, type WorkspaceFile,
} from '../../shared/model';
import { brokenFileError, workspaceError } from './errors';
import { ifMissing } from './if-missing';
import { ENV_DIR, isYaml } from './layout';
import { readWorkspaceFile } from './loader';
import { confine } from './paths';
import { readTyped } from './read-file';
import { readRequest } from './requests';

/** Everything a request is resolved against, read from the files around it. */
export interface RequestContext {
  root: string;
  workspace: WorkspaceFile;
  request: RequestFile;
  /** folder defaults, innermost folder first */
  folders: Defaults[];
  environment?: EnvironmentFile;
  /** broken folder.yaml files on the way (their defaults are skipped) */
  problems: FileProblem[];
}

/** Finds an environment by its `name:` (or its file name without .yaml). */
export async function findEnvironment(root: string, env: string): Promise<{ file: EnvironmentFile; path: string }> {
  const names = (await readdir(join(root, ENV_DIR)).catch(ifMissing([] as string[]))).filter((n) => isYaml(n) && !n.startsWith('.')).sort();
  const available: string[] = [];
  for (const n of names) {
    const rel = `${ENV_DIR}/${n}`;
    const r = await readTyped(EnvironmentFileSchema, join(root, ENV_DIR, n), rel);
    const base = n.replace(/\.ya?ml$/, '');
    if (!r.ok) {
      if (r.problem && (base === env)) throw brokenFileError(r.problem);
      continue;
    }
    available.push(r.value.name);
    if (r.value.name === env || base === env) return { file: r.value, path: rel };
  }
  throw workspaceError('unknown-environment', `no environment named ${env}${available.length ? ` (have: ${available.join(', ')})` : ' (environments/ is empty)'}`);
}

/** Reads the request (or takes the caller's unsaved copy), the defaults of every folder above it, the collection and the environment. */
export async function loadRequestContext(dir: string, path: string, env?: string, unsaved?: RequestFile): Promise<RequestContext> {
  const root = await realpath(resolve(dir)).catch(() => {
    throw workspaceError('not-found', `workspace folder ${dir} does not exist`);
  });
  const problems: FileProblem[] = [];
  const { file } = await readWorkspaceFile(root, problems);
  const request = unsaved ? RequestFileSchema.parse(unsaved) : (await readRequest(root, path)).request;
  const folders: Defaults[] = [];
  const parts = posix.dirname(path.replace(/\\/g, '/')).split('/').filter((p) => p && p !== '.');
  for (let i = parts.length; i > 0; i--) {
    const rel = parts.slice(0, i).join('/');
    const r = await readTyped(FolderFileSchema, join(await confine(root, rel), FOLDER_FILE), `${rel}/${FOLDER_FILE}`);
    if (r.ok) {
      if (r.value.defaults) folders.push(r.value.defaults);
    } else if (r.text !== '') problems.push(r.problem);
  }
  const environment = env ? (await findEnvironment(root, env)).file : undefined;
  return { root, workspace: file, request, folders, ...(environment ? { environment } : {}), problems };
}
