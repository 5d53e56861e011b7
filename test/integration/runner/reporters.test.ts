// Every reporter at once (`--reporter cli,json,junit,html --out DIR`) over a run with passes, a failed
// check, a refusal, a request name holding markup, two iterations and secrets in the URL: junit.xml
// valid against the JUnit schema Jenkins reads (test/fixtures/junit/junit-10.xsd, validated by
// libxml2 in WebAssembly), report.html self-contained and escaped with refusals unmistakable, and
// neither a query-parameter key nor an environment secret in any file or output, though the server
// received both.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const QUERY_KEY = 'qk-9f3c1e77a2b04d5e';
const ENV_TOKEN = 'envtok-51c0d2e8b7a9';
const XSD = join(process.cwd(), 'test/fixtures/junit/junit-10.xsd');

let dir: string;
let out: string;
let server: TestServer;
const received: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-reporters-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-reporters-out-'));
  server = await startHttp((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    received.push(req.url ?? '');
    // Echoes what it was given: a reporter that printed a check's actual value unredacted would leak it.
    const echo = JSON.stringify({ key: url.searchParams.get('api_key'), sig: url.searchParams.get('sig') });
    if (url.pathname === '/denied') {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' }).end('{"message":"Forbidden"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(echo);
  });
  const port = server.url.split(':').at(-1);
  await mkdir(join(dir, 'environments'));
  await writeFile(join(dir, 'environments', 'local.yaml'),
    `name: local\nvariables:\n  base: ${server.url}\n  token:\n    secret: true\n    env: RUN_ENV_TOKEN\n`);
  await mkdir(join(dir, 'keys'));
  await writeFile(join(dir, 'keys', 'qkey.yaml'), ['name: qkey', 'kind: api-key', 'in: query', 'param: api_key', 'hosts:', `  - 127.0.0.1:${port}`,
    'key:', '  secret: true', '  env: RUN_QUERY_KEY', ''].join('\n'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Report <Shop> & "Co"\nid: ws-report-01\ndefaults:\n  key: qkey\norder: [ok, markup, check, denied]\n');
  const files: Record<string, string> = {
    'ok.yaml': 'name: Signed\nmethod: GET\nurl: "{{base}}/signed?sig={{token}}"\nexpect:\n  status: 200\n  json:\n    sig: { exists: true }\n',
    'markup.yaml': 'name: "<script>alert(1)</script> & \\"quoted\\""\nmethod: GET\nurl: "{{base}}/markup"\n',
    'check.yaml': 'name: Wrong key echoed\nmethod: GET\nurl: "{{base}}/echo?sig={{token}}"\nexpect:\n  json:\n    key: not-the-key\n    sig: not-the-token\n',
    'denied.yaml': 'name: Denied\nmethod: GET\nurl: "{{base}}/denied"\n',
  };
  for (const [f, text] of Object.entries(files)) await writeFile(join(dir, f), text);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', RUN_QUERY_KEY: QUERY_KEY, RUN_ENV_TOKEN: ENV_TOKEN };

async function validJunit(xml: string): Promise<void> {
  const schema = await readFile(XSD, 'utf8');
  const r = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: schema }] });
  expect(r.errors.map((e) => e.rawMessage), xml).toEqual([]);
  expect(r.valid).toBe(true);
}

describe('clearance run reporters', () => {
  let r: CliResult;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    received.length = 0;
    r = await runCli(['run', dir, '--env', 'local', '--iterations', '2', '--reporter', 'cli,json,junit,html', '--out', out, '--no-history'], { env });
    for (const f of ['run.json', 'junit.xml', 'report.html']) files[f] = await readFile(join(out, f), 'utf8');
  });

  it('the server received the key in the query and the secret, twice each (two iterations)', () => {
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(received.filter((u) => u.includes(`api_key=${QUERY_KEY}`))).toHaveLength(8);
    expect(received.filter((u) => u.includes(`sig=${ENV_TOKEN}`))).toHaveLength(4);
  });

  it('no file and no output holds the query key or the secret; URLs show ••• in their place', () => {
    for (const [name, text] of [...Object.entries(files), ['stdout', r.stdout], ['stderr', r.stderr]] as Array<[string, string]>) {
      expect(text, name).not.toContain(QUERY_KEY);
      expect(text, name).not.toContain(ENV_TOKEN);
    }
    const report = JSON.parse(files['run.json']!) as { results: Array<{ name: string; url: string; assertions?: Array<{ name: string; actual: string }> }> };
    expect(report.results[0]!.url).toBe(`${server.url}/signed?sig=•••&api_key=•••`);
    const echoed = report.results.find((x) => x.name === 'Wrong key echoed')!;
    expect(echoed.assertions!.map((a) => a.actual)).toEqual(['"•••"', '"•••"']);
  });

  it('junit.xml is valid against junit-10.xsd and counts the failures of both iterations', async () => {
    const xml = files['junit.xml']!;
    await validJunit(xml);
    expect(xml).toMatch(/<testsuites name="clearance run" tests="8" failures="4"/);
    expect(xml).toContain('name="GET Denied [iteration 2]"');
    expect(xml).toContain('FAILED: json key: expected &quot;not-the-key&quot;, got &quot;•••&quot;');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('a --bail run lists what it did not run as skipped, still valid', async () => {
    const bail = await runCli(['run', dir, '--env', 'local', '--bail', '--reporter', 'junit', '--out', out, '--no-history'], { env });
    expect(bail.code).toBe(1);
    const xml = await readFile(join(out, 'junit.xml'), 'utf8');
    await validJunit(xml);
    expect(xml).toMatch(/<testsuite [^>]*tests="4" failures="1" errors="0" skipped="1"/);
  });

  it('report.html is one self-contained file: no script, nothing fetched, every string escaped, refusals marked REFUSED', () => {
    const html = files['report.html']!;
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(html).toContain('<title>Report &lt;Shop&gt; &amp; &quot;Co&quot; — clearance run</title>');
    // Each of the two Denied results, and each again in the list of refusals.
    expect(html.match(/<span class="badge refused">403 REFUSED <small>[a-z-]+<\/small><\/span>/g)).toHaveLength(4);
    expect(html).toContain('✗ json key: expected &quot;not-the-key&quot;, got &quot;•••&quot;');
    expect(html).toMatch(/<th>assertions<\/th><td class="n">8<\/td><td class="n">4<\/td><td class="n fail">4<\/td>/);
  });

  it('the cli output has the summary table, each refusal with its one-line explanation, each failed check', () => {
    expect(r.stdout).toMatch(/requests +8 +4 +4/);
    expect(r.stdout).toMatch(/assertions +8 +4 +4/);
    expect(r.stdout).toMatch(/✗ Denied #1: 403 [a-z-]+ by Amazon API Gateway: .+/);
    expect(r.stdout).toContain('✗ json sig: expected "not-the-token", got "•••"');
  });
});
