// A long-running `serve` outlives a bug in one handler: Node's default for a promise rejected with
// no handler is to kill the process, which would close every open tab's backend at once. The
// rejection is reported on stderr as the bug it is, and the server keeps answering other requests.
// Uncaught exceptions keep Node's default (exit): the process state after one is unknown.
import { escapeControls } from '../cli/output/safe-text';

let installed = false;

export function keepServingOnUnhandledRejection(write: (line: string) => void = (l) => process.stderr.write(l)): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    const message = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    write(`internal error (a bug in Clearance; the server keeps running): ${escapeControls(message)}\n`);
  });
}
