// The watch loop: a round (the collection through the runner's runPlan, or the access matrix), a
// pause, again. The first round is the baseline; each later round yields what changed since the
// one before. A round that fails (a file broke meanwhile) is reported and the next one tries again;
// bad input in the first round stops the watch before it starts. Stopped by its signal at any point.
import { setTimeout as sleep } from 'node:timers/promises';
import type { WatchRound } from '../../shared/contract/watch';
import { toErrorInfo, type ErrorInfo } from '../../shared/contract/result';
import { errorCategory } from '../../shared/errors/codes';
import { UsageError } from '../cli/exit-codes';
import type { SendOptionsInput } from '../../shared/model';
import type { SecretDeps } from '../pipeline/layers';
import { RunInputError, runPlan } from '../runner/run';
import { loadTarget } from '../runner/target';
import type { WatchLog } from './log';
import { diffEntries, entriesOfMatrix, entriesOfRun, type WatchEntry } from './snapshot';

export interface WatchOptions extends SecretDeps {
  everyMs: number;
  /** watch the access matrix instead of the collection run */
  matrix?: boolean | undefined;
  /** stop after this many rounds (default: until the signal) */
  rounds?: number | undefined;
  env?: string | undefined;
  key?: string | undefined;
  gateway?: string | undefined;
  keys?: string[] | undefined;
  gateways?: string[] | undefined;
  allowUnsafe?: boolean | undefined;
  workspace?: string | undefined;
  signal?: AbortSignal | undefined;
  /** every round as it ends (changes empty for the baseline) */
  onRound?: ((round: WatchRound) => void | Promise<void>) | undefined;
  log?: WatchLog | undefined;
  onWarning?: ((message: string) => void) | undefined;
  /** the app's Settings as send options, read each round (they may change while a watch runs) */
  sendDefaults?: (() => Promise<SendOptionsInput>) | undefined;
}

/** A round's error as data; bad input keeps its code (usage), the runner's and the CLI's included. */
export function watchErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof RunInputError) return { code: err.code, message: err.message };
  if (err instanceof UsageError) return { code: 'invalid-arguments', message: err.message };
  return toErrorInfo(err);
}

async function observe(target: string, o: WatchOptions): Promise<WatchEntry[]> {
  const plan = await loadTarget(target, o.workspace);
  const deps: SecretDeps = { ...(o.keychain ? { keychain: o.keychain } : {}), ...(o.environ ? { environ: o.environ } : {}) };
  const sendDefaults = await o.sendDefaults?.();
  if (o.matrix) {
    const { runMatrix } = await import('../matrix/run-matrix');
    const m = await runMatrix(plan, { ...deps, keys: o.keys, gateways: o.gateways, env: o.env, allowUnsafe: o.allowUnsafe, workspace: o.workspace,
      signal: o.signal, onWarning: o.onWarning, sendDefaults });
    return entriesOfMatrix(m);
  }
  const report = await runPlan(plan, { ...deps, env: o.env, key: o.key, gateway: o.gateway, reporters: [], signal: o.signal, sendDefaults });
  return entriesOfRun(report);
}

/** Watches `target` until the signal or the last round; resolves with the number of rounds completed. */
export async function watch(target: string, o: WatchOptions): Promise<number> {
  let previous: Map<string, WatchEntry> | null = null;
  let done = 0;
  const aborted = (): boolean => o.signal?.aborted === true;
  for (let n = 1; !aborted() && (o.rounds === undefined || n <= o.rounds); n++) {
    const at = new Date().toISOString();
    let round: WatchRound;
    try {
      const entries = await observe(target, o);
      // A round cut short by the stop is not compared: its missing answers are no change of the API.
      if (aborted()) break;
      round = { round: n, at, total: entries.length, changes: previous ? diffEntries(previous, entries) : [] };
      previous = new Map(entries.map((e) => [e.id, e]));
    } catch (err) {
      if (aborted()) break;
      const info = watchErrorInfo(err);
      if (n === 1 && errorCategory(info.code) === 'usage') throw err;
      round = { round: n, at, total: 0, changes: [], error: info };
    }
    done = n;
    if (o.log) {
      await o.log.append({ ...round, target, mode: o.matrix ? 'matrix' : 'collection' })
        .catch((err: Error) => o.onWarning?.(`the watch log ${o.log!.file} could not be written: ${err.message}`));
    }
    await o.onRound?.(round);
    if (o.rounds !== undefined && n >= o.rounds) break;
    // The pause ends early on the stop; AbortError is how it says so.
    await sleep(o.everyMs, undefined, o.signal ? { signal: o.signal } : {}).catch((err: Error) => {
      if (err.name !== 'AbortError') throw err;
    });
  }
  return done;
}
