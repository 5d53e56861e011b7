// The collection runner: every request of the plan, once per iteration, through the same pipeline
// as a single send (electron/runner/run-one.ts), with everything that does not change between
// requests loaded once: the plan, the environment and its secrets, globals, each key/gateway pair.
// Sequential by default; --parallel N runs N requests of an iteration at once, reported in order.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCategory } from '../../shared/errors/codes';
import { isRefusal } from '../../shared/explain/refusal';
import { bodyDirectory } from '../engine/send';
import { effectiveName, loadThrough, type LoadedThrough } from '../pipeline/profile-through';
import { environmentValues, loadGlobals, plainVariables, type SecretDeps } from '../pipeline/layers';
import type { SendOptionsInput } from '../../shared/model';
import type { SendOutcome } from '../workspace/history/entry';
import type { DataRow } from './iteration-data';
import { Pacer } from './pacing';
import { requestRunner, type Finish } from './run-one';
import type { PlannedRequest, RunPlan } from './target';
import type { Reporter, RunReport, RunResult, RunSummary } from './types';

export interface RunOptions extends SecretDeps {
  env?: string | undefined;
  key?: string | undefined;
  gateway?: string | undefined;
  bail?: boolean | undefined;
  /** aborts the request in flight and stops the run (Ctrl+C); the report lists what ran */
  signal?: AbortSignal | undefined;
  runtime?: Record<string, string> | undefined;
  reporters: Reporter[];
  /** failed sends kept for `clearance history` (bounded: at most `historyLimit` per run) */
  history?: { record(o: SendOutcome): Promise<unknown> } | undefined;
  historyLimit?: number;
  /** keep every big body whole on disk (the app's Runner opens a result's response in a tab); else a body nothing reads past its preview is only counted */
  wholeBodies?: boolean;
  /** --iteration-data rows: iteration i runs with row i's values as runtime variables (the last row past the end) */
  data?: DataRow[] | undefined;
  /** --iterations (default: the data rows, else 1) */
  iterations?: number | undefined;
  /** --delay: ms between requests */
  delayMs?: number | undefined;
  /** --timeout: ms per request */
  timeoutMs?: number | undefined;
  /** --insecure: no TLS certificate verification */
  insecure?: boolean | undefined;
  /** the app's Settings (HTTP version, proxy, CA) under each request's own options, as a single send takes them; the CLI has none */
  sendDefaults?: SendOptionsInput | undefined;
  /** --parallel: requests of an iteration in flight at once (default 1) */
  parallel?: number | undefined;
  /** --max-wait: the longest wait a server's Retry-After or rate-limit headers may impose (default 60 s) */
  maxWaitMs?: number | undefined;
}

export const DEFAULT_MAX_WAIT_MS = 60_000;

export class RunInputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RunInputError';
  }
}

const infoOf = (err: unknown): { code: string; message: string } =>
  (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };

function pickName(kind: 'key' | 'gateway', flag: string | undefined, item: PlannedRequest, plan: RunPlan): string | undefined {
  return effectiveName(flag, item.request?.[kind] ?? item.folders.find((f) => f[kind])?.[kind] ?? plan.collection?.[kind]);
}

/** Runs the plan; throws RunInputError (bad env/profile) before the first request when the input is wrong. */
export async function runPlan(plan: RunPlan, opts: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const t0 = performance.now();
  const deps: SecretDeps = { ...((plan.keychain ?? opts.keychain) ? { keychain: plan.keychain ?? opts.keychain } : {}), ...(opts.environ ? { environ: opts.environ } : {}) };
  const envFile = opts.env ? await plan.environment(opts.env).catch((err: unknown) => {
    throw new RunInputError(infoOf(err).code, infoOf(err).message);
  }) : undefined;
  const [env, global] = await Promise.all([environmentValues(envFile, plan.workspaceId, deps), loadGlobals()]);
  const throughs = new Map<string, Promise<LoadedThrough>>();
  const throughFor = (item: PlannedRequest): Promise<LoadedThrough> => {
    const key = pickName('key', opts.key, item, plan);
    const gateway = pickName('gateway', opts.gateway, item, plan);
    const id = `${key ?? ''}\u0000${gateway ?? ''}`;
    let p = throughs.get(id);
    if (!p) {
      p = loadThrough(String(plan.root), plan.workspaceId, { key, gateway }, { ...deps, profiles: plan.profiles });
      // The same promise is awaited where the profiles are used, which reports the error; this only keeps it from being unhandled meanwhile.
      p.catch(() => undefined);
      throughs.set(id, p);
    }
    return p;
  };
  // Every profile pair the run needs, loaded before the first send: a wrong name stops the run with nothing sent.
  for (const item of plan.requests) {
    if (!item.request) continue;
    await throughFor(item).catch((err: unknown) => {
      const info = infoOf(err);
      if (errorCategory(info.code) === 'usage') throw new RunInputError(info.code, info.message);
    });
  }
  let kept = 0;
  const maxWaitMs = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  // Postman, Insomnia and Bruno scripts: the isolate loads only for a plan that has some.
  const scripts = plan.requests.some((r) => r.scripts) ? (await import('./script-steps')).scriptSteps({ environment: env.values,
    collection: plainVariables(plan.collection?.variables, {}, 'the collection'), globals: global, envName: opts.env, flavour: plan.scriptFlavour }) : undefined;
  const sendOne = requestRunner({ scripts,
    plan, layers: { collection: plan.collection, env, global }, envSecrets: [...env.secrets, ...(plan.secretValues ?? [])], envName: opts.env,
    through: throughFor, pacer: new Pacer(maxWaitMs, opts.signal), maxWaitMs, timeoutMs: opts.timeoutMs, insecure: opts.insecure, defaults: opts.sendDefaults,
    bodyDir: bodyDirectory(), wholeBodies: opts.wholeBodies === true, signal: opts.signal,
    keep: opts.history ? async (o) => {
      if (kept >= (opts.historyLimit ?? 20)) return;
      kept++;
      await opts.history!.record({ ...o, origin: 'run' });
    } : undefined,
  });

  const results: RunResult[] = [];
  let stop = false;
  // Result i is completed (explained, checked, reported) while request i + 1 is on the wire, unless
  // something must see it before the next send: --bail (whether to send), scripts (variables), --delay.
  const overlap = !opts.bail && !scripts && !opts.delayMs;
  const emit = (r: RunResult): void => {
    results.push(r);
    for (const rep of opts.reporters) rep.result?.(r);
    if ((opts.bail && !r.passed) || opts.signal?.aborted) stop = true;
  };
  const pause = (ms: number): Promise<void> => sleep(ms, undefined, opts.signal ? { signal: opts.signal } : undefined).catch((err: unknown) => {
    // Ctrl+C during --delay: the run stops (the loops check `stop`); any other error is a bug.
    if (!opts.signal?.aborted) throw err;
    stop = true;
  });
  const n = plan.requests.length;
  const iterations = opts.iterations ?? opts.data?.length ?? 1;
  const width = Math.max(1, opts.parallel ?? 1);
  for (let it = 0; it < iterations && !stop; it++) {
    const row = opts.data?.length ? opts.data[Math.min(it, opts.data.length - 1)] : undefined;
    const runtime = row ? { ...opts.runtime, ...row } : opts.runtime;
    const iteration = iterations > 1 ? it + 1 : undefined;
    const send = (i: number): Promise<Finish> => sendOne(plan.requests[i]!, it * n + i + 1, iteration, runtime);
    const delay = opts.delayMs ? () => pause(opts.delayMs!) : undefined;
    // Ctrl+C stops the sends at once: with overlap, the result that notices it may still be on its way
    if (width === 1) await inSequence(n, send, emit, () => stop || opts.signal?.aborted === true, delay, results.length > 0, overlap);
    else await inParallel(n, width, async (i) => (await send(i))(), emit, () => stop, delay, it > 0);
  }
  scripts?.close();
  return { collection: plan.name, format: plan.format, target: String(plan.root), ...(opts.env ? { env: opts.env } : {}), startedAt: new Date(started).toISOString(), results,
    summary: summarize(results, n * iterations, iterations, performance.now() - t0) };
}

/**
 * One request at a time, results emitted in request order. With `overlap`, request i + 1 is sent
 * before result i is completed (explained, checked) and emitted: the explainer (explain-result.ts)
 * runs while the next response is awaited instead of before the next send.
 */
async function inSequence(n: number, send: (i: number) => Promise<Finish>, emit: (r: RunResult) => void, stopped: () => boolean,
  delay: (() => Promise<void>) | undefined, delayFirst: boolean, overlap: boolean): Promise<void> {
  let pending: Promise<RunResult> | undefined;
  for (let i = 0; i < n && !stopped(); i++) {
    if (delay && (i > 0 || delayFirst)) await delay();
    if (stopped()) break;
    const next = send(i);
    if (pending) {
      // Its failure is reported where it is awaited below; this only keeps it from being unhandled meanwhile.
      next.catch(() => undefined);
      emit(await pending);
      pending = undefined;
    }
    const finish = await next;
    if (overlap) pending = finish();
    else emit(await finish());
  }
  // the last result, or the one in flight when Ctrl+C stopped the sends
  if (pending) emit(await pending);
}

/**
 * Up to `width` requests in flight; results are emitted in request order as soon as all before them
 * are in. Once `stopped()` (bail, Ctrl+C) no new request starts; those in flight are still reported.
 * With a delay, starts are spaced by it (the first of the run starts at once).
 */
async function inParallel(n: number, width: number, start: (i: number) => Promise<RunResult>, emit: (r: RunResult) => void, stopped: () => boolean,
  delay: (() => Promise<void>) | undefined, delayFirst: boolean): Promise<void> {
  const done: Array<RunResult | undefined> = [];
  let next = 0;
  let emitted = 0;
  let spacing: Promise<void> = Promise.resolve();
  const worker = async (): Promise<void> => {
    while (!stopped() && next < n) {
      const i = next++;
      if (delay && (i > 0 || delayFirst)) await (spacing = spacing.then(delay));
      if (stopped()) break;
      done[i] = await start(i);
      while (emitted < n && done[emitted]) emit(done[emitted++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
  // A request skipped after a stop leaves a hole: what ran after it is still reported, in order.
  for (let i = emitted; i < n; i++) if (done[i]) emit(done[i]!);
}

function summarize(results: RunResult[], total: number, iterations: number, durationMs: number): RunSummary {
  const refusals: Record<string, number> = {};
  const assertions = { passed: 0, failed: 0 };
  const tests = { passed: 0, failed: 0 };
  const paced = { requests: 0, totalMs: 0 };
  let passed = 0;
  let retried = 0;
  for (const r of results) {
    if (r.passed) passed++;
    if (r.explanation && isRefusal(r, r.explanation)) refusals[r.explanation.cause] = (refusals[r.explanation.cause] ?? 0) + 1;
    for (const a of r.assertions ?? []) assertions[a.passed ? 'passed' : 'failed']++;
    for (const t of r.tests ?? []) tests[t.passed ? 'passed' : 'failed']++;
    if (r.pacedMs !== undefined) {
      paced.requests++;
      paced.totalMs += r.pacedMs;
    }
    if (r.retried) retried++;
  }
  return { total, passed, failed: results.length - passed, skipped: total - results.length, refusals, durationMs, iterations, assertions, tests, paced, retried };
}
