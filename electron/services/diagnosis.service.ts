// The diagnosis over the contract: one run per runId, its probes streamed as diagnosis.onProbe,
// stopped by diagnosis.stop (the probe in flight is aborted; the run concludes with what it has);
// the checklist ticks a user keeps per request (diagnosis.checks / setCheck); the comparison with a
// working request (diagnosis.compare, its sends streamed the same way) and the report.
import type { ServiceImpl } from '../../shared/contract/define';
import { diagnosisContract, type DiagnoseSourceSchema, type ProbeResultSchema } from '../../shared/contract/diagnosis';
import { ContractError } from '../../shared/contract/result';
import type { HistoryEntry } from '../../shared/contract/history';
import { createChecksStore } from '../diagnosis/checks-store';
import type { SendOptionsInput } from '../../shared/model';
import type { Overrides, RequestSource } from '../pipeline/prepare';
import type { z } from 'zod';
import type { Keychain } from '../secrets/keychain';
import type { EventHub } from './event-hub';

export interface DiagnosisServiceDeps {
  keychain?: Keychain;
  environ?: Record<string, string | undefined>;
  events?: EventHub;
  bodyDir?: string;
  /** where checklist ticks are kept (default: the app's data folder) */
  checksPath?: string;
  /** where diagnosis.compare finds a working request by `historyId` */
  history?: { list(q: { limit?: number }): Promise<HistoryEntry[]> };
  /** the app's Settings as send options under the request's own (HTTP version, proxy, CA); none in the CLI */
  sendDefaults?: () => Promise<SendOptionsInput>;
}

type DiagnoseSource = z.output<typeof DiagnoseSourceSchema>;
type ProbeResultData = z.output<typeof ProbeResultSchema>;
type SourceArgs = { source: DiagnoseSource; env?: string | undefined; key?: string | undefined; gateway?: string | undefined };

/** The contract's source and profile choices as the pipeline takes them (run and compare alike). */
function sourceOf(args: SourceArgs): { source: RequestSource; overrides: Overrides } {
  const s = args.source;
  const source: RequestSource = s.kind === 'file'
    ? { kind: 'file', dir: s.dir, path: s.path, ...(s.request ? { draft: s.request } : {}) }
    : { kind: 'spec', request: s.request, dir: s.dir };
  return { source, overrides: { env: args.env, key: args.key, gateway: args.gateway, ...(s.kind === 'spec' && s.options ? { options: s.options } : {}) } };
}

export function createDiagnosisService(deps: DiagnosisServiceDeps = {}): ServiceImpl<typeof diagnosisContract> {
  const running = new Map<string, AbortController>();
  const checks = createChecksStore(deps.checksPath);
  const prepareDeps = { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) };
  const streamTo = (runId: string) => (probe: ProbeResultData) => deps.events?.emit(diagnosisContract.events.onProbe.channel, { runId, probe });

  /** Runs `work` under `runId` (one at a time per id) so diagnosis.stop can abort it. */
  async function underRunId<T>(runId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (running.has(runId)) throw new ContractError({ code: 'invalid-arguments', message: `diagnosis ${runId} is already running` });
    const controller = new AbortController();
    running.set(runId, controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(runId);
    }
  }

  return {
    run: (args) => underRunId(args.runId, async (signal) => {
      const { source, overrides } = sourceOf(args);
      overrides.defaults = await deps.sendDefaults?.();
      const { diagnoseSource } = await import('../diagnosis/from-source');
      return diagnoseSource(source, overrides, {
        deps: prepareDeps, allowUnsafe: args.allowUnsafe === true, signal, ...(args.maxProbes ? { maxProbes: args.maxProbes } : {}),
        ...(args.response ? { response: args.response } : {}), ...(deps.bodyDir ? { bodyDir: deps.bodyDir } : {}), onProbe: streamTo(args.runId),
      });
    }),
    async stop({ runId }) {
      const c = running.get(runId);
      c?.abort();
      return { stopped: Boolean(c) };
    },
    compare: (args) => underRunId(args.runId, async (signal) => {
      const { source, overrides } = sourceOf(args);
      overrides.defaults = await deps.sendDefaults?.();
      const { compareSource } = await import('../diagnosis/compare-source');
      return compareSource(source, overrides, args.working, {
        deps: prepareDeps, ...(deps.history ? { history: deps.history } : {}), allowUnsafe: args.allowUnsafe === true, signal,
        ...(args.maxSends ? { maxSends: args.maxSends } : {}), ...(args.response ? { response: args.response } : {}), ...(deps.bodyDir ? { bodyDir: deps.bodyDir } : {}),
        onProbe: streamTo(args.runId),
      });
    }),
    async report({ diagnosis, compare, format }) {
      const { renderReport } = await import('../diagnosis/report');
      return { text: renderReport({ diagnosis, compare }, format) };
    },
    checks: async ({ target }) => ({ done: await checks.get(target) }),
    setCheck: async ({ target, id, done }) => ({ done: await checks.set(target, id, done) }),
  };
}
