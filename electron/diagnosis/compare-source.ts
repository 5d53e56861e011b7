// Compare a request source (a workspace file, a tab's draft, a curl command) with a request that
// works: the user's side prepared through the one path, the working side read from a pasted curl,
// a HAR entry or a history entry that succeeded.
import { CurlParseError } from '../../shared/curl';
import { ContractError } from '../../shared/contract/result';
import type { HistoryEntry } from '../../shared/contract/history';
import { prepare, type Overrides, type PrepareDeps, type RequestSource } from '../pipeline/prepare';
import { compareRequests, type CompareInput, type Comparison } from './bisect';
import { viewOfCurl, viewOfHar, viewOfHistory, viewOfPrepared, type WireView } from './wire-view';

export type WorkingInput = { curl: string } | { har: string; entry?: number | undefined } | { historyId: string };

export interface CompareSourceOptions extends Omit<CompareInput, 'user' | 'working'> {
  deps?: PrepareDeps;
  /** where a `historyId` is looked up */
  history?: { list(q: { limit?: number }): Promise<HistoryEntry[]> };
}

const invalid = (message: string): ContractError => new ContractError({ code: 'invalid-arguments', message });

/** The working request as it went on the wire; `near` picks a HAR's entry for the same request. */
export async function workingView(w: WorkingInput, near: { origin: string; path: string }, history?: CompareSourceOptions['history']): Promise<WireView> {
  if ('curl' in w) {
    try {
      return viewOfCurl(w.curl);
    } catch (err) {
      if (err instanceof CurlParseError) throw invalid(`the working curl: ${err.message}`);
      throw err;
    }
  }
  if ('har' in w) {
    try {
      return viewOfHar(w.har, { ...(w.entry !== undefined ? { entry: w.entry } : {}), near });
    } catch (err) {
      throw invalid(`the working HAR: ${(err as Error).message}`);
    }
  }
  if (!history) throw invalid('no history to take the working request from');
  const entry = (await history.list({ limit: 10_000 })).find((e) => e.id === w.historyId);
  if (!entry) throw invalid(`history entry ${w.historyId} not found (pruned, or cleared)`);
  return viewOfHistory(entry);
}

export async function compareSource(source: RequestSource, overrides: Overrides, working: WorkingInput, opts: CompareSourceOptions = {}): Promise<Comparison> {
  const { deps, history, ...rest } = opts;
  const user = await prepare(source, overrides, deps ?? {});
  const mine = viewOfPrepared(user);
  const view = await workingView(working, { origin: mine.origin, path: mine.path }, history);
  return compareRequests({ ...rest, user, working: view });
}
