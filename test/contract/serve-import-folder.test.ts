// A Bruno collection folder sent to the real `clearance serve` endpoint (imports.run with `files`):
// a whole folder imports, and every spelling of a path that could climb out of the backend's private
// temp folder is refused with invalid-arguments before anything is written. The truth is the disk:
// the temp root holds nothing afterwards and no escape target exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services';
import { writeImportInput } from '../../electron/services/import-input';
import { folderPathProblem } from '../../shared/contract/import-paths';
import { startServe, type RunningServer } from '../../electron/serve/server';

const FIXTURE = join(import.meta.dirname, '../fixtures/imports/bruno/petstore');
let serve: RunningServer;
let staticDir: string;
let base: string;
/** The TMPDIR the backend sees: nothing may stay in it, and nothing may appear beside it. */
let privateTmp: string;
const saved = { TMPDIR: process.env.TMPDIR, CLEARANCE_HOME: process.env.CLEARANCE_HOME, DBUS: process.env.DBUS_SESSION_BUS_ADDRESS };

function post(body: unknown): Promise<{ status: number; json: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } }> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: serve.port, path: '/rpc/imports.run', method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

function filesOf(dir: string): Array<{ path: string; content: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => ({ path: relative(dir, join(e.parentPath, e.name)), content: readFileSync(join(e.parentPath, e.name), 'utf8') }));
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'clearance-folder-import-'));
  privateTmp = join(base, 'tmp', 'inner');
  await import('node:fs/promises').then((fs) => fs.mkdir(privateTmp, { recursive: true }));
  staticDir = join(base, 'static');
  await import('node:fs/promises').then((fs) => fs.mkdir(staticDir));
  process.env.TMPDIR = privateTmp;
  process.env.CLEARANCE_HOME = join(base, 'home');
  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent';
  serve = await startServe({ handlers: createHandlers({ transport: 'http', version: 't' }), staticDir });
});

afterAll(async () => {
  await serve.close();
  for (const [k, v] of [['TMPDIR', saved.TMPDIR], ['CLEARANCE_HOME', saved.CLEARANCE_HOME], ['DBUS_SESSION_BUS_ADDRESS', saved.DBUS]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(base, { recursive: true, force: true });
});

describe('imports.run with a folder, at the serve endpoint', () => {
  it('imports a Bruno .bru folder and leaves no temp folder behind', async () => {
    const out = join(base, 'ok', 'petstore');
    const res = await post({ format: 'auto', fileName: 'petstore', files: filesOf(FIXTURE), outDir: out });
    expect(res.json.error).toBeUndefined();
    expect(res.json.value).toMatchObject({ format: 'bruno', root: out });
    expect(res.json.value?.requests).toBeGreaterThan(0);
    expect(existsSync(join(out, 'clearance.yaml'))).toBe(true);
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  const escapes = [
    '../escape.bru', 'pets/../../escape.bru', '../../escape.bru', '..\\escape.bru', 'pets\\..\\..\\escape.bru',
    '%2e%2e/escape.bru', '%2E%2E/escape.bru', '%2e%2e%2fescape.bru', '..%2fescape.bru', '..%5cescape.bru', '.%2e/escape.bru',
    '/tmp/escape.bru', '/escape.bru', '//escape.bru', 'C:/escape.bru', 'c:\\escape.bru', 'C:escape.bru', '\\\\host\\share\\escape.bru',
    '~/escape.bru', '~root/escape.bru', 'escape.bru:$DATA', 'file:///escape.bru', 'pets//escape.bru', 'pets/./escape.bru', 'pets/',
    '.', '..', '', 'a\u0000/../escape.bru', 'escape\u0000.bru', 'line\nbreak.bru', `${'x'.repeat(256)}.bru`,
  ];
  for (const [i, path] of escapes.entries()) {
    it(`refuses ${JSON.stringify(path)} with invalid-arguments and writes nothing`, async () => {
      const out = join(base, 'refused', `ws${i}`);
      const files = [{ path: 'bruno.json', content: '{"version":"1","name":"x","type":"collection"}' }, { path, content: 'meta {\n  name: e\n}\n' }];
      const res = await post({ format: 'bruno', fileName: 'x', files, outDir: out });
      expect(res.json.ok).toBe(false);
      expect(res.json.error?.code).toBe('invalid-arguments');
      expect(res.json.error?.message).toMatch(/files\.1\.path/);
      expect(readdirSync(privateTmp)).toEqual([]);
      expect(existsSync(out)).toBe(false);
      for (const dir of [privateTmp, join(privateTmp, '..'), base, '/']) expect(existsSync(join(dir, 'escape.bru'))).toBe(false);
    });
  }

  it('refuses a path given twice and a file that is also a folder', async () => {
    for (const files of [[{ path: 'a.bru', content: 'x' }, { path: 'a.bru', content: 'y' }], [{ path: 'a', content: 'x' }, { path: 'a/b.bru', content: 'y' }]]) {
      const res = await post({ format: 'bruno', fileName: 'x', files, outDir: join(base, 'clash') });
      expect(res.json.error?.code).toBe('invalid-arguments');
      expect(readdirSync(privateTmp)).toEqual([]);
    }
  });

  it('refuses more than 5,000 files and a folder with another format', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => ({ path: `r${i}.bru`, content: '' }));
    expect((await post({ format: 'bruno', fileName: 'x', files: many, outDir: join(base, 'many') })).json.error?.code).toBe('invalid-arguments');
    const res = await post({ format: 'postman', fileName: 'x', files: [{ path: 'bruno.json', content: '{}' }], outDir: join(base, 'fmt') });
    expect(res.json.error?.code).toBe('invalid-arguments');
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});

describe('ordinary names pass', () => {
  it('spaces, accents, emoji, dots inside names, a literal %20 and 255-byte segments are relative paths', () => {
    for (const p of ['Get pet.bru', 'pets/Créer un animal.bru', 'émoji 🐶/list.bru', '...bru', 'v1.2/a..b.bru', 'a%20b.bru', '.env', `${'é'.repeat(127)}x`]) {
      expect(folderPathProblem(p), p).toBeUndefined();
    }
    expect(folderPathProblem(`${'é'.repeat(128)}`)).toMatch(/255 bytes/);
  });
});

describe('the backend check behind the schema', () => {
  it('writes a folder into a 0700 temp folder, and refuses an escaping path itself, removing the temp folder', async () => {
    const ok = await writeImportInput('petstore', { content: '', encoding: 'text' }, [{ path: 'pets/a.bru', content: 'x', encoding: 'text' }]);
    try {
      expect(statSync(ok.temp).mode & 0o777).toBe(0o700);
      expect(statSync(join(ok.path, 'pets')).mode & 0o777).toBe(0o700);
      expect(readFileSync(join(ok.path, 'pets/a.bru'), 'utf8')).toBe('x');
    } finally {
      await rm(ok.temp, { recursive: true, force: true });
    }
    for (const path of ['../escape.bru', 'pets/../../escape.bru', '/escape.bru', '%2e%2e/escape.bru']) {
      const before = readdirSync(privateTmp);
      await expect(writeImportInput('x', { content: '', encoding: 'text' }, [{ path: 'fine.bru', content: 'x', encoding: 'text' }, { path, content: 'x', encoding: 'text' }]))
        .rejects.toMatchObject({ info: { code: 'invalid-arguments' } });
      expect(readdirSync(privateTmp)).toEqual(before);
      expect(existsSync(resolve(privateTmp, 'escape.bru'))).toBe(false);
    }
  });
});
