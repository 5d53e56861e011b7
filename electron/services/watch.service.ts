// Watch over the contract: watch.start runs the loop in the backend and pushes each round's end
// (watch.onRound) and each change (watch.onChange, for the app's notification); watch.stop aborts
// it. No command is run on change here: the window notifies, a shell command is the CLI's option.
import { randomUUID } from 'node:crypto';
import type { ServiceImpl } from '../../shared/contract/define';
import { watchContract, type WatchInfoSchema } from '../../shared/contract/watch';
import type { z } from 'zod';
import type { SendOptionsInput } from '../../shared/model';
import type { Keychain } from '../secrets/keychain';
import { watch, watchErrorInfo, WatchLog } from '../watch';
import type { EventHub } from './event-hub';
import { targetInside } from './matrix.service';

export interface WatchServiceDeps {
  keychain?: Keychain;
  /** the app's Settings as send options: each round's sends take them as a single send does */
  sendDefaults?: () => Promise<SendOptionsInput>;
  environ?: Record<string, string | undefined>;
  events?: EventHub;
  /** where the rounds are logged (default: <app data>/watch) */
  watchLogDir?: string;
}

type WatchInfo = z.output<typeof WatchInfoSchema>;

export function createWatchService(deps: WatchServiceDeps = {}): ServiceImpl<typeof watchContract> {
  const watches = new Map<string, { controller: AbortController; info: WatchInfo }>();
  const log = new WatchLog(deps.watchLogDir);
  const emit = (channel: string, payload: unknown): void => deps.events?.emit(channel, payload);
  return {
    async start(args) {
      const target = targetInside(args.dir, args.target);
      const watchId = randomUUID();
      const controller = new AbortController();
      const info: WatchInfo = { watchId, dir: args.dir, ...(args.target ? { target: args.target } : {}), matrix: args.matrix === true, everyMs: args.everyMs,
        rounds: 0, startedAt: new Date().toISOString() };
      watches.set(watchId, { controller, info });
      const { onChange, onRound } = watchContract.events;
      void watch(target, {
        ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}), sendDefaults: deps.sendDefaults,
        everyMs: args.everyMs, matrix: args.matrix, env: args.env, key: args.key, gateway: args.gateway, keys: args.keys, gateways: args.gateways,
        allowUnsafe: args.allowUnsafe, signal: controller.signal, log,
        onRound: (round) => {
          info.rounds = round.round;
          emit(onRound.channel, { watchId, round: round.round, at: round.at, total: round.total, changes: round.changes.length, ...(round.error ? { error: round.error } : {}) });
          if (round.changes.length) emit(onChange.channel, { watchId, round });
        },
        onWarning: (message) => process.emitWarning(`watch ${watchId}: ${message}`),
      }).catch((err: unknown) => {
        // Bad input in the first round ends the watch: the window hears it as that round's error.
        emit(onRound.channel, { watchId, round: 1, at: new Date().toISOString(), total: 0, changes: 0, error: watchErrorInfo(err) });
      }).finally(() => watches.delete(watchId));
      return { watchId };
    },
    async stop({ watchId }) {
      const w = watches.get(watchId);
      w?.controller.abort();
      return { stopped: Boolean(w) };
    },
    async list() {
      return { watches: [...watches.values()].map((w) => ({ ...w.info })) };
    },
  };
}
