// A reporter that writes one file into --out when the run ends (run.json, junit.xml, report.html).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter, RunReport } from '../types';

export function fileReporter(outDir: string, name: string, render: (report: RunReport) => string): Reporter & { file: string } {
  const file = join(outDir, name);
  return {
    file,
    async finish(report) {
      await mkdir(outDir, { recursive: true });
      await writeFile(file, render(report));
    },
  };
}
