// Issue 14, defect 5: crafted input made some parsers quadratic (80 KB of blank lines in a .bru
// body: 5.9 s; long runs of "_" in a variable name: 6 s; YAML with one error per character: a 2 MB
// request file never finished). Each input here is several times those sizes: the quadratic code
// would run for minutes, past the test's timeout; linear code ends in well under a second of work.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

const N = 400_000;
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'clearance-rel-linear-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const importInto = (format: string, file: string, out: string) => runCli(['import', format, file, '--out', join(dir, out)]);

describe('crafted input ends in linear work', () => {
  it('a .bru body with 400,000 blank lines between two lines', async () => {
    const col = join(dir, 'bru');
    await mkdir(col);
    await writeFile(join(col, 'bruno.json'), JSON.stringify({ version: '1', name: 'B', type: 'collection' }));
    const body = `body:text {\n  first\n${'\n'.repeat(N)}  last\n}\n`;
    await writeFile(join(col, 'r.bru'), `meta {\n  name: R\n  seq: 1\n}\n\npost {\n  url: http://127.0.0.1:9/\n  body: text\n}\n\n${body}`);
    const r = await importInto('bruno', col, 'bru-out');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 request(s)');
  });

  it('a Postman variable named by 400,000 "_" between two words', async () => {
    const name = `a${'_'.repeat(N)} b`;
    const col = { info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: name, value: '1' }], item: [{ name: 'r', request: { method: 'GET', url: 'http://127.0.0.1:9/' } }] };
    await writeFile(join(dir, 'p.json'), JSON.stringify(col));
    const r = await importInto('postman', join(dir, 'p.json'), 'p-out');
    expect(r.code, r.stderr).toBe(0);
  });

  it('an OpenAPI server URL ending in 400,000 "/" before a last segment', async () => {
    const spec = { openapi: '3.0.0', info: { title: 't', version: '1' }, servers: [{ url: `http://127.0.0.1:9/${'/'.repeat(N)}x` }], paths: {} };
    await writeFile(join(dir, 'o.json'), JSON.stringify(spec));
    const r = await importInto('openapi', join(dir, 'o.json'), 'o-out');
    expect(r.code, r.stderr).toBe(0);
  });

  it('send of a 2 MB request file that is one syntax error per character', async () => {
    await writeFile(join(dir, 'bad.yaml'), ']'.repeat(2_000_000));
    const r = await runCli(['send', join(dir, 'bad.yaml')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('bad.yaml:1:1: not valid YAML/JSON: Unexpected flow-seq-end token');
  });
});
