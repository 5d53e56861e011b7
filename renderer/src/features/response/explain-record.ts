// The explainer runs in a worker: loading its rule set (every producer's matchers) and a cold first
// scan take tens of milliseconds; neither may hold the window while a body arrives.
import type { Explanation } from '../../../../shared/explain';
import type { ResponseRecord } from '../../../../shared/model';
import { workerCalls } from '../../lib/worker-calls';

/** What the worker needs of a record (the rest, the timeline and sizes, stays here). */
export type ExplainRequest = Pick<ResponseRecord, 'status' | 'headers' | 'body' | 'url'>;

const explainer = workerCalls<ExplainRequest, Explanation>(
  () => new Worker(new URL('./explain.worker.ts', import.meta.url), { type: 'module', name: 'explainer' }),
  'The explainer',
);

/** Starts the worker ahead of the first response (it loads while the window is idle). */
export function startExplainer(): void {
  explainer.start();
}

/** The passive explainer's verdict on one response (bodies on disk: their preview). */
export function explainInWorker(record: ExplainRequest): Promise<Explanation> {
  return explainer.call({ status: record.status, headers: record.headers, body: record.body, url: record.url });
}
