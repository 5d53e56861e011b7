import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestFileSchema, type RequestFile } from '../../../shared/model';
import { decode, encode } from '../../../electron/workspace/codec';

const sample: RequestFile = {
  name: 'List orders',
  method: 'POST',
  url: 'https://{{host}}/v1/orders?expand=items&filter=' + 'x'.repeat(200),
  params: [{ name: 'page', value: '1', enabled: true }, { name: 'debug', value: 'true', enabled: false }],
  headers: [{ name: 'Accept', value: 'application/json', enabled: true }, { name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }],
  body: { kind: 'json', text: '{\n  "status": "open",\n  "limit": 10\n}\n' },
  options: { timeouts: { connectMs: 5000 }, redirects: { follow: false } },
  expect: { status: '2xx' },
  docs: 'Lists the open orders.\nNeeds the orders:read scope.',
};

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'clearance-codec-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('YAML codec', () => {
  it('writes schema field order, 2-space indent, block scalars, only enabled: false, and no engine defaults', () => {
    // keys given in a scrambled order come out in the schema's order
    const scrambled = Object.fromEntries(Object.entries(sample).reverse()) as RequestFile;
    const text = encode(RequestFileSchema, scrambled);
    expect(text).toBe(encode(RequestFileSchema, sample));
    const keys = text.split('\n').filter((l) => /^[a-z]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys).toEqual(['name', 'method', 'url', 'params', 'headers', 'body', 'options', 'expect', 'docs']);
    expect(text).toContain('  text: |\n    {\n      "status": "open",');
    expect(text).toContain('docs: |-\n  Lists the open orders.\n  Needs the orders:read scope.');
    expect(text.match(/enabled/g)).toEqual(['enabled']);
    expect(text).toContain('    enabled: false');
    expect(text).not.toContain('firstByteMs');
    expect(text.split('\n').find((l) => l.startsWith('url:'))!.length).toBeGreaterThan(200);
  });

  it('save then load is lossless', () => {
    const back = decode(RequestFileSchema, encode(RequestFileSchema, sample), 'r.yaml');
    expect(back).toEqual({ ok: true, value: sample });
  });

  it('a change in one field is a one-line git diff', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    const file = join(dir, 'list-orders.yaml');
    await writeFile(file, encode(RequestFileSchema, sample));
    git('add', '.');
    git('commit', '-qm', 'first');
    const changes: Array<(r: RequestFile) => RequestFile> = [
      (r) => ({ ...r, url: r.url.replace('v1', 'v2') }),
      (r) => ({ ...r, headers: r.headers!.map((h, i) => (i === 1 ? { ...h, value: 'k2' } : h)) }),
      (r) => ({ ...r, params: r.params!.map((p, i) => (i === 1 ? { ...p, enabled: true } : p)) }),
      (r) => ({ ...r, body: { kind: 'json', text: (r.body as { text: string }).text.replace('10', '20') } }),
    ];
    for (const change of changes) {
      const loaded = decode(RequestFileSchema, await readFile(file, 'utf8'), 'x');
      if (!loaded.ok) throw new Error(loaded.problem.message);
      await writeFile(file, encode(RequestFileSchema, change(loaded.value)));
      const numstat = git('diff', '--numstat').trim();
      expect(numstat).toMatch(/^1\t1\tlist-orders.yaml$|^0\t1\tlist-orders.yaml$/);
      git('commit', '-qam', 'change');
    }
  });

  it('reports YAML syntax and schema errors with line and column', () => {
    const bad = decode(RequestFileSchema, 'name: a\nmethod: GET\nname: b\nurl: /x\n', 'a.yaml');
    expect(bad).toMatchObject({ ok: false, problem: { path: 'a.yaml', line: 3, column: 1 } });
    if (!bad.ok) expect(bad.problem.message).toMatch(/^YAML: .*unique/i);
    const unterminated = decode(RequestFileSchema, 'name: a\nurl: "x\nmethod: GET\n', 'e.yaml');
    expect(unterminated.ok).toBe(false);
    if (!unterminated.ok) expect(unterminated.problem.line).toBeGreaterThanOrEqual(2);
    const wrong = decode(RequestFileSchema, 'name: a\nmethod: GET\nurl: /x\nheaders:\n  - name: A\n    value: 42\n', 'b.yaml');
    expect(wrong).toMatchObject({ ok: false, problem: { path: 'b.yaml', line: 6, column: 12 } });
    if (!wrong.ok) expect(wrong.problem.message).toMatch(/^headers\[0\]\.value: .*string/);
    const missing = decode(RequestFileSchema, 'name: a\nurl: /x\n', 'c.yaml');
    expect(missing).toMatchObject({ ok: false, problem: { line: 1, column: 1 } });
    if (!missing.ok) expect(missing.problem.message).toMatch(/^method: /);
    const extra = decode(RequestFileSchema, 'name: a\nmethod: GET\nurl: /x\nheaderz: []\n', 'd.yaml');
    if (!extra.ok) expect(extra.problem.message).toContain('headerz');
    expect(extra.ok).toBe(false);
  });
});
