// The explainer runs in a worker: loading its rule set (every producer's matchers) and a cold first
// scan take tens of milliseconds; neither may hold the window while a body arrives.
import type { Explanation } from '../../../../shared/explain';
import type { ResponseRecord } from '../../../../shared/model';

/** What the worker needs of a record (the rest, the timeline and sizes, stays here). */
export type ExplainRequest = Pick<ResponseRecord, 'status' | 'headers' | 'body'>;
export type ExplainReply = { id: number; explanation: Explanation } | { id: number; error: string };

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve(e: Explanation): void; reject(err: Error): void }>();

function explainer(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./explain.worker.ts', import.meta.url), { type: 'module', name: 'explainer' });
  w.onmessage = (e: MessageEvent<ExplainReply>) => {
    const job = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if ('error' in e.data) job?.reject(new Error(`The explainer failed: ${e.data.error}`));
    else job?.resolve(e.data.explanation);
  };
  // A worker that cannot load fails every job it holds (the send shows the error); the next job starts a new one.
  w.onerror = (e) => {
    e.preventDefault();
    for (const job of waiting.values()) job.reject(new Error(`The explainer could not run: ${e.message || 'the worker failed to load'}`));
    waiting.clear();
    w.terminate();
    if (worker === w) worker = null;
  };
  worker = w;
  return w;
}

/** Starts the worker ahead of the first response (it builds its index while the window is idle). */
export function startExplainer(): void {
  explainer();
}

/** The passive explainer's verdict on one response (bodies on disk: their preview). */
export function explainInWorker(record: ExplainRequest): Promise<Explanation> {
  const id = ++seq;
  const request: ExplainRequest = { status: record.status, headers: record.headers, body: record.body };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    explainer().postMessage({ id, request });
  });
}
