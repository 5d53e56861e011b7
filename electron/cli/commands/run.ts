// `clearance run TARGET`: the collection runner. Loads the target once (importing Postman, Insomnia
// and Bruno exports in memory), runs every request in order, reports, exits 1 on any failure.
import { resolve } from 'node:path';
import { RunInputError, runPlan } from '../../runner/run';
import { loadTarget } from '../../runner/target';
import type { Reporter } from '../../runner/types';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';

export interface RunFlags {
  env?: string;
  key?: string;
  gateway?: string;
  reporter?: string;
  out?: string;
  bail?: boolean;
  workspace?: string;
  history?: boolean;
}

const REPORTERS = ['cli', 'json', 'junit'] as const;

export async function runRun(target: string, flags: RunFlags): Promise<number> {
  const names = (flags.reporter ?? 'cli').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(REPORTERS as readonly string[]).includes(n));
  if (unknown.length || !names.length) throw new UsageError(`--reporter ${flags.reporter ?? ''}: use one or more of ${REPORTERS.join(', ')} (comma-separated)`);
  const outDir = resolve(flags.out ?? '.');
  const plan = await loadTarget(target, flags.workspace);
  const reporters: Reporter[] = [];
  if (names.includes('cli')) {
    const { cliReporter } = await import('../../runner/reporters/cli');
    reporters.push(cliReporter({ out: process.stdout, palette: palette(colorEnabled(process.stdout)) }));
    for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
  }
  if (names.includes('json')) reporters.push((await import('../../runner/reporters/json')).jsonReporter(outDir));
  if (names.includes('junit')) reporters.push((await import('../../runner/reporters/junit')).junitReporter(outDir));
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
    report = await runPlan(plan, { env: flags.env, key: flags.key, gateway: flags.gateway, bail: flags.bail, reporters, history, signal: interrupt.signal });
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
