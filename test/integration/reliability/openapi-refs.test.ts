// Issue 14, defect 2: an OpenAPI document may only follow its own refs. `$ref: /a/local/file.json`
// read that file into the workspace (exit 0); a failed outside ref next to a lone surrogate key
// rejected again after the import had returned, which killed `clearance serve`.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startServeProcess, type ServeProcess } from './serve-process';

const CANARY = 'canary-local-file-7f3a';
let dir: string;
let home: string;

const spec = (paths: string) => `{"openapi":"3.0.0","info":{"title":"t","version":"1"},"servers":[{"url":"http://127.0.0.1:9"}],"paths":${paths}}`;

async function allText(root: string): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-rel-openapi-'));
  home = await mkdtemp(join(tmpdir(), 'clearance-rel-home-'));
  await writeFile(join(dir, 'local.json'), JSON.stringify({ type: 'object', example: { token: CANARY } }));
});

afterAll(async () => { await rm(dir, { recursive: true, force: true }); await rm(home, { recursive: true, force: true }); });

describe('OpenAPI $refs', () => {
  it('refuses a $ref to a local file with exit 2, naming the ref, and writes none of its content', async () => {
    const local = join(dir, 'local.json');
    const body = `{"requestBody":{"content":{"application/json":{"schema":{"$ref":"${local}"}}}},"responses":{"200":{"description":"ok"}}}`;
    await writeFile(join(dir, 'spec.json'), spec(`{"/a":{"post":${body}}}`));
    const r = await runCli(['import', 'openapi', join(dir, 'spec.json'), '--out', join(dir, 'out')], { env: { CLEARANCE_HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`$ref '${local}' at #/paths/~1a/post/requestBody/content/application~1json/schema points outside the document`);
    expect(await allText(join(dir, 'out'))).not.toContain(CANARY);
    expect(await allText(home)).not.toContain(CANARY);
  });

  it('still follows the document\'s own refs', async () => {
    const doc = spec('{"/a":{"get":{"responses":{"200":{"$ref":"#/components/responses/Ok"}}}}}').replace(/}$/, ',"components":{"responses":{"Ok":{"description":"fine"}}}}');
    await writeFile(join(dir, 'own.json'), doc);
    const r = await runCli(['import', 'openapi', join(dir, 'own.json'), '--out', join(dir, 'own')], { env: { CLEARANCE_HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 request(s)');
  });
});

describe('serve and a failing outside ref next to a lone surrogate key', () => {
  let serve: ServeProcess;
  beforeAll(async () => { serve = await startServeProcess(); });
  afterAll(async () => { await serve.stop(); });

  it('answers with the ref named and stays up for the next request', async () => {
    const content = spec('{"/a":{"$ref":"nope.json"},"\\ud800":{"$ref":"nope2.json"},"/b":{"$ref":"http://127.0.0.1:9/x.json"}}');
    for (let i = 0; i < 2; i++) {
      const r = await serve.rpc('imports.run', { format: 'openapi', fileName: 'spec.json', content, outDir: join(dir, `serve-${i}`) });
      expect(r.ok).toBe(false);
      expect(r.error?.message).toMatch(/\$ref '(nope2?\.json|http:\/\/127\.0\.0\.1:9\/x\.json)' at #\/paths\/.* points outside the document/);
    }
    // An unhandled rejection would have ended the process by now: it answers the next call.
    expect((await serve.rpc('app.info', {})).ok).toBe(true);
  });
});
