// Sends in flight, by the caller's send id: `requests.cancel` aborts any of them, whichever service
// (scratch tab, workspace file, runner) started it.
const inFlight = new Map<string, AbortController>();

/** Registers a send; the returned signal aborts when it is cancelled or when `parent` aborts. */
export function track(sendId: string | undefined, parent?: AbortSignal): { signal: AbortSignal | undefined; done(): void } {
  // Nothing to register (the runner's requests): no controller of our own on the hot path.
  if (sendId === undefined) return { signal: parent, done: () => undefined };
  const controller = new AbortController();
  const onParent = (): void => controller.abort();
  if (parent?.aborted) controller.abort();
  else parent?.addEventListener('abort', onParent, { once: true });
  // A repeated id replaces the older send's entry: the newest send is the one a Cancel means.
  inFlight.set(sendId, controller);
  return {
    signal: controller.signal,
    done() {
      parent?.removeEventListener('abort', onParent);
      if (inFlight.get(sendId) === controller) inFlight.delete(sendId);
    },
  };
}

/** Aborts the send registered under `sendId`; false when none is running (already finished or unknown). */
export function cancelSend(sendId: string): boolean {
  const controller = inFlight.get(sendId);
  if (!controller) return false;
  controller.abort();
  inFlight.delete(sendId);
  return true;
}

/** How many sends are running (tests check that finished sends are forgotten). */
export function inFlightCount(): number {
  return inFlight.size;
}
