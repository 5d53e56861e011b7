// Watches the backend runs (watch.start): a folder's run or its access matrix re-run on a schedule.
// The store keeps the watches of this backend (watch.list finds them again after a reload), each
// round's end (watch.onRound) and every change (watch.onChange) as a feed and a toast, and tells
// the user through a notification. Only this store calls the backend for watches.
import { create } from 'zustand';
import type { z } from 'zod';
import type { ErrorInfo, WatchChange, WatchStartArgsSchema } from '../../../../shared/contract';
import { api, toClientError } from '../../platform';
import { newId } from '../../lib/id';
import { useWorkspaceStore } from '../workspace';
import { notifyChanges } from './notify';

export type WatchKind = 'run' | 'matrix';

type StartArgs = z.input<typeof WatchStartArgsSchema>;

/**
 * What a view asks to watch: its folder ('' = the whole workspace, `name` as the view calls it) with
 * the settings it runs with: the key/gateway of a run, the columns of a matrix.
 */
export type WatchSource = { kind: WatchKind; target: string; name: string }
  & Partial<Pick<StartArgs, 'env' | 'key' | 'gateway' | 'keys' | 'gateways' | 'allowUnsafe'>>;

export interface ActiveWatch {
  watchId: string;
  kind: WatchKind;
  dir: string;
  target: string;
  label: string;
  everyMs: number;
  rounds: number;
  lastAt: string | null;
  /** changes seen since the watch started */
  changes: number;
  /** the last round could not run (or the watch ended on bad input) */
  error: ErrorInfo | null;
  /** run mode: the profiles a change's request is sent again with */
  key?: string | undefined;
  gateway?: string | undefined;
  ended: boolean;
}

export interface ChangeItem {
  id: string;
  watchId: string;
  label: string;
  round: number;
  at: string;
  change: WatchChange;
  key?: string | undefined;
  gateway?: string | undefined;
}

export interface RoundToast { id: string; watchId: string; label: string; round: number; items: ChangeItem[] }

interface WatchState {
  watches: ActiveWatch[];
  /** newest first, bounded */
  feed: ChangeItem[];
  /** changes not looked at yet (the indicator's badge) */
  unseen: number;
  toasts: RoundToast[];
  /** the change whose explanation is open */
  opened: ChangeItem | null;
  startError: string | null;
  start(source: WatchSource, everyMs: number): Promise<void>;
  stop(watchId: string): Promise<void>;
  refresh(): Promise<void>;
  dismiss(toastId: string): void;
  open(item: ChangeItem | null): void;
  markSeen(): void;
}

const FEED_MAX = 200;
const TOASTS_MAX = 3;

export const labelOf = (kind: WatchKind, name: string) => `${kind === 'matrix' ? 'Matrix' : 'Run'} · ${name}`;

/** Is this view's folder watched already (the control shows Stop then)? */
export function watchOf(watches: ActiveWatch[], kind: WatchKind, target: string): ActiveWatch | undefined {
  const dir = useWorkspaceStore.getState().root;
  return watches.find((w) => !w.ended && w.kind === kind && w.target === target && w.dir === dir);
}

export const useWatchStore = create<WatchState>()((set, get) => {
  let listening = false;
  const patch = (watchId: string, p: Partial<ActiveWatch>) =>
    set((s) => ({ watches: s.watches.map((w) => (w.watchId === watchId ? { ...w, ...p } : w)) }));

  async function endedUnlessListed(watchId: string): Promise<void> {
    try {
      const { watches } = await api.watch.list({});
      if (!watches.some((x) => x.watchId === watchId)) patch(watchId, { ended: true });
    } catch (err) {
      // The watch keeps its round error on show; whether it ended is asked again at the next error.
      console.warn('watch.list failed', toClientError(err).message);
    }
  }
  function listen(): void {
    if (listening) return;
    listening = true;
    api.events.on('watch', 'onRound', ({ watchId, round, at, changes, error }) => {
      const w = get().watches.find((x) => x.watchId === watchId);
      if (!w) return;
      patch(watchId, { rounds: round, lastAt: at, changes: w.changes + changes, error: error ?? null });
      // A round that could not run is tried again, but bad input ends the watch: the backend's list says which.
      if (error) void endedUnlessListed(watchId);
    });
    api.events.on('watch', 'onChange', ({ watchId, round }) => {
      const w = get().watches.find((x) => x.watchId === watchId);
      const label = w?.label ?? 'Watch';
      const items: ChangeItem[] = round.changes.map((change) => ({
        id: newId('change'), watchId, label, round: round.round, at: round.at, change, key: w?.key, gateway: w?.gateway,
      }));
      if (!items.length) return;
      const toast: RoundToast = { id: newId('toast'), watchId, label, round: round.round, items };
      set((s) => ({ feed: [...items.reverse(), ...s.feed].slice(0, FEED_MAX), unseen: s.unseen + items.length, toasts: [...s.toasts, toast].slice(-TOASTS_MAX) }));
      notifyChanges(label, round.changes);
    });
  }

  return {
    watches: [], feed: [], unseen: 0, toasts: [], opened: null, startError: null,
    async start(source, everyMs) {
      const dir = useWorkspaceStore.getState().root;
      if (!dir || watchOf(get().watches, source.kind, source.target)) return;
      listen();
      set({ startError: null });
      try {
        const { watchId } = await api.watch.start({
          dir, everyMs, ...(source.target ? { target: source.target } : {}), ...(source.env ? { env: source.env } : {}),
          ...(source.kind === 'matrix'
            ? { matrix: true, keys: source.keys, gateways: source.gateways, ...(source.allowUnsafe ? { allowUnsafe: true } : {}) }
            : { ...(source.key ? { key: source.key } : {}), ...(source.gateway ? { gateway: source.gateway } : {}) }),
        });
        const w: ActiveWatch = { watchId, kind: source.kind, dir, target: source.target, label: labelOf(source.kind, source.name), everyMs,
          rounds: 0, lastAt: null, changes: 0, error: null, key: source.key || undefined, gateway: source.gateway || undefined, ended: false };
        set((s) => ({ watches: [...s.watches.filter((x) => x.watchId !== watchId), w] }));
      } catch (err) {
        const e = toClientError(err);
        set({ startError: e.remedy ? `${e.message} ${e.remedy}` : e.message });
      }
    },
    async stop(watchId) {
      try {
        await api.watch.stop({ watchId });
        set((s) => ({ watches: s.watches.filter((w) => w.watchId !== watchId), toasts: s.toasts.filter((t) => t.watchId !== watchId) }));
      } catch (err) {
        patch(watchId, { error: toClientError(err).info });
      }
    },
    async refresh() {
      listen();
      try {
        const { watches } = await api.watch.list({});
        const known = new Map(get().watches.map((w) => [w.watchId, w]));
        const ws = useWorkspaceStore.getState().snapshot;
        set({
          watches: watches.map((info) => known.get(info.watchId) ?? {
            watchId: info.watchId, kind: info.matrix ? 'matrix' : 'run', dir: info.dir, target: info.target ?? '', everyMs: info.everyMs,
            label: labelOf(info.matrix ? 'matrix' : 'run', info.target ? info.target.split('/').pop()! : ws?.root === info.dir ? ws.file.name : info.dir),
            rounds: info.rounds, lastAt: null, changes: 0, error: null, ended: false,
          }),
        });
      } catch (err) {
        // The backend is unreachable: the top bar already says "Backend offline"; the watches are listed once it answers.
        console.warn('watch.list failed', toClientError(err).message);
      }
    },
    dismiss: (toastId) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== toastId) })),
    open: (item) => set({ opened: item }),
    markSeen: () => set({ unseen: 0 }),
  };
});
