// Starting the demo: `clearance demo` as a user runs it (a whole process, Ctrl+C), and the app's
// app.startDemo through the handlers both transports register.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopDemo } from '../../../electron/demo';
import { createHandlers } from '../../../electron/services';
import { CLI_BIN, runCli } from '../../support/cli';

let home: string;
beforeAll(async () => { home = await mkdtemp(join(tmpdir(), 'clearance-demo-start-')); });
afterAll(async () => {
  await stopDemo();
  await rm(home, { recursive: true, force: true });
});

describe('clearance demo', () => {
  it('serves the demo API, writes the workspace pointed at it, prints what to try, and stops on Ctrl+C', async () => {
    const dir = join(home, 'ws');
    const child = spawn(process.execPath, [CLI_BIN, 'demo', '--dir', dir], {
      env: { ...process.env, NO_COLOR: '1', CLEARANCE_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (b: Buffer) => { out += b.toString(); });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 15 s:\n${out}`)), 15_000);
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /Clearance demo API: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1] && /Ctrl\+C/.test(out)) { clearTimeout(timer); resolveUrl(m[1]); }
        });
        void exited.then((code) => { clearTimeout(timer); reject(new Error(`exited ${code}:\n${out}`)); });
      });
      expect(out).toContain(`Workspace: ${dir}`);
      expect(out).toContain('clearance send key-in-the-query/list-orders.yaml --env demo');
      expect(out).toContain('clearance diagnose key-in-the-query/list-orders.yaml --env demo');
      expect(await readFile(join(dir, 'environments', 'demo.yaml'), 'utf8')).toContain(`base: ${url}`);
      const r = await fetch(`${url}/v1/orders?api_key=x`);
      expect(r.status).toBe(403);
      expect(r.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await expect(fetch(`${url}/`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 2 for a folder that holds something else, and for a bad --port', async () => {
    const dir = join(home, 'taken');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['demo', '--dir', dir], { env: { CLEARANCE_HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty and is not a Clearance demo workspace/);
    expect((await runCli(['demo', '--port', '70000'], { env: { CLEARANCE_HOME: home } })).code).toBe(2);
  });
});

describe('app.startDemo', () => {
  it('starts one demo server per backend, writes the workspace under the data folder and says what to open', async () => {
    const handlers = createHandlers({ transport: 'http', version: 'test' });
    const call = (args: unknown) => handlers.get('app.startDemo')!(args);
    const first = await call({});
    expect(first.ok).toBe(true);
    const a = (first as { value: { root: string; url: string; env: string; requests: string[] } }).value;
    expect(a.root).toBe(join(process.env.CLEARANCE_HOME!, 'demo', 'workspace'));
    expect(a.env).toBe('demo');
    expect(a.requests[0]).toBe('key-in-the-query/list-orders.yaml');
    expect(await readFile(join(a.root, 'environments', 'demo.yaml'), 'utf8')).toContain(`base: ${a.url}`);
    expect((await fetch(`${a.url}/shop/cart`, { headers: { 'User-Agent': 'curl/8.5.0' } })).status).toBe(403);

    const again = await createHandlers({ transport: 'http', version: 'test' }).get('app.startDemo')!({});
    expect((again as { value: { url: string } }).value.url).toBe(a.url);
  });
});
