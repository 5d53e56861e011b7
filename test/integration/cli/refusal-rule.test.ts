// The one refusal rule, end to end: `clearance send`, `clearance run` and `clearance history` give the
// same verdict on the same responses. The regression: a 200 whose JSON says the call was refused
// (Slack's {"ok":false,"error":"not_authed"}) was a refusal for send and a pass for run.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const F5_PAGE = "<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: 10419810235619123456<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>";

/** route -> [status, content type, body, refused?] : the last column is what every command must say */
const ROUTES: Record<string, [number, string, string, boolean]> = {
  slack: [200, 'application/json; charset=utf-8', '{"ok":false,"error":"not_authed"}', true],
  blockpage: [200, 'text/html', F5_PAGE, true],
  ok: [200, 'application/json', '{"ok":true,"channels":[]}', false],
  missing: [404, 'text/plain', 'no such page', false],
  denied: [403, 'text/plain', 'Forbidden', true],
};

let server: TestServer;
let dir: string;
let out: string;
let home: string;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const route = ROUTES[(req.url ?? '/').slice(1)];
    if (!route) return void res.writeHead(500).end();
    res.writeHead(route[0], { 'content-type': route[1] });
    res.end(route[2]);
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-refusal-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-refusal-out-'));
  home = await mkdtemp(join(tmpdir(), 'clearance-refusal-home-'));
  const names = Object.keys(ROUTES);
  await writeFile(join(dir, 'clearance.yaml'), `clearance: 1\nname: Refusals\nid: ws-refusal-01\norder: [${names.join(', ')}]\n`);
  for (const name of names) await writeFile(join(dir, `${name}.yaml`), `name: ${name}\nmethod: GET\nurl: ${server.url}/${name}\n`);
  await mkdir(join(dir, 'environments'));
});

afterAll(async () => {
  await server.close();
  for (const d of [dir, out, home]) await rm(d, { recursive: true, force: true });
});

const env = () => ({ CLEARANCE_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });

describe('one refusal rule for send, run and history', () => {
  it('clearance run fails the 200-JSON refusal: exit 1, and run.json marks that result failed', async () => {
    const r = await runCli(['run', join(dir, 'slack.yaml'), '--reporter', 'json', '--out', out], { env: env() });
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    expect(report.results).toHaveLength(1);
    const [result] = report.results;
    expect(result).toMatchObject({ name: 'slack', status: 200, passed: false, reason: 'refused (missing-credentials)' });
    expect(result.explanation).toMatchObject({ blocked: true, producer: { id: 'slack-api' }, reason: { id: 'slack-api/missing-credentials' } });
    expect(report.summary).toMatchObject({ total: 1, passed: 0, failed: 1, refusals: { 'missing-credentials': 1 } });
  });

  it('clearance send flags the same response as refused', async () => {
    const r = await runCli(['send', '--curl', `curl ${server.url}/slack`], { env: env() });
    expect(r.code).toBe(0); // a response arrived; only --fail with a status >= 400 exits 1
    expect(r.stderr).toMatch(/✖ Refused by Slack Web API \(saas-api\): Missing credentials/);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: 'not_authed' });
  });

  it('send and run agree on every response, and history keeps the same verdict', async () => {
    const viaSend: Record<string, boolean> = {};
    for (const name of Object.keys(ROUTES)) {
      const r = await runCli(['send', '--curl', `curl ${server.url}/${name}`], { env: env() });
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      viaSend[name] = /Refused by /.test(r.stderr);
    }
    const run = await runCli(['run', dir, '--reporter', 'json', '--out', out, '--no-history'], { env: env() });
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { results: Array<{ name: string; passed: boolean }> };
    const viaRun = Object.fromEntries(report.results.map((x) => [x.name, !x.passed]));
    const expected = Object.fromEntries(Object.entries(ROUTES).map(([name, route]) => [name, route[3]]));
    expect(viaSend).toEqual(expected);
    expect(viaRun).toEqual(expected);

    const hist = await runCli(['history', '--status', 'refused', '--json'], { env: env() });
    expect(hist.code, hist.stderr).toBe(0);
    const urls = (JSON.parse(hist.stdout) as Array<{ url: string; refused?: boolean }>).map((e) => e.url.replace(server.url, ''));
    expect(new Set(urls)).toEqual(new Set(['/slack', '/blockpage', '/denied']));
    const all = JSON.parse((await runCli(['history', '--json'], { env: env() })).stdout) as Array<{ url: string; refused?: boolean }>;
    expect(all.find((e) => e.url.endsWith('/ok'))?.refused).toBe(false);
  });
});
