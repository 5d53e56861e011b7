// Body bytes a send counted and let go (a preview-only body, body-sink.ts) are garbage at once, but
// V8 frees the socket's read buffers only once ~64 MiB of them have piled up (its trigger for memory
// held outside its heap), so a 50 MiB body would lift a run's peak memory by about that much. A
// process that can (the CLI, short-process.ts) installs a young-generation collection here, run
// after every 4 MiB let go: ~0.5 ms each. Freed socket buffers stay in the allocator's free lists,
// so what piles up between two collections is the run's peak: a 50 MiB body's max RSS, plain CLI
// and startup snapshot, 16 MiB: 122-126 and 137-142 MiB; 8 MiB: 116-118 and 133-136; 4 MiB:
// 112-114 and 123-125 (README, issue 12), for ~12 collections instead of 3 (~5 ms).
const EVERY = 4 * 1024 * 1024;

let collect: (() => void) | null = null;
let since = 0;

export function setLetGoCollector(fn: (() => void) | null): void {
  collect = fn;
  since = 0;
}

export function noteLetGo(bytes: number): void {
  if (!collect) return;
  since += bytes;
  if (since < EVERY) return;
  since = 0;
  collect();
}
