// Ctrl+C on `clearance send` and `clearance run` cancels the request in flight through the same
// send-id registry the app's Cancel uses: the server sees the connection closed before it answered,
// and the CLI says what happened instead of dying mid-write.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let server: TestServer;
let dir: string;
const seen = new Map<string, 'arrived' | 'aborted' | 'answered'>();

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const path = req.url ?? '/';
    seen.set(path, 'arrived');
    const timer = setTimeout(() => {
      seen.set(path, 'answered');
      res.writeHead(200).end('late');
    }, 20_000);
    res.on('close', () => {
      if (res.writableEnded) return;
      clearTimeout(timer);
      seen.set(path, 'aborted');
    });
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-interrupt-'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Interrupt\nid: 0e1c0e52-0000-4000-8000-0000000000bb\n');
  await mkdir(join(dir, 'calls'));
  await writeFile(join(dir, 'calls', 'folder.yaml'), 'name: Calls\norder:\n  - a-slow.yaml\n  - b-never.yaml\n');
  await writeFile(join(dir, 'calls', 'a-slow.yaml'), `name: slow\nmethod: GET\nurl: ${server.url}/run-slow\n`);
  await writeFile(join(dir, 'calls', 'b-never.yaml'), `name: never\nmethod: GET\nurl: ${server.url}/run-never\n`);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI, sends SIGINT once `ready()` holds, and returns how it ended. */
function interrupted(args: string[], ready: () => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CLEARANCE_HOME: join(dir, '.home') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    let polls = 0;
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        child.kill('SIGINT');
      } else if (++polls > 400) {
        clearInterval(poll);
        child.kill('SIGKILL');
        reject(new Error(`the request never reached the server: ${stderr}`));
      }
    }, 25);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Ctrl+C', () => {
  it('clearance send: cancels the request at the server and exits 1 saying so', async () => {
    const r = await interrupted(['send', '--curl', `curl ${server.url}/send-slow`], () => seen.get('/send-slow') === 'arrived');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cancelled/i);
    await expect.poll(() => seen.get('/send-slow')).toBe('aborted');
  });

  it('clearance run: aborts the request in flight, sends nothing more, and still writes its report', async () => {
    const out = join(dir, 'out');
    const r = await interrupted(['run', dir, '--reporter', 'cli,json', '--out', out], () => seen.get('/run-slow') === 'arrived');
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain('interrupted');
    await expect.poll(() => seen.get('/run-slow')).toBe('aborted');
    expect(seen.has('/run-never')).toBe(false);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Array<{ name: string; passed: boolean }>; summary: { skipped: number } };
    expect(report.results.map((x) => [x.name, x.passed])).toEqual([['slow', false]]);
    expect(report.summary.skipped).toBe(1);
  });
});
