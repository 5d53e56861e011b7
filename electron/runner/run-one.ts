// One request of a run, through the one path every send takes (resolveInLayers → prepareResolved →
// sendPrepared), then what the runner adds: the host's pacing, one more try of a 429 after its
// Retry-After, the explanation of a refusal, the `expect:` checks, redaction, the verdict. A plain
// request pays for none of these beyond a look at the response's header names.
import { performance } from 'node:perf_hooks';
import type { RequestOptionsFile, ResponseRecord, SendOptionsInput } from '../../shared/model';
import { createRedactor, type Redactor } from '../secrets/redact';
import { prepareResolved } from '../pipeline/prepare-resolved';
import type { LoadedThrough } from '../pipeline/profile-through';
import { sendPrepared } from '../pipeline/send-prepared';
import { withDefaults } from '../settings/with-defaults';
import { resolveInLayers, type ResolveLayers } from '../pipeline/layers';
import type { SendHooks } from '../pipeline/prepared';
import type { SendOutcome } from '../workspace/history/entry';
import { explainLater } from './explain-result';
import { hasPacingHeader, hostOf, type Pacer, type Waited } from './pacing';
import type { ScriptSteps } from './script-steps';
import type { PlannedRequest, RunPlan } from './target';
import type { RunResult } from './types';
import { settle } from './verdict';

export interface OneContext {
  plan: RunPlan;
  layers: Omit<ResolveLayers, 'folders' | 'runtime'>;
  /** environment and export secret values: redacted from every result */
  envSecrets: string[];
  envName?: string | undefined;
  through(item: PlannedRequest): Promise<LoadedThrough>;
  pacer: Pacer;
  maxWaitMs: number;
  timeoutMs?: number | undefined;
  insecure?: boolean | undefined;
  /** the app's Settings as send options, under each request's own (electron/settings/send-defaults.ts) */
  defaults?: SendOptionsInput | undefined;
  bodyDir: string;
  /** RunOptions.wholeBodies */
  wholeBodies: boolean;
  signal?: AbortSignal | undefined;
  /** keeps a failed send for `clearance history` (bounded by the caller) */
  keep?: ((o: SendOutcome) => Promise<void>) | undefined;
  /** Postman, Insomnia or Bruno scripts (electron/runner/script-steps.ts), when the plan has any */
  scripts?: ScriptSteps | undefined;
}

const infoOf = (err: unknown): { code: string; message: string } =>
  (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };

/** The file's options with --timeout and --insecure laid over them (the flags win). */
function optionsFor(file: RequestOptionsFile | undefined, ctx: OneContext): SendOptionsInput | undefined {
  if (!ctx.timeoutMs && !ctx.insecure) return file;
  return {
    ...file,
    ...(ctx.timeoutMs ? { timeouts: { ...file?.timeouts, totalMs: ctx.timeoutMs } } : {}),
    ...(ctx.insecure ? { tls: { ...file?.tls, verify: false } } : {}),
  };
}

/** Hides secrets in what a result shows (URL, error, checks, explanation) before any reporter sees it. */
function redactResult(r: RunResult, red: Redactor): void {
  r.url = red.text(r.url);
  if (r.error) r.error = { code: r.error.code, message: red.text(r.error.message) };
  if (r.assertions) r.assertions = red.json(r.assertions);
  if (r.explanation) r.explanation = red.json(r.explanation);
  if (r.tests) r.tests = red.json(r.tests);
  if (r.logs) r.logs = r.logs.map((l) => red.text(l));
}

/** Completes a result once its response is in: explanation, checks, scripts' tests, redaction, verdict. */
export type Finish = () => Promise<RunResult>;

/**
 * Sends one request; resolves, once its response (or error) is in, to the step that completes its
 * result. The run may send the next request before calling it (run.ts), so the explainer's work on a
 * refusal overlaps the next round trip; only what decides the next request (scripts) waits for it.
 */
export function requestRunner(ctx: OneContext): (item: PlannedRequest, index: number, iteration: number | undefined, runtime?: Record<string, string>) => Promise<Finish> {
  const envRedactor = createRedactor(ctx.envSecrets);
  const redactors = new WeakMap<LoadedThrough, Redactor>();
  const redactorFor = (t: LoadedThrough, secrets: string[]): Redactor => {
    let r = redactors.get(t);
    if (!r) redactors.set(t, (r = createRedactor(secrets)));
    return r;
  };

  /** Sends; a 429 whose announced wait is within --max-wait is sent once more after it. */
  async function exchange(prepared: Parameters<typeof sendPrepared>[0], hooks: SendHooks, out: RunResult): Promise<{ rec: ResponseRecord; timeMs: number }> {
    let start = performance.now();
    let rec = await sendPrepared(prepared, hooks);
    let timeMs = performance.now() - start;
    if (!hasPacingHeader(rec.headers)) return { rec, timeMs };
    const host = hostOf(prepared.url);
    const asked = ctx.pacer.observe(host, rec.headers);
    if (rec.status === 429 && asked && !asked.capped && !ctx.signal?.aborted) {
      addWait(out, await ctx.pacer.before(host));
      out.retried = { status: 429, afterMs: Math.round(asked.ms) };
      start = performance.now();
      rec = await sendPrepared(prepared, hooks);
      timeMs = performance.now() - start;
      if (hasPacingHeader(rec.headers)) ctx.pacer.observe(host, rec.headers);
    }
    return { rec, timeMs };
  }

  return async function sendOne(item, index, iteration, runtime) {
    const base = { index, ...(iteration !== undefined ? { iteration } : {}), name: item.name, path: item.path };
    if (!item.request) {
      const problem = item.problem ?? `${item.path}: cannot be read`;
      return done(settle({ ...base, method: '', url: '', status: null, timeMs: 0, passed: false, error: { code: 'broken-file', message: problem } }));
    }
    const request = item.request;
    const expect = request.expect;
    const pre = ctx.scripts && item.scripts ? await ctx.scripts.before(item, iteration, runtime) : undefined;
    if (pre?.halted) {
      const halted: RunResult = { ...base, method: request.method.toUpperCase(), url: request.url, status: null, timeMs: 0, passed: false, ...pre.result,
        error: { code: 'script-failed', message: pre.halted } };
      redactResult(halted, envRedactor);
      return done(settle(halted));
    }
    const resolved = resolveInLayers(pre?.request ?? request, { ...ctx.layers, folders: item.folders, runtime: pre ? pre.runtime : runtime });
    let outcome: SendOutcome | undefined;
    // Only a script, a body check or the app (its Runner opens a result's response) reads more of a body
    // than its preview (the explainer, reports and history read the preview): else a big body is counted.
    const previewOnly = !ctx.wholeBodies && !pre && expect?.body === undefined && expect?.json === undefined;
    const hooks: SendHooks = { bodyDir: ctx.bodyDir, previewOnly, ...(ctx.keep ? { history: { record: async (o: SendOutcome) => { outcome = o; } } } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}) };
    const out: RunResult = { ...base, method: resolved.request.method.toUpperCase(), url: resolved.request.url, status: null, timeMs: 0, passed: false,
      ...(expect?.status !== undefined ? { expected: expect.status } : {}), ...pre?.result };
    let red = envRedactor;
    const failed = (err: unknown): void => {
      const info = infoOf(err);
      const timedOut = ctx.timeoutMs !== undefined && info.code === 'timeout-total';
      out.error = { code: info.code, message: timedOut ? `no response within --timeout ${ctx.timeoutMs} ms (${info.message})` : info.message };
    };
    const finish = async (): Promise<RunResult> => {
      redactResult(out, red);
      settle(out);
      if (!out.passed && outcome) await ctx.keep?.(outcome);
      return out;
    };
    let got: { rec: ResponseRecord; timeMs: number };
    try {
      const through = await ctx.through(item);
      const prepared = await prepareResolved({ resolved, through, options: withDefaults(ctx.defaults, optionsFor(request.options, ctx)), envSecrets: ctx.envSecrets,
        source: { workspace: String(ctx.plan.root), path: item.path, ...(ctx.envName ? { env: ctx.envName } : {}) } });
      red = redactorFor(through, prepared.secrets);
      if (ctx.pacer.active) addWait(out, await ctx.pacer.before(hostOf(prepared.url)));
      got = await exchange(prepared, hooks, out);
    } catch (err) {
      failed(err);
      return finish;
    }
    const { rec, timeMs } = got;
    out.url = rec.wire.url ?? resolved.request.url;
    out.status = rec.status;
    out.timeMs = timeMs;
    const explaining = explainLater(rec);
    // A failure is reported where the completion awaits it; this only keeps it from being unhandled meanwhile.
    explaining.catch(() => undefined);
    return async () => {
      try {
        const explanation = await explaining;
        if (explanation) out.explanation = explanation;
        if (expect) out.assertions = await (await import('./expect')).checkExpect(expect, rec, timeMs);
        if (pre) await ctx.scripts!.after(item, pre, out, rec, timeMs);
      } catch (err) {
        failed(err);
      }
      return finish();
    };
  };
}

const done = (r: RunResult): Finish => () => Promise.resolve(r);

function addWait(out: RunResult, waited: Waited | undefined): void {
  if (!waited) return;
  out.pacedMs = (out.pacedMs ?? 0) + waited.ms;
  out.pacedWhy = out.pacedWhy ? `${out.pacedWhy}; ${waited.why}` : waited.why;
}
