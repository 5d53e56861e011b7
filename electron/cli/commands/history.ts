import { bindContract, historyContract, type HistoryEntry, type Result } from '../../../shared/contract';
import { createHistoryService } from '../../services/history.service';
import { isRefusal } from '../../../shared/explain/refusal';
import { EXIT_OK, UsageError } from '../exit-codes';
import { colorEnabled, palette, type Palette } from '../output/colors';

export interface HistoryFlags {
  grep?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}

function line(e: HistoryEntry, p: Palette): string {
  const status = e.status === null ? p.red(`ERR ${e.error?.code ?? ''}`.trim()) : isRefusal(e, { blocked: e.refused === true }) ? p.inverseRed(` ${e.status} `) : e.status >= 400 ? p.red(String(e.status)) : p.green(String(e.status));
  const when = e.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const ms = e.durationMs !== undefined ? p.dim(` ${Math.round(e.durationMs)} ms`) : '';
  return `${p.dim(when)}  ${status}  ${e.method} ${e.url}${ms}${e.source?.path ? p.dim(`  (${e.source.path}${e.source.env ? ` @ ${e.source.env}` : ''})`) : ''}`;
}

/** `clearance history`: the requests sent (by the app and the CLI), newest first, secrets redacted. */
export async function runHistory(flags: HistoryFlags): Promise<number> {
  const args: Record<string, unknown> = {};
  if (flags.grep) args.grep = flags.grep;
  if (flags.status !== undefined) {
    if (!/^([1-5]xx|\d{3}|refused)$/.test(flags.status)) throw new UsageError(`--status ${flags.status}: give a status like 403, a class like 4xx, or refused`);
    args.status = /^\d{3}$/.test(flags.status) ? Number(flags.status) : flags.status;
  }
  if (flags.limit !== undefined) {
    const n = Number(flags.limit);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit ${flags.limit}: give a whole number of at least 1`);
    args.limit = n;
  }
  const handler = bindContract(historyContract, createHistoryService()).get(historyContract.methods.list.channel)!;
  const result = (await handler(args)) as Result<{ entries: HistoryEntry[] }>;
  if (!result.ok) throw new UsageError(result.error.message);
  const { entries } = result.value;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return EXIT_OK;
  }
  const p = palette(colorEnabled(process.stdout));
  if (!entries.length) process.stderr.write('no requests in history match\n');
  for (const e of entries) process.stdout.write(`${line(e, p)}\n`);
  return EXIT_OK;
}
