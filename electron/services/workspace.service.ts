import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContractError, type ServiceImpl, type workspaceContract } from '../../shared/contract';
import { EnvironmentFileSchema, RequestFileSchema, type SendOptionsInput } from '../../shared/model';
import type { ResolvedRequest } from '../../shared/variables';
import { bodyDirectory } from '../engine';
import { keychain as osKeychain, type Keychain } from '../secrets';
import { forgetSecret, listWorkspaceSecrets, moveWorkspaceSecrets, putSecret, secretRef } from '../secrets/workspace-secrets';
import {
  createFolder, createRequest, deleteEntry, encode, findEnvironment, HistoryStore, initWorkspace, loadRequestContext,
  loadWorkspace, moveEntry, readFolder, readRequest, renameEntry, saveFolder, saveRequest, WorkspaceSession,
} from '../workspace';
import { decode } from '../workspace/codec';
import { prepare, sendPrepared } from '../pipeline';
import type { EventHub } from './event-hub';
import { environmentValues, loadGlobals, resolveInLayers } from '../pipeline/layers';
import { timelineTo } from './requests.service';

export interface WorkspaceServiceDeps {
  /** records every send (the CLI and the app pass the same store) */
  history?: HistoryStore;
  keychain?: Keychain;
  /** where secrets declared with `env:` are looked up (default process.env) */
  environ?: Record<string, string | undefined>;
  bodyDir?: string;
  /** where requests.onTimeline events go while a send is in flight */
  events?: EventHub;
  /** watcher debounce (tests shorten it) */
  debounceMs?: number;
  /** the app's Settings as send options under the request's own (HTTP version, proxy, CA); none in the CLI */
  sendDefaults?: () => Promise<SendOptionsInput>;
}

export function createWorkspaceService(deps: WorkspaceServiceDeps = {}): ServiceImpl<typeof workspaceContract> & { closeAll(): void } {
  const sessions = new Map<string, WorkspaceSession>();
  const kc = deps.keychain ?? osKeychain;
  // Secrets not found in the keychain are kept in the local store under the data folder (as sends read them).
  const stores = { keychain: kc, ...(deps.environ ? { environ: deps.environ } : {}) };
  const bodyDir = deps.bodyDir ?? bodyDirectory();

  const sessionOf = (root: string): WorkspaceSession | undefined => sessions.get(root);

  /** The request resolved for the URL preview, and which of its variables are environment secrets. */
  async function resolveForPreview(args: { dir: string; path: string; env?: string; request?: unknown; variables?: Record<string, string> }):
    Promise<{ resolved: ResolvedRequest; secretNames: Set<string> }> {
    const ctx = await loadRequestContext(args.dir, args.path, args.env, args.request ? RequestFileSchema.parse(args.request) : undefined);
    const envVars = await environmentValues(ctx.environment, ctx.workspace.id, { keychain: kc, ...(deps.environ ? { environ: deps.environ } : {}) });
    const resolved = resolveInLayers(ctx.request, {
      folders: ctx.folders, collection: ctx.workspace.defaults, env: envVars, global: await loadGlobals(), runtime: args.variables,
    });
    const secretNames = new Set(Object.entries(ctx.environment?.variables ?? {}).filter(([, v]) => typeof v !== 'string').map(([k]) => k));
    return { resolved, secretNames };
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

    async readFolder({ dir, path }) {
      return readFolder(await rootOf(dir), path);
    },

    async saveFolder({ dir, path, defaults, baseVersion }) {
      const root = await rootOf(dir);
      const { version, text, rel } = await saveFolder(root, path, defaults, baseVersion);
      // Our own write: the watcher does not report it back; the app reloads the tree itself.
      if (text) sessionOf(root)?.remember(rel, text);
      return { version };
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
      const { resolved, secretNames } = await resolveForPreview(args);
      return { ...resolved, used: resolved.used.map((u) => (secretNames.has(u.name) && u.scope === 'environment' ? { ...u, secret: true } : u)) };
    },

    async sendRequest(args) {
      const prepared = await prepare({ kind: 'file', dir: args.dir, path: args.path, ...(args.request ? { draft: args.request } : {}) },
        { env: args.env, variables: args.variables, options: args.options, key: args.key, gateway: args.gateway, defaults: await deps.sendDefaults?.() },
        { keychain: kc, ...(deps.environ ? { environ: deps.environ } : {}) });
      const onEvent = timelineTo(deps.events, args.sendId);
      return sendPrepared(prepared, { bodyDir, history: deps.history, ...(args.sendId ? { sendId: args.sendId } : {}), ...(onEvent ? { onEvent } : {}) });
    },

    async exportRequest(args) {
      const { exportWorkspaceRequest } = await import('../exporters/export-file');
      return exportWorkspaceRequest({ dir: args.dir, path: args.path, env: args.env, key: args.key, gateway: args.gateway, format: args.format,
        ...(args.request ? { draft: RequestFileSchema.parse(args.request) } : {}) });
    },

    async setSecret({ dir, env, name, value }) {
      const snap = await loadWorkspace(dir);
      const { file } = await findEnvironment(snap.root, env);
      const decl = file.variables[name];
      if (decl === undefined || typeof decl === 'string') {
        throw new ContractError({ code: 'not-a-secret', message: `${name} is not declared as a secret in environment ${file.name}`, remedy: `Declare it first: \`${name}: { secret: true }\` under variables.` });
      }
      return { stored: true as const, where: await putSecret(snap.file.id, { kind: 'env', env: file.name, name }, value, stores) };
    },

    async clearSecret({ dir, env, name }) {
      const snap = await loadWorkspace(dir);
      const { file } = await findEnvironment(snap.root, env);
      // Everywhere: setSecret or an import may have put it in the local store.
      return { deleted: await forgetSecret(snap.file.id, { kind: 'env', env: file.name, name }, stores, { variable: name }) };
    },

    async secrets({ dir }) {
      return listWorkspaceSecrets(await rootOf(dir), stores);
    },

    async moveSecrets({ dir, to }) {
      const root = await rootOf(dir);
      try {
        const { moved, already, absent, undeclared, localStore, problems } = await moveWorkspaceSecrets(root, to, stores);
        return { to, localStore, problems, undeclared, moved: moved.map(secretRef), already: already.map(secretRef), absent: absent.map(secretRef) };
      } catch (err) {
        const info = (err as { info?: { code?: string; message?: string } }).info;
        const noKeychain = info?.code === 'keychain-unavailable';
        throw new ContractError({
          code: 'secrets-not-moved',
          message: `Nothing more moved to ${to === 'keychain' ? 'the OS keychain' : 'the local store'}: ${info?.message ?? (err as Error).message}`,
          reason: 'Each secret is copied, read back, then deleted from the other store: the ones moved before this stay moved, the rest stay where they were; none is lost.',
          remedy: noKeychain ? 'Move them where the OS keychain can be reached (a desktop session with a keyring), or keep them in the local store.' : 'Fix the cause above and move again.',
        });
      }
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
