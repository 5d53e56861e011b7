// The collection runner: requests one after the other through the same pipeline as a single send
// (resolve → key/gateway → engine), with everything that does not change between requests loaded
// once: the plan, the environment and its secrets, globals, each key/gateway profile pair.
import { performance } from 'node:perf_hooks';
import { errorCategory } from '../../shared/errors/codes';
import { isRefusal, mayBeRefusal } from '../../shared/explain/refusal';
import type { Explanation } from '../../shared/explain/types';
import { recordBodyText, type ResponseRecord } from '../../shared/model';
import { bodyDirectory } from '../engine/send';
import { effectiveName, loadThrough, type LoadedThrough } from '../pipeline/profile-through';
import { prepareResolved } from '../pipeline/prepare-resolved';
import { sendPrepared } from '../pipeline/send-prepared';
import { environmentValues, loadGlobals, resolveInLayers, type SecretDeps } from '../pipeline/layers';
import type { SendOutcome } from '../workspace/history/entry';
import type { PlannedRequest, RunPlan } from './target';
import type { Reporter, RunExplanation, RunReport, RunResult } from './types';

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
}

export class RunInputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RunInputError';
  }
}

const infoOf = (err: unknown): { code: string; message: string } =>
  (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };

/** Does a status meet `expect.status` (a number or a class like "2xx")? */
export function meetsExpectation(status: number, expected: number | string): boolean {
  return typeof expected === 'number' ? status === expected : String(status)[0] === expected[0];
}

type Explain = (input: { status: number; headers: Array<[string, string]>; body: string }) => Explanation;
let explainFn: Explain | undefined;

/** What may be a refusal (the one rule: 4xx/5xx, block pages and JSON refusals served with 2xx) is explained. */
async function explainIfRefusal(rec: ResponseRecord): Promise<RunExplanation | undefined> {
  if (!mayBeRefusal(rec.status, rec.headers)) return undefined;
  explainFn ??= (await import('../../shared/explain/explain')).explain as Explain;
  const body = recordBodyText(rec);
  // explain() is pure: a run that meets the same refusal again (only Date differs, often not even that) reuses the answer.
  const key = body.length <= 4096 ? `${rec.status}\n${JSON.stringify(rec.headers)}\n${body}` : undefined;
  const cached = key === undefined ? undefined : explained.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const e = explainFn({ status: rec.status, headers: rec.headers, body });
  const value = toRunExplanation(e, rec.status);
  if (key !== undefined) {
    if (explained.size >= 256) explained.clear();
    explained.set(key, value ?? null);
  }
  return value;
}

const explained = new Map<string, RunExplanation | null>();

/** Kept for refusals and for any 4xx/5xx (a failed expectation still says what answered). */
function toRunExplanation(e: ReturnType<Explain>, status: number): RunExplanation | undefined {
  if (!isRefusal({ status }, e) && status < 400) return undefined;
  return { blocked: e.blocked, producer: e.producer ? { id: e.producer.id, kind: e.producer.kind, name: e.producer.name } : null, cause: e.cause, confidence: e.confidence,
    reason: e.reason, why: e.why, fix: e.fix };
}

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
  const throughFor = (key: string | undefined, gateway: string | undefined): Promise<LoadedThrough> => {
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
    await throughFor(pickName('key', opts.key, item, plan), pickName('gateway', opts.gateway, item, plan)).catch((err: unknown) => {
      const info = infoOf(err);
      if (errorCategory(info.code) === 'usage') throw new RunInputError(info.code, info.message);
    });
  }
  const bodyDir = bodyDirectory();
  const results: RunResult[] = [];
  let kept = 0;
  for (const item of plan.requests) {
    const r = await runOne(item);
    results.push(r);
    for (const rep of opts.reporters) rep.result?.(r);
    if ((opts.bail && !r.passed) || opts.signal?.aborted) break;
  }

  async function runOne(item: PlannedRequest): Promise<RunResult> {
    const index = results.length + 1;
    const base = { index, name: item.name, path: item.path };
    if (!item.request) return { ...base, method: '', url: '', status: null, timeMs: 0, passed: false, reason: item.problem ?? 'cannot be read', error: { code: 'broken-file', message: item.problem ?? '' } };
    const expected = item.request.expect?.status;
    const start = performance.now();
    const resolved = resolveInLayers(item.request, { folders: item.folders, collection: plan.collection, env, global, runtime: opts.runtime });
    let outcome: SendOutcome | undefined;
    const collector = { record: async (o: SendOutcome) => { outcome = o; } };
    const common = { ...base, method: resolved.request.method.toUpperCase(), ...(expected !== undefined ? { expected } : {}) };
    try {
      const through = await throughFor(pickName('key', opts.key, item, plan), pickName('gateway', opts.gateway, item, plan));
      const prepared = await prepareResolved({ resolved, through, options: item.request.options, envSecrets: [...env.secrets, ...(plan.secretValues ?? [])],
        source: { workspace: String(plan.root), path: item.path, ...(opts.env ? { env: opts.env } : {}) } });
      const rec = await sendPrepared(prepared, { bodyDir, history: opts.history ? collector : undefined, ...(opts.signal ? { signal: opts.signal } : {}) });
      const timeMs = performance.now() - start;
      const explanation = await explainIfRefusal(rec);
      const refused = isRefusal(rec, explanation);
      const passed = expected !== undefined ? meetsExpectation(rec.status, expected) : !refused;
      const reason = passed ? undefined : expected !== undefined ? `expected ${expected}, got ${rec.status}` : `refused (${explanation?.cause ?? 'other'})`;
      const result: RunResult = { ...common, url: rec.wire.url ?? resolved.request.url, status: rec.status, timeMs, passed,
        ...(reason ? { reason } : {}), ...(explanation ? { explanation } : {}) };
      if (!passed) await keep();
      return result;
    } catch (err) {
      const info = infoOf(err);
      await keep();
      return { ...common, url: resolved.request.url, status: null, timeMs: performance.now() - start, passed: false,
        reason: expected !== undefined ? `expected ${expected}, no response: ${info.message}` : info.message, error: info };
    }
    async function keep(): Promise<void> {
      if (outcome && opts.history && kept < (opts.historyLimit ?? 20)) {
        kept++;
        await opts.history.record(outcome);
      }
    }
  }

  const refusals: Record<string, number> = {};
  for (const r of results) if (r.explanation && isRefusal(r, r.explanation)) refusals[r.explanation.cause] = (refusals[r.explanation.cause] ?? 0) + 1;
  const passed = results.filter((r) => r.passed).length;
  return {
    collection: plan.name, format: plan.format, target: String(plan.root), ...(opts.env ? { env: opts.env } : {}), startedAt: new Date(started).toISOString(), results,
    summary: { total: plan.requests.length, passed, failed: results.length - passed, skipped: plan.requests.length - results.length, refusals, durationMs: performance.now() - t0 },
  };
}
