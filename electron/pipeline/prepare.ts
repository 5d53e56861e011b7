// prepare(source, overrides): where a request comes from — a workspace file (saved or the tab's
// unsaved edits), or a scratch request (a pasted curl command, an unsaved tab) — turned into the
// PreparedRequest that sendPrepared() sends and the exporters render. Loads what the request is
// resolved against (folders, collection, environment, globals, key and gateway profiles) and
// hands the rest to prepareResolved().
import type { RequestFile, RequestOptionsFile, RequestSpecInput, SendOptionsInput } from '../../shared/model';
import { RequestFileSchema } from '../../shared/model';
import type { ResolvedRequest } from '../../shared/variables/resolve-request';
import type { Keychain } from '../secrets/keychain';
import { withDefaults } from '../settings/with-defaults';
import { prepareResolved } from './prepare-resolved';
import type { LoadedThrough } from './profile-through';
import type { PreparedRequest } from './prepared';

export type RequestSource =
  /** a request file of the workspace at `dir`; `draft` = the tab's unsaved edits instead of the file on disk */
  | { kind: 'file'; dir: string; path: string; draft?: RequestFile | unknown }
  /** a request that is no file (scratch tab, `--curl`); `dir` = the workspace whose profiles it may use */
  | { kind: 'spec'; request: RequestSpecInput; dir?: string | undefined };

export interface Overrides {
  /** environment name (file sources) */
  env?: string | undefined;
  /** run-time values: win over every scope */
  variables?: Record<string, string> | undefined;
  /** send options laid over the request file's (a pasted curl command's -k, --max-time...) */
  options?: SendOptionsInput | RequestOptionsFile | undefined;
  /** send options under everything the request and the caller say (the app's Settings: HTTP version, proxy, CA) */
  defaults?: SendOptionsInput | undefined;
  /** key / gateway profile instead of the request's default (`none`, `direct` = without) */
  key?: string | undefined;
  gateway?: string | undefined;
}

export interface PrepareDeps {
  keychain?: Keychain;
  environ?: Record<string, string | undefined>;
}

function secretDeps(deps: PrepareDeps): PrepareDeps {
  return { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) };
}

function mergeOptions(file: RequestOptionsFile | undefined, caller: Overrides['options']): SendOptionsInput {
  return { ...(file as SendOptionsInput | undefined), ...(caller as SendOptionsInput | undefined) };
}

async function prepareFile(src: Extract<RequestSource, { kind: 'file' }>, o: Overrides, deps: PrepareDeps): Promise<PreparedRequest> {
  // Loaded on first use: a scratch or `--curl` send does not pay for the workspace code at start-up.
  const [{ loadRequestContext }, { environmentValues, loadGlobals, resolveInLayers }, { effectiveName, loadThrough }] = await Promise.all([
    import('../workspace/context'), import('./layers'), import('./profile-through')]);
  const draft = src.draft === undefined ? undefined : RequestFileSchema.parse(src.draft);
  const ctx = await loadRequestContext(src.dir, src.path, o.env, draft);
  const [env, global] = await Promise.all([environmentValues(ctx.environment, ctx.workspace.id, secretDeps(deps)), loadGlobals()]);
  const resolved = resolveInLayers(ctx.request, { folders: ctx.folders, collection: ctx.workspace.defaults, env, global, runtime: o.variables });
  const names = { key: effectiveName(o.key, resolved.key), gateway: effectiveName(o.gateway, resolved.gateway) };
  const through = await loadThrough(ctx.root, ctx.workspace.id, names, secretDeps(deps));
  const source = { workspace: ctx.root, path: src.path, ...(o.env ? { env: o.env } : {}), ...(through.key ? { key: through.key.name } : {}),
    ...(through.gateway ? { gateway: through.gateway.name } : {}) };
  return prepareResolved({ resolved, through, options: withDefaults(o.defaults, mergeOptions(ctx.request.options, o.options)), envSecrets: env.secrets, source });
}

async function prepareSpec(src: Extract<RequestSource, { kind: 'spec' }>, o: Overrides, deps: PrepareDeps): Promise<PreparedRequest> {
  const resolved: ResolvedRequest = { request: src.request as ResolvedRequest['request'], injectedHeaders: [], used: [], unresolved: [] };
  let through: LoadedThrough = { secrets: [] };
  let workspace: string | undefined;
  // Profiles load only when asked for: a plain send stays lean.
  if (o.key !== undefined || o.gateway !== undefined) {
    if (src.dir === undefined) {
      const { ContractError } = await import('../../shared/contract/result');
      throw new ContractError({ code: 'invalid-arguments', message: 'key and gateway profiles need dir, the workspace folder that holds them' });
    }
    const [{ loadWorkspace }, { loadThrough }] = await Promise.all([import('../workspace/loader'), import('./profile-through')]);
    const snap = await loadWorkspace(src.dir);
    through = await loadThrough(snap.root, snap.file.id, { key: o.key, gateway: o.gateway }, secretDeps(deps));
    workspace = snap.root;
  }
  const source = workspace ? { workspace, ...(through.key ? { key: through.key.name } : {}), ...(through.gateway ? { gateway: through.gateway.name } : {}) } : undefined;
  return prepareResolved({ resolved, through, options: withDefaults(o.defaults, o.options as SendOptionsInput | undefined), ...(source ? { source } : {}) });
}

/** The one way a request becomes what goes on the wire (see prepared.ts). */
export function prepare(source: RequestSource, overrides: Overrides = {}, deps: PrepareDeps = {}): Promise<PreparedRequest> {
  return source.kind === 'file' ? prepareFile(source, overrides, deps) : prepareSpec(source, overrides, deps);
}
