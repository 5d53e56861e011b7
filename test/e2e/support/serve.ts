// Starts `node bin/clearance.mjs serve` (the build must exist: the test command builds first),
// reads the URL it prints, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeHandle {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

export async function startClearanceServe(timeoutMs = 15_000): Promise<ServeHandle> {
  const child: ChildProcess = spawn(process.execPath, ['bin/clearance.mjs', 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A fresh data folder: history and globals of the developer's machine stay out of the tests.
    env: { ...process.env, NO_COLOR: '1', CLEARANCE_HOME: mkdtempSync(join(tmpdir(), 'clearance-e2e-home-')) },
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`clearance serve printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (buf: Buffer) => {
      output += buf.toString();
      const m = /Clearance UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => { output += b.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`clearance serve exited with ${code} before printing its URL:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      child.once('exit', () => { clearTimeout(kill); done(); });
      child.kill('SIGTERM');
    }),
  };
}
