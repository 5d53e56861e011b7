// `clearance run TARGET`: the collection runner. Loads the target once (importing Postman, Insomnia
// and Bruno exports in memory), runs every request (per iteration, paced by the servers), reports,
// exits 1 on any failure and 2 on bad input. A plain run loads none of the optional parts: the data
// file reader, the reporters it did not ask for.
import { resolve } from 'node:path';
import { RunInputError, runPlan } from '../../runner/run';
import { loadTarget } from '../../runner/target';
import type { Reporter } from '../../runner/types';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';
import { escapeControls } from '../output/safe-text';

export interface RunFlags {
  env?: string;
  key?: string;
  gateway?: string;
  reporter?: string;
  out?: string;
  bail?: boolean;
  workspace?: string;
  history?: boolean;
  iterationData?: string;
  iterations?: string;
  delay?: string;
  timeout?: string;
  insecure?: boolean;
  parallel?: string;
  maxWait?: string;
}

const REPORTERS = ['cli', 'json', 'junit', 'html'] as const;

/** A whole number flag within bounds, or a UsageError naming the flag. */
function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} ${value}: a whole number from ${min} to ${max}`);
  return n;
}

async function reportersFor(names: string[], outDir: string, total: number): Promise<Reporter[]> {
  const reporters: Reporter[] = [];
  if (names.includes('cli')) {
    const { cliReporter } = await import('../../runner/reporters/cli');
    reporters.push(cliReporter({ out: process.stdout, palette: palette(colorEnabled(process.stdout)), total }));
  }
  if (names.includes('json')) reporters.push((await import('../../runner/reporters/json')).jsonReporter(outDir));
  if (names.includes('junit')) reporters.push((await import('../../runner/reporters/junit')).junitReporter(outDir));
  if (names.includes('html')) reporters.push((await import('../../runner/reporters/html')).htmlReporter(outDir));
  return reporters;
}

export async function runRun(target: string, flags: RunFlags): Promise<number> {
  const names = (flags.reporter ?? 'cli').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(REPORTERS as readonly string[]).includes(n));
  if (unknown.length || !names.length) throw new UsageError(`--reporter ${flags.reporter ?? ''}: use one or more of ${REPORTERS.join(', ')} (comma-separated)`);
  const iterations = intFlag('iterations', flags.iterations, 1, 100_000);
  const delayMs = intFlag('delay', flags.delay, 0, 3_600_000);
  const timeoutMs = intFlag('timeout', flags.timeout, 1, 3_600_000);
  const parallel = intFlag('parallel', flags.parallel, 1, 256);
  const maxWaitMs = intFlag('max-wait', flags.maxWait, 0, 3_600_000);
  const data = flags.iterationData ? await (await import('../../runner/iteration-data')).loadIterationData(flags.iterationData) : undefined;
  const outDir = resolve(flags.out ?? '.');
  const plan = await loadTarget(target, flags.workspace);
  const reporters = await reportersFor(names, outDir, plan.requests.length * (iterations ?? data?.length ?? 1));
  if (names.includes('cli')) for (const w of plan.warnings) process.stderr.write(`warning: ${escapeControls(w)}\n`);
  if (flags.insecure) process.stderr.write('warning: --insecure: TLS certificates are not verified for any request of this run\n');
  let history;
  if (flags.history !== false) {
    const { HistoryStore } = await import('../../workspace/history/store');
    history = new HistoryStore();
  }
  let report;
  // Ctrl+C aborts the request in flight and ends the run; the reporters still write what ran.
  const interrupt = new AbortController();
  const onInterrupt = (): void => {
    process.removeListener('SIGINT', onInterrupt);
    process.stderr.write('\ninterrupted: stopping the run\n');
    interrupt.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    report = await runPlan(plan, { env: flags.env, key: flags.key, gateway: flags.gateway, bail: flags.bail, reporters, history, signal: interrupt.signal,
      data, iterations, delayMs, timeoutMs, insecure: flags.insecure, parallel, maxWaitMs });
  } catch (err) {
    if (err instanceof RunInputError) throw new UsageError(err.message);
    throw err;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  for (const r of reporters) await r.finish(report);
  if (!names.includes('cli')) {
    const s = report.summary;
    process.stderr.write(`${report.collection}: ${s.total} requests, ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} not run` : ''}\n`);
  }
  return report.summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
