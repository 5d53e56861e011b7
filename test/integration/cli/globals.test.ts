import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

// globals.yaml lives in the data folder (CLEARANCE_HOME); a broken one used to read as "no globals",
// so the send failed later with a misleading "unresolved variable".
let dir: string;
let home: string;
let server: TestServer;
let hits = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-cli-globals-'));
  server = await startHttp((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: G\nid: 0f0e0d0c-globals\n');
  await writeFile(join(dir, 'r.yaml'), 'name: R\nmethod: GET\nurl: "{{base}}/g"\n');
});

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'clearance-cli-globals-home-'));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const send = () => runCli(['send', join(dir, 'r.yaml')], { env: { CLEARANCE_HOME: home } });

describe('globals.yaml in the data folder', () => {
  it('resolves from a valid file (name optional) and sends', async () => {
    await writeFile(join(home, 'globals.yaml'), `variables:\n  base: ${server.url}\n`);
    const r = await send();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/200 OK/);
  });

  it('a missing file means no globals: the variable is unresolved', async () => {
    const r = await send();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unresolved variable \{\{base\}\} in url/);
  });

  it('a YAML error fails the send naming the file, line and column, sending nothing', async () => {
    await writeFile(join(home, 'globals.yaml'), `variables:\n  base: ${server.url}\n  other: [\n`);
    const before = hits;
    const r = await send();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(home, 'globals.yaml')}:4:1: YAML`);
    expect(r.stderr).not.toMatch(/unresolved/);
    expect(hits).toBe(before);
  });

  it('a schema error names the field and where it is', async () => {
    await writeFile(join(home, 'globals.yaml'), `variables:\n  base: ${server.url}\nvaribles: {}\n`);
    const r = await send();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(home, 'globals.yaml')}:1:1: Unrecognized key`);
    expect(r.stderr).toMatch(/varibles/);
  });

  it('a file that cannot be read (a folder in its place; chmod does not stop root) fails the send', async () => {
    await mkdir(join(home, 'globals.yaml'));
    const r = await send();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(home, 'globals.yaml')}: cannot read the globals file (EISDIR`);
  });
});
