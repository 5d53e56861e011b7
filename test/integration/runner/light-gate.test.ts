// A run whose answers are all healthy never loads the explainer's registry: the built CLI asks the
// light gate (shared/explain/light-gate.ts, data made at build time) about each success answer.
// Checked where it happens: every module the CLI process loads is recorded (test/support/record-loads),
// and none of a healthy run's modules holds the registry; a run that meets a refusal loads it and
// explains it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let server: TestServer;
const seen: string[] = [];
const PRELOAD = pathToFileURL(join(process.cwd(), 'test/support/record-loads.mjs')).href;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-light-gate-'));
  server = await startHttp((req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.startsWith('/deny')) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' });
      res.end(JSON.stringify({ message: 'Forbidden' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, items: [{ id: seen.length, name: 'item' }] }));
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs a collection of these paths with the built CLI; the output and the files of the modules it loaded. */
async function run(name: string, paths: string[]): Promise<{ code: number; stdout: string; loaded: string[] }> {
  const item = paths.map((p) => ({ name: p, request: { method: 'GET', header: [], url: { raw: `${server.url}${p}` } } }));
  const file = join(dir, `${name}.postman_collection.json`);
  await writeFile(file, JSON.stringify({ info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item }));
  const record = join(dir, `${name}.loads`);
  const { code, stdout } = await runCli(['run', '--no-history', file], {
    env: { NODE_OPTIONS: `--import=${PRELOAD}`, CLEARANCE_RECORD_LOADS: record },
  });
  const urls = (await readFile(record, 'utf8')).split('\n').filter((u) => u.startsWith('file:') && u.includes('/out/main/'));
  return { code, stdout, loaded: urls.map((u) => fileURLToPath(u)) };
}

/** Whether one of these modules holds the producer registry (a producer id written only there). */
async function holdsRegistry(files: string[]): Promise<boolean> {
  for (const f of files) if ((await readFile(f, 'utf8')).includes("'aws-api-gateway'") || (await readFile(f, 'utf8')).includes('"aws-api-gateway"')) return true;
  return false;
}

describe('clearance run: healthy answers never load the explainer', () => {
  it('a run of 200s loads the light gate and not the registry; a 403 loads it and is explained', async () => {
    seen.length = 0;
    const healthy = await run('healthy', ['/ok/1', '/ok/2', '/ok/3']);
    expect(healthy.code).toBe(0);
    expect(seen).toEqual(['/ok/1', '/ok/2', '/ok/3']);
    expect(healthy.loaded.some((f) => /light-gate-[^/]*\.js$/.test(f))).toBe(true);
    expect(await holdsRegistry(healthy.loaded)).toBe(false);

    const refused = await run('refused', ['/ok/1', '/deny/2']);
    expect(refused.code).toBe(1);
    expect(await holdsRegistry(refused.loaded)).toBe(true);
    expect(refused.stdout).toMatch(/API Gateway/);
  });
});
