// One 'abort' listener per signal, however many sends it covers: a run hands the same signal to
// every request, and adding and removing an EventTarget listener per send costs more than a Set entry.
const watchers = new WeakMap<AbortSignal, Set<() => void>>();
const NOTHING = (): void => undefined;

/** Calls `fn` when `signal` aborts; the returned function stops watching (call it when the send ends). */
export function onAbort(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal) return NOTHING;
  let set = watchers.get(signal);
  if (!set) {
    const fns = new Set<() => void>();
    set = fns;
    watchers.set(signal, fns);
    signal.addEventListener('abort', () => {
      for (const f of [...fns]) f();
      fns.clear();
    }, { once: true });
  }
  set.add(fn);
  const watching = set;
  return () => {
    watching.delete(fn);
  };
}
