// `--notify CMD`: the user's command, run by their shell, once per round that changed something.
// What the servers said (refusal reasons, request names) reaches it only as data: the changes as
// JSON on stdin, a count and a one-line summary in its environment, never spliced into the command.
import { spawn } from 'node:child_process';
import type { WatchRound } from '../../shared/contract/watch';
import { stateText } from './format';

export interface NotifyResult {
  code: number | null;
  /** the command ran past its time limit and was stopped */
  timedOut: boolean;
}

/** "2 changes: Orders [alice @ direct] 2xx → refused 403; Public 2xx → error" (one line, no control characters). */
export function summaryLine(round: WatchRound): string {
  const n = round.changes.length;
  const items = round.changes.slice(0, 10).map((c) => `${c.name}${c.column ? ` [${c.column}]` : ''} ${stateText(c.before)} → ${stateText(c.after)}`);
  const more = n > 10 ? `; and ${n - 10} more` : '';
  return `${n} change${n === 1 ? '' : 's'}: ${items.join('; ')}${more}`.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

export function runNotify(command: string, payload: { target: string; round: WatchRound }, timeoutMs = 60_000): Promise<NotifyResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CLEARANCE_CHANGES: String(payload.round.changes.length), CLEARANCE_SUMMARY: summaryLine(payload.round) },
    });
    // The command's own output goes to stderr: stdout carries the changes only.
    child.stdout.pipe(process.stderr, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, timedOut });
    });
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      // A command that does not read its stdin (curl with a fixed body) closes it early: EPIPE is no failure.
      if (err.code !== 'EPIPE') process.stderr.write(`--notify: writing the changes to the command failed: ${err.message}\n`);
    });
    child.stdin.end(`${JSON.stringify(payload)}\n`);
  });
}
