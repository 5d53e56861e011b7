// Events that arrive faster than a window repaints (a run's results, a matrix's cells) are taken in
// batches: pushed items wait at most `ms`, then `apply` gets them all at once.
export interface Batcher<T> {
  push(item: T): void;
  /** applies what waits now (the run ended: its last items must not wait) */
  flush(): void;
  /** drops what waits (a new run starts) */
  clear(): void;
}

export function batcher<T>(ms: number, apply: (batch: T[]) => void): Batcher<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!items.length) return;
    const batch = items;
    items = [];
    apply(batch);
  };
  return {
    push(item) {
      items.push(item);
      timer ??= setTimeout(flush, ms);
    },
    flush,
    clear() {
      if (timer) clearTimeout(timer);
      timer = null;
      items = [];
    },
  };
}
