import { spawn, type ChildProcess } from 'node:child_process';
import { waitForPort } from './ports';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns a foreground server, waits for its port (bounded), and stops it with SIGTERM then SIGKILL. */
export async function runUntilListening(cmd: string, args: string[], port: number, timeoutMs = 15_000): Promise<RunningProcess> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  let exited = false;
  const exitedP = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitedP;
    clearTimeout(killer);
  };
  try {
    await waitForPort(port, timeoutMs, () => !exited);
  } catch (err) {
    await stop();
    throw new Error(`${cmd} did not start: ${(err as Error).message}\n${out}`);
  }
  return { child, output: () => out, stop };
}
