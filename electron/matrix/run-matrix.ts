// The access matrix: every request of a target × every key × gateway column, each cell sent through
// the one path (resolveInLayers → prepareResolved → sendPrepared), so a key is placed exactly as a
// send places it (host binding included). Safe methods only unless allowed; a few cells at a time;
// results land in their row × column slot whatever order they finish in.
import { performance } from 'node:perf_hooks';
import { errorCategory } from '../../shared/errors/codes';
import type { Matrix, MatrixCell, MatrixColumn, MatrixRow } from '../../shared/contract/matrix';
import type { SendOptionsInput } from '../../shared/model';
import { SAFE_METHODS } from '../diagnosis/safety';
import { environmentValues, loadGlobals, resolveInLayers, type SecretDeps } from '../pipeline/layers';
import { loadThrough, type LoadedThrough } from '../pipeline/profile-through';
import { prepareResolved } from '../pipeline/prepare-resolved';
import { withDefaults } from '../settings/with-defaults';
import { sendPrepared } from '../pipeline/send-prepared';
import { loadTarget, type PlannedRequest, type RunPlan } from '../runner/target';
import { createRedactor } from '../secrets/redact';
import { errorCell, responseCell, skippedCell } from './cell';
import { pickColumns } from './columns';
import { runPool } from './pool';

export interface MatrixOptions extends SecretDeps {
  /** key profile names (default: every key profile of the workspace, then 'none') */
  keys?: string[] | undefined;
  /** gateway profile names (default: every gateway profile of the workspace, then 'direct') */
  gateways?: string[] | undefined;
  env?: string | undefined;
  /** also send POST, PUT, PATCH, DELETE... (default: GET, HEAD and OPTIONS only) */
  allowUnsafe?: boolean | undefined;
  /** stops the matrix: sends in flight are aborted, cells not run come back skipped ("stopped") */
  signal?: AbortSignal | undefined;
  /** each cell as it lands (progress) */
  onCell?: ((row: number, column: number, cell: MatrixCell) => void) | undefined;
  /** cells in flight at once (default 4) */
  concurrency?: number | undefined;
  /** the workspace whose profiles an imported collection may use */
  workspace?: string | undefined;
  /** warnings about the input (a broken profile left out) */
  onWarning?: ((message: string) => void) | undefined;
  /** the app's Settings (HTTP version, proxy, CA) under each request's own options, as a single send takes them */
  sendDefaults?: SendOptionsInput | undefined;
}

const infoOf = (err: unknown): { code: string; message: string } =>
  (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };

/** Each column's profiles, loaded once; a wrong name (a usage error) stops the matrix before anything is sent. */
async function loadColumns(plan: RunPlan, columns: MatrixColumn[], deps: SecretDeps): Promise<Array<LoadedThrough | { code: string; message: string }>> {
  const settled = await Promise.allSettled(columns.map((c) => loadThrough(String(plan.root), plan.workspaceId, { key: c.key, gateway: c.gateway },
    { ...deps, profiles: plan.profiles })));
  for (const s of settled) if (s.status === 'rejected' && errorCategory(infoOf(s.reason).code) === 'usage') throw s.reason;
  // A profile whose secret has no value (a failure, not bad input) marks its column's cells instead.
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : infoOf(s.reason)));
}

/** Runs the matrix of `target` (a path as `clearance run` takes it, or a loaded plan). */
export async function runMatrix(target: string | RunPlan, opts: MatrixOptions = {}): Promise<Matrix> {
  const started = Date.now();
  const t0 = performance.now();
  const plan = typeof target === 'string' ? await loadTarget(target, opts.workspace) : target;
  const deps: SecretDeps = { ...((plan.keychain ?? opts.keychain) ? { keychain: plan.keychain ?? opts.keychain } : {}), ...(opts.environ ? { environ: opts.environ } : {}) };
  const { columns, warnings } = await pickColumns(plan, opts.keys, opts.gateways, opts.workspace);
  for (const w of [...plan.warnings, ...warnings]) opts.onWarning?.(w);
  const envFile = opts.env ? await plan.environment(opts.env) : undefined;
  const [env, global] = await Promise.all([environmentValues(envFile, plan.workspaceId, deps), loadGlobals()]);
  const throughs = await loadColumns(plan, columns, deps);
  const envSecrets = [...env.secrets, ...(plan.secretValues ?? [])];

  const rows: MatrixRow[] = [];
  const resolvedRows = plan.requests.map((item) => {
    const resolved = item.request ? resolveInLayers(item.request, { folders: item.folders, collection: plan.collection, env, global }) : undefined;
    rows.push({ path: item.path, name: item.name, method: resolved?.request.method.toUpperCase() ?? '' });
    return resolved;
  });
  const cells: MatrixCell[][] = rows.map(() => columns.map(() => skippedCell('stopped')));

  async function runCell(item: PlannedRequest, r: number, c: number): Promise<MatrixCell> {
    const resolved = resolvedRows[r];
    if (!item.request || !resolved) return errorCell({ code: 'broken-file', message: item.problem ?? `${item.path}: cannot be read` });
    const method = rows[r]!.method;
    if (!opts.allowUnsafe && !SAFE_METHODS.has(method)) return skippedCell(`${method} is not a safe method: sent only with --allow-unsafe`);
    const through = throughs[c]!;
    if (!('secrets' in through)) return errorCell(through);
    const redact = createRedactor([...envSecrets, ...through.secrets]);
    const start = performance.now();
    try {
      const prepared = await prepareResolved({ resolved, through, options: withDefaults(opts.sendDefaults, item.request.options), envSecrets,
        source: { workspace: String(plan.root), path: item.path, ...(opts.env ? { env: opts.env } : {}) } });
      const rec = await sendPrepared(prepared, { ...(opts.signal ? { signal: opts.signal } : {}) });
      return responseCell(rec, performance.now() - start, (s) => redact.text(s));
    } catch (err) {
      const info = infoOf(err);
      return errorCell({ code: info.code, message: redact.text(info.message) }, performance.now() - start);
    }
  }

  const tasks = plan.requests.flatMap((item, r) => columns.map((_, c) => async () => {
    if (opts.signal?.aborted) return;
    const cell = await runCell(item, r, c);
    // A send cut short by the stop is a stopped cell, not an error of the API.
    if (opts.signal?.aborted && cell.error) return;
    cells[r]![c] = cell;
    opts.onCell?.(r, c, cell);
  }));
  await runPool(opts.concurrency ?? 4, tasks);
  return {
    collection: plan.name, target: String(plan.root), ...(opts.env ? { env: opts.env } : {}), startedAt: new Date(started).toISOString(),
    durationMs: performance.now() - t0, rows, columns, cells, ...(opts.signal?.aborted ? { stopped: true } : {}),
  };
}
