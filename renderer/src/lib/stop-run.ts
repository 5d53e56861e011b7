// Stop for a view's background run (the Runner's, the Matrix's): marked stopping at once, the
// backend told by runId; when it cannot be told, the run goes on and still reports, and `failed`
// says so on the run that is still current (a newer run is left alone).
export interface StoppableRun { runId: string; running: boolean; stopping: boolean }

export async function stopRun<R extends StoppableRun>(
  store: { get(): R | null; set(run: R): void },
  stop: (runId: string) => Promise<unknown>,
  failed: (run: R, err: unknown) => R,
): Promise<void> {
  const run = store.get();
  if (!run?.running || run.stopping) return;
  store.set({ ...run, stopping: true });
  try {
    await stop(run.runId);
  } catch (err) {
    const cur = store.get();
    if (cur?.runId === run.runId) store.set(failed({ ...cur, stopping: false }, err));
  }
}
