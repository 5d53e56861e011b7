// run.json: the whole report (results and summary), for CI and scripts.
import type { Reporter } from '../types';
import { fileReporter } from './file';

export function jsonReporter(outDir: string): Reporter & { file: string } {
  return fileReporter(outDir, 'run.json', (report) => `${JSON.stringify(report, null, 2)}\n`);
}
