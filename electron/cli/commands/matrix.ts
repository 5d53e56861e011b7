// `clearance matrix TARGET`: every request × every key × gateway as a heat map (terminal, --json or
// --html FILE), compared with the expected access file (access.yaml at the workspace root, or
// --expect FILE); exit 1 when a cell differs from it. --update writes what was observed as the new
// expectation after a review.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Comparison } from '../../../shared/contract/matrix';
import { accessFilePath, compareMatrix, readExpectation, runMatrix, updateExpectation } from '../../matrix';
import { loadTarget } from '../../runner/target';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';

export interface MatrixFlags {
  keys?: string;
  gateways?: string;
  env?: string;
  expect?: string;
  update?: boolean;
  allowUnsafe?: boolean;
  json?: boolean;
  html?: string;
  workspace?: string;
}

const list = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

/** Ctrl+C stops the matrix: sends in flight are aborted, the cells not run are reported as skipped. */
function interruptible(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    process.removeListener('SIGINT', onInterrupt);
    process.stderr.write('\ninterrupted: stopping the matrix\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, done: () => process.removeListener('SIGINT', onInterrupt) };
}

export async function runMatrixCommand(target: string, flags: MatrixFlags): Promise<number> {
  if (flags.json && flags.html) throw new UsageError('give --json or --html FILE, not both');
  const keys = list(flags.keys);
  const gateways = list(flags.gateways);
  if ((keys && !keys.length) || (gateways && !gateways.length)) throw new UsageError('--keys and --gateways take comma-separated profile names');
  const plan = await loadTarget(target, flags.workspace);
  const file = flags.expect ? resolve(flags.expect) : plan.format === 'clearance' ? accessFilePath(plan.root) : null;
  if (!file && flags.update) throw new UsageError('--update: an imported collection has no workspace to keep access.yaml in; give --expect FILE');
  // Read before sending: a broken expectation file is bad input (exit 2) with nothing sent.
  const expected = file ? await readExpectation(file) : null;
  if (flags.expect && !expected?.exists && !flags.update) throw new UsageError(`--expect ${flags.expect}: no such file (run with --update to write it)`);

  const stop = interruptible();
  // On a terminal, a count of the cells done on stderr; nothing when piped.
  let done = 0;
  const progress = process.stderr.isTTY ? () => process.stderr.write(`\r${++done} cells`) : undefined;
  let matrix;
  try {
    matrix = await runMatrix(plan, { keys, gateways, env: flags.env, allowUnsafe: flags.allowUnsafe, workspace: flags.workspace, signal: stop.signal, onCell: progress,
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`) });
  } finally {
    stop.done();
    if (progress) process.stderr.write('\r\u001b[K');
  }
  const comparison: Comparison | null = file && expected?.exists ? compareMatrix(matrix, expected.requests, file) : null;
  const p = palette(colorEnabled(process.stdout));
  if (flags.json) process.stdout.write(`${JSON.stringify({ matrix, comparison }, null, 2)}\n`);
  else if (flags.html) {
    const { renderMatrixHtml } = await import('../../matrix/html');
    await writeFile(resolve(flags.html), renderMatrixHtml(matrix, comparison));
    process.stderr.write(`wrote ${resolve(flags.html)}\n`);
  } else {
    const { renderHeatmap } = await import('../../matrix/heatmap');
    process.stdout.write(renderHeatmap(matrix, comparison, p));
  }
  if ((flags.json || flags.html) && comparison) {
    const { comparisonLines } = await import('../../matrix/heatmap');
    process.stderr.write(`${comparisonLines(comparison, palette(colorEnabled(process.stderr))).join('\n')}\n`);
  }
  if (flags.update && file && !matrix.stopped) {
    const { changed } = await updateExpectation(file, matrix);
    process.stderr.write(`${file}: ${expected?.exists ? `${changed} cell${changed === 1 ? '' : 's'} updated` : `written with ${changed} cells`}\n`);
    return EXIT_OK;
  }
  if (matrix.stopped) {
    if (flags.update) process.stderr.write(`${file}: not updated (the matrix was stopped before every cell ran)\n`);
    return EXIT_FAILURE;
  }
  return comparison && comparison.drift.length ? EXIT_FAILURE : EXIT_OK;
}
