// The collection runner over the contract: runner.start plans a workspace, folder or request file
// and runs it in the background with the CLI's runner; each result is pushed as runner.onResult and
// the report as runner.onFinish; runner.stop aborts the request in flight. The responses of failed
// requests are kept (bounded) so the window can explain a refusal and open it in Troubleshoot.
import { isAbsolute, relative, resolve } from 'node:path';
import type { z } from 'zod';
import type { ServiceImpl } from '../../shared/contract/define';
import { ContractError, toErrorInfo } from '../../shared/contract/result';
import { runnerContract, type RunResultSchema } from '../../shared/contract/runner';
import type { ResponseRecord, SendOptionsInput } from '../../shared/model';
import type { Keychain } from '../secrets/keychain';
import type { SendOutcome } from '../workspace/history/entry';
import type { RunResult } from '../runner/types';
import type { EventHub } from './event-hub';

export interface RunnerServiceDeps {
  keychain?: Keychain;
  environ?: Record<string, string | undefined>;
  events?: EventHub;
  /** where failed sends are recorded, at most HISTORY_LIMIT per run (as `clearance run` does) */
  history?: { record(o: SendOutcome): Promise<unknown> };
  /** the app's Settings as send options: a run's requests take them as a single send does */
  sendDefaults?: () => Promise<SendOptionsInput>;
}

/** Failed sends a run writes to history: the runner's own default, so the app and the CLI keep the same. */
const HISTORY_LIMIT = 20;
/** Responses of failed requests kept per run for their explanation, and runs kept: bounded memory. */
const KEPT_RESPONSES = 500;
const KEPT_RUNS = 3;
/** A kept response's inline body is cut here (the explainer reads the start; the tab shows it). */
const KEPT_BODY = 256 * 1024;

// A RunResult must be what the contract carries: a runner that changes its records fails the typecheck here.
type Carried = z.input<typeof RunResultSchema>;
const carried = (r: RunResult): Carried => r;

interface Run { controller: AbortController; responses: Map<number, ResponseRecord> }

/** The inline body cut to KEPT_BODY (a body on disk is already only its preview plus a path). */
function trimmed(rec: ResponseRecord): ResponseRecord {
  if (rec.body.kind !== 'inline' || rec.body.data.length <= KEPT_BODY) return rec;
  return { ...rec, body: { ...rec.body, data: rec.body.data.slice(0, KEPT_BODY) } };
}

/** The target as a path inside the workspace; anything that climbs out is refused. */
function targetPath(workspace: string, target: string): string {
  const root = resolve(workspace);
  const full = resolve(root, target);
  const rel = relative(root, full);
  if (isAbsolute(target) || rel.startsWith('..') || isAbsolute(rel)) {
    throw new ContractError({ code: 'forbidden-path', message: `${target}: not inside the workspace ${root}`, remedy: 'Run a folder or request of the open workspace.' });
  }
  return full;
}

function inputError(err: unknown): ContractError {
  if (err instanceof ContractError) return err;
  if ((err as Error).name === 'UsageError') return new ContractError({ code: 'invalid-arguments', message: (err as Error).message });
  return new ContractError(toErrorInfo(err));
}

export function createRunnerService(deps: RunnerServiceDeps = {}): ServiceImpl<typeof runnerContract> {
  const running = new Map<string, Run>();
  /** finished and running runs, oldest first, for runner.response */
  const kept = new Map<string, Run>();
  let seq = 0;
  const emit = (channel: string, payload: unknown) => deps.events?.emit(channel, payload);

  function keep(runId: string, run: Run): void {
    kept.delete(runId);
    kept.set(runId, run);
    while (kept.size > KEPT_RUNS) kept.delete(kept.keys().next().value as string);
  }

  return {
    async start(args) {
      const runId = args.runId ?? `run-${Date.now().toString(36)}-${++seq}`;
      if (running.has(runId)) throw new ContractError({ code: 'invalid-arguments', message: `run ${runId} is already running` });
      const full = targetPath(args.workspace, args.target);
      const [{ loadTarget }, { runPlan, RunInputError }] = await Promise.all([import('../runner/target'), import('../runner/run')]);
      const plan = await loadTarget(full, args.workspace).catch((err: unknown) => { throw inputError(err); });
      const sendDefaults = await deps.sendDefaults?.();
      if (args.only) {
        const only = new Set(args.only);
        // The plan is this call's own: narrowing it in place keeps an import's lazy getters intact.
        plan.requests = plan.requests.filter((r) => only.has(r.path));
      }
      const run: Run = { controller: new AbortController(), responses: new Map() };
      running.set(runId, run);
      keep(runId, run);
      // A failed send's response, by request path, until its result lands (then kept by index).
      const pending = new Map<string, ResponseRecord>();
      let written = 0;
      const history = {
        async record(o: SendOutcome) {
          if (o.response && o.source?.path && run.responses.size < KEPT_RESPONSES) pending.set(o.source.path, trimmed(o.response));
          if (deps.history && written < HISTORY_LIMIT) {
            written++;
            await deps.history.record(o);
          }
        },
      };
      const reporter = {
        result(r: RunResult) {
          const rec = pending.get(r.path);
          if (rec) {
            pending.delete(r.path);
            run.responses.set(r.index, rec);
          }
          emit(runnerContract.events.onResult.channel, { runId, result: carried(r) });
        },
        finish: async () => undefined,
      };
      const secretDeps = { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) };
      void runPlan(plan, {
        ...secretDeps, env: args.env, key: args.key, gateway: args.gateway, bail: args.bail, signal: run.controller.signal,
        reporters: [reporter], history, historyLimit: KEPT_RESPONSES, sendDefaults, wholeBodies: true,
      }).then(
        (report) => emit(runnerContract.events.onFinish.channel, { runId, stopped: run.controller.signal.aborted, report }),
        (err: unknown) => {
          const info = err instanceof RunInputError ? { code: err.code, message: err.message } : toErrorInfo(err);
          emit(runnerContract.events.onFinish.channel, { runId, stopped: run.controller.signal.aborted, error: info });
        },
      ).finally(() => running.delete(runId));
      return { runId, collection: plan.name, requests: plan.requests.map((r) => ({ path: r.path, name: r.name, method: (r.request?.method ?? '').toUpperCase() })) };
    },
    async stop({ runId }) {
      const run = running.get(runId);
      run?.controller.abort();
      return { stopped: Boolean(run) };
    },
    async response({ runId, index }) {
      return { record: kept.get(runId)?.responses.get(index) ?? null };
    },
  };
}
