import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContractError, type ServiceImpl, type workspaceContract } from '../../shared/contract';
import { EnvironmentFileSchema, RequestFileSchema, type RequestOptionsFile, type Variables, type WireHeader } from '../../shared/model';
import { resolveRequest, unresolvedMessage, type ResolvedRequest, type Scopes } from '../../shared/variables';
import { bodyDirectory, send, sendThrough } from '../engine';
import { keychain as osKeychain, resolveVariables, secretAccount, type Keychain } from '../secrets';
import {
  appHome, createFolder, createRequest, deleteEntry, encode, findEnvironment, HistoryStore, initWorkspace, loadRequestContext,
  loadWorkspace, moveEntry, readRequest, renameEntry, saveRequest, WorkspaceSession,
} from '../workspace';
import { decode } from '../workspace/codec';
import { effectiveName, isThrough, loadThrough } from './profile-through';

export interface WorkspaceServiceDeps {
  /** records every send (the CLI and the app pass the same store) */
  history?: HistoryStore;
  keychain?: Keychain;
  /** where secrets declared with `env:` are looked up (default process.env) */
  environ?: Record<string, string | undefined>;
  bodyDir?: string;
  /** watcher debounce (tests shorten it) */
  debounceMs?: number;
}

function plain(vars: Variables | undefined, missing: Record<string, string>, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars ?? {})) {
    if (typeof v === 'string') out[k] = v;
    else missing[k] ??= `secret ${k} is declared in ${where}: secrets are kept in environments only (environments/<name>.yaml)`;
  }
  return out;
}

async function globals(): Promise<Record<string, string>> {
  const text = await readFile(join(appHome(), 'globals.yaml'), 'utf8').catch(() => null);
  if (text === null) return {};
  const r = decode(EnvironmentFileSchema, text, 'globals.yaml');
  return r.ok ? plain(r.value.variables, {}, 'globals') : {};
}

export function createWorkspaceService(deps: WorkspaceServiceDeps = {}): ServiceImpl<typeof workspaceContract> & { closeAll(): void } {
  const sessions = new Map<string, WorkspaceSession>();
  const kc = deps.keychain ?? osKeychain;
  const bodyDir = deps.bodyDir ?? bodyDirectory();

  const sessionOf = (root: string): WorkspaceSession | undefined => sessions.get(root);

  async function resolveFull(args: { dir: string; path: string; env?: string; request?: unknown; variables?: Record<string, string> }):
    Promise<ResolvedRequest & { secrets: string[]; secretNames: Set<string>; root: string; workspaceId: string; options?: RequestOptionsFile }> {
    const ctx = await loadRequestContext(args.dir, args.path, args.env, args.request ? RequestFileSchema.parse(args.request) : undefined);
    const envVars = ctx.environment
      ? await resolveVariables(ctx.environment.variables, { workspaceId: ctx.workspace.id, env: ctx.environment.name, keychain: kc, ...(deps.environ ? { environ: deps.environ } : {}) })
      : { values: {}, secrets: [], missing: {} };
    const missing: Record<string, string> = { ...envVars.missing };
    const scopes: Scopes = {
      ...(args.variables ? { runtime: args.variables } : {}),
      request: plain(ctx.request.variables, missing, 'the request'),
      folders: ctx.folders.map((d) => plain(d.variables, missing, 'a folder')),
      collection: plain(ctx.workspace.defaults?.variables, missing, 'clearance.yaml'),
      environment: envVars.values,
      global: await globals(),
      missing,
    };
    const resolved = resolveRequest(ctx.request, scopes, { folders: ctx.folders, ...(ctx.workspace.defaults ? { collection: ctx.workspace.defaults } : {}) });
    const secretNames = new Set(Object.entries(ctx.environment?.variables ?? {}).filter(([, v]) => typeof v !== 'string').map(([k]) => k));
    return { ...resolved, secrets: envVars.secrets, secretNames, root: ctx.root, workspaceId: ctx.workspace.id, ...(ctx.request.options ? { options: ctx.request.options } : {}) };
  }

  async function rootOf(dir: string): Promise<string> {
    return (await loadWorkspace(dir)).root;
  }

  return {
    async open({ dir }) {
      const snap = await loadWorkspace(dir);
      if (!sessions.has(snap.root)) sessions.set(snap.root, new WorkspaceSession(snap.root, { debounceMs: deps.debounceMs ?? 150 }));
      return snap;
    },

    async init({ dir, name }) {
      await initWorkspace(dir, name);
      return loadWorkspace(dir);
    },

    async readRequest({ dir, path }) {
      const r = await readRequest(dir, path);
      const root = await rootOf(dir);
      sessionOf(root)?.remember(path, await readFile(join(root, path), 'utf8'));
      return r;
    },

    async saveRequest({ dir, path, request, baseVersion }) {
      const root = await rootOf(dir);
      const s = sessionOf(root);
      s?.remember(path, encode(RequestFileSchema, request));
      const out = await saveRequest(root, path, request, baseVersion);
      s?.setDirty(path, false);
      return out;
    },

    async createRequest({ dir, folder, request }) {
      return createRequest(dir, folder, request);
    },
    async createFolder({ dir, parent, name }) {
      return createFolder(dir, parent, name);
    },
    async rename({ dir, path, name }) {
      return renameEntry(dir, path, name);
    },
    async move({ dir, path, to }) {
      return moveEntry(dir, path, to);
    },
    async delete({ dir, path }) {
      await deleteEntry(dir, path);
      return { deleted: true as const };
    },

    async environments({ dir }) {
      const snap = await loadWorkspace(dir);
      const environments = [];
      for (const e of snap.environments) {
        const r = decode(EnvironmentFileSchema, await readFile(join(snap.root, e.path), 'utf8'), e.path);
        if (!r.ok) continue;
        environments.push({
          path: e.path,
          name: r.value.name,
          variables: Object.entries(r.value.variables).map(([name, v]) => (typeof v === 'string'
            ? { name, value: v, secret: false }
            : { name, secret: true, ...(v.env ? { env: v.env } : {}) })),
        });
      }
      return { environments, problems: snap.problems.filter((p) => p.path.startsWith('environments/')) };
    },

    async resolve(args) {
      const { secrets: _s, secretNames, root: _r, workspaceId: _w, options: _o, ...resolved } = await resolveFull(args);
      return { ...resolved, used: resolved.used.map((u) => (secretNames.has(u.name) && u.scope === 'environment' ? { ...u, secret: true } : u)) };
    },

    async sendRequest(args) {
      const r = await resolveFull(args);
      if (r.unresolved.length) {
        throw new ContractError({ code: 'unresolved-variable', message: unresolvedMessage(r.unresolved), remedy: 'Define the variable (request, folder, collection, environment or globals), or pick the environment that has it.' });
      }
      const options = { ...r.options, ...args.options };
      const injectedHeaders: WireHeader[] = r.injectedHeaders.map((h) => ({ ...h }));
      const keyName = effectiveName(args.key, r.key);
      const gatewayName = effectiveName(args.gateway, r.gateway);
      const through = await loadThrough(r.root, r.workspaceId, { key: keyName, gateway: gatewayName }, { keychain: kc, ...(deps.environ ? { environ: deps.environ } : {}) });
      const secrets = [...r.secrets, ...through.secrets];
      const startedAt = Date.now();
      const source = { workspace: r.root, path: args.path, ...(args.env ? { env: args.env } : {}), ...(through.key ? { key: through.key.name } : {}),
        ...(through.gateway ? { gateway: through.gateway.name } : {}) };
      try {
        const response = isThrough(through)
          ? await sendThrough(r.request, { ...through, options }, { bodyDir, injectedHeaders })
          : await send(r.request, options, { bodyDir, injectedHeaders });
        await deps.history?.record({ request: r.request, injectedHeaders, response, secrets, source, startedAt });
        return response;
      } catch (err) {
        const info = (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };
        await deps.history?.record({ request: r.request, injectedHeaders, error: info, secrets, source, startedAt });
        throw err;
      }
    },

    async setSecret({ dir, env, name, value }) {
      const snap = await loadWorkspace(dir);
      const { file } = await findEnvironment(snap.root, env);
      const decl = file.variables[name];
      if (decl === undefined || typeof decl === 'string') {
        throw new ContractError({ code: 'not-a-secret', message: `${name} is not declared as a secret in environment ${file.name}`, remedy: `Declare it first: \`${name}: { secret: true }\` under variables.` });
      }
      await kc.set(secretAccount(snap.file.id, file.name, name), value, { variable: name, ...(decl.env ? { envVar: decl.env } : {}) });
      return { stored: true as const };
    },

    async clearSecret({ dir, env, name }) {
      const snap = await loadWorkspace(dir);
      const { file } = await findEnvironment(snap.root, env);
      return { deleted: await kc.delete(secretAccount(snap.file.id, file.name, name), { variable: name }) };
    },

    async edit({ dir, path, dirty }) {
      const root = await rootOf(dir);
      const s = sessionOf(root);
      if (!s) throw new ContractError({ code: 'not-open', message: `workspace ${dir} is not open (call workspace.open first)` });
      s.setDirty(path, dirty);
      return {};
    },

    async changes({ dir, since }) {
      const root = await rootOf(dir);
      const s = sessionOf(root);
      if (!s) throw new ContractError({ code: 'not-open', message: `workspace ${dir} is not open (call workspace.open first)` });
      return s.changes(since);
    },

    async close({ dir }) {
      const root = await rootOf(dir).catch(() => dir);
      sessions.get(root)?.close();
      sessions.delete(root);
      return {};
    },

    closeAll() {
      for (const s of sessions.values()) s.close();
      sessions.clear();
    },
  };
}
