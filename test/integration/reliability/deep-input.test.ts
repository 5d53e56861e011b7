// Issue 14, defect 6: inputs that overflowed the stack now end in a clear error naming the problem,
// exit 2: a curl command with 130,000 arguments, explain input with deeply nested or object header
// values, 3,000 nested Postman folders, deep Insomnia folder trees (v4 JSON and v5 YAML).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'clearance-rel-deep-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, text: string): Promise<string> {
  await writeFile(join(dir, name), text);
  return join(dir, name);
}

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
/** A Postman collection with `levels` folders inside each other (as text: JSON.stringify recurses too). */
function nestedPostman(levels: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < levels; i++) {
    open += `{"name":"f${i}","item":[`;
    close += ']}';
  }
  return `{"info":{"name":"P","schema":"${SCHEMA}"},"item":[${open}{"name":"r","request":{"method":"GET","url":"http://127.0.0.1:9/"}}${close}]}`;
}

const expectUsage = (r: { code: number; stderr: string }, message: RegExp) => {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/Maximum call stack|internal error/);
};

describe('deep or huge input ends in a clear usage error', () => {
  it('a curl file whose command has 130,000 URL arguments', async () => {
    const f = await file('curl.txt', `curl ${Array.from({ length: 130_000 }, (_, i) => `http://127.0.0.1:9/${i}`).join(' ')}\n`);
    const r = await runCli(['import', 'curl', f, '--out', join(dir, 'curl-out')]);
    expectUsage(r, /more than one URL: http:\/\/127\.0\.0\.1:9\/0, http:\/\/127\.0\.0\.1:9\/1, http:\/\/127\.0\.0\.1:9\/2 and 129997 more/);
  });

  it('3,000 nested Postman folders, and 110', async () => {
    expectUsage(await runCli(['import', 'postman', await file('deep.json', nestedPostman(3000)), '--out', join(dir, 'p1')]),
      /nests deeper than 256 levels/);
    expectUsage(await runCli(['import', 'postman', await file('p110.json', nestedPostman(110)), '--out', join(dir, 'p2')]),
      /the collection nests folders deeper than 100 levels/);
  });

  it('Insomnia v4 groups 3,000 deep (parentId chain) and v5 YAML folders 60 deep', async () => {
    const resources = [{ _id: 'wrk_1', _type: 'workspace', name: 'W' }];
    for (let i = 0; i < 3000; i++) resources.push({ _id: `fld_${i}`, _type: 'request_group', parentId: i ? `fld_${i - 1}` : 'wrk_1', name: `f${i}` } as never);
    const v4 = await file('v4.json', JSON.stringify({ _type: 'export', __export_format: 4, resources }));
    expectUsage(await runCli(['import', 'insomnia', v4, '--out', join(dir, 'i4')]), /the collection nests folders deeper than 100 levels/);
    const lines = ['type: collection.insomnia.rest/5.0', 'name: W', 'collection:'];
    for (let i = 0; i < 60; i++) lines.push(`${'  '.repeat(2 * i)}  - name: f${i}`, `${'  '.repeat(2 * i)}    children:`);
    const v5 = await file('v5.yaml', `${lines.join('\n')}\n`);
    expectUsage(await runCli(['import', 'insomnia', v5, '--out', join(dir, 'i5')]), /nested deeper than 100 levels/);
  });

  it('explain input whose header value is 100,000 nested lists, or an object with a toString that is no function', async () => {
    const deep = `{"status":403,"headers":{"x-a":${'['.repeat(100_000)}${']'.repeat(100_000)}},"body":"no"}`;
    expectUsage(await runCli(['explain', await file('e1.json', deep)]), /nests deeper than 64 levels/);
    const objectValue = JSON.stringify({ status: 403, headers: { 'x-a': { toString: 1 } }, body: 'no' });
    expectUsage(await runCli(['explain', await file('e2.json', objectValue)]), /response\.headers\.x-a: a header value must be text/);
    const har = JSON.stringify({ log: { entries: [{ response: { status: 403, headers: [{ name: 'x', value: { valueOf: 1, toString: 1 } }] } }] } });
    expectUsage(await runCli(['explain', await file('e3.json', har)]), /log\.entries\[0\]\.response\.headers\[0\]: a header value must be text/);
  });
});
