import { create } from 'zustand';
import type { z } from 'zod';
import type { EnvironmentInfoSchema } from '../../../../shared/contract';
import { isRefusal } from '../../../../shared/explain/refusal';
import type { WorkspaceSnapshot } from '../../../../shared/model';
import { api, toClientError } from '../../platform';
import { closeTab, useRequestEditorStore } from '../request-editor';
import { rememberedEnv, rememberEnv, rememberWorkspace } from './recent';

/** Tabs of another workspace's files make no sense once it is closed. */
function closeFileTabs(): void {
  for (const d of useRequestEditorStore.getState().tabs) if (d.file) closeTab(d.id);
}

export type EnvironmentInfo = z.output<typeof EnvironmentInfoSchema>;
export interface LastStatus { status: number | null; refused: boolean }

interface WorkspaceState {
  root: string | null;
  snapshot: WorkspaceSnapshot | null;
  environments: EnvironmentInfo[];
  /** selected environment name; null = none */
  env: string | null;
  /** last change seq seen from workspace.changes */
  seq: number;
  /** last status per request path (this session's sends, seeded from history) */
  statuses: Record<string, LastStatus>;
  expanded: Record<string, boolean>;
  busy: boolean;
  error: string | null;
  /** why changes on disk are not being followed right now (cleared by the next good poll) */
  syncError: string | null;
  open(dir: string): Promise<boolean>;
  init(dir: string, name: string): Promise<boolean>;
  close(): Promise<void>;
  reload(): Promise<void>;
  setEnv(env: string | null): void;
  setExpanded(path: string, open: boolean): void;
  setStatus(path: string, s: LastStatus): void;
  clearError(): void;
}

async function seedStatuses(root: string): Promise<Record<string, LastStatus>> {
  const out: Record<string, LastStatus> = {};
  try {
    const { entries } = await api.history.list({ limit: 500 });
    for (const e of entries) {
      const p = e.source?.path;
      if (!p || e.source?.workspace !== root || out[p]) continue;
      // a failed send shows red too; otherwise the one refusal rule, with the verdict history stored
      out[p] = { status: e.status, refused: e.status === null || isRefusal(e, { blocked: e.refused === true }) };
    }
  } catch {
    // Last statuses are a nicety; the history list shows its own error.
  }
  return out;
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => {
  async function load(snapshot: WorkspaceSnapshot): Promise<void> {
    const root = snapshot.root;
    const [{ environments }, batch, statuses] = await Promise.all([
      api.workspace.environments({ dir: root }), api.workspace.changes({ dir: root, since: 0 }), seedStatuses(root)]);
    const remembered = rememberedEnv(root);
    const env = environments.some((e) => e.name === remembered) ? remembered : environments[0]?.name ?? null;
    const expanded = Object.fromEntries(snapshot.tree.filter((n) => n.type === 'folder').map((n) => [n.path, true]));
    rememberWorkspace(root, snapshot.file.name);
    set({ root, snapshot, environments, env, seq: batch.seq, statuses, expanded, busy: false, error: null, syncError: null });
  }
  async function run(fn: () => Promise<WorkspaceSnapshot>): Promise<boolean> {
    set({ busy: true, error: null });
    try {
      const prev = get().root;
      const snapshot = await fn();
      if (prev && prev !== snapshot.root) {
        closeFileTabs();
        // A failed close only leaves the old folder's watcher running until the backend exits.
        await api.workspace.close({ dir: prev }).catch(() => undefined);
      }
      await load(snapshot);
      return true;
    } catch (err) {
      const e = toClientError(err);
      set({ busy: false, error: e.remedy ? `${e.message} ${e.remedy}` : e.message });
      return false;
    }
  }
  return {
    root: null, snapshot: null, environments: [], env: null, seq: 0, statuses: {}, expanded: {}, busy: false, error: null, syncError: null,
    open: (dir) => run(() => api.workspace.open({ dir: dir.trim() })),
    init: (dir, name) => run(async () => {
      await api.workspace.init({ dir: dir.trim(), name });
      return api.workspace.open({ dir: dir.trim() });
    }),
    async close() {
      const root = get().root;
      closeFileTabs();
      set({ root: null, snapshot: null, environments: [], env: null, seq: 0, statuses: {}, syncError: null });
      // The app has let go of the folder; a failed close only leaves its watcher until the backend exits.
      if (root) await api.workspace.close({ dir: root }).catch(() => undefined);
    },
    async reload() {
      const root = get().root;
      if (!root) return;
      try {
        const [snapshot, { environments }] = await Promise.all([api.workspace.open({ dir: root }), api.workspace.environments({ dir: root })]);
        if (get().root !== root) return;
        const env = get().env;
        set({ snapshot, environments, env: env && environments.some((e) => e.name === env) ? env : environments[0]?.name ?? null });
      } catch (err) {
        set({ error: toClientError(err).message });
      }
    },
    setEnv(env) {
      const root = get().root;
      if (root) rememberEnv(root, env);
      set({ env });
    },
    setExpanded: (path, open) => set((s) => ({ expanded: { ...s.expanded, [path]: open } })),
    setStatus: (path, st) => set((s) => ({ statuses: { ...s.statuses, [path]: st } })),
    clearError: () => set({ error: null }),
  };
});
