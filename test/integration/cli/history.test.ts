import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

let home: string;
let server: TestServer;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'clearance-cli-hist-'));
  server = await startHttp((req, res) => {
    res.writeHead(req.url?.startsWith('/deny') ? 403 : 200, { 'content-type': 'text/plain', 'set-cookie': 'session=s3cr3t-cookie' });
    res.end('body');
  });
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { env: { CLEARANCE_HOME: home } });

describe('clearance history', () => {
  it('lists what send recorded, newest first, filtered by status and text, secrets redacted', async () => {
    expect((await cli(['send', '--curl', `curl ${server.url}/ok/first -H 'Authorization: Bearer tok-abcdef'`])).code).toBe(0);
    expect((await cli(['send', '--curl', `curl ${server.url}/deny/second -H 'x-api-key: key-xyz-987'`])).code).toBe(0);
    expect((await cli(['send', '--curl', 'curl http://127.0.0.1:1/refused'])).code).toBe(1);

    const all = await cli(['history']);
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/ERR .*GET http:\/\/127\.0\.0\.1:1\/refused/);
    expect(lines[1]).toMatch(/403 .*GET .*\/deny\/second/);
    expect(lines[2]).toMatch(/200 .*GET .*\/ok\/first/);

    const denied = await cli(['history', '--status', '403', '--json']);
    const entries = JSON.parse(denied.stdout) as Array<{ url: string; requestHeaders: Array<{ name: string; value: string }>; responseHeaders: string[][] }>;
    expect(entries.map((e) => e.url)).toEqual([`${server.url}/deny/second`]);
    expect(entries[0]!.requestHeaders).toContainEqual(expect.objectContaining({ name: 'x-api-key', value: '•••' }));
    expect(entries[0]!.responseHeaders).toContainEqual(['set-cookie', '•••']);
    expect((JSON.parse((await cli(['history', '--grep', 'FIRST', '--json'])).stdout) as unknown[])).toHaveLength(1);
    expect((await cli(['history', '--limit', '1'])).stdout.trim().split('\n')).toHaveLength(1);

    const raw = await readFile(join(home, 'history', 'history.jsonl'), 'utf8');
    for (const secret of ['tok-abcdef', 'key-xyz-987', 's3cr3t-cookie']) expect(raw).not.toContain(secret);
  });

  it('exits 2 on a bad --status or --limit', async () => {
    const r = await cli(['history', '--status', 'forbidden']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--status forbidden: give a status like 403/);
    expect((await cli(['history', '--limit', '0'])).code).toBe(2);
  });
});
