// A run writes a big body to disk only when something reads more of it than its preview: a body
// check or a script gets the whole body (their text past the first 64 KiB is found), a request with
// neither keeps the preview and counts the rest. Where the truth is: the body folder under the
// child's TMPDIR is created only by a body file, and the server saw every request answered in full.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../electron/runner/types';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const SIZE = 3 * 1024 * 1024;
let dir: string;
let server: TestServer;
/** bytes the server finished writing, per request */
const finished: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-run-big-'));
  server = await startHttp((req, res) => {
    // 3 MiB of text, the marker in its last bytes (far past the 64 KiB preview)
    const body = Buffer.alloc(SIZE, 'x');
    body.write('THE-END', SIZE - 7);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(SIZE) });
    res.on('finish', () => finished.push(SIZE));
    res.end(body);
  });
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Big\nid: ws-big-0001\n');
  await mkdir(join(dir, 'big'));
  await writeFile(join(dir, 'big', 'plain.yaml'), `name: Plain\nmethod: GET\nurl: ${server.url}/big\n`);
  await writeFile(join(dir, 'big', 'checked.yaml'), `name: Checked\nmethod: GET\nurl: ${server.url}/big\nexpect:\n  body: { contains: THE-END }\n`);
  const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
  await writeFile(join(dir, 'scripted.postman_collection.json'), JSON.stringify({ info: { name: 'Scripted', schema: SCHEMA }, item: [{
    name: 'Scripted', request: { method: 'GET', url: `${server.url}/big` },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: ["pm.test('sees the end', () => pm.expect(pm.response.text().endsWith('THE-END')).to.be.true);"] } }],
  }] }));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs one target with its own TMPDIR; says whether the run made the body folder there. */
async function run(target: string): Promise<{ code: number; report: RunReport; bodyFolder: boolean }> {
  const tmp = await mkdtemp(join(tmpdir(), 'clearance-run-big-tmp-'));
  try {
    const out = join(tmp, 'out');
    const r = await runCli(['run', target, '--reporter', 'json', '--out', out, '--no-history'], { env: { TMPDIR: tmp } });
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as RunReport;
    return { code: r.code, report, bodyFolder: existsSync(join(tmp, 'clearance-bodies')) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

describe('clearance run: big bodies', () => {
  it('a request nothing reads past the preview writes no body file; the response is still read to its end', async () => {
    finished.length = 0;
    const { code, report, bodyFolder } = await run(join(dir, 'big', 'plain.yaml'));
    expect(code).toBe(0);
    expect(report.results[0]).toMatchObject({ name: 'Plain', status: 200, passed: true });
    expect(finished).toEqual([SIZE]);
    expect(bodyFolder).toBe(false);
  });

  it('a body check reads the whole body (the text in its last bytes is found)', async () => {
    const { code, report, bodyFolder } = await run(join(dir, 'big', 'checked.yaml'));
    expect(code, JSON.stringify(report.results[0])).toBe(0);
    expect(report.results[0]!.assertions).toEqual([{ name: 'body contains "THE-END"', passed: true, expected: 'found', actual: 'found' }]);
    expect(bodyFolder).toBe(true);
  });

  it('a Postman test script reads the whole body', async () => {
    const { code, report, bodyFolder } = await run(join(dir, 'scripted.postman_collection.json'));
    expect(code, JSON.stringify(report.results[0])).toBe(0);
    expect(report.results[0]!.tests).toEqual([expect.objectContaining({ name: 'sees the end', passed: true })]);
    expect(bodyFolder).toBe(true);
  });
});
