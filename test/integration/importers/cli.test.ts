import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { fixture } from './helpers';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'clearance-import-cli-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('clearance import / export', () => {
  it('imports, prints counts and every warning, and refuses to overwrite', async () => {
    const out = join(dir, 'shop');
    const r = await runCli(['import', 'auto', fixture('postman/shop-v2.1.postman_collection.json'), '--out', out]);
    expect(r.code).toBe(0);
    // The collection's secrets live in environments: the import adds a `default` one to hold them.
    expect(r.stdout).toMatch(/\(postman-2\.1\) into .*: 8 request\(s\), 1 environment\(s\), 3 key profile\(s\), 0 gateway profile\(s\); 15 file\(s\) written/);
    expect(r.stdout).toContain("request 'Login': pre-request script not imported (scripts are not supported)");
    expect(await readFile(join(out, 'orders', 'list-orders.yaml'), 'utf8')).toContain('{{baseUrl}}/orders');
    const again = await runCli(['import', 'postman', fixture('postman/shop-v2.1.postman_collection.json'), '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/15 file\(s\) already exist .*nothing written/);
  });

  it('refuses a non-empty folder that is not a workspace unless --force', async () => {
    const out = join(dir, 'busy');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const r = await runCli(['import', 'har', fixture('har/browser.har'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty and is not a Clearance workspace');
    expect(await readdir(out)).toEqual(['notes.txt']);
    const forced = await runCli(['import', 'har', fixture('har/browser.har'), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('broken input: exit 2 with one line naming the file, no stack trace', async () => {
    const r = await runCli(['import', 'auto', fixture('broken/truncated.postman_collection.json'), '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/truncated\.postman_collection\.json: not valid JSON/);
  });

  it('exports a workspace as Postman and a request as curl and python', async () => {
    const out = join(dir, 'pets');
    expect((await runCli(['import', 'bruno', fixture('bruno/petstore'), '--out', out])).code).toBe(0);
    const pm = await runCli(['export', 'postman', out]);
    expect(pm.code).toBe(0);
    expect(JSON.parse(pm.stdout).info.schema).toContain('v2.1.0');
    const curl = await runCli(['export', 'curl', join(out, 'pets', 'create-pet.yaml'), '--env', 'Local']);
    expect(curl.code).toBe(0);
    expect(curl.stdout).toContain("curl 'http://localhost:8080/pets'");
    expect(curl.stderr).toContain('token');
    const py = await runCli(['export', 'snippet:python', join(out, 'pets', 'create-pet.yaml')]);
    expect(py.stdout).toContain('import requests');
    const bad = await runCli(['export', 'snippet:cobol', out]);
    expect(bad.code).toBe(2);
  });
});
