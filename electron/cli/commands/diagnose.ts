// `clearance diagnose (--curl '<curl>' | REQUEST_FILE)`: the request sent once, explained, then
// probed in safe variants until a change turns the refusal into a 2xx (the fix, as a curl that runs
// as printed) or the probes show nothing client-side can (whom to ask for what).
import { resolve } from 'node:path';
import { CurlParseError, parseCurl } from '../../../shared/curl';
import type { RequestSource } from '../../pipeline/prepare';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';
import { loadRequestFile } from '../request-file';
import { findWorkspaceRoot, locateInWorkspace } from '../workspace-send';

export interface DiagnoseFlags {
  curl?: string;
  workspace?: string;
  env?: string;
  key?: string;
  gateway?: string;
  allowUnsafe?: boolean;
  maxProbes?: string;
  json?: boolean;
}

async function sourceOf(file: string | undefined, flags: DiagnoseFlags): Promise<{ source: RequestSource; options: object; warnings: string[] }> {
  if (flags.curl !== undefined && file) throw new UsageError('give either --curl or a request file, not both');
  if (flags.curl !== undefined) {
    let parsed;
    try {
      parsed = parseCurl(flags.curl);
    } catch (err) {
      if (err instanceof CurlParseError) throw new UsageError(err.message);
      throw err;
    }
    const dir = flags.workspace ? resolve(flags.workspace) : await findWorkspaceRoot(process.cwd()) ?? undefined;
    return { source: { kind: 'spec', request: parsed.request, dir }, options: parsed.options, warnings: parsed.warnings };
  }
  if (!file) throw new UsageError("nothing to diagnose: give --curl '<curl command>' or a request file");
  const where = await locateInWorkspace(file, flags.workspace);
  if (where) return { source: { kind: 'file', dir: where.dir, path: where.path }, options: {}, warnings: [] };
  if (flags.env) throw new UsageError(`--env ${flags.env}: ${file} is not in a workspace (no clearance.yaml above it; give --workspace DIR)`);
  return { source: { kind: 'spec', request: await loadRequestFile(file) }, options: {}, warnings: [] };
}

function maxProbes(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new UsageError(`--max-probes must be a whole number from 1 to 200, got ${v}`);
  return n;
}

export async function runDiagnose(file: string | undefined, flags: DiagnoseFlags): Promise<number> {
  const err = palette(colorEnabled(process.stderr));
  const max = maxProbes(flags.maxProbes);
  const { source, options, warnings } = await sourceOf(file, flags);
  for (const w of warnings) process.stderr.write(err.yellow(`warning: ${w}\n`));
  const interrupt = new AbortController();
  const onInterrupt = (): void => {
    process.removeListener('SIGINT', onInterrupt);
    interrupt.abort();
  };
  process.on('SIGINT', onInterrupt);
  const { diagnoseSource } = await import('../../diagnosis/from-source');
  try {
    const overrides = { env: flags.env, key: flags.key, gateway: flags.gateway, options };
    const d = await diagnoseSource(source, overrides, {
      allowUnsafe: Boolean(flags.allowUnsafe), signal: interrupt.signal, ...(max ? { maxProbes: max } : {}),
      ...(flags.json ? {} : { onProbe: (r) => process.stderr.write(err.dim(`  probe ${r.id}: ${r.status ?? 'n/a'}\n`)) }),
    });
    if (flags.json) process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    else {
      const { formatDiagnosis } = await import('../output/format-diagnosis');
      process.stdout.write(`${formatDiagnosis(d, palette(colorEnabled(process.stdout)))}\n`);
    }
    return d.fix || d.stopped === 'not-refused' ? EXIT_OK : EXIT_FAILURE;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
