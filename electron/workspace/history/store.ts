import { mkdir, readdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryEntrySchema, type HistoryEntry, type HistoryOrigin } from '../../../shared/contract/history';
import { isRefusal } from '../../../shared/explain/refusal';
import { appendLine } from '../append-line';
import { writeFileAtomic } from '../atomic-write';
import { appHome } from './app-home';
import { buildEntry, type SendOutcome } from './entry';
import { refusedVerdict } from './refused';

export interface HistoryOptions {
  /** folder holding history.jsonl and bodies/ (default: <app home>/history) */
  dir?: string;
  /** total size cap of the log and the body files (default 50 MB) */
  maxBytes?: number;
  /** entries older than this are dropped (default 30 days) */
  maxAgeMs?: number;
  /** a full prune runs at most this often, or at once when the log alone passes maxBytes (default 10 min) */
  pruneEveryMs?: number;
  now?: () => number;
  /** the origin of sends that do not name one: the app's handlers say 'app'; a CLI command keeps 'cli' */
  origin?: HistoryOrigin;
  /** the most entries kept, asked on each append and prune (the app's Settings); none: only age and size count */
  maxEntries?: () => Promise<number | undefined>;
}

export interface HistoryQuery {
  grep?: string;
  /** 403, a class like "4xx", or "refused" (the refusal rule's verdict) */
  status?: number | string;
  limit?: number;
  /** only these origins (an entry without one counts as 'app') */
  origin?: readonly HistoryOrigin[];
  /** the explainer's producer name, exactly (case-insensitive) */
  producer?: string;
  cause?: string;
}

const LOG = 'history.jsonl';
const BODIES = 'bodies';
const MARK = '.last-prune';

function statusMatches(e: HistoryEntry, want: number | string): boolean {
  const status = e.status;
  if (want === 'refused') return isRefusal(e, { blocked: e.refused === true });
  if (status === null) return false;
  const w = String(want);
  return /^[1-5]xx$/.test(w) ? Math.floor(status / 100) === Number(w[0]) : status === Number(w);
}

function explainedMatches(e: HistoryEntry, q: HistoryQuery): boolean {
  if (q.origin && !q.origin.includes(e.origin ?? 'app')) return false;
  if (q.producer !== undefined && e.producer?.toLowerCase() !== q.producer.toLowerCase()) return false;
  return q.cause === undefined || e.cause === q.cause;
}

function text(e: HistoryEntry): string {
  return [e.method, e.url, e.status ?? '', e.statusText ?? '', e.error?.code ?? '', e.error?.message ?? '',
    ...e.requestHeaders.map((h) => `${h.name}: ${h.value}`), ...e.responseHeaders.map(([n, v]) => `${n}: ${v}`), e.source?.path ?? '',
    e.producer ?? '', e.cause ?? ''].join('\n').toLowerCase();
}

/**
 * Append-only JSON Lines of sent requests (secrets redacted) plus response body text files,
 * pruned by age and total size. One store serves the app and the CLI (same folder).
 */
export class HistoryStore {
  readonly dir: string;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly pruneEveryMs: number;
  private readonly now: () => number;
  private readonly origin: HistoryOrigin;
  private readonly maxEntries: (() => Promise<number | undefined>) | undefined;
  /** entries in the log, once counted (maxEntries only); a prune or clear sets it again */
  private count: number | null = null;

  constructor(opts: HistoryOptions = {}) {
    this.dir = opts.dir ?? join(appHome(), 'history');
    this.maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
    this.maxAgeMs = opts.maxAgeMs ?? 30 * 24 * 3600 * 1000;
    this.pruneEveryMs = opts.pruneEveryMs ?? 10 * 60 * 1000;
    this.now = opts.now ?? Date.now;
    this.origin = opts.origin ?? 'cli';
    this.maxEntries = opts.maxEntries;
  }

  /** Records one send. Never throws into the send path: a history failure is not a send failure. */
  async record(outcome: SendOutcome): Promise<HistoryEntry | null> {
    try {
      return await this.append(outcome);
    } catch {
      // Null tells the caller it was not recorded; the send itself stands.
      return null;
    }
  }

  async append(outcome: SendOutcome): Promise<HistoryEntry> {
    const verdict = outcome.response ? await refusedVerdict(outcome.response) : undefined;
    const { entry, body } = buildEntry({ origin: this.origin, ...outcome }, this.now(), verdict);
    await mkdir(join(this.dir, BODIES), { recursive: true });
    if (body !== undefined) {
      entry.bodyFile = `${BODIES}/${entry.id}.txt`;
      await writeFile(join(this.dir, entry.bodyFile), body);
    }
    // One write per line (concurrent appenders do not interleave); a line a crash tore is ended first.
    await appendLine(join(this.dir, LOG), `${JSON.stringify(entry)}\n`);
    if (this.count !== null) this.count++;
    if ((await this.overCount()) || (await this.pruneDue())) await this.prune();
    return entry;
  }

  /** More entries than maxEntries allows (counted once by reading the log, then kept up to date). */
  private async overCount(): Promise<boolean> {
    const max = await this.maxEntries?.();
    if (max === undefined) return false;
    this.count ??= (await this.readAll()).length;
    return this.count > max;
  }

  private async pruneDue(): Promise<boolean> {
    // No log yet: nothing to measure.
    const log = await stat(join(this.dir, LOG)).catch(() => null);
    if (log && log.size > this.maxBytes) return true;
    const mark = await stat(join(this.dir, MARK)).catch(() => null); // never pruned: due
    return !mark || this.now() - mark.mtimeMs >= this.pruneEveryMs;
  }

  private async readAll(): Promise<HistoryEntry[]> {
    // No log yet is an empty history; any other read error (a folder in its place) must surface.
    const raw = await readFile(join(this.dir, LOG), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const out: HistoryEntry[] = [];
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = HistoryEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // a torn last line (crash mid-append) is skipped, never fatal
      }
    }
    return out;
  }

  /** Drops entries past the age cap and beyond maxEntries, then the oldest until log + bodies fit the size cap. */
  async prune(): Promise<{ kept: number; removed: number }> {
    const all = await this.readAll();
    const cutoff = this.now() - this.maxAgeMs;
    let kept = all.filter((e) => Date.parse(e.time) >= cutoff);
    const max = await this.maxEntries?.();
    if (max !== undefined && kept.length > max) kept = kept.slice(kept.length - max);
    const sizeOf = async (e: HistoryEntry): Promise<number> =>
      // A body file already gone weighs nothing.
      JSON.stringify(e).length + 1 + (e.bodyFile ? ((await stat(join(this.dir, e.bodyFile)).catch(() => null))?.size ?? 0) : 0);
    const sizes = await Promise.all(kept.map(sizeOf));
    let total = sizes.reduce((a, b) => a + b, 0);
    let drop = 0;
    while (total > this.maxBytes && drop < kept.length) total -= sizes[drop++]!;
    kept = kept.slice(drop);
    this.count = kept.length;
    const removed = all.length - kept.length;
    if (removed > 0) {
      await writeFileAtomic(join(this.dir, LOG), kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
      const live = new Set(kept.map((e) => e.bodyFile).filter(Boolean));
      // No bodies folder: nothing to remove.
      for (const f of await readdir(join(this.dir, BODIES)).catch(() => [] as string[])) {
        // A body that cannot be removed now is tried again at the next prune.
        if (!live.has(`${BODIES}/${f}`)) await unlink(join(this.dir, BODIES, f)).catch(() => {});
      }
    }
    const mark = join(this.dir, MARK);
    await mkdir(this.dir, { recursive: true }); // a prune before the first send (a smaller size set)
    await writeFile(mark, '');
    const t = new Date(this.now());
    await utimes(mark, t, t);
    return { kept: kept.length, removed };
  }

  /** Newest first, filtered by text and status. */
  async list(q: HistoryQuery = {}): Promise<HistoryEntry[]> {
    const needle = q.grep?.toLowerCase();
    const out: HistoryEntry[] = [];
    const all = await this.readAll();
    for (let i = all.length - 1; i >= 0 && out.length < (q.limit ?? 100); i--) {
      const e = all[i]!;
      if (q.status !== undefined && !statusMatches(e, q.status)) continue;
      if (!explainedMatches(e, q)) continue;
      if (needle && !text(e).includes(needle)) continue;
      out.push(e);
    }
    return out;
  }

  /** One entry by id, or null when it is gone (pruned, cleared). */
  async get(id: string): Promise<HistoryEntry | null> {
    return (await this.readAll()).find((e) => e.id === id) ?? null;
  }

  async readBody(entry: HistoryEntry): Promise<string | null> {
    // Null: the body was pruned or never kept.
    return entry.bodyFile ? readFile(join(this.dir, entry.bodyFile), 'utf8').catch(() => null) : null;
  }

  async clear(): Promise<number> {
    const n = (await this.readAll()).length;
    await rm(join(this.dir, LOG), { force: true });
    await rm(join(this.dir, BODIES), { recursive: true, force: true });
    this.count = 0;
    return n;
  }
}
