// The diagnosis over the contract: one run per runId, its probes streamed as diagnosis.onProbe,
// stopped by diagnosis.stop (the probe in flight is aborted; the run concludes with what it has);
// the checklist ticks a user keeps per request (diagnosis.checks / setCheck); the comparison with a
// working request (diagnosis.compare, its sends streamed the same way) and the report.
import type { ServiceImpl } from '../../shared/contract/define';
import { diagnosisContract } from '../../shared/contract/diagnosis';
import { ContractError } from '../../shared/contract/result';
import type { HistoryEntry } from '../../shared/contract/history';
import { createChecksStore } from '../diagnosis/checks-store';
import type { RequestSource } from '../pipeline/prepare';
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
}

export function createDiagnosisService(deps: DiagnosisServiceDeps = {}): ServiceImpl<typeof diagnosisContract> {
  const running = new Map<string, AbortController>();
  const checks = createChecksStore(deps.checksPath);
  return {
    async run(args) {
      if (running.has(args.runId)) throw new ContractError({ code: 'invalid-arguments', message: `diagnosis ${args.runId} is already running` });
      const controller = new AbortController();
      running.set(args.runId, controller);
      const s = args.source;
      const source: RequestSource = s.kind === 'file'
        ? { kind: 'file', dir: s.dir, path: s.path, ...(s.request ? { draft: s.request } : {}) }
        : { kind: 'spec', request: s.request, dir: s.dir };
      const channel = diagnosisContract.events.onProbe.channel;
      try {
        const { diagnoseSource } = await import('../diagnosis/from-source');
        return await diagnoseSource(source, { env: args.env, key: args.key, gateway: args.gateway, ...(s.kind === 'spec' && s.options ? { options: s.options } : {}) }, {
          deps: { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) },
          allowUnsafe: args.allowUnsafe === true, signal: controller.signal, ...(args.maxProbes ? { maxProbes: args.maxProbes } : {}),
          ...(args.response ? { response: args.response } : {}), ...(deps.bodyDir ? { bodyDir: deps.bodyDir } : {}),
          onProbe: (probe) => deps.events?.emit(channel, { runId: args.runId, probe }),
        });
      } finally {
        running.delete(args.runId);
      }
    },
    async stop({ runId }) {
      const c = running.get(runId);
      c?.abort();
      return { stopped: Boolean(c) };
    },
    async compare(args) {
      if (running.has(args.runId)) throw new ContractError({ code: 'invalid-arguments', message: `diagnosis ${args.runId} is already running` });
      const controller = new AbortController();
      running.set(args.runId, controller);
      const s = args.source;
      const source: RequestSource = s.kind === 'file'
        ? { kind: 'file', dir: s.dir, path: s.path, ...(s.request ? { draft: s.request } : {}) }
        : { kind: 'spec', request: s.request, dir: s.dir };
      try {
        const { compareSource } = await import('../diagnosis/compare-source');
        return await compareSource(source, { env: args.env, key: args.key, gateway: args.gateway, ...(s.kind === 'spec' && s.options ? { options: s.options } : {}) }, args.working, {
          deps: { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) },
          ...(deps.history ? { history: deps.history } : {}), allowUnsafe: args.allowUnsafe === true, signal: controller.signal,
          ...(args.maxSends ? { maxSends: args.maxSends } : {}), ...(args.response ? { response: args.response } : {}), ...(deps.bodyDir ? { bodyDir: deps.bodyDir } : {}),
          onProbe: (probe) => deps.events?.emit(diagnosisContract.events.onProbe.channel, { runId: args.runId, probe }),
        });
      } finally {
        running.delete(args.runId);
      }
    },
    async report({ diagnosis, compare, format }) {
      const { renderReport } = await import('../diagnosis/report');
      return { text: renderReport({ diagnosis, compare }, format) };
    },
    checks: async ({ target }) => ({ done: await checks.get(target) }),
    setCheck: async ({ target, id, done }) => ({ done: await checks.set(target, id, done) }),
  };
}
