// Helpers to run real Debian servers (nginx, apache2, haproxy, squid) on random free ports in temp dirs.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A temp dir the servers' unprivileged workers (www-data, proxy) can traverse. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `clearance-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Running { proc: ChildProcess; output: () => string; stop: () => Promise<void>; }

export function start(cmd: string, args: string[], cleanupDir?: string): Running {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  proc.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  const stop = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (cleanupDir) rmSync(cleanupDir, { recursive: true, force: true });
  };
  return { proc, output: () => out, stop };
}

export interface Reply { status: number; headers: Array<[string, string]>; body: string; }

/** One HTTP request with node:http; `path` may be an absolute URL (forward-proxy form). */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.setTimeout(5000, () => req.destroy(new Error(`timeout GET ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Poll until the port answers HTTP (bounded), or fail with the server's output. */
export async function waitReady(port: number, server: Running, logFile?: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.proc.exitCode !== null) break;
    try {
      await get(port, '/__ready');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const log = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  throw new Error(`server on ${port} did not become ready (exit ${server.proc.exitCode}):\n${server.output()}\n${log}`);
}

export function hasBinary(path: string): boolean {
  return existsSync(path);
}
