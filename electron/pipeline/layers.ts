// The layers a workspace request is resolved against: scopes (runtime > request > folders >
// collection > environment > globals) and the default headers of folders and the collection.
// prepare() (electron/pipeline) and the runner, which loads the environment and globals once, use
// these; nothing else resolves variables. Imports name specific files: start-up stays lean.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContractError } from '../../shared/contract/result';
import {
  EnvironmentFileSchema, type Defaults, type EnvironmentFile, type RequestFile, type Variables,
} from '../../shared/model';
import { resolveRequest, type ResolvedRequest } from '../../shared/variables/resolve-request';
import type { Scopes } from '../../shared/variables/scopes';
import type { Keychain } from '../secrets/keychain';
import { resolveVariables, type ResolvedVariables } from '../secrets/secret-values';
import { appHome } from '../workspace/history/app-home';

export interface SecretDeps {
  keychain?: Keychain;
  /** where secrets declared with `env:` are looked up (default process.env) */
  environ?: Record<string, string | undefined>;
}

/** Plain values of a variables block; secrets declared outside environments are named in `missing`. */
export function plainVariables(vars: Variables | undefined, missing: Record<string, string>, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars ?? {})) {
    if (typeof v === 'string') out[k] = v;
    else missing[k] ??= `secret ${k} is declared in ${where}: secrets are kept in environments only (environments/<name>.yaml)`;
  }
  return out;
}

/**
 * `<app home>/globals.yaml`: variables every workspace sees (lowest precedence). A missing file means
 * no globals; an unreadable or broken one fails the send (else its variables show up as "unresolved").
 */
export async function loadGlobals(): Promise<Record<string, string>> {
  const path = join(appHome(), 'globals.yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ContractError({
      code: 'broken-file', message: `${path}: cannot read the globals file (${(err as Error).message})`,
      remedy: 'Fix or remove it (globals are optional).',
    });
  }
  // An environment file whose name is optional: it is the one and only globals file. The YAML codec
  // loads only when there is such a file: most runs have none and need no YAML at all.
  const { decode } = await import('../workspace/codec');
  const r = decode(EnvironmentFileSchema.partial({ name: true }), text, path);
  if (!r.ok) {
    const { line, column, message } = r.problem;
    throw new ContractError({
      code: 'broken-file', message: `${path}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${message}`,
      remedy: 'Fix the globals file by hand (it is kept as it is), then send again.',
    });
  }
  return plainVariables(r.value.variables, {}, 'globals');
}

/** An environment's values with its secrets (env var, else keychain); nothing when no environment is picked. */
export async function environmentValues(env: EnvironmentFile | undefined, workspaceId: string, deps: SecretDeps = {}): Promise<ResolvedVariables> {
  if (!env) return { values: {}, secrets: [], missing: {} };
  return resolveVariables(env.variables, { workspaceId, env: env.name, ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) });
}

/** What a request is resolved against besides its own file. */
export interface ResolveLayers {
  /** folder defaults, innermost first */
  folders: Defaults[];
  collection?: Defaults | undefined;
  env: ResolvedVariables;
  global: Record<string, string>;
  runtime?: Record<string, string> | undefined;
}

/** Resolves one request file against its layers (pure: no I/O). */
export function resolveInLayers(request: RequestFile, layers: ResolveLayers): ResolvedRequest {
  const missing: Record<string, string> = { ...layers.env.missing };
  const scopes: Scopes = {
    ...(layers.runtime ? { runtime: layers.runtime } : {}),
    request: plainVariables(request.variables, missing, 'the request'),
    folders: layers.folders.map((d) => plainVariables(d.variables, missing, 'a folder')),
    collection: plainVariables(layers.collection?.variables, missing, 'clearance.yaml'),
    environment: layers.env.values,
    global: layers.global,
    missing,
  };
  return resolveRequest(request, scopes, { folders: layers.folders, ...(layers.collection ? { collection: layers.collection } : {}) });
}
