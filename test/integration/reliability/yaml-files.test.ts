// Issue 14, defects 1 and 3: one malformed file must not kill the process nor hide the workspace.
// 2,000 "[" aborted `run` in V8's regex compiler (exit 134) and killed `serve` when imported twice;
// an alias without an anchor made run/export exit 1 with no file named and send say [internal].
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';
import { startServeProcess, type ServeProcess } from './serve-process';

const BRACKETS = `a: ${'['.repeat(2000)}`;
let dir: string;
let server: TestServer;
const seen: string[] = [];

beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-rel-yaml-'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Rel\nid: ws-rel-0001\n');
  await mkdir(join(dir, 'f'));
  await writeFile(join(dir, 'f', 'b1.yaml'), BRACKETS);
  await writeFile(join(dir, 'f', 'b2.yaml'), BRACKETS);
  await writeFile(join(dir, 'f', 'alias.yaml'), 'method: GET\nname: *nope\nurl: http://127.0.0.1:9/\n');
  const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'name: [*c,*c,*c,*c]'];
  await writeFile(join(dir, 'f', 'bomb.yaml'), `${bomb.join('\n')}\n`);
  await writeFile(join(dir, 'f', 'good.yaml'), `name: Good\nmethod: GET\nurl: ${server.url}/good\n`);
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'bad.yaml'), 'name: *nope\n');
  await mkdir(join(dir, 'keys'));
  await writeFile(join(dir, 'keys', 'bad.yaml'), 'name: k\nkind: *nope\n');
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('malformed workspace files', () => {
  it('run reports each broken file with its line and still sends the good request', async () => {
    seen.length = 0;
    const r = await runCli(['run', dir]);
    expect(r.code, r.stderr).toBe(1);
    expect(seen).toEqual(['/good']);
    expect(r.stdout).toContain('f/b1.yaml:1:103: YAML: nested deeper than 100 levels');
    expect(r.stdout).toContain('f/b2.yaml:1:103: YAML: nested deeper than 100 levels');
    expect(r.stdout).toContain('f/alias.yaml:2:7: YAML: alias *nope has no anchor (&nope) before it');
    expect(r.stdout).toMatch(/f\/bomb\.yaml:2:\d+: YAML: aliases expand to more than 100 copies/);
    expect(r.stderr).not.toMatch(/FATAL|Unresolved alias/);
  });

  it('export leaves the broken files out, says so with file:line, and exports the rest', async () => {
    const r = await runCli(['export', 'curl', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${server.url}/good`);
    expect(r.stderr).toContain('note: left out f/alias.yaml:2:7: YAML: alias *nope');
    expect(r.stderr).toContain('note: left out environments/bad.yaml:1:7');
    expect(r.stderr).toContain('note: left out keys/bad.yaml:2:7');
  });

  it('send of the broken file is a usage error (exit 2) naming file:line, not [internal]', async () => {
    const r = await runCli(['send', join(dir, 'f', 'alias.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('f/alias.yaml:2:7');
    expect(r.stderr).not.toContain('[internal]');
    const deep = await runCli(['send', join(dir, 'f', 'b1.yaml')]);
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/nested deeper than 100 levels/);
  });
});

describe('serve imports the same malformed content twice', () => {
  let serve: ServeProcess;
  beforeAll(async () => { serve = await startServeProcess(); });
  afterAll(async () => { await serve.stop(); });

  it('answers each import with a problem and stays up for the next request', async () => {
    for (let i = 0; i < 2; i++) {
      const out = await mkdtemp(join(tmpdir(), 'clearance-rel-import-'));
      const r = await serve.rpc('imports.run', { format: 'openapi', fileName: 'spec.yaml', content: BRACKETS, outDir: join(out, 'ws') });
      await rm(out, { recursive: true, force: true });
      expect(r.ok).toBe(false);
      expect(r.error?.message).toMatch(/nested deeper than 100 levels/);
    }
    expect((await serve.rpc('app.info', {})).ok).toBe(true);
  });
});
