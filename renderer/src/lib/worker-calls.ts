// One request/reply channel to a module worker: each call gets its own id and promise. A worker that
// cannot load or run fails every call it holds with the reason; the next call starts a new worker.
// The worker side answers `{ id, result }` or `{ id, error }` (serveCalls below).

export type WorkerReply<R> = { id: number; result: R } | { id: number; error: string };

export interface WorkerCalls<Q, R> {
  /** Starts the worker ahead of the first call (it loads while the window is idle). */
  start(): void;
  call(request: Q): Promise<R>;
}

/** `make` must be `() => new Worker(new URL('./x.worker.ts', import.meta.url), …)` written out, so Vite bundles the worker. */
export function workerCalls<Q, R>(make: () => Worker, what: string): WorkerCalls<Q, R> {
  let worker: Worker | null = null;
  let seq = 0;
  const waiting = new Map<number, { resolve(r: R): void; reject(err: Error): void }>();
  const current = (): Worker => {
    if (worker) return worker;
    const w = make();
    w.onmessage = (e: MessageEvent<WorkerReply<R>>) => {
      const job = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if ('error' in e.data) job?.reject(new Error(`${what} failed: ${e.data.error}`));
      else job?.resolve(e.data.result);
    };
    w.onerror = (e) => {
      e.preventDefault();
      for (const job of waiting.values()) job.reject(new Error(`${what} could not run: ${e.message || 'the worker failed to load'}`));
      waiting.clear();
      w.terminate();
      if (worker === w) worker = null;
    };
    worker = w;
    return w;
  };
  return {
    start: () => void current(),
    call: (request) => {
      const id = ++seq;
      return new Promise<R>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        current().postMessage({ id, request });
      });
    },
  };
}

/** The worker side: answers each `{ id, request }` with `work(request)`'s result, or its error's message. */
export function serveCalls<Q, R>(work: (request: Q) => R): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<{ id: number; request: Q }>) => void) | null;
    postMessage(m: WorkerReply<R>): void;
  };
  scope.onmessage = (e) => {
    const { id, request } = e.data;
    try {
      scope.postMessage({ id, result: work(request) });
    } catch (err) {
      scope.postMessage({ id, error: (err as Error).message });
    }
  };
}
