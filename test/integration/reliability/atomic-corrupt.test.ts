// A corrupted collection file is kept byte for byte and reported, never overwritten (issue 14):
// through the CLI (run, export, send, import into the folder) and through `clearance serve` (open,
// read, save, create, rename and move next to it, save the collection root).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';
import { startServeProcess, type ServeProcess } from './serve-process';

// Truncated mid-write as a crash of another tool would leave them.
const BROKEN: Record<string, string> = {
  'clearance.yaml': 'clearance: 1\nname: Corrupt\nid: ws-corrupt-01\norder: [a.yaml, f\n',
  'f/folder.yaml': 'name: F\norder:\n  - good.yaml\n  - [\n',
  'f/cut.yaml': 'name: Cut\nmethod: POST\nurl: http://127.0.0.1:9/\nbody:\n  kind: text\n  text: "abc',
  'environments/staging.yaml': 'name: staging\nvariables:\n  host: {',
  'keys/team.yaml': 'name: team\nkind: bearer\nhosts: [a\n',
};
let dir: string;
let server: TestServer;
let serve: ServeProcess;
const hits: string[] = [];

const digest = async (): Promise<Record<string, string>> => Object.fromEntries(await Promise.all(Object.keys(BROKEN)
  .map(async (p) => [p, createHash('sha256').update(await readFile(join(dir, p))).digest('hex')] as const)));
let original: Record<string, string>;

beforeAll(async () => {
  server = await startHttp((req, res) => { hits.push(req.url ?? ''); res.end('ok'); });
  dir = await mkdtemp(join(tmpdir(), 'clearance-rel-corrupt-'));
  for (const d of ['f', 'environments', 'keys']) await mkdir(join(dir, d));
  for (const [p, text] of Object.entries(BROKEN)) await writeFile(join(dir, p), text);
  await writeFile(join(dir, 'f', 'good.yaml'), `name: Good\nmethod: GET\nurl: ${server.url}/good\n`);
  original = await digest();
  serve = await startServeProcess();
}, 120_000);

afterAll(async () => {
  await serve.stop();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('corrupted files are kept and reported', () => {
  it('through the CLI: run, export and send name them; import into the folder refuses; bytes unchanged', async () => {
    const run = await runCli(['run', dir]);
    for (const p of Object.keys(BROKEN)) expect(run.stdout + run.stderr).toContain(p);
    expect(hits).toContain('/good');
    const exp = await runCli(['export', 'curl', dir]);
    expect(exp.stderr).toContain('f/cut.yaml');
    const send = await runCli(['send', join(dir, 'f', 'cut.yaml')]);
    expect(send.code, send.stderr).toBe(2);
    expect(send.stderr).toMatch(/f\/cut\.yaml:\d+/);
    const curl = join(dir, '..', `${dir.split('/').pop()}-in.sh`);
    await writeFile(curl, `curl ${server.url}/imported\n`);
    const imp = await runCli(['import', 'curl', curl, '--out', dir]);
    expect(imp.code, imp.stderr).toBe(2);
    await rm(curl, { force: true });
    expect(await digest()).toEqual(original);
  }, 120_000);

  it('through serve: open lists them; reads and saves that would rewrite them are refused; bytes unchanged', async () => {
    const open = await serve.rpc('workspace.open', { dir });
    expect(open.ok, JSON.stringify(open.error)).toBe(true);
    const problems = (open.value as { problems: Array<{ path: string }> }).problems.map((p) => p.path);
    for (const p of Object.keys(BROKEN)) expect(problems).toContain(p);
    const read = await serve.rpc('workspace.readRequest', { dir, path: 'f/cut.yaml' });
    expect(read.error?.code).toBe('broken-file');
    expect((await serve.rpc('workspace.readFolder', { dir, path: 'f' })).error?.code).toBe('broken-file');
    expect((await serve.rpc('workspace.readFolder', { dir, path: '' })).error?.code).toBe('broken-file');
    // the app's editing around the broken files
    await serve.rpc('workspace.saveRequest', { dir, path: 'f/good.yaml', request: { name: 'Good', method: 'GET', url: `${server.url}/good2` } });
    await serve.rpc('workspace.createRequest', { dir, folder: 'f', request: { name: 'New', method: 'GET', url: `${server.url}/new` } });
    await serve.rpc('workspace.createRequest', { dir, folder: '', request: { name: 'Top', method: 'GET', url: `${server.url}/top` } });
    await serve.rpc('workspace.rename', { dir, path: 'f/good.yaml', name: 'Renamed' });
    await serve.rpc('workspace.createFolder', { dir, parent: 'f', name: 'Sub' });
    await serve.rpc('workspace.saveFolder', { dir, path: '', folder: { name: 'Overwritten' } });
    await serve.rpc('workspace.saveFolder', { dir, path: 'f', folder: { name: 'Overwritten' } });
    expect(await digest()).toEqual(original);
  }, 120_000);
});
