// `clearance diagnose (--curl '<curl>' | REQUEST_FILE)`: the request sent once, explained, then
// probed in safe variants until a change turns the refusal into a 2xx (the fix, as a curl that runs
// as printed) or the probes show nothing client-side can (whom to ask for what). With --compare
// (a curl that works) or --compare-har, the differences are bisected to the smallest set that
// flips it; --report writes the whole of it as Markdown or HTML for whoever runs the gateway.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CurlParseError, parseCurl } from '../../../shared/curl';
import type { Comparison } from '../../diagnosis/bisect';
import type { WorkingInput } from '../../diagnosis/compare-source';
import type { Diagnosis } from '../../diagnosis/types';
import type { Overrides, RequestSource } from '../../pipeline/prepare';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';
import { loadRequestFile } from '../request-file';
import { findWorkspaceRoot, locateInWorkspace } from '../workspace-send';
import { escapeControls } from '../output/safe-text';
import { formatSendError } from '../output/format-response';
import { SendFailure } from '../../engine/send-failure';

export interface DiagnoseFlags {
  curl?: string;
  workspace?: string;
  env?: string;
  key?: string;
  gateway?: string;
  allowUnsafe?: boolean;
  maxProbes?: string;
  json?: boolean;
  /** a curl command of a request that works */
  compare?: string;
  /** a HAR file holding a request that works; `entry` picks it (1 = the first) */
  compareHar?: string;
  entry?: string;
  /** write a report: Markdown (.md) or HTML (.html) by the file's extension */
  report?: string;
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

/** The working request the flags name, read before anything is sent (a bad file is a usage error). */
async function workingOf(flags: DiagnoseFlags): Promise<WorkingInput | undefined> {
  if (flags.compare !== undefined && flags.compareHar !== undefined) throw new UsageError('give either --compare or --compare-har, not both');
  if (flags.entry !== undefined && flags.compareHar === undefined) throw new UsageError('--entry picks an entry of --compare-har FILE');
  if (flags.compare !== undefined) {
    try {
      parseCurl(flags.compare);
    } catch (err) {
      if (err instanceof CurlParseError) throw new UsageError(`--compare: ${err.message}`);
      throw err;
    }
    return { curl: flags.compare };
  }
  if (flags.compareHar === undefined) return undefined;
  const entry = flags.entry === undefined ? undefined : Number(flags.entry);
  if (entry !== undefined && (!Number.isInteger(entry) || entry < 1)) throw new UsageError(`--entry must be a whole number from 1, got ${flags.entry}`);
  const har = await readFile(flags.compareHar, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`--compare-har ${flags.compareHar}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  });
  return { har, entry };
}

function reportFormat(file: string | undefined): 'markdown' | 'html' | undefined {
  if (file === undefined) return undefined;
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.html?$/i.test(file)) return 'html';
  throw new UsageError(`--report ${file}: the name must end in .md (Markdown) or .html (HTML)`);
}

export async function runDiagnose(file: string | undefined, flags: DiagnoseFlags): Promise<number> {
  const err = palette(colorEnabled(process.stderr));
  const max = maxProbes(flags.maxProbes);
  const format = reportFormat(flags.report);
  const working = await workingOf(flags);
  const { source, options, warnings } = await sourceOf(file, flags);
  for (const w of warnings) process.stderr.write(err.yellow(`warning: ${escapeControls(w)}\n`));
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
    const compare = working && !interrupt.signal.aborted ? await (await import('../../diagnosis/compare-source')).compareSource(source, overrides, working, {
      allowUnsafe: Boolean(flags.allowUnsafe), signal: interrupt.signal,
      ...(flags.json ? {} : { onProbe: (r) => process.stderr.write(err.dim(`  compare ${r.id}: ${r.status ?? 'n/a'}\n`)) }),
    }) : undefined;
    if (flags.json) process.stdout.write(`${JSON.stringify(compare ? { ...d, compare } : d, null, 2)}\n`);
    else {
      const { formatDiagnosis } = await import('../output/format-diagnosis');
      const out = palette(colorEnabled(process.stdout));
      process.stdout.write(`${formatDiagnosis(d, out)}\n`);
      if (compare) process.stdout.write(`\n${(await import('../output/format-compare')).formatComparison(compare, out)}\n`);
    }
    if (format) await writeReport(flags.report!, format, source, overrides, d, compare);
    return d.fix || compare?.fix || d.stopped === 'not-refused' ? EXIT_OK : EXIT_FAILURE;
  } catch (e) {
    // The request could not be sent at all (nothing to diagnose): its code, why and what to try, as send says it.
    if (!(e instanceof SendFailure)) throw e;
    if (flags.json) process.stdout.write(`${JSON.stringify({ error: e.info }, null, 2)}\n`);
    else process.stderr.write(`${formatSendError(e.info, err)}\n`);
    return EXIT_FAILURE;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

/** The report keeps out the request's secrets and its credential; a key profile's key is named `{{profile}}` in the fix. */
async function writeReport(file: string, format: 'markdown' | 'html', source: RequestSource, overrides: Overrides, d: Diagnosis, compare: Comparison | undefined): Promise<void> {
  const [{ prepare }, { findCredential }, { renderReport }] = await Promise.all([
    import('../../pipeline/prepare'), import('../../diagnosis/credentials'), import('../../diagnosis/report')]);
  const p = await prepare(source, overrides);
  const cred = findCredential(p);
  const names = cred?.fromProfile && p.key ? [{ value: cred.value, name: p.key.name }] : [];
  await writeFile(file, renderReport({ diagnosis: d, compare, secrets: [...p.secrets, ...(cred ? [cred.value] : [])], names }, format));
  process.stderr.write(`report written to ${file}\n`);
}
