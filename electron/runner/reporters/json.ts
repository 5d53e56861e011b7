// run.json: the whole report (results and summary), for CI and scripts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter } from '../types';

export function jsonReporter(outDir: string): Reporter & { file: string } {
  const file = join(outDir, 'run.json');
  return {
    file,
    async finish(report) {
      await mkdir(outDir, { recursive: true });
      await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    },
  };
}
