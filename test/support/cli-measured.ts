import { spawn } from 'node:child_process';
import { CLI_BIN } from './cli';

export interface MeasuredRun { code: number; stdout: string; stderr: string; maxRssMb: number; wallS: number }

/**
 * `clearance send --curl <curl>` under GNU time (%M: the child's max RSS in KiB, %e: wall seconds).
 * Only the start of stdout is kept: a body printed there could be big.
 */
export function sendMeasured(curl: string): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'MEASURED %M %e', process.execPath, CLI_BIN, 'send', '--curl', curl],
      { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { if (stdout.length < 4096) stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (code) => {
      const m = /MEASURED (\d+) ([\d.]+)\s*$/.exec(stderr);
      resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/(Command exited[^\n]*\n)?MEASURED .*\s*$/, ''),
        maxRssMb: Number(m?.[1]) / 1024, wallS: Number(m?.[2]) });
    });
  });
}
