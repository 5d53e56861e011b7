// Starts `node bin/clearance.mjs serve` (the build must exist: the test command builds first),
// reads the URL it prints, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeHandle {
  url: string;
  origin: string;
  port: number;
  token: string;
  home: string;
  stop(): Promise<void>;
}

/** A restart passes the last handle's port, token and home: an open tab then talks to the new process. */
export interface ServeOptions {
  port?: number; token?: string; home?: string;
  /** added to the process's environment (e.g. a D-Bus address that leads nowhere: no keychain) */
  env?: Record<string, string>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

export async function startClearanceServe(opts: ServeOptions = {}, timeoutMs = 15_000): Promise<ServeHandle> {
  // A fresh data folder: history and globals of the developer's machine stay out of the tests.
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'clearance-e2e-home-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/clearance.mjs', 'serve', ...(opts.port ? ['--port', String(opts.port)] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', CLEARANCE_HOME: home, ...(opts.token ? { CLEARANCE_SERVE_TOKEN: opts.token } : {}), ...opts.env },
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
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    home,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      child.once('exit', () => { clearTimeout(kill); done(); });
      child.kill('SIGTERM');
    }),
  };
}
