// app:// as a function, against a real bundle folder on disk: the right bytes and headers for the
// bundle's files, and nothing at all from outside it however the path is spelled.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, handleAppRequest, resolveAppRequest } from '../../electron/main/app-protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'clearance-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clearance</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("bundle")');
  writeFileSync(join(root, 'assets', 'editor.worker-x.js'), 'self.onmessage = () => {}');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'codicon.ttf'), Buffer.from([0, 1, 0, 0]));
  writeFileSync(join(root, 'assets', 'module.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(root, 'assets', 'data.bin'), Buffer.from([1, 2, 3]));
  // Outside the bundle, next to it: what a traversal would be after.
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
  symlinkSync(base, join(root, 'assets', 'up'));
  symlinkSync(join(root, 'assets', 'index-abc.css'), join(root, 'assets', 'alias.css'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// serves the bundle', () => {
  it('index.html at the root and by name, with the production CSP and nosniff', async () => {
    for (const url of ['app://clearance/', 'app://clearance', 'app://clearance/index.html', 'app://clearance/index.html?token=x#top']) {
      const r = await resolveAppRequest(url, root);
      expect(r.status, url).toBe(200);
      expect(r.file).toBe(join(root, 'index.html'));
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['content-security-policy']).toBe(CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CSP).toContain("worker-src 'self'");
  });

  it('types by extension; worker scripts carry the CSP too (a worker takes its own response policy)', async () => {
    const cases: Array<[string, string]> = [
      ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['assets/editor.worker-x.js', 'text/javascript; charset=utf-8'],
      ['assets/index-abc.css', 'text/css; charset=utf-8'],
      ['assets/codicon.ttf', 'font/ttf'],
      ['assets/module.wasm', 'application/wasm'],
      ['assets/data.bin', 'application/octet-stream'],
      ['assets/alias.css', 'text/css; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const r = await resolveAppRequest(`app://clearance/${path}`, root);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
      expect(r.headers['content-security-policy']).toBe(CSP);
    }
  });

  it('as a fetch handler: the file bytes with the same headers; HEAD without a body', async () => {
    const res = await handleAppRequest(new Request('app://clearance/assets/index-abc.js'), root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String('console.log("bundle")'.length));
    expect(await res.text()).toBe('console.log("bundle")');
    const head = await handleAppRequest(new Request('app://clearance/index.html', { method: 'HEAD' }), root);
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const refused = await handleAppRequest(new Request('app://clearance/assets/escape.txt'), root);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('do not serve');
    // A fetch Request folds `..` itself (Chromium does the same before the handler): what is left is not in the bundle.
    const folded = await handleAppRequest(new Request('app://clearance/%2e%2e/secret.txt'), root);
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('do not serve');
  });
});

describe('app:// refuses everything outside the bundle', () => {
  const outside: Array<[string, number]> = [
    ['app://clearance/../secret.txt', 403],
    ['app://clearance/assets/../../secret.txt', 403],
    ['app://clearance/%2e%2e/secret.txt', 403],
    ['app://clearance/%2E%2E/secret.txt', 403],
    ['app://clearance/.%2e/secret.txt', 403],
    ['app://clearance/assets/..%2f..%2fsecret.txt', 403],
    ['app://clearance/%2e%2e%2fsecret.txt', 403],
    ['app://clearance/..\\secret.txt', 403],
    ['app://clearance/assets%5c..%5c..%5csecret.txt', 403],
    ['app://clearance/index.html%00.js', 403],
    ['app://clearance//etc/passwd', 403],
    ['app://clearance/%2fetc/passwd', 403],
    ['app://clearance/C:/Windows/win.ini', 403],
    ['app://clearance/assets/escape.txt', 403],
    ['app://clearance/assets/up/secret.txt', 403],
  ];
  it.each(outside)('%s → %i, and never the file', async (url, status) => {
    const r = await resolveAppRequest(url, root);
    expect(r.status).toBe(status);
    expect(r.file).toBeUndefined();
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('404 for what the bundle does not have, another host or scheme; 405 for writes; 400 for a broken escape', async () => {
    const cases: Array<[string, number, string?]> = [
      ['app://clearance/missing.js', 404],
      ['app://clearance/assets', 404],
      ['app://clearance/assets/', 404],
      ['app://other/index.html', 404],
      ['file:///index.html', 404],
      ['app://clearance/%zz', 403],
      ['app://clearance/index.html', 405, 'POST'],
      ['not a url', 400],
    ];
    for (const [url, status, method] of cases) {
      expect((await resolveAppRequest(url, root, method)).status, `${method ?? 'GET'} ${url}`).toBe(status);
    }
  });
});
