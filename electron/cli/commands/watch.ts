// `clearance watch TARGET`: the collection (or with --matrix its access matrix) re-run every
// --every; stdout carries only the changes, each new refusal with its explanation; every round is
// logged under the data folder; --notify runs the user's command on change. Ctrl+C stops cleanly.
import { resolve } from 'node:path';
import type { WatchRound } from '../../../shared/contract/watch';
import { parseDuration, runNotify, watch, WatchLog } from '../../watch';
import { changeLines } from '../../watch/format';
import { RunInputError } from '../../runner/run';
import { EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';

export interface WatchFlags {
  every?: string;
  matrix?: boolean;
  notify?: string;
  rounds?: string;
  env?: string;
  key?: string;
  gateway?: string;
  keys?: string;
  gateways?: string;
  allowUnsafe?: boolean;
  workspace?: string;
}

const list = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

function checkFlags(flags: WatchFlags): { everyMs: number; rounds?: number } {
  const everyMs = parseDuration(flags.every ?? '5m');
  if (everyMs === null || everyMs < 1000) throw new UsageError(`--every ${flags.every}: give a duration of at least 1s, such as 30s, 5m or 1h`);
  let rounds: number | undefined;
  if (flags.rounds !== undefined) {
    rounds = Number(flags.rounds);
    if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds must be a whole number of 1 or more, got ${flags.rounds}`);
  }
  if (flags.matrix && (flags.key || flags.gateway)) throw new UsageError('--key and --gateway are for a collection watch; with --matrix give --keys and --gateways');
  if (!flags.matrix && (flags.keys || flags.gateways || flags.allowUnsafe)) throw new UsageError('--keys, --gateways and --allow-unsafe need --matrix');
  return { everyMs, ...(rounds ? { rounds } : {}) };
}

export async function runWatchCommand(target: string, flags: WatchFlags): Promise<number> {
  const { everyMs, rounds } = checkFlags(flags);
  const p = palette(colorEnabled(process.stdout));
  const log = new WatchLog();
  const full = resolve(target);
  const controller = new AbortController();
  const stop = (): void => {
    process.stderr.write('\nstopping the watch\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stderr.write(`watching ${target}${flags.matrix ? ' (access matrix)' : ''} every ${flags.every ?? '5m'}; Ctrl+C stops\n`);

  const onRound = async (round: WatchRound): Promise<void> => {
    if (round.error) {
      process.stderr.write(`round ${round.round}: ${round.error.code}: ${round.error.message} (trying again in ${flags.every ?? '5m'})\n`);
      return;
    }
    if (round.round === 1) {
      process.stderr.write(`round 1: ${round.total} ${flags.matrix ? 'cells' : 'requests'} observed (the baseline)\n`);
      return;
    }
    if (!round.changes.length) return;
    process.stdout.write(`${round.changes.map((c) => changeLines(c, round.at, p)).join('\n')}\n`);
    if (flags.notify) {
      const r = await runNotify(flags.notify, { target: full, round }).catch((err: Error) => ({ code: null, timedOut: false, error: err.message }));
      if ('error' in r) process.stderr.write(`--notify could not start: ${r.error}\n`);
      else if (r.timedOut) process.stderr.write('--notify: the command ran for over 60 s and was stopped\n');
      else if (r.code !== 0) process.stderr.write(`--notify: the command exited ${r.code}\n`);
    }
  };
  try {
    const done = await watch(full, {
      everyMs, rounds, matrix: flags.matrix, env: flags.env, key: flags.key, gateway: flags.gateway, keys: list(flags.keys), gateways: list(flags.gateways),
      allowUnsafe: flags.allowUnsafe, workspace: flags.workspace, signal: controller.signal, log, onRound,
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
    });
    process.stderr.write(`stopped after ${done} round${done === 1 ? '' : 's'}; log: ${log.file}\n`);
  } catch (err) {
    if (err instanceof RunInputError) throw new UsageError(err.message);
    throw err;
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
  return EXIT_OK;
}
