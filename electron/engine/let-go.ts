// Body bytes a send counted and let go (a preview-only body, body-sink.ts) are garbage at once, but
// V8 frees the socket's read buffers only once ~64 MiB of them have piled up (its trigger for memory
// held outside its heap), so a 50 MiB body would lift a run's peak memory by about that much. A
// process that can (the CLI, short-process.ts) installs a young-generation collection here, run
// after every 16 MiB let go: ~0.5 ms each, and the peak stays near what a file-backed body costs.
const EVERY = 16 * 1024 * 1024;

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
