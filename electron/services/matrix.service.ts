// The access matrix over the contract: matrix.run (cells streamed as matrix.onCell, compared with
// the workspace's access.yaml when there is one), the expectation file read and written, a run
// stopped by its runId. Thin: the work is electron/matrix's.
import { isAbsolute, relative, resolve } from 'node:path';
import type { ServiceImpl } from '../../shared/contract/define';
import { matrixContract } from '../../shared/contract/matrix';
import { ContractError } from '../../shared/contract/result';
import { UsageError } from '../cli/exit-codes';
import { accessFilePath, compareMatrix, readExpectation, runMatrix, updateExpectation } from '../matrix';
import type { SendOptionsInput } from '../../shared/model';
import type { Keychain } from '../secrets/keychain';
import type { EventHub } from './event-hub';

export interface MatrixServiceDeps {
  keychain?: Keychain;
  environ?: Record<string, string | undefined>;
  events?: EventHub;
  /** the app's Settings as send options: every cell takes them as a single send does */
  sendDefaults?: () => Promise<SendOptionsInput>;
}

/** `target` inside the workspace `dir` (default the whole workspace); anything outside is refused. */
export function targetInside(dir: string, target: string | undefined): string {
  const root = resolve(dir);
  if (target === undefined) return root;
  const full = resolve(root, target);
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new ContractError({ code: 'forbidden-path', message: `${target} is not inside the workspace ${root}` });
  return full;
}

/** The CLI's target errors (no such folder, not a workspace) as contract errors: bad input. */
export async function asContractInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UsageError) throw new ContractError({ code: 'invalid-arguments', message: err.message });
    throw err;
  }
}

export function createMatrixService(deps: MatrixServiceDeps = {}): ServiceImpl<typeof matrixContract> {
  const running = new Map<string, AbortController>();
  const secretDeps = { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) };
  return {
    async run(args) {
      if (running.has(args.runId)) throw new ContractError({ code: 'invalid-arguments', message: `matrix ${args.runId} is already running` });
      const target = targetInside(args.dir, args.target);
      const file = accessFilePath(resolve(args.dir), args.file);
      const expected = await readExpectation(file);
      const sendDefaults = await deps.sendDefaults?.();
      const controller = new AbortController();
      running.set(args.runId, controller);
      try {
        const matrix = await asContractInput(() => runMatrix(target, {
          ...secretDeps, keys: args.keys, gateways: args.gateways, env: args.env, allowUnsafe: args.allowUnsafe, signal: controller.signal, sendDefaults,
          onCell: (row, column, cell) => deps.events?.emit(matrixContract.events.onCell.channel, { runId: args.runId, row, column, cell }),
        }));
        return { matrix, comparison: expected.exists ? compareMatrix(matrix, expected.requests, file) : null };
      } finally {
        running.delete(args.runId);
      }
    },
    async expectation({ dir, file }) {
      const path = accessFilePath(resolve(dir), file);
      return { file: path, ...(await readExpectation(path)) };
    },
    async update({ dir, file, matrix }) {
      const path = accessFilePath(resolve(dir), file);
      return { file: path, ...(await updateExpectation(path, matrix)) };
    },
    async stop({ runId }) {
      const c = running.get(runId);
      c?.abort();
      return { stopped: Boolean(c) };
    },
  };
}
